"""A job that never touched the database imports no data layer when it ends: the start's
first job reads Today with a plain ``sqlite3`` connection, and importing peewee and every
model on its thread (~70 ms of Python) used to take turns with the GUI thread painting Today."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication

app = QApplication([])
from crm_desktop.ui.jobs import run_job, wait_for_jobs

results = []
run_job(None, "Reading", lambda context: "read", on_success=results.append, show_progress=False)
while not results:
    app.processEvents()
wait_for_jobs()
loaded = [name for name in ("peewee", "crm_desktop.services.session") if name in sys.modules]
print("RESULT", results[0], "LOADED", ",".join(loaded) or "none", flush=True)
"""


def test_a_job_without_a_connection_ends_without_importing_the_data_layer():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("RESULT "))
    assert line == "RESULT read LOADED none"
