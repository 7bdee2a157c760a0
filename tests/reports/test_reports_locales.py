"""A report in ru_RU, zh_CN and en_US: the locale's dates, numbers and money in the PDF and xlsx."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from crm_desktop import i18n
from crm_desktop.reports.generate import generate_report
from crm_desktop.services import figures, settings
from crm_desktop.services.reporting import Period

PERIOD = Period(date(2026, 2, 1), date(2026, 4, 30))
MARCH = Period(date(2026, 3, 1), date(2026, 3, 31))

# locale, language, currency → how March 1st, a date and the month's revenue are written
CASES = [
    (
        "ru_RU",
        "ru",
        "RUB",
        "01.03.2026",
        "Март 2026",
        "dd.mm.yyyy",
        '"\u00a0₽"',
        "Продажи по месяцам",
    ),
    ("zh_CN", "zh_CN", "CNY", "2026/3/1", "三月 2026", "yyyy/m/d", '"¥"', "销售（按月）"),
    ("en_US", "en", "USD", "3/1/2026", "March 2026", "m/d/yyyy", '"$"', "Sales by month"),
]


def _pdf_text(path) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text() for page in PdfReader(str(path)).pages).split())


def _money(cents: int, locale: str) -> str:
    whole, minor = divmod(cents, 100)
    if locale == "ru_RU":
        return f"{whole:,}".replace(",", "\u00a0") + f",{minor:02d}\u00a0₽"
    symbol = "¥" if locale == "zh_CN" else "$"
    return f"{symbol}{whole:,}.{minor:02d}"


@pytest.fixture
def language():
    before = i18n.language()
    yield i18n.set_language
    i18n.set_language(before)


@pytest.mark.parametrize(("locale", "lang", "currency", "day", "month", "date_format",
                          "symbol", "title"), CASES)  # fmt: skip
def test_sales_report_in_the_locale(
    known, tmp_path, language, locale, lang, currency, day, month, date_format, symbol, title
):
    language(lang)
    settings.set_many({"locale": locale, "currency": currency})
    march_cents = figures.revenue_cents(MARCH.start, MARCH.end)
    book = load_workbook(
        generate_report("sales", tmp_path / "s.xlsx", period=PERIOD, grouping="month")
    )
    sheet = book.worksheets[1]
    march = sheet[3]
    assert march[0].value == month
    assert march[1].value == datetime(2026, 3, 1) and march[1].is_date  # a date, not text
    assert march[1].number_format == date_format
    assert round(march[4].value * 100) == march_cents  # a number, not text
    assert symbol in march[4].number_format

    pdf = generate_report("sales", tmp_path / "s.pdf", period=PERIOD, grouping="month")
    text = _pdf_text(pdf)
    assert title in text and month in text
    assert " ".join(_money(march_cents, locale).split()) in " ".join(text.split())
    from crm_desktop.services.locale_format import format_date

    assert format_date(date(2026, 3, 1), locale) == day
