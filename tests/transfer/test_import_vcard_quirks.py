"""vCards as phones and mail programs write them: each quirk that used to lose data."""

from __future__ import annotations

import base64

from transfer_db import rows

from crm_desktop.services import importing, settings


def card(*lines: str, version: str = "2.1") -> str:
    return "\r\n".join(["BEGIN:VCARD", f"VERSION:{version}", *lines, "END:VCARD"]) + "\r\n"


def qp_lines(text: str, width: int = 20) -> str:
    """``text`` as Android writes it: UTF-8, quoted-printable, soft breaks every ``width``."""
    encoded = "".join(
        chr(b) if 33 <= b <= 126 and b != 61 else f"={b:02X}" for b in text.encode("utf-8")
    )
    return "=\r\n".join(encoded[i : i + width] for i in range(0, len(encoded), width))


def imported(db_files, name: str, text: str | bytes, entity: str = "customer"):
    path = db_files / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return importing.run_import(path, entity)


def test_quoted_printable_soft_breaks_are_joined_before_decoding(db, files):
    # Width 7 breaks "=D0=9A" apart: a soft break inside a UTF-8 character.
    name = qp_lines("Иван Константинов", width=7)
    note = qp_lines("Долгая заметка на\nнескольких строках, с запятой", width=21)
    text = card(
        f"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{name}",
        f"NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{note}",
        "TEL;CELL:+7 916 123-45-67",
    )
    result = imported(files, "android.vcf", text)
    assert (result.created, result.refused) == (1, 0)
    assert rows("SELECT name, phone, notes FROM customer") == [
        ("Иван Константинов", "+79161234567", "Долгая заметка на\nнескольких строках, с запятой")
    ]


def test_quoted_printable_without_charset_is_utf8_or_the_files_encoding(db, files):
    utf8 = card("FN;ENCODING=QUOTED-PRINTABLE:" + qp_lines("Jürgen Müller", 40))
    legacy = card("FN;ENCODING=QUOTED-PRINTABLE:=CF=B8=F2=F0 =C8=E2=E0=ED=EE=E2")  # cp1251
    plain_legacy = "\r\n".join(
        ["BEGIN:VCARD", "VERSION:2.1", "N:Сидорова;Анна", "FN:Анна Сидорова", "END:VCARD", ""]
    ).encode("cp1251")
    imported(files, "a.vcf", utf8)
    imported(files, "b.vcf", legacy.encode("ascii") + plain_legacy)
    assert sorted(r[0] for r in rows("SELECT name FROM customer")) == [
        "Jürgen Müller",
        "Анна Сидорова",
        "Пётр Иванов",
    ]


def test_commas_in_single_valued_properties_are_kept(db, files):
    text = card(
        "FN:Doe, John",
        "N:Doe;John;;;",
        "ORG:Doe, Smith & Partners, Inc.;Sales, East",
        "TITLE:Director, Sales",
        "NOTE:Met in Berlin, Germany; call back, maybe",
        "EMAIL;INTERNET:john@doe.example",
    ) + card("FN:Escaped\\, Anna", "NOTE:a\\, b\\; c\\nnext line", version="3.0")
    result = imported(files, "gmail.vcf", text)
    assert (result.created, result.refused) == (2, 0)
    company = rows("SELECT id, name, notes FROM customer WHERE name LIKE 'Doe, Smith%'")[0]
    assert company[1] == "Doe, Smith & Partners, Inc."
    assert "Met in Berlin, Germany; call back, maybe" in company[2]
    assert "Department: Sales, East" in company[2]
    assert rows("SELECT name, position FROM contact WHERE customer_id = ?", (company[0],)) == [
        ("Doe, John", "Director, Sales")
    ]
    assert rows("SELECT name, notes FROM customer WHERE name LIKE 'Escaped%'") == [
        ("Escaped, Anna", "a, b; c\nnext line")
    ]


def test_escaped_colons_in_urls(db, files):
    text = card(
        "FN:Apple Person", "URL;type=pref:https\\://www.example.com/", version="3.0"
    ) + card("FN:Google Person", "item1.URL:http\\://example.org/a\\,b", version="3.0")
    imported(files, "iphone.vcf", text)
    assert rows("SELECT name, website FROM customer ORDER BY name") == [
        ("Apple Person", "https://www.example.com/"),
        ("Google Person", "http://example.org/a,b"),
    ]


def test_outlook_photos_profile_case_and_the_cards_after_them(db, files):
    photo = base64.b64encode(bytes(range(256)) * 3).decode("ascii")
    lines = [photo[i : i + 72] for i in range(0, len(photo), 72)]
    outlook = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Smith;Jane\r\nFN:Jane Smith\r\n"
        "PHOTO;TYPE=JPEG;ENCODING=BASE64:\r\n" + "\r\n".join(lines) + "\r\n\r\n"
        "EMAIL;PREF;INTERNET:jane@smith.example\r\nEND:VCARD\r\n"
    )
    mixed = card("PROFILE:VCard", "FN:Mixed Case", "EMAIL:mixed@example.com", version="3.0")
    result = imported(files, "outlook.vcf", outlook + mixed)
    assert (result.created, result.refused) == (2, 0)
    assert rows("SELECT name, email FROM customer ORDER BY name") == [
        ("Jane Smith", "jane@smith.example"),
        ("Mixed Case", "mixed@example.com"),
    ]
    assert result.left_out_properties == {"PHOTO": 1, "PROFILE": 1}
    assert any("PHOTO ×1" in line for line in result.details())


def test_a_german_card_with_a_national_number_is_not_refused(db, files):
    settings.set_many({"phone_region": ""})  # not set: the file tells
    text = "".join(
        card(f"FN:Kunde {n}", f"TEL;CELL:0171 123456{n}", f"EMAIL:kunde{n}@firma.de")
        for n in range(6)
    )
    result = imported(files, "de.vcf", text)
    assert (result.created, result.refused, result.kept) == (6, 0, 0)
    assert result.region.region == "DE"
    assert rows("SELECT phone FROM customer WHERE name = 'Kunde 3'") == [("+491711234563",)]


def test_a_refused_card_is_saved_whole(db, files, tmp_path):
    nameless = card("TEL;CELL:+1 212 555 0100", "NOTE;ENCODING=QUOTED-PRINTABLE:caf=C3=A9")
    cut = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut Short\r\nEMAIL:cut@example.com\r\n"
    result = imported(files, "phone.vcf", card("FN:Fine") + nameless + cut)
    assert (result.created, result.refused) == (1, 2)
    saved = importing.save_refused(result, tmp_path / "refused.vcf")
    text = saved.read_text(encoding="utf-8")
    assert text.count("BEGIN:VCARD") == 2 and text.count("\nEND:VCARD") == 2
    assert "TEL;CELL:+1 212 555 0100" in text and "caf=C3=A9" in text
    assert "X-CRM-IMPORT-PROBLEM:line 5: Name is required" in text
    assert "EMAIL:cut@example.com" in text and "no END:VCARD" in text
    # Fixed (a name added, the end written), the file imports; the problem lines are ignored.
    fixed = text.replace("TEL;CELL:", "FN:Nameless\r\nTEL;CELL:")
    saved.write_text(fixed, encoding="utf-8")
    again = importing.run_import(saved, "customer")
    assert (again.created, again.refused) == (2, 0)
    assert rows("SELECT notes FROM customer WHERE name = 'Nameless'") == [("café",)]


def test_every_value_of_a_card_lands_in_a_field_or_the_notes(db, files):
    text = card(
        "N;LANGUAGE=en-us:Doe;John;Richter,James;Mr.;Sr.",
        "FN:Mr. John Richter James Doe Sr.",
        "NICKNAME:Johny",
        "ORG:IBM;Accounting",
        "TITLE:Money Counter",
        "TEL;WORK;VOICE:+1 905 555 1234",
        "TEL;HOME;VOICE:+1 905 666 1234",
        "TEL;WORK;FAX:+1 905 555 9999",
        "ADR;WORK;PREF:;;Crescent moon drive;Albany;New York;12345;United States of America",
        "ADR;HOME:;;Silicon Alley 5;New York;New York;12345;United States of America",
        "URL;WORK:http://www.ibm.com",
        "ROLE:Counting Money",
        "BDAY:19800322",
        "X-MS-ANNIVERSARY:20110113",
        "EMAIL;PREF;INTERNET:john.doe@ibm.example",
        "X-MS-IMADDRESS:johny5@aol.com",
        "X-MS-MANAGER:Big Blue",
        "X-UNKNOWN-THING:kept anyway",
        "REV:20120305T131933Z",
    )
    imported(files, "outlook2007.vcf", text)
    ibm = rows("SELECT id, name, address, city, country, website, notes FROM customer")[0]
    assert ibm[1:6] == (
        "IBM",
        "Crescent moon drive, 12345 New York",
        "Albany",
        "United States of America",
        "http://www.ibm.com",
    )
    notes = ibm[6]
    for kept in (
        "Department: Accounting",
        "Name prefix: Mr.",
        "Name suffix: Sr.",
        "Nickname: Johny",
        "Role: Counting Money",
        "Birthday: 19800322",
        "Anniversary: 20110113",
        "Phone 2: +1 905 666 1234 (home)",
        "Phone 3: +1 905 555 9999 (work, fax)",
        "Address 2: Silicon Alley 5, 12345 New York, New York, United States of America (home)",
        "Instant messaging: johny5@aol.com",
        "Manager: Big Blue",
        "X-UNKNOWN-THING: kept anyway",
    ):
        assert kept in notes, kept
    assert rows("SELECT name, position, email, phone FROM contact") == [
        ("Mr. John Richter James Doe Sr.", "Money Counter", "john.doe@ibm.example", "+19055551234")
    ]
