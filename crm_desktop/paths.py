"""Where CRM Desktop keeps its files: the one module that knows.

Everything lives in the platformdirs folders of the current user. Two
environment variables override them, for the user and for the tests:

``CRM_DESKTOP_DB``    the database file to open when ``--db`` is not given;
``CRM_DESKTOP_HOME``  one folder that holds data, backups, logs and
                      configuration instead of the platform folders.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

import platformdirs

from crm_desktop import APP_ID

DB_FILE_NAME = "crm.sqlite3"


def _home_override() -> Path | None:
    home = os.environ.get("CRM_DESKTOP_HOME")
    return Path(home).expanduser() if home else None


def data_dir() -> Path:
    """The folder of the user's database (and, by default, its backups)."""
    home = _home_override()
    if home is not None:
        return home / "data"
    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False))


def config_dir() -> Path:
    """The folder of window state and preferences that do not travel with the data."""
    home = _home_override()
    if home is not None:
        return home / "config"
    return Path(platformdirs.user_config_dir(APP_ID, appauthor=False))


def log_dir() -> Path:
    """The folder of the log file that keeps tracebacks away from the user."""
    home = _home_override()
    if home is not None:
        return home / "logs"
    return Path(platformdirs.user_log_dir(APP_ID, appauthor=False))


def default_backup_dir() -> Path:
    """Where automatic backups go unless the user picked another folder."""
    return data_dir() / "backups"


def default_db_path() -> Path:
    """The database used when no ``--db`` is given: ``CRM_DESKTOP_DB`` or the data folder."""
    env = os.environ.get("CRM_DESKTOP_DB")
    if env:
        return Path(env).expanduser()
    return data_dir() / DB_FILE_NAME


def resolve_db_path(path: str | os.PathLike[str] | None) -> Path:
    """The database the user means: ``--db``, else ``CRM_DESKTOP_DB``, else the default."""
    if path:
        return Path(path).expanduser()
    return default_db_path()


@functools.cache
def resources_dir() -> Path:
    """The shipped resources (fonts, icons), in a checkout, an install or a PyInstaller build."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "crm_desktop" / "resources"
    from importlib.util import find_spec

    try:
        # The package's folder, as importlib.resources.files() gives it for a folder on
        # disk (an install, an editable install): without importing importlib.resources
        # (zipfile, tempfile…: ~15 ms of the start, for the fonts).
        spec = find_spec("crm_desktop.resources")
        folders = list(spec.submodule_search_locations or ()) if spec is not None else []
        if folders and Path(folders[0]).is_dir():
            return Path(folders[0])
        from importlib import resources as importlib_resources

        return Path(str(importlib_resources.files("crm_desktop.resources")))
    except ModuleNotFoundError:
        # Running from a checkout without installing: resources/ beside the package.
        return Path(__file__).resolve().parent.parent / "resources"
