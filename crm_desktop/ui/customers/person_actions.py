"""The customer page's "Export personal data…" and "Erase this person…" (docs/privacy.md).

Both run :mod:`crm_desktop.services.person_data`, the same functions as
``crm-desktop person export|erase``. The erase asks first, naming the person,
what goes, that it cannot be undone, and which backups still hold them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from crm_desktop.services import person_data
from crm_desktop.services.person_data import ErasureReport
from crm_desktop.ui.errors import show_error

_CONTEXT = "PersonData"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def _table_words() -> dict[str, str]:
    return {
        "customer": _tr("customer record"),
        "contact": _tr("contacts"),
        "customer_tag": _tr("tag links"),
        "deal": _tr("deals"),
        "sales_order": _tr("orders"),
        "order_line": _tr("order lines"),
        "quote": _tr("quotes"),
        "quote_line": _tr("quote lines"),
        "task": _tr("tasks"),
        "interaction": _tr("calls, meetings and notes"),
        "service_case": _tr("service cases"),
        "campaign_member": _tr("campaign memberships"),
        "trash_item": _tr("records in the trash"),
    }


def _safe_file_name(label: str) -> str:
    keep = "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in label).strip()
    return (keep or "person")[:60]


def export_person(parent: QWidget, entity: str, record_id: int, label: str) -> Path | None:
    """Ask where, then write everything about the person to a JSON file; returns the path."""
    suggested = Path.home() / f"{_safe_file_name(label)}.json"
    name, _ = QFileDialog.getSaveFileName(
        parent, _tr("Export personal data"), str(suggested), _tr("JSON (*.json)")
    )
    if not name:
        return None
    try:
        written = person_data.export_person(entity, record_id, name)
    except Exception as exc:
        show_error(parent, _tr("Exporting personal data"), exc)
        return None
    QMessageBox.information(
        parent, _tr("Export personal data"), _tr("Wrote {path}.").format(path=written)
    )
    return written


def _backup_lines(report: ErasureReport) -> list[str]:
    lines = [
        f"• {record.created_at:%Y-%m-%d %H:%M} UTC — {record.path.name}"
        for record in report.backups_holding
    ]
    lines += [
        _tr("• {when} UTC — {name} (could not be read: it may hold them)").format(
            when=f"{record.created_at:%Y-%m-%d %H:%M}", name=record.path.name
        )
        for record in report.backups_unreadable
    ]
    return lines


def describe_erasure(report: ErasureReport) -> str:
    """What the erase takes and keeps, in words, for the confirmation."""
    parts = [
        _tr(
            "This deletes {what} “{name}” for good, with everything that belongs to them, "
            "not to the trash:"
        ).format(what=_tr(report.entity), name=report.label)
    ]
    words = _table_words()
    parts.append(
        "\n".join(
            f"• {words.get(table, table)}: {count}" for table, count in report.deleted.items()
        )
    )
    parts.append(
        _tr("Their values in {n} audit log entries are replaced by “[erased]”.").format(
            n=report.audit_entries_erased
        )
    )
    if report.invoices_kept:
        parts.append(
            _tr("Invoices {numbers} are kept: they are legal records.").format(
                numbers=", ".join(report.invoices_kept)
            )
        )
    backups = _backup_lines(report)
    if backups:
        parts.append(
            _tr("These backups still hold them (delete them to erase them there too):")
            + "\n"
            + "\n".join(backups)
        )
    else:
        parts.append(_tr("No backup holds them."))
    parts.append(_tr("This cannot be undone."))
    return "\n\n".join(parts)


def confirm_erase(parent: QWidget, report: ErasureReport) -> bool:
    """The question before an erase; Cancel is the default button."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_tr("Erase this person"))
    box.setText(_tr("Erase “{name}” for good?").format(name=report.label))
    box.setInformativeText(describe_erasure(report))
    box.setTextFormat(Qt.TextFormat.PlainText)
    erase = box.addButton(_tr("Erase for good"), QMessageBox.ButtonRole.DestructiveRole)
    erase.setObjectName("erase_for_good")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is erase


def erase_person(parent: QWidget, entity: str, record_id: int) -> ErasureReport | None:
    """Ask, then erase the person for good; returns what was done, or None if cancelled."""
    try:
        preview = person_data.preview_erasure(entity, record_id)
    except Exception as exc:
        show_error(parent, _tr("Erasing a person"), exc)
        return None
    if not confirm_erase(parent, preview):
        return None
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return person_data.erase_person(entity, record_id)
    except Exception as exc:
        show_error(parent, _tr("Erasing a person"), exc)
        return None
    finally:
        QApplication.restoreOverrideCursor()
