"""Report periods and groupings: calendar arithmetic, no database.

A period is two local calendar dates, both included (``order_date`` is a
local date, so an order dated the 31st belongs to that month whatever the
hour it was typed). A grouping cuts a period into buckets: days, ISO weeks
(Monday to Sunday, numbered as ISO 8601 does), months or quarters. The first
and last bucket are clipped to the period.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from crm_desktop.errors import CrmError
from crm_desktop.i18n import N_, _

GROUPINGS = ("day", "week", "month", "quarter")
PRESETS = ("this_month", "last_month", "this_quarter", "this_year", "last_year")
PRESET_LABELS = {
    "this_month": N_("This month"),
    "last_month": N_("Last month"),
    "this_quarter": N_("This quarter"),
    "this_year": N_("This year"),
    "last_year": N_("Last year"),
}


class PeriodError(CrmError):
    """A period the user gave cannot be used (a bad date, start after end)."""


@dataclass(frozen=True)
class Period:
    """From ``start`` to ``end``, both days included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise PeriodError(
                _("The period starts ({start}) after it ends ({end}).").format(
                    start=self.start.isoformat(), end=self.end.isoformat()
                )
            )

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period of the same length just before this one (for "change vs previous")."""
        if _is_whole_months(self):
            months = (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1
            start = _add_months(self.start, -months)
            return Period(start, self.start - timedelta(days=1))
        return Period(self.start - timedelta(days=self.days), self.start - timedelta(days=1))

    def utc_bounds(self) -> tuple[str, str]:
        """The period as stored UTC timestamps: [first local midnight, next local midnight)."""
        return _utc_stamp(self.start), _utc_stamp(self.end + timedelta(days=1))

    def label(self) -> str:
        if self.start == self.end:
            return self.start.isoformat()
        return f"{self.start.isoformat()} – {self.end.isoformat()}"


def _utc_stamp(day: date) -> str:
    from crm_desktop.services.clock import to_timestamp

    return to_timestamp(datetime.combine(day, time()))


def _is_whole_months(period: Period) -> bool:
    return period.start.day == 1 and (period.end + timedelta(days=1)).day == 1


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def month_start(day: date) -> date:
    return day.replace(day=1)


def quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def preset(name: str, today: date) -> Period:
    """One of :data:`PRESETS` seen from ``today``."""
    if name == "this_month":
        return Period(month_start(today), _add_months(today, 1) - timedelta(days=1))
    if name == "last_month":
        start = _add_months(today, -1)
        return Period(start, month_start(today) - timedelta(days=1))
    if name == "this_quarter":
        start = quarter_start(today)
        return Period(start, _add_months(start, 3) - timedelta(days=1))
    if name == "this_year":
        return Period(date(today.year, 1, 1), date(today.year, 12, 31))
    if name == "last_year":
        return Period(date(today.year - 1, 1, 1), date(today.year - 1, 12, 31))
    raise ValueError(_("unknown period preset {name!r}").format(name=name))


def parse_date(text: str, what: str = "date") -> date:
    """``YYYY-MM-DD`` typed by a user; a clear message when it is not a real date."""
    value = (text or "").strip()
    try:
        if len(value) != 10:
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise PeriodError(
            _("{what} {text!r} is not a date: write it as YYYY-MM-DD, e.g. 2026-01-31.").format(
                what=what, text=text
            )
        ) from None


@dataclass(frozen=True)
class Bucket:
    """One group of a grouped report: its calendar span and its span inside the period."""

    key: str  # "2026-11-22", "2026-W47", "2026-11", "2026-Q4"
    grouping: str
    start: date  # first day of the calendar bucket
    end: date  # last day of the calendar bucket
    first: date  # first day inside the period
    last: date  # last day inside the period


def bucket_of(day: date, grouping: str) -> tuple[str, date, date]:
    """The key and calendar span of the bucket holding ``day``."""
    if grouping == "day":
        return day.isoformat(), day, day
    if grouping == "week":
        year, week, weekday = day.isocalendar()
        start = day - timedelta(days=weekday - 1)
        return f"{year}-W{week:02d}", start, start + timedelta(days=6)
    if grouping == "month":
        start = month_start(day)
        return start.strftime("%Y-%m"), start, _add_months(start, 1) - timedelta(days=1)
    if grouping == "quarter":
        start = quarter_start(day)
        return (
            f"{start.year}-Q{(start.month - 1) // 3 + 1}",
            start,
            _add_months(start, 3) - timedelta(days=1),
        )
    raise ValueError(
        _("unknown grouping {grouping!r}; use one of {value}").format(
            grouping=grouping, value=", ".join(GROUPINGS)
        )
    )


def buckets(period: Period, grouping: str) -> list[Bucket]:
    """Every bucket of the period in order, also those with nothing in them."""
    result = []
    day = period.start
    while day <= period.end:
        key, start, end = bucket_of(day, grouping)
        result.append(Bucket(key, grouping, start, end, max(start, period.start),
                             min(end, period.end)))  # fmt: skip
        day = end + timedelta(days=1)
    return result


def bucket_before(bucket: Bucket) -> Bucket:
    """The whole calendar bucket just before ``bucket`` (for the first bucket's change)."""
    key, start, end = bucket_of(bucket.start - timedelta(days=1), bucket.grouping)
    return Bucket(key, bucket.grouping, start, end, start, end)


def days(period: Period) -> Iterator[date]:
    day = period.start
    while day <= period.end:
        yield day
        day += timedelta(days=1)


def suggested_grouping(period: Period) -> str:
    """A grouping that gives a readable number of bars for the period."""
    if period.days <= 31:
        return "day"
    if period.days <= 120:
        return "week"
    if period.days <= 3 * 366:
        return "month"
    return "quarter"
