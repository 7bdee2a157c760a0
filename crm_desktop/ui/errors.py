"""Telling the user what went wrong: one helper for their errors, one hook for our bugs.

A :class:`~crm_desktop.errors.CrmError` (an invalid value, a locked or full
disk, a bad file) is shown as it is, in plain words; an SQLite or OS error
that the environment caused (a full disk, a file another program holds
locked, read-only media, a failing drive) is first turned into one
(:func:`crm_desktop.errors.environment_error`), so it never looks like our
bug, and a caller that can try again gets a Retry button. Anything else is
our bug: a dialog says what failed with the details folded away, the
traceback goes to the log file, and the app keeps running.

:func:`install_excepthook` routes every uncaught exception there — in Qt
slots and event handlers (PySide6 hands those to ``sys.excepthook``) and in
Python threads (passed to the GUI thread). While one crash dialog is open,
further errors (a paint handler failing on every repaint) are logged only,
so the user is never buried under dialogs.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

from crm_desktop.errors import CancelledError, CrmError, EnvironmentFault, environment_error
from crm_desktop.logs import log_file

log = logging.getLogger(__name__)

_showing = False


def _database_file() -> str | None:
    if "crm_desktop.services.session" not in sys.modules:
        return None  # no database was opened yet
    from crm_desktop.services.session import current_db_path

    path = current_db_path()
    return str(path) if path else None


def explain(exc: BaseException) -> BaseException:
    """``exc``, or the :class:`CrmError` that says what the environment did."""
    if isinstance(exc, CrmError):
        return exc
    return environment_error(exc, where=_database_file()) or exc


def show_error(
    parent: QWidget | None,
    what: str,
    exc: BaseException,
    *,
    retry: Callable[[], object] | None = None,
) -> None:
    """Explain a failure: ``what`` says what the user was doing ("Saving the customer").

    ``retry``: what to run again when the user presses Retry, offered for
    the environment's failures that trying again can cure (a locked file, a
    full disk once space was freed).
    """
    global _showing
    if isinstance(exc, CancelledError):
        return
    explained = explain(exc)
    if explained is not exc:
        log.warning("%s failed: %s", what, explained, exc_info=(type(exc), exc, exc.__traceback__))
        exc = explained
    if isinstance(exc, CrmError):
        text = QCoreApplication.translate("errors", "{what} did not work.\n\n{problem}").format(
            what=what, problem=exc
        )
        if retry is not None and isinstance(exc, EnvironmentFault) and exc.retry:
            if _ask_retry(parent, what, text):
                retry()
            return
        from PySide6.QtWidgets import QMessageBox  # here: _ask_retry says why

        QMessageBox.warning(parent, what, text)
        return
    log.error("%s failed", what, exc_info=(type(exc), exc, exc.__traceback__))
    if QApplication.instance() is None or _showing:
        return  # logged; one crash dialog at a time
    from PySide6.QtWidgets import QMessageBox  # here: _ask_retry says why

    box = QMessageBox(parent)
    box.setObjectName("crashDialog")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(what)
    box.setText(
        QCoreApplication.translate(
            "errors", "{what} failed because of an error in CRM Desktop."
        ).format(what=what)
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "errors",
            "Nothing was half-saved: the change was undone. You can go "
            "on working.\nThe details were written to {log_file}.",
        ).format(log_file=log_file())
    )
    box.setDetailedText("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    _showing = True
    try:
        box.exec()
    finally:
        _showing = False


def _ask_retry(parent: QWidget | None, what: str, text: str) -> bool:
    """The message with Retry (the default) and Cancel; True when the user chose Retry."""
    # Imported where a box is shown: importing the class makes its five Python enums
    # (~1-2 ms), which the window's start would pay before its first frame for nothing.
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setObjectName("environmentErrorDialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(what)
    box.setText(text)
    retry_button = box.addButton(
        QCoreApplication.translate("errors", "Retry"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(retry_button)
    box.exec()
    return box.clickedButton() is retry_button


def _hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    if exc.__traceback__ is None and tb is not None:
        exc = exc.with_traceback(tb)
    try:
        parent = QApplication.activeWindow() if QApplication.instance() else None
        show_error(parent, QCoreApplication.translate("errors", "An action"), exc)
    except Exception:  # the error dialog itself failed: the log still has both
        log.exception("could not show an error")
        sys.__excepthook__(kind, exc, tb)


class _ThreadReporter(QObject):
    """Carries an exception from a Python thread to the GUI thread."""

    reported = Signal(object)


_reporter: _ThreadReporter | None = None


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is None or issubclass(args.exc_type, SystemExit):
        return
    log.error(
        "error in thread %s",
        args.thread.name if args.thread else "?",
        exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
    )
    if _reporter is not None:
        _reporter.reported.emit(args.exc_value)


def install_excepthook() -> None:
    """Route uncaught exceptions in slots, event handlers and threads to :func:`show_error`."""
    global _reporter
    sys.excepthook = _hook
    if QApplication.instance() is not None and _reporter is None:
        _reporter = _ThreadReporter()
        _reporter.reported.connect(
            lambda exc: show_error(
                QApplication.activeWindow(),
                QCoreApplication.translate("errors", "A background task"),
                exc,
            )
        )
    threading.excepthook = _thread_hook
