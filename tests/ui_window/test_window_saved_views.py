"""Saved views as a user meets them: save a list as it is, reopen the app, open the view;
rename, reorder, delete; the command line exports exactly what a view shows."""

from __future__ import annotations

import csv
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from window_helpers import make_window, open_section, type_text, wait_loaded

from crm_desktop.errors import CrmError, ValidationError
from crm_desktop.models import close_database
from crm_desktop.services import customers, listing, open_session, saved_views


def _shop(path):
    open_session(path)
    for name, status, city in (
        ("Acme", "active", "Berlin"),
        ("Ромашка", "active", "Москва"),
        ("北京贸易", "lead", "北京"),
        ("Zeta", "active", "Berlin"),
        ("=cmd()", "inactive", "Paris"),
    ):
        customers.create_customer({"name": name, "status": status, "city": city})
    close_database()


def test_save_a_view_reopen_the_app_and_open_it(qtbot, db_path):
    _shop(db_path)
    first = make_window(qtbot, db_path)
    page = open_section(qtbot, first, "customers")
    # The user narrows the list: status Active, sorted by city descending, email hidden.
    combo = page.filter_bar.combos["status"]
    combo.setCurrentIndex(combo.findData("active"))
    keys = [c.key for c in page.model.columns]
    page.table._set_column_shown(keys.index("email"), False)
    page.table._set_column_shown(keys.index("city"), True)
    page.table.horizontalHeader().setSortIndicator(keys.index("city"), Qt.SortOrder.DescendingOrder)
    wait_loaded(qtbot, page)
    assert page.model.rowCount() == 3
    view_id = first.saved_views.save_current("Active by city")
    assert view_id is not None
    assert "    Active by city" in [
        first.sidebar.item(r).text() for r in range(first.sidebar.count())
    ]
    # The same name twice (any case) is refused with a message, nothing saved.
    with pytest.MonkeyPatch.context() as patch:
        shown = []
        patch.setattr("crm_desktop.ui.saved_views.show_error", lambda *a: shown.append(a))
        assert first.saved_views.save_current("active BY city") is None
    assert shown and len(saved_views.list_views("customer")) == 1
    first.close()
    close_database()

    second = make_window(qtbot, db_path)
    sidebar = second.sidebar
    row = next(
        r for r in range(sidebar.count()) if sidebar.item(r).text().strip() == "Active by city"
    )
    # Under its list: the row after Customers (the sections' keys and Ctrl+digits unchanged).
    assert sidebar.item(row - 1).text() == "Customers"
    assert "view:" not in " ".join(sidebar.keys())
    sidebar.setCurrentRow(row)  # a click
    page = second.current_list()
    assert page is not None and page.entity == "customer"
    wait_loaded(qtbot, page)
    rows = listing.fetch_rows("customer", list(page.model.ids()), ["name"])
    names = [row["name"] for row in rows]
    assert names == ["Ромашка", "Acme", "Zeta"] or names == ["Ромашка", "Zeta", "Acme"]
    assert page.filter_bar.combos["status"].currentData() == "active"
    assert page.visible_columns()[:1] == ["name"] and "email" not in page.visible_columns()
    assert "city" in page.visible_columns()


def test_rename_reorder_delete_and_hostile_names(qtbot, db):
    query = listing.ListQuery(search="ber", filters={"status": "active"}, sort="city")
    first = saved_views.save_view("customer", "  Berlin <b>&  ", query, ["name", "city", "nope"])
    second = saved_views.save_view("customer", "=SUM(A1) 😀", listing.ListQuery())
    third = saved_views.save_view("task", "مهام اليوم", listing.ListQuery(sort="due_date"))
    assert saved_views.get_view(first).name == "Berlin <b>&"
    assert saved_views.get_view(first).columns == ("name", "city")  # unknown columns dropped
    with pytest.raises(ValidationError):
        saved_views.save_view("customer", "   ", query)
    with pytest.raises(ValidationError):
        saved_views.save_view("customer", "x" * 81, query)
    with pytest.raises(ValidationError):
        saved_views.save_view("no_such_list", "x", query)
    saved_views.rename_view(first, "Берлин")
    assert [v.name for v in saved_views.list_views("customer")] == ["Берлин", "=SUM(A1) 😀"]
    saved_views.move_view(second, -1)
    assert [v.id for v in saved_views.list_views("customer")] == [second, first]
    saved_views.delete_view(second)
    assert [v.id for v in saved_views.list_views()] == [first, third]
    with pytest.raises(CrmError, match="Берлин"):
        saved_views.find_view("customer", "gone")
    assert saved_views.find_view("customer", "БЕРЛИН").query.search == "ber"


def test_export_view_on_the_command_line_is_what_the_view_shows(db_path, tmp_path):
    _shop(db_path)
    open_session(db_path)
    query = listing.ListQuery(filters={"status": "active"}, sort="name", descending=True)
    saved_views.save_view("customer", "Active", query, ["name", "city"])
    shown = listing.list_ids("customer", query)
    expected = [r["name"] for r in listing.fetch_rows("customer", shown, ["name"])]
    close_database()
    target = tmp_path / "active.csv"
    done = subprocess.run(
        [sys.executable, "-m", "crm_desktop", "--db", str(db_path), "export", "customers",
         "--view", "active", "-o", str(target)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["Name", "City"]
    assert [r[0] for r in rows[1:]] == expected and len(expected) == 3
    unknown = subprocess.run(
        [sys.executable, "-m", "crm_desktop", "--db", str(db_path), "export", "customers",
         "--view", "Nope", "-o", str(target)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert unknown.returncode == 1 and "Active" in unknown.stderr
    assert "Traceback" not in unknown.stderr


def test_a_view_is_saved_from_the_menu_with_a_typed_name(qtbot, db_path, monkeypatch):
    _shop(db_path)
    window = make_window(qtbot, db_path)
    page = open_section(qtbot, window, "customers")
    type_text(page.filter_bar.search_box, "ber")
    page.filter_bar.flush_search()
    wait_loaded(qtbot, page)
    monkeypatch.setattr(
        "crm_desktop.ui.saved_views.QInputDialog.getText", lambda *a, **k: ("Berliners", True)
    )
    window.saved_views.save_action.trigger()
    [view] = saved_views.list_views("customer")
    assert view.name == "Berliners" and view.query.search == "ber"


def test_a_view_of_a_feature_list_shows_under_it(qtbot, db):
    saved_views.save_view("quote", "Open quotes", listing.ListQuery(filters={"status": "sent"}))
    window = make_window(qtbot, db)
    texts = [window.sidebar.item(r).text() for r in range(window.sidebar.count())]
    assert texts[texts.index("Quotes") + 1] == "    Open quotes"
    page = window.saved_views.open_view(window.sidebar.view_ids()[0])
    assert page is window.current_list() and page.entity == "quote"
    assert page.model.query.filters == {"status": "sent"}
