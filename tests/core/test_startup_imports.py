"""The window starts without the heavy libraries: they load when a feature is first used."""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = """
import os, sys
os._exit = lambda status: None  # the app's quick exit in QUIT_WHEN_READY mode: look first
from crm_desktop.cli import main
status = main(["--db", sys.argv[1]])
heavy = sorted(name for name in ("reportlab", "openpyxl", "vobject", "email_validator",
                                  "multiprocessing", "crm_desktop.services.importing",
                                  "crm_desktop.services.exporting", "crm_desktop.reports.generate")
               if name in sys.modules)
print("HEAVY:" + ",".join(heavy))
sys.exit(status)
"""


def test_window_start_imports_no_report_spreadsheet_or_import_libraries(tmp_path):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "CRM_DESKTOP_QUIT_WHEN_READY": "today",  # the database open and Today on screen
        "CRM_DESKTOP_AUTO_BACKUP": "0",
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "start.sqlite3")],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert "HEAVY:\n" in result.stdout or result.stdout.strip().endswith("HEAVY:"), result.stdout


def test_the_sidebar_drawn_before_the_database_opens_matches_the_sections():
    from crm_desktop.ui.navigation import SIDEBAR_SECTIONS
    from crm_desktop.ui.sections import LIST_SECTIONS, TRASH

    expected = [("today", "Today", "today")]
    expected += [(s.key, s.title, s.icon) for s in (*LIST_SECTIONS, TRASH)]
    assert list(SIDEBAR_SECTIONS) == expected
