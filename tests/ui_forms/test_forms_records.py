"""Deal, task, campaign, service case and interaction forms: dates, pickers, dependent fields."""

from __future__ import annotations

from datetime import date

from forms_helpers import press, show_form, type_text, when_modal
from PySide6.QtCore import QDate, Qt

from crm_desktop.services import (
    campaigns,
    contacts,
    customers,
    deals,
    interactions,
    products,
    service_cases,
    tasks,
)
from crm_desktop.ui.forms import ENTITIES, open_record
from crm_desktop.ui.forms.campaign import CampaignForm
from crm_desktop.ui.forms.deal import DealForm
from crm_desktop.ui.forms.interaction import QuickLogDialog, log_interaction_dialog
from crm_desktop.ui.forms.registry import form_class
from crm_desktop.ui.forms.service_case import ServiceCaseForm
from crm_desktop.ui.forms.task import TaskForm


def test_every_entity_has_a_form_that_opens_new_and_existing(qtbot, demo_db):
    from crm_desktop.services import listing

    for entity in ENTITIES:
        blank = show_form(qtbot, form_class(entity))
        assert blank.windowTitle().startswith("New")
        record_id = listing.list_ids(entity)[0]
        existing = show_form(qtbot, form_class(entity), record_id=record_id)
        assert not existing.is_dirty(), entity  # loading a record changes nothing
        assert existing.save_button.isEnabled(), entity
        assert existing.save() and existing.saved_id == record_id


def test_deal_probability_follows_the_stage_until_the_user_sets_one(qtbot, db):
    customer_id = customers.create_customer({"name": "Acme"})
    contact_id = contacts.create_contact({"customer_id": customer_id, "name": "Ann"})
    form = show_form(qtbot, DealForm, defaults={"customer_id": customer_id})
    assert form.slots["customer_id"].editor.text() == "Acme"
    assert form.contact.findData(contact_id) > 0  # the customer's contacts are offered
    probability = form.slots["probability"].editor
    assert probability.text() == "10"
    form.stage.set_value("proposal")
    assert probability.text() == "50"
    assert not form.slots["closed_at"].editor.isEnabled()
    probability.selectAll()
    qtbot.keyClicks(probability, "60")
    form.stage.set_value("negotiation")
    assert probability.text() == "60"  # the user's own figure stays
    form.stage.set_value("lost")
    assert probability.text() == "0" and form.slots["lost_reason"].editor.isEnabled()
    form.stage.set_value("proposal")
    type_text(form.slots["title"].editor, "Поставка 中文")
    form.slots["amount_cents"].editor.selectAll()
    qtbot.keyClicks(form.slots["amount_cents"].editor, "12 500,75")
    form.contact.set_value(contact_id)
    assert form.save()
    deal = deals.get_deal(form.saved_id)
    assert deal["title"] == "Поставка 中文"
    assert deal["amount_cents"] == 1_250_075
    assert probability.text() == "50"  # back from Lost, it follows the stage again
    assert deal["probability"] == 50
    assert deal["contact_id"] == contact_id


def test_task_due_date_has_a_calendar_and_can_be_empty(qtbot, db):
    customer_id = customers.create_customer({"name": "Acme"})
    form = show_form(qtbot, TaskForm, defaults={"customer_id": customer_id})
    due = form.slots["due_date"].editor
    assert due.edit.calendarPopup()
    assert due.value() is None and due.edit.text() == "No date"
    qtbot.keyClicks(form.slots["title"].editor, "Send the quote")
    due.edit.setDate(QDate(2026, 7, 3))
    assert due.value() == "2026-07-03"
    assert form.save()
    assert tasks.get_task(form.saved_id)["due_date"] == "2026-07-03"
    assert tasks.get_task(form.saved_id)["customer_id"] == customer_id

    again = show_form(qtbot, TaskForm, record_id=form.saved_id)
    assert again.slots["due_date"].editor.value() == "2026-07-03"
    again.slots["due_date"].editor.clear_button.click()
    assert again.data_to_save() == {"due_date": None}
    assert again.save()
    assert tasks.get_task(form.saved_id)["due_date"] is None


def test_typing_a_digit_in_an_empty_date_starts_from_today(qtbot, db):
    form = show_form(qtbot, TaskForm)
    due = form.slots["due_date"].editor
    press(due.edit, Qt.Key.Key_Up)
    assert due.value() == date.today().isoformat()


def test_a_deal_of_another_customer_is_refused_next_to_the_deal(qtbot, db):
    one = customers.create_customer({"name": "One"})
    other = customers.create_customer({"name": "Other"})
    foreign = deals.create_deal({"title": "Theirs", "customer_id": other})
    form = show_form(qtbot, TaskForm, defaults={"customer_id": one})
    qtbot.keyClicks(form.slots["title"].editor, "Call")
    # the combo only offers the customer's own deals; force the foreign one as an old record might
    form.deal.addItem("Theirs", foreign)
    form.deal.setCurrentIndex(form.deal.count() - 1)
    assert not form.save()
    assert form.slots["deal_id"].error.text() == "This deal belongs to another customer."


def test_campaign_members_are_added_removed_and_saved_with_it(qtbot, db):
    first = customers.create_customer({"name": "Ольга"})
    second = customers.create_customer({"name": "王伟"})
    form = show_form(qtbot, CampaignForm)
    qtbot.keyClicks(form.slots["name"].editor, "Spring fair")
    form.slots["start_date"].editor.set_value("2026-04-01")
    form.slots["end_date"].editor.set_value("2026-03-01")
    picker = form.member_picker
    type_text(picker, "ольг")
    qtbot.waitUntil(lambda: picker.popup.isVisible())
    press(picker.popup, Qt.Key.Key_Return)
    type_text(picker, "王")
    qtbot.waitUntil(lambda: picker.popup.isVisible() and len(picker.choices()) == 1)
    picker.choose(0)
    assert [row[1] for row in form.member_rows()] == [first, second]
    assert form.members_title.text() == "Members (2)"
    assert not form.save()  # the service refuses an end before the start
    assert form.slots["end_date"].error.text() == "The campaign cannot end before it starts."
    form.slots["end_date"].editor.set_value("2026-04-03")
    assert form.save()
    members = campaigns.members_of(form.saved_id)
    assert sorted(m["customer_id"] for m in members) == sorted([first, second])

    edit = show_form(qtbot, CampaignForm, record_id=form.saved_id)
    assert len(edit.member_rows()) == 2
    edit.members_view.selectRow(0)
    edit.remove_selected_members()
    assert edit.is_dirty()
    assert edit.save()
    assert len(campaigns.members_of(form.saved_id)) == 1


def test_service_case_with_a_product_picked_by_typing(qtbot, db):
    customer_id = customers.create_customer({"name": "Acme"})
    product_id = products.create_product({"name": "Кофемашина", "unit_price_cents": 50000})
    form = show_form(qtbot, ServiceCaseForm, defaults={"customer_id": customer_id})
    qtbot.keyClicks(form.slots["subject"].editor, "Does not heat")
    picker = form.slots["product_id"].editor
    type_text(picker, "КОФЕ")
    qtbot.waitUntil(lambda: picker.popup.isVisible())
    assert "$500.00" in picker.choices()[0][1]  # the popup shows the price
    press(picker.popup, Qt.Key.Key_Return)
    assert form.save()
    case = service_cases.get_case(form.saved_id)
    assert case["product_id"] == product_id and case["status"] == "open"


def test_quick_log_has_two_fields_and_enter_saves(qtbot, db):
    customer_id = customers.create_customer({"name": "Acme"})
    dialog = show_form(qtbot, QuickLogDialog, customer_id=customer_id, kind="meeting")
    assert list(dialog.slots) == ["subject", "notes"]
    assert dialog.windowTitle() == "Log a meeting"
    type_text(dialog.slots["subject"].editor, "Встреча в офисе")
    press(dialog.slots["subject"].editor, Qt.Key.Key_Return)
    assert dialog.saved_id is not None
    row = interactions.get_interaction(dialog.saved_id)
    assert (row["kind"], row["subject"], row["customer_id"]) == (
        "meeting",
        "Встреча в офисе",
        customer_id,
    )


def test_quick_log_with_nothing_written_says_so_next_to_the_subject(qtbot, db):
    customer_id = customers.create_customer({"name": "Acme"})
    seen = []

    def attempt(dialog):
        seen.append(dialog.save())
        seen.append(dialog.slots["subject"].error.text())
        dialog.reject()

    when_modal(attempt)
    assert log_interaction_dialog(None, customer_id, "note") is None
    assert seen == [False, "Write a subject or a note."]


def test_open_record_for_each_kind_of_record(qtbot, db):
    customer_id = customers.create_customer({"name": "Acme"})
    seen = when_modal(
        lambda dialog: (type_text(dialog.slots["title"].editor, "Call"), dialog.save())
    )
    task_id = open_record(None, "task", None, {"customer_id": customer_id})
    assert seen and tasks.get_task(task_id)["title"] == "Call"


def test_the_form_and_the_board_follow_one_probability_rule(qtbot, db):
    customer_id = customers.create_customer({"name": "Acme"})
    own = deals.create_deal(
        {"title": "Own", "customer_id": customer_id, "stage": "proposal", "probability": 60}
    )
    default = deals.create_deal(
        {"title": "Default", "customer_id": customer_id, "stage": "proposal"}
    )
    # The edit form, a stage changed: the hand-set 60 stays, the stage's 50 follows to 75.
    for deal_id, expected in ((own, "60"), (default, "75")):
        form = show_form(qtbot, DealForm, record_id=deal_id)
        form.stage.set_value("negotiation")
        assert form.slots["probability"].editor.text() == expected
        assert form.save()
        assert deals.get_deal(deal_id)["probability"] == int(expected)
    # The board's drag, back and forth: the same answers.
    deals.move_deal(own, "qualified")
    deals.move_deal(default, "qualified")
    assert deals.get_deal(own)["probability"] == 60
    assert deals.get_deal(default)["probability"] == 25
    assert deals.probability_after("won", old_stage="qualified", probability=60) == 100
