"""The country an import reads phone numbers without a ``+code`` in.

In order:

1. the command line's ``--region`` (or the wizard's choice);
2. the ``phone_region`` setting, when the user set it;
3. otherwise the file's own: the regions its ``+``-prefixed numbers carry
   (the most common first), the script of its text (Cyrillic → RU, Greek →
   GR, Hangul → KR, kana → JP, Han → CN…) and its emails' country domains
   (``.de`` → DE) are the candidates, and the one under which most of the
   file's national numbers are valid wins — a German file with a few
   American customers still reads ``0171 1234567`` in Germany;
4. nothing to go by: the default of the setting (the system's locale).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import phonenumbers

from crm_desktop.i18n import N_
from crm_desktop.models import database
from crm_desktop.services import settings
from crm_desktop.services.importing.table import Table

SAMPLE_ROWS = 5000
SAMPLE_NATIONAL = 300
_PHONE_TARGETS = ("phone", "contact_phone")
_SCRIPT_REGIONS = (
    # (lowest, highest code point, region)
    (0x0370, 0x03FF, "GR"),
    (0x0590, 0x05FF, "IL"),
    (0x0E00, 0x0E7F, "TH"),
    (0x0530, 0x058F, "AM"),
    (0x10A0, 0x10FF, "GE"),
    (0xAC00, 0xD7AF, "KR"),
    (0x3040, 0x30FF, "JP"),
    (0x4E00, 0x9FFF, "CN"),
    (0x0400, 0x04FF, "RU"),
)
_CYRILLIC_OF = {"і": "UA", "ї": "UA", "є": "UA", "ґ": "UA", "ў": "BY", "ә": "KZ", "қ": "KZ"}
_DOMAIN_REGIONS = {"uk": "GB", "su": "RU"}


@dataclass(frozen=True)
class RegionChoice:
    """The region an import uses and why (the wizard and the CLI say it)."""

    region: str
    why: str


def stored_region() -> str | None:
    """The ``phone_region`` setting when the user set it (None: only its default)."""
    row = database.execute_sql("SELECT value FROM setting WHERE key = 'phone_region'").fetchone()
    return row[0].upper() if row and row[0] else None


def choose_region(
    table: Table, mapping: Sequence[str | None], override: str | None = None
) -> RegionChoice:
    """The phone region for importing ``table`` with ``mapping`` (see the module docstring)."""
    if override:
        return RegionChoice(override.upper(), N_("chosen for this import"))
    stored = stored_region()
    if stored:
        return RegionChoice(stored, N_("the phone region setting"))
    guessed = guess_region(table, mapping)
    if guessed:
        return RegionChoice(guessed, N_("guessed from the file"))
    return RegionChoice(settings.default("phone_region"), N_("this computer's locale"))


def _phone_values(table: Table, mapping: Sequence[str | None]) -> list[str]:
    columns = [i for i, key in enumerate(mapping) if key in _PHONE_TARGETS]
    values: list[str] = []
    for row in table.rows[:SAMPLE_ROWS]:
        for index in columns:
            if index < len(row.cells) and row.cells[index].strip():
                values.extend(v.strip() for v in row.cells[index].split(" ::: ") if v.strip())
    return values


def _script_region(table: Table) -> str | None:
    counts: Counter[str] = Counter()
    for row in table.rows[:SAMPLE_ROWS]:
        for cell in row.cells:
            if cell.isascii():
                continue
            for ch in cell:
                code = ord(ch)
                if code < 0x0370:
                    continue
                if ch in _CYRILLIC_OF:
                    counts[_CYRILLIC_OF[ch]] += 50  # one letter of its own tells the language
                for low, high, region in _SCRIPT_REGIONS:
                    if low <= code <= high:
                        counts[region] += 1
                        break
    if not counts:
        return None
    if counts.get("JP") and counts.get("CN"):  # Japanese writes Han with kana
        counts["JP"] += counts.pop("CN")
    if counts.get("RU") and (counts.get("UA") or counts.get("BY") or counts.get("KZ")):
        for other in ("UA", "BY", "KZ"):
            if counts.get(other):
                counts[other] += counts["RU"]
        del counts["RU"]
    return counts.most_common(1)[0][0]


def _domain_regions(table: Table) -> list[str]:
    counts: Counter[str] = Counter()
    for row in table.rows[:SAMPLE_ROWS]:
        for cell in row.cells:
            if "@" not in cell:
                continue
            tail = cell.strip().rsplit(".", 1)[-1].lower()
            region = _DOMAIN_REGIONS.get(tail, tail.upper())
            if len(tail) == 2 and tail.isalpha() and region in phonenumbers.SUPPORTED_REGIONS:
                counts[region] += 1
    return [region for region, _n in counts.most_common(3)]


def guess_region(table: Table, mapping: Sequence[str | None]) -> str | None:
    """The region a file's numbers are written for, or None when it gives no hint."""
    phones = _phone_values(table, mapping)
    international: Counter[str] = Counter()
    national: list[str] = []
    for value in phones:
        text = value[4:] if value.lower().startswith("tel:") else value
        if text.startswith(("+", "00")):
            try:
                number = phonenumbers.parse("+" + text[2:] if text.startswith("00") else text)
            except phonenumbers.NumberParseException:
                continue
            region = phonenumbers.region_code_for_number(number)
            if region and region != "001":
                international[region] += 1
        elif len(national) < SAMPLE_NATIONAL:
            national.append(text)
    candidates: list[str] = [region for region, _n in international.most_common(3)]
    script = _script_region(table)
    for region in [script, *_domain_regions(table)]:
        if region and region not in candidates:
            candidates.append(region)
    if not candidates:
        return None
    if not national:
        return candidates[0]
    fallback = settings.default("phone_region")
    if fallback not in candidates:
        candidates.append(fallback)

    def valid_under(region: str) -> int:
        count = 0
        for text in national:
            try:
                if phonenumbers.is_valid_number(phonenumbers.parse(text, region)):
                    count += 1
            except phonenumbers.NumberParseException:
                continue
        return count

    scores = {region: valid_under(region) for region in candidates}
    best = max(candidates, key=lambda r: (scores[r], -candidates.index(r)))
    return best if scores[best] else candidates[0]
