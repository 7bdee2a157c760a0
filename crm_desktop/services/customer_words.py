"""The words a customer's status and kind are written with: in the owner's language for
what we print, and in every shipped language for what we read (an import of a file that
another program wrote in Russian or Chinese says «Потенциальный» or 意向客户)."""

from __future__ import annotations

import functools
from collections.abc import Callable

from crm_desktop import i18n

PGettext = Callable[[str, str], str]


def _words(pgettext: PGettext) -> dict[str, str]:
    # One table for printing and reading; the calls are written out so that the catalogue's
    # extraction finds each word with its context.
    return {
        "lead": pgettext("customer status", "Lead"),
        "prospect": pgettext("customer status", "Prospect"),
        "active": pgettext("customer status", "Active"),
        "inactive": pgettext("customer status", "Inactive"),
        "company": pgettext("customer kind", "Company"),
        "person": pgettext("customer kind", "Person"),
    }


STATUSES = ("lead", "prospect", "active", "inactive")
KINDS = ("company", "person")


def customer_word(value: str) -> str:
    """A customer's stored status or kind as the owner reads it (``prospect`` → «Потенциальный»)."""
    return _words(i18n.pgettext).get(value, value)


@functools.cache
def shipped_words() -> dict[str, tuple[str, ...]]:
    """Each stored status and kind → its word in every shipped language (English first)."""
    found: dict[str, list[str]] = {}
    for code in i18n.LANGUAGES:
        for key, word in _words(i18n.catalogue_of(code).pgettext).items():
            if word not in found.setdefault(key, []):
                found[key].append(word)
    return {key: tuple(words) for key, words in found.items()}
