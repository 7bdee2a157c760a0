"""Tasks: calls to make, meetings, deliveries, letters — with a due date and a state."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from crm_desktop.errors import ValidationError
from crm_desktop.i18n import N_, _
from crm_desktop.models import Task, database
from crm_desktop.models.enums import PRIORITIES, TASK_STATUSES
from crm_desktop.services import catalogue, records
from crm_desktop.services.catalogue import FieldDef
from crm_desktop.services.clock import now_utc
from crm_desktop.services.contacts import check_belongs
from crm_desktop.services.records import Entity, Row, register
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


# Every field of a task, once (alias t; its customer c, contact ct, deal d).
FIELDS = catalogue.declare(
    "task",
    FieldDef("title", N_("Title"), sql="t.title", sort="fold", nullable=False, parse=line(500),
             required=True, placeholder=N_("e.g. Send the quote")),
    FieldDef("due_date", N_("Due"), "date", "t.due_date", parse=a_date),
    FieldDef("priority", N_("Priority"), "enum", "t.priority", sort="enum", nullable=False,
             values=PRIORITIES, parse=choice(PRIORITIES), required=True, default="normal"),
    FieldDef("status", N_("Status"), "enum", "t.status", sort="enum", nullable=False,
             values=TASK_STATUSES, parse=choice(TASK_STATUSES), required=True, default="open"),
    FieldDef("customer_id", N_("Customer"), "reference", "t.customer_id", header=N_("Customer ID"),
             sort=None, parse=reference),
    FieldDef("contact_id", N_("Contact"), "reference", "t.contact_id", sort=None,
             parse=reference, in_list=False, in_export=False),
    FieldDef("deal_id", N_("Deal"), "reference", "t.deal_id", sort=None, parse=reference,
             in_list=False, in_export=False),
    FieldDef("customer_name", N_("Customer"), sql="c.name", sort="fold"),
    FieldDef("customer_email", N_("Customer email"), "email", "c.email", in_list=False),
    FieldDef("contact_name", N_("Contact"), sql="ct.name", sort="fold"),
    FieldDef("deal_title", N_("Deal"), sql="d.title", sort="fold"),
    FieldDef("done_at", N_("Done"), "datetime", "t.done_at", header=N_("Done (UTC)"),
             parse=timestamp, form=False),
    FieldDef("notes", N_("Notes"), "longtext", "substr(t.notes, 1, 300)", sort=None,
             export_sql="t.notes", parse=multiline()),
)  # fmt: skip

TASK = register(
    Entity(
        name="task",
        label="task",
        model=Task,
        fields=catalogue.record_fields(FIELDS),
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
