"""Which text encoding a file is in, decided by a fixed rule that can be explained.

The rule, in order (the first that applies wins):

1. A byte-order mark says it: UTF-8 (``EF BB BF``), UTF-16 LE/BE (``FF FE`` /
   ``FE FF``), UTF-32 LE/BE. The mark is removed, so it never ends up in the
   first header's name.
2. No mark, but every other byte of the start is NUL: UTF-16 without a mark
   (LE when the NULs come second, BE when they come first).
3. The bytes are valid UTF-8: UTF-8 (plain ASCII is valid UTF-8 too).
4. Windows-1251, as Russian Excel writes "CSV": letters coded as bytes
   0xC0–0xFF (and 0xA8/0xB8 for Ё/ё) that mostly stand in runs of three or
   more — whole Cyrillic words. (Western Latin-1 text has an accented letter
   here and there between ASCII letters, almost never three in a row, so the
   two cannot be confused.)
5. Otherwise Latin-1 — decoded as Windows-1252, its superset that Windows
   writes (curly quotes, €), with the five bytes 1252 leaves undefined read as
   Latin-1. Every byte decodes, so nothing is ever refused at this step.

The decision reads the whole file, so the same bytes always give the same answer.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8 with BOM"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 (little-endian)"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 (big-endian)"),
)

# Cyrillic letters of Windows-1251: А–я (0xC0–0xFF), Ё (0xA8), ё (0xB8).
_CP1251_LETTER_RUN = re.compile(rb"[\xc0-\xff\xa8\xb8]+")
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")


@dataclass(frozen=True)
class Decoded:
    """A file's text and how it was read (``label`` is what the wizard shows)."""

    text: str
    encoding: str
    label: str


def _latin1_fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return bytes(bad).decode("latin-1"), error.end


codecs.register_error("crm-latin1", _latin1_fallback)


def looks_like_cp1251(data: bytes) -> bool:
    """True when the non-ASCII bytes are mostly whole Cyrillic words in Windows-1251."""
    high = len(_HIGH_BYTE.findall(data))
    if not high:
        return False
    in_words = sum(len(run) for run in _CP1251_LETTER_RUN.findall(data) if len(run) >= 3)
    return in_words * 2 > high


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 8:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.7 * half and even_nuls < 0.1 * half:
        return "utf-16-le"
    if even_nuls > 0.7 * half and odd_nuls < 0.1 * half:
        return "utf-16-be"
    return None


def decode(data: bytes) -> Decoded:
    """The text of ``data`` by the rule in this module's docstring."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(codec), codec, label)
            except UnicodeDecodeError as exc:
                # A mark followed by something else: read what can be read, say so.
                text = data[len(bom) :].decode(codec, errors="replace")
                return Decoded(text, codec, f"{label} (with undecodable bytes at {exc.start:,})")
    codec16 = _utf16_without_bom(data)
    if codec16 is not None:
        try:
            return Decoded(data.decode(codec16), codec16, "UTF-16 (no BOM)")
        except UnicodeDecodeError:
            pass
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "UTF-8")
    except UnicodeDecodeError:
        pass
    if looks_like_cp1251(data):
        return Decoded(data.decode("cp1251", errors="crm-latin1"), "cp1251", "Windows-1251")
    return Decoded(data.decode("cp1252", errors="crm-latin1"), "cp1252", "Latin-1 (Windows-1252)")


ENCODINGS = {
    "utf-8": "UTF-8",
    "utf-16": "UTF-16",
    "cp1251": "Windows-1251",
    "cp1252": "Latin-1 (Windows-1252)",
}


def decode_as(data: bytes, encoding: str) -> Decoded:
    """The text of ``data`` in an encoding the user chose (BOMs still removed)."""
    if encoding == "auto":
        return decode(data)
    for bom, _codec, _label in _BOMS:
        if data.startswith(bom) and encoding.startswith("utf"):
            return decode(data)
    text = data.decode(encoding, errors="crm-latin1" if encoding.startswith("cp") else "replace")
    return Decoded(text.lstrip("\ufeff"), encoding, ENCODINGS.get(encoding, encoding))
