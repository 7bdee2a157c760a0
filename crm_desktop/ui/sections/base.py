"""What a list section is, declared as data: its columns, its filters, its bulk actions.

Each module of :mod:`crm_desktop.ui.sections` declares one :class:`Section`;
the generic list page (:mod:`crm_desktop.ui.tables`) builds the table, the
search and filter bar and the bulk actions from it. The columns are keys of
the service's list (:mod:`crm_desktop.services.listing`), which knows how
each one is fetched and sorted, and the field catalogue
(:mod:`crm_desktop.services.catalogue`) what each is called; a section only
says the layout: which to show and how wide.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from crm_desktop import i18n
from crm_desktop.services import listing
from crm_desktop.ui.translation import DeclaredTexts, declared
from crm_desktop.ui.words import count_text, english_word

Changes = dict[int, dict[str, list[Any]]]


@dataclass(frozen=True)
class ColumnSpec(DeclaredTexts):
    """One column on screen: the list's column key, its title, default width and visibility."""

    _texts = frozenset({"title"})

    key: str
    title: str = ""  # empty: the field's label from the catalogue
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

    def screen_columns(self) -> tuple[ColumnSpec, ...]:
        """The columns a table of this section has: the laid-out ones with their labels,
        then every other field of the catalogue (custom ones too), hidden until shown."""
        list_spec = listing.spec(self.entity)
        columns = [
            replace(c, title=c.title or _field_label(list_spec.column(c.key).label))
            for c in self.columns
        ]
        laid_out = {c.key for c in self.columns}
        for column in list_spec.all_columns():
            if column.key not in laid_out and column.label and column.kind != "reference":
                columns.append(ColumnSpec(column.key, _field_label(column.label), visible=False))
        return tuple(columns)

    def count_text(self, count: int) -> str:
        return count_text(self.entity, count)


def choices(values: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """(value, word) for a filter: the English word, translated where the filter shows it
    (a section is declared once, at import, whatever the language is then)."""
    return tuple((value, english_word(value)) for value in values)


def _field_label(label: str) -> str:
    # Labels are declared in the services (marked with i18n.N_): the services' catalogue
    # first, then the window's (a label that is also a column title of the window).
    translated = i18n.gettext(label)
    return declared(label) if translated == label else translated
