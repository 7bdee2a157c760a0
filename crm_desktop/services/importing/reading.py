"""Opening an import file of any supported kind and finding its header row.

:func:`read_file` tells the format by the file name and its first bytes
(xlsx is a zip file, a vCard starts with ``BEGIN:VCARD``, anything else is
read as delimited text), and returns a :class:`~.table.Table`.

The header is the first row whose width matches the data's (the most common
width over the whole file) and that names at least two columns; title
lines, Excel's ``sep=`` line and ``#`` comment lines above it are skipped
and kept in :attr:`Table.preamble` so the wizard can show them. Among such
rows near the top, one made of known header names wins. A file whose first
such row looks like data (emails, phone numbers) has no header. Rows whose
number of values does not fit the header cannot be read and are refused
here, with their line.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from crm_desktop.errors import CrmError
from crm_desktop.i18n import _
from crm_desktop.services.importing import csvfile, encoding, mapping, vcard, xlsxfile
from crm_desktop.services.importing.table import (
    ReadProblem,
    SourceRow,
    Table,
    join_continued_columns,
)

MAX_FILE_BYTES = 1 << 30  # 1 GiB: far beyond any address book, short of exhausting memory
HEADER_SEARCH_ROWS = 20


def read_file(
    path: str | Path,
    *,
    entity: str | None = None,
    text_encoding: str = "auto",
    delimiter: str | None = None,
    locale_name: str | None = None,
) -> Table:
    """The rows of a CSV, xlsx or vCard file; CrmError when it cannot be read at all.

    ``text_encoding`` is ``auto`` (detected) or a codec name; ``locale_name``
    (the ``locale`` setting) breaks ties between code pages.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise CrmError(_("{path} does not exist.").format(path=path)) from None
    except OSError as exc:
        raise CrmError(
            _("Cannot read {path}: {value}.").format(path=path, value=exc.strerror or exc)
        ) from None
    if path.is_dir():
        raise CrmError(_("{path} is a folder, not a file.").format(path=path))
    if size > MAX_FILE_BYTES:
        raise CrmError(
            _("{name} is {value:.1f} GB; files up to 1 GB can be imported.").format(
                name=path.name, value=size / 2**30
            )
        )
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise CrmError(
            _(
                "{name} is an old Excel 97–2003 workbook. Save it from Excel as .xlsx (or as "
                "CSV) and import that file."
            ).format(name=path.name)
        )
    try:
        with path.open("rb") as handle:
            head = handle.read(4)
        if suffix in (".xlsx", ".xlsm") or head == b"PK\x03\x04":
            title, rows = xlsxfile.read_sheet(path)
            table = _with_header(rows, entity, problems=[], pad=True)
            table.format = "Excel"
            table.details = f"sheet “{title}”"
            return join_continued_columns(table)
        data = path.read_bytes()
    except PermissionError:
        raise CrmError(_("Cannot read {path}: permission denied.").format(path=path)) from None
    return read_bytes(
        data,
        entity=entity,
        text_encoding=text_encoding,
        delimiter=delimiter,
        vcard_hint=suffix in (".vcf", ".vcard"),
        locale_name=locale_name,
    )


def read_bytes(
    data: bytes,
    *,
    entity: str | None = None,
    text_encoding: str = "auto",
    delimiter: str | None = None,
    vcard_hint: bool = False,
    locale_name: str | None = None,
) -> Table:
    """The rows of delimited text or vCards given as bytes."""
    if vcard_hint or vcard.looks_like_vcard_bytes(data):
        table = vcard.read_vcards(data, text_encoding=text_encoding, locale_name=locale_name)
        return table
    decoded = encoding.decode_as(data, text_encoding, locale_name=locale_name)
    text = decoded.text.lstrip("\ufeff")
    if "\x00" in text and text.count("\x00") > len(text) // 4:
        raise CrmError(
            _("This file is not text (it holds binary data); choose a CSV, xlsx or vCard file.")
        )
    lines = csvfile.split_lines(text)
    start = 1 if csvfile.sep_line(lines) else 0
    chosen = delimiter or csvfile.sep_line(lines) or csvfile.sniff_delimiter(lines[start:])
    spaced = csvfile.spaced_delimiters(lines[start:], chosen)
    # One pass over the whole file; a second only when a multi-line record has the wrong
    # width (an unterminated quote swallowed the lines after it).
    items = list(csvfile.read_records(lines, chosen, start=start, skip_spaces=spaced))
    width = csvfile.row_width(items)
    if width and csvfile.suspicious(items, width):
        items = list(csvfile.read_records(lines, chosen, width, start=start, skip_spaces=spaced))
    rows: list[SourceRow] = []
    problems: list[ReadProblem] = []
    for item in items:
        if isinstance(item, ReadProblem):
            problems.append(item)
        elif not csvfile.blank(item.cells):
            rows.append(item)
    table = _with_header(rows, entity, problems)
    table.format = "CSV"
    table.details = f"{_(decoded.label)}, {_(csvfile.SEPARATED[chosen])}"
    table.encoding = decoded.encoding
    table.encoding_label = decoded.label
    return join_continued_columns(table)


def _score(entity: str | None, cells: list[str]) -> int:
    entities = [entity] if entity else list(mapping.TARGETS)
    return max(mapping.header_score(e, cells) for e in entities)


def _filled(cells: Sequence[str]) -> int:
    return sum(1 for cell in cells if cell.strip())


def _is_comment(cells: Sequence[str]) -> bool:
    first = cells[0].strip() if cells else ""
    return first.startswith("#") and len(first) > 1 and not first[1:].isalnum()


def _data_width(rows: Sequence[SourceRow]) -> int:
    widths = Counter(len(row.cells) for row in rows)
    return max(widths, key=lambda w: (widths[w], w))


def _header_index(rows: Sequence[SourceRow], entity: str | None, pad: bool) -> int:
    """Which row is the header (-1: the file has none)."""
    width = _data_width(rows)
    need = min(2, width)
    candidates = []
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        # A sheet drops the empty cells at the end of a row: its header may be wider.
        fits = len(row.cells) >= width * 0.5 if pad else len(row.cells) == width
        if fits and _filled(row.cells) >= need and not _is_comment(row.cells):
            candidates.append(index)
    if not candidates:
        return -1 if any(mapping.looks_like_data(c) for c in rows[0].cells) else 0
    first = candidates[0]
    scores = {index: _score(entity, rows[index].cells) for index in candidates}
    best = max(candidates, key=lambda i: (scores[i], -i))
    if scores[best] > 0:
        return best
    cells = rows[first].cells
    if sum(1 for c in cells if mapping.looks_like_data(c)) * 2 >= max(_filled(cells), 1):
        return -1
    if any(mapping.looks_like_email(c) for c in cells):
        return -1
    return first


def _with_header(
    rows: list[SourceRow], entity: str | None, problems: list[ReadProblem], *, pad: bool = False
) -> Table:
    """Find the header among the first rows, then check every row's width against it.

    ``pad``: short rows are filled with empty cells (a sheet has no "missing
    separator"; its empty cells at the end of a row are simply not stored).
    """
    if not rows:
        return Table(headers=[], rows=[], problems=problems, has_header=False)
    header_index = _header_index(rows, entity, pad)
    if header_index >= 0:
        headers = [c.strip().lstrip("\ufeff") for c in rows[header_index].cells]
        body = rows[header_index + 1 :]
        has_header = True
        preamble = [
            " ".join(c.strip() for c in row.cells if c.strip()) for row in rows[:header_index]
        ]
    else:
        width = max(len(row.cells) for row in rows) if pad else _data_width(rows)
        headers = [f"Column {i}" for i in range(1, width + 1)]
        body = rows
        has_header = False
        preamble = []
    headers = _unique(headers)
    width = len(headers)
    kept: list[SourceRow] = []
    for row in body:
        cells = row.cells
        if len(cells) > width and not any(c.strip() for c in cells[width:]):
            cells = cells[:width]
        if pad and len(cells) < width:
            cells = cells + [""] * (width - len(cells))
        if len(cells) < width:
            problems.append(
                ReadProblem(
                    row.line,
                    f"too few values: {len(cells)}, the header has {width} "
                    "columns (a missing separator?)",
                    cells,
                )
            )
        elif len(cells) > width:
            problems.append(
                ReadProblem(
                    row.line,
                    f"too many values: {len(cells)}, the header has {width} "
                    "columns (a separator inside a value that is not in quotes?)",
                    cells,
                )
            )
        else:
            row.cells = cells
            kept.append(row)
    problems.sort(key=lambda p: p.line)
    return Table(
        headers=headers,
        rows=kept,
        problems=problems,
        has_header=has_header,
        skipped_lines=max(header_index, 0),
        preamble=preamble,
    )


def _unique(headers: list[str]) -> list[str]:
    seen: Counter[str] = Counter()
    out = []
    for index, header in enumerate(headers):
        name = header or f"Column {index + 1}"
        seen[name] += 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return out
