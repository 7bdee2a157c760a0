"""The Backups dialog: every backup with its date, size, counts and state, and what to do with them.

A standalone dialog over a database path: Back up now, Verify (the full
check, again), Restore…, Restore another file…, the backup folder (show,
change, back to the default), and Check database — the same check as
``crm-desktop check``. Everything that reads or writes files runs off the
GUI thread; the buttons wait while a job runs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import CrmError
from crm_desktop.i18n import gettext
from crm_desktop.services.backups import (
    THOROUGH,
    BackupRecord,
    backup_folder,
    choose_backup_folder,
    create_backup,
    list_backups,
    verify_backup,
)
from crm_desktop.services.backups.catalog import is_default_folder
from crm_desktop.services.backups.summary import human_size, local_time
from crm_desktop.ui.backup.model import BackupTableModel
from crm_desktop.ui.backup.restore_flow import RestoreFlow, tell_restored
from crm_desktop.ui.errors import show_error
from crm_desktop.ui.jobs import Job, JobContext, run_job
from crm_desktop.ui.noop import QT_TR_NOOP
from crm_desktop.ui.translation import declared
from crm_desktop.ui.words import count_text

POLICY = QT_TR_NOOP(
    "Automatic backups: at the first start after 24 hours, on exit after changes, and before "
    "anything that changes many records (import, emptying the trash, restore, upgrade). "
    "Kept: everything from the last 2 days, then the last 7 daily, 4 weekly and 12 monthly; "
    "safety copies for at least 30 days."
)
BACKUP_FILTER = QT_TR_NOOP("CRM Desktop backups (*.sqlite3 *.sqlite *.db);;All files (*)")


class BackupsDialog(QDialog):
    """The list of backups of one database's backup folder, with every backup action."""

    restored = Signal(object)  # RestoreResult
    backed_up = Signal(object)  # BackupRecord

    def __init__(
        self,
        db_path: Path,
        parent: QWidget | None = None,
        *,
        reload: Callable[[], None] | None = None,
        status: Callable[[str], None] | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Backups"))
        self.db_path = Path(db_path)
        self._reload = reload
        self._status = status
        self._job: Job | None = None
        self.flow: RestoreFlow | None = None

        layout = QVBoxLayout(self)
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(self.tr("Backup folder:")))
        self.folder_label = QLabel()
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        folder_row.addWidget(self.folder_label, 1)
        self.open_folder_button = QPushButton(self.tr("Show in folder"))
        self.open_folder_button.setToolTip(self.tr("Open the backup folder in the file manager"))
        self.change_folder_button = QPushButton(self.tr("Change…"))
        self.change_folder_button.setToolTip(
            self.tr("Choose another folder for the backups: a USB stick, a synced folder…")
        )
        self.default_folder_button = QPushButton(self.tr("Use default"))
        self.default_folder_button.setToolTip(self.tr("Back up to the app's own folder again"))
        for button in (
            self.open_folder_button,
            self.change_folder_button,
            self.default_folder_button,
        ):
            folder_row.addWidget(button)
        layout.addLayout(folder_row)

        self.model = BackupTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)

        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        layout.addWidget(self.details)

        buttons = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.setToolTip(self.tr("Make a verified backup of the database now"))
        self.verify_button = QPushButton(self.tr("Verify"))
        self.verify_button.setToolTip(
            self.tr("Check the selected backup again, fully (integrity, references, counts)")
        )
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.setToolTip(
            self.tr("Replace the current data with the selected backup (you are asked first)")
        )
        self.restore_file_button = QPushButton(self.tr("Restore another file…"))
        self.restore_file_button.setToolTip(
            self.tr("Restore a backup from anywhere, e.g. a USB stick")
        )
        self.check_button = QPushButton(self.tr("Check database"))
        self.check_button.setToolTip(
            self.tr(
                "Run the integrity and foreign-key check on the database (as crm-desktop check)"
            )
        )
        self.close_button = QPushButton(self.tr("Close"))
        for button in (
            self.backup_button,
            self.verify_button,
            self.restore_button,
            self.restore_file_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

        self.policy = QLabel(declared(POLICY))
        self.policy.setWordWrap(True)
        self.policy.setStyleSheet("color: palette(mid);")
        layout.addWidget(self.policy)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        self.backup_button.clicked.connect(self.back_up_now)
        self.verify_button.clicked.connect(self.verify_selected)
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button.clicked.connect(self.restore_other_file)
        self.check_button.clicked.connect(self.check_database)
        self.close_button.clicked.connect(self.reject)
        self.open_folder_button.clicked.connect(self.show_folder)
        self.change_folder_button.clicked.connect(self.change_folder)
        self.default_folder_button.clicked.connect(self.use_default_folder)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        self.backup_button.setDefault(True)
        self.resize(820, 480)
        self.refresh()

    def reject(self) -> None:
        """Close, unless a backup or a restore is under way (it would lose its dialog)."""
        if self._job is not None or self.flow is not None:
            self._say(self.tr("Wait until the backup or restore under way has finished."))
            return
        super().reject()

    # --- showing ----------------------------------------------------------------------

    def refresh(self, select: Path | None = None) -> None:
        """Read the folder again; select ``select`` (else the newest good backup)."""
        folder = backup_folder()
        default = is_default_folder(folder)
        self.folder_label.setText(
            self.tr("{folder}  (default)").format(folder=folder) if default else str(folder)
        )
        self.default_folder_button.setVisible(not default)
        records = list_backups(folder)
        self.model.set_records(records)
        if not folder.exists() and not default:
            self.message.setText(
                self.tr(
                    "The folder {folder} is not there (is the drive "
                    "plugged in?). Automatic backups go to the default "
                    "folder until it is back."
                ).format(folder=folder)
            )
        elif not records:
            self.message.setText(self.tr("No backups yet: click Back up now."))
        else:
            self.message.setText("")
        row = self.model.row_of(select) if select is not None else -1
        if row < 0:
            row = next((i for i, r in enumerate(records) if r.good), 0 if records else -1)
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._selection_changed()

    def selected(self) -> BackupRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _selection_changed(self, *_: Any) -> None:
        record = self.selected()
        self._update_buttons()
        if record is None:
            self.details.setText("")
            return
        lines = [str(record.path)]
        kind = gettext(record.kind_label)
        what = f"{kind}, {local_time(record.created_at)}, {human_size(record.size)}"
        if record.reason:
            what = self.tr("{what} — made {reason}").format(
                what=what, reason=gettext(record.reason)
            )
        lines.append(what)
        if record.counts:
            lines.append(_headline(record.counts))
        if record.state == "damaged":
            lines.append(self.tr("Damaged: {problem}").format(problem=record.problem))
        elif record.state == "unverified":
            lines.append(self.tr("Not verified yet: click Verify before relying on it."))
        elif record.verified_at is not None:
            level = (
                self.tr("fully")
                if record.verify_level == THOROUGH
                else self.tr("after it was made")
            )
            lines.append(
                self.tr("Verified {level} on {local_time}.").format(
                    level=level, local_time=local_time(record.verified_at)
                )
            )
        self.details.setText("\n".join(lines))

    def _update_buttons(self) -> None:
        busy = self._job is not None or self.flow is not None
        record = self.selected()
        for button in (
            self.backup_button,
            self.restore_file_button,
            self.check_button,
            self.change_folder_button,
            self.default_folder_button,
        ):
            button.setEnabled(not busy)
        self.verify_button.setEnabled(not busy and record is not None)
        self.restore_button.setEnabled(
            not busy and record is not None and record.state != "damaged"
        )

    def _say(self, text: str) -> None:
        self.message.setText(text)
        if self._status is not None:
            self._status(text)

    # --- jobs -------------------------------------------------------------------------

    def _run(self, title: str, work: Callable[[JobContext], Any], done: Callable[[Any], None]):
        def finished(result: Any) -> None:
            self._job = None
            self._update_buttons()
            done(result)

        def failed(exc: BaseException) -> None:
            self._job = None
            self._update_buttons()
            show_error(self, title, exc)

        def cancelled() -> None:
            self._job = None
            self._update_buttons()

        self._job = run_job(
            self, title, work, on_success=finished, on_error=failed, on_cancel=cancelled
        )
        self._update_buttons()
        return self._job

    def back_up_now(self) -> Job | None:
        """Make a backup into the backup folder, then show it selected."""
        if self._job is not None:
            return None
        db_path = self.db_path

        def work(context: JobContext) -> BackupRecord:
            context.message(
                QCoreApplication.translate("BackupsDialog", "Backing up and verifying…")
            )
            return create_backup(db_path, progress=context.progress, cancelled=context.cancelled)

        def done(record: Any) -> None:
            self.refresh(select=record.path)
            self._say(
                QCoreApplication.translate(
                    "BackupsDialog", "Backed up to {name} ({headline}), verified."
                ).format(name=record.path.name, headline=_headline(record.counts))
            )
            self.backed_up.emit(record)

        return self._run(self.tr("Backing up"), work, done)

    def verify_selected(self) -> Job | None:
        record = self.selected()
        if record is None or self._job is not None:
            return None
        path = record.path

        def work(context: JobContext) -> BackupRecord:
            context.message(
                QCoreApplication.translate("BackupsDialog", "Checking {name}…").format(
                    name=path.name
                )
            )
            return verify_backup(path, level=THOROUGH)

        def done(result: Any) -> None:
            self.refresh(select=result.path)
            if result.good:
                self._say(
                    QCoreApplication.translate(
                        "BackupsDialog", "{name} passed the full check."
                    ).format(name=result.path.name)
                )
            else:
                self._say(
                    QCoreApplication.translate(
                        "BackupsDialog", "{name} is damaged: {problem}"
                    ).format(name=result.path.name, problem=result.problem)
                )

        return self._run(self.tr("Verifying the backup"), work, done)

    def restore_selected(self) -> RestoreFlow | None:
        record = self.selected()
        if record is None or record.state == "damaged":
            return None
        return self.restore_file(record.path)

    def restore_other_file(self) -> RestoreFlow | None:
        start = str(backup_folder()) if backup_folder().exists() else str(Path.home())
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Restore from a backup file"), start, declared(BACKUP_FILTER)
        )
        if not name:
            return None
        return self.restore_file(Path(name))

    def restore_file(
        self, path: Path, ask: Callable[[Any], bool] | None = None
    ) -> RestoreFlow | None:
        """Check ``path``, ask, and restore it over the database."""
        if self.flow is not None or self._job is not None:
            return None
        self.flow = RestoreFlow(self, self.db_path, path, reload=self._reload, ask=ask)
        self.flow.finished.connect(self._restore_finished)
        self._update_buttons()
        self.flow.start()
        return self.flow

    def _restore_finished(self, result: Any) -> None:
        self.flow = None
        self.refresh()
        if result is not None:
            self._say(
                self.tr("Restored {name}; the previous data is in a safety copy.").format(
                    name=result.chosen.name
                )
            )
            self.restored.emit(result)
            tell_restored(self, result)
        self._update_buttons()

    def check_database(self) -> Job | None:
        from crm_desktop.services.check import check_database

        def done(report: Any) -> None:
            lines = [
                self.tr("Integrity: {integrity}").format(integrity=report.integrity),
                self.tr("Foreign keys: {state}").format(
                    state=self.tr("ok")
                    if not report.foreign_key_problems
                    else report.foreign_key_problems[0]
                ),
                self.tr("Schema version: {version}").format(version=report.schema_version),
            ]
            if report.schema_problems:
                lines.append(
                    self.tr("Not the structure CRM Desktop makes: {problem}").format(
                        problem=report.schema_problems[0]
                    )
                )
            if report.invalid_text:
                shown = ", ".join(str(bad) for bad in report.invalid_text[:5])
                lines.append(
                    QCoreApplication.translate(
                        "BackupsDialog", "Text that is not valid UTF-8 in: {shown}"
                    ).format(shown=shown)
                )
            if report.counts:
                lines.append(_headline(report.counts))
            if report.problems and not all(p.startswith("schema") for p in report.problems):
                QMessageBox.warning(
                    self,
                    QCoreApplication.translate("BackupsDialog", "Database check"),
                    self.tr(
                        "The database has problems:\n\n{lines}\n\nRestore a verified backup, "
                        "or keep working and back up elsewhere first."
                    ).format(lines="\n".join(lines)),
                )
            else:
                QMessageBox.information(
                    self,
                    QCoreApplication.translate("BackupsDialog", "Database check"),
                    self.tr("The database is healthy.\n\n{lines}").format(lines="\n".join(lines)),
                )

        return self._run(self.tr("Checking the database"), lambda context: check_database(), done)

    # --- the folder -------------------------------------------------------------------

    def show_folder(self) -> None:
        folder = backup_folder()
        if not folder.exists():
            show_error(
                self,
                self.tr("Showing the backup folder"),
                CrmError(self.tr("{folder} does not exist.").format(folder=folder)),
            )
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def change_folder(self) -> None:
        current = backup_folder()
        start = str(current if current.exists() else Path.home())
        name = QFileDialog.getExistingDirectory(self, self.tr("Choose the backup folder"), start)
        if not name:
            return
        self.set_folder(Path(name))

    def set_folder(self, folder: Path | None) -> None:
        try:
            chosen = choose_backup_folder(folder)
        except CrmError as exc:
            show_error(self, self.tr("Changing the backup folder"), exc)
            return
        self.refresh()
        self._say(self.tr("Backups now go to {chosen}.").format(chosen=chosen))

    def use_default_folder(self) -> None:
        self.set_folder(None)


def _headline(counts: dict[str, int]) -> str:
    """``150 customers, 612 orders``: the two numbers a user recognises a backup by."""
    return ", ".join(
        count_text(entity, counts.get(entity, 0)) for entity in ("customer", "sales_order")
    )
