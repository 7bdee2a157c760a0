"""Interactions: the history of every call, meeting, email, note and visit with a customer."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from crm_desktop.errors import ValidationError
from crm_desktop.i18n import N_, _
from crm_desktop.models import Interaction
from crm_desktop.models.enums import INTERACTION_KINDS
from crm_desktop.services import catalogue, records
from crm_desktop.services.catalogue import FieldDef
from crm_desktop.services.clock import now_utc
from crm_desktop.services.contacts import check_belongs
from crm_desktop.services.records import Entity, Row, register
from crm_desktop.services.validation import choice, line, multiline, reference, timestamp


def _prepare(values: Row, old: Row | None) -> None:
    check_belongs(values.get("contact_id"), values["customer_id"])
    if not values.get("subject"):
        notes = (values.get("notes") or "").strip()
        if not notes:
            raise ValidationError({"subject": _("Write a subject or a note.")})
        first_line = notes.splitlines()[0]
        values["subject"] = first_line if len(first_line) <= 80 else first_line[:79] + "…"


# Every field of an interaction, once (alias i; its customer c, its contact ct).
FIELDS = catalogue.declare(
    "interaction",
    FieldDef("occurred_at", N_("When"), "datetime", "i.occurred_at", header=N_("When (UTC)"),
             nullable=False, parse=timestamp, required=True, default=now_utc),
    FieldDef("kind", N_("Kind"), "enum", "i.kind", sort="enum", nullable=False,
             values=INTERACTION_KINDS, parse=choice(INTERACTION_KINDS), required=True,
             default="note"),
    FieldDef("subject", N_("Subject"), sql="i.subject", sort="fold", nullable=False,
             parse=line(500)),
    FieldDef("customer_id", N_("Customer"), "reference", "i.customer_id",
             header=N_("Customer ID"), sort=None, parse=reference, required=True),
    FieldDef("contact_id", N_("Contact"), "reference", "i.contact_id", sort=None,
             parse=reference, in_list=False, in_export=False),
    FieldDef("customer_name", N_("Customer"), sql="c.name", sort="fold", nullable=False),
    FieldDef("customer_email", N_("Customer email"), "email", "c.email", in_list=False),
    FieldDef("contact_name", N_("Contact"), sql="ct.name", sort="fold"),
    FieldDef("notes", N_("Notes"), "longtext", "substr(i.notes, 1, 300)", sort=None,
             export_sql="i.notes", parse=multiline()),
)  # fmt: skip

INTERACTION = register(
    Entity(
        name="interaction",
        label="interaction",
        model=Interaction,
        fields=catalogue.record_fields(FIELDS),
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
