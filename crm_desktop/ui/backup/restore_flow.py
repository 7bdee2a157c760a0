"""Restoring from the window: check, ask, let go of the file, replace it, reload every view.

Each step that touches files runs off the GUI thread (:func:`run_job`):

1. the chosen file is checked on a copy (``prepare_restore``) — nothing changes;
2. :class:`ConfirmRestoreDialog` shows its counts against the current ones;
3. no other job may be running (it would hold the file open); the GUI
   thread and the background query thread close their connections;
4. ``apply`` keeps a safety copy and swaps the file — it refuses, with
   nothing changed, if anything still holds the database open;
5. ``reload`` (the window's ``reload_database``) reopens it and refreshes
   every view — after a failure too: the views let go of the file, and
   reopening it puts it back in WAL mode.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from crm_desktop.errors import CrmError
from crm_desktop.services.backups import (
    PreparedRestore,
    RestoreResult,
    prepare_restore,
    release_connection,
)
from crm_desktop.ui.backup.confirm import ConfirmRestoreDialog
from crm_desktop.ui.errors import show_error
from crm_desktop.ui.jobs import Job, JobContext, run_job, running_jobs
from crm_desktop.ui.noop import QT_TR_NOOP
from crm_desktop.ui.translation import declared

TITLE = QT_TR_NOOP("Restoring a backup")


def release_connections(then: Callable[[], None]) -> None:
    """Close this (GUI) thread's connection and the query runner's, then call ``then``."""
    from crm_desktop.ui.tables.runner import runner

    release_connection()
    queries = runner()
    queries.submit(queries.channel(), release_connection, lambda _: then(), lambda _: then())


class RestoreFlow(QObject):
    """One restore from the window; ``finished`` carries the result (None: it did not happen)."""

    finished = Signal(object)
    title = TITLE  # of the swap's progress dialog and its failure message

    def __init__(
        self,
        parent: QWidget | None,
        db_path: Path,
        file: Path,
        *,
        reload: Callable[[], None] | None = None,
        ask: Callable[[PreparedRestore], bool] | None = None,
    ):
        super().__init__(parent)
        self._parent = parent
        self.db_path = Path(db_path)
        self.file = Path(file)
        self._reload = reload
        self._ask = ask or self._ask_user
        self.prepared: PreparedRestore | None = None
        self.dialog: ConfirmRestoreDialog | None = None
        self._check_job: Job | None = None

    def start(self) -> None:
        def work(context: JobContext) -> PreparedRestore:
            context.message(QCoreApplication.translate("RestoreFlow", "Checking the backup…"))
            return prepare_restore(
                self.file, self.db_path, progress=context.progress, cancelled=context.cancelled
            )

        self._check_job = run_job(
            self._parent,
            self.tr("Checking the backup"),
            work,
            on_success=self._checked,
            on_error=lambda exc: self._fail(self.tr("Checking the backup"), exc),
            on_cancel=lambda: self.finished.emit(None),
        )

    def _ask_user(self, prepared: PreparedRestore) -> bool:
        self.dialog = ConfirmRestoreDialog(prepared, self._parent)
        try:
            return self.dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            self.dialog.deleteLater()
            self.dialog = None

    def _checked(self, prepared: Any) -> None:
        self.prepared = prepared
        if not self._ask(prepared):
            prepared.discard()
            self.finished.emit(None)
            return
        if self._check_job is not None:
            self._check_job.wait(10_000)  # its thread ends right after handing over the result
        busy = [job for job in running_jobs() if job is not self._check_job]
        if busy:
            prepared.discard()
            self._fail(
                declared(self.title),
                CrmError(
                    self.tr(
                        "Another task is still running (an import, a "
                        "report…). Wait for it to finish, then restore "
                        "again. Nothing was changed."
                    )
                ),
            )
            return
        release_connections(self._apply)

    def _apply(self) -> None:
        prepared = self.prepared
        assert prepared is not None

        def work(context: JobContext) -> RestoreResult:
            context.message(
                QCoreApplication.translate(
                    "RestoreFlow", "Keeping a safety copy of the current data and restoring…"
                )
            )
            return prepared.apply(progress=context.progress)

        def reload() -> bool:
            if self._reload is None:
                return True
            try:
                self._reload()
            except Exception as exc:
                self._fail(QCoreApplication.translate("RestoreFlow", "Reopening the database"), exc)
                return False
            return True

        def done(result: Any) -> None:
            prepared.discard()
            if reload():
                self.finished.emit(result)

        def failed(exc: BaseException) -> None:
            prepared.discard()
            if reload():
                self._fail(declared(self.title), exc)

        run_job(
            self._parent,
            declared(self.title),
            work,
            on_success=done,
            on_error=failed,
            cancellable=False,
        )

    def _fail(self, what: str, exc: BaseException) -> None:
        show_error(self._parent, what, exc)
        self.finished.emit(None)


def tell_restored(parent: QWidget | None, result: RestoreResult) -> None:
    """Say what the restore did, and where the previous data went."""
    lines = [
        QCoreApplication.translate("backup.restore_flow", "The data of {name} is back.").format(
            name=result.chosen.name
        )
    ]
    if result.safety is not None:
        lines.append(
            QCoreApplication.translate(
                "backup.restore_flow",
                "The data you had before was kept as a safety "
                "copy:\n{path}\nRestore that copy to undo this restore.",
            ).format(path=result.safety.path)
        )
        if result.safety.note:
            lines.append(result.safety.note)
    QMessageBox.information(
        parent,
        QCoreApplication.translate("backup.restore_flow", "Backup restored"),
        "\n\n".join(lines),
    )
