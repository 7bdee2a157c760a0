"""The import's summary and the file's description in the owner's language, counts grouped
as that language writes them («1 002 клиента создано», not "1,002")."""

from __future__ import annotations

import pytest

from crm_desktop import i18n
from crm_desktop.services import importing
from crm_desktop.services.importing.reading import read_file


@pytest.fixture
def russian():
    before = i18n.language()
    i18n.set_language("ru")
    yield
    i18n.set_language(before)


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
