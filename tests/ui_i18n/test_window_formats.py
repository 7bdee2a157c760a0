"""Dates, numbers and money in the window follow the data's locale through QLocale."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QDate, QLocale
from tour import make_window

from crm_desktop.services import settings

# (locale, currency, a date, a grouped number, money) as a reader of each expects them.
CASES = [
    ("ru_RU", "RUB", r"^\d\d\.\d\d\.\d{4}$", "5\u00a0477", r"^\d{1,3}(\u00a0\d{3})*,\d\d\u00a0₽$"),
    ("zh_CN", "CNY", r"^\d{4}/\d{1,2}/\d{1,2}$", "5,477", r"^¥\d{1,3}(,\d{3})*\.\d\d$"),
    ("en_US", "USD", r"^\d{1,2}/\d{1,2}/\d{4}$", "5,477", r"^\$\d{1,3}(,\d{3})*\.\d\d$"),
]


@pytest.mark.parametrize(("locale", "currency", "date", "number", "money"), CASES)
def test_orders_today_and_counts_follow_the_locale(
    qtbot, demo_db, locale, currency, date, number, money
):
    settings.set_many({"locale": locale, "currency": currency})
    window = make_window(qtbot, demo_db)
    assert QLocale().name() == locale
    assert QLocale().toString(5477) == number  # counts: "Overdue (5 477)", "5 477 клиентов"
    window.show_section("orders")
    page = window.current_list()
    qtbot.waitUntil(lambda: page.model.has_loaded(), timeout=10_000)
    keys = [column.key for column in page.section.columns]
    model = page.model
    day = model.data(model.index(0, keys.index("order_date")))
    total = model.data(model.index(0, keys.index("total_cents")))
    assert re.match(date, day), day
    assert re.match(money, total), total
    today = window.page("today")
    day = today.data.day
    # Words (weekday, month) in the window's language, English here, whatever the data's.
    english = QLocale(QLocale.Language.English, QLocale(locale).territory())
    written = english.toString(QDate(day.year, day.month, day.day), english.dateFormat())
    assert today.heading.text() == f"Today, {written}", today.heading.text()


@pytest.mark.parametrize(
    ("language", "locale", "heading"),
    [
        ("ru", "en_US", "Сегодня, суббота, 5 декабря 2026\u202fг."),
        ("ru", "ru_RU", "Сегодня, суббота, 5 декабря 2026\u202fг."),
        ("zh_CN", "en_US", "今天，2026年12月5日星期六"),
    ],
)
def test_todays_date_is_written_in_the_windows_language(
    qtbot, demo_db, monkeypatch, language, locale, heading
):
    """A Russian window on a file still set to the US (the first run on a machine whose
    system locale is C) never says "Сегодня, Saturday, December 5"."""
    from datetime import date

    from PySide6.QtWidgets import QApplication

    from crm_desktop import i18n
    from crm_desktop.services import today as today_service
    from crm_desktop.ui import translation

    monkeypatch.setattr(today_service, "today", lambda: date(2026, 12, 5))
    settings.set_many({"locale": locale})
    translation.install(QApplication.instance(), language)
    try:
        window = make_window(qtbot, demo_db)
        text = window.page("today").heading.text()
    finally:
        translation.install(QApplication.instance(), i18n.ENGLISH)
    assert text == heading, text


def test_a_locale_change_in_preferences_reaches_the_counts(qtbot, demo_db):
    window = make_window(qtbot, demo_db)
    assert QLocale().toString(5477) == "5,477"
    settings.set_many({"locale": "ru_RU"})
    from crm_desktop.services.changes import Change

    window._on_change(Change("setting", (), "update"))
    assert QLocale().toString(5477) == "5\u00a0477"
