"""Preferences of this machine that must not travel with the data, readable without Qt.

The ``setting`` table holds what belongs to the business (company name,
currency…) and goes into every backup. A few choices belong to the laptop
instead: the folder the backups go to (a USB stick, a synced folder) must
not come back with a restored database that was made on another machine.
They live in one small JSON file in :func:`crm_desktop.paths.config_dir`
(read by :mod:`crm_desktop.services.local_file`, written here).

The file is written atomically and privately (:mod:`crm_desktop.safe_files`),
so a crash never leaves half of it; a damaged or unreadable file counts as empty and is
logged, because losing a preference must never stop the app.
"""

from __future__ import annotations

import json
from typing import Any

from crm_desktop.errors import CrmError
from crm_desktop.i18n import _
from crm_desktop.safe_files import private_folder, write_bytes
from crm_desktop.services.local_file import CONFIG_FILE_NAME, config_file, get, load

__all__ = ["BACKUP_DIR", "CONFIG_FILE_NAME", "config_file", "get", "load", "update"]

# The keys this file knows, with what they hold.
BACKUP_DIR = "backup_dir"  # str: the folder chosen for backups (absent: the default)


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
