"""The recovery key: shown (to print or save) before a file is encrypted, asked when needed.

:class:`ShowRecoveryKeyDialog` shows the key large and selectable, saves the
page to print as a PDF, and, before an encryption, lets the conversion start
only once the owner ticks that the key is kept. :class:`AskRecoveryKeyDialog`
asks for the key of a file this computer cannot open: it checks what is typed
as it is typed (length, typos through the check group) and unlocks the file
before it closes, so a wrong key is said next to the field.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import CrmError
from crm_desktop.services import encryption


def _monospace(size_delta: int = 0) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(max(8, font.pointSize() + size_delta))
    return font


class ShowRecoveryKeyDialog(QDialog):
    """The recovery key of ``db_path``; with ``confirm``, the step before encrypting."""

    def __init__(
        self, recovery_key: str, db_path: Path, parent: QWidget | None = None, *, confirm: bool
    ):
        super().__init__(parent)
        self.recovery_key = recovery_key
        self.db_path = Path(db_path)
        self.saved_to: Path | None = None
        self.setWindowTitle(self.tr("Recovery key"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        # Wrapped text needs its height for the width it gets: never squeezed shorter.
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)
        intro = QLabel(
            self.tr(
                "This key opens the database and every backup made from it. CRM Desktop keeps "
                "it in this computer's keyring; you need it when that is gone: on a new "
                "computer, after reinstalling the system, or to open a backup elsewhere. "
                "Without it nobody can read the data, not even you, and nobody can recover "
                "it for you. Print it or write it down, and keep it apart from this laptop."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        groups = recovery_key.split("-")
        lines = ["  ".join(groups[i : i + 4]) for i in range(0, len(groups), 4)]
        self.key_label = QLabel("\n".join(lines))
        self.key_label.setFont(_monospace(4))
        self.key_label.setTextFormat(Qt.TextFormat.PlainText)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.key_label)
        self.save_button = QPushButton(self.tr("Save the page to print (PDF)…"))
        self.save_button.clicked.connect(self.save_pdf)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.recovery_key)
        )
        self.saved_label = QLabel()
        self.saved_label.setWordWrap(True)
        layout.addWidget(self.save_button)
        layout.addWidget(self.copy_button)
        layout.addWidget(self.saved_label)
        self.kept = QCheckBox(
            self.tr("I have printed or written down this key, and keep it apart from this laptop")
        )
        self.buttons = QDialogButtonBox()
        if confirm:
            layout.addWidget(self.kept)
            self.ok_button = self.buttons.addButton(
                self.tr("Encrypt"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
            self.ok_button.setEnabled(False)
            self.kept.toggled.connect(self.ok_button.setEnabled)
        else:
            self.kept.hide()
            self.ok_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def save_pdf(self, target: Path | None = None) -> Path | None:
        """Write the page to print (``target``, else a file chooser); returns where."""
        from crm_desktop.reports.recovery_key_pdf import recovery_key_pdf

        if target is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the recovery key"),
                "crm-desktop-recovery-key.pdf",
                "PDF (*.pdf)",
            )
            if not chosen:
                return None
            target = Path(chosen)
        try:
            recovery_key_pdf(target, self.recovery_key, self.db_path, on=date.today())
        except CrmError as exc:
            self.saved_label.setText(str(exc))
            return None
        self.saved_to = target
        self.saved_label.setText(
            self.tr(
                "Saved to %1. Print it, then keep the paper, not the file on this laptop."
            ).replace("%1", str(target))
        )
        return target


class AskRecoveryKeyDialog(QDialog):
    """Ask for the recovery key of ``path``; accepted only once the key opens it."""

    def __init__(self, path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.path = Path(path)
        self.setWindowTitle(self.tr("Encrypted database"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "%1 is encrypted, and this computer does not hold its key. Type its recovery "
                "key (from the page printed when it was encrypted)."
            ).replace("%1", str(self.path))
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.edit = QLineEdit()
        self.edit.setFont(_monospace(2))
        self.edit.setPlaceholderText("XXXXX-XXXXX-XXXXX-…")
        self.edit.textChanged.connect(self._check)
        layout.addWidget(self.edit)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        layout.addWidget(self.problem)
        self.keep = QCheckBox(self.tr("Keep the key on this computer (in its keyring)"))
        self.keep.setChecked(True)
        layout.addWidget(self.keep)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.open_button = self.buttons.button(QDialogButtonBox.StandardButton.Open)
        self.open_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _say(self, problem: str) -> None:
        if problem != self.problem.text():
            self.problem.setText(problem)
            self.adjustSize()  # room for the wrapped message, never clipped

    def _check(self, text: str) -> None:
        letters = sum(ch.isalnum() for ch in text)
        try:
            encryption.parse_recovery_key(text)
        except CrmError as exc:
            self.open_button.setEnabled(False)
            complete = len(encryption.format_recovery_key(bytes(32)).replace("-", ""))
            self._say(str(exc) if letters >= complete else "")
            return
        self._say("")
        self.open_button.setEnabled(True)

    def accept(self) -> None:
        try:
            encryption.unlock(
                self.path, self.edit.text(), keep_on_this_computer=self.keep.isChecked()
            )
        except CrmError as exc:
            self._say(str(exc))
            return
        super().accept()


def ask_recovery_key(parent: QWidget | None, path: Path) -> bool:
    """Ask until the key opens ``path`` or the owner cancels; True when it is open."""
    dialog = AskRecoveryKeyDialog(path, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
