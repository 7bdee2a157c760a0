"""What a file holds once read: a header and rows of text cells, whatever the format was.

CSV, xlsx and vCard readers all produce a :class:`Table`, so mapping,
validation and the import itself never care where the rows came from. Each
row remembers the line (or sheet row, or card) it came from, and rows that
could not even be read (an unterminated quote) are kept as
:class:`ReadProblem` so that they are listed and saved with the refused rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# "Notes (continued)", "Notes (continued 2)": our xlsx exports split text longer than a cell.
_CONTINUED = re.compile(r"^(?P<base>.+?) \(continued(?: (?P<n>\d+))?\)$")


@dataclass
class SourceRow:
    """One row of the file: where it starts (line, sheet row or card) and its cells."""

    line: int
    cells: list[str]
    raw: str | None = None  # a vCard's whole text (its refused-rows entry holds it)


@dataclass
class ReadProblem:
    """A row that could not be read at all, with the reason and its raw cells."""

    line: int
    message: str
    cells: list[str]
    raw: str | None = None


@dataclass
class Table:
    """A file's columns and rows as text, and how it was read."""

    headers: list[str]
    rows: list[SourceRow]
    problems: list[ReadProblem] = field(default_factory=list)
    format: str = "CSV"
    details: str = ""
    has_header: bool = True
    preset: str | None = None  # the preset this format implies (vCards: "vcard")
    skipped_lines: int = 0  # title lines before the header, blank lines
    preamble: list[str] = field(default_factory=list)  # the text of those title lines
    encoding: str | None = None  # the codec a text file was read with (None: xlsx)
    encoding_label: str = ""
    # What a format holds that has no column (vCard photos, keys…): name → how many.
    left_out: dict[str, int] = field(default_factory=dict)

    @property
    def width(self) -> int:
        return len(self.headers)

    def column(self, index: int, limit: int = 20) -> list[str]:
        """The first non-empty values of one column (content sniffing, previews)."""
        values = []
        for row in self.rows:
            if index < len(row.cells) and row.cells[index].strip():
                values.append(row.cells[index])
                if len(values) >= limit:
                    break
        return values


def join_continued_columns(table: Table) -> Table:
    """Glue "X (continued N)" columns back onto column X (text split over xlsx cells)."""
    bases: dict[int, list[int]] = {}
    names = {name: index for index, name in enumerate(table.headers)}
    for index, name in enumerate(table.headers):
        found = _CONTINUED.match(name)
        if found and found.group("base") in names:
            bases.setdefault(names[found.group("base")], []).append(index)
    if not bases:
        return table
    dropped = {i for extra in bases.values() for i in extra}
    keep = [i for i in range(len(table.headers)) if i not in dropped]

    def glue(cells: list[str]) -> list[str]:
        out = []
        for i in keep:
            value = cells[i] if i < len(cells) else ""
            for extra in bases.get(i, ()):
                value += cells[extra] if extra < len(cells) else ""
            out.append(value)
        return out

    table.headers = [table.headers[i] for i in keep]
    for row in table.rows:
        row.cells = glue(row.cells)
    return table
