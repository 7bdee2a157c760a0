"""Mapping the headers of real exports: presets with synonyms, whole words, many languages."""

from __future__ import annotations

import csv
import io

import pytest
from transfer_db import rows

from crm_desktop.services import importing
from crm_desktop.services.importing.mapping import guess_target


def csv_text(header: list[str], *records: list[str], delimiter: str = ",") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    for record in records:
        writer.writerow(record + [""] * (len(header) - len(record)))
    return out.getvalue()


def row_of(header: list[str], **values: str) -> list[str]:
    return [values.get(h, "") for h in header]


def customer_with_contact(name: str) -> tuple[dict, list[tuple]]:
    cursor = rows(
        "SELECT name, kind, email, phone, website, address, city, country, notes "
        "FROM customer WHERE name = ?",
        (name,),
    )
    assert len(cursor) == 1, rows("SELECT name FROM customer")
    keys = ("name", "kind", "email", "phone", "website", "address", "city", "country", "notes")
    customer = dict(zip(keys, cursor[0], strict=True))
    contacts = rows(
        "SELECT p.name, p.position, p.email, p.phone FROM contact p JOIN customer c "
        "ON c.id = p.customer_id WHERE c.name = ? ORDER BY p.id",
        (name,),
    )
    return customer, contacts


def tags(name: str) -> list[str]:
    return sorted(
        r[0]
        for r in rows(
            "SELECT t.name FROM tag t JOIN customer_tag ct ON ct.tag_id = t.id "
            "JOIN customer c ON c.id = ct.customer_id WHERE c.name = ?",
            (name,),
        )
    )


def test_whole_words_only():
    assert guess_target("customer", "Geburtstag") == "note_extra"  # not "tag"
    assert guess_target("customer", "Tags") == "tags"
    assert guess_target("customer", "Telefonnummer") == "phone"
    assert guess_target("customer", "Staff notes") == "notes"
    assert guess_target("customer", "Hotel") == "note_extra"  # not "tel"
    assert guess_target("customer", "Cityscape") == "note_extra"  # not "city"
    assert guess_target("customer", "Manager's Name") == "note_extra"  # not the name
    assert guess_target("customer", "Телефона сотрудника") == "phone"


def test_russian_excel_contact_person_makes_a_contact(db, files):
    header = ["Наименование", "Контактное лицо", "Должность", "Телефон", "E-mail", "Адрес", "ИНН"]
    text = csv_text(
        header,
        ["ООО «Ромашка»", "Иванов Иван Иванович", "Генеральный директор", "+7 495 123-45-67",
         "ivanov@romashka.ru", "Москва, ул. Тверская, 1", "7701234567"],
        ["ИП Петров", "", "", "+7 812 555-66-77", "", "", ""],
        delimiter=";",
    )  # fmt: skip
    path = files / "контрагенты.csv"
    path.write_bytes(text.encode("cp1251"))
    result = importing.run_import(path, "customer")
    assert (result.created, result.refused) == (2, 0)
    romashka, contacts = customer_with_contact("ООО «Ромашка»")
    assert romashka["kind"] == "company" and romashka["address"] == "Москва, ул. Тверская, 1"
    assert romashka["notes"] == "ИНН: 7701234567"  # the file's own header, not an English label
    assert contacts == [
        ("Иванов Иван Иванович", "Генеральный директор", "ivanov@romashka.ru", "+74951234567")
    ]
    petrov, none = customer_with_contact("ИП Петров")
    assert (petrov["phone"], none) == ("+78125556677", [])


THUNDERBIRD = [
    "First Name",
    "Last Name",
    "Display Name",
    "Nickname",
    "Primary Email",
    "Secondary Email",
    "Screen Name",
    "Work Phone",
    "Home Phone",
    "Fax Number",
    "Pager Number",
    "Mobile Number",
    "Home Address",
    "Home Address 2",
    "Home City",
    "Home State",
    "Home ZipCode",
    "Home Country",
    "Work Address",
    "Work Address 2",
    "Work City",
    "Work State",
    "Work ZipCode",
    "Work Country",
    "Job Title",
    "Department",
    "Organization",
    "Web Page 1",
    "Web Page 2",
    "Birth Year",
    "Birth Month",
    "Birth Day",
    "Custom 1",
    "Custom 2",
    "Custom 3",
    "Custom 4",
    "Notes",
]


def test_thunderbird_address_book(db, files):
    record = row_of(
        THUNDERBIRD,
        **{
            "First Name": "Ada",
            "Last Name": "Lovelace",
            "Display Name": "Ada Lovelace",
            "Primary Email": "ada@engine.example",
            "Secondary Email": "ada@home.example",
            "Work Phone": "+44 20 7946 0000",
            "Mobile Number": "+44 7700 900123",
            "Fax Number": "+44 20 7946 0001",
            "Work Address": "12 St James's Square",
            "Work City": "London",
            "Work ZipCode": "SW1Y 4JH",
            "Work Country": "United Kingdom",
            "Home City": "Marylebone",
            "Job Title": "Analyst",
            "Department": "Engines",
            "Organization": "Analytical Engine Ltd",
            "Web Page 1": "engine.example",
            "Birth Year": "1815",
            "Custom 1": "likes poetry",
            "Notes": "First programmer",
        },
    )
    path = files / "thunderbird.csv"
    path.write_text(csv_text(THUNDERBIRD, record), encoding="utf-8")
    table = importing.read_file(path, entity="customer")
    mapping = importing.guess_mapping(table, "customer")
    assert mapping[THUNDERBIRD.index("Primary Email")] == "email"
    importing.run_import(path, "customer")
    firm, contacts = customer_with_contact("Analytical Engine Ltd")
    assert (firm["website"], firm["city"], firm["country"]) == (
        "engine.example",
        "London",
        "United Kingdom",
    )
    assert firm["address"] == "12 St James's Square, SW1Y 4JH"
    assert contacts == [("Ada Lovelace", "Analyst", "ada@engine.example", "+442079460000")]
    for kept in (
        "Secondary Email: ada@home.example",
        "Mobile Number: +44 7700 900123",
        "Fax Number: +44 20 7946 0001",
        "Home City: Marylebone",
        "Department: Engines",
        "Birth Year: 1815",
        "Custom 1: likes poetry",
        "First programmer",
    ):
        assert kept in firm["notes"], kept


GERMAN_OUTLOOK = [
    "Anrede", "Vorname", "Weitere Vornamen", "Nachname", "Suffix", "Firma", "Abteilung",
    "Position", "Straße geschäftlich", "Straße geschäftlich 2", "Ort geschäftlich",
    "Region geschäftlich", "Postleitzahl geschäftlich", "Land/Region geschäftlich",
    "Straße privat", "Ort privat", "Fax geschäftlich", "Telefon geschäftlich", "Mobiltelefon",
    "Telefon privat", "Geburtstag", "Kategorien", "E-Mail-Adresse", "E-Mail-Typ",
    "E-Mail: Angezeigter Name", "Notizen", "Webseite",
]  # fmt: skip


def test_german_outlook_2007(db, files):
    record = row_of(
        GERMAN_OUTLOOK,
        **{
            "Anrede": "Herr",
            "Vorname": "Jürgen",
            "Nachname": "Weiß",
            "Firma": "Weiß & Söhne GmbH",
            "Abteilung": "Einkauf",
            "Position": "Einkaufsleiter",
            "Straße geschäftlich": "Königsallee 1",
            "Straße geschäftlich 2": "3. OG",
            "Ort geschäftlich": "Düsseldorf",
            "Region geschäftlich": "NRW",
            "Postleitzahl geschäftlich": "40212",
            "Land/Region geschäftlich": "Deutschland",
            "Straße privat": "Gartenweg 5",
            "Fax geschäftlich": "+49 211 1234568",
            "Telefon geschäftlich": "+49 211 1234567",
            "Mobiltelefon": "+49 171 1234567",
            "Geburtstag": "0.0.00",
            "Kategorien": "Lieferant;Wichtig",
            "E-Mail-Adresse": "j.weiss@weiss-soehne.de",
            "E-Mail-Typ": "SMTP",
            "E-Mail: Angezeigter Name": "Jürgen Weiß (j.weiss@weiss-soehne.de)",
            "Notizen": "Rückruf erbeten",
            "Webseite": "weiss-soehne.de",
        },
    )
    path = files / "outlook-de.csv"
    path.write_bytes(csv_text(GERMAN_OUTLOOK, record, delimiter=";").encode("cp1252"))
    result = importing.run_import(path, "customer")
    assert result.left_out == ["E-Mail-Typ", "E-Mail: Angezeigter Name"]
    firm, contacts = customer_with_contact("Weiß & Söhne GmbH")
    assert (firm["address"], firm["city"], firm["country"]) == (
        "Königsallee 1, 3. OG, 40212 NRW",
        "Düsseldorf",
        "Deutschland",
    )
    assert firm["website"] == "weiss-soehne.de"
    assert contacts == [
        ("Jürgen Weiß", "Einkaufsleiter", "j.weiss@weiss-soehne.de", "+492111234567")
    ]
    assert tags("Weiß & Söhne GmbH") == ["Lieferant", "Wichtig"]  # no tag "0.0.00"
    for kept in (
        "Geburtstag: 0.0.00",
        "Anrede: Herr",
        "Abteilung: Einkauf",
        "Straße privat: Gartenweg 5",
        "Fax geschäftlich: +49 211 1234568",
        "Mobiltelefon: +49 171 1234567",
        "Rückruf erbeten",
    ):
        assert kept in firm["notes"], kept


GOOGLE = [
    "First Name", "Middle Name", "Last Name", "Organization Name", "Organization Title",
    "Labels", "E-mail 1 - Label", "E-mail 1 - Value", "Phone 1 - Label", "Phone 1 - Value",
    "Address 1 - Label", "Address 1 - Street", "Address 1 - City", "Address 1 - Country",
]  # fmt: skip


def test_a_wrong_preset_loses_nothing(db, files):
    record = row_of(
        GOOGLE,
        **{
            "First Name": "Ann",
            "Last Name": "Lee",
            "Organization Name": "Lee Trading",
            "E-mail 1 - Label": "* Work",
            "E-mail 1 - Value": "ann@lee.example",
            "Phone 1 - Value": "+1 415 555 0100",
            "Address 1 - City": "San Francisco",
        },
    )
    path = files / "google.csv"
    path.write_text(csv_text(GOOGLE, record), encoding="utf-8")
    importing.run_import(path, "customer", preset="outlook")
    firm, contacts = customer_with_contact("Lee Trading")
    assert firm["city"] == "San Francisco"
    assert contacts == [("Ann Lee", None, "ann@lee.example", "+14155550100")]


def test_chinese_names_family_name_first(db, files):
    record = row_of(
        GOOGLE,
        **{"First Name": "伟", "Last Name": "张", "E-mail 1 - Value": "zhang@example.cn"},
    )
    korean = row_of(GOOGLE, **{"First Name": "민준", "Last Name": "김"})
    western = row_of(GOOGLE, **{"First Name": "Ann", "Middle Name": "Q", "Last Name": "Lee"})
    path = files / "google.csv"
    path.write_text(csv_text(GOOGLE, record, korean, western), encoding="utf-8")
    importing.run_import(path, "customer")
    assert sorted(r[0] for r in rows("SELECT name FROM customer")) == [
        "Ann Q Lee",
        "张伟",
        "김민준",
    ]
    # The same in a vCard whose FN was written given name first.
    vcf = files / "google.vcf"
    vcf.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:娜 李\r\nN:李;娜;;;\r\nEND:VCARD\r\n", encoding="utf-8"
    )
    importing.run_import(vcf, "customer")
    assert rows("SELECT name FROM customer WHERE name LIKE '%娜%'") == [("李娜",)]


OUTLOOK_COM = [
    "First Name",
    "Middle Name",
    "Last Name",
    "Title",
    "Suffix",
    "Nickname",
    "Given Yomi",
    "Surname Yomi",
    "E-mail Address",
    "E-mail 2 Address",
    "Home Phone",
    "Business Phone",
    "Mobile Phone",
    "Business Fax",
    "Job Title",
    "Department",
    "Company",
    "Office Location",
    "Manager's Name",
    "Assistant's Name",
    "Business Street",
    "Business City",
    "Business State",
    "Business Postal Code",
    "Business Country",
    "Home Street",
    "Home City",
    "Other Street",
    "Other City",
    "Personal Web Page",
    "Web Page",
    "Birthday",
    "Notes",
]


def test_outlook_com(db, files):
    record = row_of(
        OUTLOOK_COM,
        **{
            "First Name": "Kenji",
            "Last Name": "Sato",
            "Title": "Dr.",
            "Given Yomi": "ケンジ",
            "E-mail Address": "kenji@sato.example",
            "Business Phone": "+81 3-1234-5678",
            "Job Title": "CTO",
            "Company": "Sato Robotics",
            "Manager's Name": "Yuki Tanaka",
            "Business Street": "1-2-3 Shibuya",
            "Business City": "Tokyo",
            "Business Postal Code": "150-0002",
            "Business Country": "Japan",
            "Other Street": "4-5 Osaka",
            "Web Page": "sato.example",
        },
    )
    path = files / "outlook.com.csv"
    path.write_text(csv_text(OUTLOOK_COM, record), encoding="utf-8")
    importing.run_import(path, "customer")
    firm, contacts = customer_with_contact("Sato Robotics")
    assert (firm["address"], firm["city"], firm["country"], firm["website"]) == (
        "1-2-3 Shibuya, 150-0002",
        "Tokyo",
        "Japan",
        "sato.example",
    )
    assert contacts == [("Kenji Sato", "CTO", "kenji@sato.example", "+81312345678")]
    for kept in ("Title: Dr.", "Given Yomi: ケンジ", "Manager's Name: Yuki Tanaka"):
        assert kept in firm["notes"], kept
    assert "Other Street: 4-5 Osaka" in firm["notes"]


@pytest.mark.parametrize(
    ("header", "values"),
    [
        (
            ["Prénom", "Nom", "Société", "Fonction", "Rue (bureau)", "Ville (bureau)",
             "Code postal (bureau)", "Pays/Région (bureau)", "Téléphone (bureau)",
             "Adresse de messagerie", "Catégories", "Anniversaire"],
            ["Hélène", "Dupré", "Dupré SA", "Directrice", "1 rue de la Paix", "Paris",
             "75002", "France", "+33 1 23 45 67 89", "helene@dupre.fr", "Client", "1970-01-02"],
        ),
        (
            ["Nombre", "Apellidos", "Organización", "Puesto", "Calle del trabajo",
             "Ciudad de trabajo", "Código postal del trabajo", "País o región del trabajo",
             "Teléfono del trabajo", "Dirección de correo electrónico", "Categorías", "Cumpleaños"],
            ["Hélène", "Dupré", "Dupré SA", "Directrice", "1 rue de la Paix", "Paris",
             "75002", "France", "+33 1 23 45 67 89", "helene@dupre.fr", "Client", "1970-01-02"],
        ),
        (
            ["Имя", "Фамилия", "Организация", "Должность", "Улица (раб. адрес)",
             "Город (раб. адрес)", "Индекс (раб. адрес)", "Страна или регион (раб. адрес)",
             "Рабочий телефон", "Адрес эл. почты", "Категории", "День рождения"],
            ["Hélène", "Dupré", "Dupré SA", "Directrice", "1 rue de la Paix", "Paris",
             "75002", "France", "+33 1 23 45 67 89", "helene@dupre.fr", "Client", "1970-01-02"],
        ),
        (
            ["名", "姓", "公司", "职务", "商务地址 街道", "商务地址 市/县", "商务地址 邮政编码",
             "商务地址 国家/地区", "商务电话", "电子邮件地址", "类别", "生日"],
            ["Hélène", "Dupré", "Dupré SA", "Directrice", "1 rue de la Paix", "Paris",
             "75002", "France", "+33 1 23 45 67 89", "helene@dupre.fr", "Client", "1970-01-02"],
        ),
    ],
    ids=["french", "spanish", "russian", "chinese"],
)  # fmt: skip
def test_outlook_in_other_languages(db, files, header, values):
    path = files / "outlook.csv"
    path.write_text(csv_text(header, values), encoding="utf-8")
    importing.run_import(path, "customer")
    firm, contacts = customer_with_contact("Dupré SA")
    assert (firm["address"], firm["city"], firm["country"]) == (
        "1 rue de la Paix, 75002",
        "Paris",
        "France",
    )
    assert contacts == [("Hélène Dupré", "Directrice", "helene@dupre.fr", "+33123456789")]
    assert tags("Dupré SA") == ["Client"]
    assert f"{header[-1]}: 1970-01-02" in firm["notes"]


APPLE = [
    "First name", "Last name", "Company", "Job title", "Department", "Email (work)",
    "Email (home)", "Phone (mobile)", "Phone (work)", "Address (work) Street",
    "Address (work) City", "Address (work) State", "Address (work) ZIP", "Address (work) Country",
    "Address (home) Street", "Note", "Birthday", "URL (work)",
]  # fmt: skip


def test_apple_contacts_csv(db, files):
    record = row_of(
        APPLE,
        **{
            "First name": "Tim",
            "Last name": "Apfel",
            "Company": "Orchard Inc.",
            "Job title": "Grower",
            "Email (work)": "tim@orchard.example",
            "Email (home)": "tim@home.example",
            "Phone (mobile)": "+1 408 555 0101",
            "Phone (work)": "+1 408 555 0100",
            "Address (work) Street": "1 Infinite Loop",
            "Address (work) City": "Cupertino",
            "Address (work) State": "CA",
            "Address (work) ZIP": "95014",
            "Address (work) Country": "USA",
            "Address (home) Street": "2 Home Rd",
            "URL (work)": "orchard.example",
        },
    )
    path = files / "apple.csv"
    path.write_text(csv_text(APPLE, record), encoding="utf-8")
    importing.run_import(path, "customer")
    firm, contacts = customer_with_contact("Orchard Inc.")
    assert (firm["address"], firm["city"], firm["country"], firm["website"]) == (
        "1 Infinite Loop, 95014 CA",
        "Cupertino",
        "USA",
        "orchard.example",
    )
    assert contacts == [("Tim Apfel", "Grower", "tim@orchard.example", "+14085550101")]
    for kept in ("Email (home): tim@home.example", "Address (home) Street: 2 Home Rd"):
        assert kept in firm["notes"], kept


def test_unknown_columns_go_to_the_notes_in_the_files_language(db, files):
    path = files / "kunden.csv"
    path.write_text(
        "Name;E-Mail;Kundennummer;Branche;Umsatz 2023\r\nMüller KG;info@mueller.de;K-1;Bau;1.200 €\r\n",
        encoding="utf-8",
    )
    result = importing.run_import(path, "customer")
    assert result.to_notes == ["Kundennummer", "Branche", "Umsatz 2023"]
    assert rows("SELECT notes FROM customer") == [
        ("Kundennummer: K-1\nBranche: Bau\nUmsatz 2023: 1.200 €",)
    ]
    assert "Kept in the notes as “Header: value”: Kundennummer, Branche, Umsatz 2023." in (
        result.details()
    )
