"""Interactions: the history of every call, meeting, email, note and visit with a customer."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from crm_desktop.errors import ValidationError
from crm_desktop.i18n import N_, _
from crm_desktop.models import Interaction
from crm_desktop.models.enums import INTERACTION_KINDS
from crm_desktop.services import records
from crm_desktop.services.clock import now_utc
from crm_desktop.services.contacts import check_belongs
from crm_desktop.services.records import Entity, Field, Row, register
from crm_desktop.services.validation import choice, line, multiline, reference, timestamp


def _prepare(values: Row, old: Row | None) -> None:
    check_belongs(values.get("contact_id"), values["customer_id"])
    if not values.get("subject"):
        notes = (values.get("notes") or "").strip()
        if not notes:
            raise ValidationError({"subject": _("Write a subject or a note.")})
        first_line = notes.splitlines()[0]
        values["subject"] = first_line if len(first_line) <= 80 else first_line[:79] + "…"


INTERACTION = register(
    Entity(
        name="interaction",
        label="interaction",
        model=Interaction,
        fields=(
            Field("customer_id", N_("Customer"), reference, required=True),
            Field("contact_id", N_("Contact"), reference),
            Field("kind", N_("Kind"), choice(INTERACTION_KINDS), required=True, default="note"),
            Field("occurred_at", N_("When"), timestamp, required=True, default=now_utc),
            Field("subject", N_("Subject"), line(500)),
            Field("notes", N_("Notes"), multiline()),
        ),
        describe=lambda row: row["subject"],
        references={"customer_id": "customer", "contact_id": "contact"},
        prepare=_prepare,
    )
)


def log_interaction(data: Mapping[str, Any]) -> int:
    """Record a call, meeting, email, note or visit; returns its id."""
    return records.create(INTERACTION, data)


def update_interaction(interaction_id: int, data: Mapping[str, Any]) -> dict[str, list[Any]]:
    return records.update(INTERACTION, interaction_id, data)


def get_interaction(interaction_id: int) -> Row:
    return records.get(INTERACTION, interaction_id)
