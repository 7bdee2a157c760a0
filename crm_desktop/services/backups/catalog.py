"""Where backups go, what they are called, and the record kept beside each one.

The record of a backup (when, why, from which database, size, schema
version, record counts, verification, the SHA-256 of its content) is a small
JSON file beside it —
``crm-2026-06-15_09-30-00.sqlite3.json`` — and never a table in the
database: a restore replaces the database, and the list of backups must
survive it. A backup file without its record (copied in by hand, or left
by a crash between the two renames) is still listed, as "not verified";
verifying it writes its record.

The folder is the one the user chose (a local preference, see
:mod:`crm_desktop.services.local_config`), else
:func:`crm_desktop.paths.default_backup_dir`.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from crm_desktop import __version__, paths
from crm_desktop.errors import CrmError
from crm_desktop.i18n import N_, _
from crm_desktop.safe_files import private_folder
from crm_desktop.services import local_config
from crm_desktop.services.backups.files import (
    check_writable_folder,
    explain_write_error,
    remove_quietly,
    write_atomically,
)

log = logging.getLogger(__name__)

RECORD_FORMAT = 1
RECORD_SUFFIX = ".json"
BACKUP_SUFFIXES = (".sqlite3", ".sqlite", ".db")
STAMP_FORMAT = "%Y-%m-%d_%H-%M-%S"  # local time in file names: what the user reads

# Why a backup was made; the keys are stored in records and appear in file names.
KINDS: dict[str, str] = {
    "manual": N_("By hand"),
    "daily": N_("Daily"),
    "exit": N_("On exit"),
    "before-change": N_("Before a bulk change"),
    "before-migration": N_("Before an upgrade"),
    "safety": N_("Safety copy before a restore"),
    "other": N_("Found in the folder"),
}
AUTOMATIC_KINDS = frozenset({"daily", "exit", "before-change", "before-migration"})


def _utc_text(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse_utc(text: Any) -> datetime | None:
    if not isinstance(text, str):
        return None
    try:
        return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        return None


@dataclass
class BackupRecord:
    """One backup file and what is known about it."""

    path: Path
    created_at: datetime  # aware, UTC
    kind: str = "other"
    reason: str = ""
    source: str = ""  # the database it was made from (absolute path)
    size: int = 0
    schema_version: int | None = None
    counts: dict[str, int] = field(default_factory=dict)
    verified: bool | None = None  # None: never verified (or no record)
    verify_level: str | None = None
    verify_scope: str = ""  # "full", or the tables checked (the rest unchanged since)
    verified_at: datetime | None = None
    problem: str = ""
    app_version: str = ""
    sha256: str = ""  # of the file's content when it was made
    page_sha256: str = ""  # or its page checksum (a backup into a folder): checksum.py
    has_record: bool = True
    note: str = ""  # not stored: e.g. that the chosen folder failed and the default was used

    @property
    def record_path(self) -> Path:
        return record_path_of(self.path)

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, KINDS["other"])

    @property
    def state(self) -> str:
        """``verified``, ``damaged`` or ``unverified``."""
        if self.verified is None:
            return "unverified"
        return "verified" if self.verified else "damaged"

    @property
    def good(self) -> bool:
        return self.verified is True

    def to_json(self) -> dict[str, Any]:
        return {
            "format": RECORD_FORMAT,
            "file": self.path.name,
            "created_at": _utc_text(self.created_at),
            "kind": self.kind,
            "reason": self.reason,
            "source": self.source,
            "size": self.size,
            "schema_version": self.schema_version,
            "counts": self.counts,
            "verification": {
                "ok": self.verified,
                "level": self.verify_level,
                "scope": self.verify_scope or None,
                "at": _utc_text(self.verified_at) if self.verified_at else None,
                "problem": self.problem,
            },
            "app_version": self.app_version or __version__,
            "sha256": self.sha256 or None,
            "page_sha256": self.page_sha256 or None,
        }


def record_path_of(backup: Path) -> Path:
    return backup.with_name(backup.name + RECORD_SUFFIX)


def _from_json(path: Path, data: dict[str, Any]) -> BackupRecord | None:
    created = _parse_utc(data.get("created_at"))
    if created is None:
        return None
    raw_check, raw_counts = data.get("verification"), data.get("counts")
    check: dict[str, Any] = raw_check if isinstance(raw_check, dict) else {}
    counts: dict[str, Any] = raw_counts if isinstance(raw_counts, dict) else {}
    return BackupRecord(
        path=path,
        created_at=created,
        kind=str(data.get("kind") or "other"),
        reason=str(data.get("reason") or ""),
        source=str(data.get("source") or ""),
        size=int(data.get("size") or 0),
        schema_version=data.get("schema_version"),
        counts={str(k): int(v) for k, v in counts.items() if isinstance(v, int)},
        verified=check.get("ok") if isinstance(check.get("ok"), bool) else None,
        verify_level=check.get("level"),
        verify_scope=str(check.get("scope") or ""),
        verified_at=_parse_utc(check.get("at")),
        problem=str(check.get("problem") or ""),
        app_version=str(data.get("app_version") or ""),
        sha256=str(data.get("sha256") or ""),
        page_sha256=str(data.get("page_sha256") or ""),
    )


def read_record(backup: Path) -> BackupRecord:
    """What is known about ``backup``: its record, or what the file itself shows."""
    try:
        data = json.loads(record_path_of(backup).read_text(encoding="utf-8"))
        record = _from_json(backup, data) if isinstance(data, dict) else None
    except (OSError, ValueError):
        record = None
    try:
        info = backup.stat()
    except OSError:
        info = None
    if record is None:
        mtime = datetime.fromtimestamp(info.st_mtime, UTC) if info else datetime.now(UTC)
        record = BackupRecord(path=backup, created_at=mtime, has_record=False)
    if info is not None:
        record.size = info.st_size
    return record


def save_record(record: BackupRecord) -> None:
    """Write the record beside its backup (atomically)."""
    data = json.dumps(record.to_json(), ensure_ascii=False, indent=2).encode("utf-8")
    write_atomically(record.record_path, data)
    record.has_record = True


def list_backups(folder: Path | None = None) -> list[BackupRecord]:
    """Every backup in ``folder`` (default: the backup folder), newest first."""
    folder = folder if folder is not None else backup_folder()
    try:
        entries = [entry for entry in os.scandir(folder) if entry.is_file()]
    except OSError:
        return []
    records = [
        read_record(Path(entry.path))
        for entry in entries
        if not entry.name.startswith(".") and entry.name.lower().endswith(BACKUP_SUFFIXES)
    ]
    records.sort(key=lambda record: (record.created_at, record.path.name), reverse=True)
    return records


def newest_backup(source: Path, folder: Path | None = None) -> BackupRecord | None:
    """The newest good backup of the database ``source`` in the folder."""
    key = source_key(source)
    for record in list_backups(folder):
        if record.source == key and record.good:
            return record
    return None


def delete_backup(record: BackupRecord) -> None:
    """Delete a backup and its record (the file first: a record alone is ignored)."""
    record.path.unlink(missing_ok=True)
    remove_quietly(record.record_path)
    remove_quietly(record.path.with_name(record.path.name + ".sha256"))


def source_key(db_path: Path) -> str:
    """How a database is named in records: its absolute, resolved path."""
    return str(Path(db_path).expanduser().resolve())


def backup_file_name(db_path: Path, moment: datetime, kind: str) -> str:
    """``<database name>-<local date and time>[-<kind>].sqlite3``."""
    stem = Path(db_path).stem or "crm"
    stamp = moment.astimezone().strftime(STAMP_FORMAT)
    suffix = "" if kind in ("manual", "other") else f"-{kind}"
    return f"{stem}-{stamp}{suffix}.sqlite3"


def unique_path(folder: Path, name: str) -> Path:
    """``folder / name``, or with ``-2``, ``-3``… when two backups share a second."""
    candidate = folder / name
    stem, suffix = candidate.stem, candidate.suffix
    number = 2
    while candidate.exists() or record_path_of(candidate).exists():
        candidate = folder / f"{stem}-{number}{suffix}"
        number += 1
    return candidate


# -- the backup folder ------------------------------------------------------------------------


def backup_folder() -> Path:
    """The folder backups go to: the user's choice, else the default."""
    chosen = local_config.get(local_config.BACKUP_DIR)
    if isinstance(chosen, str) and chosen.strip():
        return Path(chosen).expanduser()
    return paths.default_backup_dir()


def is_default_folder(folder: Path) -> bool:
    return Path(folder).expanduser().absolute() == paths.default_backup_dir().absolute()


def choose_backup_folder(folder: str | os.PathLike[str] | None) -> Path:
    """Make ``folder`` the backup folder (None: back to the default); refuses unusable folders."""
    if folder is None or not str(folder).strip():
        local_config.update({local_config.BACKUP_DIR: None})
        return backup_folder()
    target = Path(folder).expanduser().absolute()
    if target.exists() and not target.is_dir():
        raise CrmError(
            _("{target} is a file, not a folder: choose a folder for the backups.").format(
                target=target
            )
        )
    if not target.exists():
        raise CrmError(_("The folder {target} does not exist.").format(target=target))
    try:
        check_writable_folder(target)
    except OSError as exc:
        raise CrmError(
            _("Backups cannot go to {target}: {explain_write_error}.").format(
                target=target, explain_write_error=explain_write_error(exc, target)
            )
        ) from exc
    local_config.update({local_config.BACKUP_DIR: str(target)})
    return target


def prepare_folder(folder: Path) -> None:
    """Make sure backups can be written to ``folder``; the default folder is created if missing."""
    if is_default_folder(folder):
        try:  # ours: private to the user, like the database
            private_folder(folder)
        except OSError as exc:
            raise CrmError(
                _("Cannot create the backup folder: {explain_write_error}.").format(
                    explain_write_error=explain_write_error(exc, folder.parent)
                )
            ) from exc
    if folder.exists() and not folder.is_dir():
        raise CrmError(
            _("The backup folder {folder} is a file, not a folder.").format(folder=folder)
        )
    if not folder.exists():
        raise CrmError(
            _(
                "The backup folder {folder} does not exist. If it is on a removable drive, plug "
                "it in; or choose another folder in File › Backups…"
            ).format(folder=folder)
        )
