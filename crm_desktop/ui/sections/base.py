"""What a list section is, declared as data: its columns, its filters, its bulk actions.

Each module of :mod:`crm_desktop.ui.sections` declares one :class:`Section`;
the generic list page (:mod:`crm_desktop.ui.tables`) builds the table, the
search and filter bar and the bulk actions from it. The columns are keys of
the service's list (:mod:`crm_desktop.services.listing`), which knows how
each one is fetched and sorted; a section only says which to show, how
wide, and under what title.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from crm_desktop.ui.translation import DeclaredTexts
from crm_desktop.ui.words import count_text, english_word

Changes = dict[int, dict[str, list[Any]]]


@dataclass(frozen=True)
class ColumnSpec(DeclaredTexts):
    """One column on screen: the list's column key, its title, default width and visibility."""

    _texts = frozenset({"title"})

    key: str
    title: str
    width: int = 120
    visible: bool = True


@dataclass(frozen=True)
class FilterSpec(DeclaredTexts):
    """One filter above a table.

    ``kind`` is ``choice`` (a combo of ``choices``: (value, label)), ``flag``
    (a check box that sets ``key`` to True), ``dates`` (a range: ``key`` is the
    list's "from" filter, ``to_key`` its "to" filter) or ``tags`` (the
    customers' tags, loaded from the database).
    """

    _texts = frozenset({"label", "choices"})

    kind: str
    key: str
    label: str
    choices: tuple[tuple[Any, str], ...] = ()
    to_key: str | None = None
    # A choice that is also a field of the record: Ctrl+N starts the new record with it.
    as_default: bool = False


@dataclass(frozen=True)
class StatusSpec(DeclaredTexts):
    """The bulk "Set status/stage" of a section: the values and the service that applies them."""

    _texts = frozenset({"label"})

    label: str  # "Status", "Stage"
    values: tuple[str, ...]
    apply: Callable[[Sequence[int], str], Changes]
    entity: str  # whose records.revert undoes it


@dataclass(frozen=True)
class Section(DeclaredTexts):
    """One list in the sidebar: Customers, Deals, Tasks…"""

    _texts = frozenset({"title", "noun", "plural"})

    key: str
    title: str
    entity: str
    noun: str  # "customer"
    plural: str  # "customers"
    icon: str
    columns: tuple[ColumnSpec, ...]
    filters: tuple[FilterSpec, ...] = ()
    status: StatusSpec | None = None
    tags: bool = False
    can_create: bool = True
    can_trash: bool = True
    # Entities whose changes can change what this list shows ("*" always does).
    depends: frozenset[str] = field(default_factory=frozenset)
    # How a cell looks beyond its text: "alert" (overdue), "muted" (done, lost), "good" or None.
    cell_style: Callable[[dict[str, Any], str], str | None] | None = None

    def count_text(self, count: int) -> str:
        return count_text(self.entity, count)


def choices(values: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """(value, word) for a filter: the English word, translated where the filter shows it
    (a section is declared once, at import, whatever the language is then)."""
    return tuple((value, english_word(value)) for value in values)
