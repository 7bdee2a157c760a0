"""Fuzzing the restore: hundreds of mutated backups, none accepted with other data unless the user is told.

A good backup is mutated the ways files get damaged or tampered with —
bytes flipped anywhere, in the header, in the schema page, a run of random
bytes, a page zeroed, the file cut short — half of them with the checksum
the backup was made with beside them, half as files from elsewhere without
one. Each goes through the restore's checks on its private copy. A file that
is accepted must hold exactly the backup's data (every row of every table,
byte for byte) or carry a warning the user sees before saying yes: with a
checksum, "modified since it was made"; without one, that nothing proves it
unchanged. Accepted files never hold text that is not UTF-8 nor a schema
that is not ours. Seeded, so a failure can be replayed; ~300 files run in
well under a minute.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
from collections import Counter
from pathlib import Path

from crm_desktop.errors import CrmError
from crm_desktop.models.schema import differences, objects_of
from crm_desktop.services import demo
from crm_desktop.services.backups import create_backup, prepare_restore
from crm_desktop.services.backups.restore_checks import MODIFIED, NO_CHECKSUM
from crm_desktop.services.check import find_invalid_text

FILES = 300
SEED = 20261205


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, as stored (text as bytes), and the schema."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.text_factory = bytes
    try:
        tables = [
            row[0].decode()
            for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        found = {
            table: sorted(conn.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
            for table in tables
        }
        found["schema"] = sorted(conn.execute("SELECT * FROM sqlite_master").fetchall())
        return found
    finally:
        conn.close()


def mutate(data: bytes, rng: random.Random, page_size: int) -> tuple[str, bytes]:
    """One damaged copy of ``data`` and the name of what was done to it."""
    out = bytearray(data)
    kind = rng.choice(["flip", "flip", "header", "schema page", "run", "zero page", "truncate"])
    if kind == "flip":
        for _ in range(rng.randint(1, 3)):
            out[rng.randrange(len(out))] = rng.randrange(256)
    elif kind == "header":
        out[rng.randrange(100)] = rng.randrange(256)
    elif kind == "schema page":
        out[rng.randrange(100, page_size)] = rng.randrange(256)
    elif kind == "run":
        start = rng.randrange(len(out) - 16)
        out[start : start + 16] = rng.randbytes(16)
    elif kind == "zero page":
        page = rng.randrange(len(out) // page_size)
        out[page * page_size : (page + 1) * page_size] = bytes(page_size)
    else:
        del out[rng.randrange(1, len(out)) :]
    return kind, bytes(out)


def test_no_mutated_backup_is_accepted_with_other_data_unless_the_user_is_warned(db, tmp_path):
    demo.generate(customers=25, seed=7)
    good = create_backup(db, output=tmp_path / "good.sqlite3").path
    original = dump(good)
    data = good.read_bytes()
    page_size = int.from_bytes(data[16:18], "big")
    sidecar = good.with_name(good.name + ".sha256").read_text(encoding="utf-8")
    rng = random.Random(SEED)
    outcomes: Counter[str] = Counter()
    silent_without_checksum = []
    for number in range(FILES):
        kind, mutated = mutate(data, rng, page_size)
        with_checksum = number % 2 == 0
        folder = tmp_path / f"m{number}"
        folder.mkdir()
        mutant = folder / good.name
        mutant.write_bytes(mutated)
        if with_checksum:
            (folder / (good.name + ".sha256")).write_text(sidecar, encoding="utf-8")
        try:
            prepared = prepare_restore(mutant, db)
        except CrmError:
            outcomes["refused"] += 1
            shutil.rmtree(folder)
            continue
        try:
            kinds = {warning.kind for warning in prepared.warnings}
            changed = dump(prepared.work) != original
            conn = sqlite3.connect(prepared.work)
            try:
                assert find_invalid_text(conn) == [], (number, kind)
                assert differences(objects_of(conn)) == [], (number, kind)
            finally:
                conn.close()
        finally:
            prepared.discard()
        shutil.rmtree(folder)
        if mutated != data:
            # Any change to a file with a checksum is told, whatever the checks thought of it.
            assert not with_checksum or MODIFIED in kinds, (number, kind)
        if changed:
            assert kinds, (number, kind, "accepted with other data and no warning")
            if not with_checksum:
                assert NO_CHECKSUM in kinds
                silent_without_checksum.append((number, kind))
        outcomes["accepted, other data, warned" if changed else "accepted, same data"] += 1
    print(f"\n{FILES} mutated backups: {dict(outcomes)}")
    print(f"accepted with other data, only 'no checksum' to warn: {silent_without_checksum}")
    # The checks themselves refuse much of it (most other bytes fall in unused space).
    assert outcomes["refused"] > FILES // 3
