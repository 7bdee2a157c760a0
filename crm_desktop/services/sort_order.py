"""Which script a list puts first: the data's language decides, as CLDR's collations do.

CLDR's Russian collation puts Cyrillic before Latin, the Chinese (pinyin) one
puts Chinese characters before Latin, English and most others keep the root
order (Latin first). The stored sort keys (``customer_search.name_key``,
``contact_key.name_key``, ``custom_value.sort_key`` of text values) are made in one of these orders
(:data:`crm_desktop.services.text.ORDERS`); the setting ``sort_order`` says
which one, so it travels with the data like ``locale``, whose language picks
the wanted order. A file without the setting was keyed in the root order
(every file before this was).

When the locale's language wants another order, :func:`rekey` rewrites the
keys that change (only the names that start with a letter of a script that
moves: Latin and Greek names for Russian; for Chinese, every name of an
alphabet) in one transaction, with progress and cancel; a cancelled or failed
re-key leaves every key and the setting as they were. The window runs it as a
job after Preferences and after opening a file; the command line runs it when
it opens the file.
"""

from __future__ import annotations

from crm_desktop.models import database
from crm_desktop.services import changes, contact_keys, settings, text
from crm_desktop.services.progress import Cancelled, Progress, check_in

SETTING = "sort_order"
CHUNK = 5000

# The languages whose CLDR collation reorders a script first ([reorder Cyrl], [reorder Hani]).
_CYRILLIC_FIRST = frozenset({"ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "mn", "tg"})
_HAN_FIRST = frozenset({"zh"})
# Custom field kinds whose values sort by their text key (numbers and dates do not).
_TEXT_KINDS = ("text", "choice", "link")


def order_for_locale(locale_name: str) -> str:
    """The key order a locale's language wants: ``ru_RU`` → cyrillic, ``zh_CN`` → han."""
    language = (locale_name or "").replace("-", "_").split("_")[0].lower()
    if language in _CYRILLIC_FIRST:
        return "cyrillic"
    if language in _HAN_FIRST:
        return "han"
    return "root"


def stored() -> str:
    """The order the stored keys were made in."""
    value = settings.get(SETTING)
    return value if value in text.ORDERS else "root"


def wanted() -> str:
    """The order the data's language asks for."""
    return order_for_locale(settings.get("locale"))


def activate() -> None:
    """Make this process key in the open file's stored order (called when a file opens)."""
    text.use_order(stored())


def needs_rekey() -> bool:
    return stored() != wanted()


def _changed_names(order: text.KeyOrder) -> list[tuple[str, int]]:
    rows = database.execute_sql(
        "SELECT s.id, s.name_key, c.name FROM customer_search s JOIN customer c ON c.id = s.id"
    )
    found = []
    for customer_id, old, name in rows:
        new = text.sort_key(name, order)
        if new != old:
            found.append((new, customer_id))
    return found


def _changed_values(order: text.KeyOrder) -> list[tuple[str, int, int]]:
    marks = ", ".join("?" for _ in _TEXT_KINDS)
    rows = database.execute_sql(
        "SELECT v.field_id, v.record_id, v.sort_key, v.text_value FROM custom_value v "
        f"JOIN custom_field f ON f.id = v.field_id WHERE f.kind IN ({marks}) "
        "AND v.text_value IS NOT NULL",
        _TEXT_KINDS,
    )
    found = []
    for field_id, record_id, old, value in rows:
        new = text.sort_key(value, order)
        if new != old:
            found.append((new, field_id, record_id))
    return found


def rekey(progress: Progress | None = None, cancelled: Cancelled | None = None) -> int:
    """Re-make the stored keys in the wanted order, in one transaction; how many changed.

    Cancelling (``cancelled()`` true between chunks) raises
    :class:`~crm_desktop.errors.CancelledError` and changes nothing.
    """
    target = wanted()
    order = text.ORDERS[target]
    before = stored()
    changed = 0
    try:
        with changes.transaction():
            names = _changed_names(order)
            values = _changed_values(order)
            people = contact_keys.changed_keys(order)
            total = len(names) + len(values) + len(people)
            check_in(0, total, progress, cancelled)
            for start in range(0, len(names), CHUNK):
                database.connection().executemany(
                    "UPDATE customer_search SET name_key = ? WHERE id = ?",
                    names[start : start + CHUNK],
                )
                changed += len(names[start : start + CHUNK])
                check_in(changed, total, progress, cancelled)
            for start in range(0, len(values), CHUNK):
                database.connection().executemany(
                    "UPDATE custom_value SET sort_key = ? WHERE field_id = ? AND record_id = ?",
                    values[start : start + CHUNK],
                )
                changed += len(values[start : start + CHUNK])
                check_in(changed, total, progress, cancelled)
            for start in range(0, len(people), CHUNK):
                contact_keys.write_keys(people[start : start + CHUNK])
                changed += len(people[start : start + CHUNK])
                check_in(changed, total, progress, cancelled)
            settings.set_many({SETTING: target})
            # Before the commit: a write of the window waits for this transaction's lock, and
            # must key its row in the new order once it gets it.
            text.use_order(target)
            if names or values:
                changes.notify("customer", (), "update")
            if people:
                changes.notify("contact", (), "update")
    except BaseException:
        text.use_order(before)
        raise
    return changed


def rekey_if_needed(progress: Progress | None = None, cancelled: Cancelled | None = None) -> int:
    """:func:`rekey` when the language wants another order than the stored one; else 0."""
    activate()
    return rekey(progress, cancelled) if needs_rekey() else 0
