"""The public test files of CSV and vCard libraries (``tests/data``), imported as a user would.

What "right" means, per corpus:

* **csv-spectrum** — the file reads as exactly the records of its JSON twin
  (every header, every value, quotes, commas, line breaks, UTF-8); imported
  as customers (its first column as the name), every value is in the record
  (the name or the notes), and a record without a first value is refused
  with its cells kept for the refused-rows file.
* **ez-vcard** and **py-vobject** — every card with a name becomes a
  customer (a company card: the company with the person as its contact);
  every value of every property that holds the user's data (names,
  organisation, titles, emails, phones, addresses, notes, categories,
  birthdays, instant messaging, custom properties…) is found in what was
  stored — a field, the contact, the tags or the notes; photos, keys and
  the writing program's own properties (PRODID, REV, UID…) are counted as
  not imported; a card without any name is refused and saved whole.
  Besides, the key values of each file are checked by hand.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from transfer_db import rows

from crm_desktop.services import importing
from crm_desktop.services.importing import vcard, vcardlines

DATA = Path(__file__).resolve().parents[1] / "data"
SPECTRUM = sorted((DATA / "csv-spectrum" / "csvs").glob("*.csv"))
VCARDS = sorted((DATA / "ez-vcard").glob("*.vcf")) + sorted((DATA / "py-vobject").glob("*.vcf"))


def squash(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in text)
    return " ".join(text.split())


def stored_text() -> str:
    """Everything the import stored, as one text to search values in."""
    parts: list[str] = []
    for table in ("customer", "contact", "tag"):
        for row in rows(f'SELECT * FROM "{table}"'):
            parts += [str(v) for v in row if v is not None]
    return squash("\n".join(parts))


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


@pytest.mark.parametrize("path", SPECTRUM, ids=lambda p: p.stem)
def test_csv_spectrum(db, path):
    expected = json.loads((DATA / "csv-spectrum" / "json" / f"{path.stem}.json").read_text())
    table = importing.read_file(path)
    records = [dict(zip(table.headers, row.cells, strict=True)) for row in table.rows]
    assert (records, table.problems) == (expected, [])
    first = table.headers[0]
    result = importing.run_import(path, "customer", overrides=[(first, "name")], policy="create")
    named = [r for r in expected if r[first].strip()]
    assert result.created == len(named)
    assert [r.cells[0] for r in result.refused_rows] == [
        r[first] for r in expected if not r[first].strip()
    ]
    text = stored_text()
    for record in named:
        for value in record.values():
            assert squash(value) in text, value


# Hand-checked values of each file: (customers created, cards refused, values that must be
# stored somewhere, values that must be a customer's name).
EXPECTED = {
    "John_Doe_ANDROID": (4, 2, ["123456789", "bob@company.com", "www.company.com"], []),
    "John_Doe_BLACK_BERRY": (1, 0, ["+96123456789"], ["Acme Solutions"]),
    "John_Doe_EVOLUTION": (1, 0, ["Little Red", "johnny5@aol.com"], ["IBM"]),
    "John_Doe_GMAIL": (1, 0, ["Crescent moon drive", "Jenny", "Favotire Color: Blue"], ["IBM"]),
    "John_Doe_IPHONE": (1, 0, ["905-222-1234 (AssistantPhone)", "http://www.ibm.com"], ["IBM"]),
    "John_Doe_LOTUS_NOTES": (1, 0, ["Johny,JayJay", "http://www.sun.com"], ["IBM"]),
    "John_Doe_MAC_ADDRESS_BOOK": (1, 0, ['"AS IS"', "Jon Dow"], ["IBM"]),
    "John_Doe_MS_OUTLOOK": (1, 0, ["Big Blue", "Counting Money", "johny5@aol.com"], ["IBM"]),
    "fullcontact": (1, 0, ["Organization2", "Title2", "custom@example.com"], ["Organization1"]),
    "gmail-list": (3, 0, ["asmithk@gmail.com"], ["Arnold Smith", "Chris Beatle", "Doug White"]),
    "gmail-single": (1, 0, ["Home City, HM 12345", "MySpouse"], ["TheCompany"]),
    "gmail-single2": (1, 0, ["IM9 (Jabber)", "5555551121 (CustomePhoneCategory)"], []),
    "issue114": (1, 0, ["Dummy-Dummy-Strasse 1", "dummy.dummy@dummy.com"], ["Dummy GmbH"]),
    "outlook-2003": (1, 0, ["This is the note field!!", "TheOffice"], ["Company, The"]),
    "outlook-2007": (1, 0, ["It does not preserve the formatting", "im@aim.com"], ["TheCompany"]),
    "rfc2426-example": (2, 0, ["6544 Battleford Drive", "fdawson@earthlink.net"], []),
    "rfc6350-example": (1, 0, ["simon.perreault@viagenie.ca", "geo:46.772673,-71.282945"], []),
    "thunderbird-MoreFunctionsForAddressBook-extension": (
        1,
        0,
        ["additional-email3@company.com", 'You can put anything in the "note" field; even'],
        ["TheOrganization"],
    ),
    "quoted-printable-latin1": (1, 0, ["0111111111"], ["é"]),
    "radicale-1587": (1, 0, ["37.386013;-122.082932"], ["Given Family"]),
    "simple-3-0-test": (1, 0, ["Haight Street 512;", "Escape, Test"], []),
    "unicode": (1, 0, ["5ሴ Nowhere, Apt 1"], ["Helloሴ World!"]),
    "vcard-with-groups": (1, 0, ["Burgermeister", "Goerlitz in the great country"], []),
}


def _property_values(card: vcardlines.Card) -> list[tuple[str, str]]:
    """(property, value) of each piece of the user's data a card holds."""
    values = []
    for prop in card.properties:
        if prop.binary or prop.name in vcard._TECHNICAL or prop.name in ("VERSION", "LABEL"):
            continue
        if prop.name.startswith(vcard._TECHNICAL_PREFIXES):
            continue
        separators = ";" if prop.name in ("N", "ADR", "ORG") else ""
        pieces = vcardlines.split_unescaped(prop.value, separators) if separators else [prop.value]
        if prop.name == "CATEGORIES":  # each category is a tag
            pieces = vcardlines.unescape(prop.value).split(",")
        for piece in pieces:
            for item in vcardlines.split_unescaped(piece, ",") if prop.name == "N" else [piece]:
                text = vcardlines.unescape(item, newlines=not card.version.startswith("2"))
                if squash(text):
                    values.append((prop.name, text))
    return values


@pytest.mark.parametrize("path", VCARDS, ids=lambda p: p.stem)
def test_vcard_corpora(db, path, tmp_path):
    created, refused, present, names = EXPECTED[path.stem]
    result = importing.run_import(path, "customer", policy="create")
    assert (result.created, result.refused) == (created, refused), result.refused_rows
    text = stored_text()
    for value in present:
        assert squash(value) in text, value
    folded = text.casefold()  # email addresses are stored with their domain in lower case
    stored_names = {r[0] for r in rows("SELECT name FROM customer")}
    assert set(names) <= stored_names, stored_names
    # Every value of every card is stored somewhere, or its card was refused and saved whole.
    cards = vcardlines.read_cards(path.read_bytes(), fallback="utf-8")
    refused_lines = {r.line for r in result.refused_rows}
    saved = importing.save_refused(result, tmp_path / "refused.vcf")
    saved_text = saved.read_text(encoding="utf-8", errors="replace") if refused else ""
    for card in cards:
        if card.line in refused_lines:
            assert squash(card.text.splitlines()[2]) in squash(saved_text)
            continue
        for name, value in _property_values(card):
            wanted = squash(value)
            if name in ("TEL", "X-MS-TEL") and len(digits(value)) >= 6:
                assert digits(value)[-6:] in digits(text), (name, value)
            else:
                assert wanted.casefold() in folded, (name, value)
