"""Encryption at rest through the services and the command line (docs/encryption.md)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from encryption_helpers import forget_everything

from crm_desktop.models import cipher, close_database
from crm_desktop.services import customers, encryption, open_session, search
from crm_desktop.services.backups import create_backup, list_backups, restore_backup
from crm_desktop.services.encryption import EncryptionKeyError, RecoveryKeyError

NAME = "Ёлкина Дарья <b>&"


def _on_disk(db: Path) -> bytes:
    """The database file and its journal, as a thief of the disk would read them."""
    wal = Path(f"{db}-wal")
    return db.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def _customer_names() -> list[str]:
    from crm_desktop.models.base import database

    return sorted(name for (name,) in database.execute_sql("SELECT name FROM customer"))


@pytest.fixture
def filled(demo_db: Path) -> Path:
    customers.create_customer({"name": NAME, "kind": "person", "email": "darya@example.ru"})
    return demo_db


def test_recovery_key_round_trip_and_typos():
    key = encryption.new_key()
    text = encryption.format_recovery_key(key)
    groups = text.split("-")
    assert len(groups) == 11 and all(len(g) == 5 for g in groups)
    assert encryption.parse_recovery_key(text) == key
    assert encryption.parse_recovery_key(" ".join(groups).lower()) == key
    wrong = text[:7] + ("A" if text[7] != "A" else "B") + text[8:]
    with pytest.raises(RecoveryKeyError, match="typo"):
        encryption.parse_recovery_key(wrong)
    with pytest.raises(RecoveryKeyError, match="55 letters"):
        encryption.parse_recovery_key(text[:-6])
    with pytest.raises(RecoveryKeyError):
        encryption.parse_recovery_key("")


def test_encrypting_hides_every_byte_and_keeps_every_record(filled: Path, memory_keyring):
    names = _customer_names()
    plain_bytes = _on_disk(filled)
    assert "Дарья".encode() in plain_bytes
    key = encryption.new_key()
    encryption.convert(filled, key)

    customers.create_customer({"name": "Written after: Σοφία", "kind": "person"})
    raw = _on_disk(filled)
    assert encryption.is_encrypted(filled) and not raw.startswith(b"SQLite format 3")
    assert "Σοφία".encode() not in raw
    for secret in ("Дарья".encode(), b"darya@example.ru", names[0].encode()):
        assert secret not in raw
    assert _customer_names() == sorted([*names, "Written after: Σοφία"])  # reopened, encrypted
    assert search.search_customers("Ёлкина")  # the search index too
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(filled).execute("SELECT count(*) FROM customer").fetchone()
    assert (filled.stat().st_mode & 0o777) == 0o600
    kept = list(memory_keyring.secrets.values())
    assert kept == [key.hex()]  # the key went to the keyring, and only the key
    # A backup made before stays plain (it says so in the docs); the safety copy too.
    assert any(not cipher.is_encrypted(b.path) for b in list_backups())


def test_another_computer_needs_the_recovery_key(filled: Path, memory_keyring, monkeypatch):
    names = _customer_names()
    key = encryption.new_key()
    encryption.convert(filled, key)
    forget_everything(memory_keyring)

    with pytest.raises(EncryptionKeyError, match="recovery key"):
        open_session(filled)
    other = encryption.format_recovery_key(encryption.new_key())
    with pytest.raises(EncryptionKeyError, match="does not open"):
        encryption.unlock(filled, other)
    encryption.unlock(filled, encryption.format_recovery_key(key).lower())
    open_session(filled)
    assert _customer_names() == names
    assert list(memory_keyring.secrets.values()) == [key.hex()]  # kept for the next start

    forget_everything(memory_keyring)
    monkeypatch.setenv(encryption.RECOVERY_KEY_ENV, encryption.format_recovery_key(key))
    open_session(filled)
    assert _customer_names() == names


def test_backups_of_an_encrypted_file_are_encrypted_and_restore(filled: Path, memory_keyring):
    key = encryption.new_key()
    encryption.convert(filled, key)
    record = create_backup(filled)
    assert cipher.is_encrypted(record.path)
    assert "Дарья".encode() not in record.path.read_bytes()
    assert (record.path.stat().st_mode & 0o777) == 0o600
    customers.create_customer({"name": "After the backup", "kind": "company"})

    forget_everything(memory_keyring)  # the backup opened on a new computer
    encryption.unlock(record.path, encryption.format_recovery_key(key))
    restore_backup(record.path, filled)
    assert "After the backup" not in _customer_names()
    assert NAME in _customer_names()


def test_a_tampered_encrypted_backup_is_refused(filled: Path, memory_keyring):
    encryption.convert(filled, encryption.new_key())
    record = create_backup(filled)
    data = bytearray(record.path.read_bytes())
    data[len(data) // 2] ^= 0x01  # one bit in a middle page
    record.path.write_bytes(bytes(data))
    from crm_desktop.errors import CrmError

    with pytest.raises(CrmError):
        restore_backup(record.path, filled)
    assert NAME in _customer_names()  # nothing changed


def test_decrypting_gives_back_a_plain_file(filled: Path):
    names = _customer_names()
    encryption.convert(filled, encryption.new_key())
    encryption.convert(filled, None)
    assert not encryption.is_encrypted(filled)
    close_database()
    conn = sqlite3.connect(filled)
    assert conn.execute("SELECT count(*) FROM customer WHERE name = ?", (NAME,)).fetchone() == (1,)
    conn.close()
    open_session(filled)
    assert _customer_names() == names


def test_a_failed_conversion_leaves_the_file_as_it_was(filled: Path, monkeypatch):
    before = _customer_names()

    def broken(*_args):
        raise RuntimeError("simulated failure in the check")

    monkeypatch.setattr(encryption, "_check_same", broken)
    with pytest.raises(RuntimeError):
        encryption.convert(filled, encryption.new_key())
    assert not encryption.is_encrypted(filled)
    assert _customer_names() == before
    assert not [p for p in filled.parent.iterdir() if ".encrypt-" in p.name]


def test_invalid_utf8_and_sqlite_errors_read_the_same_on_an_encrypted_file(filled: Path):
    encryption.convert(filled, encryption.new_key())
    from crm_desktop.models.base import database

    database.execute_sql(
        "UPDATE customer SET name = CAST(x'416e6e61ff' AS TEXT) WHERE name = ?", (NAME,)
    )
    assert "Anna\ufffd" in _customer_names()
    conn = cipher.connect_file(filled)
    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        conn.execute("SELECT * FROM no_such_table")
    conn.close()


def _cli(
    *args: str, env_extra: dict[str, str] | None = None, home: Path
) -> subprocess.CompletedProcess:
    import os

    env = dict(
        os.environ,
        CRM_DESKTOP_HOME=str(home),
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
    )
    env.pop(encryption.RECOVERY_KEY_ENV, None)
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "-m", "crm_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def test_command_line_encrypts_with_the_key_shown_first(filled: Path, home: Path, tmp_path: Path):
    close_database()
    db = str(filled)
    refused = _cli("--db", db, "encryption", "on", home=home)
    assert refused.returncode == 1 and "--yes" in refused.stdout
    assert not encryption.is_encrypted(filled)

    page = tmp_path / "key.pdf"
    done = _cli("--db", db, "encryption", "on", "--yes", "--recovery-pdf", str(page), home=home)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Recovery key")
    recovery = lines[1].strip()
    key = encryption.parse_recovery_key(recovery)
    assert page.read_bytes().startswith(b"%PDF") and (page.stat().st_mode & 0o777) == 0o600
    assert "no keyring" in done.stdout  # the null keyring here: said plainly
    assert encryption.is_encrypted(filled)

    locked = _cli("--db", db, "search", "Ёлкина", home=home)
    assert locked.returncode == 1 and "recovery key" in locked.stderr
    assert "Traceback" not in locked.stderr
    found = _cli("--db", db, "search", "Ёлкина", home=home,
                 env_extra={encryption.RECOVERY_KEY_ENV: recovery})  # fmt: skip
    assert found.returncode == 0 and "Ёлкина" in found.stdout
    shown = _cli("--db", db, "encryption", "recovery-key", home=home,
                 env_extra={encryption.RECOVERY_KEY_ENV: recovery})  # fmt: skip
    assert encryption.parse_recovery_key(shown.stdout.strip()) == key
    off = _cli("--db", db, "encryption", "off", "--yes", home=home,
               env_extra={encryption.RECOVERY_KEY_ENV: recovery})  # fmt: skip
    assert off.returncode == 0, off.stderr
    assert not encryption.is_encrypted(filled)


def test_a_file_that_is_not_a_database_is_not_called_only_encrypted(tmp_path: Path):
    junk = tmp_path / "photo.sqlite3"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n" + b"x" * 500)
    from crm_desktop.errors import DatabaseFileError

    with pytest.raises(DatabaseFileError, match="not an SQLite file"):
        open_session(junk)


def test_encrypted_pages_are_as_large_as_plain_ones(filled: Path):
    from crm_desktop.models.schema import PAGE_SIZE

    encryption.convert(filled, encryption.new_key())
    conn = cipher.connect_file(filled)
    assert (
        int(conn.execute("PRAGMA page_size").fetchone()[0]) == PAGE_SIZE == cipher.CIPHER_PAGE_SIZE
    )
    conn.close()


def test_a_big_sample_goes_into_an_encrypted_file_the_plain_way(db: Path, memory_keyring):
    """SQLCipher's driver cannot take the helpers' parts (demo_parts): with helpers, an
    encrypted file still gets its sample, encrypted, with foreign keys enforced after."""
    from datetime import date

    from crm_desktop.models.base import database
    from crm_desktop.services import demo

    encryption.convert(db, encryption.new_key())
    assert encryption.is_encrypted(db)
    result = demo.generate(customers=1200, seed=2, on=date(2026, 6, 15), helpers=1)
    assert result.counts["customer"] == 1200
    assert len(_customer_names()) == 1200
    assert database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert database.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    assert encryption.is_encrypted(db) and b"SQLite format 3" not in _on_disk(db)[:16]
