"""The Tasks list: calls, meetings, deliveries and letters, with what is overdue in red."""

from __future__ import annotations

from typing import Any

from crm_desktop.services import tasks
from crm_desktop.services.clock import today
from crm_desktop.services.enums import PRIORITIES, TASK_STATUSES
from crm_desktop.ui.noop import QT_TR_NOOP
from crm_desktop.ui.sections.base import ColumnSpec, FilterSpec, Section, StatusSpec, choices


def _style(row: dict[str, Any], key: str) -> str | None:
    if row.get("status") != "open":
        return "muted"
    due = row.get("due_date")
    if key == "due_date" and due and due < today().isoformat():
        return "alert"
    if key == "priority" and row.get("priority") in ("high", "urgent"):
        return "alert"
    return None


SECTION = Section(
    key="tasks",
    title=QT_TR_NOOP("Tasks"),
    entity="task",
    noun=QT_TR_NOOP("task"),
    plural=QT_TR_NOOP("tasks"),
    icon="tasks",
    columns=(
        ColumnSpec("title", QT_TR_NOOP("Title"), 260),
        ColumnSpec("due_date", QT_TR_NOOP("Due"), 100),
        ColumnSpec("status", QT_TR_NOOP("Status"), 80),
        ColumnSpec("priority", QT_TR_NOOP("Priority"), 80),
        ColumnSpec("customer_name", QT_TR_NOOP("Customer"), 200),
        ColumnSpec("contact_name", QT_TR_NOOP("Contact"), 150, visible=False),
        ColumnSpec("deal_title", QT_TR_NOOP("Deal"), 180, visible=False),
        ColumnSpec("done_at", QT_TR_NOOP("Done"), 140, visible=False),
    ),
    filters=(
        FilterSpec(
            "choice", "status", QT_TR_NOOP("Status"), choices(TASK_STATUSES), as_default=True
        ),
        FilterSpec(
            "choice",
            "priority",
            QT_TR_NOOP("Priority"),
            choices(PRIORITIES),
            as_default=True,
        ),
        FilterSpec("flag", "overdue", QT_TR_NOOP("Overdue")),
        FilterSpec("dates", "due_from", QT_TR_NOOP("Due"), to_key="due_to"),
    ),
    status=StatusSpec(QT_TR_NOOP("Status"), TASK_STATUSES, tasks.set_status, "task"),
    depends=frozenset({"task", "customer", "contact", "deal"}),
    cell_style=_style,
)
