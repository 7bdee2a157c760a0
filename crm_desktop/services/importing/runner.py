"""The import itself: one transaction, a bulk path, a batch that can be undone.

The hot path is built like the demo data (:mod:`crm_desktop.services.demo`):
each row is validated with the forms' parsers, but the rows are written
with ``executemany``, the audit log with :func:`audit.record_many`, and the
search rows of the new customers are rebuilt in chunks — never one
``records.create`` per row. Duplicate lookups are dictionary lookups
(:mod:`.matching`), not SQL per row.

Everything happens inside one :func:`changes.transaction`: a cancel
(:class:`CancelledError` raised from inside) or a failure leaves the
database exactly as it was. ``before_bulk_change`` runs first, so the backup
service can take a backup.

Duplicate policies: ``skip`` (leave the existing record alone), ``update``
(fill the fields it has empty), ``overwrite`` (replace its fields by the
file's non-empty values), ``create`` (import the row as a new record anyway).
Empty cells never erase anything, and tags are only ever added.

A row that carries the id our exports write (the "ID" column) is matched to
that record when its name agrees; a new record takes that id when it is
still free (never used in this file before), so an export restored into an
empty database keeps its ids and its contacts find their customers.

A dry run (``dry_run=True``) does everything, then rolls it back.
"""

from __future__ import annotations

import functools
import gc
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from crm_desktop.errors import CrmError
from crm_desktop.i18n import N_, _, ngettext
from crm_desktop.models import database
from crm_desktop.models.tables import ImportBatch
from crm_desktop.services import (
    audit,
    catalogue,
    contact_keys,
    custom_fields,
    records,
    search,
)
from crm_desktop.services.changes import after_commit, before_bulk_change, notify, transaction
from crm_desktop.services.clock import now_utc
from crm_desktop.services.importing.auditing import log_created
from crm_desktop.services.importing.mapping import (
    ENTITY_LABELS,
    apply_overrides,
    column_fates,
    guess_mapping,
)
from crm_desktop.services.importing.matching import (
    ContactEntry,
    ContactIndex,
    CustomerIndex,
    ProductIndex,
)
from crm_desktop.services.importing.parallel import prepare_rows
from crm_desktop.services.importing.reading import read_file
from crm_desktop.services.importing.region import RegionChoice, choose_region
from crm_desktop.services.importing.rows import (
    Kept,
    Plan,
    Prepared,
    RowError,
    Rules,
    check_mapping,
    prepare,
)
from crm_desktop.services.importing.table import SourceRow, Table
from crm_desktop.services.locale_facts import grouped
from crm_desktop.services.progress import Progress, stop_if_cancelled
from crm_desktop.services.records import Row
from crm_desktop.services.search_rows import insert_search_rows
from crm_desktop.services.text import fold, sort_key

POLICIES = ("skip", "update", "overwrite", "create")
POLICY_LABELS = {
    "skip": N_("Skip the row (keep the existing record as it is)"),
    "update": N_("Update: fill the existing record's empty fields"),
    "overwrite": N_("Overwrite: replace the existing record's fields with the file's values"),
    "create": N_("Create a new record anyway"),
}
_CHECK_EVERY = 512
FLUSH_ROWS = 5_000  # rows between two writes of a streaming import (see _Import.flush)

# The columns an import writes: the id, the catalogue's built-in editable fields, and (for
# customers) the timestamps. Read at each import: a field declared later is written too.
_STAMPED = {"customer": ("created_at", "updated_at")}
_IMPORTED_TABLES = ("customer", "contact", "product")


def table_columns(entity: str) -> tuple[str, ...]:
    """The columns of ``entity`` an import inserts."""
    fields = tuple(f.key for f in catalogue.editable(entity))
    return ("id", *fields, *_STAMPED.get(entity, ()))


@dataclass
class RefusedRow:
    """A row that was not imported: its line, why, and its cells (to save and fix)."""

    line: int
    reason: str
    cells: list[str]
    raw: str | None = None  # a vCard's whole text


@dataclass
class ImportResult:
    """What an import did, as the summary and the CLI show it."""

    entity: str
    batch_id: int | None = None
    created: int = 0
    updated: int = 0
    skipped: int = 0
    refused: int = 0
    contacts_created: int = 0
    contacts_updated: int = 0
    customers_created: int = 0  # contacts import: customers made for companies named in it
    headers: list[str] = field(default_factory=list)
    refused_rows: list[RefusedRow] = field(default_factory=list)
    skipped_rows: list[tuple[int, str]] = field(default_factory=list)
    source: str = ""
    format: str = "CSV"
    # Values kept as written in the notes (their field could not hold them), by line.
    kept_rows: list[tuple[int, Kept]] = field(default_factory=list)
    to_notes: list[str] = field(default_factory=list)  # columns kept in the notes
    left_out: list[str] = field(default_factory=list)  # columns not imported
    left_out_properties: dict[str, int] = field(default_factory=dict)  # vCard photos…
    mapping: list[str | None] = field(default_factory=list)
    region: RegionChoice | None = None
    encoding_label: str = ""
    encoding: str | None = None  # the codec a text file was read with
    preamble: list[str] = field(default_factory=list)  # title lines above the header
    dry_run: bool = False

    @property
    def kept(self) -> int:
        return len(self.kept_rows)

    def summary(self) -> str:
        """One sentence: created, updated, skipped, refused, and values kept as written."""
        counts = {
            "created": _created(self.entity, self.created),
            "updated": grouped(self.updated),
            "skipped": grouped(self.skipped),
            "refused": grouped(self.refused),
        }
        extra = []
        if self.contacts_created or self.contacts_updated:
            extra.append(
                _("{added} contacts added, {updated} updated").format(
                    added=grouped(self.contacts_created), updated=grouped(self.contacts_updated)
                )
            )
        if self.customers_created:
            extra.append(
                ngettext(
                    "{n} new customer for its company",
                    "{n} new customers for their companies",
                    self.customers_created,
                ).format(n=grouped(self.customers_created))
            )
        if extra:
            text = _(
                "{created}, {updated} updated, {skipped} skipped, {refused} refused ({more})."
            ).format(more="; ".join(extra), **counts)
        else:
            text = _("{created}, {updated} updated, {skipped} skipped, {refused} refused.").format(
                **counts
            )
        text = text[:1].upper() + text[1:]  # «Создано 5 клиентов, …»: a sentence
        if self.kept:
            text += " " + ngettext(
                "{n} value could not go into its field and was kept as written in the notes "
                "(marked ⚠).",
                "{n} values could not go into their field and were kept as written in the notes "
                "(marked ⚠).",
                self.kept,
            ).format(n=grouped(self.kept))
        return text

    def details(self) -> list[str]:
        """Lines that say where the file's other values went (the summary's second part)."""
        lines = []
        if self.to_notes:
            lines.append(
                _("Kept in the notes as “Header: value”: {columns}.").format(
                    columns=", ".join(self.to_notes)
                )
            )
        if self.left_out:
            lines.append(
                _("Not imported (they only describe other columns): {columns}.").format(
                    columns=", ".join(self.left_out)
                )
            )
        if self.left_out_properties:
            parts = [
                f"{name} ×{grouped(count)}"
                for name, count in sorted(self.left_out_properties.items())
            ]
            lines.append(
                _(
                    "Not imported from the cards (pictures, keys, the writing program's "
                    "own data): {properties}."
                ).format(properties=", ".join(parts))
            )
        if self.preamble:
            lines.append(
                _("Skipped above the header: {lines}.").format(lines=" / ".join(self.preamble))
            )
        if self.region is not None:
            lines.append(
                _("Phone numbers without a +code were read in {region} ({why}).").format(
                    region=self.region.region, why=_(self.region.why)
                )
            )
        return lines


def _created(entity: str, count: int) -> str:
    """The summary's first clause: a plural of its own for each entity, in each language."""
    if entity == "contact":
        text = ngettext("{n} contact created", "{n} contacts created", count)
    elif entity == "product":
        text = ngettext("{n} product created", "{n} products created", count)
    else:
        text = ngettext("{n} customer created", "{n} customers created", count)
    return text.format(n=grouped(count))


@dataclass
class PreviewRow:
    """The wizard's view of one row: ``new``, ``duplicate`` or ``refused``, and why.

    ``kept`` are the row's values that would be kept as written in the notes;
    ``flagged`` the indexes of the cells they come from.
    """

    line: int
    state: str
    message: str
    cells: list[str]
    kept: list[Kept] = field(default_factory=list)
    flagged: set[int] = field(default_factory=set)


def _storable(value: Any) -> Any:
    return float(value) if isinstance(value, Decimal) else value


def _next_id(table: str) -> int:
    row = database.execute_sql(
        f"SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = ?), 0), "
        f'coalesce((SELECT max(id) FROM "{table}"), 0)) + 1',
        (table,),
    ).fetchone()
    return int(row[0])


def _changes(old: Row, new: Row, provided: set[str], policy: str) -> dict[str, list[Any]]:
    """The fields a duplicate row changes under ``update`` (fill) or ``overwrite``."""
    changes: dict[str, list[Any]] = {}
    for name in provided:
        value = new.get(name)
        if value in (None, "") or name == "is_primary":
            continue
        before = old.get(name)
        if policy == "update" and before not in (None, ""):
            continue
        if before != value:
            changes[name] = [before, value]
    return changes


def _flagged(table: Table, kept: Sequence[Kept]) -> set[int]:
    names = {k.header for k in kept}
    return {i for i, header in enumerate(table.headers) if header in names}


def preview(
    table: Table,
    entity: str,
    mapping: Sequence[str | None],
    *,
    limit: int = 100,
    region: str | None = None,
) -> list[PreviewRow]:
    """The first rows as the import would see them: new, duplicate (of what) or refused (why)."""
    rules = Rules.from_settings(choose_region(table, mapping, region).region)
    out: list[PreviewRow] = []
    prepared: list[tuple[SourceRow, Prepared]] = []
    plan = Plan(mapping, table.headers)
    for problem in table.problems:
        if len(out) >= limit:
            break
        out.append(PreviewRow(problem.line, "refused", problem.message, problem.cells))
    for row in table.rows[:limit]:
        try:
            prepared.append((row, prepare(entity, rules, plan, row)))
        except RowError as exc:
            out.append(PreviewRow(row.line, "refused", str(exc), row.cells))
    only = [p for _ignored, p in prepared]
    if entity == "customer":
        index: Any = CustomerIndex.load(only)
    elif entity == "contact":
        index = ContactIndex.load(only)
    else:
        index = ProductIndex.load(only)
    for row, item in prepared:
        if entity == "contact":
            customer_id, problem = index.customer_for(item)
            if problem:
                out.append(PreviewRow(row.line, "refused", problem, row.cells))
                continue
            if customer_id is None and not item.customer_name:
                out.append(PreviewRow(row.line, "refused", _(_NO_CUSTOMER), row.cells))
                continue
            found = index.find(customer_id, item.values, item.record_id) if customer_id else None
        elif entity == "customer":
            found = index.find(item)
        else:
            found = index.find(item.values, item.record_id)
        state, message = (
            ("duplicate", _("{reason} as an existing record").format(reason=found[1]))
            if found
            else ("new", "")
        )
        if item.kept:
            kept = "; ".join(f"{k.header} “{k.value[:40]}” {k.reason}" for k in item.kept)
            kept_text = _("Kept as written in the notes: {values}").format(values=kept)
            message = f"{message}. {kept_text}" if message else kept_text
        out.append(
            PreviewRow(row.line, state, message, row.cells, item.kept, _flagged(table, item.kept))
        )
    out.sort(key=lambda r: r.line)
    return out[:limit]


_NO_CUSTOMER = N_(
    "No customer found for this contact: map a “Customer (company name)” column, "
    "or give the contact an email at the customer's domain."
)


class _DryRun(Exception):
    """Raised at the end of a dry run to roll everything back."""


def run_import(
    source: str | Path | Table,
    entity: str,
    *,
    policy: str = "skip",
    preset: str = "auto",
    mapping: Sequence[str | None] | None = None,
    overrides: Sequence[tuple[str, str | None]] = (),
    region: str | None = None,
    text_encoding: str = "auto",
    source_name: str | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    """Import a file (or an already read table) of customers, contacts or products.

    ``overrides`` are ``(header, target)`` choices over the guessed mapping;
    ``region`` the phone region (else the setting, else the file's own);
    ``text_encoding`` the file's encoding (``auto``: detected).
    """
    if entity not in _IMPORTED_TABLES:
        raise CrmError(
            _("Cannot import {entity}: choose customers, contacts or products.").format(
                entity=entity
            )
        )
    if policy not in POLICIES:
        raise CrmError(
            _("Unknown duplicate policy {policy!r}: choose {value}.").format(
                policy=policy, value=", ".join(POLICIES)
            )
        )
    if isinstance(source, Table):
        table = source
        name = source_name or "file"
    else:
        from crm_desktop.services import settings

        table = read_file(
            source,
            entity=entity,
            text_encoding=text_encoding,
            locale_name=settings.get("locale"),
        )
        name = source_name or Path(source).name
    if mapping is None:
        mapping = guess_mapping(table, entity, preset)
    if overrides:
        try:
            mapping = apply_overrides(table, list(mapping), overrides)
        except ValueError as exc:
            raise CrmError(_("--map: {exc}.").format(exc=exc)) from None
    if len(mapping) != table.width:
        raise CrmError(_("The column mapping does not fit the file's columns."))
    problem = check_mapping(entity, mapping)
    if problem and table.rows:
        raise CrmError(problem)
    choice = choose_region(table, mapping, region)
    if not dry_run:
        before_bulk_change(
            _("importing {entities} from {source}").format(
                entities=_(ENTITY_LABELS[entity]), source=name
            )
        )
    job = _Import(table, entity, list(mapping), policy, name, progress, cancelled, choice)
    # What exists now (the file's rows, the window) is left out of the garbage collector's
    # full passes while the import adds a few million objects of its own.
    gc.freeze()
    try:
        with transaction():
            job.run()
            if dry_run:
                raise _DryRun()
    except _DryRun:
        job.result.dry_run = True
        job.result.batch_id = None
    finally:
        gc.unfreeze()
    return job.result


class _Import:
    """One run: validate and match every row, then write everything at once."""

    def __init__(
        self,
        table: Table,
        entity: str,
        mapping: list[str | None],
        policy: str,
        source: str,
        progress: Progress | None,
        cancelled: Callable[[], bool] | None,
        region: RegionChoice,
    ):
        self.table = table
        self.entity = entity
        self.mapping = mapping
        self.policy = policy
        self.source = source
        self._progress = progress
        self._cancelled = cancelled
        fates = column_fates(entity, table, mapping)
        self.result = ImportResult(
            entity=entity,
            headers=list(table.headers),
            source=source,
            format=table.format,
            to_notes=fates.to_notes,
            left_out=fates.left_out,
            left_out_properties=dict(table.left_out),
            mapping=list(mapping),
            region=region,
            encoding_label=table.encoding_label,
            encoding=table.encoding,
            preamble=list(table.preamble),
        )
        self.rules = Rules.from_settings(region.region)
        self.stamp = now_utc()
        # What will be written.
        self.new: dict[str, dict[int, Row]] = {"customer": {}, "contact": {}, "product": {}}
        self.updates: dict[tuple[str, int], list[tuple[Row, set[str]]]] = {}
        self.new_tags: dict[int, list[str]] = {}  # customer → tags to add
        self.unset_primary: list[int] = []
        # Rows that matched a record: (line, entity, id, reason, changed already, contact id).
        self.pending_rows: list[tuple[int, str, int, str, bool, int | None]] = []
        # Customers import: contacts of matched customers that the file updates.
        self.contact_updates: list[tuple[int, Row, set[str]]] = []
        # Streaming (see flush): records already written, and customers whose search text
        # must be read again at the end because a later row gave them a contact.
        self.flushed: dict[str, list[int]] = {"customer": [], "contact": [], "product": []}
        self.flushed_customers: set[int] = set()
        self.touched: set[int] = set()
        # New customers' search rows as their rows made them (in the helper processes).
        self.search_texts: dict[int, tuple[str, str | None]] = {}
        self.total = max(len(table.rows), 1) * 3
        self.done = 0

    # -- helpers ----------------------------------------------------------------------
    def tick(self) -> None:
        self.done += 1
        if self.done % _CHECK_EVERY == 0:
            self.check()

    def check(self, done: int | None = None) -> None:
        """Stop here when the user cancelled; report progress."""
        if done is not None:
            self.done = done
        stop_if_cancelled(self._cancelled)
        if self._progress is not None:
            self._progress(min(self.done, self.total), self.total)

    def refuse(self, line: int, reason: str, cells: list[str], raw: str | None = None) -> None:
        self.result.refused_rows.append(RefusedRow(line, reason, cells, raw))

    def skip(self, line: int, reason: str) -> None:
        self.result.skipped += 1
        self.result.skipped_rows.append((line, reason))

    def want_update(
        self,
        entity: str,
        record_id: int,
        values: Row,
        provided: set[str],
        line: int,
        reason: str,
        *,
        changed: bool = False,
        contact_id: int | None = None,
    ) -> None:
        """Apply a duplicate row to its record (now if this import creates it, else later)."""
        pending = self.new[entity].get(record_id)
        if pending is not None:  # a record this import creates: merge into it
            changes = _changes(pending, values, provided, self.policy)
            for name, pair in changes.items():
                pending[name] = pair[1]
            changed = changed or bool(changes)
        else:
            self.updates.setdefault((entity, record_id), []).append((values, provided))
        self.pending_rows.append((line, entity, record_id, reason, changed, contact_id))

    # -- the run ----------------------------------------------------------------------
    def run(self) -> None:
        self.batch_id = ImportBatch.insert(
            kind="import",
            entity=self.entity,
            source=self.source[:300],
            policy=self.policy,
            started_at=self.stamp,
        ).execute()
        self.result.batch_id = self.batch_id
        self.next_ids = {t: _next_id(t) for t in ("customer", "contact", "product", "tag")}
        self.used_ids: dict[str, set[int]] = {t: set() for t in self.next_ids}
        for problem in self.table.problems:
            self.refuse(problem.line, problem.message, problem.cells, problem.raw)
        handler = {
            "customer": self.customer_row,
            "contact": self.contact_row,
            "product": self.product_row,
        }[self.entity]
        indexes: dict[str, Any] = {
            "customer": CustomerIndex,
            "contact": ContactIndex,
            "product": ProductIndex,
        }
        self.index: Any = indexes[self.entity].load()
        if self.entity == "customer":
            self.tag_ids = {
                fold(name): tag_id
                for tag_id, name in database.execute_sql("SELECT id, name FROM tag").fetchall()
            }
        rows = prepare_rows(
            self.entity,
            self.rules,
            self.mapping,
            self.table.headers,
            self.table.rows,
            tick=self.tick,
            cancelled=self._cancelled,
        )
        streaming = self.can_stream()
        since_flush = 0
        kept_rows = self.result.kept_rows
        for row, outcome in rows:
            if isinstance(outcome, str):
                self.refuse(row.line, outcome, row.cells, row.raw)
                continue
            try:
                created = handler(outcome)
            except RowError as exc:
                self.refuse(row.line, str(exc), row.cells, row.raw)
                continue
            if outcome.kept and created:
                kept_rows.extend((outcome.line, kept) for kept in outcome.kept)
            since_flush += 1
            if streaming and since_flush >= FLUSH_ROWS:
                self.flush()
                since_flush = 0
        self.result.refused_rows.sort(key=lambda r: r.line)
        self.result.refused = len(self.result.refused_rows)
        self.write()

    def take_id(self, table: str, wanted: int | None = None) -> int:
        """A new record's id: the one the file carries when it was never used, else the next.

        Ids are given out upwards from the table's high-water mark; an id the file
        carries is free when it lies above every id given out so far and no other
        row took it (``used`` holds those taken on request).
        """
        used = self.used_ids[table]
        if wanted is not None and wanted >= self.next_ids[table] and wanted not in used:
            used.add(wanted)
            return wanted
        value = self.next_ids[table]
        while value in used:
            value += 1
        self.next_ids[table] = value + 1
        return value

    # -- customers --------------------------------------------------------------------
    def customer_row(self, item: Prepared) -> bool:
        """Match or create the row's customer (and its contact); True when it made a record."""
        index: CustomerIndex = self.index
        found = None if self.policy == "create" else index.find(item)
        if found is None:
            customer_id = self.take_id("customer", item.record_id)
            values = dict(item.values)
            values["id"] = customer_id
            self.new["customer"][customer_id] = values
            index.add_customer(
                customer_id,
                values.get("email"),
                values.get("phone"),
                values.get("name"),
                values.get("city"),
                name_sort_key=item.name_key,
                city_key=item.city_key if item.name_key is not None else None,
            )
            if item.tags:
                self.new_tags[customer_id] = list(item.tags)
            if item.search_text is not None:
                self.search_texts[customer_id] = (item.search_text, item.name_key)
            self.result.created += 1
        else:
            customer_id, reason = found
            # A later row changes what the customer is found by: its text is made afresh.
            self.search_texts.pop(customer_id, None)
            reason = _("{reason} as an existing customer").format(reason=reason)
            added, contact_id = self.customer_contact(customer_id, item)
            if self.policy == "skip":
                if added:  # a person new at that customer is still added as its contact
                    self.pending_rows.append(
                        (item.line, "customer", customer_id, reason, True, None)
                    )
                else:
                    self.skip(item.line, reason)
                return added
            if item.tags:
                self.new_tags.setdefault(customer_id, [])
                self.new_tags[customer_id] += item.tags
            self.want_update(
                "customer",
                customer_id,
                item.values,
                item.provided,
                item.line,
                reason,
                changed=added,
                contact_id=contact_id,
            )
            return added
        if item.contact:
            self.customer_contact(customer_id, item)
        return True

    def customer_contact(self, customer_id: int, item: Prepared) -> tuple[bool, int | None]:
        """Add the row's person to the customer, or match one of its contacts.

        Returns (whether a contact was added, the id of a matched contact to update).
        """
        if not item.contact:
            return False, None
        index: CustomerIndex = self.index
        contact = item.contact
        existing = index.find_contact(customer_id, contact)
        if existing is not None:
            if self.policy in ("update", "overwrite"):
                if existing.id in self.new["contact"]:
                    pending = self.new["contact"][existing.id]
                    for name, pair in _changes(
                        pending, contact, item.contact_provided, self.policy
                    ).items():
                        pending[name] = pair[1]
                else:
                    self.contact_updates.append((existing.id, contact, item.contact_provided))
                return False, existing.id
            return False, None
        contact_id = self.take_id("contact")
        values = dict(contact)
        values.update(id=contact_id, customer_id=customer_id)
        values["is_primary"] = 0 if customer_id in index.has_primary else 1
        self.new["contact"][contact_id] = values
        _index_contact(index, contact_id, customer_id, values)
        self.result.contacts_created += 1
        return True, None

    # -- contacts ---------------------------------------------------------------------
    def contact_row(self, item: Prepared) -> bool:
        """Find the row's customer, then match or create the contact."""
        index: ContactIndex = self.index
        customer_id, problem = index.customer_for(item)
        if problem:
            raise RowError(problem)
        if customer_id is None:
            if not item.customer_name:
                raise RowError(_(_NO_CUSTOMER))
            customer_id = self.take_id("customer", item.customer_id)
            self.new["customer"][customer_id] = {
                "id": customer_id,
                "kind": "company",
                "name": item.customer_name,
                "status": "lead",
                "email": item.customer_email,
            }
            index.add_customer(customer_id, sort_key(item.customer_name), item.customer_email)
            self.result.customers_created += 1
        found = (
            None
            if self.policy == "create"
            else index.find(customer_id, item.values, item.record_id)
        )
        if found is not None:
            contact_id, reason = found
            if self.policy == "skip":
                self.skip(item.line, _("{reason} as an existing contact").format(reason=reason))
            else:
                self.want_update(
                    "contact",
                    contact_id,
                    item.values,
                    item.provided,
                    item.line,
                    _("{reason} as an existing contact").format(reason=reason),
                )
            return False
        contact_id = self.take_id("contact", item.record_id)
        values = dict(item.values)
        values.update(id=contact_id, customer_id=customer_id)
        current = index.primary_of.get(customer_id)
        if current is None:
            values["is_primary"] = 1
        elif values.get("is_primary") and "is_primary" in item.provided:
            if current in self.new["contact"]:
                self.new["contact"][current]["is_primary"] = 0
            else:
                self.unset_primary.append(current)
        else:
            values["is_primary"] = 0
        self.new["contact"][contact_id] = values  # _index_contact sets primary_of
        _index_contact(index, contact_id, customer_id, values)
        self.result.created += 1
        return True

    # -- products ---------------------------------------------------------------------
    def product_row(self, item: Prepared) -> bool:
        """Match or create the row's product."""
        index: ProductIndex = self.index
        found = index.find(item.values, item.record_id)
        if found is not None and self.policy != "create":
            product_id, reason = found
            if self.policy == "skip":
                self.skip(item.line, _("{reason} as an existing product").format(reason=reason))
            else:
                sku = item.values.get("sku")
                owner = index.by_sku.get(sku.casefold()) if sku else None
                if owner not in (None, product_id):
                    raise RowError(
                        _("SKU: {sku} is already used by another product.").format(sku=sku)
                    )
                self.want_update(
                    "product",
                    product_id,
                    item.values,
                    item.provided,
                    item.line,
                    _("{reason} as an existing product").format(reason=reason),
                )
            return False
        sku = item.values.get("sku")
        if sku and sku.casefold() in index.by_sku:
            raise RowError(_("SKU: {sku} is already used by another product.").format(sku=sku))
        product_id = self.take_id("product", item.record_id)
        values = dict(item.values)
        values["id"] = product_id
        self.new["product"][product_id] = values
        index.add(product_id, sku, values.get("name"))
        self.result.created += 1
        return True

    # -- writing ----------------------------------------------------------------------
    def can_stream(self) -> bool:
        """Whether created customers can be written as the rows come (still one transaction).

        With ``skip`` and ``create`` no later row of the file changes a customer this
        import created (a duplicate row is skipped or made a record of its own), so
        each batch of new customers is written while the helper processes still
        validate the rest: writing overlaps validating. ``update`` and ``overwrite``
        merge later rows into earlier ones, so they write everything at the end.
        """
        return self.entity == "customer" and self.policy in ("skip", "create")

    def flush(self) -> None:
        """Write the customers created so far, their contacts, tags, audit and search rows."""
        customers = self.new["customer"]
        contacts = self.new["contact"]
        if not customers and not contacts:
            return
        conn = database.connection()
        tag_rows, links, tags_after = self.plan_tags()  # only new customers have tags here
        self.new_tags.clear()
        audit_rows: list[tuple[str, int, str, dict[str, Any]]] = []
        customer_rows = []
        stamp = self.stamp
        customer_columns = table_columns("customer")
        contact_columns = table_columns("contact")
        for customer_id, values in customers.items():
            values.setdefault("kind", "company")
            values.setdefault("status", "lead")
            values["created_at"] = values["updated_at"] = stamp
            customer_rows.append(tuple([values.get(c) for c in customer_columns]))
            if customer_id in tags_after:  # the rest are logged by SQLite, below
                audit_rows.append(self.created_entry("customer", values, tags_after))
        contact_rows = []
        for values in contacts.values():
            if values["customer_id"] not in customers:  # an older customer got a new person
                self.touched.add(values["customer_id"])
            contact_rows.append(tuple([values.get(c) for c in contact_columns]))
        for entity, rows in (("customer", customer_rows), ("contact", contact_rows)):
            columns = table_columns(entity)
            marks = ", ".join("?" for _ignored in columns)
            conn.executemany(
                f'INSERT INTO "{entity}" ({", ".join(columns)}) VALUES ({marks})', rows
            )
        self.write_custom("customer", customers)
        self.write_custom("contact", contacts)
        conn.executemany("INSERT INTO tag (id, name) VALUES (?, ?)", tag_rows)
        audit_rows += [("tag", i, "create", {"name": [None, name]}) for i, name in tag_rows]
        conn.executemany(
            "INSERT OR IGNORE INTO customer_tag (customer_id, tag_id) VALUES (?, ?)", links
        )
        audit.record_many(audit_rows, at=stamp)
        runs = {entity: _runs(self.new[entity]) for entity in ("customer", "contact")}
        log_created("customer", runs["customer"], stamp, except_ids=list(tags_after))
        log_created("contact", runs["contact"], stamp)
        conn.executemany(
            "INSERT INTO import_item (batch_id, entity, entity_id, last_id, action) "
            "VALUES (?, ?, ?, ?, 'create')",
            [
                (self.batch_id, entity, first, last)
                for entity in ("customer", "contact")
                for first, last in runs[entity]
            ],
        )
        self.index_new_customers(tags_after)
        self.flushed_customers.update(customers)
        for entity in ("customer", "contact"):
            self.flushed[entity] += list(self.new[entity])
            self.new[entity] = {}
        self.check()

    def write(self) -> None:
        conn = database.connection()
        rows_total = len(self.table.rows)
        audit_rows: list[tuple[str, int, str, dict[str, Any]]] = []
        items: list[tuple[int, str, int, str, str]] = []
        touched: set[int] = set(self.touched)  # older customers whose search text may change
        for contact_id, values, provided in self.contact_updates:
            self.updates.setdefault(("contact", contact_id), []).append((values, provided))
        # Updates first: their old values are read before anything else changes.
        changed = self.apply_updates(audit_rows, items, touched)
        for contact_id in self.unset_primary:
            conn.execute("UPDATE contact SET is_primary = 0 WHERE id = ?", (contact_id,))
            audit_rows.append(("contact", contact_id, "update", {"is_primary": [1, 0]}))
            items.append(
                (self.batch_id, "contact", contact_id, "update", json.dumps({"is_primary": [1, 0]}))
            )
        tag_rows, links, tags_after = self.plan_tags()
        self.check(rows_total + rows_total // 5)
        new_customers = self.new["customer"]
        runs: list[tuple[str, int, int]] = []
        for entity in ("customer", "product", "contact"):
            created = self.new[entity]
            if not created:
                continue
            columns = table_columns(entity)
            rows = []
            stamp = self.stamp
            for record_id, values in created.items():
                if entity == "customer":
                    values.setdefault("kind", "company")
                    values.setdefault("status", "lead")
                    values["created_at"] = values["updated_at"] = stamp
                elif entity == "contact" and values["customer_id"] not in new_customers:
                    touched.add(values["customer_id"])
                rows.append(
                    tuple([_storable(values.get(c)) for c in columns])
                    if entity == "product"
                    else tuple([values.get(c) for c in columns])
                )
                # Customers and contacts are logged by SQLite once written (log_created), but
                # a customer that gets tags (tags_after is by customer id: never a contact's).
                if entity == "product" or (entity == "customer" and record_id in tags_after):
                    audit_rows.append(self.created_entry(entity, values, tags_after))
            runs += [(entity, first, last) for first, last in _runs(created)]
            marks = ", ".join("?" for _ignored in columns)
            for start in range(0, len(rows), 20_000):
                conn.executemany(
                    f'INSERT INTO "{entity}" ({", ".join(columns)}) VALUES ({marks})',
                    rows[start : start + 20_000],
                )
                self.check()
            self.write_custom(entity, created)
        for customer_id, (before, after) in tags_after.items():
            if customer_id in new_customers:
                continue
            change = {"tags": [before or None, after]}
            audit_rows.append(("customer", customer_id, "update", change))
            items.append(
                (self.batch_id, "customer", customer_id, "update", audit.encode_changes(change))
            )
            changed.setdefault("customer", set()).add(customer_id)
            touched.add(customer_id)
        conn.executemany("INSERT INTO tag (id, name) VALUES (?, ?)", tag_rows)
        audit_rows += [
            ("tag", tag_id, "create", {"name": [None, name]}) for tag_id, name in tag_rows
        ]
        conn.executemany(
            "INSERT OR IGNORE INTO customer_tag (customer_id, tag_id) VALUES (?, ?)", links
        )
        self.check(rows_total + rows_total // 2)
        for start in range(0, len(audit_rows), 20_000):  # in chunks: less memory at once
            audit.record_many(audit_rows[start : start + 20_000], at=self.stamp)
            self.check()
        del audit_rows
        for entity in ("customer", "contact"):
            log_created(
                entity,
                [(first, last) for kind, first, last in runs if kind == entity],
                self.stamp,
                except_ids=list(tags_after) if entity == "customer" else (),
            )
            self.check()
        conn.executemany(
            "INSERT INTO import_item (batch_id, entity, entity_id, action, changes) "
            "VALUES (?, ?, ?, ?, ?)",
            items,
        )
        # Records created one after another: one item for the run of ids.
        conn.executemany(
            "INSERT INTO import_item (batch_id, entity, entity_id, last_id, action) "
            "VALUES (?, ?, ?, ?, 'create')",
            [(self.batch_id, entity, first, last) for entity, first, last in runs],
        )
        self.check(rows_total + rows_total * 2 // 3)
        contact_keys.make_stale()  # the sort keys of the contacts added or renamed
        self.index_new_customers(tags_after)
        ids = sorted(touched - new_customers.keys())  # flushed ones are read back: complete
        for start in range(0, len(ids), 2000):
            search.reindex_customers(ids[start : start + 2000])
            self.check()
        self.count_matched_rows(changed)
        result = self.result
        ImportBatch.update(
            created_count=result.created,
            updated_count=result.updated,
            skipped_count=result.skipped,
            refused_count=result.refused,
        ).where(ImportBatch.id == self.batch_id).execute()
        for entity in ("customer", "contact", "product"):
            made = (*self.flushed[entity], *self.new[entity])
            if made:
                notify(entity, made, "create")
            if changed.get(entity):
                notify(entity, tuple(sorted(changed[entity])), "update")
        if self._progress is not None:
            self._progress(self.total, self.total)

    def write_custom(self, entity: str, created: dict[int, Row]) -> None:
        """The custom values of new records (none to look for when the entity has no field)."""
        if any(item.entity == entity for item in self.rules.custom):
            custom_fields.write_many(entity, created.items())

    def created_entry(
        self, entity: str, values: Row, tags_after: dict[int, tuple[list[str], list[str]]]
    ) -> tuple[str, int, str, dict[str, Any]]:
        """The audit entry of a record this import creates (with its tags, if any)."""
        logged = audit.created(values)
        record_id = logged.pop("id")[1]
        logged.pop("created_at", None)
        logged.pop("updated_at", None)
        if record_id in tags_after:
            logged["tags"] = [None, tags_after[record_id][1]]
        return (entity, record_id, "create", logged)

    def index_new_customers(self, tags_after: dict[int, tuple[list[str], list[str]]]) -> None:
        """Search rows of the new customers, from the values in hand (as the demo data does).

        A new customer's contacts and tags are all new too, so nothing needs reading back.
        """
        customers = self.new["customer"]
        if not customers:
            return
        people: dict[int, list[tuple[Any, Any, Any]]] = {}
        for values in self.new["contact"].values():
            if values["customer_id"] in customers:
                people.setdefault(values["customer_id"], []).append(
                    (values.get("name"), values.get("email"), values.get("phone"))
                )
        rows = []
        ready = self.search_texts
        for customer_id, v in customers.items():
            made = ready.pop(customer_id, None)
            if made is not None and made[1] is not None:  # this customer's row alone made it
                rows.append((customer_id, made[0], made[1], self.stamp))
                continue
            tags = tags_after[customer_id][1] if customer_id in tags_after else ()
            text = search.haystack(
                (v.get("name"), v.get("email"), v.get("phone"), v.get("city"), v.get("country")),
                people.get(customer_id, ()),
                tags,
            )
            rows.append((customer_id, text, sort_key(v["name"]), self.stamp))
        for start in range(0, len(rows), 20_000):
            # One statement a chunk: the n-gram index takes the rows in one pass.
            insert_search_rows(rows[start : start + 20_000])
            self.check()
        patch = [(row[0], row[2], row[1]) for row in rows]
        after_commit(functools.partial(search.MEMORY.patch, patch, ()))

    def count_matched_rows(self, changed: dict[str, set[int]]) -> None:
        """Rows that matched a record count as updated when the record changed, else skipped."""
        result = self.result
        for line, entity, record_id, reason, already, contact_id in sorted(
            self.pending_rows, key=lambda row: row[0]
        ):
            if (
                already
                or record_id in changed.get(entity, ())
                or (contact_id is not None and contact_id in changed.get("contact", ()))
            ):
                result.updated += 1
            else:
                self.skip(
                    line, _("{reason}: nothing new to take from this row").format(reason=reason)
                )
        if self.entity == "customer":
            result.contacts_updated = len(changed.get("contact", ()))
        result.skipped_rows.sort()

    def apply_updates(
        self,
        audit_rows: list[tuple[str, int, str, dict[str, Any]]],
        items: list[tuple[int, str, int, str, str]],
        touched: set[int],
    ) -> dict[str, set[int]]:
        conn = database.connection()
        by_entity: dict[str, list[int]] = {}
        for entity, record_id in self.updates:
            by_entity.setdefault(entity, []).append(record_id)
        changed: dict[str, set[int]] = {}
        for entity, ids in by_entity.items():
            spec = records.entity(entity)
            old_rows: dict[int, Row] = {}
            for start in range(0, len(ids), 900):
                old_rows.update(records.get_many(spec, ids[start : start + 900]))
            grouped: dict[tuple[str, ...], list[tuple]] = {}
            for record_id in ids:
                old = old_rows.get(record_id)
                if old is None:
                    continue
                current = dict(old)
                for values, provided in self.updates[(entity, record_id)]:
                    for name, pair in _changes(current, values, provided, self.policy).items():
                        current[name] = pair[1]
                diff = {
                    name: [old.get(name), current[name]]
                    for name in current
                    if current[name] != old.get(name)
                }
                if not diff:
                    continue
                custom = {k: pair[1] for k, pair in diff.items() if k.startswith("cf_")}
                if custom:
                    custom_fields.write(entity, record_id, custom)
                stored = {
                    k: _storable(pair[1]) for k, pair in diff.items() if not k.startswith("cf_")
                }
                if entity == "customer":
                    stored["updated_at"] = self.stamp
                    touched.add(record_id)
                elif entity == "contact":
                    touched.add(old["customer_id"])
                key = tuple(sorted(stored))
                if key:
                    grouped.setdefault(key, []).append((*(stored[k] for k in key), record_id))
                audit_rows.append((entity, record_id, "update", diff))
                items.append(
                    (self.batch_id, entity, record_id, "update", audit.encode_changes(diff))
                )
                changed.setdefault(entity, set()).add(record_id)
            for key, params in grouped.items():
                assignments = ", ".join(f'"{column}" = ?' for column in key)
                conn.executemany(f'UPDATE "{entity}" SET {assignments} WHERE id = ?', params)
        return changed

    def plan_tags(
        self,
    ) -> tuple[
        list[tuple[int, str]], list[tuple[int, int]], dict[int, tuple[list[str], list[str]]]
    ]:
        """New tags, customer–tag links, and each customer's tags (before, after) that change."""
        if not self.new_tags:
            return [], [], {}
        existing: dict[int, list[str]] = {}
        old_ids = [i for i in self.new_tags if i not in self.new["customer"]]
        for start in range(0, len(old_ids), 900):
            chunk = old_ids[start : start + 900]
            marks = ", ".join("?" for _ignored in chunk)
            for customer_id, name in database.execute_sql(
                "SELECT ct.customer_id, t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id "
                f"WHERE ct.customer_id IN ({marks})",
                chunk,
            ):
                existing.setdefault(customer_id, []).append(name)
        tag_rows: list[tuple[int, str]] = []
        links: list[tuple[int, int]] = []
        changes: dict[int, tuple[list[str], list[str]]] = {}
        for customer_id, names in self.new_tags.items():
            before = existing.get(customer_id, [])
            have = {fold(n) for n in before}
            added = []
            for name in names:
                key = fold(name)
                if key in have:
                    continue
                have.add(key)
                tag_id = self.tag_ids.get(key)
                if tag_id is None:
                    tag_id = self.take_id("tag")
                    self.tag_ids[key] = tag_id
                    tag_rows.append((tag_id, name))
                links.append((customer_id, tag_id))
                added.append(name)
            if added:
                changes[customer_id] = (before, before + added)
        return tag_rows, links, changes


def _index_contact(
    index: CustomerIndex | ContactIndex, contact_id: int, customer_id: int, values: Row
) -> None:
    """Make a contact this import creates known to matching, as one already stored is."""
    index.add_contact(
        ContactEntry(
            contact_id,
            customer_id,
            values.get("email"),
            values.get("phone"),
            values["name"],
            values["is_primary"],
        )
    )


def _runs(ids: Iterable[int]) -> list[tuple[int, int]]:
    """Consecutive ids as (first, last) runs: 1, 2, 3, 7 → (1, 3), (7, 7)."""
    runs: list[tuple[int, int]] = []
    for record_id in sorted(ids):
        if runs and runs[-1][1] == record_id - 1:
            runs[-1] = (runs[-1][0], record_id)
        else:
            runs.append((record_id, record_id))
    return runs
