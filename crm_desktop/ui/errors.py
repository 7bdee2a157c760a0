"""Telling the user what went wrong: one helper for their errors, one hook for our bugs.

A :class:`~crm_desktop.errors.CrmError` (an invalid value, a locked or full
disk, a bad file) is shown as it is, in plain words. Anything else is our
bug: a dialog says what failed with the details folded away, the traceback
goes to the log file, and the app keeps running.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QMessageBox, QWidget

from crm_desktop.errors import CancelledError, CrmError
from crm_desktop.logs import log_file

log = logging.getLogger(__name__)


def show_error(parent: QWidget | None, what: str, exc: BaseException) -> None:
    """Explain a failure: ``what`` says what the user was doing ("Saving the customer")."""
    if isinstance(exc, CancelledError):
        return
    if isinstance(exc, CrmError):
        QMessageBox.warning(parent, what, f"{what} did not work.\n\n{exc}")
        return
    log.error("%s failed", what, exc_info=(type(exc), exc, exc.__traceback__))
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(what)
    box.setText(f"{what} failed because of an error in CRM Desktop.")
    box.setInformativeText(
        "Nothing was half-saved: the change was undone. You can go on working.\n"
        f"The details were written to {log_file()}."
    )
    box.setDetailedText("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    box.exec()


def _hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    show_error(None, "An action", exc)


def install_excepthook() -> None:
    """Route uncaught exceptions in slots and event handlers to :func:`show_error`."""
    sys.excepthook = _hook
