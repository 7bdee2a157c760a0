"""Customers' data stays the user's: every file and folder the app makes is private, exports follow
the umask, an older install is made private, and the log names ids, never what records say."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from crm_desktop import cli, paths
from crm_desktop.logs import log_file, setup_logging
from crm_desktop.models import close_database
from crm_desktop.services import customers, demo, exporting, importing, local_config, open_session
from crm_desktop.services.backups import create_backup, restore_backup
from crm_desktop.services.importing.refused import save_refused
from crm_desktop.services.instance_lock import acquire_instance_lock

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def everything_under(folder: Path) -> list[Path]:
    return [folder, *sorted(folder.rglob("*"))]


@pytest.mark.expects_warning_log
def test_every_file_and_folder_the_app_creates_is_private(home, monkeypatch, tmp_path):
    os.umask(0o022)  # what most systems give: others could read whatever is not made private
    setup_logging()
    opened = open_session()  # the default database in the data folder, created here
    demo.generate(customers=20, seed=2)
    lock = acquire_instance_lock(opened.path)
    logging.getLogger("crm_desktop.test").warning("customer 12 saved")  # the log file exists
    backup = create_backup(opened.path)  # the backup folder, a backup and its record
    create_backup(opened.path, output=paths.data_dir() / "exact.sqlite3")  # -o and its .sha256
    customers.create_customer({"name": "After the backup", "kind": "person"})
    lock.release()
    result = restore_backup(backup.path, opened.path)  # a safety copy, a restore
    assert result.safety is not None
    local_config.update({"backup_dir": None, "example": 1})
    from crm_desktop.ui.state import UiState

    state = UiState()  # the window's state file
    state.set_text("probe", "x")
    state._settings.sync()
    close_database()

    made = everything_under(home)
    assert result.safety.path in made and log_file() in made
    assert any(p.name == "ui-state.ini" for p in made)
    assert any(p.name.endswith(".sha256") for p in made)
    wrong = [
        f"{oct(mode(p))} {p.relative_to(home)}"
        for p in made
        if p != home and mode(p) != (0o700 if p.is_dir() else 0o600)
    ]
    assert wrong == []


def test_what_the_user_exports_follows_the_umask(db, tmp_path):
    demo.generate(customers=5, seed=1)
    out = tmp_path / "out"
    out.mkdir()
    source = tmp_path / "in.csv"
    source.write_text("Name,Email\nGood,good@example.com\n,nobody@example.com\n")
    result = importing.run_import(source, "customer")
    for umask, expected in ((0o022, 0o644), (0o077, 0o600), (0o002, 0o664)):
        previous = os.umask(umask)
        try:
            csv_file = exporting.export_table("customer", out / f"c-{umask:o}.csv").path
            xlsx_file = exporting.export_table("product", out / f"p-{umask:o}.xlsx").path
            refused = save_refused(result, out / f"refused-{umask:o}.csv")
            report = out / f"r-{umask:o}.pdf"
            assert cli.main(["--db", str(db), "report", "customers", "-o", str(report)]) == 0
        finally:
            os.umask(previous)
        for made in (csv_file, xlsx_file, refused, report):
            assert mode(made) == expected, (made.name, oct(mode(made)))
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []


def test_an_older_install_is_made_private_when_opened(home):
    opened = open_session()
    close_database()
    data = paths.data_dir()
    data.chmod(0o755)  # as version 1 left it
    opened.path.chmod(0o644)
    logs = paths.log_dir()
    logs.mkdir(parents=True, exist_ok=True)
    logs.chmod(0o755)
    log_file().write_text("old\n")
    log_file().chmod(0o644)
    import crm_desktop.logs as logs_module

    logs_module._configured = None  # a new start
    setup_logging()
    open_session()
    assert mode(data) == 0o700 and mode(opened.path) == 0o600
    assert mode(logs) == 0o700 and mode(log_file()) == 0o600


@pytest.mark.expects_warning_log
def test_tracebacks_in_the_log_quote_no_row_values(db, monkeypatch, capsys):
    setup_logging()
    customer = customers.create_customer(
        {"name": "Иванова Мария", "kind": "person", "email": "maria@example.ru"}
    )

    def broken(*args, **kwargs):
        name = customers.get_customer(customer)["name"]
        return int(name)  # our bug: ValueError quoting the name

    monkeypatch.setattr("crm_desktop.services.listing.fetch_rows", broken)
    monkeypatch.setattr("crm_desktop.services.search.search_customers", lambda *a, **k: [1])
    assert cli.main(["--db", str(db), "search", "Мария"]) == 1
    assert "internal error" in capsys.readouterr().err
    logged = log_file().read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged and "ValueError" in logged
    assert "Иванова" not in logged and "maria@" not in logged


def test_a_decode_error_in_the_log_names_the_column_not_the_text():
    from crm_desktop.logs import redact

    message = "Could not decode to UTF-8 column 'haystack' with text 'anna smith +1555'"
    assert "anna" not in redact(message) and "1555" not in redact(message)


@pytest.mark.skipif(sys.platform != "linux", reason="checks the processes of this machine")
def test_restore_copy_is_private_while_it_exists(demo_db, tmp_path):
    """The copy being checked is the user's data too (it used to be 0644 for the whole check)."""
    from crm_desktop.services.backups import prepare_restore

    backup = create_backup(demo_db)
    prepared = prepare_restore(backup.path, demo_db)
    try:
        assert mode(prepared.work) == 0o600
        listing = subprocess.run(["ls", "-l", str(prepared.work)], capture_output=True, text=True)
        assert listing.stdout.startswith("-rw-------")
    finally:
        prepared.discard()
