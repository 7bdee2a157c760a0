"""Dates as people type them: "today", "tomorrow", "friday", "+3d", "next week", "5/12".

Nobody types ``12/11/2026`` for "send the quote on Friday". :func:`parse`
turns a short phrase into a calendar date relative to ``today``; the date
fields of the window use it, and :func:`presets` lists the choices of their
menu. No Qt here: the window passes the locale's order of day, month and
year (``"MDY"`` for ``M/d/yyyy``, ``"DMY"`` for ``dd.MM.yyyy``), and the
words are English, Russian, German and Chinese (case and ``ё`` ignored).

Understood (``today`` a Wednesday, 2026-12-02):

========================  =====================================================
``today``, ``tod``        the day itself; ``tomorrow``/``tom``, ``yesterday``
``friday``, ``fri``       the next Friday on or after today
``next friday``           Friday of next week (weeks start on Monday)
``next week``             Monday of next week; ``next month``: the 1st of next month
``end of month``, ``eom`` the month's last day
``+3d`` ``+2w`` ``+1m``   days, weeks, months (``-`` goes back; ``3d`` is ``+3d``);
``in 3 days``             the same in words; a month keeps the day where it can
``5/12``, ``5.12.26``     the locale's short forms: this year when the year is left
                          out, a two-digit year in 2000–2099; ISO ``2026-12-05`` too
========================  =====================================================
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

# Each word of a language, lower case; the first of each list is the English one.
_TODAY = ("today", "tod", "now", "сегодня", "heute", "今天", "今日")
_TOMORROW = ("tomorrow", "tom", "tmr", "tmrw", "завтра", "morgen", "明天")
_YESTERDAY = ("yesterday", "вчера", "gestern", "昨天")
_DAY_AFTER = ("послезавтра", "übermorgen", "后天")
_WEEKDAYS = (  # Monday first, as date.weekday() counts
    ("monday", "понедельник", "пн", "montag", "mo", "星期一", "周一"),
    ("tuesday", "вторник", "вт", "dienstag", "di", "星期二", "周二"),
    ("wednesday", "среда", "среду", "ср", "mittwoch", "mi", "星期三", "周三"),
    ("thursday", "четверг", "чт", "donnerstag", "do", "星期四", "周四"),
    ("friday", "пятница", "пятницу", "пт", "freitag", "fr", "星期五", "周五"),
    ("saturday", "суббота", "субботу", "сб", "samstag", "sa", "星期六", "周六"),
    ("sunday", "воскресенье", "вс", "sonntag", "so", "星期日", "星期天", "周日"),
)
_NEXT = ("next", "следующий", "следующая", "следующую", "следующей", "след", "nächste",
         "nächsten", "nächster")  # fmt: skip
_WEEK = ("week", "неделя", "неделе", "неделю", "woche", "周", "星期")
_MONTH = ("month", "месяц", "monat", "月")
_END_OF_MONTH = ("end of month", "eom", "конец месяца", "monatsende", "月底")
_IN = ("in", "через")
_UNITS = {
    "d": "d", "day": "d", "days": "d", "дн": "d", "день": "d", "дня": "d", "дней": "d",
    "tag": "d", "tage": "d", "tagen": "d", "天": "d",
    "w": "w", "wk": "w", "week": "w", "weeks": "w", "нед": "w", "неделю": "w", "недели": "w",
    "недель": "w", "woche": "w", "wochen": "w", "周": "w",
    "m": "m", "mo": "m", "month": "m", "months": "m", "мес": "m", "месяц": "m", "месяца": "m",
    "месяцев": "m", "monat": "m", "monate": "m", "monaten": "m", "个月": "m", "月": "m",
    "y": "y", "yr": "y", "year": "y", "years": "y", "г": "y", "год": "y", "года": "y",
    "лет": "y", "jahr": "y", "jahre": "y", "jahren": "y", "年": "y",
}  # fmt: skip

_OFFSET = re.compile(r"^([+-]?)\s*(\d{1,4})\s*([^\d\s]+)$")
_IN_OFFSET = re.compile(r"^(?:in|через)\s+(\d{1,4})\s*([^\d\s]+)$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,4})\s*[./\-\s]\s*(\d{1,2})(?:\s*[./\-\s]\s*(\d{1,4}))?\.?$")
MAX_OFFSET_DAYS = 100 * 366


def parse(text: str, today: date, *, order: str = "MDY") -> date | None:
    """The date ``text`` means, counted from ``today``; None if it means none.

    ``order`` is the locale's order of day, month and year in a short date:
    ``"MDY"`` (en_US), ``"DMY"`` (most of Europe, ru), ``"YMD"`` (zh, ISO).
    """
    phrase = " ".join(text.strip().lower().replace("ё", "е").split()).rstrip(".!")
    if not phrase or len(phrase) > 40:
        return None
    try:
        return _parse(phrase, today, order.upper())
    except (ValueError, OverflowError):  # 31 February, a year past 9999
        return None


def presets(today: date) -> list[tuple[str, date]]:
    """The choices of a date field's menu, in order (English labels; the window translates)."""
    friday = _coming(today, 4)
    return [
        ("Today", today),
        ("Tomorrow", today + timedelta(days=1)),
        ("Friday" if friday != today else "Today (Friday)", friday),
        ("Next Monday", _next_week(today)),
        ("In a week", today + timedelta(days=7)),
        ("In two weeks", today + timedelta(days=14)),
        ("In a month", add_months(today, 1)),
        ("End of the month", _end_of_month(today)),
    ]


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months; the 31st becomes the month's last day where it must."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def _parse(phrase: str, today: date, order: str) -> date | None:
    simple = {**dict.fromkeys(_TODAY, 0), **dict.fromkeys(_TOMORROW, 1),
              **dict.fromkeys(_YESTERDAY, -1), **dict.fromkeys(_DAY_AFTER, 2)}  # fmt: skip
    if phrase in simple:
        return today + timedelta(days=simple[phrase])
    if phrase in _END_OF_MONTH:
        return _end_of_month(today)
    if phrase in ("下周", "下星期"):
        return _next_week(today)
    if phrase in ("下个月", "下月"):
        return add_months(today.replace(day=1), 1)
    if (weekday := _weekday(phrase)) is not None:
        return _coming(today, weekday)
    words = phrase.split(" ", 1)
    if len(words) == 2 and words[0] in _NEXT:
        rest = words[1]
        if rest in _WEEK:
            return _next_week(today)
        if rest in _MONTH:
            return add_months(today.replace(day=1), 1)
        if (weekday := _weekday(rest)) is not None:
            return _next_week(today) + timedelta(days=weekday)
    if (
        phrase.startswith(("下周", "下星期"))
        and (weekday := _weekday("周" + phrase[-1])) is not None
    ):
        return _next_week(today) + timedelta(days=weekday)
    if (found := _IN_OFFSET.match(phrase)) is not None:
        return _offset(today, 1, int(found.group(1)), found.group(2))
    if (found := _OFFSET.match(phrase)) is not None:
        sign = -1 if found.group(1) == "-" else 1
        return _offset(today, sign, int(found.group(2)), found.group(3))
    return _numeric(phrase, today, order)


def _weekday(word: str) -> int | None:
    for number, names in enumerate(_WEEKDAYS):
        if word in names:
            return number
        # "fri", "frid", "thurs": an English prefix of three letters or more.
        if len(word) >= 3 and word.isascii() and names[0].startswith(word):
            return number
    return None


def _coming(today: date, weekday: int) -> date:
    return today + timedelta(days=(weekday - today.weekday()) % 7)


def _next_week(today: date) -> date:
    return today + timedelta(days=7 - today.weekday())


def _end_of_month(today: date) -> date:
    return today.replace(day=calendar.monthrange(today.year, today.month)[1])


def _offset(today: date, sign: int, count: int, unit_word: str) -> date | None:
    unit = _UNITS.get(unit_word)
    if unit is None:
        return None
    if unit in ("d", "w"):
        days = count * (7 if unit == "w" else 1)
        return today + timedelta(days=sign * days) if days <= MAX_OFFSET_DAYS else None
    months = count * (12 if unit == "y" else 1)
    return add_months(today, sign * months) if months <= 1200 else None


def _numeric(phrase: str, today: date, order: str) -> date | None:
    if (iso := _ISO.match(phrase)) is not None:
        return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    found = _NUMERIC.match(phrase)
    if found is None:
        return None
    first, second, third = found.group(1), found.group(2), found.group(3)
    if third is None:  # day and month only: this year, in the locale's order
        if len(first) > 2:
            return None
        numbers = {"d": int(first), "m": int(second)} if order.index("D") < order.index("M") \
            else {"m": int(first), "d": int(second)}  # fmt: skip
        return date(today.year, numbers["m"], numbers["d"])
    if order == "YMD" or len(first) == 4:
        year, month, day = first, second, third
    elif order == "DMY":
        day, month, year = first, second, third
    else:
        month, day, year = first, second, third
    if len(day) > 2 or len(year) == 3:
        return None
    full_year = int(year) + 2000 if len(year) <= 2 else int(year)
    return date(full_year, int(month), int(day))
