"""The import history: every import (and merge), with "Undo" for each, also days later."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.i18n import gettext
from crm_desktop.services import importing
from crm_desktop.services.importing import BatchInfo
from crm_desktop.ui.jobs import run_job
from crm_desktop.ui.noop import QT_TR_NOOP
from crm_desktop.ui.translation import declared

COLUMNS = (
    QT_TR_NOOP("When (UTC)"),
    QT_TR_NOOP("What"),
    QT_TR_NOOP("Created"),
    QT_TR_NOOP("Updated"),
    QT_TR_NOOP("Skipped"),
    QT_TR_NOOP("Refused"),
    QT_TR_NOOP("State"),
)


class ImportHistoryDialog(QDialog):
    """A list of imports and merges, newest first; "Undo" reverts the selected one."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import history"))
        self.resize(860, 420)
        self.confirm: Callable[[QWidget, str, str], bool] = _confirm
        self.batches: list[BatchInfo] = []
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([declared(c) for c in COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.undo_button = QPushButton(self.tr("Undo this import"))
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_selected)
        row.addWidget(self.undo_button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        self.batches = importing.list_batches()
        self.table.setRowCount(len(self.batches))
        for index, batch in enumerate(self.batches):
            state = (
                self.tr("undone {day}").format(day=batch.undone_at[:10]) if batch.undone_at else ""
            )
            values: list[Any] = [
                batch.started_at.replace("T", " ").rstrip("Z"),
                gettext(batch.describe),
                batch.created,
                batch.updated,
                batch.skipped,
                batch.refused,
                state,
            ]
            for column, value in enumerate(values):
                self.table.setItem(index, column, QTableWidgetItem(str(value)))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        if not self.batches:
            self.message.setText(self.tr("Nothing was imported yet."))
        self._selection_changed()

    def selected(self) -> BatchInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.batches[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        batch = self.selected()
        self.undo_button.setEnabled(batch is not None and not batch.undone_at)
        if batch is not None:
            self.undo_button.setText(
                self.tr("Undo this merge") if batch.kind == "merge" else self.tr("Undo this import")
            )

    def undo_selected(self) -> None:
        batch = self.selected()
        if batch is None or batch.undone_at:
            return
        text = (
            self.tr("The merged customers come back and their records move back to them.")
            if batch.kind == "merge"
            else self.tr(
                "Records it created go to the trash; fields it changed get their old values "
                "back, unless they were changed since."
            )
        )
        if not self.confirm(
            self, self.tr("Undo: {describe}?").format(describe=gettext(batch.describe)), text
        ):
            return

        def done(result: Any) -> None:
            self.message.setText(
                QCoreApplication.translate("ImportHistoryDialog", "Undone: {summary}").format(
                    summary=result.summary()
                )
            )
            self.refresh()

        run_job(
            self,
            self.tr("Undoing"),
            lambda ctx: importing.undo_batch(
                batch.id, progress=ctx.progress, cancelled=ctx.cancelled
            ),
            on_success=done,
        )


def _confirm(parent: QWidget, title: str, text: str) -> bool:
    return QMessageBox.question(parent, title, text) == QMessageBox.StandardButton.Yes
