"""Backups and restore in the window: the File menu entries, the Backups dialog, automatic backups.

:func:`install` adds "Back up now…" and "Restore from backup…" to the File
menu (both open the Backups dialog; the first starts a backup in it), runs
the daily backup a few seconds after the window opens when none was made
for 24 hours, and backs up on exit when something was committed during the
session. Backups before bulk changes and upgrades are the services' own
(:mod:`crm_desktop.services.backups.auto`), so the command line gets them too.

Only the :class:`~crm_desktop.ui.features.WindowApi` is used: ``db_path``,
``add_action``, ``show_status`` and ``reload_database``.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QWidget

from crm_desktop.errors import CrmError
from crm_desktop.services.backups import auto
from crm_desktop.ui.jobs import Job, JobContext, run_job

if TYPE_CHECKING:  # the dialog is imported when first opened
    from crm_desktop.ui.backup.dialog import BackupsDialog

log = logging.getLogger(__name__)

DAILY_CHECK_DELAY_MS = 4000


class BackupFeature(QObject):
    """The window's backup actions and automatic backups (lives as long as the window)."""

    def __init__(self, window: Any):
        super().__init__(window if isinstance(window, QObject) else None)
        self.window = window
        self.dialog: BackupsDialog | None = None
        self.daily_job: Job | None = None
        self._mark = auto.commit_mark()
        # The daily backup waits a few seconds: the window's own start-up work goes first.
        self.daily_timer = QTimer(self)
        self.daily_timer.setSingleShot(True)
        self.daily_timer.timeout.connect(self.daily_backup)

    def _parent(self) -> QWidget | None:
        return self.window if isinstance(self.window, QWidget) else None

    def open_dialog(self) -> BackupsDialog:
        """Show the Backups dialog (one at a time), window-modal."""
        if self.dialog is None:
            from crm_desktop.ui.backup.dialog import BackupsDialog

            self.dialog = BackupsDialog(
                self.window.db_path,
                self._parent(),
                reload=self.window.reload_database,
                status=self.window.show_status,
            )
            self.dialog.backed_up.connect(self._backed_up)
            self.dialog.finished.connect(self._dialog_closed)
        else:
            self.dialog.refresh()
        self.dialog.open()
        self.dialog.raise_()
        return self.dialog

    def _dialog_closed(self, *_: Any) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def back_up_now(self) -> BackupsDialog:
        dialog = self.open_dialog()
        dialog.back_up_now()
        return dialog

    def restore(self) -> BackupsDialog:
        return self.open_dialog()

    def _backed_up(self, _record: Any) -> None:
        self._mark = auto.commit_mark()

    # --- automatic backups ------------------------------------------------------------

    def daily_backup(self) -> Job | None:
        """The first start after 24 hours without a good backup: make one, quietly."""
        if self.daily_job is not None:
            return None
        if isinstance(self.window, QWidget) and not self.window.isVisible():
            return None  # the window was closed before the timer fired
        db_path = self.window.db_path

        reason = self.tr("at the first start of the day")

        def work(_context: JobContext) -> Any:
            if not auto.is_due(db_path):
                return None
            return auto.make_automatic_backup(db_path, "daily", reason)

        def done(record: Any) -> None:
            self.daily_job = None
            if record is not None:  # quietly: only a problem is worth the status bar
                self._mark = auto.commit_mark()
                log.info("daily backup %s", record.path)
                if record.note:
                    self.window.show_status(record.note)

        def failed(exc: BaseException) -> None:
            self.daily_job = None
            log.warning("daily backup failed: %s", exc)
            reason = (
                str(exc)
                if isinstance(exc, CrmError)
                else QCoreApplication.translate("BackupFeature", "an internal error (see the log)")
            )
            self.window.show_status(
                QCoreApplication.translate(
                    "BackupFeature",
                    "The daily backup could not be made: {reason} See "
                    "File › Restore from backup… for the backup folder.",
                ).format(reason=reason)
            )

        self.daily_job = run_job(
            self._parent(), self.tr("Daily backup"), work, on_success=done, on_error=failed,
            show_progress=False,
        )  # fmt: skip
        return self.daily_job

    def exit_backup(self) -> None:
        """On exit (the window is closed by now): back up if anything was committed."""
        if not auto.changed_since(self._mark):
            return
        try:
            auto.make_automatic_backup(self.window.db_path, "exit", "on closing CRM Desktop")
        except Exception:
            log.exception("the backup on exit failed")


def install(window: Any) -> BackupFeature:
    """Add the backup actions to the window and start the automatic backups."""
    feature = BackupFeature(window)
    back_up = QAction(QCoreApplication.translate("backup", "&Back up now…"), window)
    back_up.setToolTip(
        QCoreApplication.translate("backup", "Make a verified backup of the database now")
    )
    back_up.triggered.connect(feature.back_up_now)
    restore = QAction(QCoreApplication.translate("backup", "&Restore from backup…"), window)
    restore.setToolTip(
        QCoreApplication.translate("backup", "See every backup, verify one, restore one")
    )
    restore.triggered.connect(feature.restore)
    window.add_action("File", back_up)
    window.add_action("File", restore)
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(feature.exit_backup)
    feature.daily_timer.start(DAILY_CHECK_DELAY_MS)
    return feature
