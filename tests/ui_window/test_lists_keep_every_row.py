"""The lists as the owner sees them after another SQLite tool: every row shown and counted.

Another program (foreign keys off, as the sqlite3 shell has them) deletes a customer but not
its contacts and orders, and deletes a contact's sort key row. The window's lists must still
show each of those rows, and the status bar must count exactly the rows the list shows, from
the table's first frame (its ends) to the whole list.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from window_helpers import rows_on_screen, wait_loaded

from crm_desktop.models import database
from crm_desktop.services import contacts, customers, orders
from tests.other_tool import other_tool


def _open_counting(qtbot, window, key: str) -> tuple[object, list[int]]:
    """Open a section; the row counts the table had at each answer (ends, then every id)."""
    window.show_section(key)
    page = window.current_list()
    seen: list[int] = []
    page.model.ids_loaded.connect(lambda: seen.append(page.model.rowCount()))
    page.model.reload()
    wait_loaded(qtbot, page)
    return page, seen


@pytest.mark.parametrize(
    ("section", "entity", "table", "noun"),
    [
        ("contacts", "contact", "contact", "contacts"),
        ("orders", "sales_order", "sales_order", "orders"),
        ("interactions", "interaction", "interaction", "interactions"),
        ("service_cases", "service_case", "service_case", "service cases"),
    ],
)
def test_rows_of_a_customer_deleted_by_another_tool_are_shown_and_counted(
    qtbot, window, demo_db, section, entity, table, noun
):
    owner = database.execute_sql(
        f"SELECT customer_id FROM {table} GROUP BY customer_id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    rows = database.execute_sql(f"SELECT count(*) FROM {table}").fetchone()[0]
    trashed = database.execute_sql(
        f"SELECT count(*) FROM {table} t JOIN customer c ON c.id = t.customer_id "
        "WHERE c.deleted_at IS NOT NULL"
    ).fetchone()[0]
    other_tool(demo_db, f"DELETE FROM customer WHERE id = {owner}")
    page, seen = _open_counting(qtbot, window, section)
    assert page.count() == rows - trashed  # the orphans too: nothing hidden
    assert seen and set(seen) == {rows - trashed}  # the first frame's count was already right
    assert window.count_label.text() == f"{rows - trashed:,} {noun}"


def test_a_contact_whose_key_row_another_tool_deleted_is_in_its_place(qtbot, window, demo_db):
    acme = customers.create_customer({"name": "Acme"})
    ids = [
        contacts.create_contact({"customer_id": acme, "name": n}) for n in ("Aaaa Ääron", "Aaab")
    ]
    other_tool(demo_db, f"DELETE FROM contact_key WHERE id = {ids[0]}")
    page, seen = _open_counting(qtbot, window, "contacts")
    assert list(page.model.ids())[:2] == ids
    assert rows_on_screen(page, "name", 2) == ["Aaaa Ääron", "Aaab"]
    shown = database.execute_sql(
        "SELECT count(*) FROM contact ct LEFT JOIN customer c ON c.id = ct.customer_id "
        "WHERE c.deleted_at IS NULL"
    ).fetchone()[0]
    assert set(seen) == {shown} and window.count_label.text() == f"{shown:,} contacts"


def test_an_order_whose_customer_is_gone_opens(qtbot, window, demo_db):
    order = database.execute_sql(
        "SELECT id, customer_id, number FROM sales_order LIMIT 1"
    ).fetchone()
    other_tool(demo_db, f"DELETE FROM customer WHERE id = {order[1]}")
    page, _seen = _open_counting(qtbot, window, "orders")
    assert order[0] in list(page.model.ids())
    page.table.select_ids([order[0]], current=order[0])
    shown: list[str] = []

    def close_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        shown.append(type(dialog).__name__ + ": " + (dialog.windowTitle() if dialog else ""))
        if dialog is not None:
            dialog.reject()

    QTimer.singleShot(500, close_the_dialog)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert shown == [f"OrderForm: Order — {order[2]}"]  # its form, its lines; no error
    assert orders.get_order(order[0])["customer_id"] == order[1]
