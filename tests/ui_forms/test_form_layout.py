"""A form grows for its error messages and gives the room back when they go; every caption
stays level with its field."""

from __future__ import annotations

from forms_helpers import show_form, type_text

from crm_desktop.ui.forms.customer import CustomerForm


def _captions_level(form) -> list[str]:
    """Fields whose caption is not level with the top of their editor."""
    off = []
    for name, slot in form.slots.items():
        caption_top = slot.caption.mapTo(form, slot.caption.rect().topLeft()).y()
        editor_top = slot.editor.mapTo(form, slot.editor.rect().topLeft()).y()
        if abs(caption_top - editor_top) > 6:
            off.append(name)
    return off


def test_the_customer_form_shrinks_back_when_errors_clear(qtbot, db) -> None:
    form = show_form(qtbot, CustomerForm)
    qtbot.wait(50)
    start = form.height()
    type_text(form.slots["name"].editor, "Иван <b>&")
    type_text(form.slots["email"].editor, "bad@")
    type_text(form.slots["phone"].editor, "12")
    type_text(form.slots["website"].editor, "x y")
    qtbot.waitUntil(lambda: form.slots["website"].error.isVisible())
    qtbot.waitUntil(lambda: form.height() > start)
    assert _captions_level(form) == []
    for name in ("email", "phone", "website"):
        form.slots[name].editor.clear()
    qtbot.waitUntil(lambda: not form.slots["email"].error.isVisible())
    qtbot.waitUntil(lambda: form.height() == start, timeout=2000)
    assert _captions_level(form) == []


def test_a_height_the_user_chose_is_kept(qtbot, db) -> None:
    form = show_form(qtbot, CustomerForm)
    form.resize(form.width(), form.height() + 200)  # the user made it taller
    qtbot.wait(50)
    tall = form.height()
    type_text(form.slots["email"].editor, "bad@")
    qtbot.waitUntil(lambda: form.slots["email"].error.isVisible())
    form.slots["email"].editor.clear()
    qtbot.waitUntil(lambda: not form.slots["email"].error.isVisible())
    qtbot.wait(50)
    assert form.height() == tall
    assert _captions_level(form) == []
