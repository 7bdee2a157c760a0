"""The customer-list report: the customers of the current view with their key fields.

"The current view" is a :class:`listing.ListQuery` (the search, filters and
sort of the customer table), so the report lists exactly the rows on screen
in their order. Only the ids of the view are held (a compact array, 8 bytes
a customer); rows are fetched a batch at a time as the report is written, so
a million customers stream into a PDF or a spreadsheet in flat memory.
"""

from __future__ import annotations

import queue
import threading
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from crm_desktop.i18n import N_, _
from crm_desktop.models import close_database, database
from crm_desktop.services import custom_fields, listing, tags
from crm_desktop.services.customer_words import customer_word
from crm_desktop.services.figures import REVENUE_STATUSES_SQL
from crm_desktop.services.listing import ListQuery
from crm_desktop.services.progress import stop_if_cancelled
from crm_desktop.services.taxes import line_net_sql

# The listing's columns the report shows (same SQL as the screen), then its own extras.
_LIST_COLUMNS = (
    "name", "kind", "status", "email", "phone", "city", "country", "tags",
    "primary_contact", "revenue_cents", "created_at",
)  # fmt: skip
_EXTRA_COLUMNS = (("address", "c.address"), ("notes", "c.notes"))
BATCH = 2000
# Revenue is net of tax: a gross-entered line counts without its tax.
_LINE = line_net_sql("l")


@dataclass(frozen=True, slots=True)
class CustomerRow:
    """One customer of the list (``phone`` as stored, E.164; ``created_at`` in UTC)."""

    id: int
    name: str
    kind: str
    status: str
    email: str | None
    phone: str | None
    city: str | None
    country: str | None
    tags: str | None
    primary_contact: str | None
    revenue_cents: int
    created_at: datetime
    address: str | None
    notes: str | None


@dataclass
class CustomerList:
    """The ids of the view, in order; :meth:`rows` fetches them a batch at a time."""

    query: ListQuery
    ids: array[int]
    description: str = ""
    columns: tuple[str, ...] = field(default=_LIST_COLUMNS + tuple(k for k, _ in _EXTRA_COLUMNS))

    @property
    def count(self) -> int:
        return len(self.ids)

    @property
    def is_empty(self) -> bool:
        return not self.ids

    def rows(
        self,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Iterator[CustomerRow]:
        """Every row in the view's order; raises CancelledError when ``cancelled()``."""
        total = len(self.ids)
        batches = _prefetched(self._batches) if total >= WHOLE_TABLE_FROM else self._batches(None)
        done = 0
        try:
            for batch in batches:
                stop_if_cancelled(cancelled)
                yield from batch
                done += BATCH
                if progress is not None:
                    progress(min(done, total), total)
        finally:
            close = getattr(batches, "close", None)
            if close is not None:
                close()

    def _batches(self, stop: threading.Event | None) -> Iterator[list[CustomerRow]]:
        """The rows a batch at a time (``stop`` set: end early)."""
        total = len(self.ids)
        # A big view first sums the per-customer figures (tags, contact, revenue) in one
        # pass over each table into temporary tables of this connection (~2× faster than
        # a correlated subquery per customer); a small view asks for its customers' own.
        big = total >= WHOLE_TABLE_FROM
        if big:
            _make_figure_tables()
        select = _BIG_VIEW_SQL if big else _select_sql()
        for start in range(0, total, BATCH):
            if stop is not None and stop.is_set():
                return
            chunk = self.ids[start : start + BATCH].tolist()
            marks = ", ".join("?" for _ in chunk)
            found = {
                row[0]: row
                for row in database.execute_sql(
                    f"{select} WHERE c.id IN ({marks})", chunk
                ).fetchall()
            }
            yield [_make_row(found[i]) for i in chunk if i in found]


_END = object()


def _prefetched(
    produce: Callable[[threading.Event], Iterator[list[CustomerRow]]],
) -> Iterator[list[CustomerRow]]:
    """The batches of ``produce``, read one step ahead by a thread of their own.

    SQLite does its work without Python's global lock, so the next batch is read
    on the other core while the caller writes this one (a spreadsheet of 100,000
    customers is ~10 % faster). The thread has its own connection and closes it.
    """
    handoff: queue.Queue = queue.Queue(maxsize=2)
    stop = threading.Event()

    def put(item: object) -> bool:
        while not stop.is_set():
            try:
                handoff.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def run() -> None:
        try:
            for batch in produce(stop):
                if not put(batch):
                    return
            put(_END)
        except BaseException as exc:  # handed to the reader, raised there
            put(exc)
        finally:
            close_database()  # this thread's connection only

    worker = threading.Thread(target=run, name="customer-list-reader", daemon=True)
    worker.start()
    try:
        while True:
            item = handoff.get()
            if item is _END:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        worker.join()


WHOLE_TABLE_FROM = 5000
# Per customer, from one pass over each table: the connection's own temporary tables (on
# disk, not in memory: a million customers' figures are ~40 MB), read by primary key.
_FIGURE_TABLES = (
    "PRAGMA temp_store = FILE",
    "DROP TABLE IF EXISTS temp.list_tags",
    "DROP TABLE IF EXISTS temp.list_contact",
    "DROP TABLE IF EXISTS temp.list_revenue",
    "CREATE TEMP TABLE list_tags (customer_id INTEGER PRIMARY KEY, tags TEXT)",
    "INSERT INTO list_tags SELECT ct.customer_id, group_concat(t.name, ', ') "
    "FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id GROUP BY ct.customer_id",
    "CREATE TEMP TABLE list_contact (customer_id INTEGER PRIMARY KEY, name TEXT)",
    # The first contact of each customer in this order is kept: the primary one, else the first.
    "INSERT OR IGNORE INTO list_contact SELECT customer_id, name FROM contact "
    "ORDER BY customer_id, is_primary DESC, id",
    "CREATE TEMP TABLE list_revenue (customer_id INTEGER PRIMARY KEY, cents INTEGER)",
    f"INSERT INTO list_revenue SELECT o.customer_id, sum({_LINE}) FROM sales_order o "
    f"JOIN order_line l ON l.order_id = o.id WHERE o.status IN ({REVENUE_STATUSES_SQL}) "
    f"GROUP BY o.customer_id",
)
_BIG_VIEW_SQL = (
    "SELECT c.id, c.name, c.kind, c.status, c.email, c.phone, c.city, c.country, "
    "t.tags, p.name, coalesce(r.cents, 0), c.created_at, c.address, c.notes FROM customer c "
    "LEFT JOIN temp.list_tags t ON t.customer_id = c.id "
    "LEFT JOIN temp.list_contact p ON p.customer_id = c.id "
    "LEFT JOIN temp.list_revenue r ON r.customer_id = c.id"
)


def _make_figure_tables() -> None:
    """Sum tags, primary contact and revenue of every customer into this connection's tables."""
    for statement in _FIGURE_TABLES:
        database.execute_sql(statement)


def _select_sql() -> str:
    spec = listing.spec("customer")
    columns = [spec.column(key).sql for key in _LIST_COLUMNS] + [sql for _, sql in _EXTRA_COLUMNS]
    return f"SELECT c.id, {', '.join(columns)} FROM customer c"


def _make_row(row: tuple) -> CustomerRow:
    values = list(row)
    values[10] = int(values[10] or 0)
    values[11] = datetime.fromisoformat(values[11])  # "…Z" → aware UTC datetime
    return CustomerRow(*values)


# The list's filters in the owner's words, for the subtitle of a printed list.
FILTER_WORDS = {
    "status": N_("status"), "kind": N_("kind"), "country": N_("country"), "city": N_("city"),
    "source": N_("source"), "tag": N_("tag"), "created_from": N_("created from"),
    "created_to": N_("created until"),
}  # fmt: skip


def _filter_value(key: str, value: Any) -> str:
    if isinstance(value, bool):  # a yes/no custom field
        return _("yes") if value else _("no")
    values = list(value) if isinstance(value, list | tuple | set) else [value]
    if key == "tag":
        names = tags.names_of([v for v in values if isinstance(v, int)])
        values = [names.get(v, v) if isinstance(v, int) else v for v in values]
    elif key in ("status", "kind"):
        values = [customer_word(str(v)) for v in values]
    elif isinstance(value, dict):  # a custom field's range
        low, high = value.get("from"), value.get("to")
        if low not in (None, "") and high not in (None, ""):
            return _("{low} to {high}").format(low=low, high=high)
        if low not in (None, ""):
            return _("from {low}").format(low=low)
        return _("up to {high}").format(high=high)
    return ", ".join(str(v) for v in values)


def describe(query: ListQuery) -> str:
    """The view in the owner's words, for the report's subtitle
    («поиск “смит”; статус: Активный»; "all customers" when nothing narrows it)."""
    parts = []
    if query.search.strip():
        parts.append(_("search “{text}”").format(text=query.search.strip()))
    for key, value in query.filters.items():
        if value in (None, "", [], {}):
            continue
        if key == "untagged":
            parts.append(_("without tags"))
            continue
        if key == "ids":
            parts.append(_("chosen customers"))
            continue
        if key.startswith(custom_fields.PREFIX):
            item = custom_fields.field_by_key(key)
            label = item.name if item is not None else key
        else:
            label = _(FILTER_WORDS[key]) if key in FILTER_WORDS else key.replace("_", " ")
        parts.append(_("{field}: {value}").format(field=label, value=_filter_value(key, value)))
    return "; ".join(parts) if parts else _("all customers")


def customer_list(query: ListQuery | None = None) -> CustomerList:
    """The customers of a view (default: all customers, by name)."""
    query = query or ListQuery()
    ids = array("q", listing.list_ids("customer", query))  # 8 bytes an id, not ~36
    return CustomerList(query=query, ids=ids, description=describe(query))
