"""The first screen's texts, written the cheaper way, are the texts written the old way.

A timestamp's date and time of day are written apart (a local ``QDateTime`` asks the C
library for the zone's offset as it is made), and markup is escaped without importing
:mod:`html`: both must write exactly what they wrote before, in every script and zone.
"""

from __future__ import annotations

import html
import time
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QDate, QDateTime, QTime

from crm_desktop.ui.formats import Formats
from crm_desktop.ui.words import escape_markup

LOCALES = ["en_US", "ru_RU", "zh_CN", "ja_JP", "ko_KR", "de_DE", "ar_EG", "fa_IR", "he_IL"]
# Around the zone's changes of offset (New York: 8 March and 1 November 2026), the ends
# of the year and a leap day.
STAMPS = [
    "2026-03-08T06:59:59",
    "2026-03-08T07:00:00",
    "2026-11-01T05:30:00",
    "2026-11-01T06:30:00",
    "2026-12-31T23:59:59",
    "2026-01-01T00:00:00",
    "2028-02-29T12:00:00.123456",
]


def _as_a_local_qdatetime(formats: Formats, stamp: str) -> str:
    moment = datetime.fromisoformat(stamp[:19]).replace(tzinfo=UTC).astimezone()
    local = QDateTime(
        QDate(moment.year, moment.month, moment.day),
        QTime(moment.hour, moment.minute, moment.second),
    )
    return formats.qlocale.toString(local, f"{formats.date_pattern} {formats.time_pattern}")


@pytest.fixture(params=["America/New_York", "Asia/Kolkata", "UTC"])
def zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("locale", LOCALES)
def test_a_timestamp_is_written_as_a_local_qdatetime_writes_it(qapp, zone, locale):
    formats = Formats("USD", locale)
    for stamp in STAMPS:
        assert formats.datetime(stamp) == _as_a_local_qdatetime(formats, stamp), (locale, stamp)


def test_a_time_pattern_that_names_the_zone_still_gets_it(qapp, zone):
    formats = Formats("USD", "en_US")
    formats.__dict__["time_pattern"] = "h:mm AP t"  # the cached property's value
    written = formats.datetime("2026-06-15T12:00:00")
    assert written == _as_a_local_qdatetime(formats, "2026-06-15T12:00:00")
    assert not written.endswith(("AM", "PM"))  # a zone's name after the time


@pytest.mark.parametrize("text", ["", "x", "garbage"])
def test_what_is_not_a_timestamp_is_shown_as_it_is(qapp, text):
    assert Formats("USD", "en_US").datetime(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain.sqlite3",
        "<b>&amp;</b> \"quoted\" 'single'",
        "=SUM(A1:A9)",
        "Клиенты «Ромашка» & Co",
        "客户数据库 <备份>",
        "😀 emoji & <i>",
        "قاعدة بيانات العملاء <ar>",
        "&&& <<< >>> \"\" ''",
    ],
)
def test_markup_is_escaped_as_html_escape_does(text):
    assert escape_markup(text) == html.escape(text)


def test_the_opening_page_shows_a_file_name_as_it_is(qtbot, tmp_path):
    from PySide6.QtWidgets import QLabel

    from crm_desktop.ui.navigation import OpeningPage

    page = OpeningPage(tmp_path / "<b>Клиенты & 客户 '=1'.sqlite3")
    qtbot.addWidget(page)
    (label,) = page.findChildren(QLabel)
    assert label.text() == "Opening &lt;b&gt;Клиенты &amp; 客户 &#x27;=1&#x27;.sqlite3…"
