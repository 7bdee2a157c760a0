"""Preferences of this machine that must not travel with the data, readable without Qt.

The ``setting`` table holds what belongs to the business (company name,
currency…) and goes into every backup. A few choices belong to the laptop
instead: the folder the backups go to (a USB stick, a synced folder) must
not come back with a restored database that was made on another machine.
They live in one small JSON file in :func:`crm_desktop.paths.config_dir`.

The file is written atomically and privately (:mod:`crm_desktop.safe_files`),
so a crash never leaves half of it; a damaged or unreadable file counts as empty and is
logged, because losing a preference must never stop the app.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from crm_desktop import paths
from crm_desktop.errors import CrmError
from crm_desktop.i18n import _
from crm_desktop.safe_files import private_folder, write_bytes

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
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
    try:
        private_folder(target.parent)
        write_bytes(target, text.encode("utf-8"), private=True, explain=False)
    except OSError as exc:
        raise CrmError(
            _("Cannot save the preference in {target}: {value}.").format(
                target=target, value=exc.strerror or exc
            )
        ) from exc
