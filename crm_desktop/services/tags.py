"""Tags: segment labels on customers ("VIP", "newsletter"), matched without regard to case."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator, Sequence

import peewee

from crm_desktop.errors import ValidationError
from crm_desktop.i18n import _
from crm_desktop.models import CustomerTag, Tag, database
from crm_desktop.services import audit, interrupting
from crm_desktop.services.changes import notify, transaction
from crm_desktop.services.search import reindex_customers
from crm_desktop.services.text import clean_line, fold, sort_key


def all_tags(cancelled: Callable[[], bool] | None = None) -> list[tuple[int, str, int]]:
    """Every tag as (id, name, number of customers not in the trash), by name.

    Counting reads every tag link (~0.8 s at 1M customers): ``cancelled``, asked as it
    runs, stops it with :class:`~crm_desktop.services.interrupting.Stopped`. For names
    alone, :func:`tag_names`.
    """
    with interrupting.interruptible(cancelled):
        rows = database.execute_sql(
            "SELECT t.id, t.name, count(c.id) FROM tag t "
            "LEFT JOIN customer_tag ct ON ct.tag_id = t.id "
            "LEFT JOIN customer c ON c.id = ct.customer_id AND c.deleted_at IS NULL "
            "GROUP BY t.id"
        ).fetchall()
    return sorted(rows, key=lambda row: fold(row[1]))


def uncounted_tags() -> list[tuple[int, str, None]]:
    """Every tag as (id, name, None), by name: at once, whatever the number of customers."""
    rows = database.execute_sql("SELECT id, name FROM tag").fetchall()
    return sorted(((tag_id, name, None) for tag_id, name in rows), key=lambda row: fold(row[1]))


def tag_names() -> list[str]:
    """Every tag's name, by name (what completion and pickers offer)."""
    return [name for _id, name, _none in uncounted_tags()]


def names_of(tag_ids: Sequence[int]) -> dict[int, str]:
    """The names of the tags ``tag_ids`` (a deleted one is left out), without counting
    their customers as :func:`all_tags` does."""
    wanted = [int(tag_id) for tag_id in tag_ids]
    if not wanted:
        return {}
    marks = ", ".join("?" * len(wanted))
    rows = database.execute_sql(f"SELECT id, name FROM tag WHERE id IN ({marks})", wanted)
    return dict(rows.fetchall())


def tags_sql(customer_id_sql: str, order: str = "crm_sort_key(t.name)") -> str:
    """The one SQL for a customer's tag names, joined by ", " in the order :func:`tags_of` gives."""
    return (
        "(SELECT group_concat(name, ', ') FROM (SELECT t.name AS name FROM customer_tag ct "
        f"JOIN tag t ON t.id = ct.tag_id WHERE ct.customer_id = {customer_id_sql} "
        f"ORDER BY {order}))"
    )


# Each tag's place in crm_sort_key's order, made once for a long read (a whole export).
_RANKS = "temp.export_tag_rank"


def ranked_tags_sql(customer_id_sql: str) -> str:
    """:func:`tags_sql` ordered by the ranks :func:`ranked` made: no Python call a row."""
    return tags_sql(customer_id_sql, f"(SELECT r.rank FROM {_RANKS} r WHERE r.id = t.id)")


@contextlib.contextmanager
def ranked() -> Iterator[bool]:
    """While it lasts, :func:`ranked_tags_sql` can be read on this connection; says whether.

    The rank is dense: tags whose keys are equal share one, so SQLite's sort meets the
    same comparisons as with ``crm_sort_key`` and gives the same order. A connection that
    may not write even its temporary tables (``query_only``) yields False.
    """
    rows = database.execute_sql("SELECT id, name FROM tag").fetchall()
    keys = {tag_id: sort_key(name) if isinstance(name, str) else None for tag_id, name in rows}
    order = sorted({key for key in keys.values() if key is not None})
    place = {key: number for number, key in enumerate(order, start=1)}
    ranks = [(tag_id, 0 if key is None else place[key]) for tag_id, key in keys.items()]
    try:
        database.execute_sql(f"DROP TABLE IF EXISTS {_RANKS}")
        database.execute_sql(
            f"CREATE TABLE {_RANKS} (id INTEGER PRIMARY KEY, rank INTEGER NOT NULL)"
        )
        for start in range(0, len(ranks), 500):
            chunk = ranks[start : start + 500]
            database.execute_sql(
                f"INSERT INTO {_RANKS} VALUES {', '.join('(?, ?)' for _pair in chunk)}",
                [value for pair in chunk for value in pair],
            )
    except peewee.OperationalError:
        yield False
        return
    try:
        yield True
    finally:
        with contextlib.suppress(peewee.DatabaseError):  # the connection was closed meanwhile
            database.execute_sql(f"DROP TABLE IF EXISTS {_RANKS}")


def tags_of(customer_id: int) -> list[str]:
    rows = database.execute_sql(
        "SELECT t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id "
        "WHERE ct.customer_id = ?",
        (customer_id,),
    ).fetchall()
    return sorted((row[0] for row in rows), key=sort_key)


def _clean_name(name: str) -> str:
    text = clean_line(name or "")
    if not text:
        raise ValidationError({"tag": _("A tag needs a name.")})
    if len(text) > 60:
        raise ValidationError({"tag": _("A tag has at most 60 characters.")})
    return text


def ensure_tag(name: str) -> int:
    """The id of the tag with this name (any case), created if new."""
    text = _clean_name(name)
    for tag_id, existing in database.execute_sql("SELECT id, name FROM tag").fetchall():
        if fold(existing) == fold(text):
            return tag_id
    with transaction():
        tag_id = Tag.insert(name=text).execute()
        audit.record("tag", tag_id, "create", {"name": [None, text]})
        notify("tag", (tag_id,), "create")
    return tag_id


def _set_membership(customer_ids: Sequence[int], names: Iterable[str], add: bool) -> list[int]:
    changed: list[int] = []
    with transaction():
        for name in names:
            tag_id = ensure_tag(name)
            tag_name = Tag.get_by_id(tag_id).name
            for customer_id in customer_ids:
                before = tags_of(customer_id)
                if (tag_name in before) == add:
                    continue
                if add:
                    CustomerTag.insert(customer=customer_id, tag=tag_id).execute()
                else:
                    CustomerTag.delete().where(
                        (CustomerTag.customer == customer_id) & (CustomerTag.tag == tag_id)
                    ).execute()
                after = tags_of(customer_id)
                audit.record("customer", customer_id, "update", {"tags": [before, after]})
                if customer_id not in changed:
                    changed.append(customer_id)
        reindex_customers(changed)
        if changed:
            notify("customer", changed, "update")
    return changed


def add_tags(customer_ids: Sequence[int], names: Iterable[str]) -> list[int]:
    """Tag several customers as one step; returns the customers that changed."""
    return _set_membership(customer_ids, list(names), add=True)


def remove_tags(customer_ids: Sequence[int], names: Iterable[str]) -> list[int]:
    """Untag several customers as one step; returns the customers that changed."""
    return _set_membership(customer_ids, list(names), add=False)


def set_tags(customer_id: int, names: Iterable[str]) -> None:
    """Make a customer's tags exactly ``names`` (the form's tag field)."""
    wanted = {fold(_clean_name(n)): _clean_name(n) for n in names if n and n.strip()}
    current = {fold(n): n for n in tags_of(customer_id)}
    with transaction():
        add = [wanted[k] for k in wanted if k not in current]
        drop = [current[k] for k in current if k not in wanted]
        if add:
            add_tags([customer_id], add)
        if drop:
            remove_tags([customer_id], drop)
