"""A value that cannot go into its field is kept as written; a row is refused only without a name."""

from __future__ import annotations

import pytest
from transfer_db import rows

from crm_desktop.services import importing, settings
from crm_desktop.services.importing import region as region_module


def write(path, text: str, encoding: str = "utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


RUSSIAN = (
    "Название;Телефон;Город\r\n"
    "Ромашка;8 (916) 555-01-02;Москва\r\n"
    "Вектор;+7 495 123-45-67;Москва\r\n"
    "Берёзка;8 (812) 555-66-77;Санкт-Петербург\r\n"
)


def test_a_number_the_region_cannot_read_is_kept_in_the_notes(db, files):
    # The setting says US (tests/conftest.py): 8 (916)… is no US number.
    path = write(files / "ru.csv", RUSSIAN, "cp1251")
    result = importing.run_import(path, "customer")
    assert (result.created, result.refused, result.kept) == (3, 0, 2)
    assert "2 values could not go into their field and were kept as written" in result.summary()
    assert rows("SELECT name, phone, notes FROM customer ORDER BY id") == [
        ("Ромашка", None, "⚠ Телефон: 8 (916) 555-01-02 — not a valid phone number in US"),
        ("Вектор", "+74951234567", None),
        ("Берёзка", None, "⚠ Телефон: 8 (812) 555-66-77 — not a valid phone number in US"),
    ]
    assert [(line, kept.header) for line, kept in result.kept_rows] == [
        (2, "Телефон"),
        (4, "Телефон"),
    ]


def test_the_region_comes_from_the_file_when_the_setting_is_unset(db, files):
    settings.set_many({"phone_region": ""})
    path = write(files / "ru.csv", RUSSIAN, "cp1251")
    result = importing.run_import(path, "customer")
    assert result.region.region == "RU" and result.region.why == "guessed from the file"
    assert result.kept == 0
    assert [r[0] for r in rows("SELECT phone FROM customer ORDER BY id")] == [
        "+79165550102",
        "+74951234567",
        "+78125556677",
    ]


def test_the_command_line_region_overrides_the_setting(db, files):
    path = write(files / "ru.csv", RUSSIAN, "cp1251")
    result = importing.run_import(path, "customer", region="ru")
    assert result.region.region == "RU" and result.kept == 0


def test_only_valid_numbers_are_stored(db, files):
    settings.set_many({"phone_region": "DE"})
    path = write(
        files / "de.csv", "Name,Telefon\nMoskau GmbH,8 (495) 123-45-67\nBerlin AG,030 1234567\n"
    )
    importing.run_import(path, "customer")
    # Before, only is_possible_number was asked: this became +4984951234567, a wrong number.
    assert rows("SELECT name, phone, notes FROM customer ORDER BY id") == [
        ("Moskau GmbH", None, "⚠ Telefon: 8 (495) 123-45-67 — not a valid phone number in DE"),
        ("Berlin AG", "+49301234567", None),
    ]


def test_region_guess_prefers_the_region_that_reads_the_national_numbers():
    from crm_desktop.services.importing.table import SourceRow, Table

    table = Table(
        headers=["Name", "Phone", "Email"],
        rows=[
            SourceRow(2, ["A", "+1 212 555 0100", "a@example.com"]),
            SourceRow(3, ["B", "+1 415 555 0100", "b@example.com"]),
            SourceRow(4, ["C", "0171 1234567", "c@firma.de"]),
            SourceRow(5, ["D", "030 1234567", "d@firma.de"]),
            SourceRow(6, ["E", "089 123456", "e@firma.de"]),
        ],
    )
    # Most "+" numbers are American, but the national ones read only in Germany.
    assert region_module.guess_region(table, [None, "phone", "email"]) == "DE"
    cyrillic = Table(headers=["Имя", "Тел"], rows=[SourceRow(2, ["Пётр", "8 916 000 11 22"])])
    assert region_module.guess_region(cyrillic, [None, "phone"]) == "RU"
    greek = Table(headers=["Όνομα", "Τηλ"], rows=[SourceRow(2, ["Γιώργος", "210 1234567"])])
    assert region_module.guess_region(greek, [None, "phone"]) == "GR"
    assert region_module.guess_region(Table(["Name"], [SourceRow(2, ["Ann"])]), [None]) is None


def test_other_values_that_do_not_fit(db, files):
    path = write(
        files / "bad.csv",
        "Name,Email,Website,Kind,Status,Tags\n"
        "Acme,info@acme,www acme com,Partner,gold," + "x" * 70 + ";VIP\n",
    )
    result = importing.run_import(path, "customer")
    assert (result.created, result.kept) == (1, 5)
    notes = rows("SELECT kind, status, email, website, notes FROM customer")[0]
    assert notes[:4] == ("company", "lead", None, None)  # the defaults where a value did not fit
    lines = notes[4].splitlines()
    assert lines == [
        "⚠ Kind: Partner — choose one of: company, person",
        "⚠ Status: gold — choose one of: lead, prospect, active, inactive",
        "⚠ Email: info@acme — not a valid email address",
        "⚠ Website: www acme com — not a web address",
        "⚠ Tags: " + "x" * 70 + " — a tag has at most 60 characters",
    ]
    assert rows("SELECT t.name FROM tag t") == [("VIP",)]


def test_a_row_is_refused_only_without_a_name(db, files):
    text = "Name,Email,Phone\n,nobody@example.com,12\n   ,  ,\nOnly A Name,,\n"
    result = importing.run_import(write(files / "n.csv", text), "customer")
    # The blank row is no row at all; the row without a name is refused, whole.
    assert (result.created, result.refused) == (1, 1)
    assert result.refused_rows[0].line == 2 and "no name" in result.refused_rows[0].reason
    assert result.refused_rows[0].cells == ["", "nobody@example.com", "12"]


def test_contacts_import_keeps_what_does_not_fit(db, files):
    from crm_desktop.services.customers import create_customer

    create_customer({"name": "Acme", "email": "info@acme.example"})
    path = write(
        files / "people.csv",
        "Name,Company,Customer email,Phone,Primary\nAnn,Acme,acme@@example,12,perhaps\n",
    )
    result = importing.run_import(path, "contact")
    assert (result.created, result.refused, result.kept) == (1, 0, 3)
    assert rows("SELECT name, phone, is_primary, notes FROM contact") == [
        (
            "Ann",
            None,
            1,
            "⚠ Phone: 12 — not a valid phone number in US\n"
            "⚠ Primary: perhaps — answer yes or no\n"
            "⚠ Customer email: acme@@example — not a valid email address",
        )
    ]


def test_the_phone_parser_stores_only_valid_numbers():
    from crm_desktop.services.validation import FieldError, phone_parser

    form = phone_parser(lambda: "DE")
    strict = phone_parser(lambda: "DE", strict=True)
    for parse in (form, strict):
        # Read through the region, this is no German number (it was +4984951234567).
        with pytest.raises(FieldError, match="Not a valid phone number in DE"):
            parse("8 (495) 123-45-67")
        assert parse("030 1234567") == "+49301234567"
        assert parse("+7 495 123-45-67") == "+74951234567"
    # With its +code, a possible but unassigned number: a form keeps what the user wrote (a
    # record stored before numbers were checked can be saved); an import keeps it in the notes.
    assert form("+1 200 200 0000") == "+12002000000"
    with pytest.raises(FieldError, match="Not a valid phone number"):
        strict("+1 200 200 0000")
