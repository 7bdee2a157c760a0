"""Preferences of this machine that must not travel with the data, readable without Qt.

The ``setting`` table holds what belongs to the business (company name,
currency…) and goes into every backup. A few choices belong to the laptop
instead: the folder the backups go to (a USB stick, a synced folder) must
not come back with a restored database that was made on another machine.
They live in one small JSON file in :func:`crm_desktop.paths.config_dir`.

The file is written atomically (temporary file, fsync, rename), so a crash
never leaves half of it; a damaged or unreadable file counts as empty and is
logged, because losing a preference must never stop the app.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from crm_desktop import paths
from crm_desktop.errors import CrmError

CONFIG_FILE_NAME = "local.json"

# The keys this file knows, with what they hold.
BACKUP_DIR = "backup_dir"  # str: the folder chosen for backups (absent: the default)

log = logging.getLogger(__name__)


def config_file() -> Path:
    return paths.config_dir() / CONFIG_FILE_NAME


def load() -> dict[str, Any]:
    """Every local preference; an empty dict when there is no (readable) file."""
    target = config_file()
    try:
        text = target.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except OSError as exc:
        log.warning("cannot read %s: %s", target, exc)
        return {}
    try:
        data = json.loads(text)
    except ValueError:
        log.warning("%s is not valid JSON; using defaults", target)
        return {}
    return data if isinstance(data, dict) else {}


def get(key: str, default: Any = None) -> Any:
    return load().get(key, default)


def update(values: dict[str, Any]) -> None:
    """Set (or, with the value None, remove) preferences and write the file atomically."""
    data = load()
    for key, value in values.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    target = config_file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(prefix=".local-", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, ensure_ascii=False, indent=2, sort_keys=True)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp_name, target)
        except BaseException:
            Path(temp_name).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise CrmError(f"Cannot save the preference in {target}: {exc.strerror or exc}.") from exc
