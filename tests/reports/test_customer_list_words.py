"""A printed customer list speaks the owner's language: its view, statuses, count and total.

A Russian owner's list said "Search “ив”; status: prospect: 2 customers", "Prospect" in every
row and "Total: 1,428"; counts in the command line's messages were grouped the English way.
"""

from __future__ import annotations

import pytest

from crm_desktop.reports.generate import generate_report
from crm_desktop.services import customers, settings, tags
from crm_desktop.services.listing import ListQuery
from crm_desktop.services.locale_facts import grouped
from crm_desktop.services.reporting.customer_list import describe


def _pdf_text(path) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text() for page in PdfReader(str(path)).pages).split())


@pytest.mark.parametrize(
    ("code", "expected"),
    [("en", "1,234,567"), ("ru", "1\u00a0234\u00a0567"), ("zh_CN", "1,234,567")],
)
def test_counts_in_messages_are_grouped_as_the_language_writes_them(language, code, expected):
    language(code)
    assert grouped(1234567) == expected
    assert grouped(-1428) == ("-1\u00a0428" if code == "ru" else "-1,428")
    assert grouped(999) == "999"


def test_the_russian_list_names_its_view_statuses_and_total_in_russian(db, tmp_path, language):
    language("ru")
    settings.set_many({"locale": "ru_RU", "currency": "RUB"})
    ivanov = customers.create_customer({"name": "Иванов Пётр", "status": "prospect"})
    customers.create_customer({"name": "Иваненко <b>&", "status": "prospect"})
    customers.create_customer({"name": "Сидоров", "status": "active"})
    tag_id = tags.add_tags([ivanov], ["Опт"])[0]
    query = ListQuery(search="Иван", filters={"status": "prospect", "tag": [tag_id]})

    assert describe(query) == "поиск «Иван»; статус: Потенциальный; метка: Опт"
    text = _pdf_text(generate_report("customer_list", tmp_path / "list.pdf", query=query))

    assert "Поиск «Иван»; статус: Потенциальный; метка: Опт: 1 клиент" in text
    assert "Потенциальный" in text and "Итого: 1" in text
    for english in ("Prospect", "customer", "Total", "search", "status"):
        assert english not in text


def test_a_long_list_counts_in_the_data_locale(db, tmp_path, language):
    language("ru")
    settings.set_many({"locale": "ru_RU", "currency": "RUB"})
    for n in range(1002):
        customers.create_customer({"name": f"Клиент {n:04d}", "status": "active"})
    text = _pdf_text(generate_report("customer_list", tmp_path / "all.pdf"))
    assert "Все клиенты: 1\u00a0002 клиента" in text or "Все клиенты: 1 002 клиента" in text
    assert "Активный" in text and "Active" not in text


def test_every_stored_word_a_report_prints_has_its_translation():
    """A kind added to the schema ("visit") printed in English in a Russian tasks report."""
    from crm_desktop.reports.layouts import WORDS
    from crm_desktop.services.enums import DEAL_STAGES, INTERACTION_KINDS, PRIORITIES

    assert set(DEAL_STAGES) | set(PRIORITIES) | set(INTERACTION_KINDS) <= WORDS.keys()
