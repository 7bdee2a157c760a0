"""Import, export and duplicates in the window.

:func:`install` adds, through the :class:`~crm_desktop.ui.features.WindowApi`
only:

* File → "Import…" (the :class:`~.wizard.ImportWizard`), "Import history…"
  (undo any import or merge, also days later) and "Export current view…"
  (the table on screen: its search, filters, sort and columns);
* a "Duplicates" section (:class:`~.duplicates.DuplicatesView`, with Merge);
* dropping a file on the Customers table starts the wizard with that file.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from crm_desktop.ui.icons import icon
from crm_desktop.ui.words import english_plural

if TYPE_CHECKING:
    from crm_desktop.ui.transfer.duplicates import DuplicatesView, MergeDialog
    from crm_desktop.ui.transfer.history import ImportHistoryDialog
    from crm_desktop.ui.transfer.wizard import ImportWizard

IMPORTABLE = {".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".vcf", ".vcard"}

__all__ = [
    "DuplicatesView",
    "ImportHistoryDialog",
    "ImportWizard",
    "MergeDialog",
    "TransferFeature",
    "install",
]

# The dialogs live in their own modules, imported when first used (they bring in the
# import readers and openpyxl, which the window's start must not wait for).
_LAZY = {
    "DuplicatesView": "duplicates",
    "MergeDialog": "duplicates",
    "ImportHistoryDialog": "history",
    "ImportWizard": "wizard",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module = importlib.import_module(f"{__name__}.{_LAZY[name]}")
        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class TransferFeature(QObject):
    """The window's import, export and duplicates entries (lives as long as the window)."""

    def __init__(self, window: Any):
        super().__init__(window if isinstance(window, QObject) else None)
        self.window = window
        self.wizard: ImportWizard | None = None

    def parent_widget(self) -> QWidget | None:
        return self.window if isinstance(self.window, QWidget) else None

    def open_wizard(
        self, path: str | Path | None = None, entity: str | None = None
    ) -> ImportWizard:
        current = self.window.current_entity()
        entity = entity or (
            current if current in ("customer", "contact", "product") else "customer"
        )
        from crm_desktop.ui.transfer.wizard import ImportWizard

        wizard = ImportWizard(self.parent_widget(), path=path, entity=entity)
        wizard.imported.connect(self._imported)
        self.wizard = wizard
        wizard.show()
        return wizard

    def _imported(self, result: Any) -> None:
        from crm_desktop.services import importing

        batch = result.batch_id

        def undo() -> None:
            from crm_desktop.ui.jobs import run_job

            run_job(
                self.parent_widget(),
                QCoreApplication.translate("TransferFeature", "Undoing the import"),
                lambda ctx: importing.undo_batch(batch),
                on_success=lambda r: self.window.show_status(
                    QCoreApplication.translate(
                        "TransferFeature", "Import undone: {summary}"
                    ).format(summary=r.summary())
                ),
            )

        self.window.show_status(
            self.tr("Imported {source}: {summary}").format(
                source=result.source, summary=result.summary()
            ),
            undo=undo if batch else None,
        )

    def open_history(self) -> ImportHistoryDialog:
        from crm_desktop.ui.transfer.history import ImportHistoryDialog

        dialog = ImportHistoryDialog(self.parent_widget())
        dialog.show()
        return dialog

    def export_view(self, path: str | None = None) -> Any:
        from crm_desktop.ui.transfer.exports import ask_path, export_current_view, visible_columns

        entity = self.window.current_entity()
        if not entity:
            self.window.show_status(self.tr("Open a table (customers, orders…) to export it."))
            return None
        path = path or ask_path(self.parent_widget(), entity)
        if not path:
            return None
        columns, headers = visible_columns(self.window)
        return export_current_view(
            self.parent_widget(),
            entity,
            self.window.current_query(),
            path,
            columns=columns,
            headers=headers,
            on_done=lambda r: self.window.show_status(
                english_plural(self.tr("Exported %Ln row(s) to {path}", "", r.rows), r.rows).format(
                    path=r.path
                )
            ),
        )

    def dropped(self, paths: list[Path]) -> bool:
        wanted = [p for p in paths if Path(p).suffix.lower() in IMPORTABLE]
        if not wanted:
            return False
        self.open_wizard(wanted[0], "customer")
        return True


def install(window: Any) -> TransferFeature:
    """Add the import wizard, import history, exports and "Find duplicates" to the window."""
    feature = TransferFeature(window)
    import_action = QAction(QCoreApplication.translate("transfer", "Import…"), feature)
    import_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
    import_action.triggered.connect(lambda: feature.open_wizard())
    window.add_action("File", import_action)
    history_action = QAction(QCoreApplication.translate("transfer", "Import history…"), feature)
    history_action.triggered.connect(lambda: feature.open_history())
    window.add_action("File", history_action)
    export_action = QAction(QCoreApplication.translate("transfer", "Export current view…"), feature)
    export_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
    export_action.triggered.connect(lambda: feature.export_view())
    window.add_action("File", export_action)

    def make_duplicates() -> QWidget:
        from crm_desktop.ui.transfer.duplicates import DuplicatesView

        return DuplicatesView(feature.parent_widget())

    window.add_section(
        "duplicates",
        QCoreApplication.translate("transfer", "Duplicates"),
        make_duplicates,
        icon("duplicates"),
    )
    window.add_drop_handler("customer", feature.dropped)
    return feature
