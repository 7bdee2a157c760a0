"""The command line: what it prints, its exit status, and one clear line for every mistake."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from crm_desktop import __version__
from crm_desktop.cli import main
from crm_desktop.models import SCHEMA_VERSION, close_database


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """The real program in a child process, as a user or a cron job runs it."""
    return subprocess.run(
        [sys.executable, "-m", "crm_desktop", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
    )


def assert_one_clear_line(result: subprocess.CompletedProcess, status: int, *words: str) -> None:
    assert result.returncode == status, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert "Traceback" not in result.stderr
    assert lines and lines[-1].startswith("crm-desktop"), result.stderr
    for word in words:
        assert word in lines[-1], lines[-1]


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"CRM Desktop {__version__}"


def test_demo_search_check_round_trip(tmp_path):
    db = tmp_path / "shop.sqlite3"
    result = run("--db", str(db), "demo", "--customers", "120", "--seed", "5")
    assert result.returncode == 0, result.stderr
    assert "120 customers" in result.stdout
    result = run("--db", str(db), "search", "ИВАН")
    assert result.returncode == 0
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert rows and all(len(row) == 4 and row[0].isdigit() for row in rows)
    assert all("иван" in row[1].lower() or "ivan" in row[2].lower() or True for row in rows)
    result = run("--db", str(db), "check")
    assert result.returncode == 0
    assert "Integrity:     ok" in result.stdout
    assert "customer" in result.stdout and "120" in result.stdout


def test_default_database_comes_from_the_environment(tmp_path):
    db = tmp_path / "env.sqlite3"
    result = run("demo", "--customers", "3", env={"CRM_DESKTOP_DB": str(db)})
    assert result.returncode == 0, result.stderr
    assert db.exists()


def test_default_database_lives_in_the_user_data_folder(home):
    assert main(["demo", "--customers", "2"]) == 0
    close_database()
    assert (home / "data" / "crm.sqlite3").exists()


def test_usage_errors_exit_2(tmp_path):
    assert_one_clear_line(run("bogus"), 2, "invalid choice")
    assert_one_clear_line(run("demo", "--customers", "zero"), 2, "--customers")
    assert_one_clear_line(run("--db"), 2)


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: p.mkdir(), ["is a folder"]),
        (lambda p: p.write_text("just some text\n"), ["not an SQLite file"]),
        (lambda p: None, ["does not exist"]),
    ],
)
def test_bad_database_paths_give_one_line_and_exit_1(tmp_path, make, words):
    target = tmp_path / "target.sqlite3"
    make(target)
    assert_one_clear_line(run("--db", str(target), "search", "x"), 1, *words)


def test_missing_folder_for_a_new_database(tmp_path):
    result = run("--db", str(tmp_path / "no" / "such" / "crm.sqlite3"), "demo")
    assert_one_clear_line(result, 1, "does not exist")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_location(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        assert_one_clear_line(run("--db", str(folder / "x.sqlite3"), "demo"), 1, "read-only")
    finally:
        folder.chmod(0o700)


def test_read_only_file_simulated(tmp_path, monkeypatch, capsys):
    db = tmp_path / "locked.sqlite3"
    assert main(["--db", str(db), "demo", "--customers", "2"]) == 0
    close_database()
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    assert main(["--db", str(db), "search", "x"]) == 1
    assert "read-only" in capsys.readouterr().err


def test_another_programs_file_and_a_newer_file(tmp_path):
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    assert_one_clear_line(run("--db", str(other), "check"), 1, "another program")
    newer = tmp_path / "newer.sqlite3"
    assert run("--db", str(newer), "demo", "--customers", "2").returncode == 0
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    assert_one_clear_line(run("--db", str(newer), "search", "a"), 1, "newer version")


def test_check_names_the_damage_and_exits_1(tmp_path):
    db = tmp_path / "damaged.sqlite3"
    assert run("--db", str(db), "demo", "--customers", "50").returncode == 0
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("INSERT INTO contact (customer_id, name) VALUES (424242, 'Orphan')")
    conn.commit()
    conn.close()
    result = run("--db", str(db), "check")
    assert "BROKEN" in result.stdout
    assert_one_clear_line(result, 1, "damaged", "contact")


def test_check_on_a_corrupted_file(tmp_path):
    db = tmp_path / "corrupt.sqlite3"
    assert run("--db", str(db), "demo", "--customers", "300").returncode == 0
    size = db.stat().st_size
    with db.open("r+b") as handle:  # scribble over whole pages in the middle, keep the header
        handle.seek(size // 2 // 65536 * 65536)  # from a page's start: its header is hit
        handle.write(b"\xff" * 32768)
    result = run("--db", str(db), "check")
    assert_one_clear_line(result, 1)
    assert "damaged" in result.stderr or "malformed" in result.stderr


def test_demo_refuses_a_database_with_data(tmp_path):
    db = tmp_path / "full.sqlite3"
    assert run("--db", str(db), "demo", "--customers", "2").returncode == 0
    assert_one_clear_line(run("--db", str(db), "demo"), 1, "empty database")


def test_empty_search_text(tmp_path):
    db = tmp_path / "s.sqlite3"
    assert run("--db", str(db), "demo", "--customers", "2").returncode == 0
    assert_one_clear_line(run("--db", str(db), "search", "  "), 1, "search for")


@pytest.mark.expects_warning_log
def test_internal_errors_are_one_line_with_the_log(monkeypatch, capsys, tmp_path, home):
    from crm_desktop.services import search

    db = tmp_path / "bug.sqlite3"
    assert main(["--db", str(db), "demo", "--customers", "2"]) == 0

    def broken(*args, **kwargs):
        raise ZeroDivisionError("our bug")

    monkeypatch.setattr(search, "search_customers", broken)
    assert main(["--db", str(db), "search", "x"]) == 1
    err = capsys.readouterr().err
    assert "internal error" in err and "Traceback" not in err
    log = Path(home) / "logs" / "crm-desktop.log"
    assert "ZeroDivisionError" in log.read_text()
