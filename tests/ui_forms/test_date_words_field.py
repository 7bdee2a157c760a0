"""A date field reads "tomorrow", "friday", "+3d" as typed, and offers quick dates in a menu."""

from __future__ import annotations

from datetime import date, timedelta

from forms_helpers import press, show_form, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from crm_desktop.services import customers, date_words, tasks
from crm_desktop.ui.forms.date_words import locale_order
from crm_desktop.ui.forms.task import TaskForm


def _type_words(qtbot, due, text: str) -> None:
    """Type as a user does: the first letter in the date, the rest wherever the focus went."""
    type_text(due.edit, text[0])
    assert due.words.is_typing() and due.words.line.hasFocus()
    type_text(QApplication.focusWidget(), text[1:])


def test_typing_tomorrow_sets_the_date_and_saves_it(qtbot, db) -> None:
    customer_id = customers.create_customer({"name": "Acme"})
    form = show_form(qtbot, TaskForm, defaults={"customer_id": customer_id})
    type_text(form.slots["title"].editor, "Позвонить 张伟")
    due = form.slots["due_date"].editor
    _type_words(qtbot, due, "tomorrow")
    assert due.words.line.text() == "tomorrow"
    press(due.words.line, Qt.Key.Key_Return)
    tomorrow = date.today() + timedelta(days=1)
    assert due.value() == tomorrow.isoformat()
    assert not due.words.is_typing() and due.edit.isVisible()
    assert form.isVisible()  # Enter read the words; it did not save and close the form
    assert form.save()
    assert tasks.get_task(form.saved_id)["due_date"] == tomorrow.isoformat()


def test_plus_days_and_weekdays_and_russian(qtbot, db) -> None:
    form = show_form(qtbot, TaskForm)
    due = form.slots["due_date"].editor
    for text, expected in (
        ("+3d", date.today() + timedelta(days=3)),
        ("friday", date_words.parse("friday", date.today())),
        ("next week", date_words.parse("next week", date.today())),
        ("завтра", date.today() + timedelta(days=1)),
    ):
        _type_words(qtbot, due, text)
        press(QApplication.focusWidget(), Qt.Key.Key_Return)
        assert due.value() == expected.isoformat(), text


def test_words_it_cannot_read_stay_marked_and_esc_keeps_the_date(qtbot, db) -> None:
    form = show_form(qtbot, TaskForm)
    due = form.slots["due_date"].editor
    due.set_value("2026-07-03")
    _type_words(qtbot, due, "someday =1+1 <b>&")
    press(due.words.line, Qt.Key.Key_Return)
    assert due.words.is_typing() and "border" in due.words.line.styleSheet()
    assert due.value() == "someday =1+1 <b>&"  # as typed: the service says it is no date
    press(due.words.line, Qt.Key.Key_Escape)
    assert not due.words.is_typing() and due.value() == "2026-07-03"


def test_the_presets_menu_sets_the_date(qtbot, db) -> None:
    form = show_form(qtbot, TaskForm)
    due = form.slots["due_date"].editor
    assert due.value() is None
    due.words.menu.aboutToShow.emit()  # what opening the menu does
    labels = [a.text().split("\t")[0] for a in due.words.menu.actions() if a.text()]
    assert labels[:2] == ["Today", "Tomorrow"] and "Next Monday" in labels
    [tomorrow] = [a for a in due.words.menu.actions() if a.text().startswith("Tomorrow")]
    tomorrow.trigger()
    assert due.value() == (date.today() + timedelta(days=1)).isoformat()


def test_the_locale_order_comes_from_the_date_pattern() -> None:
    assert locale_order("M/d/yyyy") == "MDY"
    assert locale_order("dd.MM.yyyy") == "DMY"
    assert locale_order("yyyy/M/d") == "YMD"
    assert locale_order("") == "MDY"


def test_ctrl_s_before_enter_saves_what_the_words_mean(qtbot, db) -> None:
    customer_id = customers.create_customer({"name": "Acme"})
    form = show_form(qtbot, TaskForm, defaults={"customer_id": customer_id})
    type_text(form.slots["title"].editor, "Send the quote")
    due = form.slots["due_date"].editor
    _type_words(qtbot, due, "+3d")
    assert due.value() == (date.today() + timedelta(days=3)).isoformat()
    assert form.save()
    assert tasks.get_task(form.saved_id)["due_date"] == due.value()


def test_words_that_are_no_date_keep_save_off(qtbot, db) -> None:
    form = show_form(qtbot, TaskForm)
    type_text(form.slots["title"].editor, "Call back")
    due = form.slots["due_date"].editor
    _type_words(qtbot, due, "someday")
    assert due.value() == "someday"
    qtbot.waitUntil(lambda: not form.save_button.isEnabled())
    press(due.words.line, Qt.Key.Key_Escape)
    qtbot.waitUntil(form.save_button.isEnabled)
