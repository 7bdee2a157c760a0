"""Lists for the tables of the app: filter, search and sort in SQL, fetch rows by id.

A table model (the Anki pattern) asks :func:`list_ids` for the ids of the
current view — filtered, searched and sorted by the database — and then
:func:`fetch_rows` for the few rows on screen. 100,000 ids are a list of
ints; nothing else is loaded until it is shown.

Each list is declared as data (:class:`ListSpec`): its FROM clause, its
columns with how each one sorts, how a search matches, and its filters.
Text sorts by :func:`crm_desktop.services.text.sort_key` (case- and
accent-blind in every script); empty values sort last in both directions.
"""

from __future__ import annotations

import json
import re
import sys
from array import array
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from crm_desktop.models import database
from crm_desktop.models.enums import (
    OPEN_DEAL_STAGES,
    REVENUE_ORDER_STATUSES,
)

# The entity modules declare their fields in the catalogue when imported.
from crm_desktop.services import (  # noqa: F401
    campaigns,
    catalogue,
    contact_keys,
    contacts,
    custom_fields,
    customers,
    deals,
    folded_order,
    interactions,
    orders,
    products,
    service_cases,
    tasks,
)
from crm_desktop.services.clock import today
from crm_desktop.services.deal_amounts import deal_amount_sql
from crm_desktop.services.search import first_page as first_search_page
from crm_desktop.services.search import match_sql, search_customers
from crm_desktop.services.taxes import line_net_sql
from crm_desktop.services.text import search_terms

Row = dict[str, Any]
Clause = tuple[str, list[Any]]


@dataclass(frozen=True)
class Column:
    """One column of a list: its key in a row, its SQL, how it sorts, what kind of value it is.

    ``kind`` tells the UI how to show it: text, enum, money, date, datetime,
    int, decimal, percent, bool, phone, email.
    """

    key: str
    sql: str
    kind: str = "text"
    sort: str | None = None  # ORDER BY expression; None: not sortable
    nullable: bool = True
    label: str = ""  # what the screen calls it
    header: str = ""  # what an export of the view calls it (the label if empty)


@dataclass(frozen=True)
class ListSpec:
    """One list: where its rows come from, its columns, its search and its filters."""

    entity: str
    id_sql: str
    from_sql: str
    columns: tuple[Column, ...]
    default_sort: str
    base_where: str = "1"
    search: Callable[[str], Clause] | None = None
    filters: Mapping[str, Callable[[Any], Clause]] = field(default_factory=dict)
    default_descending: bool = False
    # A faster search than SQL (customers: the memory index): ids in ``search_order`` order.
    search_ids: Callable[[str], list[int]] | None = None
    search_order: str | None = None
    # A FROM without joins that is enough for an unfiltered list in these sort orders.
    lean_from: str | None = None
    lean_sorts: frozenset[str] = frozenset()
    # The list's own table (FROM, id) when its FROM joins another first: a text column of
    # that table sorts from the table alone (services/folded_order.py).
    own_table: tuple[str, str] | None = None
    # The FROM of an unfiltered list's ends (list_ends), its own table first (CROSS JOIN): the
    # ends are then read in the order of the table's index, the customer of each row looked
    # up, instead of every row of every customer sorted (the planner's choice for the whole).
    ends_from: str | None = None
    # (table, column of its customer) of a list that leaves out the trash: an unfiltered
    # count is the table's rows less those of trashed customers, not a join of every row.
    trash_column: tuple[str, str] | None = None
    # The FROM of a whole read (every id) that no id filter narrows: its own table scanned in
    # row order (NOT INDEXED), each row's customer looked up, then sorted. With the customer
    # LEFT JOINed (orphans listed) SQLite would rather walk the order's index and look up a
    # row at a time across the file: 3-5x slower at 100k. The index still serves the ends.
    scan_from: str | None = None
    # Called before the list is read (contacts: make the sort keys another tool left); when
    # it answers False the list is read as ``stand_in`` (the same rows and order, slower).
    before_read: Callable[[], object] | None = None
    stand_in: ListSpec | None = None
    # The FROM that fetches rows by id when it differs from ``from_sql`` (contacts: a row
    # whose sort key is missing is fetched all the same).
    fetch_from: str | None = None

    def all_columns(self) -> tuple[Column, ...]:
        """The declared columns: the catalogue's fields (custom ones too), then list-only ones."""
        if not catalogue.has(self.entity):
            return self.columns
        return tuple(column_of(f) for f in catalogue.list_fields(self.entity)) + self.columns

    def column(self, key: str) -> Column:
        return self.columns_of([key])[0]

    def columns_of(self, keys: Sequence[str]) -> list[Column]:
        """The columns ``keys``, in that order (the catalogue's fields laid out once)."""
        by_key = {column.key: column for column in self.all_columns()}
        missing = [key for key in keys if key not in by_key]
        if missing:
            raise KeyError(f"{self.entity} list has no column {missing[0]!r}")
        return [by_key[key] for key in keys]


@dataclass
class ListQuery:
    """What the user asked a list for: search text, filter values, sort column and direction."""

    search: str = ""
    filters: dict[str, Any] = field(default_factory=dict)
    sort: str | None = None
    descending: bool | None = None


# --- helpers to declare lists -----------------------------------------------------------


def column_of(definition: catalogue.FieldDef) -> Column:
    """A catalogue field as a list column."""
    return Column(
        definition.key,
        definition.sql,
        definition.kind,
        definition.sort_sql,
        definition.nullable,
        definition.label,
        definition.export_header,
    )


def text(key: str, sql: str, *, kind: str = "text", sortable: bool = True) -> Column:
    return Column(key, sql, kind, f"crm_sort_key({sql})" if sortable else None)


def plain(key: str, sql: str, kind: str, *, nullable: bool = True, sortable: bool = True) -> Column:
    return Column(key, sql, kind, sql if sortable else None, nullable)


def enum(key: str, sql: str, values: Sequence[str]) -> Column:
    """An enumeration sorts in its natural order (lead before active), not alphabetically."""
    cases = " ".join(f"WHEN '{v}' THEN {i}" for i, v in enumerate(values))
    return Column(key, sql, "enum", f"CASE {sql} {cases} END", nullable=False)


def equals(sql: str) -> Callable[[Any], Clause]:
    def clause(value: Any) -> Clause:
        if isinstance(value, list | tuple | set):
            values = list(value)
            return f"{sql} IN ({', '.join('?' for _ignored in values)})", values
        return f"{sql} = ?", [value]

    return clause


def on_or_after(sql: str) -> Callable[[Any], Clause]:
    return lambda value: (f"{sql} >= ?", [_iso(value)])


def on_or_before(sql: str) -> Callable[[Any], Clause]:
    # Timestamps are full ISO strings: "before the end of that day" is "< next day".
    return lambda value: (
        f"{sql} < ?",
        [(date.fromisoformat(_iso(value)) + timedelta(days=1)).isoformat()],
    )


def up_to(sql: str) -> Callable[[Any], Clause]:
    """A date column on or before the value (dates compare as ISO text)."""
    return lambda value: (f"{sql} <= ?", [_iso(value)])


def flag(sql: str) -> Callable[[Any], Clause]:
    """A yes/no filter: ``sql`` when on, every row when off."""
    return lambda value: ((sql if value else "1"), [])


def _iso(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def folded_search(*sqls: str) -> Callable[[str], Clause]:
    """Match every term of a query in the folded text of some columns."""
    joined = " || ' ' || ".join(f"coalesce({sql}, '')" for sql in sqls)

    def clause(query: str) -> Clause:
        terms = search_terms(query)
        if not terms:
            return "1", []
        return " AND ".join(f"instr(crm_fold({joined}), ?) > 0" for _ignored in terms), terms

    return clause


def _customer_search(query: str) -> Clause:
    return match_sql(query, "s")


def _customer_search_ids(query: str) -> list[int]:
    return search_customers(query)


def _tag_filter(value: Any) -> Clause:
    names = [value] if isinstance(value, str | int) else list(value)
    conditions = []
    params: list[Any] = []
    for name in names:
        if isinstance(name, int):
            conditions.append(
                "EXISTS (SELECT 1 FROM customer_tag ct "
                "WHERE ct.customer_id = c.id AND ct.tag_id = ?)"
            )
        else:
            conditions.append(
                "EXISTS (SELECT 1 FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id "
                "WHERE ct.customer_id = c.id AND crm_fold(t.name) = crm_fold(?))"
            )
        params.append(name)
    return " AND ".join(conditions) or "1", params


def _no_tag_filter(value: Any) -> Clause:
    return (
        "NOT EXISTS (SELECT 1 FROM customer_tag ct WHERE ct.customer_id = c.id)" if value else "1"
    ), []


# Revenue and order totals are net of tax (a gross-entered line less its tax).
_LINE_TOTAL = line_net_sql("l")
_DEAL_AMOUNT = deal_amount_sql("d")  # its own, or its quotes' while it has none
_REVENUE_STATUSES = ", ".join(f"'{s}'" for s in REVENUE_ORDER_STATUSES)
_ORDER_TOTAL = f"(SELECT coalesce(sum({_LINE_TOTAL}), 0) FROM order_line l WHERE l.order_id = o.id)"


def _overdue(value: Any) -> Clause:
    if not value:
        return "1", []
    return "t.status = 'open' AND t.due_date < ?", [today().isoformat()]


def _due_within(days: Any) -> Clause:
    return "t.status = 'open' AND t.due_date <= ?", [
        (today() + timedelta(days=int(days))).isoformat()
    ]


def _open_deals(value: Any) -> Clause:
    stages = ", ".join(f"'{s}'" for s in OPEN_DEAL_STAGES)
    return (f"d.stage IN ({stages})" if value else f"d.stage NOT IN ({stages})"), []


def _closing_within(days: Any) -> Clause:
    stages = ", ".join(f"'{s}'" for s in OPEN_DEAL_STAGES)
    limit = (today() + timedelta(days=int(days))).isoformat()
    return f"d.stage IN ({stages}) AND d.expected_close <= ?", [limit]


def _open_cases(value: Any) -> Clause:
    return (
        "sc.status IN ('open', 'in_progress')" if value else "sc.status IN ('resolved', 'closed')"
    ), []


SPECS: dict[str, ListSpec] = {}


def _register(spec: ListSpec) -> None:
    SPECS[spec.entity] = spec


register_list = _register  # for feature modules that declare their own lists

_register(
    ListSpec(
        entity="customer",
        id_sql="s.id",
        # customer_search holds exactly the customers not in the trash.
        from_sql="customer_search s JOIN customer c ON c.id = s.id",
        lean_from="customer_search s",
        lean_sorts=frozenset({"name"}),
        own_table=("customer c", "c.id"),
        columns=(),  # the catalogue's (services/customers.py)
        default_sort="name",
        search=_customer_search,
        search_ids=_customer_search_ids,
        search_order="name",
        filters={
            "status": equals("c.status"),
            "kind": equals("c.kind"),
            "country": equals("c.country"),
            "city": equals("c.city"),
            "source": equals("c.source"),
            "tag": _tag_filter,
            "untagged": _no_tag_filter,
            "created_from": on_or_after("c.created_at"),
            "created_to": on_or_before("c.created_at"),
            "ids": equals("s.id"),
        },
    )
)

_CONTACTS = ListSpec(
    entity="contact",
    id_sql="ct.id",
    # contact_key: each contact's stored sort key (services/contact_keys.py). A contact whose
    # customer is gone (another tool, foreign keys off) is listed, as it is counted.
    from_sql=(
        "contact ct JOIN contact_key k ON k.id = ct.id "
        "LEFT JOIN customer c ON c.id = ct.customer_id"
    ),
    ends_from=(
        "contact_key k CROSS JOIN contact ct ON ct.id = k.id "
        "LEFT JOIN customer c ON c.id = ct.customer_id"
    ),
    fetch_from="contact ct LEFT JOIN customer c ON c.id = ct.customer_id",
    scan_from=(
        "contact ct NOT INDEXED CROSS JOIN contact_key k ON k.id = ct.id "
        "LEFT JOIN customer c ON c.id = ct.customer_id"
    ),
    trash_column=("contact", "customer_id"),
    base_where="c.deleted_at IS NULL",
    columns=(),  # the catalogue's (services/contacts.py)
    default_sort="name",
    search=folded_search("ct.name", "ct.email", "ct.phone", "ct.position", "c.name"),
    filters={"customer_id": equals("ct.customer_id"), "is_primary": equals("ct.is_primary")},
)
_register(
    replace(
        _CONTACTS,
        before_read=contact_keys.listable,
        # While keys are missing or NULL: every contact, each without a stored key ordered by
        # its key made as the list reads (crm_sort_key; "" for what is not text, as stored).
        stand_in=replace(
            _CONTACTS,
            from_sql=(
                "contact ct JOIN (SELECT kc.id AS id, coalesce(kk.name_key, "
                "crm_sort_key(kc.name), '') AS name_key FROM contact kc "
                "LEFT JOIN contact_key kk ON kk.id = kc.id) k ON k.id = ct.id "
                "LEFT JOIN customer c ON c.id = ct.customer_id"
            ),
            ends_from=None,
            scan_from=None,
        ),
    )
)

_register(
    ListSpec(
        entity="product",
        id_sql="p.id",
        from_sql="product p",
        columns=(),  # the catalogue's (services/products.py)
        default_sort="name",
        search=folded_search("p.sku", "p.name", "p.description"),
        filters={"active": equals("p.active")},
    )
)

_register(
    ListSpec(
        entity="deal",
        id_sql="d.id",
        # LEFT JOIN: a deal whose customer another tool deleted (foreign keys off) is listed
        # with an empty customer, as it is counted and summed on the board.
        from_sql=(
            "deal d LEFT JOIN customer c ON c.id = d.customer_id "
            "LEFT JOIN contact ct ON ct.id = d.contact_id"
        ),
        trash_column=("deal", "customer_id"),
        base_where="c.deleted_at IS NULL",
        columns=(),  # the catalogue's (services/deals.py)
        default_sort="expected_close",
        search=folded_search("d.title", "c.name", "ct.name"),
        filters={
            "stage": equals("d.stage"),
            "open": _open_deals,
            "customer_id": equals("d.customer_id"),
            "closing_within_days": _closing_within,
            "expected_from": on_or_after("d.expected_close"),
            "expected_to": lambda v: ("d.expected_close <= ?", [_iso(v)]),
        },
    )
)

_register(
    ListSpec(
        entity="sales_order",
        id_sql="o.id",
        # LEFT JOIN: an order whose customer is gone (another tool, foreign keys off) is
        # listed, as it is counted; the rows are read in the order of the order's index.
        from_sql="sales_order o LEFT JOIN customer c ON c.id = o.customer_id",
        scan_from="sales_order o NOT INDEXED LEFT JOIN customer c ON c.id = o.customer_id",
        trash_column=("sales_order", "customer_id"),
        base_where="c.deleted_at IS NULL",
        columns=(),  # the catalogue's (services/orders.py)
        default_sort="order_date",
        default_descending=True,
        search=folded_search("o.number", "c.name"),
        filters={
            "status": equals("o.status"),
            "customer_id": equals("o.customer_id"),
            "deal_id": equals("o.deal_id"),
            "date_from": on_or_after("o.order_date"),
            "date_to": lambda v: ("o.order_date <= ?", [_iso(v)]),
            "revenue": lambda v: (f"o.status IN ({_REVENUE_STATUSES})" if v else "1", []),
        },
    )
)

_register(
    ListSpec(
        entity="task",
        id_sql="t.id",
        from_sql=(
            "task t LEFT JOIN customer c ON c.id = t.customer_id "
            "LEFT JOIN contact ct ON ct.id = t.contact_id LEFT JOIN deal d ON d.id = t.deal_id"
        ),
        # A task without a customer is kept: the count leaves out only trashed customers' rows.
        trash_column=("task", "customer_id"),
        base_where="(t.customer_id IS NULL OR c.deleted_at IS NULL)",
        columns=(),  # the catalogue's (services/tasks.py)
        default_sort="due_date",
        search=folded_search("t.title", "t.notes", "c.name", "ct.name"),
        filters={
            "status": equals("t.status"),
            "priority": equals("t.priority"),
            "overdue": _overdue,
            "due_within_days": _due_within,
            "due_from": on_or_after("t.due_date"),
            "due_to": lambda v: ("t.due_date <= ?", [_iso(v)]),
            "customer_id": equals("t.customer_id"),
            "deal_id": equals("t.deal_id"),
            "contact_id": equals("t.contact_id"),
        },
    )
)

_register(
    ListSpec(
        entity="interaction",
        id_sql="i.id",
        from_sql=(  # LEFT JOIN: as the orders'
            "interaction i LEFT JOIN customer c ON c.id = i.customer_id "
            "LEFT JOIN contact ct ON ct.id = i.contact_id"
        ),
        scan_from=(
            "interaction i NOT INDEXED LEFT JOIN customer c ON c.id = i.customer_id "
            "LEFT JOIN contact ct ON ct.id = i.contact_id"
        ),
        trash_column=("interaction", "customer_id"),
        base_where="c.deleted_at IS NULL",
        columns=(),  # the catalogue's (services/interactions.py)
        default_sort="occurred_at",
        default_descending=True,
        search=folded_search("i.subject", "i.notes", "c.name", "ct.name"),
        filters={
            "kind": equals("i.kind"),
            "customer_id": equals("i.customer_id"),
            "contact_id": equals("i.contact_id"),
            "from": on_or_after("i.occurred_at"),
            "to": on_or_before("i.occurred_at"),
        },
    )
)

_register(
    ListSpec(
        entity="campaign",
        id_sql="cp.id",
        from_sql="campaign cp",
        columns=(),  # the catalogue's (services/campaigns.py)
        default_sort="start_date",
        default_descending=True,
        search=folded_search("cp.name", "cp.location", "cp.notes"),
        filters={"kind": equals("cp.kind")},
    )
)

_register(
    ListSpec(
        entity="campaign_member",
        id_sql="m.id",
        # The customer's stored sort key (customer_search, as the customer list sorts).
        from_sql=(
            "campaign_member m JOIN customer c ON c.id = m.customer_id "
            "LEFT JOIN customer_search s ON s.id = m.customer_id"
        ),
        base_where="c.deleted_at IS NULL",
        columns=(
            Column("customer_name", "c.name", "text", "s.name_key", nullable=False),
            enum(
                "status",
                "m.status",
                ("planned", "invited", "responded", "attended", "converted", "declined"),
            ),
            text("email", "c.email", kind="email"),
            plain("phone", "c.phone", "phone"),
            plain("customer_id", "m.customer_id", "int", sortable=False),
        ),
        default_sort="customer_name",
        search=folded_search("c.name", "c.email"),
        filters={"campaign_id": equals("m.campaign_id"), "status": equals("m.status")},
    )
)

_register(
    ListSpec(
        entity="service_case",
        id_sql="sc.id",
        from_sql=(  # LEFT JOIN: as the orders'
            "service_case sc LEFT JOIN customer c ON c.id = sc.customer_id "
            "LEFT JOIN product p ON p.id = sc.product_id"
        ),
        scan_from=(
            "service_case sc NOT INDEXED LEFT JOIN customer c ON c.id = sc.customer_id "
            "LEFT JOIN product p ON p.id = sc.product_id"
        ),
        trash_column=("service_case", "customer_id"),
        base_where="c.deleted_at IS NULL",
        columns=(),  # the catalogue's (services/service_cases.py)
        default_sort="opened_at",
        default_descending=True,
        search=folded_search("sc.subject", "sc.description", "c.name", "p.name"),
        filters={
            "status": equals("sc.status"),
            "kind": equals("sc.kind"),
            "open": _open_cases,
            "customer_id": equals("sc.customer_id"),
            "product_id": equals("sc.product_id"),
        },
    )
)

_register(
    ListSpec(
        entity="trash_item",
        id_sql="ti.id",
        from_sql="trash_item ti",
        columns=(
            plain("deleted_at", "ti.deleted_at", "datetime", nullable=False),
            plain("entity", "ti.entity", "enum", nullable=False),
            Column("label", "ti.label", "text", "crm_sort_key(ti.label)", nullable=False),
            plain("batch", "ti.batch", "int", nullable=False),
            plain("entity_id", "ti.entity_id", "int", sortable=False),
        ),
        default_sort="deleted_at",
        default_descending=True,
        search=folded_search("ti.label", "ti.entity"),
        filters={"entity": equals("ti.entity"), "batch": equals("ti.batch")},
    )
)


# --- querying -----------------------------------------------------------------------------


def spec(entity: str) -> ListSpec:
    return SPECS[entity]


def _where(list_spec: ListSpec, query: ListQuery, matched: list[int] | None = None) -> Clause:
    clauses = [list_spec.base_where]
    params: list[Any] = []
    if matched is not None:
        clauses.append(f"{list_spec.id_sql} IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(matched))
    elif query.search.strip() and list_spec.search is not None:
        sql, values = list_spec.search(query.search)
        clauses.append(sql)
        params.extend(values)
    for key, value in query.filters.items():
        if value is None or value == "" or value == []:
            continue
        if key.startswith(custom_fields.PREFIX):
            sql, values = custom_fields.filter_clause(list_spec.entity, key, value)
        elif key not in list_spec.filters:
            raise KeyError(f"{list_spec.entity} list has no filter {key!r}")
        else:
            sql, values = list_spec.filters[key](value)
        clauses.append(f"({sql})")
        params.extend(values)
    return " AND ".join(clauses), params


def order_by(list_spec: ListSpec, query: ListQuery, *, reverse: bool = False) -> str:
    """The ORDER BY of a list (``reverse``: the same order from its last row up)."""
    key, descending = _sort_key_and_direction(list_spec, query)
    column = list_spec.column(key)
    direction = "DESC" if descending != reverse else "ASC"
    parts = []
    if column.nullable:
        parts.append(f"({column.sql} IS NULL){' DESC' if reverse else ''}")
    parts.append(f"{column.sort} {direction}")
    parts.append(f"{list_spec.id_sql} {direction}")
    return ", ".join(parts)


def _sort_key_and_direction(list_spec: ListSpec, query: ListQuery) -> tuple[str, bool]:
    key = query.sort or list_spec.default_sort
    if list_spec.column(key).sort is None:
        key = list_spec.default_sort
    descending = (
        query.descending
        if query.descending is not None
        else (list_spec.default_descending if query.sort is None else False)
    )
    return key, descending


def list_ids(entity: str, query: ListQuery | None = None) -> list[int]:
    """The ids of a list's rows, filtered, searched and sorted by the database."""
    return list(_list_ids(entity, query, compact=False))


def list_id_array(entity: str, query: ListQuery | None = None) -> array[int]:
    """:func:`list_ids` as a compact array (8 bytes an id), for the tables.

    SQLite writes the ids as one hexadecimal string that Python turns into the array
    in C: at a million rows Python holds the GIL ~40 ms instead of ~900 ms for a
    million row tuples, so the window stays smooth while a table's ids are read.
    """
    ids = _list_ids(entity, query, compact=True)
    return ids if isinstance(ids, array) else array("q", ids)  # a search's ranked ids


def _ready(entity: str) -> ListSpec:
    """The list to read now: its stand-in when what it reads by is not ready (before_read)."""
    list_spec = SPECS[entity]
    if list_spec.before_read is None or list_spec.before_read() is not False:
        return list_spec
    return list_spec.stand_in or list_spec


def _list_ids(entity: str, query: ListQuery | None, *, compact: bool) -> Any:
    list_spec = _ready(entity)
    query = query or ListQuery()
    matched = None
    if query.search.strip() and list_spec.search_ids is not None:
        matched = list_spec.search_ids(query.search)
        active_filters = [k for k, v in query.filters.items() if v not in (None, "", [])]
        key, descending = _sort_key_and_direction(list_spec, query)
        if not active_filters and key == list_spec.search_order:
            return matched[::-1] if descending else matched
    where, params = _where(list_spec, query, matched)
    source = _source(list_spec, query, matched)
    if list_spec.scan_from and matched is None and not _narrowed(query):
        source = list_spec.scan_from
    key, descending = _sort_key_and_direction(list_spec, query)
    column = list_spec.column(key)
    if key.startswith(custom_fields.PREFIX):
        found = _by_custom_field(list_spec, query, where, params, key, descending)
    elif column.sort == f"crm_sort_key({column.sql})" and column.kind not in _MOSTLY_UNIQUE:
        # Text in any script (a City sort): its distinct values ranked once each, in Python.
        rows_source = list_spec.lean_from if _unfiltered(query) and list_spec.lean_from else source
        table, table_id = list_spec.own_table or (source, list_spec.id_sql)
        if not re.fullmatch(rf"{table_id.split('.')[0]}\.\w+", column.sql):
            table, table_id = source, list_spec.id_sql  # a column of a joined table
        sql = folded_order.group_sql(
            column.sql, table_id, table, list_spec.id_sql, rows_source, where
        )
        found = folded_order.ids_in_order(database.execute_sql(sql, params), descending)
    else:
        ordering = order_by(list_spec, query)
        sql = f"SELECT {list_spec.id_sql} AS id FROM {source} WHERE {where} ORDER BY {ordering}"
        if compact and matched is None:
            return _packed_ids(sql, params)
        found = [row[0] for row in database.execute_sql(sql, params)]
    if (
        matched is not None
        and _sort_key_and_direction(list_spec, query)[0] == list_spec.search_order
    ):
        # Filters narrowed a search: keep the search's ranking (best match first).
        kept = set(found)
        ranked = [i for i in matched if i in kept]
        return ranked[::-1] if _sort_key_and_direction(list_spec, query)[1] else ranked
    return found


# Kinds whose values are mostly all different (an address each): grouping by value gains
# nothing there, and the database's own sort is quicker.
_MOSTLY_UNIQUE = frozenset({"email", "url", "phone"})


def _narrowed(query: ListQuery) -> bool:
    """Whether a filter keeps the rows of some ids (one customer's orders: an index's range)."""
    return any(
        (key.endswith("_id") or key == "ids" or key.startswith(custom_fields.PREFIX))
        and value not in (None, "", [])
        for key, value in query.filters.items()
    )


def _unfiltered(query: ListQuery) -> bool:
    return not query.search.strip() and not any(
        v not in (None, "", []) for v in query.filters.values()
    )


def _packed_ids(sql: str, params: Sequence[Any]) -> array[int]:
    """The ``id`` column of a query, in its order, read as one string (see list_id_array)."""
    # The subquery keeps its order: SQLite never flattens an ordered subquery into
    # an aggregate (rule 16 of its query flattener).
    packed = database.execute_sql(
        f"SELECT group_concat(printf('%016x', id), '') FROM ({sql})", params
    ).fetchone()[0]
    ids = array("q")
    ids.frombytes(bytes.fromhex(packed or ""))
    if sys.byteorder == "little":
        ids.byteswap()  # printf wrote them big-endian
    return ids


def _source(list_spec: ListSpec, query: ListQuery, matched: list[int] | None = None) -> str:
    """The FROM of a query: without joins when the list's lean FROM is enough for it."""
    if (
        list_spec.lean_from
        and matched is None
        and not query.search.strip()
        and not any(v not in (None, "", []) for v in query.filters.values())
        and _sort_key_and_direction(list_spec, query)[0] in list_spec.lean_sorts
    ):
        return list_spec.lean_from
    return list_spec.from_sql


def list_ends(
    entity: str, query: ListQuery | None = None, size: int = 200
) -> tuple[int, list[int], list[int]] | None:
    """How many rows a list has, and the ids of its first and last ``size`` rows.

    What a table needs to open and to jump to its end at once, at a million rows:
    a count and two short reads in index order, instead of every id (a second
    or more). None when that would not be quicker: a search, or an order no index
    gives (the database would sort every row for each end); then :func:`list_ids`.
    """
    list_spec = SPECS[entity]
    query = query or ListQuery()
    if query.search.strip():
        return None
    if _sort_key_and_direction(list_spec, query)[0].startswith(custom_fields.PREFIX):
        return None  # a custom field's order comes from its own table's index
    list_spec = _ready(entity)
    where, params = _where(list_spec, query)
    unfiltered = _unfiltered(query)
    source = _source(list_spec, query)
    if unfiltered and list_spec.ends_from:
        source = list_spec.ends_from
    select = f"SELECT {list_spec.id_sql} FROM {source} WHERE {where} ORDER BY "
    head_sql = select + order_by(list_spec, query) + " LIMIT ?"
    if _sorts_every_row(head_sql, [*params, size]):
        split = _split_ends(list_spec, query, source, where, params, size)
        if split is None:
            return None
        head, tail = split
        return _count_for_ends(list_spec, source, where, params, unfiltered), head, tail
    rows = _count_for_ends(list_spec, source, where, params, unfiltered)
    head = [row[0] for row in database.execute_sql(head_sql, [*params, size])]
    tail_sql = select + order_by(list_spec, query, reverse=True) + " LIMIT ?"
    tail = [row[0] for row in database.execute_sql(tail_sql, [*params, size])][::-1]
    return rows, head, tail


def _sorts_every_row(sql: str, params: Sequence[Any]) -> bool:
    """Whether SQLite would sort every row for ``sql`` (no index gives its order)."""
    plan = database.execute_sql(f"EXPLAIN QUERY PLAN {sql}", list(params)).fetchall()
    # "FOR RIGHT PART OF ORDER BY": the index gives the order but for ties (orders of one
    # day by id), which SQLite sorts a group at a time as it walks: the ends stay quick.
    return any(
        "TEMP B-TREE" in str(step[-1]) and "RIGHT PART" not in str(step[-1]) for step in plan
    )


def _split_ends(
    list_spec: ListSpec,
    query: ListQuery,
    source: str,
    where: str,
    params: list[Any],
    size: int,
) -> tuple[list[int], list[int]] | None:
    """The ends of a list sorted by a nullable plain column (a date), empty values last.

    No index gives ``(x IS NULL), x, id`` (SQLite's indexes hold NULL first), so each end is
    read in two parts that an index on ``x`` does give: the rows with a value in ``x``'s
    order, then the empty ones in id order (or the other way round for the last rows).
    None when the column is not such a column or no index serves a part.
    """
    key, descending = _sort_key_and_direction(list_spec, query)
    column = list_spec.column(key)
    if not column.nullable or column.sort != column.sql:
        return None
    parts = {
        (valued, desc): _part_sql(list_spec, column.sql, source, where, valued, desc)
        for valued in (True, False)
        for desc in (True, False)
    }
    head_parts = (parts[True, descending], parts[False, descending])
    tail_parts = (parts[False, not descending], parts[True, not descending])
    if any(_sorts_every_row(sql, [*params, size]) for sql in (*head_parts, *tail_parts)):
        return None

    def read(sqls: tuple[str, str]) -> list[int]:
        ids: list[int] = []
        for sql in sqls:
            if len(ids) < size:
                ids += [row[0] for row in database.execute_sql(sql, [*params, size - len(ids)])]
        return ids

    return read(head_parts), read(tail_parts)[::-1]


def _part_sql(
    list_spec: ListSpec, value_sql: str, source: str, where: str, valued: bool, desc: bool
) -> str:
    """The rows of a list with (``valued``) or without a value in ``value_sql``, in order."""
    direction = "DESC" if desc else "ASC"
    ident = list_spec.id_sql
    order = f"{value_sql} {direction}, {ident} {direction}" if valued else f"{ident} {direction}"
    test = "IS NOT NULL" if valued else "IS NULL"
    return (
        f"SELECT {ident} FROM {source} WHERE ({where}) AND {value_sql} {test} "
        f"ORDER BY {order} LIMIT ?"
    )


@dataclass(frozen=True)
class Page:
    """Some rows of a list in its order, and where the next page begins."""

    ids: list[int]
    # (sort value, id) of the last row: the next page is the rows after it.
    after: tuple[Any, int] | None
    complete: bool  # no rows after these


def list_page(
    entity: str,
    query: ListQuery,
    after: tuple[Any, int] | None = None,
    size: int = 100,
    *,
    through: tuple[Any, int] | None = None,
) -> Page:
    """The ``size`` rows of a list after the row ``after`` (from its start when None).

    For a list sorted by a plain column (a date), read from an index in its order a page
    at a time (a keyset: the last row's value and id, not an offset), so the next page
    costs what the first did, however far down it is; empty values last, as
    :func:`order_by` sorts them. ``through``: every row up to that row, whatever their
    number (``size`` is then not a limit). Not for a search.
    """
    list_spec = SPECS[entity]
    key, descending = _sort_key_and_direction(list_spec, query)
    column = list_spec.column(key)
    if column.sort != column.sql or query.search.strip():
        raise ValueError(f"{entity} by {key} is not read a page at a time")
    where, params = _where(list_spec, query)
    source = list_spec.ends_from or list_spec.from_sql
    value_sql, ident = column.sql, list_spec.id_sql
    limit = -1 if through is not None else size  # SQLite: a negative LIMIT is none
    rows: list[tuple[int, Any]] = []
    for valued in (True, False) if column.nullable else (True,):
        clauses = [f"({where})"]
        values = list(params)
        if column.nullable:
            clauses.append(f"{value_sql} IS {'NOT ' if valued else ''}NULL")
        for bound, is_after in ((after, True), (through, False)):
            if bound is None:
                continue
            clause = _bound(value_sql, ident, valued, bound, descending, is_after)
            if clause is None:
                break  # this part lies wholly outside the bound
            clauses.append(clause[0])
            values.extend(clause[1])
        else:
            direction = "DESC" if descending else "ASC"
            order = f"{ident} {direction}"
            if valued:
                order = f"{value_sql} {direction}, {order}"
            sql = (
                f"SELECT {ident}, {value_sql} FROM {source} WHERE {' AND '.join(clauses)} "
                f"ORDER BY {order} LIMIT ?"
            )
            wanted = limit if limit < 0 else limit - len(rows)
            rows += database.execute_sql(sql, [*values, wanted]).fetchall()
            if 0 <= limit <= len(rows):
                break
    last = (rows[-1][1], rows[-1][0]) if rows else after
    complete = through is None and len(rows) < size
    return Page([row[0] for row in rows], last, complete)


def _bound(
    value_sql: str,
    ident: str,
    valued: bool,
    bound: tuple[Any, int],
    descending: bool,
    after: bool,
) -> Clause | None:
    """The rows of one part of a list (``valued`` or empty) after the row ``bound`` (or,
    ``after`` False, up to and with it). None when none of the part's rows are."""
    value, bound_id = bound
    if after:
        side, tie = ("<", "<") if descending else (">", ">")
    else:
        side, tie = (">", ">=") if descending else ("<", "<=")
    if value is None:  # the bound is an empty row: every valued row comes before it
        if valued:
            return None if after else ("1", [])
        return f"{ident} {tie} ?", [bound_id]
    if not valued:  # the empty rows all come after a valued bound
        return ("1", []) if after else None
    # x ≥ v first (asc, after): a range SQLite seeks in the index; then v's ties by id.
    return (
        f"{value_sql} {side}= ? AND ({value_sql} {side} ? OR {ident} {tie} ?)",
        [value, value, bound_id],
    )


def _count_for_ends(
    list_spec: ListSpec, source: str, where: str, params: list[Any], unfiltered: bool
) -> int:
    """The rows of a list, for its ends: an unfiltered list that leaves out the trash counts
    its table less the trashed customers' rows (a few index reads, not a join a row)."""
    if unfiltered and list_spec.trash_column and where == list_spec.base_where:
        table, column = list_spec.trash_column
        sql = (
            f'SELECT (SELECT count(*) FROM "{table}") - (SELECT count(*) FROM "{table}" '
            f'WHERE "{column}" IN (SELECT id FROM customer WHERE deleted_at IS NOT NULL))'
        )
        return int(database.execute_sql(sql).fetchone()[0])
    own = _own_filters(list_spec, where)
    if own is not None and list_spec.trash_column:
        # Filters on the list's own columns (the Deals list by stage): the same difference,
        # each side counted from the own table's index for the filter.
        table, column = list_spec.trash_column
        alias = list_spec.id_sql.split(".")[0]
        sql = (
            f'SELECT (SELECT count(*) FROM "{table}" {alias} WHERE 1{own}) - '
            f'(SELECT count(*) FROM customer gone CROSS JOIN "{table}" {alias} '
            f'ON {alias}."{column}" = gone.id WHERE gone.deleted_at IS NOT NULL{own})'
        )
        return int(database.execute_sql(sql, [*params, *params]).fetchone()[0])
    # No WHERE at all when nothing filters: SQLite then counts the smallest index's entries
    # page by page (11 ms at a million customers), where "WHERE 1" reads each (55-80 ms).
    kept = "" if where.strip() == "1" else f" WHERE {where}"
    total = database.execute_sql(f"SELECT count(*) FROM {source}{kept}", params)
    return int(total.fetchone()[0])


def _own_filters(list_spec: ListSpec, where: str) -> str | None:
    """`` AND …`` the filters of ``where`` when each reads only the list's own table's
    columns (``d.stage = ?``), else None (a search, a customer's column, a subquery)."""
    base = list_spec.base_where
    if not where.startswith(base) or where == base or "?" in base:
        return None
    rest = where[len(base) :]
    alias = list_spec.id_sql.split(".")[0]
    if "SELECT" in rest.upper() or {a for a in re.findall(r"\b(\w+)\.\w", rest)} != {alias}:
        return None
    return rest


def first_ids(entity: str, query: ListQuery, limit: int) -> tuple[list[int] | array[int], bool]:
    """The first ``limit`` ids of a list at once and whether they are all of them.

    A plain customer search in its own order (best match first) reads only its first
    page from the search index: a one-letter query on a big file matches most customers,
    and the whole list (:func:`list_ids`) then follows in the background. Any other list
    is read whole.
    """
    list_spec = SPECS[entity]
    if (
        entity == "customer"
        and query.search.strip()
        and not [k for k, v in query.filters.items() if v not in (None, "", [])]
        and _sort_key_and_direction(list_spec, query) == (list_spec.search_order, False)
    ):
        page = first_search_page(query.search, limit)
        return page.ids, page.complete
    return list_id_array(entity, query), True  # compact: a million ids


def _by_custom_field(
    list_spec: ListSpec,
    query: ListQuery,
    where: str,
    params: list[Any],
    key: str,
    descending: bool,
) -> list[int]:
    """A list sorted by a custom field: the rows the query keeps, in the order of the
    field's index (ties by id), the rows without a value last. Asking SQLite to ORDER BY
    the value would look each row's value up and sort 100,000 of them; walking the index
    that is already in order and keeping the list's rows is a fraction of that."""
    source = (
        list_spec.lean_from if list_spec.lean_from and _unfiltered(query) else list_spec.from_sql
    )
    kept = set(_packed_ids(f"SELECT {list_spec.id_sql} AS id FROM {source} WHERE {where}", params))
    valued = list(
        filter(kept.__contains__, _packed_ids(*custom_fields.ordered_sql(key, descending)))
    )
    rest = kept.difference(valued)
    return valued + sorted(rest, reverse=descending)


def count(entity: str, query: ListQuery | None = None) -> int:
    list_spec = _ready(entity)
    query = query or ListQuery()
    if query.search.strip() and list_spec.search_ids is not None:
        return len(list_ids(entity, query))
    where, params = _where(list_spec, query)
    sql = f"SELECT count(*) FROM {list_spec.from_sql} WHERE {where}"
    return int(database.execute_sql(sql, params).fetchone()[0])


def fetch_rows(entity: str, ids: Sequence[int], columns: Sequence[str] | None = None) -> list[Row]:
    """The rows with these ids, in the order asked (ids that are gone are left out)."""
    list_spec = SPECS[entity]
    wanted = list_spec.columns_of(columns) if columns else list(list_spec.all_columns())
    select = ", ".join(f"{column.sql} AS {column.key}" for column in wanted)
    found: dict[int, Row] = {}
    ids = list(ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ignored in chunk)
        cursor = database.execute_sql(
            f"SELECT {list_spec.id_sql} AS id, {select} "
            f"FROM {list_spec.fetch_from or list_spec.from_sql} "
            f"WHERE {list_spec.id_sql} IN ({marks})",
            chunk,
        )
        names = [column[0] for column in cursor.description]
        for values in cursor.fetchall():
            row = dict(zip(names, values, strict=True))
            found[row["id"]] = row
    return [found[i] for i in ids if i in found]


def iter_rows(entity: str, query: ListQuery | None = None, *, batch: int = 2000) -> Any:
    """Every row of a list in its order, a batch at a time (exports of the current view)."""
    ids = list_ids(entity, query)
    for start in range(0, len(ids), batch):
        yield from fetch_rows(entity, ids[start : start + batch])
