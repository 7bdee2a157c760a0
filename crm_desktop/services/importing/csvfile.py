"""Reading CSV strictly: every row is read or refused with its line number, never lost.

Python's ``csv`` module does the parsing (fast, correct quoting). Around it:

* the **delimiter** is Excel's ``sep=;`` line when there is one; otherwise
  ``,`` ``;`` tab and ``|`` each split the *whole* file, and the one under
  which the most records share one width (two fields or more) wins — a
  quoted note of 30 lines anywhere in the file cannot fool it;
* **a space after the delimiter** (``Name, Email``) is skipped when the
  file writes its delimiters that way, and a space after a closing quote
  (``"Smith" ,``) is read as part of the value (the fields' parsers trim it);
* **the row shape** (how many fields a row has) is the most common width
  over the whole file. A record that spans several lines and has another
  width is an unterminated quote: it is refused at the line where it began,
  and reading starts again on the next line — so a real multi-line note
  still reads as one field;
* fields may be as long as the file (the module's limit is raised), so a
  100,000-character note is read whole;
* a cell that our exports protected from spreadsheets (``'=…``) gets its
  text back.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections import Counter
from collections.abc import Iterator, Sequence

from crm_desktop.i18n import N_
from crm_desktop.services.cells import from_csv_cell
from crm_desktop.services.importing.table import ReadProblem, SourceRow

DELIMITERS = (",", ";", "\t", "|")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "bar"}
# How the import wizard describes a file's delimiter (translated where shown).
SEPARATED = {
    ",": N_("comma-separated"),
    ";": N_("semicolon-separated"),
    "\t": N_("tab-separated"),
    "|": N_("bar-separated"),
}

# As long as a file can be: long fields are checked by the fields' parsers instead.
csv.field_size_limit(2**31 - 1)


def split_lines(text: str) -> list[str]:
    """Physical lines with their endings (``\\r\\n``, ``\\n`` or ``\\r``)."""
    return list(io.StringIO(text, newline=""))


def sep_line(lines: Sequence[str]) -> str | None:
    """The delimiter Excel's ``sep=;`` first line names, if the file has one."""
    if lines:
        first = lines[0].strip().lstrip("\ufeff").strip('"')
        if len(first) == 5 and first.lower().startswith("sep=") and first[4] in DELIMITERS:
            return first[4]
    return None


def _shape(lines: Sequence[str], delimiter: str) -> tuple[float, int]:
    """(the share of records that have the most common width, that width) when the whole
    file is split so; widths of one field do not count as a shape."""
    widths: Counter[int] = Counter()
    total = 0
    try:
        for record in csv.reader(lines, delimiter=delimiter):
            if any(cell.strip() for cell in record):
                total += 1
                widths[len(record)] += 1
    except csv.Error:
        pass
    regular = {width: n for width, n in widths.items() if width >= 2}
    if not regular or not total:
        return 0.0, 0
    width = max(regular, key=lambda w: (regular[w], w))
    return regular[width] / total, width


def sniff_delimiter(lines: Sequence[str]) -> str:
    """The delimiter among ``,`` ``;`` tab ``|`` that splits the whole file most regularly.

    The share of records with the most common width decides (a semicolon in
    every line of a comma file's long note gives many records of two fields,
    but the header is one record of one field: less regular than the comma's
    split); ties go to the wider split, then to comma, semicolon, tab, bar.
    """
    candidates = [d for d in DELIMITERS if any(d in line for line in lines)]
    if len(candidates) <= 1:
        return candidates[0] if candidates else ","
    best = (",", (-1.0, 0))
    for delimiter in candidates:
        score = _shape(lines, delimiter)
        if score > best[1]:
            best = (delimiter, score)
    return best[0]


def spaced_delimiters(lines: Sequence[str], delimiter: str) -> bool:
    """True when the file writes a space after its delimiters (``Name, Email, Phone``).

    Judged on the first lines: when most delimiters there are followed by a
    space, leading spaces of fields are layout, not data.
    """
    sample = "".join(lines[:20])
    total = sample.count(delimiter)
    return total > 0 and sample.count(delimiter + " ") * 2 > total


def row_width(rows: Sequence[SourceRow | ReadProblem]) -> int:
    """The most common number of fields of the file's records (0: none)."""
    widths: Counter[int] = Counter(
        len(item.cells) for item in rows if isinstance(item, SourceRow) and not blank(item.cells)
    )
    if not widths:
        return 0
    return max(widths, key=lambda w: (widths[w], w))


def suspicious(rows: Sequence[SourceRow | ReadProblem], width: int) -> bool:
    """Whether a record with a line break in a cell has another width than the file's."""
    return any(
        isinstance(item, SourceRow)
        and len(item.cells) != width
        and any(("\n" in cell or "\r" in cell) for cell in item.cells)
        for item in rows
    )


def read_records(
    lines: Sequence[str],
    delimiter: str,
    expected: int | None = None,
    *,
    start: int = 0,
    skip_spaces: bool = False,
) -> Iterator[SourceRow | ReadProblem]:
    """Rows of the file from line index ``start``; broken rows come out as ReadProblem.

    ``expected`` is the file's row width: a record that spans lines and has
    another number of fields is taken for an unterminated quote.
    """
    position = start
    total = len(lines)
    while position < total:
        reader = csv.reader(
            itertools.islice(lines, position, None),
            delimiter=delimiter,
            strict=True,
            skipinitialspace=skip_spaces,
        )
        consumed = 0
        restart: int | None = None
        try:
            for record in reader:
                first = position + consumed
                consumed = reader.line_num
                spans = position + consumed - first
                if spans > 1 and _unterminated(record, spans, expected):
                    yield _problem(lines, first, delimiter, "a quote opened here is never closed")
                    restart = first + 1
                    break
                yield SourceRow(first + 1, _cells(record))
        except csv.Error as exc:
            first = position + consumed
            if "expected after" in str(exc):
                # A space (or anything) after a closing quote: read that one record leniently.
                lenient = _lenient(lines, first, delimiter, skip_spaces, expected)
                if lenient is not None:
                    record, used = lenient
                    yield SourceRow(first + 1, _cells(record))
                    position = first + used
                    continue
            yield _problem(lines, first, delimiter, _explain(str(exc)))
            restart = first + 1
        if restart is None:
            return
        position = restart


def blank(cells: Sequence[str]) -> bool:
    """Whether a row's cells hold nothing but white space (one C-speed test, not a loop)."""
    return not "".join(cells).strip()


def _cells(record: list[str]) -> list[str]:
    if "'" not in "".join(record):  # the common case: no cell to unquote
        return record
    return [from_csv_cell(c) if c[:1] == "'" else c for c in record]


def _unterminated(record: list[str], spans: int, expected: int | None) -> bool:
    return (
        spans > 1
        and expected is not None
        and len(record) != expected
        and any(("\n" in cell or "\r" in cell) for cell in record)
    )


def _lenient(
    lines: Sequence[str], first: int, delimiter: str, skip_spaces: bool, expected: int | None
) -> tuple[list[str], int] | None:
    """One record read without strict quoting, and how many lines it took; None if odd."""
    reader = csv.reader(
        itertools.islice(lines, first, None),
        delimiter=delimiter,
        strict=False,
        skipinitialspace=skip_spaces,
    )
    try:
        record = next(reader)
    except (StopIteration, csv.Error):
        return None
    used = reader.line_num
    if _unterminated(record, used, expected) or (expected and len(record) != expected):
        return None
    return [cell.rstrip(" ") if cell.endswith(" ") else cell for cell in record], used


def _explain(message: str) -> str:
    if "unexpected end of data" in message or "EOF" in message:
        return "a quote opened here is never closed"
    if "expected after" in message:
        return 'a quote closes in the middle of a value (write a quote inside a value as "")'
    return f"this line cannot be read as CSV ({message})"


def _problem(lines: Sequence[str], index: int, delimiter: str, message: str) -> ReadProblem:
    raw = lines[index].rstrip("\r\n")
    return ReadProblem(index + 1, message, raw.split(delimiter))
