"""Service cases: questions, complaints, repairs, warranty claims and returns after a sale."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from crm_desktop.i18n import N_
from crm_desktop.models import ServiceCase
from crm_desktop.models.enums import PRIORITIES, SERVICE_CASE_KINDS, SERVICE_CASE_STATUSES
from crm_desktop.services import records
from crm_desktop.services.clock import now_utc
from crm_desktop.services.fields import amount
from crm_desktop.services.records import Entity, Field, Row, register
from crm_desktop.services.validation import choice, line, multiline, reference, timestamp

RESOLVED_STATUSES = ("resolved", "closed")


def _prepare(values: Row, old: Row | None) -> None:
    if values["status"] in RESOLVED_STATUSES:
        values["resolved_at"] = values.get("resolved_at") or now_utc()
    else:
        values["resolved_at"] = None


SERVICE_CASE = register(
    Entity(
        name="service_case",
        label="service case",
        model=ServiceCase,
        fields=(
            Field("customer_id", N_("Customer"), reference, required=True),
            Field("product_id", N_("Product"), reference),
            Field(
                "kind", N_("Kind"), choice(SERVICE_CASE_KINDS), required=True, default="question"
            ),
            Field("subject", N_("Subject"), line(500), required=True),
            Field("description", N_("Description"), multiline()),
            Field(
                "status", N_("Status"), choice(SERVICE_CASE_STATUSES), required=True, default="open"
            ),
            Field("priority", N_("Priority"), choice(PRIORITIES), required=True, default="normal"),
            Field("opened_at", N_("Opened"), timestamp, required=True, default=now_utc),
            Field("resolved_at", N_("Resolved"), timestamp),
            Field("resolution", N_("Resolution"), multiline()),
            Field("cost_cents", N_("Cost"), amount, required=True, default=0),
        ),
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
