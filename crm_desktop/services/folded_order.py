"""A list sorted by a text column in any script, from the column's distinct values.

``ORDER BY crm_sort_key(city)`` calls Python once a row for the sort key and
sorts 100,000 text keys in a temporary B-tree, after reading the rows in name
order (a page jump a row): a customer list sorted by City took over a second.
Such columns mostly hold few distinct values (cities, countries, sources): the
database reads the list's rows in id order and groups them by value, Python
computes each value's key once (:func:`~crm_desktop.services.text.sort_key`)
and lays the groups end to end.

The order is exactly :func:`crm_desktop.services.listing.order_by`'s: by the
folded key, ties by id in the same direction, empty values last in both
directions. Columns whose values are mostly all different (emails, web
addresses) keep the database's own sort: grouping gains nothing there.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from crm_desktop.services.text import sort_key


def group_sql(
    value_sql: str, id_sql: str, source: str, rows_id_sql: str, rows_source: str, where: str
) -> str:
    """The query whose rows :func:`ids_in_order` takes: (value, the ids holding it).

    The list's rows are the ids ``rows_id_sql`` of ``rows_source`` kept by ``where`` (the
    list's lean FROM when nothing filters it); their values are read from ``source``."""
    # The rows are found first, then read in id order: each table is then read page after
    # page, where walking an index in name order would jump between pages for every row
    # (100,000 jumps were most of the time of a City sort).
    # Without a WHERE, "IN (SELECT id FROM table)" walks the table's own ids in order; even
    # "WHERE 1" makes SQLite first copy them into a list (40 ms at 100,000 rows).
    kept = f" WHERE {where}" if where.strip() != "1" else ""
    return (
        f"SELECT {value_sql}, group_concat({id_sql}) FROM {source} "
        f"WHERE {id_sql} IN (SELECT {rows_id_sql} FROM {rows_source}{kept}) GROUP BY 1"
    )


def ids_in_order(groups: Iterable[tuple[Any, str | None]], descending: bool) -> list[int]:
    """The ids of (value, "id,id,…") groups in the values' folded order."""
    by_key: dict[str, list[str]] = {}
    empty: list[str] = []
    for value, ids in groups:
        if ids is None:
            continue
        if value is None:
            empty.append(ids)
        else:
            # What crm_sort_key gives a value that is not text (another tool wrote a number
            # there): NULL, which sorts before every text ("" does too).
            key = sort_key(value) if isinstance(value, str) else ""
            by_key.setdefault(key, []).append(ids)
    ordered: list[int] = []
    for key in sorted(by_key, reverse=descending):
        ordered.extend(_ids(by_key[key], descending))
    ordered.extend(_ids(empty, descending))
    return ordered


def _ids(parts: list[str], descending: bool) -> list[int]:
    # Values that fold alike ("Berlin", "BERLIN") are one group: their ids merge by id.
    ids = [int(i) for part in parts for i in str(part).split(",")]
    ids.sort(reverse=descending)
    return ids
