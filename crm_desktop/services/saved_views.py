"""Saved views: a list's search, filters, sort and visible columns kept under a name.

A view is a row of ``saved_view`` (schema 9): the list's entity (``customer``,
``task``…), its name (unique in the list, whatever the case), its place among
the list's views, and ``state``, a JSON object::

    {"search": "…", "filters": {"status": "active", …},
     "sort": "name", "descending": false, "columns": ["name", "email", …]}

Views live in the database, so they travel with the data and its backups; the
sidebar shows them under their list, and ``crm-desktop export ENTITY --view
NAME`` exports exactly what a view shows (:func:`export_view`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crm_desktop.errors import CrmError, ValidationError
from crm_desktop.i18n import _
from crm_desktop.models import database
from crm_desktop.services import audit, listing
from crm_desktop.services.changes import notify, transaction
from crm_desktop.services.listing import ListQuery
from crm_desktop.services.text import clean_line, fold

MAX_NAME = 80


@dataclass(frozen=True)
class SavedView:
    """One saved view of a list."""

    id: int
    entity: str
    name: str
    position: int
    query: ListQuery
    columns: tuple[str, ...] = field(default=())


def _state(query: ListQuery, columns: Sequence[str]) -> str:
    filters = {k: v for k, v in query.filters.items() if v not in (None, "")}
    return json.dumps(
        {
            "search": query.search,
            "filters": filters,
            "sort": query.sort,
            "descending": query.descending,
            "columns": list(columns),
        },
        ensure_ascii=False,
        sort_keys=True,
        default=str,
    )


def _view(row: Sequence[Any]) -> SavedView:
    view_id, entity, name, position, state = row
    data = json.loads(state)
    query = ListQuery(
        search=str(data.get("search") or ""),
        filters=dict(data.get("filters") or {}),
        sort=data.get("sort"),
        descending=data.get("descending"),
    )
    return SavedView(view_id, entity, name, position, query, tuple(data.get("columns") or ()))


_SELECT = "SELECT id, entity, name, position, state FROM saved_view"


def list_views(entity: str | None = None) -> list[SavedView]:
    """The saved views (of one list), in their order."""
    if entity is None:
        rows = database.execute_sql(f"{_SELECT} ORDER BY entity, position, id").fetchall()
    else:
        rows = database.execute_sql(
            f"{_SELECT} WHERE entity = ? ORDER BY position, id", (entity,)
        ).fetchall()
    return [_view(row) for row in rows]


def get_view(view_id: int) -> SavedView:
    row = database.execute_sql(f"{_SELECT} WHERE id = ?", (view_id,)).fetchone()
    if row is None:
        raise CrmError(_("This saved view does not exist (any more)."))
    return _view(row)


def find_view(entity: str, name: str) -> SavedView:
    """The view of ``entity`` called ``name`` (any case); CrmError naming the ones there are."""
    wanted = fold(clean_line(name or ""))
    views = list_views(entity)
    for view in views:
        if fold(view.name) == wanted:
            return view
    known = ", ".join(v.name for v in views) or _("none yet")
    raise CrmError(
        _("There is no saved view “{name}” of this list (saved views: {known}).").format(
            name=name, known=known
        )
    )


def _clean_name(entity: str, name: str, *, except_id: int | None = None) -> str:
    text = clean_line(name or "")
    if not text:
        raise ValidationError({"name": _("A view needs a name.")})
    if len(text) > MAX_NAME:
        raise ValidationError(
            {"name": _("A view name has at most {count} characters.").format(count=MAX_NAME)}
        )
    if any(fold(v.name) == fold(text) for v in list_views(entity) if v.id != except_id):
        raise ValidationError(
            {"name": _("There is already a view “{name}” here.").format(name=text)}
        )
    return text


def _check_entity(entity: str) -> None:
    if entity not in listing.SPECS:
        raise ValidationError({"entity": _("This list cannot have saved views.")})


def _check_columns(entity: str, columns: Sequence[str]) -> tuple[str, ...]:
    spec = listing.spec(entity)
    known = {c.key for c in spec.all_columns()}
    return tuple(c for c in columns if c in known)


def save_view(
    entity: str, name: str, query: ListQuery | None = None, columns: Sequence[str] = ()
) -> int:
    """Save a list's current view under a new name (last among its views); returns its id."""
    _check_entity(entity)
    query = query or ListQuery()
    with transaction():
        text = _clean_name(entity, name)
        position = database.execute_sql(
            "SELECT coalesce(max(position), 0) + 1 FROM saved_view WHERE entity = ?", (entity,)
        ).fetchone()[0]
        cursor = database.execute_sql(
            "INSERT INTO saved_view (entity, name, position, state) VALUES (?, ?, ?, ?)",
            (entity, text, position, _state(query, _check_columns(entity, columns))),
        )
        view_id = int(cursor.lastrowid)
        audit.record(
            "saved_view", view_id, "create", {"entity": [None, entity], "name": [None, text]}
        )
        notify("saved_view", (view_id,), "create")
    return view_id


def update_view(view_id: int, query: ListQuery, columns: Sequence[str] = ()) -> None:
    """Replace what a view shows with the list's current search, filters, sort and columns."""
    with transaction():
        view = get_view(view_id)
        state = _state(query, _check_columns(view.entity, columns))
        database.execute_sql("UPDATE saved_view SET state = ? WHERE id = ?", (state, view_id))
        audit.record("saved_view", view_id, "update", {"state": [None, json.loads(state)]})
        notify("saved_view", (view_id,), "update")


def rename_view(view_id: int, name: str) -> None:
    with transaction():
        view = get_view(view_id)
        text = _clean_name(view.entity, name, except_id=view_id)
        if text == view.name:
            return
        database.execute_sql("UPDATE saved_view SET name = ? WHERE id = ?", (text, view_id))
        audit.record("saved_view", view_id, "update", {"name": [view.name, text]})
        notify("saved_view", (view_id,), "update")


def move_view(view_id: int, offset: int) -> None:
    """Move a view up (-1) or down (+1) among its list's views."""
    with transaction():
        view = get_view(view_id)
        views = list_views(view.entity)
        index = next(i for i, v in enumerate(views) if v.id == view_id)
        target = min(max(index + offset, 0), len(views) - 1)
        if target == index:
            return
        views.insert(target, views.pop(index))
        database.connection().executemany(
            "UPDATE saved_view SET position = ? WHERE id = ?",
            [(position, v.id) for position, v in enumerate(views, start=1)],
        )
        notify("saved_view", tuple(v.id for v in views), "update")


def delete_view(view_id: int) -> None:
    """Delete a view (the records it shows are not touched)."""
    with transaction():
        view = get_view(view_id)
        database.execute_sql("DELETE FROM saved_view WHERE id = ?", (view_id,))
        audit.record(
            "saved_view",
            view_id,
            "delete",
            {"entity": [view.entity, None], "name": [view.name, None]},
        )
        notify("saved_view", (view_id,), "delete")


def export_view(entity: str, name: str, path: str | Path, **options: Any) -> Any:
    """Export exactly what the saved view shows: its rows, in its order, with its columns."""
    from crm_desktop.services import exporting

    view = find_view(entity, name)
    columns = list(view.columns) or None
    return exporting.export_view(entity, view.query, path, columns=columns, **options)
