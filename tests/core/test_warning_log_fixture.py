"""The suite's guard: an unexpected WARNING log record fails the test that caused it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def test_an_unexpected_warning_fails_and_an_expected_one_does_not(tmp_path):
    shutil.copy(TESTS / "conftest.py", tmp_path / "conftest.py")
    (tmp_path / "test_logs.py").write_text(
        "import logging\n"
        "import pytest\n"
        "def test_quiet():\n"
        "    logging.getLogger('crm_desktop.x').info('fine')\n"
        "def test_warns():\n"
        "    logging.getLogger('crm_desktop.x').warning('customer 7 could not be saved')\n"
        "def test_errors_in_a_thread():\n"
        "    import threading\n"
        "    t = threading.Thread(target=lambda: logging.getLogger('x').error('boom'))\n"
        "    t.start(); t.join()\n"
        "@pytest.mark.expects_warning_log\n"
        "def test_warns_on_purpose():\n"
        "    logging.getLogger('crm_desktop.x').warning('expected')\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        capture_output=True, text=True, cwd=tmp_path, timeout=120,
    )  # fmt: skip
    # A test that logged fails at its teardown: pytest counts it passed and in error.
    assert "4 passed, 2 errors" in done.stdout, done.stdout
    assert "ERROR test_logs.py::test_warns " in done.stdout
    assert "test_warns_on_purpose " not in done.stdout.split("short test summary")[-1]
    assert "WARNING crm_desktop.x: customer 7 could not be saved" in done.stdout
    assert "ERROR x: boom" in done.stdout
