"""Exports: every table to CSV, xlsx and (customers, contacts) vCard 4.0.

Two ways in: :func:`export_table` writes a whole table (the command line)
with every field, so that what we export imports back whole; and
:func:`export_view` writes what a list shows (its search, filters and sort
as a :class:`~crm_desktop.services.listing.ListQuery`, and its columns).

Formats:

* CSV — UTF-8 with a BOM (so Excel reads the accents), comma-separated,
  CRLF lines, every text protected from spreadsheets' formulas with
  :func:`~crm_desktop.services.cells.csv_cell` (our import takes the
  apostrophe off again); money as plain decimals (``1234.50``), dates ISO.
* xlsx — openpyxl in write-only mode with typed cells: numbers as numbers,
  money as numbers with the currency's format, dates and times as real
  dates, formula-looking text as a quote-prefixed string. A text longer
  than a cell holds (32,767 characters) continues in "<column> (continued)"
  columns, which our import glues back. Orders get a second sheet with
  their lines. A sheet holds Excel's 1,048,576 rows at most: the rows go on
  in "<sheet> (2)", "<sheet> (3)"…, each with the header.
* vCard 4.0 — one card per customer (with its primary contact) or contact.

Every export carries each record's id ("ID"), and every row that names a
customer carries the customer's id and email beside its name ("Customer
ID", "Customer email"): several customers may share a name, and the import
matches a row back to its record by them, so what we export imports back
whole (``tests/transfer/test_export_roundtrip.py``).

Files are written next to the target and renamed into place at the end, so
a failure or a cancel never leaves a half-written file.
"""

from __future__ import annotations

import contextlib
import csv
import sqlite3
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crm_desktop.errors import CancelledError, CrmError
from crm_desktop.i18n import _
from crm_desktop.models import database
from crm_desktop.safe_files import replacing
from crm_desktop.services import (
    catalogue,
    customers,
    export_cells,
    listing,
    tags,
)
from crm_desktop.services.cells import XLSX_CELL_LIMIT, xml_safe
from crm_desktop.services.importing import vcard
from crm_desktop.services.money import line_total_sql
from crm_desktop.services.progress import Progress, stop_if_cancelled
from crm_desktop.services.taxes import line_net_sql

Row = dict[str, Any]

# Command-line names of the exportable tables → entity names.
ENTITY_NAMES = {
    "customers": "customer",
    "contacts": "contact",
    "products": "product",
    "orders": "sales_order",
    "deals": "deal",
    "tasks": "task",
    "interactions": "interaction",
    "quotes": "quote",
    "invoices": "invoice",
    "payments": "payment",
    "campaigns": "campaign",
    "service-cases": "service_case",
}
FORMATS = {".csv": "csv", ".xlsx": "xlsx", ".vcf": "vcf"}
VCARD_ENTITIES = ("customer", "contact")
LONG_TEXT = export_cells.LONG_TEXT  # a text kind whose values may exceed an xlsx cell
# A sheet holds 1,048,576 rows (Excel's limit), the header included: more go on in
# "<sheet> (2)", "<sheet> (3)"… (a million customers have more contacts than that).
XLSX_MAX_DATA_ROWS = 1_048_575


@dataclass(frozen=True)
class ExportColumn:
    """One column of an export: row key, header, kind (as in listing), SQL of a full export."""

    key: str
    header: str
    kind: str = "text"
    sql: str = ""


@dataclass(frozen=True)
class FullExport:
    """Every field of one table, in the order a person reads them."""

    from_sql: str
    order_sql: str
    columns: tuple[ExportColumn, ...]
    sheet: str


def _c(key: str, header: str, sql: str, kind: str = "text") -> ExportColumn:
    return ExportColumn(key, header, kind, sql)


def _catalogued(
    entity: str, from_sql: str, order_sql: str, sheet: str, *lead: ExportColumn
) -> Callable[[], FullExport]:
    """A full export built from the entity's field catalogue (custom fields included)."""

    def build() -> FullExport:
        columns = tuple(
            _c(f.key, f.export_header, f.export_sql or f.sql, f.kind)
            for f in catalogue.export_fields(entity)
        )
        return FullExport(from_sql, order_sql, (*lead, *columns), sheet)

    return build


_LINE_TOTAL = line_total_sql("l")

# Built when an export runs: the catalogue may hold the owner's custom fields.
_CATALOGUED: dict[str, Callable[[], FullExport]] = {
    "customer": _catalogued(
        "customer",
        "customer c JOIN customer_search s ON s.id = c.id " + customers.PRIMARY_CONTACT_JOIN,
        "s.name_key, c.id",
        "Customers",
        _c("id", "ID", "c.id", "int"),
    ),
    "contact": _catalogued(
        "contact",
        "contact ct NOT INDEXED LEFT JOIN customer c ON c.id = ct.customer_id "
        "LEFT JOIN customer_search s ON s.id = c.id",
        # Each customer's people in the customers' order; those of a customer another tool
        # deleted at the end, by the id they still hold.
        "c.id IS NULL, s.name_key, ct.customer_id, ct.is_primary DESC, ct.id",
        "Contacts",
        _c("id", "ID", "ct.id", "int"),
    ),
    "product": _catalogued(
        "product",
        "product p",
        "crm_sort_key(p.name), p.id",
        "Products",
        _c("id", "ID", "p.id", "int"),
    ),
    "sales_order": _catalogued(
        "sales_order",
        "sales_order o NOT INDEXED LEFT JOIN customer c ON c.id = o.customer_id "
        "LEFT JOIN deal d ON d.id = o.deal_id",
        "o.order_date, o.id",
        "Orders",
    ),
    "deal": _catalogued(
        "deal",
        "deal d NOT INDEXED LEFT JOIN customer c ON c.id = d.customer_id "
        "LEFT JOIN contact ct ON ct.id = d.contact_id",
        "(d.expected_close IS NULL), d.expected_close, d.id",
        "Deals",
    ),
    "task": _catalogued(
        "task",
        "task t LEFT JOIN customer c ON c.id = t.customer_id "
        "LEFT JOIN contact ct ON ct.id = t.contact_id LEFT JOIN deal d ON d.id = t.deal_id",
        "(t.due_date IS NULL), t.due_date, t.id",
        "Tasks",
    ),
    "interaction": _catalogued(
        "interaction",
        "interaction i NOT INDEXED LEFT JOIN customer c ON c.id = i.customer_id "
        "LEFT JOIN contact ct ON ct.id = i.contact_id",
        "i.occurred_at, i.id",
        "Interactions",
    ),
    "campaign": _catalogued(
        "campaign", "campaign cp", "(cp.start_date IS NULL), cp.start_date, cp.id", "Campaigns"
    ),
    "service_case": _catalogued(
        "service_case",
        "service_case sc NOT INDEXED LEFT JOIN customer c ON c.id = sc.customer_id "
        "LEFT JOIN product p ON p.id = sc.product_id",
        "sc.opened_at, sc.id",
        "Service cases",
    ),
}

# Tables not in the catalogue yet: their columns declared here.
FULL: dict[str, FullExport] = {
    "quote": FullExport(
        from_sql="quote q NOT INDEXED LEFT JOIN customer c ON c.id = q.customer_id "
        "LEFT JOIN deal d ON d.id = q.deal_id LEFT JOIN sales_order o ON o.id = q.order_id",
        order_sql="q.quote_date, q.id",
        sheet="Quotes",
        columns=(
            _c("number", "Number", "q.number"),
            _c("quote_date", "Date", "q.quote_date", "date"),
            _c("valid_until", "Valid until", "q.valid_until", "date"),
            _c("customer_name", "Customer", "c.name"),
            _c("customer_id", "Customer ID", "q.customer_id", "int"),  # kept when c is gone
            _c("status", "Status", "q.status", "enum"),
            _c("deal_title", "Deal", "d.title"),
            _c("order_number", "Order", "o.number"),
            _c(
                "net_cents",
                "Net",
                f"(SELECT coalesce(sum({line_net_sql('l')}), 0) FROM quote_line l "
                "WHERE l.quote_id = q.id)",
                "money",
            ),
            _c("notes", "Notes", "q.notes", LONG_TEXT),
        ),
    ),
    # Issued invoices and credit notes as they were issued (their copies of both parties).
    "invoice": FullExport(
        from_sql="invoice i LEFT JOIN customer c ON c.id = i.customer_id "
        "LEFT JOIN sales_order o ON o.id = i.order_id "
        "LEFT JOIN invoice ci ON ci.id = i.credited_invoice_id",
        order_sql="i.kind, i.year, i.sequence",
        sheet="Invoices",
        columns=(
            _c("number", "Number", "i.number"),
            _c("kind", "Kind", "i.kind", "enum"),
            _c("issue_date", "Date", "i.issue_date", "date"),
            _c("due_date", "Due", "i.due_date", "date"),
            _c("credited_number", "Cancels", "ci.number"),
            _c("order_number", "Order", "o.number"),
            _c("customer_id", "Customer ID", "i.customer_id", "int"),
            _c("buyer_name", "Buyer", "i.buyer_name"),
            _c("buyer_address", "Buyer address", "i.buyer_address", LONG_TEXT),
            _c("buyer_tax_id", "Buyer tax id", "i.buyer_tax_id"),
            _c("buyer_kpp", "Buyer KPP", "i.buyer_kpp"),
            _c("currency", "Currency", "i.currency"),
            _c("net_cents", "Net", "i.net_cents", "money"),
            _c("tax_cents", "Tax", "i.tax_cents", "money"),
            _c("gross_cents", "Total", "i.gross_cents", "money"),
            _c(
                "paid_cents",
                "Paid",
                "(SELECT coalesce(sum(amount_cents), 0) FROM payment WHERE invoice_id = i.id)",
                "money",
            ),
            _c("seller_name", "Seller", "i.seller_name"),
            _c("seller_tax_id", "Seller tax id", "i.seller_tax_id"),
            _c("notes", "Notes", "i.notes", LONG_TEXT),
        ),
    ),
    "payment": FullExport(
        from_sql="payment pm JOIN invoice i ON i.id = pm.invoice_id "
        "LEFT JOIN customer c ON c.id = i.customer_id",
        order_sql="pm.paid_on, pm.id",
        sheet="Payments",
        columns=(
            _c("paid_on", "Paid on", "pm.paid_on", "date"),
            _c("amount_cents", "Amount", "pm.amount_cents", "money"),
            _c("method", "Method", "pm.method", "enum"),
            _c("invoice_number", "Invoice", "i.number"),
            _c("buyer_name", "Buyer", "i.buyer_name"),
            _c("customer_id", "Customer ID", "i.customer_id", "int"),
            _c("note", "Note", "pm.note", LONG_TEXT),
        ),
    ),
}

# Rows of a customer in the trash are not exported (they are hidden everywhere else too).
# A row whose customer another tool deleted (foreign keys off) is exported with an empty
# customer, as its list shows it: the LEFT JOINs above give it a NULL deleted_at, as in
# services/listing.py (no customer is not the trash).
_LIVE = "c.deleted_at IS NULL"
_WHERE = {
    "customer": "c.deleted_at IS NULL",
    "contact": _LIVE,
    "product": "1",
    "sales_order": _LIVE,
    "deal": _LIVE,
    "task": "(t.customer_id IS NULL OR c.deleted_at IS NULL)",
    "interaction": _LIVE,
    "quote": _LIVE,
    # An invoice is a legal record: exported even when its customer is in the trash.
    "invoice": "1",
    "payment": "1",
    "campaign": "1",
    "service_case": _LIVE,
}

_ORDER_LINES = FullExport(
    from_sql="order_line l NOT INDEXED JOIN sales_order o ON o.id = l.order_id "
    "LEFT JOIN customer c ON c.id = o.customer_id LEFT JOIN product p ON p.id = l.product_id",
    order_sql="o.order_date, o.id, l.id",
    sheet="Order lines",
    columns=(
        _c("number", "Order", "o.number"),
        _c("order_date", "Date", "o.order_date", "date"),
        _c("sku", "SKU", "p.sku"),
        _c("description", "Description", "l.description"),
        _c("quantity", "Quantity", "l.quantity", "decimal"),
        _c("unit_price_cents", "Unit price", "l.unit_price_cents", "money"),
        _c("discount_pct", "Discount %", "l.discount_pct", "decimal"),
        _c("tax_pct", "Tax %", "l.tax_pct", "decimal"),
        _c("tax_included", "Price includes tax", "l.tax_included", "bool"),
        _c("total_cents", "Line total", _LINE_TOTAL, "money"),
    ),
)
_QUOTE_LINES = FullExport(
    from_sql="quote_line l NOT INDEXED JOIN quote q ON q.id = l.quote_id "
    "LEFT JOIN customer c ON c.id = q.customer_id LEFT JOIN product p ON p.id = l.product_id",
    order_sql="q.quote_date, q.id, l.id",
    sheet="Quote lines",
    columns=(
        _c("number", "Quote", "q.number"),
        _c("quote_date", "Date", "q.quote_date", "date"),
        *_ORDER_LINES.columns[2:],
    ),
)
_INVOICE_LINES = FullExport(
    from_sql="invoice_line l JOIN invoice i ON i.id = l.invoice_id",
    order_sql="i.kind, i.year, i.sequence, l.position",
    sheet="Invoice lines",
    columns=(
        _c("number", "Invoice", "i.number"),
        _c("issue_date", "Date", "i.issue_date", "date"),
        _c("sku", "SKU", "l.sku"),
        *_ORDER_LINES.columns[3:-1],
        _c("amount_cents", "Line total", "l.amount_cents", "money"),
    ),
)
# The lines of a document, as a second sheet of an xlsx export of its table.
_LINE_SHEETS = {"sales_order": _ORDER_LINES, "quote": _QUOTE_LINES, "invoice": _INVOICE_LINES}

# Headers of the list-only columns of tables not in the field catalogue yet, by key.
VIEW_HEADERS = {
    "title": "Title",
    "customer_name": "Customer",
    "contact_name": "Contact",
    "notes": "Notes",
    "due_date": "Due",
    "priority": "Priority",
    "deal_title": "Deal",
    "done_at": "Done (UTC)",
    "occurred_at": "When (UTC)",
    "subject": "Subject",
    "start_date": "Start",
    "end_date": "End",
    "location": "Location",
    "budget_cents": "Budget",
    "member_count": "Members",
    "product_name": "Product",
    "opened_at": "Opened (UTC)",
    "resolved_at": "Resolved (UTC)",
    "cost_cents": "Cost",
}


def view_header(key: str, entity: str | None = None) -> str:
    """The export header of a list column: the catalogue's when the entity has one."""
    if entity is not None and catalogue.has(entity):
        return catalogue.header_of(entity, key)
    return VIEW_HEADERS.get(key) or key.removesuffix("_cents").replace("_", " ").capitalize()


def full_export(entity: str) -> FullExport:
    """The columns and source of a whole-table export."""
    if entity in _CATALOGUED:
        return _CATALOGUED[entity]()
    return FULL[entity]


@dataclass
class ExportResult:
    """Where an export went and how many records it holds."""

    path: Path
    rows: int
    format: str


def format_of(path: str | Path) -> str:
    """``csv``, ``xlsx`` or ``vcf`` from the file name; CrmError for anything else."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise CrmError(
            _("Cannot export to “{name}”: name the file .csv, .xlsx or .vcf.").format(
                name=Path(path).name
            )
        )
    return FORMATS[suffix]


def entity_of(name: str) -> str:
    """The entity of a command-line table name (``orders`` → ``sales_order``)."""
    if name in ENTITY_NAMES:
        return ENTITY_NAMES[name]
    if name in ENTITY_NAMES.values():
        return name
    raise CrmError(
        _("Cannot export “{name}”: choose one of {value}.").format(
            name=name, value=", ".join(ENTITY_NAMES)
        )
    )


# --- writers --------------------------------------------------------------------------------


def _check(cancelled: Callable[[], bool] | None) -> None:
    stop_if_cancelled(cancelled, _("Cancelled: no file was written."))


def _write_csv(
    target: Path,
    columns: Sequence[ExportColumn],
    rows: Iterable[Sequence[Any]],
    tick: Callable[[], None],
) -> int:
    """Rows (values in the columns' order) as CSV; how many were written."""
    convert = export_cells.csv_converter(export_cells.Values(), [c.kind for c in columns])
    count = 0
    with target.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow([c.header for c in columns])
        write = writer.writerow
        for row in rows:
            write(convert(row))
            count += 1
            if count % 2000 == 0:
                tick()
    return count


@dataclass
class Sheet:
    """One worksheet of an xlsx export: its title, columns and rows."""

    title: str
    columns: Sequence[ExportColumn]
    rows: Iterable[Sequence[Any]]  # values in the columns' order
    pieces: Mapping[str, int]  # long-text column → how many cells its longest value needs


def _xlsx_header(columns: Sequence[ExportColumn], pieces: Mapping[str, int]) -> list[str]:
    header = []
    for column in columns:
        header.append(column.header)
        extra = pieces.get(column.key, 1) - 1
        for number in range(1, extra + 1):
            header.append(f"{column.header} (continued{'' if number == 1 else f' {number}'})")
    return header


def _write_xlsx(target: Path, sheets: Sequence[Sheet], tick: Callable[[], None]) -> int:
    from openpyxl import Workbook

    from crm_desktop.services.cells import discard_workbook

    workbook = Workbook(write_only=True)
    try:
        return _fill_xlsx(workbook, target, sheets, tick)
    except BaseException:  # a cancel or a failure: close the sheets' temporary files
        discard_workbook(workbook)
        raise


def _fill_xlsx(
    workbook: Any, target: Path, sheets: Sequence[Sheet], tick: Callable[[], None]
) -> int:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    values = export_cells.Values()
    count = 0
    bold = Font(bold=True)

    def new_sheet(spec: Sheet, part: int) -> Any:
        title = spec.title[:31] if part == 1 else f"{spec.title[:24]} ({part})"
        sheet = workbook.create_sheet(title)
        header = []
        for title in _xlsx_header(spec.columns, spec.pieces):
            cell = WriteOnlyCell(sheet, value=xml_safe(title))
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        sheet.freeze_panes = "A2"
        return sheet

    for sheet_spec in sheets:
        kinds = [c.kind for c in sheet_spec.columns]
        pieces = [sheet_spec.pieces.get(c.key, 0) for c in sheet_spec.columns]
        part = 1
        sheet = new_sheet(sheet_spec, part)
        convert = export_cells.xlsx_converter(sheet, values, kinds, pieces)
        in_sheet = 0
        for row in sheet_spec.rows:
            if in_sheet == XLSX_MAX_DATA_ROWS:  # a sheet is full: the rows go on in another
                part += 1
                sheet = new_sheet(sheet_spec, part)
                convert = export_cells.xlsx_converter(sheet, values, kinds, pieces)
                in_sheet = 0
            sheet.append(convert(row))
            in_sheet += 1
            count += 1
            if count % 2000 == 0:
                tick()
    workbook.save(target)
    return count


def _write_vcf(target: Path, entity: str, rows: Iterable[Row], tick: Callable[[], None]) -> int:
    make = vcard.customer_card if entity == "customer" else vcard.contact_card
    count = 0
    with target.open("w", encoding="utf-8", newline="") as handle:
        for row in rows:
            handle.write(make(row))
            count += 1
            if count % 2000 == 0:
                tick()
    return count


# --- reading rows ---------------------------------------------------------------------------


def _full_rows(
    spec: FullExport,
    where: str = "1",
    params: Sequence[Any] = (),
    order: str | None = None,
) -> Iterator[Row]:
    """The rows of an export in order, as dicts by column key (vCards, tests)."""
    keys = [c.key for c in spec.columns]
    for values in _full_tuples(spec, where, params, order):
        yield dict(zip(keys, values, strict=True))


def _full_tuples(
    spec: FullExport,
    where: str = "1",
    params: Sequence[Any] = (),
    order: str | None = None,
    *,
    whole: bool = False,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[tuple[Any, ...]]:
    """The rows of an export in order, one tuple a row (the columns' order), from one
    cursor, a chunk at a time as they are written.

    ``whole`` (a whole table): SQLite sorts every row before the first comes out, so
    its sort spills to a temporary file instead of memory (in memory it would hold the
    whole export: 360 MB at a million customers), and ``cancelled`` interrupts it. The
    customers' tags are then ordered by ranks made once, not by a Python call a tag.
    """
    with (
        _sorting_on_disk(cancelled) if whole else contextlib.nullcontext(),
        tags.ranked() if whole else contextlib.nullcontext(False) as ranked,
    ):
        plain_tags = tags.tags_sql("c.id")
        select = ", ".join(
            tags.ranked_tags_sql("c.id") if ranked and c.sql == plain_tags else c.sql
            for c in spec.columns
        )
        order_sql = order or spec.order_sql
        cursor = database.execute_sql(
            f"SELECT {select} FROM {spec.from_sql} WHERE {where} ORDER BY {order_sql}",
            list(params),
        )
        try:
            while chunk := cursor.fetchmany(_CHUNK):
                yield from chunk
        finally:
            cursor.close()  # before the ranks go: no statement left reading them


_CHUNK = 2000  # rows taken from the cursor at a time


@contextlib.contextmanager
def _sorting_on_disk(cancelled: Callable[[], bool] | None) -> Iterator[None]:
    """While a big export reads: sorts spill to a temporary file; Cancel interrupts them.

    Reading the rows in their order through an index instead is no answer: it reads
    the file in random order, seven times slower at a million customers.
    """
    connection = database.connection()
    before = int(connection.execute("PRAGMA temp_store").fetchone()[0])
    connection.execute("PRAGMA temp_store = FILE")
    if cancelled is not None:
        connection.set_progress_handler(lambda: 1 if cancelled() else 0, 100_000)
    try:
        yield
    except sqlite3.OperationalError as exc:
        if cancelled is not None and cancelled() and "interrupt" in str(exc):
            raise CancelledError(_("Cancelled: no file was written.")) from None
        raise
    finally:
        with contextlib.suppress(sqlite3.ProgrammingError):  # closed from another thread
            connection.set_progress_handler(None, 0)
            connection.execute(f"PRAGMA temp_store = {before}")


def _pieces(spec: FullExport, where: str, params: Sequence[Any]) -> dict[str, int]:
    """How many xlsx cells the longest value of each long-text column needs."""
    longs = [c for c in spec.columns if c.kind == LONG_TEXT]
    if not longs:
        return {}
    select = ", ".join(f"max(length({c.sql}))" for c in longs)
    row = database.execute_sql(
        f"SELECT {select} FROM {spec.from_sql} WHERE {where}", list(params)
    ).fetchone()
    return {
        c.key: max(1, -(-(length or 0) // XLSX_CELL_LIMIT))
        for c, length in zip(longs, row, strict=True)
    }


def _count(spec: FullExport, where: str, params: Sequence[Any]) -> int:
    return int(
        database.execute_sql(
            f"SELECT count(*) FROM {spec.from_sql} WHERE {where}", list(params)
        ).fetchone()[0]
    )


_ID_COLUMN = {
    "customer": "c.id",
    "contact": "ct.id",
    "product": "p.id",
    "sales_order": "o.id",
    "deal": "d.id",
    "task": "t.id",
    "interaction": "i.id",
    "quote": "q.id",
    "invoice": "i.id",
    "payment": "pm.id",
    "campaign": "cp.id",
    "service_case": "sc.id",
}


def _check_vcard(entity: str) -> None:
    if entity not in VCARD_ENTITIES:
        raise CrmError(_("vCard exports are for customers and contacts; use .csv or .xlsx."))


# --- the two ways in ------------------------------------------------------------------------


def _run(
    path: Path,
    fmt: str,
    total: int,
    write: Callable[[Path, Callable[[], None]], int],
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> ExportResult:
    done = 0

    def tick() -> None:
        nonlocal done
        done += 2000
        _check(cancelled)
        if progress is not None:
            progress(min(done, total), total)

    _check(cancelled)
    if not path.parent.is_dir():
        raise CrmError(
            _("Cannot write {path}: the folder {parent} does not exist.").format(
                path=path, parent=path.parent
            )
        )
    # All or nothing, flushed, with the permissions the user's umask gives (safe_files).
    with replacing(path, private=False) as temp:
        count = write(temp, tick)
        _check(cancelled)
    if progress is not None:
        progress(total, total)
    return ExportResult(path, count, fmt)


def export_table(
    entity: str,
    path: str | Path,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportResult:
    """Write a whole table with every field to ``path`` (.csv, .xlsx or .vcf)."""
    path = Path(path)
    entity = entity_of(entity)
    fmt = format_of(path)
    if fmt == "vcf":
        _check_vcard(entity)
    spec = full_export(entity)
    where = _WHERE[entity]
    total = _count(spec, where, ())

    def write(target: Path, tick: Callable[[], None]) -> int:
        rows = _full_tuples(spec, where, whole=True, cancelled=cancelled)
        if fmt == "csv":
            return _write_csv(target, spec.columns, rows, tick)
        if fmt == "vcf":
            keys = [c.key for c in spec.columns]
            cards = (dict(zip(keys, row, strict=True)) for row in rows)
            return _write_vcf(target, entity, cards, tick)
        sheets = [Sheet(spec.sheet, spec.columns, rows, _pieces(spec, where, ()))]
        lines_spec = _LINE_SHEETS.get(entity)
        if lines_spec is not None:
            lines = _full_tuples(lines_spec, where, whole=True, cancelled=cancelled)
            sheets.append(Sheet(lines_spec.sheet, lines_spec.columns, lines, {}))
        count = _write_xlsx(target, sheets, tick)
        return count if lines_spec is None else total

    return _run(path, fmt, total, write, progress, cancelled)


def export_view(
    entity: str,
    query: listing.ListQuery | None,
    path: str | Path,
    *,
    columns: Sequence[str] | None = None,
    headers: Mapping[str, str] | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportResult:
    """Write what a list shows — its rows in its order, its columns — to ``path``.

    ``columns`` are list column keys (default: every column the list has, less
    internal ids); ``headers`` their titles as the screen shows them. A vCard
    export of a customers or contacts view holds the full records of its rows.
    """
    path = Path(path)
    fmt = format_of(path)
    spec = listing.spec(entity)
    ids = array("q", listing.list_ids(entity, query))  # 8 bytes an id: 8 MB at a million
    total = len(ids)
    if fmt == "vcf":
        _check_vcard(entity)
        full = full_export(entity)
        id_sql = _ID_COLUMN[entity]
        keyed = FullExport(
            full.from_sql, full.order_sql, (*full.columns, _c("_id", "", id_sql)), full.sheet
        )

        def full_rows() -> Iterator[Row]:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ", ".join("?" for _ignored in chunk)
                found = {}
                for row in _full_rows(keyed, f"{id_sql} IN ({marks})", chunk):
                    found[row["_id"]] = row
                yield from (found[i] for i in chunk if i in found)

        return _run(
            path,
            fmt,
            total,
            lambda t, tick: _write_vcf(t, entity, full_rows(), tick),
            progress,
            cancelled,
        )
    keys = (
        list(columns)
        if columns
        else [
            c.key
            for c in spec.all_columns()
            if c.kind != "reference" and not (c.kind == "int" and c.key.endswith("_id"))
        ]
    )
    titles = headers or {}
    kinds = {
        "money": "money",
        "date": "date",
        "datetime": "datetime",
        "bool": "bool",
        "decimal": "decimal",
        "int": "int",
        "percent": "int",
    }
    export_columns = [
        ExportColumn(
            key,
            titles.get(key) or view_header(key, entity),
            kinds.get(spec.column(key).kind, "text"),
        )
        for key in keys
    ]

    def rows() -> Iterator[list[Any]]:
        for start in range(0, len(ids), 2000):
            for row in listing.fetch_rows(entity, ids[start : start + 2000], keys):
                yield [row[key] for key in keys]

    def write(target: Path, tick: Callable[[], None]) -> int:
        if fmt == "csv":
            return _write_csv(target, export_columns, rows(), tick)
        known = entity in FULL or entity in _CATALOGUED
        title = full_export(entity).sheet if known else entity.replace("_", " ").title()
        return _write_xlsx(target, [Sheet(title, export_columns, rows(), {})], tick)

    return _run(path, fmt, total, write, progress, cancelled)
