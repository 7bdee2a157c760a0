"""Contacts: the people at a customer. A customer's first contact becomes its primary one."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from crm_desktop.errors import ValidationError
from crm_desktop.i18n import N_, _
from crm_desktop.models import Contact, database
from crm_desktop.services import audit, records
from crm_desktop.services.fields import phone
from crm_desktop.services.records import Entity, Field, Row, register
from crm_desktop.services.search import reindex_customers
from crm_desktop.services.validation import email, flag, line, multiline, reference


def _prepare(values: Row, old: Row | None) -> None:
    customer_id = values["customer_id"]
    others = database.execute_sql(
        "SELECT id, is_primary FROM contact WHERE customer_id = ? AND id IS NOT ?",
        (customer_id, old["id"] if old else None),
    ).fetchall()
    if old is None and not others:
        values["is_primary"] = 1
    if values.get("is_primary"):
        # Only one primary contact per customer: the database enforces it, we move the flag.
        for other_id, is_primary in others:
            if is_primary:
                Contact.update(is_primary=0).where(Contact.id == other_id).execute()
                audit.record("contact", other_id, "update", {"is_primary": [1, 0]})


def _after_write(contact_id: int, values: Row, old: Row | None) -> None:
    reindex_customers([values["customer_id"], old["customer_id"] if old else None])


CONTACT = register(
    Entity(
        name="contact",
        label="contact",
        model=Contact,
        fields=(
            Field("customer_id", N_("Customer"), reference, required=True),
            Field("name", N_("Name"), line(200), required=True),
            Field("position", N_("Position"), line(200)),
            Field("email", N_("Email"), email),
            Field("phone", N_("Phone"), phone),
            Field("notes", N_("Notes"), multiline()),
            Field("is_primary", N_("Primary contact"), flag, default=0),
        ),
        describe=lambda row: row["name"],
        references={"customer_id": "customer"},
        prepare=_prepare,
        after_write=_after_write,
    )
)


def create_contact(data: Mapping[str, Any]) -> int:
    return records.create(CONTACT, data)


def update_contact(contact_id: int, data: Mapping[str, Any]) -> dict[str, list[Any]]:
    return records.update(CONTACT, contact_id, data)


def get_contact(contact_id: int) -> Row:
    return records.get(CONTACT, contact_id)


def contacts_of(customer_id: int) -> list[Row]:
    """A customer's contacts, the primary one first."""
    cursor = database.execute_sql(
        "SELECT * FROM contact WHERE customer_id = ? ORDER BY is_primary DESC, name",
        (customer_id,),
    )
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def check_belongs(
    contact_id: int | None, customer_id: int | None, field: str = "contact_id"
) -> None:
    """Refuse a contact that is not one of the customer's people."""
    if contact_id is None:
        return
    row = database.execute_sql(
        "SELECT customer_id FROM contact WHERE id = ?", (contact_id,)
    ).fetchone()
    if row is None:
        raise ValidationError({field: _("This contact does not exist (any more).")})
    if customer_id is not None and row[0] != customer_id:
        raise ValidationError({field: _("This contact works for another customer.")})
