"""The Tasks list: calls, meetings, deliveries and letters, with what is overdue in red."""

from __future__ import annotations

from typing import Any

from crm_desktop.models.enums import PRIORITIES, TASK_STATUSES
from crm_desktop.services import tasks
from crm_desktop.services.clock import today
from crm_desktop.ui.sections.base import ColumnSpec, FilterSpec, Section, StatusSpec, choices
from crm_desktop.ui.tables.formatting import label


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
    title="Tasks",
    entity="task",
    noun="task",
    plural="tasks",
    icon="tasks",
    columns=(
        ColumnSpec("title", width=260),
        ColumnSpec("due_date", width=100),
        ColumnSpec("status", width=80),
        ColumnSpec("priority", width=80),
        ColumnSpec("customer_name", width=200),
        ColumnSpec("contact_name", width=150, visible=False),
        ColumnSpec("deal_title", width=180, visible=False),
        ColumnSpec("done_at", width=140, visible=False),
    ),
    filters=(
        FilterSpec("choice", "status", "Status", choices(TASK_STATUSES, label), as_default=True),
        FilterSpec("choice", "priority", "Priority", choices(PRIORITIES, label), as_default=True),
        FilterSpec("flag", "overdue", "Overdue"),
        FilterSpec("dates", "due_from", "Due", to_key="due_to"),
    ),
    status=StatusSpec("Status", TASK_STATUSES, tasks.set_status, "task"),
    depends=frozenset({"task", "customer", "contact", "deal"}),
    cell_style=_style,
)
