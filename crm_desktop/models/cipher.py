"""Encrypted database files (SQLCipher): telling them apart and opening them with their key.

An encrypted file is an SQLCipher 4 file: every page AES-256 encrypted and
authenticated (HMAC-SHA512), so a page changed by anyone without the key is
refused when read, not silently accepted. Its first 16 bytes are a random
salt instead of ``SQLite format 3``; we key it with a raw 256-bit key *and* that
salt (``PRAGMA key = "x'<key><salt>'"``), so every file made from it (a
backup, a safety copy) keeps the same salt and is found by the same key.

Keys live in this process by salt (:func:`remember`); where they come from
(the OS keyring, a typed recovery key) is the services' business
(the services' encryption module). A plain file never touches
SQLCipher: it is opened with Python's ``sqlite3`` exactly as before.

SQLCipher's driver (``sqlcipher3``) raises its own exception classes; our
encrypted connections turn them into ``sqlite3``'s classes of the same name,
so every ``except sqlite3.…`` of the app and the environment-error mapping
work the same on both kinds of file.
"""

from __future__ import annotations

import functools
import os
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from crm_desktop.errors import DatabaseFileError
from crm_desktop.models.lenient import LenientMixin

KEY_BYTES = 32
SALT_BYTES = 16
# The page size of our plain files (models.schema.PAGE_SIZE): SQLCipher's default, 4 KB,
# is four times the pages to decrypt and authenticate. Not stored in an encrypted
# header: every connection sets it after the key (so must another tool: docs/encryption.md).
CIPHER_PAGE_SIZE = 16384
SQLITE_HEADER = b"SQLite format 3\x00"

try:  # the binding is a dependency, but a plain file must open even if it failed to install
    from sqlcipher3 import dbapi2 as _sc
except ImportError:  # pragma: no cover - exercised only on a broken install
    _sc = None

_keys: dict[bytes, bytes] = {}
_keys_lock = threading.Lock()


class EncryptionKeyError(DatabaseFileError):
    """An encrypted file whose key this process does not hold (or a wrong key)."""

    def __init__(self, message: str, path: Path):
        super().__init__(message)
        self.path = path


def available() -> bool:
    """Whether SQLCipher can be used on this installation."""
    return _sc is not None


def is_encrypted(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` looks like an SQLCipher file: whole pages, and a salt where SQLite
    writes its header. (Encrypted pages look random, so a random file of whole pages looks
    the same: :func:`missing_key_error` says so.)"""
    try:
        with open(path, "rb") as handle:
            head = handle.read(SALT_BYTES)
            size = os.fstat(handle.fileno()).st_size
    except OSError:
        return False
    whole_pages = size >= 1024 and size % 1024 == 0
    return whole_pages and len(head) == SALT_BYTES and head != SQLITE_HEADER and any(head)


def salt_of(path: str | os.PathLike[str]) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(SALT_BYTES)


def remember(salt: bytes, key: bytes) -> None:
    """Hold ``key`` for every file with ``salt`` for the rest of this process."""
    with _keys_lock:
        _keys[bytes(salt)] = bytes(key)


def forget(salt: bytes | None = None) -> None:
    with _keys_lock:
        if salt is None:
            _keys.clear()
        else:
            _keys.pop(bytes(salt), None)


KeyProvider = Callable[[bytes], "bytes | None"]
_provider: KeyProvider | None = None


def set_key_provider(provider: KeyProvider | None) -> None:
    """Where a key this process does not hold yet is looked for (the services set the OS
    keyring and the recovery key of the environment); what it finds is remembered."""
    global _provider
    _provider = provider


def known_key(salt: bytes) -> bytes | None:
    with _keys_lock:
        key = _keys.get(bytes(salt))
    if key is None and _provider is not None:
        key = _provider(bytes(salt))
        if key is not None:
            remember(salt, key)
    return key


def key_pragma(key: bytes, salt: bytes) -> str:
    if len(key) != KEY_BYTES or len(salt) != SALT_BYTES:
        raise ValueError("a SQLCipher raw key is 32 bytes and its salt 16")
    return f"PRAGMA key = \"x'{key.hex()}{salt.hex()}'\""


def _to_sqlite3(exc: BaseException) -> BaseException:
    """``sqlcipher3``'s exception as ``sqlite3``'s class of the same name, codes kept."""
    if _sc is None or not isinstance(exc, _sc.Error):
        return exc
    kind = getattr(sqlite3, type(exc).__name__, sqlite3.DatabaseError)
    translated = kind(*exc.args)
    for name in ("sqlite_errorcode", "sqlite_errorname"):
        if hasattr(exc, name):
            setattr(translated, name, getattr(exc, name))
    return translated


def _translating(method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except Exception as exc:
            translated = _to_sqlite3(exc)
            if translated is exc:
                raise
            raise translated from exc

    return call


if _sc is not None:

    class _CipherLenientCursor(LenientMixin, _sc.Cursor):
        pass

    class CipherCursor(_CipherLenientCursor):
        """A lenient cursor of an encrypted file whose errors are ``sqlite3``'s."""

        execute = _translating(_CipherLenientCursor.execute)
        executemany = _translating(_CipherLenientCursor.executemany)
        fetchone = _translating(_CipherLenientCursor.fetchone)
        fetchmany = _translating(_CipherLenientCursor.fetchmany)
        fetchall = _translating(_CipherLenientCursor.fetchall)
        __next__ = _translating(_CipherLenientCursor.__next__)

    class CipherConnection(_sc.Connection):
        """A connection to an encrypted file, shaped like our plain ones (see the module)."""

        def cursor(self, factory: Any = CipherCursor) -> Any:
            return super().cursor(factory)

        def execute(self, sql: str, parameters: Any = (), /) -> Any:
            return self.cursor().execute(sql, parameters)

        def executemany(self, sql: str, parameters: Any, /) -> Any:
            return self.cursor().executemany(sql, parameters)

        commit = _translating(_sc.Connection.commit)
        rollback = _translating(_sc.Connection.rollback)
        close = _translating(_sc.Connection.close)
        backup = _translating(_sc.Connection.backup)


def _require_driver(path: Path) -> None:
    if _sc is None:
        raise DatabaseFileError(
            f"{path} is encrypted, and this installation of CRM Desktop cannot read encrypted "
            "files (its SQLCipher library is missing). Reinstall CRM Desktop."
        )


def connect_encrypted(
    database: str | os.PathLike[str],
    key: bytes,
    salt: bytes,
    *,
    path: Path | None = None,
    check: bool = True,
    **kwargs: Any,
) -> Any:
    """An SQLCipher connection to ``database`` keyed with ``key`` and ``salt``.

    ``check`` reads the schema at once, so a wrong key fails here, with a clear
    :class:`EncryptionKeyError`, and not at the first query.
    """
    where = Path(path or database)
    _require_driver(where)
    kwargs["factory"] = CipherConnection  # lenient text, sqlite3-shaped errors
    conn = _sc.connect(os.fspath(database), **kwargs)
    conn.crm_key_salt = (key, salt)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is ours to report
        conn.execute(key_pragma(key, salt))
        conn.execute(f"PRAGMA cipher_page_size = {CIPHER_PAGE_SIZE}")
        if check:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        conn.close()
        if "not a database" in str(exc):
            raise EncryptionKeyError(
                f"{where} is encrypted, and the key given does not open it.", where
            ) from exc
        raise
    return conn


def connect_plain(database: str | os.PathLike[str], **kwargs: Any) -> Any:
    """SQLCipher's driver on a plain file: what ``ATTACH … KEY`` and ``sqlcipher_export`` need."""
    _require_driver(Path(database))
    kwargs["factory"] = CipherConnection
    return _sc.connect(os.fspath(database), **kwargs)


def connect_like(source: Any, target: str | os.PathLike[str], **kwargs: Any) -> Any:
    """A connection to a new ``target`` encrypted as ``source`` is (same key and salt), so
    the backup API can copy pages into it; a plain ``sqlite3`` one for a plain source."""
    keyed = getattr(source, "crm_key_salt", None)
    if keyed is None:
        return sqlite3.connect(os.fspath(target), **kwargs)
    key, salt = keyed
    return connect_encrypted(target, key, salt, check=False, **kwargs)


def _file_of(database: str, uri: bool) -> Path:
    if not uri or not database.startswith("file:"):
        return Path(database)
    return Path(unquote(urlsplit(database).path))


def missing_key_error(path: Path) -> EncryptionKeyError:
    return EncryptionKeyError(
        f"{path} is encrypted (or it is not a database at all), and this computer does not "
        "hold its key. Open it with its recovery key (the window asks for it; on the command "
        "line set CRM_DESKTOP_RECOVERY_KEY or type it when asked).",
        path,
    )


def connect_file(database: str | os.PathLike[str], **kwargs: Any) -> Any:
    """``sqlite3.connect`` for a plain file, an SQLCipher connection for an encrypted one.

    Takes what ``sqlite3.connect`` takes (``uri=True`` included); an encrypted
    file's key must be known to this process (:func:`remember`).
    """
    name = os.fspath(database)
    path = _file_of(name, bool(kwargs.get("uri")))
    if not is_encrypted(path):
        return sqlite3.connect(name, **kwargs)
    salt = salt_of(path)
    key = known_key(salt)
    if key is None:
        raise missing_key_error(path)
    return connect_encrypted(name, key, salt, path=path, **kwargs)
