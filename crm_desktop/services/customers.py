"""Customers: the companies and people the business sells to."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from crm_desktop.errors import ValidationError
from crm_desktop.i18n import N_
from crm_desktop.models import Customer, database
from crm_desktop.models.enums import CUSTOMER_KINDS, CUSTOMER_STATUSES
from crm_desktop.services import records, tags
from crm_desktop.services.changes import transaction
from crm_desktop.services.fields import phone
from crm_desktop.services.records import Entity, Field, Row, register
from crm_desktop.services.search import reindex_customers
from crm_desktop.services.tax_ids import check_kpp, check_tax_id
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


CUSTOMER = register(
    Entity(
        name="customer",
        label="customer",
        model=Customer,
        fields=(
            Field("kind", N_("Kind"), choice(CUSTOMER_KINDS), required=True, default="company"),
            Field("name", N_("Name"), line(200), required=True),
            Field("email", N_("Email"), email),
            Field("phone", N_("Phone"), phone),
            Field("website", N_("Website"), website),
            Field("address", N_("Address"), multiline(1000)),
            Field("city", N_("City"), line(100)),
            Field("country", N_("Country"), line(100)),
            Field("status", N_("Status"), choice(CUSTOMER_STATUSES), required=True, default="lead"),
            Field("source", N_("Source"), line(200)),
            Field("notes", N_("Notes"), multiline()),
            # What an invoice to this customer prints (schema 4).
            Field("legal_name", N_("Legal name"), line(300)),
            Field("tax_id", N_("Tax id"), line(40)),
            Field("kpp", N_("KPP"), kpp),
        ),
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
