"""The customer page: header, related tabs, the timeline, and the quick actions."""

from __future__ import annotations

import pytest
from forms_helpers import press, type_text, when_modal
from PySide6.QtCore import Qt

from crm_desktop.services import (
    contacts,
    customers,
    deals,
    interactions,
    listing,
    orders,
    products,
    tasks,
)
from crm_desktop.ui.customers.detail import CustomerDetailPage
from crm_desktop.ui.customers.timeline import TimelineModel


@pytest.fixture
def page(qtbot, db):
    widget = CustomerDetailPage()
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def acme(db):
    customer_id = customers.create_customer(
        {"name": "Acme <b>&</b> Co", "email": "hi@acme.example", "city": "Berlin"},
        tag_names=["VIP", "Партнёр"],
    )
    contacts.create_contact({"customer_id": customer_id, "name": "Ann Lee", "position": "CEO"})
    deals.create_deal({"title": "Big deal", "customer_id": customer_id, "amount_cents": 500000})
    product = products.create_product({"name": "Widget", "unit_price_cents": 1999})
    orders.create_order({"customer_id": customer_id}, [{"product_id": product, "quantity": "2"}])
    tasks.create_task({"title": "Send quote", "customer_id": customer_id, "due_date": "2026-07-03"})
    return customer_id


def timeline_titles(page: CustomerDetailPage) -> list[str]:
    return [entry.title for entry in page.timeline.timeline.entries]


def test_the_header_and_tabs_show_the_customer(qtbot, page, acme):
    page.show_customer(acme)
    assert page.header.name.full_text() == "Acme <b>&</b> Co"  # shown as text, not HTML
    assert page.header.name.textFormat() == Qt.TextFormat.PlainText
    chips = [w.text() for w in page.header.findChildren(type(page.header.trash_note))]
    assert "Lead" in chips and "VIP" in chips and "Партнёр" in chips
    assert page.header.contact.full_text() == "Primary contact: Ann Lee (CEO)"
    assert "hi@acme.example" in page.header.details.full_text()
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert titles == ["Contacts (1)", "Deals (1)", "Orders (1)", "Tasks (1)", "Service cases"]
    orders_model = page.related["sales_order"]
    assert orders_model.index(0, 3).data() == "$39.98"  # the order's total, by locale
    assert page.related["task"].index(0, 1).data() == "7/3/2026"


def test_double_click_on_a_related_row_asks_to_open_it(qtbot, page, acme):
    page.show_customer(acme)
    table = page.tables["deal"]
    page.tabs.setCurrentWidget(table)
    with qtbot.waitSignal(page.record_requested) as signal:
        table.doubleClicked.emit(table.model().index(0, 0))
    assert signal.args == ["deal", listing.list_ids("deal")[0]]
    table.setCurrentIndex(table.model().index(0, 0))
    with qtbot.waitSignal(page.record_requested):
        press(table, Qt.Key.Key_Return)


def test_log_a_call_appears_on_the_timeline_at_once(qtbot, page, acme):
    page.show_customer(acme)
    before = len(page.timeline.timeline.entries)

    def log(dialog):
        assert dialog.windowTitle() == "Log a call"
        type_text(dialog.slots["subject"].editor, "Звонок: обсудили цену")
        type_text(dialog.slots["notes"].editor, "Wants 10 % off\nCall back Friday")
        press(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    seen = when_modal(log)
    qtbot.mouseClick(page.action_buttons["log_call"], Qt.MouseButton.LeftButton)
    assert seen
    entries = page.timeline.timeline.entries
    assert len(entries) == before + 1
    assert entries[0].title == "Call: Звонок: обсудили цену"
    assert "Wants 10 % off" in entries[0].detail
    rows = listing.fetch_rows("interaction", listing.list_ids("interaction"))
    assert [(r["kind"], r["subject"]) for r in rows] == [("call", "Звонок: обсудили цену")]
    shown = page.timeline.model().index(0, 0).data(Qt.ItemDataRole.DisplayRole)
    assert shown.startswith("Call: Звонок")


def test_the_timeline_merges_changes_readably_newest_first(qtbot, page, acme):
    customers.update_customer(acme, {"status": "active"})
    deal_id = listing.list_ids("deal")[0]
    deals.move_deal(deal_id, "proposal")
    interactions.log_interaction(
        {"customer_id": acme, "kind": "note", "subject": "=cmd 🚀", "occurred_at": "2020-01-01"}
    )
    page.show_customer(acme)
    entries = page.timeline.timeline.entries
    stamps = [entry.at for entry in entries]
    assert stamps == sorted(stamps, reverse=True)
    details = "\n".join(entry.detail for entry in entries)
    assert "Status: Lead → Active" in details
    assert "Stage: New → Proposal" in details
    assert "Probability: 10 % → 50 %" in details
    assert "Deal “Big deal” changed" in timeline_titles(page)
    assert "Customer changed" in timeline_titles(page)
    assert entries[-1].title == "Note: =cmd 🚀"  # the oldest is last
    model = page.timeline.model()
    row = next(r for r in range(model.rowCount()) if entries[r].entity == "deal")
    assert model.index(row, 0).data(TimelineModel.EntryRole).entity_id == deal_id
    with qtbot.waitSignal(page.record_requested) as signal:
        page.timeline.doubleClicked.emit(model.index(row, 0))
    assert signal.args == ["deal", deal_id]


def test_a_change_made_elsewhere_refreshes_the_page(qtbot, page, acme):
    page.show_customer(acme)
    customers.update_customer(acme, {"name": "Acme renamed"})
    qtbot.waitUntil(lambda: page.header.name.full_text() == "Acme renamed")
    tasks.create_task({"title": "Another", "customer_id": acme})
    qtbot.waitUntil(lambda: page.tabs.tabText(3) == "Tasks (2)")


def test_new_task_from_the_page_belongs_to_the_customer(qtbot, page, acme):
    page.show_customer(acme)

    def fill(dialog):
        assert dialog.slots["customer_id"].editor.text() == "Acme <b>&</b> Co"
        type_text(dialog.slots["title"].editor, "Привезти образцы")
        dialog.save()

    seen = when_modal(fill)
    qtbot.mouseClick(page.action_buttons["add_task"], Qt.MouseButton.LeftButton)
    assert seen
    assert page.tabs.tabText(3) == "Tasks (2)"
    titles = [r["title"] for r in listing.fetch_rows("task", listing.list_ids("task"))]
    assert "Привезти образцы" in titles


def test_a_huge_rtl_name_is_elided_not_stretched(qtbot, page, db):
    customer_id = customers.create_customer({"name": "שלום " * 40})
    page.show_customer(customer_id)
    assert page.header.name.full_text().startswith("שלום")
    assert page.header.name.width() <= page.width()
    assert page.header.name.toolTip()  # the full name is a hover away


def test_back_button_and_a_customer_in_the_trash(qtbot, page, acme):
    from crm_desktop.services import trash

    with qtbot.waitSignal(page.back_requested):
        qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    page.show_customer(acme)
    trash.move_to_trash("customer", [acme])
    qtbot.waitUntil(lambda: not page.action_buttons["log_call"].isEnabled())
    assert not page.header.trash_note.isHidden()
