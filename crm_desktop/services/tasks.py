"""Tasks: calls to make, meetings, deliveries, letters — with a due date and a state."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from crm_desktop.errors import ValidationError
from crm_desktop.i18n import N_, _
from crm_desktop.models import Task, database
from crm_desktop.models.enums import PRIORITIES, TASK_STATUSES
from crm_desktop.services import records
from crm_desktop.services.clock import now_utc
from crm_desktop.services.contacts import check_belongs
from crm_desktop.services.records import Entity, Field, Row, register
from crm_desktop.services.validation import a_date, choice, line, multiline, reference, timestamp


def _prepare(values: Row, old: Row | None) -> None:
    customer_id = values.get("customer_id")
    check_belongs(values.get("contact_id"), customer_id)
    deal_id = values.get("deal_id")
    if deal_id is not None:
        row = database.execute_sql(
            "SELECT customer_id FROM deal WHERE id = ?", (deal_id,)
        ).fetchone()
        if row and customer_id is not None and row[0] != customer_id:
            raise ValidationError({"deal_id": _("This deal belongs to another customer.")})
        if row and customer_id is None:
            values["customer_id"] = row[0]
    if values.get("contact_id") is not None and values.get("customer_id") is None:
        values["customer_id"] = database.execute_sql(
            "SELECT customer_id FROM contact WHERE id = ?", (values["contact_id"],)
        ).fetchone()[0]
    if values["status"] == "done":
        values["done_at"] = values.get("done_at") or now_utc()
    else:
        values["done_at"] = None


TASK = register(
    Entity(
        name="task",
        label="task",
        model=Task,
        fields=(
            Field("title", N_("Title"), line(500), required=True),
            Field("notes", N_("Notes"), multiline()),
            Field("due_date", N_("Due"), a_date),
            Field("status", N_("Status"), choice(TASK_STATUSES), required=True, default="open"),
            Field("priority", N_("Priority"), choice(PRIORITIES), required=True, default="normal"),
            Field("customer_id", N_("Customer"), reference),
            Field("contact_id", N_("Contact"), reference),
            Field("deal_id", N_("Deal"), reference),
            Field("done_at", N_("Done at"), timestamp),
        ),
        describe=lambda row: row["title"],
        references={"customer_id": "customer", "contact_id": "contact", "deal_id": "deal"},
        prepare=_prepare,
    )
)


def create_task(data: Mapping[str, Any]) -> int:
    return records.create(TASK, data)


def update_task(task_id: int, data: Mapping[str, Any]) -> dict[str, list[Any]]:
    return records.update(TASK, task_id, data)


def get_task(task_id: int) -> Row:
    return records.get(TASK, task_id)


def complete_task(task_id: int) -> dict[str, list[Any]]:
    """Tick a task done (today's list's checkbox)."""
    return records.update(TASK, task_id, {"status": "done"})


def reopen_task(task_id: int) -> dict[str, list[Any]]:
    return records.update(TASK, task_id, {"status": "open"})


def set_status(task_ids: Sequence[int], status: str) -> dict[int, dict[str, list[Any]]]:
    return records.update_many(TASK, task_ids, {"status": status})
