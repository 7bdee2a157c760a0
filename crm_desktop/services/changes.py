"""Transactions, and the news of what changed once they commit.

Every write of the services runs inside :func:`transaction`: one SQLite
transaction (nested calls become savepoints), so a failure or a cancel
leaves the database as it was. What a transaction changed is announced with
:func:`notify` and delivered to the listeners only after the outermost
transaction commits — a screen never refreshes for a change that was rolled
back. The UI turns these into one Qt signal; the services know nothing of Qt.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass(frozen=True)
class Change:
    """What one write did: the entity, the ids it touched, and how."""

    entity: str
    ids: tuple[int, ...]
    action: str  # create, update, delete, restore, purge, reload


Listener = Callable[[Change], None]
_listeners: list[Listener] = []
_pending = threading.local()


def subscribe(listener: Listener) -> Callable[[], None]:
    """Call ``listener`` with every committed :class:`Change`; returns the unsubscribe."""
    _listeners.append(listener)

    def unsubscribe() -> None:
        if listener in _listeners:
            _listeners.remove(listener)

    return unsubscribe


# Commits made by this process (caches compare it with SQLite's data_version).
commit_count = 0


def _after_commit_queue() -> list[Callable[[], None]]:
    if not hasattr(_pending, "after_commit"):
        _pending.after_commit = []
    return _pending.after_commit


def after_commit(callback: Callable[[], None]) -> None:
    """Run ``callback`` once the outermost transaction commits (never on a rollback)."""
    if getattr(_pending, "depth", 0):
        _after_commit_queue().append(callback)
    else:
        callback()


def _queue() -> list[Change]:
    if not hasattr(_pending, "changes"):
        _pending.changes = []
        _pending.depth = 0
    return _pending.changes


@contextmanager
def transaction() -> Iterator[None]:
    """One atomic unit of work; changes are announced after the outermost commit."""
    queue = _queue()
    mark = len(queue)
    callbacks_mark = len(_after_commit_queue())
    _pending.depth += 1
    outermost = _pending.depth == 1
    from crm_desktop.models import database  # here: views subscribe before the models load

    try:
        with database.atomic():
            yield
    except BaseException:
        del queue[mark:]  # what a rolled-back savepoint did never happened
        del _after_commit_queue()[callbacks_mark:]
        raise
    finally:
        _pending.depth -= 1
    if outermost:
        global commit_count
        commit_count += 1
        callbacks = list(_after_commit_queue())
        _after_commit_queue().clear()
        for callback in callbacks:
            callback()
        delivered = list(queue)
        queue.clear()
        for change in delivered:
            for listener in list(_listeners):
                listener(change)


def notify(entity: str, ids: Iterable[int], action: str) -> None:
    """Announce a change; inside a transaction it waits for the commit."""
    change = Change(entity, tuple(ids), action)
    queue = _queue()
    if _pending.depth:
        queue.append(change)
    else:
        for listener in list(_listeners):
            listener(change)


# Called with a short reason before anything that changes many records at once
# (emptying the trash, an import, a restore), so a backup can be taken first.
BulkGuard = Callable[[str], None]
_bulk_guards: list[BulkGuard] = []


def add_bulk_guard(guard: BulkGuard) -> Callable[[], None]:
    """Run ``guard(reason)`` before every bulk change; returns the function that removes it."""
    _bulk_guards.append(guard)

    def remove() -> None:
        if guard in _bulk_guards:
            _bulk_guards.remove(guard)

    return remove


def before_bulk_change(reason: str) -> None:
    """Announce that many records are about to change (outside any transaction)."""
    for guard in list(_bulk_guards):
        guard(reason)
