"""Opening an import file of any supported kind and finding its header row.

:func:`read_file` tells the format by the file name and its first bytes
(xlsx is a zip file, a vCard starts with ``BEGIN:VCARD``, anything else is
read as delimited text), and returns a :class:`~.table.Table`. Rows whose
number of values does not fit the header are refused here, with their line.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from crm_desktop.errors import CrmError
from crm_desktop.services.importing import csvfile, encoding, mapping, vcard, xlsxfile
from crm_desktop.services.importing.table import (
    ReadProblem,
    SourceRow,
    Table,
    join_continued_columns,
)

MAX_FILE_BYTES = 1 << 30  # 1 GiB: far beyond any address book, short of exhausting memory
HEADER_SEARCH_ROWS = 10


def read_file(
    path: str | Path,
    *,
    entity: str | None = None,
    text_encoding: str = "auto",
    delimiter: str | None = None,
) -> Table:
    """The rows of a CSV, xlsx or vCard file; CrmError when it cannot be read at all."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise CrmError(f"{path} does not exist.") from None
    if path.is_dir():
        raise CrmError(f"{path} is a folder, not a file.")
    if size > MAX_FILE_BYTES:
        raise CrmError(f"{path.name} is {size / 2**30:.1f} GB; files up to 1 GB can be imported.")
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise CrmError(
            f"{path.name} is an old Excel 97–2003 workbook. Save it from Excel as .xlsx "
            "(or as CSV) and import that file."
        )
    with path.open("rb") as handle:
        head = handle.read(4)
    if suffix in (".xlsx", ".xlsm") or head == b"PK\x03\x04":
        title, rows = xlsxfile.read_sheet(path)
        table = _with_header(rows, entity, problems=[], pad=True)
        table.format = "Excel"
        table.details = f"sheet “{title}”"
        return join_continued_columns(table)
    data = path.read_bytes()
    return read_bytes(
        data,
        entity=entity,
        text_encoding=text_encoding,
        delimiter=delimiter,
        vcard_hint=suffix in (".vcf", ".vcard"),
    )


def read_bytes(
    data: bytes,
    *,
    entity: str | None = None,
    text_encoding: str = "auto",
    delimiter: str | None = None,
    vcard_hint: bool = False,
) -> Table:
    """The rows of delimited text or vCards given as bytes."""
    decoded = encoding.decode_as(data, text_encoding)
    text = decoded.text.lstrip("\ufeff")
    if vcard_hint or vcard.looks_like_vcard(text):
        table = vcard.read_vcards(text)
        table.details += f", {decoded.label}"
        return table
    if "\x00" in text and text.count("\x00") > len(text) // 4:
        raise CrmError(
            "This file is not text (it holds binary data); choose a CSV, xlsx or vCard file."
        )
    lines = csvfile.split_lines(text)
    start = 0
    chosen = delimiter or csvfile.sep_line(lines)
    if csvfile.sep_line(lines):
        start = 1
    chosen = chosen or csvfile.sniff_delimiter(lines[start:])
    widths = Counter(
        len(row.cells)
        for row in _take(csvfile.read_records(lines[: start + 60], chosen, start=start), 30)
        if isinstance(row, SourceRow) and any(c.strip() for c in row.cells)
    )
    expected = widths.most_common(1)[0][0] if widths else None
    rows: list[SourceRow] = []
    problems: list[ReadProblem] = []
    for item in csvfile.read_records(lines, chosen, expected, start=start):
        if isinstance(item, ReadProblem):
            problems.append(item)
        elif any(cell.strip() for cell in item.cells):
            rows.append(item)
    table = _with_header(rows, entity, problems)
    table.format = "CSV"
    table.details = f"{decoded.label}, {csvfile.DELIMITER_NAMES[chosen]}-separated"
    return join_continued_columns(table)


def _take(iterator, count: int) -> list:
    out = []
    for item in iterator:
        out.append(item)
        if len(out) >= count:
            break
    return out


def _score(entity: str | None, cells: list[str]) -> int:
    entities = [entity] if entity else list(mapping.TARGETS)
    return max(mapping.header_score(e, cells) for e in entities)


def _with_header(
    rows: list[SourceRow], entity: str | None, problems: list[ReadProblem], *, pad: bool = False
) -> Table:
    """Find the header among the first rows, then check every row's width against it.

    ``pad``: short rows are filled with empty cells (a sheet has no "missing
    separator"; its empty cells at the end of a row are simply not stored).
    """
    if not rows:
        return Table(headers=[], rows=[], problems=problems, has_header=False)
    scores = [_score(entity, row.cells) for row in rows[:HEADER_SEARCH_ROWS]]
    best = max(range(len(scores)), key=lambda i: (scores[i], -i))
    if scores[best] > 0:
        header_index = best
    elif not any(mapping.looks_like_data(c) for c in rows[0].cells) and len(rows) > 1:
        header_index = 0
    else:
        header_index = -1
    if header_index >= 0:
        headers = [c.strip().lstrip("\ufeff") for c in rows[header_index].cells]
        body = rows[header_index + 1 :]
        has_header = True
    else:
        width = Counter(len(r.cells) for r in rows).most_common(1)[0][0]
        headers = [f"Column {i}" for i in range(1, width + 1)]
        body = rows
        has_header = False
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
    )


def _unique(headers: list[str]) -> list[str]:
    seen: Counter[str] = Counter()
    out = []
    for index, header in enumerate(headers):
        name = header or f"Column {index + 1}"
        seen[name] += 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return out
