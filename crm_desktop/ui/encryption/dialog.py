"""File › Encryption…: whether the database is encrypted, turning it on or off, its key.

Turning encryption on: a fresh key is shown as a recovery key first
(:class:`~crm_desktop.ui.encryption.recovery_key.ShowRecoveryKeyDialog`), and
nothing changes until the owner says it is kept. The conversion then runs as
a restore does (:class:`ConversionFlow`): a verified backup and the converted
copy are made and checked off the GUI thread, every connection lets go of the
file, the copy is swapped in with a safety copy kept, and the window reopens.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.services import encryption
from crm_desktop.services.backups import PreparedRestore
from crm_desktop.services.encryption import EncryptionStatus
from crm_desktop.ui.backup.restore_flow import RestoreFlow
from crm_desktop.ui.encryption.recovery_key import ShowRecoveryKeyDialog
from crm_desktop.ui.jobs import Job, JobContext, run_job


class ConversionFlow(RestoreFlow):
    """Encrypt (``key``) or decrypt (``None``) the open database, the way a restore swaps it."""

    def __init__(
        self,
        parent: QWidget | None,
        db_path: Path,
        key: bytes | None,
        *,
        reload: Callable[[], None] | None = None,
    ):
        super().__init__(parent, db_path, db_path, reload=reload, ask=lambda _prepared: True)
        self.key = key
        self.title = (
            self.tr("Encrypting the database") if key else self.tr("Decrypting the database")
        )

    def start(self) -> None:
        def work(context: JobContext) -> PreparedRestore:
            context.message(self.tr("Making a verified backup, then the converted copy…"))
            return encryption.prepare_conversion(
                self.db_path, self.key, progress=context.progress, cancelled=context.cancelled
            )

        self._check_job = run_job(
            self._parent,
            self.title,
            work,
            on_success=self._checked,
            on_error=lambda exc: self._fail(self.title, exc),
            on_cancel=lambda: self.finished.emit(None),
        )


class EncryptionDialog(QDialog):
    """The encryption state of the database, and what can be done about it."""

    def __init__(
        self,
        db_path: Path,
        parent: QWidget | None = None,
        *,
        reload: Callable[[], None] | None = None,
        status: Callable[[str], None] | None = None,
    ):
        super().__init__(parent)
        self.db_path = Path(db_path)
        self._reload = reload
        self._status = status
        self.flow: ConversionFlow | None = None
        self._keyring_job: Job | None = None
        self.setWindowTitle(self.tr("Encryption"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)
        self.state = QLabel()
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        row = QHBoxLayout()
        self.encrypt_button = QPushButton(self.tr("Encrypt…"))
        self.encrypt_button.clicked.connect(self.start_encrypting)
        self.decrypt_button = QPushButton(self.tr("Stop encrypting…"))
        self.decrypt_button.clicked.connect(self.start_decrypting)
        self.key_button = QPushButton(self.tr("Show recovery key…"))
        self.key_button.clicked.connect(self.show_recovery_key)
        for button in (self.encrypt_button, self.decrypt_button, self.key_button):
            row.addWidget(button)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        """Show the file's state now; whether the key is kept here comes from the keyring later.

        The keyring can take seconds (a locked keyring asking for its password, a slow
        D-Bus), so it is asked off the GUI thread.
        """
        state = encryption.status(self.db_path, ask_keyring=False)
        self._show(state, keyring_known=not state.encrypted)
        self.encrypt_button.setEnabled(state.available and not state.encrypted)
        self.decrypt_button.setEnabled(state.available and state.encrypted)
        self.key_button.setEnabled(state.encrypted)
        if state.encrypted:
            path = self.db_path
            self._keyring_job = run_job(
                self,
                self.windowTitle(),
                lambda _context: encryption.status(path),
                on_success=self._keyring_answered,
                on_error=lambda _exc: None,  # status() never raises for a keyring; a file gone
                cancellable=False,
                show_progress=False,
            )

    def _keyring_answered(self, state: EncryptionStatus) -> None:
        if state.encrypted:
            self._show(state, keyring_known=True)

    def _show(self, state: EncryptionStatus, *, keyring_known: bool) -> None:
        if not state.available:
            text = self.tr(
                "This installation cannot encrypt: its SQLCipher library is missing. "
                "Reinstall CRM Desktop."
            )
        elif not state.encrypted:
            text = self.tr(
                "The database is not encrypted: anyone who gets this laptop's disk, or a copy "
                "of the file, can read it. Encrypting keeps the key in this computer's keyring "
                "and gives you a recovery key to print."
            )
        elif not keyring_known:
            text = self.tr(
                "The database is encrypted (AES-256, SQLCipher). Looking for its key in this "
                "computer's keyring…"
            )
        elif state.key_on_this_computer:
            text = self.tr(
                "The database is encrypted (AES-256, SQLCipher). Its key is kept in this "
                "computer's keyring; the recovery key opens it anywhere else. Backups made "
                "from now on are encrypted too."
            )
        else:
            text = self.tr(
                "The database is encrypted. Its key is not kept on this computer: you type the "
                "recovery key each time it opens."
            )
        self.state.setText(text)

    def start_encrypting(
        self, *, ask: Callable[[ShowRecoveryKeyDialog], bool] | None = None
    ) -> ConversionFlow | None:
        key = encryption.new_key()
        page = ShowRecoveryKeyDialog(
            encryption.format_recovery_key(key), self.db_path, self, confirm=True
        )
        try:
            agreed = ask(page) if ask else page.exec() == QDialog.DialogCode.Accepted
        finally:
            page.deleteLater()
        if not agreed:
            return None
        return self._convert(key)

    def start_decrypting(self, *, ask: Callable[[], bool] | None = None) -> ConversionFlow | None:
        if ask is None:
            answer = QMessageBox.question(
                self,
                self.tr("Stop encrypting"),
                self.tr(
                    "The database will be stored readable by anyone who has the file. A "
                    "verified backup is made first. Go on?"
                ),
            )
            agreed = answer == QMessageBox.StandardButton.Yes
        else:
            agreed = ask()
        return self._convert(None) if agreed else None

    def _convert(self, key: bytes | None) -> ConversionFlow:
        self.flow = ConversionFlow(self, self.db_path, key, reload=self._reload)
        self.flow.finished.connect(self._converted)
        self.flow.start()
        return self.flow

    def _converted(self, result: Any) -> None:
        self.refresh()
        if result is not None and self._status is not None:
            encrypted = encryption.is_encrypted(self.db_path)
            self._status(
                self.tr("The database is now encrypted.")
                if encrypted
                else self.tr("The database is stored unencrypted again.")
            )

    def show_recovery_key(self) -> ShowRecoveryKeyDialog:
        page = ShowRecoveryKeyDialog(
            encryption.format_recovery_key(encryption.current_key(self.db_path)),
            self.db_path,
            self,
            confirm=False,
        )
        page.open()
        return page
