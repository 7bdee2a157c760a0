"""Long work off the GUI thread, with progress and cancel.

:func:`run_job` runs ``work(context)`` in a worker thread and shows a
progress dialog that appears after a short delay and can be cancelled.
Services take ``progress(done, total)`` and ``cancelled()`` callables: pass
``context.progress`` and ``context.cancelled``. A cancelled service raises
:class:`~crm_desktop.errors.CancelledError` from inside its transaction, so
nothing it did is kept. The worker closes its own database connection when
it ends (each thread has its own).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from crm_desktop.errors import CancelledError


class JobContext:
    """What a job's work function gets: progress reporting and the cancel flag."""

    def __init__(self, job: Job):
        self._job = job
        self._cancel = threading.Event()

    def progress(self, done: int, total: int) -> None:
        self._job.progressed.emit(int(done), int(total))

    def message(self, text: str) -> None:
        self._job.messaged.emit(text)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class Job(QObject):
    """One piece of work running in its own QThread."""

    progressed = Signal(int, int)
    messaged = Signal(str)
    succeeded = Signal(object)
    failed = Signal(object)
    was_cancelled = Signal()
    done = Signal()  # after any of the three above

    def __init__(self, work: Callable[[JobContext], Any], parent: QObject | None = None):
        super().__init__(parent)
        self.context = JobContext(self)
        self._work = work
        self._thread = _WorkThread(_Runner(self).run)

    def start(self) -> None:
        # Any pending update of this object's meta-object happens here, on the GUI thread:
        # PySide6's meta-object building is not thread-safe, and the worker emits signals.
        self.metaObject()
        self._thread.start()

    def cancel(self) -> None:
        self.context.cancel()

    def wait(self, msecs: int = 60_000) -> bool:
        return self._thread.wait(msecs)

    def is_running(self) -> bool:
        return self._thread.isRunning()


class _WorkThread(QThread):
    """A thread whose body is ``run``: entered by Qt's virtual call, no signal on the way.

    The usual ``started.connect(worker.run)`` makes PySide6 dispatch a dynamic slot in the new
    thread while the GUI thread may be building a window's Python types (the opening job
    runs while the main window is made): that raced inside PySide6's meta-object builder and
    crashed a start in about 150 (a segfault in ``MetaObjectBuilder::update``).
    """

    def __init__(self, body: Callable[[], None]):
        super().__init__()
        self._body = body

    def run(self) -> None:
        self._body()


class _Runner:
    def __init__(self, job: Job):
        self._job = job

    def run(self) -> None:
        job = self._job
        try:
            result = job._work(job.context)
        except CancelledError:
            job.was_cancelled.emit()
        except BaseException as exc:  # reported on the GUI thread by the caller
            job.failed.emit(exc)
        else:
            if job.context.cancelled():
                job.was_cancelled.emit()
            else:
                job.succeeded.emit(result)
        finally:
            _close_thread_connection()
            job.done.emit()


def _close_thread_connection() -> None:
    """Close this thread's database connection, if the job opened one.

    Every connection is the models' (``models/connection.py``): while that module is not
    imported, no thread has one. The start's first job reads Today with a plain ``sqlite3``
    connection; importing the session here would import peewee and every model on this
    thread (~70 ms of Python) while the GUI thread paints Today, taking turns with it for
    the interpreter.
    """
    connection = sys.modules.get("crm_desktop.models.connection")
    close_database = getattr(connection, "close_database", None)  # None: not (yet) imported
    if close_database is not None:
        close_database()  # this thread's connection only


_running: set[Job] = set()

# How long the window's own writes wait for a lock. While one of our jobs runs (an import
# commits chunk by chunk) a lock is most likely its own: wait for the chunk. Otherwise a
# lock is another program's (a DB browser mid-edit): say so soon, with Retry, instead of
# freezing the window for SQLite's 10 seconds.
OWN_JOB_LOCK_WAIT_SECONDS = 30.0
OTHERS_LOCK_WAIT_SECONDS = 2.0


def adjust_lock_wait() -> None:
    """Set the GUI thread's lock wait for the jobs running now (called on the GUI thread)."""
    session = sys.modules.get("crm_desktop.services.session")
    # No database yet, or its module still being imported by the opening job's thread (at
    # start the file is opened while the GUI thread runs on): the window sets it once open.
    set_lock_wait = getattr(session, "set_lock_wait", None)
    if set_lock_wait is None:
        return
    set_lock_wait(OWN_JOB_LOCK_WAIT_SECONDS if _running else OTHERS_LOCK_WAIT_SECONDS)


def run_job(
    parent: QWidget | None,
    title: str,
    work: Callable[[JobContext], Any],
    *,
    on_success: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_cancel: Callable[[], None] | None = None,
    cancellable: bool = True,
    show_progress: bool = True,
) -> Job:
    """Run ``work`` off the GUI thread with a progress dialog; callbacks run on the GUI thread.

    Without ``on_error`` a failure is shown with :func:`crm_desktop.ui.errors.show_error`.
    """
    job = Job(work)
    _running.add(job)
    adjust_lock_wait()
    dialog: QProgressDialog | None = None
    if show_progress:
        cancel = QCoreApplication.translate("QProgressDialog", "Cancel") if cancellable else ""
        dialog = QProgressDialog(title, cancel, 0, 0, parent)
        dialog.setWindowTitle(title)
        from PySide6.QtCore import Qt

        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(job.cancel)

        def show_progress_value(done: int, total: int) -> None:
            dialog.setMaximum(max(total, 0))
            dialog.setValue(min(done, total) if total else 0)

        job.progressed.connect(show_progress_value)
        job.messaged.connect(dialog.setLabelText)

    def finish() -> None:
        if dialog is not None:
            try:
                dialog.canceled.disconnect(job.cancel)
                dialog.close()
                dialog.deleteLater()
            except RuntimeError:  # its window was closed and deleted while the job ran
                pass
        job.wait(10_000)  # its thread is past its last signal: let it end before it can go
        _running.discard(job)
        adjust_lock_wait()

    def failed(exc: BaseException) -> None:
        if on_error is not None:
            on_error(exc)
        else:
            from crm_desktop.ui.errors import show_error

            show_error(parent, title, exc)

    if on_success is not None:
        job.succeeded.connect(on_success)
    job.failed.connect(failed)
    if on_cancel is not None:
        job.was_cancelled.connect(on_cancel)
    job.done.connect(finish)
    job.start()
    return job


def running_jobs() -> list[Job]:
    """The jobs still running (tests and the app's exit wait for them)."""
    return [job for job in _running if job.is_running()]


def wait_for_jobs(msecs: int = 30_000) -> bool:
    """Cancel what can be cancelled and wait for every job's thread to end (at exit)."""
    finished = True
    for job in list(_running):
        job.cancel()
        finished = job.wait(msecs) and finished
    return finished
