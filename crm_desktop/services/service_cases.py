"""Service cases: questions, complaints, repairs, warranty claims and returns after a sale."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from crm_desktop.i18n import N_
from crm_desktop.models import ServiceCase
from crm_desktop.models.enums import PRIORITIES, SERVICE_CASE_KINDS, SERVICE_CASE_STATUSES
from crm_desktop.services import catalogue, records
from crm_desktop.services.catalogue import FieldDef
from crm_desktop.services.clock import now_utc
from crm_desktop.services.fields import amount
from crm_desktop.services.records import Entity, Row, register
from crm_desktop.services.validation import choice, line, multiline, reference, timestamp

RESOLVED_STATUSES = ("resolved", "closed")


def _prepare(values: Row, old: Row | None) -> None:
    if values["status"] in RESOLVED_STATUSES:
        values["resolved_at"] = values.get("resolved_at") or now_utc()
    else:
        values["resolved_at"] = None


# Every field of a service case, once (alias sc; its customer c, its product p).
FIELDS = catalogue.declare(
    "service_case",
    FieldDef("subject", N_("Subject"), sql="sc.subject", sort="fold", nullable=False,
             parse=line(500), required=True, placeholder=N_("What is it about?")),
    FieldDef("customer_id", N_("Customer"), "reference", "sc.customer_id",
             header=N_("Customer ID"), sort=None, parse=reference, required=True),
    FieldDef("product_id", N_("Product"), "reference", "sc.product_id", sort=None,
             parse=reference, in_list=False, in_export=False),
    FieldDef("kind", N_("Kind"), "enum", "sc.kind", sort="enum", nullable=False,
             values=SERVICE_CASE_KINDS, parse=choice(SERVICE_CASE_KINDS), required=True,
             default="question"),
    FieldDef("status", N_("Status"), "enum", "sc.status", sort="enum", nullable=False,
             values=SERVICE_CASE_STATUSES, parse=choice(SERVICE_CASE_STATUSES), required=True,
             default="open"),
    FieldDef("priority", N_("Priority"), "enum", "sc.priority", sort="enum", nullable=False,
             values=PRIORITIES, parse=choice(PRIORITIES), required=True, default="normal"),
    FieldDef("customer_name", N_("Customer"), sql="c.name", sort="fold", nullable=False),
    FieldDef("product_name", N_("Product"), sql="p.name", sort="fold"),
    FieldDef("opened_at", N_("Opened"), "datetime", "sc.opened_at", header=N_("Opened (UTC)"),
             nullable=False, parse=timestamp, required=True, default=now_utc),
    FieldDef("resolved_at", N_("Resolved"), "datetime", "sc.resolved_at",
             header=N_("Resolved (UTC)"), parse=timestamp, form=False),
    FieldDef("description", N_("Description"), "longtext", "substr(sc.description, 1, 300)",
             sort=None, export_sql="sc.description", parse=multiline()),
    FieldDef("resolution", N_("Resolution"), "longtext", "substr(sc.resolution, 1, 300)",
             sort=None, export_sql="sc.resolution", parse=multiline(), in_list=False),
    FieldDef("cost_cents", N_("Cost"), "money", "sc.cost_cents", nullable=False, parse=amount,
             required=True, default=0),
)  # fmt: skip

SERVICE_CASE = register(
    Entity(
        name="service_case",
        label="service case",
        model=ServiceCase,
        fields=catalogue.record_fields(FIELDS),
        describe=lambda row: row["subject"],
        references={"customer_id": "customer", "product_id": "product"},
        prepare=_prepare,
    )
)


def open_case(data: Mapping[str, Any]) -> int:
    return records.create(SERVICE_CASE, data)


def update_case(case_id: int, data: Mapping[str, Any]) -> dict[str, list[Any]]:
    return records.update(SERVICE_CASE, case_id, data)


def get_case(case_id: int) -> Row:
    return records.get(SERVICE_CASE, case_id)
