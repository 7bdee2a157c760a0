"""Interactions: the full form, and the quick "log a call / meeting / note" dialog.

The quick dialog is what the customer page's buttons open right after a call:
two fields (subject and notes), the kind preset, Enter in the subject saves.
The service fills in the moment (now) and, when only notes are written, a
subject from their first line.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from crm_desktop.services import interactions
from crm_desktop.ui.forms.base import RecordForm
from crm_desktop.ui.forms.widgets import (
    ContactCombo,
    CustomerPicker,
    TextAreaEdit,
    TextLineEdit,
)
from crm_desktop.ui.noop import QT_TR_NOOP
from crm_desktop.ui.translation import declared

QUICK_TITLES = {
    "call": QT_TR_NOOP("Log a call"),
    "meeting": QT_TR_NOOP("Log a meeting"),
    "note": QT_TR_NOOP("Add a note"),
}
QUICK_PLACEHOLDERS = {
    "call": QT_TR_NOOP("e.g. Called about the quote"),
    "meeting": QT_TR_NOOP("e.g. Demo at their office"),
    "note": QT_TR_NOOP("e.g. Prefers email to phone"),
}


class InteractionForm(RecordForm):
    """Create or edit an interaction with every field."""

    entity = "interaction"
    title_new = "New interaction"
    title_edit = "Interaction"

    def build(self) -> None:
        # The catalogue's fields in its order (services/interactions.py).
        self.customer = CustomerPicker()
        self.contact = ContactCombo()
        self.add_catalogue_fields(
            {
                "customer_id": self.customer,
                "contact_id": self.contact,
                "notes": TextAreaEdit(lines=6),  # room for what was said
            }
        )

    def fill(self, record, defaults) -> None:
        super().fill(record, defaults)
        self.contact.set_customer(self.customer.record_id())

    def field_changed(self, name: str) -> None:
        if name == "customer_id":
            self.contact.set_customer(self.customer.record_id())

    def write(self, data: dict[str, Any]) -> int:
        if self.record_id is None:
            return interactions.log_interaction(data)
        interactions.update_interaction(self.record_id, data)
        return self.record_id


class QuickLogDialog(RecordForm):
    """Log a call, meeting or note for one customer: subject and notes, nothing else."""

    entity = "interaction"

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        customer_id: int,
        kind: str = "call",
        contact_id: int | None = None,
    ):
        self.customer_id = customer_id
        self.kind = kind
        self.contact_id = contact_id
        self.title_new = QUICK_TITLES.get(kind, f"Log {kind}")
        super().__init__(parent, defaults={})
        self.save_button.setDefault(True)
        self.setMinimumWidth(460)

    def build(self) -> None:
        self.add_field(
            "subject", TextLineEdit(placeholder=declared(QUICK_PLACEHOLDERS.get(self.kind, "")))
        )
        self.add_field(
            "notes", TextAreaEdit(lines=5, placeholder=self.tr("What was said, what comes next"))
        )

    def focus_first(self) -> None:
        self.slots["subject"].editor.setFocus()

    def write(self, data: dict[str, Any]) -> int:
        record = {"customer_id": self.customer_id, "kind": self.kind, **data}
        if self.contact_id is not None:
            record["contact_id"] = self.contact_id
        return interactions.log_interaction(record)


def log_interaction_dialog(
    parent: QWidget | None, customer_id: int, kind: str = "call", contact_id: int | None = None
) -> int | None:
    """Ask for a subject and notes and log the interaction; its id, or None if cancelled."""
    dialog = QuickLogDialog(parent, customer_id=customer_id, kind=kind, contact_id=contact_id)
    try:
        return dialog.saved_id if dialog.exec() else None
    finally:
        dialog.deleteLater()
