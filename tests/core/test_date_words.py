"""The date phrases a date field understands (services.date_words, no Qt)."""

from __future__ import annotations

from datetime import date

import pytest

from crm_desktop.services.date_words import add_months, parse, presets

WEDNESDAY = date(2026, 12, 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", "2026-12-02"), (" Today ", "2026-12-02"), ("TOD", "2026-12-02"),
        ("tomorrow", "2026-12-03"), ("tom", "2026-12-03"), ("yesterday", "2026-12-01"),
        ("friday", "2026-12-04"), ("Fri", "2026-12-04"), ("wednesday", "2026-12-02"),
        ("monday", "2026-12-07"), ("next friday", "2026-12-11"), ("next monday", "2026-12-07"),
        ("next week", "2026-12-07"), ("next month", "2027-01-01"), ("eom", "2026-12-31"),
        ("end of month", "2026-12-31"),
        ("+3d", "2026-12-05"), ("3d", "2026-12-05"), ("+ 3 d", "2026-12-05"),
        ("-2d", "2026-11-30"), ("+2w", "2026-12-16"), ("+1m", "2027-01-02"),
        ("+1y", "2027-12-02"), ("in 3 days", "2026-12-05"), ("in 2 weeks", "2026-12-16"),
        ("in 1 month", "2027-01-02"),
        ("сегодня", "2026-12-02"), ("Завтра", "2026-12-03"), ("пятница", "2026-12-04"),
        ("в пятницу", None), ("через 3 дня", "2026-12-05"), ("следующая неделя", "2026-12-07"),
        ("послезавтра", "2026-12-04"), ("heute", "2026-12-02"), ("morgen", "2026-12-03"),
        ("今天", "2026-12-02"), ("明天", "2026-12-03"), ("周五", "2026-12-04"),
        ("下周", "2026-12-07"),
        ("12/25", "2026-12-25"), ("12/25/27", "2027-12-25"), ("12/25/2027", "2027-12-25"),
        ("2027-03-01", "2027-03-01"),
        ("", None), ("   ", None), ("soon", None), ("+3x", None), ("13/45", None),
        ("2/30", None), ("=1+1", None), ("<b>&", None), ("💥", None), ("+99999d", None),
        ("x" * 10_000, None), ("פרייטאג", None),
    ],
)  # fmt: skip
def test_phrases_in_month_first_order(text: str, expected: str | None) -> None:
    found = parse(text, WEDNESDAY, order="MDY")
    assert (found.isoformat() if found else None) == expected


def test_the_locale_order_decides_short_forms() -> None:
    assert parse("5.12", WEDNESDAY, order="DMY") == date(2026, 12, 5)
    assert parse("05.12.2026", WEDNESDAY, order="DMY") == date(2026, 12, 5)
    assert parse("5/12", WEDNESDAY, order="MDY") == date(2026, 5, 12)
    assert parse("2026/12/5", WEDNESDAY, order="YMD") == date(2026, 12, 5)
    assert parse("26.12.5", WEDNESDAY, order="YMD") == date(2026, 12, 5)


def test_a_weekday_on_that_day_is_today_and_next_is_a_week_on() -> None:
    friday = date(2026, 12, 4)
    assert parse("friday", friday) == friday
    assert parse("next friday", friday) == date(2026, 12, 11)
    sunday = date(2026, 12, 6)
    assert parse("next week", sunday) == date(2026, 12, 7)


def test_months_keep_the_day_where_the_month_has_it() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2026, 12, 15), -12) == date(2025, 12, 15)
    assert parse("+1m", date(2026, 1, 31)) == date(2026, 2, 28)


def test_presets_start_with_today_and_go_forward() -> None:
    items = presets(WEDNESDAY)
    assert items[0] == ("Today", WEDNESDAY)
    assert dict(items)["Tomorrow"] == date(2026, 12, 3)
    assert dict(items)["Friday"] == date(2026, 12, 4)
    assert dict(items)["Next Monday"] == date(2026, 12, 7)
    assert all(day >= WEDNESDAY for _label, day in items)
