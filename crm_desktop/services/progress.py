"""Progress and cancel as every long job takes them: ``progress(done, total)``, ``cancelled()``.

The window's job runner (:mod:`crm_desktop.ui.jobs`) and the CLI pass these two
callables to services and reports; between steps the work calls
:func:`stop_if_cancelled` (or :func:`check_in`, which also reports how far it
is). Raising :class:`~crm_desktop.errors.CancelledError` inside the
transaction is what leaves the database as it was.
"""

from __future__ import annotations

from collections.abc import Callable

from crm_desktop.errors import CancelledError

Progress = Callable[[int, int], None]  # (steps done, steps in all)
Cancelled = Callable[[], bool]  # True: the user asked to stop


def stop_if_cancelled(cancelled: Cancelled | None, message: str | None = None) -> None:
    """Raise :class:`CancelledError` (with ``message``, if given) when the user cancelled."""
    if cancelled is not None and cancelled():
        raise CancelledError() if message is None else CancelledError(message)


def check_in(
    count: int, total: int | None, progress: Progress | None, cancelled: Cancelled | None
) -> None:
    """Between rows: stop when the user cancelled, else say how far the work is."""
    stop_if_cancelled(cancelled)
    if progress is not None and total:
        progress(count, total)
