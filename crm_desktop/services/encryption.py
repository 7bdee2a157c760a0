"""Encryption at rest: keys, recovery keys, and turning encryption on or off.

An encrypted database is an SQLCipher file (:mod:`crm_desktop.models.cipher`)
keyed with a random 256-bit key. The key is kept in the operating system's
keyring (``keyring``: macOS Keychain, Windows Credential Manager, the Secret
Service on Linux) under the file's salt, which every backup of the file
shares; so the window and the command line open it without asking. When the
keyring lacks it (another computer, a Linux desktop without a keyring, a
reinstalled system), the owner types the **recovery key**: the same 256 bits
written as 55 letters and digits in groups of five, with a check group that
catches a typo. The recovery key is shown, printable, *before* the file is
converted, and the conversion does not start until the owner says it is kept.

Turning encryption on or off is a conversion of the whole file, done the
safe way: a verified backup first; then an encrypted (or plain) copy made
with ``sqlcipher_export``, checked (integrity, the same schema, the same row
count in every table); then swapped in through the restore machinery, which
keeps a safety copy and rolls back by itself if the new file fails to open.
Backups made *after* the conversion are encrypted with the same key; the
backups made before it (and the safety copy) stay as they were: plain.
"""

from __future__ import annotations

import logging
import os
import secrets
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from crm_desktop.errors import CrmError
from crm_desktop.i18n import _
from crm_desktop.models import cipher
from crm_desktop.safe_files import temp_name
from crm_desktop.services.encryption_keys import (  # the key API, for callers of this module
    RECOVERY_KEY_ENV,
    EncryptionKeyError,
    EncryptionStatus,
    RecoveryKeyError,
    current_key,
    forget_on_this_computer,
    format_recovery_key,
    is_encrypted,
    keep_key,
    new_key,
    parse_recovery_key,
    status,
    unlock,
)
from crm_desktop.services.progress import Progress, stop_if_cancelled

if TYPE_CHECKING:
    from crm_desktop.services.backups.restore import PreparedRestore

__all__ = [
    "RECOVERY_KEY_ENV",
    "EncryptionKeyError",
    "EncryptionStatus",
    "RecoveryKeyError",
    "convert",
    "current_key",
    "encrypted_copy",
    "forget_on_this_computer",
    "format_recovery_key",
    "is_encrypted",
    "keep_key",
    "new_key",
    "parse_recovery_key",
    "prepare_conversion",
    "status",
    "unlock",
]

log = logging.getLogger(__name__)


# --- converting ------------------------------------------------------------------------


def _schema(conn: sqlite3.Connection, schema: str = "main") -> list[tuple[str, str, str]]:
    rows = conn.execute(
        f"SELECT type, name, coalesce(sql, '') FROM {schema}.sqlite_master "
        "WHERE name NOT LIKE 'sqlite_autoindex_%' ORDER BY type, name"
    ).fetchall()
    return [(str(a), str(b), str(c)) for a, b, c in rows]


def _counts(conn: sqlite3.Connection, schema: str = "main") -> dict[str, int]:
    tables = conn.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
        "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'"
    ).fetchall()
    return {
        name: conn.execute(f'SELECT count(*) FROM {schema}."{name}"').fetchone()[0]
        for (name,) in tables
    }


def encrypted_copy(
    db_path: str | os.PathLike[str],
    key: bytes | None,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """A checked copy of ``db_path`` encrypted with ``key`` (``None``: a plain copy).

    The copy is a hidden file beside the database; the caller swaps it in
    (:func:`crm_desktop.services.backups.prepare_restore`) and removes it.
    """
    source = Path(db_path).absolute()
    if not cipher.available():
        raise CrmError(
            _(
                "This installation of CRM Desktop cannot encrypt (its SQLCipher library is "
                "missing). Reinstall CRM Desktop."
            )
        )
    step = progress or (lambda done, total: None)
    target = temp_name(source, "encrypt" if key else "decrypt")
    for leftover in (target, Path(f"{target}-journal")):
        leftover.unlink(missing_ok=True)
    if cipher.is_encrypted(source):
        salt = cipher.salt_of(source)
        source_key = cipher.known_key(salt)
        if source_key is None:
            raise cipher.missing_key_error(source)
        conn = cipher.connect_encrypted(source, source_key, salt, isolation_level=None)
    else:
        conn = cipher.connect_plain(source, isolation_level=None)
    new_salt = secrets.token_bytes(cipher.SALT_BYTES)
    try:
        step(0, 4)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        attach_key = f"x'{key.hex()}{new_salt.hex()}'" if key else ""
        conn.execute(f'ATTACH DATABASE ? AS converted KEY "{attach_key}"', (str(target),))
        if key:
            conn.execute(f"PRAGMA converted.cipher_page_size = {cipher.CIPHER_PAGE_SIZE}")
        conn.execute("BEGIN")  # one snapshot of the source for the copy and its check
        conn.execute("SELECT sqlcipher_export('converted')").fetchall()
        stop_if_cancelled(cancelled, _("Cancelled: the database was not changed."))
        step(1, 4)
        conn.execute(f"PRAGMA converted.user_version = {int(version)}")
        conn.execute(f"PRAGMA converted.application_id = {int(app_id)}")
        _check_same(conn, target)
        step(2, 4)
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE converted")
    except BaseException:
        conn.close()
        target.unlink(missing_ok=True)
        raise
    conn.close()
    if key is not None:
        cipher.remember(new_salt, key)
    try:
        _check_whole(target)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    step(4, 4)
    return target


def _check_same(conn: sqlite3.Connection, target: Path) -> None:
    """The copy has the source's schema and row counts (read in the same snapshot)."""
    if _schema(conn, "main") != _schema(conn, "converted"):
        raise CrmError(
            _("The converted copy {target} lacks part of the schema; nothing changed.").format(
                target=target
            )
        )
    if _counts(conn, "main") != _counts(conn, "converted"):
        raise CrmError(
            _("The converted copy {target} lacks rows; nothing was changed.").format(target=target)
        )


def _check_whole(target: Path) -> None:
    conn = cipher.connect_file(target, isolation_level=None)
    try:
        verdict = conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()
    if verdict != [("ok",)]:
        raise CrmError(
            _("The converted copy {target} failed its check; nothing was changed.").format(
                target=target
            )
        )


def prepare_conversion(
    db_path: str | os.PathLike[str],
    key: bytes | None,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PreparedRestore:
    """Everything of turning encryption on (``key``) or off (``None``) but the swap.

    A verified backup first, then the converted copy, checked as any backup to
    restore; its key is kept in the keyring before the file needs it. Apply the
    result like a restore (``apply()``, then reopen); ``discard()`` it if not.
    """
    from crm_desktop.services.backups import create_backup, prepare_restore

    db_path = Path(db_path).absolute()
    if key is not None and cipher.is_encrypted(db_path):
        raise CrmError(_("{path} is already encrypted.").format(path=db_path))
    if key is None and not cipher.is_encrypted(db_path):
        raise CrmError(_("{path} is not encrypted.").format(path=db_path))
    step = progress or (lambda done, total: None)
    reason = "before encryption" if key else "before decryption"
    create_backup(db_path, kind="before-change", reason=reason, cancelled=cancelled)
    step(1, 4)
    copy = encrypted_copy(db_path, key, cancelled=cancelled)
    try:
        step(2, 4)
        if key is not None and not keep_key(copy):
            log.info("the key of the encrypted file is not kept on this computer")
        prepared = prepare_restore(copy, db_path, cancelled=cancelled)
    finally:
        copy.unlink(missing_ok=True)
    step(4, 4)
    return prepared


def convert(db_path: str | os.PathLike[str], key: bytes | None) -> None:
    """Turn encryption on or off in one go and reopen the file (the CLI; the window asks
    in between, as for a restore)."""
    from crm_desktop.services.session import open_session

    prepared = prepare_conversion(db_path, key)
    try:
        result = prepared.apply()
    finally:
        prepared.discard()
    open_session(result.target)
