"""Finding customers entered twice, and merging them — undoably.

**Finding.** Two customers are likely the same when they share a
normalised email or phone, or when their names are very similar in the
same city. Comparing every pair of 100,000 names would take hours, so names
are compared only within *blocks*: customers of one city whose name
"skeleton" (folded, punctuation and legal forms such as LLC, GmbH, ООО
removed, words sorted) starts — or ends — with the same three characters.
Identical skeletons are duplicates outright; different ones are compared
with :class:`difflib.SequenceMatcher` (ratio ≥ 0.88). Overlapping findings
(same email here, similar name there) are joined into one group.

**Merging.** The user picks the surviving customer and, field by field, the
values it keeps. In one transaction: the survivor takes those values;
contacts, orders, deals, tasks, interactions, service cases and campaign
memberships move to it (a membership of a campaign the survivor is already
in stays behind); it gets the others' tags; the merged-away customers go to
the trash. Everything is in the audit log, and the merge is remembered as
an ``import_batch`` of kind ``merge`` so that :func:`undo_merge` (the import
history's "Undo") restores the customers and moves every record back.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from crm_desktop.errors import CrmError, ValidationError
from crm_desktop.i18n import _
from crm_desktop.models import database
from crm_desktop.models.tables import ImportBatch
from crm_desktop.services import audit, records, search, tags, trash
from crm_desktop.services.changes import before_bulk_change, notify, transaction
from crm_desktop.services.clock import now_utc
from crm_desktop.services.customers import CUSTOMER
from crm_desktop.services.importing.batches import UndoResult, revert_updates
from crm_desktop.services.progress import stop_if_cancelled
from crm_desktop.services.text import fold

SIMILARITY = 0.88
MAX_BLOCK = 400  # distinct names compared pairwise in one block at most
MERGE_FIELDS = tuple(f.name for f in CUSTOMER.fields)
# Tables whose rows belong to a customer and move to the survivor, by entity name.
MOVED = ("contact", "sales_order", "deal", "task", "interaction", "service_case", "campaign_member")

_LEGAL_FORMS = frozenset(
    [
        "llc",
        "ltd",
        "limited",
        "inc",
        "corp",
        "corporation",
        "co",
        "company",
        "plc",
        "gmbh",
        "ag",
        "kg",
        "ug",
        "sa",
        "sas",
        "sarl",
        "srl",
        "spa",
        "bv",
        "nv",
        "oy",
        "ab",
        "as",
        "aps",
        "kft",
        "sp",
        "zoo",
        "ооо",
        "оао",
        "зао",
        "пао",
        "ао",
        "ип",
        "тоо",
        "чп",
        "пк",
        "нко",
        "фгуп",
        "муп",
    ]
)
_WORDS = re.compile(r"\w+")


def skeleton(name: str | None) -> str:
    """A name reduced to what identifies it: folded words, no legal form, sorted."""
    words = [w for w in _WORDS.findall(fold(name)) if w not in _LEGAL_FORMS]
    return " ".join(sorted(words))


@dataclass
class DuplicateGroup:
    """Customers that are likely one, and why."""

    ids: list[int]
    reasons: list[str] = field(default_factory=list)


class _Union:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}
        self.reasons: dict[int, set[str]] = defaultdict(set)

    def find(self, item: int) -> int:
        parent = self.parent.setdefault(item, item)
        if parent != item:
            parent = self.parent[item] = self.find(parent)
        return parent

    def union(self, items: Sequence[int], reason: str) -> None:
        root = self.find(items[0])
        for other in items[1:]:
            other_root = self.find(other)
            if other_root != root:
                self.parent[other_root] = root
                self.reasons[root] |= self.reasons.pop(other_root, set())
        self.reasons[root].add(reason)


def find_duplicate_groups(
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[DuplicateGroup]:
    """Groups of likely duplicate customers (not in the trash), largest first."""
    rows = database.execute_sql(
        "SELECT id, email, phone, name, city FROM customer WHERE deleted_at IS NULL"
    ).fetchall()
    union = _Union()
    by_email: dict[str, list[int]] = defaultdict(list)
    by_phone: dict[str, list[int]] = defaultdict(list)
    blocks: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    city_names: dict[str, str] = {}
    for customer_id, email, phone, name, city in rows:
        if email:
            by_email[email.casefold()].append(customer_id)
        if phone:
            by_phone[phone.split(" ext.")[0]].append(customer_id)
        bones = skeleton(name)
        if not bones:
            continue
        place = fold(city).strip()
        city_names.setdefault(place, city or "")
        blocks[(place, "<" + bones[:3])][bones].append(customer_id)
        blocks[(place, ">" + bones[-3:])][bones].append(customer_id)
    for email, ids in by_email.items():
        if len(ids) > 1:
            union.union(ids, f"same email {email}")
    for phone, ids in by_phone.items():
        if len(ids) > 1:
            union.union(ids, f"same phone {phone}")
    total = len(blocks) or 1
    for done, ((place, _ignored), names) in enumerate(blocks.items(), start=1):
        if done % 500 == 0:
            stop_if_cancelled(cancelled, _("Cancelled."))
            if progress is not None:
                progress(done, total)
        where = f" in {city_names[place]}" if place else ""
        for ids in names.values():
            if len(ids) > 1:
                union.union(ids, f"same name{where}")
        distinct = list(names)
        if len(distinct) < 2 or len(distinct) > MAX_BLOCK:
            continue
        for i, first in enumerate(distinct):
            matcher = SequenceMatcher(None, first, autojunk=False)
            for second in distinct[i + 1 :]:
                if abs(len(first) - len(second)) > max(len(first), len(second)) * (1 - SIMILARITY):
                    continue
                matcher.set_seq2(second)
                if matcher.quick_ratio() >= SIMILARITY and matcher.ratio() >= SIMILARITY:
                    union.union([names[first][0], names[second][0]], f"similar names{where}")
    members: dict[int, list[int]] = defaultdict(list)
    for customer_id in union.parent:
        members[union.find(customer_id)].append(customer_id)
    groups = [
        DuplicateGroup(sorted(ids), sorted(union.reasons.get(root, ())))
        for root, ids in members.items()
        if len(ids) > 1
    ]
    groups.sort(key=lambda g: (-len(g.ids), g.ids[0]))
    if progress is not None:
        progress(total, total)
    return groups


def describe_customers(ids: Sequence[int]) -> list[dict[str, Any]]:
    """The customers of a group with every mergeable field and what belongs to each."""
    found = records.get_many(CUSTOMER, ids)
    counts: dict[int, dict[str, int]] = {i: {} for i in ids}
    marks = ", ".join("?" for _ignored in ids)
    for table in MOVED:
        for customer_id, number in database.execute_sql(
            f'SELECT customer_id, count(*) FROM "{table}" WHERE customer_id IN ({marks}) '
            "GROUP BY customer_id",
            list(ids),
        ):
            counts[customer_id][table] = number
    out = []
    for customer_id in ids:
        row = found.get(customer_id)
        if row is None:
            continue
        row["tags"] = tags.tags_of(customer_id)
        row["counts"] = counts[customer_id]
        out.append(row)
    return out


def default_choice(rows: Sequence[Mapping[str, Any]], survivor_id: int) -> dict[str, Any]:
    """For each field, the survivor's value, or the first other non-empty one."""
    survivor = next(r for r in rows if r["id"] == survivor_id)
    others = [r for r in rows if r["id"] != survivor_id]
    chosen: dict[str, Any] = {}
    for name in MERGE_FIELDS:
        value = survivor.get(name)
        if value in (None, ""):
            value = next((r.get(name) for r in others if r.get(name) not in (None, "")), None)
        chosen[name] = value
    return chosen


@dataclass
class MergeResult:
    """The merge's batch (for undo), the trash batch of the merged-away, what moved."""

    batch_id: int
    trash_batch: int
    moved: dict[str, int]


def merge_customers(
    survivor_id: int, merged_ids: Sequence[int], values: Mapping[str, Any] | None = None
) -> MergeResult:
    """Merge ``merged_ids`` into ``survivor_id`` with the chosen field ``values``."""
    merged = [i for i in dict.fromkeys(merged_ids) if i != survivor_id]
    if not merged:
        raise CrmError(_("Choose at least one other customer to merge into this one."))
    unknown = set(values or {}) - set(MERGE_FIELDS)
    if unknown:
        raise ValidationError({name: "This field cannot be merged." for name in unknown})
    rows = records.get_many(CUSTOMER, [survivor_id, *merged])
    for customer_id in (survivor_id, *merged):
        row = rows.get(customer_id)
        if row is None or row.get("deleted_at"):
            raise CrmError(_("One of these customers is gone or in the trash; refresh the list."))
    before_bulk_change(_("merging duplicate customers"))
    with transaction():
        names = ", ".join(rows[i]["name"] for i in merged)
        batch_id = ImportBatch.insert(
            kind="merge",
            entity="customer",
            source=f"{names} → {rows[survivor_id]['name']}"[:300],
            started_at=now_utc(),
        ).execute()
        items: list[tuple[int, str, int, str, str]] = []
        wanted = {k: v for k, v in (values or {}).items() if v != rows[survivor_id].get(k)}
        changes = records.update(CUSTOMER, survivor_id, wanted) if wanted else {}
        moved = _move_children(survivor_id, merged, batch_id, items)
        before = tags.tags_of(survivor_id)
        extra = [t for i in merged for t in tags.tags_of(i)]
        if extra:
            tags.add_tags([survivor_id], extra)
        after = tags.tags_of(survivor_id)
        if after != before:
            changes = {**changes, "tags": [before, after]}
        if changes:
            items.append(
                (batch_id, "customer", survivor_id, "update", audit.encode_changes(changes))
            )
        trash_batch = trash.move_to_trash("customer", merged)
        search.reindex_customers([survivor_id, *merged])
        database.connection().executemany(
            "INSERT INTO import_item (batch_id, entity, entity_id, action, changes) "
            "VALUES (?, ?, ?, ?, ?)",
            items,
        )
        ImportBatch.update(trash_batch=trash_batch, updated_count=1, created_count=0).where(
            ImportBatch.id == batch_id
        ).execute()
        notify("customer", (survivor_id,), "update")
    return MergeResult(batch_id, trash_batch, moved)


def _move_children(
    survivor_id: int, merged: list[int], batch_id: int, items: list[tuple[int, str, int, str, str]]
) -> dict[str, int]:
    conn = database.connection()
    marks = ", ".join("?" for _ignored in merged)
    moved: dict[str, int] = {}
    log: list[tuple[str, int, str, dict[str, Any]]] = []
    has_primary = (
        conn.execute(
            "SELECT 1 FROM contact WHERE customer_id = ? AND is_primary = 1", (survivor_id,)
        ).fetchone()
        is not None
    )
    for table in MOVED:
        if table == "campaign_member":
            rows = conn.execute(
                f"SELECT id, customer_id FROM campaign_member WHERE customer_id IN ({marks}) "
                "AND campaign_id NOT IN (SELECT campaign_id FROM campaign_member "
                "WHERE customer_id = ?) ORDER BY id",
                [*merged, survivor_id],
            ).fetchall()
            seen: set[int] = set()
            unique = []
            for row_id, owner in rows:
                campaign = conn.execute(
                    "SELECT campaign_id FROM campaign_member WHERE id = ?", (row_id,)
                ).fetchone()[0]
                if campaign not in seen:  # two merged customers in one campaign: move one
                    seen.add(campaign)
                    unique.append((row_id, owner, 0))
            found = unique
        elif table == "contact":
            found = conn.execute(
                f"SELECT id, customer_id, is_primary FROM contact WHERE customer_id IN ({marks}) "
                "ORDER BY is_primary DESC, id",
                merged,
            ).fetchall()
        else:
            found = [
                (row_id, owner, 0)
                for row_id, owner in conn.execute(
                    f'SELECT id, customer_id FROM "{table}" WHERE customer_id IN ({marks})', merged
                ).fetchall()
            ]
        for row_id, owner, is_primary in found:
            change: dict[str, Any] = {"customer_id": [owner, survivor_id]}
            if table == "contact" and is_primary:
                if has_primary:
                    conn.execute("UPDATE contact SET is_primary = 0 WHERE id = ?", (row_id,))
                    change["is_primary"] = [1, 0]
                else:
                    has_primary = True
            conn.execute(
                f'UPDATE "{table}" SET customer_id = ? WHERE id = ?', (survivor_id, row_id)
            )
            items.append((batch_id, table, row_id, "move", json.dumps(change)))
            log.append((table, row_id, "update", change))
        if found:
            moved[table] = len(found)
    audit.record_many(log)
    return moved


def undo_merge(batch_id: int) -> UndoResult:
    """Bring the merged-away customers back and move their records back to them."""
    row = database.execute_sql(
        "SELECT trash_batch, undone_at FROM import_batch WHERE id = ? AND kind = 'merge'",
        (batch_id,),
    ).fetchone()
    if row is None:
        raise CrmError(_("This merge is not in the history any more."))
    trash_batch, undone_at = row
    if undone_at:
        raise CrmError(_("This merge was already undone."))
    before_bulk_change(_("undoing a merge of customers"))
    result = UndoResult()
    with transaction():
        in_trash = database.execute_sql(
            "SELECT count(*) FROM trash_item WHERE batch = ?", (trash_batch,)
        ).fetchone()[0]
        if in_trash:
            trash.restore_batch(trash_batch)
        items = database.execute_sql(
            "SELECT entity, entity_id, action, changes FROM import_item WHERE batch_id = ? "
            "ORDER BY id DESC",
            (batch_id,),
        ).fetchall()
        conn = database.connection()
        log: list[tuple[str, int, str, dict[str, Any]]] = []
        touched: set[int] = set()
        updates = []
        for entity, entity_id, action, text in items:
            changes = json.loads(text)
            if action == "update":
                updates.append((entity, entity_id, changes))
                continue
            old_owner, survivor = changes["customer_id"]
            alive = conn.execute(
                "SELECT 1 FROM customer WHERE id = ? AND deleted_at IS NULL", (old_owner,)
            ).fetchone()
            if not alive:
                result.gone += 1
                continue
            cursor = conn.execute(
                f'UPDATE "{entity}" SET customer_id = ? WHERE id = ? AND customer_id = ?',
                (old_owner, entity_id, survivor),
            )
            if not cursor.rowcount:
                result.kept_fields += 1
                continue
            back: dict[str, Any] = {"customer_id": [survivor, old_owner]}
            if entity == "contact" and "is_primary" in changes:
                taken = conn.execute(
                    "SELECT 1 FROM contact WHERE customer_id = ? AND is_primary = 1", (old_owner,)
                ).fetchone()
                if not taken:
                    conn.execute("UPDATE contact SET is_primary = 1 WHERE id = ?", (entity_id,))
                    back["is_primary"] = [0, 1]
            log.append((entity, entity_id, "update", back))
            touched.update((old_owner, survivor))
            result.reverted += 1
        audit.record_many(log)
        revert_updates(updates, result)
        search.reindex_customers(touched)
        database.execute_sql(
            "UPDATE import_batch SET undone_at = ? WHERE id = ?", (now_utc(), batch_id)
        )
        result.trashed = 0
        notify("customer", tuple(touched), "update")
    return result
