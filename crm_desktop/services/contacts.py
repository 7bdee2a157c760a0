"""Contacts: the people at a customer. A customer's first contact becomes its primary one."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from crm_desktop.errors import ValidationError
from crm_desktop.i18n import N_, _
from crm_desktop.models import Contact, database
from crm_desktop.services import audit, catalogue, contact_keys, records
from crm_desktop.services.catalogue import FieldDef
from crm_desktop.services.fields import phone
from crm_desktop.services.records import Entity, Row, register
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
    if old is None or old.get("name") != values.get("name"):
        contact_keys.set_keys([contact_id])  # the list's order (the triggers cleared it)
    reindex_customers([values["customer_id"], old["customer_id"] if old else None])


# Every field of a contact, once (alias ct; its customer is c).
FIELDS = catalogue.declare(
    "contact",
    FieldDef("customer_id", N_("Customer"), "reference", "ct.customer_id", header=N_("Customer ID"),
             sort=None, parse=reference, required=True, importable=False),
    # Sorts by its stored key (contact_key, the list's FROM): the key of crm_sort_key(ct.name).
    FieldDef("name", N_("Name"), sql="ct.name", sort="k.name_key", nullable=False, parse=line(200),
             required=True, placeholder=N_("First and last name")),
    FieldDef("position", N_("Position"), sql="ct.position", sort="fold", parse=line(200),
             placeholder=N_("e.g. Purchasing manager")),
    FieldDef("customer_name", N_("Customer"), sql="c.name", sort="fold", nullable=False),
    FieldDef("customer_email", N_("Customer email"), "email", "c.email", in_list=False),
    FieldDef("email", N_("Email"), "email", "ct.email", sort="fold", parse=email,
             placeholder=N_("name@example.com")),
    FieldDef("phone", N_("Phone"), "phone", "ct.phone", parse=phone,
             placeholder=N_("+1 415 555 0123")),
    FieldDef("is_primary", N_("Primary contact"), "bool", "ct.is_primary", nullable=False,
             parse=flag, default=0, placeholder=N_("The customer's main contact")),
    FieldDef("notes", N_("Notes"), "longtext", "ct.notes", sort=None, parse=multiline(),
             in_list=False),
)  # fmt: skip

CONTACT = register(
    Entity(
        name="contact",
        label="contact",
        model=Contact,
        fields=catalogue.record_fields(FIELDS),
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
