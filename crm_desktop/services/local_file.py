"""Reading this machine's preference file (``local.json``), and nothing else.

:mod:`crm_desktop.services.local_config` writes it and says what its keys
mean. The reading lives apart because :mod:`crm_desktop.i18n` reads the
chosen language from it, and the writer's messages are translated by
:mod:`crm_desktop.i18n`: one module doing both would be an import circle.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from crm_desktop import paths

CONFIG_FILE_NAME = "local.json"

log = logging.getLogger("crm_desktop.services.local_config")  # one name for the file's records


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
