"""The deferred database every model is bound to, and the column helpers the tables share.

The database object exists before any file is chosen (peewee's deferred
initialisation): :func:`crm_desktop.models.database.open_database` points it at
a file at start-up, and tests point it at a throwaway file.
"""

from __future__ import annotations

from collections.abc import Iterable

from peewee import SQL, Check, FloatField, IntegerField, Model, NodeList, TextField
from playhouse.sqlite_ext import AutoIncrementField

from crm_desktop.models.sqlite import CrmDatabase

database = CrmDatabase(None)

# ISO-8601 UTC with seconds, e.g. 2026-11-22T09:30:00Z; fixed width so text order is time order.
TIMESTAMP_GLOB = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z"
DATE_GLOB = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"


class BaseModel(Model):
    """A table of the documented schema: snake_case, singular, ``id INTEGER PRIMARY KEY``."""

    # AUTOINCREMENT: an id is never handed out twice, so a record restored from
    # the trash gets its old id back and the audit log never points at a stranger.
    id = AutoIncrementField()

    class Meta:
        database = database
        legacy_table_names = False


NOW_SQL = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"


def db_default(value: str | int) -> SQL:
    """A DEFAULT in the table itself, so rows added by other SQLite tools are valid too."""
    literal = f"'{value}'" if isinstance(value, str) else str(value)
    return SQL(f"DEFAULT {literal}")


def enum_column(
    column: str, values: Iterable[str], default: str, *, index: bool = False
) -> TextField:
    """An enumeration kept as text, checked by the database, with a default."""
    quoted = ", ".join(f"'{value}'" for value in values)
    return TextField(
        default=default,
        index=index,
        constraints=[Check(f"{column} IN ({quoted})"), db_default(default)],
    )


def not_blank(column: str) -> SQL | NodeList:
    return Check(f"length(trim({column})) > 0")


def optional_text(column: str, *, index: bool = False, unique: bool = False) -> TextField:
    """Optional text: NULL when there is none, never ``''`` (nor only spaces)."""
    return TextField(
        null=True, index=index, unique=unique, constraints=[Check(f"length(trim({column})) > 0")]
    )


def date_column(column: str, *, null: bool = True) -> TextField:
    """A real ``YYYY-MM-DD`` date kept as text, checked by the database itself.

    ``date(x, '+0 days')`` normalises what ``date(x)`` alone lets through
    (SQLite 3.40 returns ``2026-02-30`` unchanged), so only a real day equals it.
    """
    rule = f"{column} GLOB '{DATE_GLOB}' AND date({column}, '+0 days') IS {column}"
    if null:
        return TextField(null=True, constraints=[Check(f"{column} IS NULL OR ({rule})")])
    return TextField(constraints=[Check(rule)])


def timestamp_column(column: str, *, null: bool = False, real: bool = True) -> TextField:
    """An ISO-8601 UTC timestamp kept as text, checked by the database itself.

    ``real``: also a time that exists (not ``2026-99-99T99:99:99Z``). The
    app's own bookkeeping tables of schema versions 2 and 3 keep the shape
    check only (their frozen steps made them so).
    """
    rule = f"{column} GLOB '{TIMESTAMP_GLOB}'"
    if real:
        rule += f" AND strftime('%Y-%m-%dT%H:%M:%SZ', {column}, '+0 seconds') IS {column}"
    if null:
        wrapped = f"({rule})" if real else rule
        return TextField(null=True, constraints=[Check(f"{column} IS NULL OR {wrapped}")])
    return TextField(constraints=[Check(rule), SQL(f"DEFAULT ({NOW_SQL})")])


def decimal_column(
    column: str, *, places: int, low: str, high: int | None = None, default: int | None = None
) -> FloatField:
    """A REAL with at most ``places`` decimals (quantities, percentages), within bounds.

    ``low`` is the lower bound as SQL (``> 0``, ``>= 0``). The decimals are
    checked with a tolerance far below the last place and far above a
    double's rounding error, so ``2.675`` passes and ``2.6751`` does not.
    """
    scale = 10**places
    rule = f"{column} {low}"
    if high is not None:
        rule += f" AND {column} <= {high}"
    rule += f" AND abs({column} * {scale} - round({column} * {scale})) < 0.000001"
    constraints: list = [Check(rule)]
    if default is None:
        return FloatField(constraints=constraints)
    return FloatField(default=default, constraints=[*constraints, db_default(default)])


def money_column(column: str, *, maximum: int | None = None) -> IntegerField:
    """Integer minor units (cents): exact, never negative, never a float."""
    rule = f"typeof({column}) = 'integer' AND {column} >= 0"
    if maximum is not None:
        rule += f" AND {column} <= {maximum}"
    return IntegerField(default=0, constraints=[Check(rule), db_default(0)])


def flag_column(column: str, default: int) -> IntegerField:
    """A yes/no value kept as 0 or 1."""
    return IntegerField(
        default=default, constraints=[Check(f"{column} IN (0, 1)"), db_default(default)]
    )
