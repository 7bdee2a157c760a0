"""Forms that create and edit records: one dialog per entity, opened by :func:`open_record`."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

ENTITIES = (
    "customer",
    "contact",
    "product",
    "deal",
    "sales_order",
    "task",
    "interaction",
    "campaign",
    "service_case",
)


def open_record(
    parent: QWidget,
    entity: str,
    record_id: int | None = None,
    defaults: dict | None = None,
) -> int | None:
    """Open the form of ``entity`` modally; return the saved record's id, or None if cancelled.

    ``record_id`` None means a new record, prefilled with ``defaults``
    (e.g. ``{"customer_id": 5}``).
    """
    from crm_desktop.errors import NotFoundError
    from crm_desktop.ui.errors import show_error
    from crm_desktop.ui.forms.registry import form_class

    try:
        dialog = form_class(entity)(parent, record_id=record_id, defaults=defaults)
    except NotFoundError as exc:  # deleted since the list was drawn: say so, open nothing
        show_error(
            parent,
            QCoreApplication.translate("forms", "Opening the {replace}").format(
                replace=entity.replace("_", " ")
            ),
            exc,
        )
        return None
    try:
        return dialog.saved_id if dialog.exec() else None
    finally:
        # Deleted here, on the GUI thread: never by a garbage collection in a worker thread.
        dialog.deleteLater()


__all__ = ["ENTITIES", "open_record"]
