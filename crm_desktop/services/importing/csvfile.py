"""Reading CSV strictly: every row is read or refused with its line number, never lost.

Python's ``csv`` module does the parsing (fast, correct quoting). Around it:

* the delimiter is sniffed among ``,`` ``;`` and tab (the one that gives the
  most rows with the header's number of fields), and Excel's ``sep=;`` line
  is obeyed;
* an unterminated quote does not swallow the rest of the file: a record
  that spans several lines and then fails (a parse error, the end of the file,
  or the wrong number of fields) is refused at the line where it began, and
  reading starts again on the next line — so a real multi-line note still
  reads as one field;
* fields may be as long as the file (the module's limit is raised), so a
  100,000-character note is read, and a field too long for its column is
  refused later with a message by the field's own parser;
* a cell that our exports protected from spreadsheets (``'=…``) gets its
  text back.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterator

from crm_desktop.reports.cells import from_csv_cell
from crm_desktop.services.importing.table import ReadProblem, SourceRow

DELIMITERS = (",", ";", "\t")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}

# As long as a file can be: long fields are checked by the fields' parsers instead.
csv.field_size_limit(2**31 - 1)


def split_lines(text: str) -> list[str]:
    """Physical lines with their endings (``\\r\\n``, ``\\n`` or ``\\r``)."""
    return list(io.StringIO(text, newline=""))


def sep_line(lines: list[str]) -> str | None:
    """The delimiter Excel's ``sep=;`` first line names, if the file has one."""
    if lines:
        first = lines[0].strip().lstrip("\ufeff")
        if len(first) == 5 and first.lower().startswith("sep=") and first[4] in DELIMITERS:
            return first[4]
    return None


def sniff_delimiter(lines: list[str]) -> str:
    """The delimiter among ``,`` ``;`` tab that makes the first rows most regular.

    Each candidate splits the first rows; the one whose most common row width
    (at least two fields) occurs most often wins, ties going to the wider split
    and then to the order comma, semicolon, tab.
    """
    sample = lines[:60]
    best = (",", (-1, 0))
    for delimiter in DELIMITERS:
        counts: list[int] = []
        try:
            for record in csv.reader(sample, delimiter=delimiter):
                if any(cell.strip() for cell in record):
                    counts.append(len(record))
                if len(counts) >= 30:
                    break
        except csv.Error:
            pass
        widths = [n for n in counts if n >= 2]
        if not widths:
            score = (0, 0)
        else:
            # The most common width (title lines above a header have one field).
            mode = max(set(widths), key=lambda n: (widths.count(n), n))
            score = (widths.count(mode), mode)
        if score > best[1]:
            best = (delimiter, score)
    return best[0]


def read_records(
    lines: list[str], delimiter: str, expected: int | None = None, *, start: int = 0
) -> Iterator[SourceRow | ReadProblem]:
    """Rows of the file from line index ``start``; broken rows come out as ReadProblem.

    ``expected`` is the header's number of fields: a record that spans lines
    and has another number of fields is taken for an unterminated quote.
    """
    position = start
    total = len(lines)
    while position < total:
        reader = csv.reader(
            itertools.islice(lines, position, None), delimiter=delimiter, strict=True
        )
        consumed = 0
        restart: int | None = None
        try:
            for record in reader:
                first = position + consumed
                consumed = reader.line_num
                spans = position + consumed - first
                if (
                    spans > 1
                    and expected is not None
                    and len(record) != expected
                    and any(("\n" in cell or "\r" in cell) for cell in record)
                ):
                    yield _problem(lines, first, delimiter, "a quote opened here is never closed")
                    restart = first + 1
                    break
                yield SourceRow(
                    first + 1, [from_csv_cell(c) if c[:1] == "'" else c for c in record]
                )
        except csv.Error as exc:
            first = position + consumed
            yield _problem(lines, first, delimiter, _explain(str(exc)))
            restart = first + 1
        if restart is None:
            return
        position = restart


def _explain(message: str) -> str:
    if "unexpected end of data" in message or "EOF" in message:
        return "a quote opened here is never closed"
    if "expected after" in message:
        return 'a quote closes in the middle of a value (write a quote inside a value as "")'
    return f"this line cannot be read as CSV ({message})"


def _problem(lines: list[str], index: int, delimiter: str, message: str) -> ReadProblem:
    raw = lines[index].rstrip("\r\n")
    return ReadProblem(index + 1, message, raw.split(delimiter))
