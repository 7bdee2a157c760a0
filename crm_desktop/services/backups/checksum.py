"""A backup's checksum: written when it is made, compared before it is restored or verified.

A backup's SHA-256 goes into its record (the JSON file beside it); a backup
written with ``-o FILE`` has no record, so its checksum goes into
``FILE.sha256`` beside it, in the format of ``sha256sum`` (so
``sha256sum -c FILE.sha256`` checks it too). A file whose bytes no longer
match was changed since it was made: by a tool, by a disk going bad, by
someone. The checks before a restore still run on every file; the checksum is
what tells a file that passes them but holds other data than was backed up.

It proves the file unchanged, not who made it: whoever can change the file
can change the checksum beside it. What a file can do to the data is
bounded by the restore's own checks (schema, integrity, constraints, text).
"""

from __future__ import annotations

import contextlib
import hashlib
import mmap
from pathlib import Path
from typing import Literal

from crm_desktop.safe_files import write_bytes

SIDECAR_SUFFIX = ".sha256"
ALGORITHM = "sha256"

Verdict = Literal["unchanged", "modified", "none"]


def new_hash() -> hashlib._Hash:
    return hashlib.sha256()


def file_digest(path: Path) -> str:
    """The SHA-256 of the file at ``path``, read through a memory map (hashlib frees the GIL)."""
    digest = new_hash()
    with open(path, "rb") as handle:
        try:
            with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
                digest.update(mapped)
        except ValueError:  # an empty file cannot be mapped
            digest.update(handle.read())
    return digest.hexdigest()


def sidecar_of(backup: Path) -> Path:
    return backup.with_name(backup.name + SIDECAR_SUFFIX)


def write_sidecar(backup: Path, digest: str) -> None:
    """``<digest>  <name>``: what ``sha256sum`` writes and reads."""
    write_bytes(sidecar_of(backup), f"{digest}  {backup.name}\n".encode(), private=True)


def read_sidecar(backup: Path) -> str | None:
    """The checksum in ``backup.sha256``, or None when there is none (or it names another file)."""
    try:
        text = sidecar_of(backup).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    for line in text.splitlines():
        digest, _, name = line.partition("  ")
        name = name.lstrip("*")
        if name == backup.name and len(digest) == 64:
            with contextlib.suppress(ValueError):
                int(digest, 16)
                return digest.lower()
    return None


def verdict(recorded: str | None, actual: str) -> Verdict:
    if not recorded:
        return "none"
    return "unchanged" if recorded.lower() == actual.lower() else "modified"
