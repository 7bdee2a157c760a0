"""What the window's first screen (Today) shows, read before the data layer has loaded.

The start's budget is a bare window's, so Today is read the lightest way there is:
:func:`read_from_file` opens the file with the standard ``sqlite3`` module, read only
(``query_only``), in one read transaction, and runs Today's few indexed queries
(:mod:`crm_desktop.services.today`, :mod:`crm_desktop.services.invoice_dues`) and the
two settings the formats need. Neither peewee nor the models nor any other service is
imported for it; the window opens the file the usual way (:func:`~crm_desktop.services.
session.open_session`) once Today is painted, after this connection is closed (a plain
file is opened by the same ``sqlite3`` either way: ``models/cipher.py``).

Only a file that can be read as it is goes this way: a plain SQLite file (an encrypted
one asks for its key first), ours (its ``application_id``), at this version's schema
(an older one is upgraded first, a newer one refused). Anything else, or any error
here (text that is not UTF-8, which the models' connections read leniently, too),
returns ``None`` and the start opens the file first and reads Today through it
(:func:`read_first_screen`), where each failure has its message.

This runs on the opening job's thread, so it touches nothing of Qt, not even a module
that uses PySide6: PySide6 builds its Python types and meta-objects on first use, and
that is not thread-safe (a start crashed about once in 150 while the job's thread
entered its work through a signal as the GUI thread built the window: see
``ui.jobs._WorkThread``).
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from crm_desktop.models.version import APPLICATION_ID, SCHEMA_VERSION
from crm_desktop.services import settings
from crm_desktop.services.clock import today
from crm_desktop.services.invoice_dues import Overdue, read_overdue
from crm_desktop.services.locale_facts import LocaleFacts, locale_facts
from crm_desktop.services.today import Execute, TodayData, load_today

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"  # an encrypted file's first bytes are random


@dataclass(frozen=True)
class FirstScreen:
    """Today's data read with the file's opening: the formats' settings, the cards, the
    overdue line."""

    currency: str
    locale: str
    facts: LocaleFacts  # the locale's patterns and number pieces, looked up already
    today: TodayData | None  # None: reading it failed, the page asks again as it would later
    overdue: Overdue | None


def _setting(execute: Execute, key: str) -> str:
    """A setting's stored value or its default, as :func:`settings.get` gives it."""
    row = execute("SELECT value FROM setting WHERE key = ?", [key]).fetchone()
    return row[0] if row is not None and row[0] else settings.default(key)


def read_from_file(path: Path) -> FirstScreen | None:
    """Today and its formats read from ``path`` with a plain, read-only connection, before
    the file is opened the usual way; ``None`` when the file must be opened first (new,
    encrypted, old, newer, not ours, locked, damaged…)."""
    try:
        with open(path, "rb") as file:
            if file.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return None  # missing, empty, encrypted or not SQLite: the usual way says
    except OSError:
        return None
    try:
        # mode=rw: never creates a file; query_only: never writes to it.
        connection = sqlite3.connect(
            f"{path.absolute().as_uri()}?mode=rw", uri=True, timeout=0.1, isolation_level=None
        )
    except sqlite3.Error:
        return None
    try:
        execute: Execute = connection.execute
        execute("PRAGMA query_only = 1", [])
        execute("BEGIN", [])  # one snapshot for every figure
        mark = execute("PRAGMA application_id", []).fetchone()[0]
        version = execute("PRAGMA user_version", []).fetchone()[0]
        if mark != APPLICATION_ID or version != SCHEMA_VERSION:
            return None
        currency, locale = _setting(execute, "currency"), _setting(execute, "locale")
        data = load_today(execute=execute)
        overdue = read_overdue(execute, today().isoformat())
        execute("COMMIT", [])
    except (sqlite3.Error, LookupError, ValueError, TypeError) as exc:
        # Locked, damaged, a table another version lacks…: opened the usual way, which
        # says what is wrong; only the kind of error is logged (no personal data).
        log.info("first screen read the usual way: %s", type(exc).__name__)
        return None
    finally:
        connection.close()
    return FirstScreen(currency, locale, locale_facts(locale, currency), data, overdue)


def read_first_screen() -> FirstScreen:
    """Read what Today shows first through the open database (the start's way when
    :func:`read_from_file` cannot read the file before it is opened).

    A failure reading the cards or the overdue line is not the opening's: the page
    then reads them the usual way, where a failure is shown as any other.
    """
    from crm_desktop.services import invoices

    currency, locale = settings.get("currency"), settings.get("locale")
    facts = locale_facts(locale, currency)
    try:
        data: TodayData | None = load_today()
    except Exception:  # read again by the page itself, which reports it
        data = None
    try:
        overdue: Overdue | None = invoices.overdue()
    except Exception:  # the same
        overdue = None
    return FirstScreen(currency, locale, facts, data, overdue)
