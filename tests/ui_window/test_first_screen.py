"""Today read with the file's opening: the same answers, shown as the page is made, and a
failure there only means the page reads its data the usual way."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fresh_python import printed_by


def _texts(tree) -> list[str]:
    return [tree.topLevelItem(row).text(0) for row in range(tree.topLevelItemCount())]


def _unattached(qtbot, db: Path):
    from crm_desktop.ui.main_window import MainWindow

    window = MainWindow(db, attach=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_first_screen_reads_what_today_and_the_settings_say(demo_db: Path):
    from crm_desktop.services import invoices
    from crm_desktop.services.first_screen import read_first_screen
    from crm_desktop.services.locale_facts import locale_facts
    from crm_desktop.services.today import load_today
    from crm_desktop.ui.formats import Formats

    first = read_first_screen()
    assert first.today == load_today()
    assert first.today is not None and first.today.tasks  # the demo has tasks due
    assert first.overdue == invoices.overdue()
    loaded = Formats.load()
    known = Formats.known(first.currency, first.locale, first.facts)
    assert known == loaded and first.facts == locale_facts(loaded.locale_name, loaded.currency)
    assert known.money(-123456) == loaded.money(-123456)
    assert known.date("2026-12-05") == loaded.date("2026-12-05")


def test_the_opening_job_touches_nothing_of_qt():
    """PySide6 makes its types on first use; two threads doing it at once crashed a start."""
    code = (
        "import sys; import crm_desktop.services.first_screen, crm_desktop.services.session; "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', "
        "'crm_desktop.ui'))))"
    )
    assert printed_by(code) == "[]"


def test_today_is_filled_as_it_is_made_from_the_first_screen(qtbot, demo_db: Path, monkeypatch):
    from crm_desktop.services.first_screen import read_first_screen
    from crm_desktop.ui.invoices.overdue import OverdueNotice
    from crm_desktop.ui.today.page import TodayPage

    asked: list[str] = []
    for page in (TodayPage, OverdueNotice):
        reload = page.reload
        monkeypatch.setattr(
            page,
            "reload",
            lambda self, reload=reload: asked.append(type(self).__name__) or reload(self),
        )
    first = read_first_screen()
    window = _unattached(qtbot, demo_db)
    window.attach(first=first)
    today = window.page("today")
    assert today.is_ready and today.data is first.today  # no trip to the query thread
    assert asked == []
    monkeypatch.undo()
    titles = [row["title"] for row in first.today.tasks]
    shown = [text for text in _texts(today.tasks_card.tree) if text in titles]
    assert shown == titles
    assert today.overdue_invoices.has_loaded
    # Later changes are read again, as always (the first screen is used once).
    from crm_desktop.services.changes import Change

    today.data = None
    today.on_change(Change("task", (), "update"))
    qtbot.waitUntil(lambda: today.data is not None, timeout=10_000)
    assert today.data == first.today


def test_todays_cards_built_while_its_data_is_read_are_the_ones_filled(qtbot, demo_db: Path):
    from crm_desktop.services.first_screen import read_first_screen

    window = _unattached(qtbot, demo_db)
    window.prepare_today()  # as the start does while its job reads Today
    prepared = window._prepared_today
    assert prepared is not None and prepared.data is None and not prepared.isVisible()
    window.prepare_today()  # once
    assert window._prepared_today is prepared
    first = read_first_screen()
    window.attach(first=first, session_later=True)
    today = window.page("today")
    assert today is prepared and today.is_ready and today.data is first.today
    assert window.stack.currentWidget() is today
    # The overdue line sits under the summary, as on a page made whole.
    layout = today.layout()
    assert [layout.itemAt(row).widget() for row in range(3)] == [
        today.heading,
        today.summary,
        today.overdue_invoices,
    ]
    window.prepare_today()  # Today is there: nothing more is built
    assert window._prepared_today is None


@pytest.mark.parametrize("broken", ["load_today", "overdue"])
def test_a_failure_reading_the_first_screen_leaves_it_to_the_page(
    qtbot, demo_db: Path, monkeypatch, broken
):
    from crm_desktop.services import first_screen, invoices
    from crm_desktop.services.today import load_today

    def fail(*_args, **_kwargs):
        raise RuntimeError("the disk went away for a moment")

    if broken == "load_today":
        monkeypatch.setattr(first_screen, "load_today", fail)
    else:
        monkeypatch.setattr(invoices, "overdue", fail)
    first = first_screen.read_first_screen()  # no exception: the opening goes on
    monkeypatch.undo()
    assert (first.today is None) == (broken == "load_today")
    assert (first.overdue is None) == (broken == "overdue")
    window = _unattached(qtbot, demo_db)
    window.attach(first=first)
    today = window.page("today")
    qtbot.waitUntil(lambda: today.is_ready, timeout=10_000)  # read again by the page
    assert today.data == load_today()
    assert today.overdue_invoices.overdue == invoices.overdue()


# --- Today read before the file is opened (plain sqlite3, no models) ----------------------


def test_today_read_from_the_file_is_what_the_open_database_reads(demo_db: Path):
    from crm_desktop.services.first_screen import read_first_screen, read_from_file

    first = read_from_file(demo_db)
    assert first is not None
    assert first == read_first_screen()
    assert first.today is not None and first.today.tasks and first.today.deals


def test_the_lines_today_reads_are_the_lists_own_columns(demo_db: Path):
    from crm_desktop.services import listing
    from crm_desktop.services.today import ROW_COLUMNS, ROW_SQL

    for entity, (id_sql, from_sql, select) in ROW_SQL.items():
        spec = listing.SPECS[entity]
        assert (id_sql, from_sql) == (spec.id_sql, spec.from_sql)
        columns = (spec.column(key) for key in ROW_COLUMNS[entity])
        assert select == ", ".join(f"{column.sql} AS {column.key}" for column in columns)


def _settle(path: Path) -> None:
    from crm_desktop.models import close_database

    close_database()  # what follows edits the file as another program would


@pytest.mark.parametrize(
    "damage",
    ["old schema", "newer schema", "not ours", "encrypted", "missing", "empty", "not utf-8"],
)
def test_a_file_that_must_be_opened_first_is_read_the_usual_way(demo_db: Path, damage: str):
    import sqlite3

    from crm_desktop.models.version import SCHEMA_VERSION
    from crm_desktop.services.first_screen import read_from_file

    path = demo_db
    if damage == "not utf-8":  # a task on Today whose title another tool wrote in bytes
        from crm_desktop.models import database
        from crm_desktop.services.first_screen import read_first_screen

        shown = read_first_screen().today
        assert shown is not None and shown.tasks
        database.execute_sql(
            "UPDATE task SET title = CAST(x'416e6e61ff' AS TEXT) WHERE id = ?",
            (shown.tasks[0]["id"],),
        )
    _settle(path)
    if damage in ("old schema", "newer schema", "not ours"):
        connection = sqlite3.connect(path)
        pragma = {
            "old schema": f"user_version = {SCHEMA_VERSION - 1}",
            "newer schema": f"user_version = {SCHEMA_VERSION + 1}",
            "not ours": "application_id = 0",
        }[damage]
        connection.execute(f"PRAGMA {pragma}")
        connection.commit()
        connection.close()
    elif damage == "encrypted":  # an SQLCipher file begins with its random salt
        path = path.with_name("sealed.sqlite3")
        path.write_bytes(bytes(range(16)) + b"\x00" * 4080)
    elif damage == "missing":
        path = path.with_name("nothing-here.sqlite3")
    elif damage == "empty":
        path = path.with_name("empty.sqlite3")
        path.write_bytes(b"")
    before = path.read_bytes() if path.exists() else None
    assert read_from_file(path) is None
    assert (path.read_bytes() if path.exists() else None) == before  # nothing written
    assert damage != "missing" or not path.exists()  # and nothing made


def test_reading_today_before_the_file_opens_loads_no_models():
    """The start's first screen imports neither peewee nor the models nor the services
    that write: they load after Today is painted."""
    code = (
        "import sys; import crm_desktop.services.first_screen, crm_desktop.ui.today.page, "
        "crm_desktop.ui.main_window; "
        "print(sorted(m for m in sys.modules if m.startswith(('peewee', 'playhouse', "
        "'crm_desktop.models.base', 'crm_desktop.models.tables', 'crm_desktop.services.tasks', "
        "'crm_desktop.services.listing', 'crm_desktop.ui.tables'))))"
    )
    assert printed_by(code) == "[]"


def test_the_opening_job_imports_only_what_todays_read_needs():
    """The job's imports take turns with the window's build for the interpreter: Today's
    deal amounts need the lines' SQL, not Decimal, the tax rules or the money messages,
    and a settings module or the messages' language need the ``locale`` module only when
    they ask the system (a database without its locale, an environment naming none)."""
    code = (
        "import sys; import crm_desktop.services.first_screen, crm_desktop.i18n; "
        "print(sorted(m for m in sys.modules if m in ('decimal', 'locale') or m in "
        "('crm_desktop.services.taxes', 'crm_desktop.services.money')))"
    )
    assert printed_by(code) == "[]"


def test_the_lines_sql_is_one_function_wherever_it_is_imported_from():
    from crm_desktop.services import deal_amounts, line_sql, money, taxes

    assert taxes.line_net_sql is line_sql.line_net_sql is deal_amounts.line_net_sql
    assert money.line_total_sql is line_sql.line_total_sql
    assert line_sql.line_total_sql("order_line") == money.LINE_TOTAL_SQL
