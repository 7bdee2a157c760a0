"""Customers: the companies and people the business sells to."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from crm_desktop.errors import ValidationError
from crm_desktop.i18n import N_
from crm_desktop.models import Customer, database
from crm_desktop.models.enums import CUSTOMER_KINDS, CUSTOMER_STATUSES, REVENUE_ORDER_STATUSES
from crm_desktop.services import catalogue, records, tags
from crm_desktop.services.catalogue import FieldDef
from crm_desktop.services.changes import transaction
from crm_desktop.services.fields import phone
from crm_desktop.services.records import Entity, Row, register
from crm_desktop.services.search import reindex_customers
from crm_desktop.services.tax_ids import check_kpp, check_tax_id
from crm_desktop.services.taxes import line_net_sql
from crm_desktop.services.validation import (
    FieldError,
    choice,
    email,
    line,
    multiline,
    website,
)


def _after_write(customer_id: int, values: Row, old: Row | None) -> None:
    reindex_customers([customer_id])


def _prepare(values: Row, old: Row | None) -> None:
    # A tax id is checked for the customer's country (python-stdnum), so both are needed.
    tax_id = values.get("tax_id")
    if tax_id and (
        old is None or tax_id != old.get("tax_id") or values.get("country") != old.get("country")
    ):
        try:
            values["tax_id"] = check_tax_id(tax_id, values.get("country")) or None
        except ValueError as exc:
            raise ValidationError({"tax_id": str(exc)}) from None


def kpp(value: Any) -> str | None:
    """A Russian KPP (the parser of the customer's KPP field)."""
    try:
        return check_kpp(str(value or "")) or None
    except ValueError as exc:
        raise FieldError(str(exc)) from None


_REVENUE = ", ".join(f"'{s}'" for s in REVENUE_ORDER_STATUSES)
_PRIMARY = (
    "(SELECT {column} FROM contact WHERE customer_id = c.id ORDER BY is_primary DESC, id LIMIT 1)"
)

# Every field of a customer, once: list, form, export and import are built from it.
FIELDS = catalogue.declare(
    "customer",
    FieldDef("name", N_("Name"), sql="c.name", sort="s.name_key", nullable=False,
             parse=line(200), required=True, placeholder=N_("Company or person")),
    FieldDef("kind", N_("Kind"), "enum", "c.kind", sort="enum", nullable=False,
             values=CUSTOMER_KINDS, parse=choice(CUSTOMER_KINDS), required=True,
             default="company"),
    FieldDef("status", N_("Status"), "enum", "c.status", sort="enum", nullable=False,
             values=CUSTOMER_STATUSES, parse=choice(CUSTOMER_STATUSES), required=True,
             default="lead"),
    FieldDef("email", N_("Email"), "email", "c.email", sort="fold", parse=email,
             placeholder=N_("name@example.com")),
    FieldDef("phone", N_("Phone"), "phone", "c.phone", parse=phone,
             placeholder=N_("+1 415 555 0123")),
    FieldDef("website", N_("Website"), "url", "c.website", sort="fold", parse=website,
             placeholder=N_("example.com")),
    FieldDef("address", N_("Address"), "longtext", "c.address", sort=None, parse=multiline(1000),
             in_list=False),
    FieldDef("city", N_("City"), sql="c.city", sort="fold", parse=line(100)),
    FieldDef("country", N_("Country"), sql="c.country", sort="fold", parse=line(100)),
    # What an invoice to this customer prints (schema 5; the tax id is checked on save).
    FieldDef("legal_name", N_("Legal name"), sql="c.legal_name", sort="fold", parse=line(300),
             in_list=False, placeholder=N_("as on invoices, if not the name")),
    FieldDef("tax_id", N_("Tax id"), sql="c.tax_id", parse=line(40), in_list=False,
             placeholder=N_("INN, VAT id, USCC…")),
    FieldDef("kpp", N_("KPP"), sql="c.kpp", parse=kpp, in_list=False,
             placeholder=N_("Russia only")),
    FieldDef("source", N_("Source"), sql="c.source", sort="fold", parse=line(200),
             placeholder=N_("e.g. referral, website, trade fair")),
    FieldDef("tags", N_("Tags"), "tags", tags.tags_sql("c.id"), sort=None),
    FieldDef("notes", N_("Notes"), "longtext", "c.notes", sort=None, parse=multiline(),
             in_list=False),
    FieldDef("primary_contact", N_("Primary contact"), sql=_PRIMARY.format(column="name"),
             sort=None,
             in_export=False),
    FieldDef("contact_name", N_("Contact name"), sql="p.name", in_list=False),
    FieldDef("contact_position", N_("Contact position"), sql="p.position", in_list=False),
    FieldDef("contact_email", N_("Contact email"), "email", "p.email", in_list=False),
    FieldDef("contact_phone", N_("Contact phone"), "phone", "p.phone", in_list=False),
    FieldDef("revenue_cents", N_("Revenue"), "money",
             f"(SELECT coalesce(sum({line_net_sql('l')}), 0) FROM sales_order o "
             "JOIN order_line l ON l.order_id = o.id "
             f"WHERE o.customer_id = c.id AND o.status IN ({_REVENUE}))",
             nullable=False, in_export=False),
    FieldDef("created_at", N_("Created"), "datetime", "c.created_at", header=N_("Created (UTC)"),
             nullable=False),
    FieldDef("updated_at", N_("Updated"), "datetime", "c.updated_at", header=N_("Updated (UTC)"),
             nullable=False),
)  # fmt: skip
# The primary contact's row beside a customer in a full export (alias p).
PRIMARY_CONTACT_JOIN = f"LEFT JOIN contact p ON p.id = {_PRIMARY.format(column='id')}"

CUSTOMER = register(
    Entity(
        name="customer",
        label="customer",
        model=Customer,
        fields=catalogue.record_fields(FIELDS),
        describe=lambda row: row["name"],
        prepare=_prepare,
        after_write=_after_write,
        timestamps=True,
    )
)


def create_customer(data: Mapping[str, Any], *, tag_names: Iterable[str] = ()) -> int:
    """Add a customer (with tags, if any); returns its id."""
    with transaction():
        customer_id = records.create(CUSTOMER, data)
        if tag_names:
            tags.add_tags([customer_id], tag_names)
    return customer_id


def update_customer(customer_id: int, data: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Change a customer's fields; returns what changed as ``{field: [old, new]}``."""
    return records.update(CUSTOMER, customer_id, data)


def get_customer(customer_id: int) -> Row:
    """A customer with its ``tags`` (names) and its ``primary_contact`` (a contact row or None)."""
    row = records.get(CUSTOMER, customer_id)
    row["tags"] = tags.tags_of(customer_id)
    primary = database.execute_sql(
        "SELECT id, name, position, email, phone FROM contact "
        "WHERE customer_id = ? ORDER BY is_primary DESC, id LIMIT 1",
        (customer_id,),
    ).fetchone()
    row["primary_contact"] = (
        dict(zip(("id", "name", "position", "email", "phone"), primary, strict=True))
        if primary
        else None
    )
    return row


def set_status(customer_ids: Sequence[int], status: str) -> dict[int, dict[str, list[Any]]]:
    """Give several customers one status, as one step; returns the changes (for undo)."""
    return records.update_many(CUSTOMER, customer_ids, {"status": status})


def customer_choices(query: str, *, limit: int = 20) -> list[tuple[int, str]]:
    """(id, name) of the customers a picker offers while the user types."""
    from crm_desktop.services.search import search_customers

    ids = search_customers(query, limit=limit)
    names = (
        dict(
            database.execute_sql(
                f"SELECT id, name FROM customer WHERE id IN ({', '.join('?' for _ in ids)})", ids
            ).fetchall()
        )
        if ids
        else {}
    )
    return [(i, names[i]) for i in ids if i in names]
