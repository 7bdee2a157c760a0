"""Today read by a helper process on the other core while the window starts: the same
answer as the opening job's own read, and anything that goes wrong there only means that
the job reads the file itself."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from crm_desktop.services import first_screen_ahead
from crm_desktop.services.first_screen import read_from_file

ROOT = Path(__file__).resolve().parents[2]


def _in_a_fresh_process(code: str, db: Path) -> str:
    """Run ``code`` in a new, single-threaded interpreter (the helper is forked only there)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), CRM_DESKTOP_FIRST_SCREEN_AHEAD="fork")
    result = subprocess.run(
        [sys.executable, "-c", code, str(db)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.strip()


def test_a_forked_helper_reads_what_the_job_would_read(demo_db: Path):
    code = (
        "import os, sys; from pathlib import Path\n"
        "from crm_desktop.services import first_screen_ahead as ahead\n"
        "from crm_desktop.services.first_screen import read_from_file\n"
        "db = Path(sys.argv[1]).absolute()\n"
        "helper = ahead.start(str(db))\n"
        "answered, first = helper.result(db)\n"
        "print(type(helper).__name__, answered, first == read_from_file(db), len(first.today.tasks))"
    )
    kind, answered, same, tasks = _in_a_fresh_process(code, demo_db).split()
    assert (kind, answered, same) == ("Ahead", "True", "True")
    assert int(tasks) > 0  # the demo has tasks due: a real answer, not an empty one


def test_a_spawned_helper_reads_what_the_job_would_read(demo_db: Path, monkeypatch):
    monkeypatch.setenv("CRM_DESKTOP_FIRST_SCREEN_AHEAD", "spawn")
    target = demo_db.absolute()
    helper = first_screen_ahead.start(str(demo_db))
    assert helper is not None
    answered, first = helper.result(target)
    assert answered and first is not None and first == read_from_file(target)
    assert first.today is not None and first.today.tasks
    with pytest.raises(ChildProcessError):  # the helper is gone and reaped
        os.waitpid(helper.pid, os.WNOHANG)
    # Asked again (the file is opened again after a failure): the job reads it itself.
    assert helper.result(target) == (False, None)


@pytest.mark.parametrize("how", ["fork", "spawn"])
def test_a_file_the_helper_cannot_read_is_opened_the_usual_way(tmp_path: Path, how, monkeypatch):
    monkeypatch.setenv("CRM_DESKTOP_FIRST_SCREEN_AHEAD", how)
    missing = tmp_path / "новая база 数据.sqlite3"
    helper = first_screen_ahead.start(str(missing))
    assert helper is not None
    assert helper.result(missing.absolute()) == (True, None)  # as read_from_file says
    assert not missing.exists()  # reading never makes the file


def test_an_answer_for_another_file_is_not_taken(demo_db: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("CRM_DESKTOP_FIRST_SCREEN_AHEAD", "spawn")
    helper = first_screen_ahead.start(str(demo_db))
    assert helper is not None
    assert helper.result(tmp_path / "other.sqlite3") == (False, None)


def test_a_helper_that_fails_leaves_the_read_to_the_job(demo_db: Path):
    code = (
        "import sys; from pathlib import Path\n"
        "from crm_desktop.services import first_screen, first_screen_ahead as ahead\n"
        "def broken(path): raise RuntimeError('a bug in the read')\n"
        "first_screen.read_from_file = broken\n"
        "db = Path(sys.argv[1]).absolute()\n"
        "print(ahead.start(str(db)).result(db))"
    )
    assert _in_a_fresh_process(code, demo_db) == "(False, None)"


def test_a_helper_no_longer_wanted_is_stopped_and_reaped(demo_db: Path, monkeypatch):
    monkeypatch.setenv("CRM_DESKTOP_FIRST_SCREEN_AHEAD", "spawn")
    helper = first_screen_ahead.start(str(demo_db))
    assert helper is not None
    helper.cancel()
    with pytest.raises(ChildProcessError):  # reaped: no process left behind
        os.waitpid(helper.pid, os.WNOHANG)
    assert helper.result(demo_db.absolute()) == (False, None)


def test_no_helper_when_turned_off(demo_db: Path, monkeypatch):
    monkeypatch.setenv("CRM_DESKTOP_FIRST_SCREEN_AHEAD", "0")
    assert first_screen_ahead.start(str(demo_db)) is None


@pytest.mark.parametrize("how", ["fork", "spawn", "0"])
def test_the_window_starts_with_today_read_by_the_helper_or_not(demo_db: Path, how):
    env = dict(os.environ, CRM_DESKTOP_QUIT_WHEN_READY="today", QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = str(ROOT)
    env["CRM_DESKTOP_FIRST_SCREEN_AHEAD"] = how
    result = subprocess.run(
        [sys.executable, "-m", "crm_desktop", "--db", str(demo_db)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.startswith("ready ")
