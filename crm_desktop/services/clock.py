"""Time as the schema stores it: UTC timestamps as ISO-8601 text, dates as ``YYYY-MM-DD``."""

from __future__ import annotations

from datetime import UTC, date, datetime

TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def now_utc() -> str:
    """This instant as the schema stores it, e.g. ``2026-11-22T09:30:00Z``."""
    return datetime.now(UTC).strftime(TIMESTAMP_FORMAT)


def to_timestamp(moment: datetime) -> str:
    """A datetime (naive means local time) as a stored UTC timestamp."""
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.astimezone(UTC).strftime(TIMESTAMP_FORMAT)


def from_timestamp(text: str) -> datetime:
    """A stored timestamp as an aware UTC datetime."""
    return datetime.strptime(text, TIMESTAMP_FORMAT).replace(tzinfo=UTC)


def local_date(text: str) -> date:
    """The user's local calendar date of a stored UTC timestamp."""
    return from_timestamp(text).astimezone().date()


def today() -> date:
    """The user's local date (orders and tasks are dated in local time)."""
    return date.today()
