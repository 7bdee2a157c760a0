"""Keys of encrypted databases: recovery keys, the OS keyring, and opening a file.

An encrypted database (:mod:`crm_desktop.models.cipher`) is keyed with a random
256-bit key, kept in the operating system's keyring (``keyring``: macOS Keychain,
Windows Credential Manager, the Secret Service on Linux) under the file's salt,
which every backup of the file shares. When the keyring lacks it, the owner
types the **recovery key**: the same 256 bits as 55 letters and digits in groups
of five, with a check group that catches a typo. Importing this module plugs
the keyring and ``CRM_DESKTOP_RECOVERY_KEY`` into the models as the place to
look for a key (docs/encryption.md). Turning encryption on or off is
:mod:`crm_desktop.services.encryption`.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from crm_desktop.errors import CrmError
from crm_desktop.i18n import _
from crm_desktop.models import cipher
from crm_desktop.models.cipher import EncryptionKeyError

__all__ = [
    "RECOVERY_KEY_ENV",
    "EncryptionKeyError",
    "EncryptionStatus",
    "RecoveryKeyError",
    "current_key",
    "forget_on_this_computer",
    "format_recovery_key",
    "is_encrypted",
    "keep_key",
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
            _(
                "A recovery key has {expected} letters and digits; this one has {count}. "
                "Check it against the printed page."
            ).format(expected=expected, count=len(cleaned))
        )
    padded = cleaned + "=" * (-len(cleaned) % 8)
    try:
        raw = base64.b32decode(padded)
    except (ValueError, base64.binascii.Error):  # type: ignore[attr-defined]
        raise RecoveryKeyError(
            _(
                "That recovery key has a character that cannot be in one: check it against "
                "the printed page."
            )
        ) from None
    key, check = raw[: cipher.KEY_BYTES], raw[cipher.KEY_BYTES :]
    if hashlib.sha256(key).digest()[:_CHECK_BYTES] != check:
        raise RecoveryKeyError(
            _(
                "That recovery key has a typo (its check group does not match): check it "
                "against the printed page."
            )
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
            _(
                "That recovery key does not open {path}: it belongs to another file. Use the "
                "recovery key printed when this file was encrypted."
            ).format(path=path),
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


def status(path: str | os.PathLike[str], *, ask_keyring: bool = True) -> EncryptionStatus:
    """Whether ``path`` is encrypted and its key kept here.

    The keyring can take seconds (a locked keyring, a slow D-Bus): with ``ask_keyring=False``
    only the file is read and ``key_on_this_computer`` is False; ask the keyring off the GUI
    thread.
    """
    encrypted = cipher.is_encrypted(path)
    on_computer = ask_keyring and encrypted and _keyring_get(cipher.salt_of(path)) is not None
    return EncryptionStatus(encrypted, on_computer, cipher.available())


def current_key(path: str | os.PathLike[str]) -> bytes:
    """The key of an encrypted ``path`` held by this process (to show its recovery key again)."""
    key = cipher.known_key(cipher.salt_of(path))
    if key is None:
        raise cipher.missing_key_error(Path(path))
    return key


def keep_key(path: str | os.PathLike[str]) -> bool:
    """Keep the key of the encrypted ``path`` in the keyring; False if there is none usable."""
    salt = cipher.salt_of(path)
    key = cipher.known_key(salt)
    return key is not None and _keyring_set(salt, key)
