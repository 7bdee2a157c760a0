"""The question before a restore: what the backup holds against the data now, and the way back.

The checks' warnings come first, in their own words (a backup modified since
it was made, a WAL file without its ``-wal``, a file without a checksum,
repaired text). A warning that calls for consent — the file was modified,
or changes may be missing — keeps Restore off until the user ticks that they
want it anyway; Cancel stays the default.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.services.backups import PreparedRestore
from crm_desktop.services.backups.summary import compare, local_time


class ConfirmRestoreDialog(QDialog):
    """Shows backup vs current counts; Cancel is the default, Restore must be chosen."""

    def __init__(self, prepared: PreparedRestore, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore this backup?"))
        self.prepared = prepared
        layout = QVBoxLayout(self)

        title = QLabel(
            self.tr("<b>Restore the backup of {local_time}?</b>").format(
                local_time=local_time(prepared.made_at)
            )
        )
        title.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(title)
        file_label = QLabel(str(prepared.chosen))
        file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        file_label.setWordWrap(True)
        layout.addWidget(file_label)

        notes = [
            self.tr(
                "All current data is replaced by what the backup holds. A safety copy of the "
                "current data is made first and listed with the backups: restoring that copy "
                "brings today's data back."
            )
        ]
        if prepared.migrated_from:
            notes.append(
                self.tr(
                    "The backup was made by an older version of CRM "
                    "Desktop (schema {migrated_from}); it was upgraded "
                    "on a copy and passed its checks."
                ).format(migrated_from=prepared.migrated_from)
            )
        if prepared.current_problem:
            notes.append(
                self.tr("The current data could not be counted: {current_problem}.").format(
                    current_problem=prepared.current_problem
                )
            )
        text = QLabel("\n\n".join(notes))
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        layout.addWidget(text)

        self.warning_labels: list[QLabel] = []
        for warning in prepared.warnings:
            label = QLabel(f"⚠ {warning.message}")
            label.setObjectName(f"restoreWarning_{warning.kind}")
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            if warning.needs_consent:
                label.setStyleSheet("color: #a4262c; font-weight: bold;")
            layout.addWidget(label)
            self.warning_labels.append(label)
        self.consent: QCheckBox | None = None
        if prepared.needing_consent():
            self.consent = QCheckBox(self.tr("Restore it anyway: I have read the warning above"))
            self.consent.setObjectName("restoreConsent")
            layout.addWidget(self.consent)

        rows = compare(prepared.counts, prepared.current_counts)
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels(["", self.tr("In the backup"), self.tr("Now")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        bold = QFont()
        bold.setBold(True)
        for row, (caption, in_backup, now) in enumerate(rows):
            cells = [
                QTableWidgetItem(caption),
                QTableWidgetItem("" if in_backup is None else QLocale().toString(in_backup)),
                QTableWidgetItem("" if now is None else QLocale().toString(now)),
            ]
            differs = in_backup != now and now is not None
            for column, cell in enumerate(cells):
                if column:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if differs:
                    cell.setFont(bold)
                self.table.setItem(row, column, cell)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        # Compact rows, all of them visible: the whole comparison at a glance.
        row_height = self.fontMetrics().height() + 6
        self.table.verticalHeader().setDefaultSectionSize(row_height)
        self.table.verticalHeader().setMinimumSectionSize(row_height)
        frame = 2 * self.table.frameWidth()
        self.table.setMinimumHeight(
            row_height * len(rows) + self.table.horizontalHeader().sizeHint().height() + frame
        )
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        layout.addWidget(self.table)

        buttons = QDialogButtonBox()
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.setAutoDefault(False)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setDefault(True)
        self.cancel_button.setFocus()
        self.restore_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        if self.consent is not None:
            self.restore_button.setEnabled(False)
            self.consent.toggled.connect(self.restore_button.setEnabled)
        layout.addWidget(buttons)
        # Wrapped labels (the warnings) need their height for the dialog's width, not the hint's.
        width = 560
        self.setMinimumWidth(width)
        self.resize(width, max(self.sizeHint().height(), layout.totalHeightForWidth(width)))
