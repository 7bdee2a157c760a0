"""Reading files as they really come: encodings, the row shape, spaces, title lines."""

from __future__ import annotations

import pytest
from transfer_db import rows

from crm_desktop.services import exporting, importing
from crm_desktop.services.customers import create_customer
from crm_desktop.services.importing import encoding


def one(sql: str, params: tuple = ()) -> tuple:
    found = rows(sql, params)
    assert len(found) == 1, found
    return found[0]


def test_greek_windows_1253_is_not_read_as_cyrillic(db, files):
    path = files / "pelates.csv"
    path.write_bytes(
        "Όνομα;Τηλέφωνο;Πόλη\r\nΓιώργος Παπαδόπουλος;+30 210 1234567;Αθήνα\r\n"
        "Μαρία Κωνσταντίνου;;Θεσσαλονίκη\r\n".encode("cp1253")
    )
    table = importing.read_file(path)
    assert table.encoding == "cp1253" and table.details.startswith("Windows-1253 (Greek)")
    assert importing.run_import(path, "customer").created == 2
    assert one("SELECT name, phone, city FROM customer WHERE phone IS NOT NULL") == (
        "Γιώργος Παπαδόπουλος",
        "+302101234567",
        "Αθήνα",
    )


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Имя;Город\r\nПётр Ёлкин;Москва\r\n", "cp1251"),
        ("Name;Straße;Ort\r\nMüller;Hauptstraße 5;Köln\r\n", "cp1252"),
        ("Nom,Ville\r\nHélène Dupré,Besançon\r\nL’Église “Zoë”,Orléans – Nord\r\n", "cp1252"),
        ("Имя;Фамилия;Город\r\nИван;Петров;Москва\r\nМария;Сидорова;Казань\r\n", "koi8_r"),
        ("姓名,公司,城市\r\n张伟,上海贸易有限公司,上海\r\n李娜,北京科技,北京\r\n", "gb18030"),
        ("氏名,会社,都市\r\n山田太郎,株式会社テスト,東京\r\n", "cp932"),
        ("Όνομα;Πόλη\r\nΓιώργος;Αθήνα\r\n", "cp1253"),
    ],
)
def test_encodings_are_detected(text, codec):
    assert encoding.decode(text.encode(codec)).text == text


def test_a_tie_between_code_pages_goes_to_the_users_language():
    czech = "Jméno;Příjmení;Město\r\nJiří;Dvořák;Brno\r\nŽofie;Černá;Plzeň\r\n"
    data = czech.encode("cp1250")
    # Czech in Windows-1250 and French in Windows-1252 look equally clean in a short file:
    # the locale decides, and the wizard lets the user choose another encoding.
    assert encoding.decode(data, locale_name="cs_CZ").text == czech
    assert encoding.decode(data, locale_name="en_US").encoding == "cp1252"
    assert encoding.decode_as(data, "cp1250").text == czech
    assert encoding.decode_as(data, "windows-1250").encoding == "cp1250"


def test_the_row_shape_comes_from_the_whole_file(db, files):
    note = "\n".join(f"line {n} of a long note" for n in range(1, 41))
    body = "".join(f'Customer {i},c{i}@example.com,"{note}"\r\n' for i in range(5))
    path = files / "notes.csv"
    path.write_text("Name,Email,Notes\r\n" + body, encoding="utf-8")
    result = importing.run_import(path, "customer")
    assert (result.created, result.refused) == (5, 0)
    assert rows("SELECT notes FROM customer WHERE name = 'Customer 4'") == [(note,)]
    # A tab file whose notes hold commas and semicolons past the start of the file.
    lines = ["Name\tCity"] + [f"Firm {i}\tOslo" for i in range(80)] + ['"a, b; c, d"\tBergen']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    table = importing.read_file(path)
    assert table.headers == ["Name", "City"] and len(table.rows) == 81 and not table.problems


def test_our_csv_export_with_30_line_notes_imports_back(db, tmp_path):
    note = "\n".join(f"Строка {n}: заметка, с запятой; и «кавычками»" for n in range(30))
    for index in range(3):
        create_customer({"name": f"Notes {index}", "notes": note, "address": note[:900]})
    out = tmp_path / "customers.csv"
    exporting.export_table("customer", out)
    result = importing.run_import(out, "customer", policy="create")
    assert (result.created, result.refused) == (3, 0)
    assert rows("SELECT count(*) FROM customer WHERE notes = ?", (note,)) == [(6,)]


def test_a_space_after_the_delimiter_or_a_closing_quote(db, files):
    path = files / "spaced.csv"
    path.write_text(
        "Name, Email, Phone\r\nAnn Lee, ann@example.com, +1 212 555 0100\r\n"
        '"Bob Stone" , "bob@example.com" , "+1 212 555 0101"\r\n'
        '"Doe, Jane", jane@example.com,\r\n',
        encoding="utf-8",
    )
    result = importing.run_import(path, "customer")
    assert (result.created, result.refused, result.kept) == (3, 0, 0)
    assert rows("SELECT name, email, phone FROM customer ORDER BY name") == [
        ("Ann Lee", "ann@example.com", "+12125550100"),
        ("Bob Stone", "bob@example.com", "+12125550101"),
        ("Doe, Jane", "jane@example.com", None),
    ]


@pytest.mark.parametrize(
    "above",
    [
        "Elenco clienti - 2024-05-01\r\n",
        "sep=;\r\n",
        "# esportato da Gestionale 3.1\r\n# non modificare\r\n",
        "Elenco clienti;;;\r\n\r\n",
    ],
)
def test_title_sep_and_comment_lines_above_an_unknown_header(db, files, above):
    path = files / "clienti.csv"
    path.write_text(
        above + "Ragione sociale;Referente;Cellulare;Partita IVA\r\n"
        "Rossi Srl;Mario Rossi;+39 347 123 4567;IT01234567890\r\n"
        "Bianchi SpA;Laura Bianchi;+39 06 1234 5678;IT09876543210\r\n",
        encoding="utf-8",
    )
    table = importing.read_file(path)
    assert table.headers == ["Ragione sociale", "Referente", "Cellulare", "Partita IVA"]
    result = importing.run_import(path, "customer")
    assert (result.created, result.refused) == (2, 0)
    assert rows(
        "SELECT c.name, c.notes, p.name, p.phone FROM customer c "
        "JOIN contact p ON p.customer_id = c.id ORDER BY c.name"
    ) == [
        ("Bianchi SpA", "Partita IVA: IT09876543210", "Laura Bianchi", "+390612345678"),
        ("Rossi Srl", "Partita IVA: IT01234567890", "Mario Rossi", "+393471234567"),
    ]
    if above.startswith("Elenco clienti -"):
        assert table.preamble == ["Elenco clienti - 2024-05-01"]


def test_rows_of_another_width_are_refused_whole(db, files):
    path = files / "w.csv"
    path.write_text("Name,Email,City\nAcme,a@acme.example,Oslo\nBeta,b@beta.example\n")
    result = importing.run_import(path, "customer")
    assert result.created == 1 and result.refused_rows[0].cells == ["Beta", "b@beta.example"]
    assert "too few values" in result.refused_rows[0].reason
