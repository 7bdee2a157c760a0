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

import base64
import hashlib
import logging
import os
import secrets
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from crm_desktop.errors import CrmError
from crm_desktop.models import cipher
from crm_desktop.models.cipher import EncryptionKeyError
from crm_desktop.safe_files import temp_name

if TYPE_CHECKING:
    from crm_desktop.services.backups.restore import PreparedRestore

__all__ = [
    "RECOVERY_KEY_ENV",
    "EncryptionKeyError",
    "EncryptionStatus",
    "encrypted_copy",
    "format_recovery_key",
    "is_encrypted",
    "new_key",
    "parse_recovery_key",
    "status",
    "unlock",
]

log = logging.getLogger(__name__)

KEYRING_SERVICE = "CRM Desktop"
RECOVERY_KEY_ENV = "CRM_DESKTOP_RECOVERY_KEY"
_CHECK_BYTES = 2
_GROUP = 5
Progress = Callable[[int, int], None]


class RecoveryKeyError(CrmError):
    """A typed recovery key that cannot be a recovery key (a typo, a missing group)."""


@dataclass(frozen=True)
class EncryptionStatus:
    encrypted: bool
    key_on_this_computer: bool  # the keyring holds the key (else it was typed this session)
    available: bool  # SQLCipher is installed


def is_encrypted(path: str | os.PathLike[str]) -> bool:
    return cipher.is_encrypted(path)


def new_key() -> bytes:
    """A fresh random 256-bit key."""
    return secrets.token_bytes(cipher.KEY_BYTES)


# --- recovery keys ---------------------------------------------------------------------


def format_recovery_key(key: bytes) -> str:
    """The key as the owner writes it down: 11 groups of 5 (base32, with a check group)."""
    check = hashlib.sha256(key).digest()[:_CHECK_BYTES]
    text = base64.b32encode(key + check).decode("ascii").rstrip("=")
    return "-".join(text[i : i + _GROUP] for i in range(0, len(text), _GROUP))


def parse_recovery_key(text: str) -> bytes:
    """The key a typed recovery key stands for; any case, spaces and dashes ignored."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    # The letters people confuse with digits are not in base32's alphabet.
    cleaned = cleaned.replace("0", "O").replace("1", "I").replace("8", "B")
    expected = len(format_recovery_key(bytes(cipher.KEY_BYTES)).replace("-", ""))
    if len(cleaned) != expected:
        raise RecoveryKeyError(
            f"A recovery key has {expected} letters and digits; this one has {len(cleaned)}. "
            "Check it against the printed page."
        )
    padded = cleaned + "=" * (-len(cleaned) % 8)
    try:
        raw = base64.b32decode(padded)
    except (ValueError, base64.binascii.Error):  # type: ignore[attr-defined]
        raise RecoveryKeyError(
            "That recovery key has a character that cannot be in one: check it against "
            "the printed page."
        ) from None
    key, check = raw[: cipher.KEY_BYTES], raw[cipher.KEY_BYTES :]
    if hashlib.sha256(key).digest()[:_CHECK_BYTES] != check:
        raise RecoveryKeyError(
            "That recovery key has a typo (its check group does not match): check it "
            "against the printed page."
        )
    return key


# --- the keyring -----------------------------------------------------------------------


def _account(salt: bytes) -> str:
    return f"database key {salt.hex()}"


def _keyring_get(salt: bytes) -> bytes | None:
    try:
        import keyring

        stored = keyring.get_password(KEYRING_SERVICE, _account(salt))
    except Exception as exc:  # no backend, a locked keyring, a D-Bus failure: ask instead
        log.info("no key from the keyring: %s", type(exc).__name__)
        return None
    if not stored:
        return None
    try:
        key = bytes.fromhex(stored)
    except ValueError:
        return None
    return key if len(key) == cipher.KEY_BYTES else None


def _keyring_set(salt: bytes, key: bytes) -> bool:
    """Keep ``key`` in the keyring; False (logged) when this computer has none usable."""
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, _account(salt), key.hex())
    except Exception as exc:
        log.warning("the key could not be kept in the keyring: %s", type(exc).__name__)
        return False
    return _keyring_get(salt) == key  # a "null" keyring accepts and forgets


def forget_on_this_computer(path: str | os.PathLike[str]) -> None:
    """Remove the key of ``path`` from the keyring (its recovery key still opens it)."""
    salt = cipher.salt_of(path)
    try:
        import keyring

        keyring.delete_password(KEYRING_SERVICE, _account(salt))
    except Exception as exc:
        log.info("no key removed from the keyring: %s", type(exc).__name__)


# --- opening ---------------------------------------------------------------------------


def unlock(
    path: str | os.PathLike[str],
    recovery_key: str | None = None,
    *,
    keep_on_this_computer: bool = True,
) -> None:
    """Make an encrypted ``path`` openable by this process (a plain file: nothing to do).

    Without ``recovery_key``: the key this process already holds, else the
    keyring's, else :class:`EncryptionKeyError` (the caller asks for the
    recovery key). With it: the key is checked against the file, held, and
    (``keep_on_this_computer``) kept in the keyring for the next start.
    """
    path = Path(path)
    if not cipher.is_encrypted(path):
        return
    salt = cipher.salt_of(path)
    typed = recovery_key if recovery_key is not None else os.environ.get(RECOVERY_KEY_ENV)
    if typed is None or not typed.strip():
        if cipher.known_key(salt) is not None:
            return
        key = _keyring_get(salt)
        if key is None:
            raise cipher.missing_key_error(path)
    else:
        key = parse_recovery_key(typed)
    try:
        cipher.connect_encrypted(path, key, salt, uri=False).close()
    except EncryptionKeyError:
        raise EncryptionKeyError(
            f"That recovery key does not open {path}: it belongs to another file. Use the "
            "recovery key printed when this file was encrypted.",
            path,
        ) from None
    cipher.remember(salt, key)
    if typed and keep_on_this_computer:
        _keyring_set(salt, key)


def _provide(salt: bytes) -> bytes | None:
    """A key not yet held: the recovery key in the environment if it fits, else the keyring."""
    typed = os.environ.get(RECOVERY_KEY_ENV, "").strip()
    if typed:
        try:
            return parse_recovery_key(typed)
        except RecoveryKeyError:
            pass  # said clearly by unlock(); here only a key that fits is of use
    return _keyring_get(salt)


cipher.set_key_provider(_provide)


def status(path: str | os.PathLike[str]) -> EncryptionStatus:
    encrypted = cipher.is_encrypted(path)
    on_computer = encrypted and _keyring_get(cipher.salt_of(path)) is not None
    return EncryptionStatus(encrypted, on_computer, cipher.available())


def current_key(path: str | os.PathLike[str]) -> bytes:
    """The key of an encrypted ``path`` held by this process (to show its recovery key again)."""
    key = cipher.known_key(cipher.salt_of(path))
    if key is None:
        raise cipher.missing_key_error(Path(path))
    return key


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
            "This installation of CRM Desktop cannot encrypt (its SQLCipher library is "
            "missing). Reinstall CRM Desktop."
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
        if cancelled is not None and cancelled():
            raise _cancelled()
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


def _cancelled() -> CrmError:
    from crm_desktop.errors import CancelledError

    return CancelledError("Cancelled: the database was not changed.")


def _check_same(conn: sqlite3.Connection, target: Path) -> None:
    """The copy has the source's schema and row counts (read in the same snapshot)."""
    if _schema(conn, "main") != _schema(conn, "converted"):
        raise CrmError(f"The converted copy {target} lacks part of the schema; nothing changed.")
    if _counts(conn, "main") != _counts(conn, "converted"):
        raise CrmError(f"The converted copy {target} lacks rows; nothing was changed.")


def _check_whole(target: Path) -> None:
    conn = cipher.connect_file(target, isolation_level=None)
    try:
        verdict = conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()
    if verdict != [("ok",)]:
        raise CrmError(f"The converted copy {target} failed its check; nothing was changed.")


def keep_key(path: str | os.PathLike[str]) -> bool:
    """Keep the key of the encrypted ``path`` in the keyring; False if there is none usable."""
    salt = cipher.salt_of(path)
    key = cipher.known_key(salt)
    return key is not None and _keyring_set(salt, key)


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
        raise CrmError(f"{db_path} is already encrypted.")
    if key is None and not cipher.is_encrypted(db_path):
        raise CrmError(f"{db_path} is not encrypted.")
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
