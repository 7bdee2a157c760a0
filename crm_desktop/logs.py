"""The log file: where tracebacks go instead of the user's screen, with ids and no personal data.

One rotating file in the platformdirs log folder, private to the user (the
file 0600, its folder 0700). The command line and the window both call
:func:`setup_logging` once; a failure to create the folder (read-only home,
full disk) never stops the app, it only loses the log.

The log keeps record ids, never what a record says: a traceback's frames are
kept, but the message of each exception in it is stripped of what it quotes
(SQLite and Python quote the values they choke on: "Could not decode …
with text 'Anna…'", "invalid literal for int(): 'Иванов'"), see
:func:`redact`. Our own log calls name records by id.
"""

from __future__ import annotations

import logging
import os
import re
import traceback
from pathlib import Path
from types import TracebackType

from crm_desktop import paths

LOG_FILE_NAME = "crm-desktop.log"
MAX_BYTES = 2_000_000
KEEP = 3
_configured: Path | None = None
_handler: logging.Handler | None = None

# What an exception's message quotes: '…' or "…" (values), and SQLite's "with text …".
_QUOTED = re.compile(r"""(?s)'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*\"""")
_WITH_TEXT = re.compile(r"(?s)\bwith text\b.*")


def redact(message: str) -> str:
    """An exception message without the values it quotes: ``'…'`` in their place."""
    return _QUOTED.sub("'…'", _WITH_TEXT.sub("with text '…'", message))


def _chain(exc: BaseException) -> list[BaseException]:
    """``exc`` and the exceptions it was raised from or during, oldest first."""
    found: list[BaseException] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        found.append(current)
        if current.__cause__ is not None:
            current = current.__cause__
        elif current.__suppress_context__:
            current = None
        else:
            current = current.__context__
    return list(reversed(found))


def format_redacted(exc: BaseException) -> str:
    """A traceback as Python prints it, with every exception's message redacted."""
    parts: list[str] = []
    chain = _chain(exc)
    for position, current in enumerate(chain):
        if position:
            caused = chain[position].__cause__ is chain[position - 1]
            parts.append(
                "\nThe above exception was the direct cause of the following exception:\n\n"
                if caused
                else "\nDuring handling of the above exception, another exception occurred:\n\n"
            )
        if current.__traceback__ is not None:
            parts.append("Traceback (most recent call last):\n")
            parts.extend(traceback.format_tb(current.__traceback__))
        kind = type(current)
        name = kind.__qualname__
        if kind.__module__ not in ("builtins", "__main__"):
            name = f"{kind.__module__}.{name}"
        text = redact(str(current))
        parts.append(f"{name}: {text}\n" if text else f"{name}\n")
    return "".join(parts).rstrip("\n")


class RedactingFormatter(logging.Formatter):
    """Formats records as usual; tracebacks keep their frames, not the values in messages."""

    def format(self, record: logging.LogRecord) -> str:
        # Another handler may have cached the plain traceback on the record: not ours to use.
        cached, record.exc_text = record.exc_text, None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(
        self,
        ei: tuple[type[BaseException], BaseException, TracebackType | None]
        | tuple[None, None, None],
    ) -> str:
        exc = ei[1]
        if exc is None:
            return ""
        if exc.__traceback__ is None and ei[2] is not None:
            exc = exc.with_traceback(ei[2])
        return format_redacted(exc)


class _QuietFileHandler(logging.FileHandler):
    """A log file that, when it cannot be written (a full disk), loses the record quietly
    instead of printing "--- Logging error ---" on the user's terminal for every line."""

    def handleError(self, record: logging.LogRecord) -> None:
        pass


def log_file() -> Path:
    return paths.log_dir() / LOG_FILE_NAME


def _rotate(target: Path) -> None:
    """Keep the log small: past MAX_BYTES it becomes .1 (and .1 becomes .2, …)."""
    try:
        if target.stat().st_size < MAX_BYTES:
            return
    except FileNotFoundError:
        return
    for number in range(KEEP - 1, 0, -1):
        older = target.with_name(f"{target.name}.{number}")
        if older.exists():
            os.replace(older, target.with_name(f"{target.name}.{number + 1}"))
    os.replace(target, target.with_name(f"{target.name}.1"))


def _private_log(target: Path) -> None:
    """The folder 0700 and the file 0600 (created so, or made so if an older version made them)."""
    from crm_desktop.safe_files import create_private_file, make_private, private_folder

    private_folder(target.parent)
    if not create_private_file(target):
        make_private(target)
    for number in range(1, KEEP + 1):
        make_private(target.with_name(f"{target.name}.{number}"))


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send log records to the log file; returns its path, or None when it cannot be written."""
    global _configured, _handler
    target = log_file()
    if _configured == target:
        return _configured
    root = logging.getLogger()
    if _handler is not None:  # the log folder moved (another CRM_DESKTOP_HOME)
        root.removeHandler(_handler)
        _handler.close()
        _handler, _configured = None, None
    try:
        _rotate(target)
        _private_log(target)
        # A plain FileHandler, rotated at start: logging.handlers costs the window ~20 ms.
        handler = _QuietFileHandler(target, encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    logging.getLogger("peewee").setLevel(logging.WARNING)
    _configured, _handler = target, handler
    return target
