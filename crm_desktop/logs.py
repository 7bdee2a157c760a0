"""The log file: where tracebacks go instead of the user's screen.

One rotating file in the platformdirs log folder. The command line and the
window both call :func:`setup_logging` once; a failure to create the folder
(read-only home, full disk) never stops the app, it only loses the log.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from crm_desktop import paths

LOG_FILE_NAME = "crm-desktop.log"
MAX_BYTES = 2_000_000
KEEP = 3
_configured: Path | None = None
_handler: logging.Handler | None = None


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
        target.parent.mkdir(parents=True, exist_ok=True)
        _rotate(target)
        # A plain FileHandler, rotated at start: logging.handlers costs the window ~20 ms.
        handler = logging.FileHandler(target, encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    logging.getLogger("peewee").setLevel(logging.WARNING)
    _configured, _handler = target, handler
    return target
