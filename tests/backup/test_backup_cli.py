"""``crm-desktop backup``, ``restore`` and ``backups`` as a user or a cron job runs them."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from crm_desktop.models import close_database

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "crm_desktop", *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def one_clear_line(result: subprocess.CompletedProcess, *words: str) -> str:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines and lines[-1].startswith("crm-desktop: "), result.stderr
    for word in words:
        assert word in lines[-1], lines[-1]
    return lines[-1]


@pytest.fixture
def shop(demo_db: Path) -> Path:
    """A database with data, closed by this process (the commands open it themselves)."""
    close_database()
    return demo_db


@pytest.fixture
def window_holding(shop: Path):
    """Another process holding the database's one-window lock, as an open window does."""
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import time
                from crm_desktop.services.instance_lock import acquire_instance_lock
                from crm_desktop.services import open_session
                acquire_instance_lock({str(shop)!r})
                open_session({str(shop)!r})
                print("open", flush=True)
                time.sleep(120)
                """
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert child.stdout.readline().strip() == "open"
    yield child
    child.kill()
    child.wait()


def test_backup_prints_the_path_of_a_verified_file_even_while_the_window_is_open(
    shop, window_holding, backups_dir
):
    result = run("--db", str(shop), "backup")
    assert result.returncode == 0, result.stderr
    path = Path(result.stdout.strip())
    assert result.stdout.count("\n") == 1 and path.parent == backups_dir and path.exists()
    listing = run("--db", str(shop), "backups")
    assert listing.returncode == 0
    [line] = listing.stdout.splitlines()
    assert line.split("\t")[3] == "verified" and line.endswith(str(path))
    assert "150 customers" in line


def test_the_list_of_backups_speaks_the_owners_language(shop, backups_dir, monkeypatch):
    assert run("--db", str(shop), "backup").returncode == 0
    monkeypatch.setenv("CRM_DESKTOP_LANGUAGE", "ru")
    listing = run("--db", str(shop), "backups")
    assert listing.returncode == 0, listing.stderr
    [line] = listing.stdout.splitlines()
    _when, kind, _size, state, counts, _path = line.split("\t")
    assert (kind, state) == ("Вручную", "проверена")
    assert counts.startswith("150 клиентов, ") and counts.endswith(("заказ", "заказа", "заказов"))


def test_a_refused_backup_is_explained_in_the_owners_language(shop, tmp_path, monkeypatch):
    """A Russian owner restoring a cut-short download or a renamed document read English."""
    made = run("--db", str(shop), "backup", "-o", str(tmp_path / "whole.sqlite3"))
    assert made.returncode == 0, made.stderr
    cut = tmp_path / "cut.sqlite3"
    cut.write_bytes((tmp_path / "whole.sqlite3").read_bytes()[:50_000])
    letter = tmp_path / "letter.sqlite3"
    letter.write_text("Уважаемый клиент, <b>&", "utf-8")
    monkeypatch.setenv("CRM_DESKTOP_LANGUAGE", "ru")
    line = one_clear_line(run("--db", str(shop), "restore", str(cut), "--yes"), "неполный")
    assert "50 000 байт" in line.replace("\u00a0", " ")
    one_clear_line(
        run("--db", str(shop), "restore", str(letter), "--yes"), "не резервная копия CRM Desktop"
    )


def test_backup_to_a_chosen_file(shop, tmp_path):
    target = tmp_path / "nightly.sqlite3"
    result = run("--db", str(shop), "backup", "-o", str(target), "--thorough")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(target) and target.exists()


def test_backup_mistakes_get_one_clear_line(shop, tmp_path):
    one_clear_line(run("--db", str(tmp_path / "none.sqlite3"), "backup"), "does not exist")
    one_clear_line(run("--db", str(shop), "backup", "-o", str(shop)), "the database itself")
    one_clear_line(
        run("--db", str(shop), "backup", "-o", str(tmp_path / "no" / "x.sqlite3")),
        "does not exist",
    )


def test_restore_with_yes(shop, tmp_path, data_of):
    backup = Path(run("--db", str(shop), "backup").stdout.strip())
    at_backup = data_of(shop)
    assert run("--db", str(shop), "demo", "--customers", "5").returncode == 1  # not empty
    import sqlite3

    conn = sqlite3.connect(shop)
    conn.execute("INSERT INTO customer (kind, name) VALUES ('person', 'After the backup')")
    conn.commit()
    conn.close()

    result = run("--db", str(shop), "restore", str(backup), "--yes")

    assert result.returncode == 0, result.stderr
    assert "Customers" in result.stdout and "Safety copy of the previous data:" in result.stdout
    assert data_of(shop) == at_backup
    safety = Path(result.stdout.strip().splitlines()[-1].split(": ", 1)[1])
    assert "After the backup" in str(data_of(safety)["customer"])


def test_restore_asks_first(shop, data_of):
    backup = Path(run("--db", str(shop), "backup").stdout.strip())
    import sqlite3

    conn = sqlite3.connect(shop)
    conn.execute("INSERT INTO customer (kind, name) VALUES ('person', 'Keep me')")
    conn.commit()
    conn.close()
    before = data_of(shop)

    said_no = run("--db", str(shop), "restore", str(backup), stdin="n\n")
    assert "backup" in said_no.stdout and "now" in said_no.stdout  # the comparison was shown
    assert "[y/N]" in said_no.stdout
    one_clear_line(said_no, "Cancelled", "nothing was changed")
    one_clear_line(run("--db", str(shop), "restore", str(backup), stdin=""), "--yes")
    assert data_of(shop) == before

    said_yes = run("--db", str(shop), "restore", str(backup), stdin="y\n")
    assert said_yes.returncode == 0, said_yes.stderr
    assert data_of(shop) != before


def test_restore_is_refused_while_the_window_has_the_database(shop, window_holding, data_of):
    backup = Path(run("--db", str(shop), "backup").stdout.strip())
    before = data_of(shop)
    line = one_clear_line(
        run("--db", str(shop), "restore", str(backup), "--yes"), "open in a CRM Desktop window"
    )
    assert f"process {window_holding.pid}" in line and "Nothing was changed" in line
    assert data_of(shop) == before


def test_restore_of_a_wrong_file_gets_one_clear_line(shop, tmp_path, data_of):
    before = data_of(shop)
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    one_clear_line(run("--db", str(shop), "restore", str(empty), "--yes"), "empty (0 bytes)")
    text = tmp_path / "=cmd|' -C calc'!A0 Иван 备份 🙂.db"
    text.write_text("<b>&amp; not a database</b>", encoding="utf-8")
    one_clear_line(run("--db", str(shop), "restore", str(text), "--yes"), "not an SQLite")
    assert data_of(shop) == before
