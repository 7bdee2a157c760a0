"""The log file: where tracebacks go instead of the user's screen.

One rotating file in the platformdirs log folder. The command line and the
window both call :func:`setup_logging` once; a failure to create the folder
(read-only home, full disk) never stops the app, it only loses the log.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from crm_desktop import paths

LOG_FILE_NAME = "crm-desktop.log"
_configured: Path | None = None
_handler: logging.Handler | None = None


def log_file() -> Path:
    return paths.log_dir() / LOG_FILE_NAME


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
        handler = logging.handlers.RotatingFileHandler(
            target, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    logging.getLogger("peewee").setLevel(logging.WARNING)
    _configured, _handler = target, handler
    return target
