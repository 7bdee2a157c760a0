"""Exporting the table on screen: its search, filters, sort and columns, to CSV, xlsx or vCard."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from crm_desktop.errors import CrmError
from crm_desktop.services import exporting
from crm_desktop.services.listing import ListQuery
from crm_desktop.ui.jobs import run_job
from crm_desktop.ui.noop import QT_TR_NOOP
from crm_desktop.ui.translation import declared

_TITLES = {
    "customer": QT_TR_NOOP("customers"),
    "contact": QT_TR_NOOP("contacts"),
    "product": QT_TR_NOOP("products"),
    "sales_order": QT_TR_NOOP("orders"),
    "deal": QT_TR_NOOP("deals"),
    "task": QT_TR_NOOP("tasks"),
    "interaction": QT_TR_NOOP("interactions"),
    "campaign": QT_TR_NOOP("campaigns"),
    "campaign_member": QT_TR_NOOP("campaign members"),
    "service_case": QT_TR_NOOP("service cases"),
}


def file_filter(entity: str) -> str:
    filters = [
        QCoreApplication.translate("transfer.exports", "Excel workbook (*.xlsx)"),
        QCoreApplication.translate("transfer.exports", "CSV, UTF-8 (*.csv)"),
    ]
    if entity in exporting.VCARD_ENTITIES:
        filters.append(QCoreApplication.translate("transfer.exports", "vCard 4.0 (*.vcf)"))
    return ";;".join(filters)


def ask_path(parent: QWidget | None, entity: str) -> str:
    name, chosen = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("transfer.exports", "Export {get}").format(
            get=declared(_TITLES.get(entity, entity))
        ),
        f"{declared(_TITLES.get(entity, entity))}.xlsx",
        file_filter(entity),
    )
    if name and not Path(name).suffix:
        name += ".vcf" if "vcf" in chosen else ".csv" if "csv" in chosen else ".xlsx"
    return name


def export_current_view(
    parent: QWidget | None,
    entity: str,
    query: ListQuery | None,
    path: str | Path,
    *,
    columns: list[str] | None = None,
    headers: dict[str, str] | None = None,
    on_done: Callable[[exporting.ExportResult], None] | None = None,
) -> Any:
    """Export the list of ``entity`` as ``query`` shows it, off the GUI thread."""
    exporting.format_of(path)  # a wrong file name is said at once, before any work

    def work(context: Any) -> exporting.ExportResult:
        return exporting.export_view(
            entity,
            query,
            path,
            columns=columns,
            headers=headers,
            progress=context.progress,
            cancelled=context.cancelled,
        )

    return run_job(
        parent,
        QCoreApplication.translate("transfer.exports", "Exporting {get}").format(
            get=declared(_TITLES.get(entity, entity))
        ),
        work,
        on_success=on_done,
    )


def visible_columns(window: Any) -> tuple[list[str] | None, dict[str, str] | None]:
    """The window's visible columns and their titles, when it can tell them."""
    getter = getattr(window, "visible_columns", None)
    if getter is None:
        return None, None
    try:
        found = list(getter() or [])
    except (CrmError, TypeError, AttributeError):
        return None, None
    if not found:
        return None, None
    if isinstance(found[0], tuple):
        return [k for k, _ in found], {k: title for k, title in found}
    return [str(k) for k in found], None
