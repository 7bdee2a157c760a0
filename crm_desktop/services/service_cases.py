"""Service cases: questions, complaints, repairs, warranty claims and returns after a sale."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

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
            Field("customer_id", "Customer", reference, required=True),
            Field("product_id", "Product", reference),
            Field("kind", "Kind", choice(SERVICE_CASE_KINDS), required=True, default="question"),
            Field("subject", "Subject", line(500), required=True),
            Field("description", "Description", multiline()),
            Field("status", "Status", choice(SERVICE_CASE_STATUSES), required=True, default="open"),
            Field("priority", "Priority", choice(PRIORITIES), required=True, default="normal"),
            Field("opened_at", "Opened", timestamp, required=True, default=now_utc),
            Field("resolved_at", "Resolved", timestamp),
            Field("resolution", "Resolution", multiline()),
            Field("cost_cents", "Cost", amount, required=True, default=0),
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
