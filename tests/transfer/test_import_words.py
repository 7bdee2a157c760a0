"""The import's summary and the file's description in the owner's language, counts grouped
as that language writes them («1 002 клиента создано», not "1,002")."""

from __future__ import annotations

import pytest

from crm_desktop import i18n
from crm_desktop.services import importing
from crm_desktop.services.importing.reading import read_file


@pytest.fixture
def russian(language):
    language("ru")


def test_a_russian_import_summary_groups_its_counts(db, tmp_path, russian):
    source = tmp_path / "клиенты.csv"
    source.write_text(
        "Название;Город\n" + "".join(f"Клиент {n};Самара\n" for n in range(1002)), "utf-8"
    )
    result = importing.run_import(source, "customer", policy="create")
    assert result.created == 1002
    summary = result.summary()
    assert summary.startswith("Создано 1\u00a0002 клиента") and "1,002" not in summary, summary


def test_a_vcard_file_is_described_in_russian(db, tmp_path, russian):
    cards = "".join(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Иван {n}\r\nEND:VCARD\r\n" for n in range(3))
    source = tmp_path / "контакты.vcf"
    source.write_text(cards, "utf-8")
    table = read_file(source)
    assert table.details.startswith("vCard 3.0, 3 карточки, "), table.details


def test_status_and_kind_words_of_every_shipped_language_are_read(db, tmp_path):
    """A file another program wrote with our window's words (意向客户, «Частное лицо») imports
    to the stored values whatever the owner's own language; an unknown word stays in the notes."""
    from crm_desktop.models import database

    assert i18n.language() == "en"
    source = tmp_path / "客户.csv"
    source.write_text(
        "Name,Kind,Status\n"
        "北京贸易,公司,意向客户\n"
        "王伟,个人,潜在客户\n"
        "上海物流,公司,不活跃\n"
        "Ёлкин,Частное лицо,Потенциальный\n"
        "Сидоров,Физлицо,бывший\n"
        "Acme,Company,Active\n"
        "Zed,company,大客户\n",
        "utf-8",
    )
    result = importing.run_import(source, "customer", policy="create")
    assert result.created == 7, result.summary()
    rows = dict(
        (name, (kind, status, notes or ""))
        for name, kind, status, notes in database.execute_sql(
            "SELECT name, kind, status, notes FROM customer"
        ).fetchall()
    )
    assert rows["北京贸易"][:2] == ("company", "prospect")
    assert rows["王伟"][:2] == ("person", "lead")
    assert rows["上海物流"][:2] == ("company", "inactive")
    assert rows["Ёлкин"][:2] == ("person", "prospect")
    assert rows["Сидоров"][:2] == ("person", "inactive")
    assert rows["Acme"][:2] == ("company", "active")
    assert "大客户" in rows["Zed"][2], rows["Zed"]
