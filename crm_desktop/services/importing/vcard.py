"""vCards (2.1, 3.0, 4.0): reading a phone's or an address book's export, and writing 4.0.

Reading (:func:`read_vcards`) goes through :mod:`.vcardlines`, which reads
the content lines as Android, iPhone, Outlook, Gmail, Lotus Notes, Nokia and
Evolution really write them. Each card becomes one row of a table with
columns ("Full name", "Email 1", "Phone 2", "Nickname"…) that the ``vcard``
preset maps, so the rest of the import treats cards like any other file:

* the first email, phone and website (the preferred one first) go into the
  record; the others, and every property without a field (nickname,
  birthday, department, other addresses, instant messaging, an unknown
  ``X-`` property…), are columns that land in the notes as ``Header: value``;
* photos, logos, sounds and keys, and the technical properties of the
  writing program (``PRODID``, ``REV``, ``UID``, Outlook's card design…) are
  not kept; the table counts them (:attr:`Table.left_out`) so the summary
  says so;
* a card that cannot be read (no ``END:VCARD``) is refused with its whole
  text, and so is, later, a card without any name.

Writing (exports) produces vCard 4.0 (RFC 6350) by hand: text is escaped,
lines are folded at 75 octets, lines end in CRLF. Our own properties
(``X-CRM-ID``, ``X-CRM-STATUS``, ``X-CRM-CONTACT-*``…) keep what a vCard
has no property for, so an export imports back whole and matches its records.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from crm_desktop.i18n import _, ngettext
from crm_desktop.services.importing import encoding
from crm_desktop.services.importing.table import ReadProblem, SourceRow, Table
from crm_desktop.services.importing.vcardlines import (
    Card,
    Property,
    read_cards,
    split_unescaped,
    unescape,
)
from crm_desktop.services.locale_facts import grouped

# Columns in the order they appear (only those some card fills are in the table).
COLUMNS = (
    "Full name",
    "First name",
    "Middle name",
    "Last name",
    "Name prefix",
    "Name suffix",
    "Nickname",
    "Phonetic name",
    "Organization",
    "Department",
    "Title",
    "Role",
    "Kind",
    "Address",
    "City",
    "Region",
    "Postal code",
    "Country",
    "Note",
    "Categories",
    "Birthday",
    "Anniversary",
    "Status",
    "Source",
    "Contact name",
    "Contact position",
    "Contact email",
    "Contact phone",
    "Customer email",
    "Primary contact",
    "ID",
    "Customer ID",
    "Customer",
)
_SIMPLE = {
    "NICKNAME": "Nickname",
    "TITLE": "Title",
    "ROLE": "Role",
    "KIND": "Kind",
    "X-ADDRESSBOOKSERVER-KIND": "Kind",
    "BDAY": "Birthday",
    "ANNIVERSARY": "Anniversary",
    "X-ANNIVERSARY": "Anniversary",
    "X-MS-ANNIVERSARY": "Anniversary",
    "X-EVOLUTION-ANNIVERSARY": "Anniversary",
    "X-MS-MANAGER": "Manager",
    "X-EVOLUTION-MANAGER": "Manager",
    "X-MANAGER": "Manager",
    "X-MS-ASSISTANT": "Assistant",
    "X-EVOLUTION-ASSISTANT": "Assistant",
    "X-ASSISTANT": "Assistant",
    "X-SPOUSE": "Spouse",
    "X-MS-SPOUSE": "Spouse",
    "X-EVOLUTION-SPOUSE": "Spouse",
    "RELATED": "Related",
    "GENDER": "Gender",
    "X-GENDER": "Gender",
    "LANG": "Language",
    "TZ": "Time zone",
    "GEO": "Location",
    "FBURL": "Free/busy",
    "CALURI": "Calendar",
    "X-CRM-STATUS": "Status",
    "X-CRM-SOURCE": "Source",
    "X-CRM-CONTACT-NAME": "Contact name",
    "X-CRM-CONTACT-TITLE": "Contact position",
    "X-CRM-CONTACT-EMAIL": "Contact email",
    "X-CRM-CONTACT-TEL": "Contact phone",
    "X-CRM-CUSTOMER-EMAIL": "Customer email",
    "X-CRM-CUSTOMER": "Customer",
    "X-CRM-PRIMARY": "Primary contact",
    "X-CRM-ID": "ID",
    "X-CRM-CUSTOMER-ID": "Customer ID",
}
_MESSAGING = {
    "IMPP": "",
    "X-AIM": "AIM",
    "X-ICQ": "ICQ",
    "X-JABBER": "Jabber",
    "X-SKYPE": "Skype",
    "X-SKYPE-USERNAME": "Skype",
    "X-MSN": "MSN",
    "X-YAHOO": "Yahoo",
    "X-QQ": "QQ",
    "X-GTALK": "Google Talk",
    "X-GOOGLE-TALK": "Google Talk",
    "X-MS-IMADDRESS": "",
}
# What the writing program keeps for itself: not the user's data, not imported.
_TECHNICAL = frozenset(
    {
        "VERSION",
        "PRODID",
        "REV",
        "UID",
        "PROFILE",
        "NAME",
        "SOURCE",
        "MAILER",
        "CLASS",
        "SORT-STRING",
        "CLIENTPIDMAP",
        "X-ABUID",
        "X-ABSHOWAS",
        "X-ABLABEL",
        "X-ABADR",
        "X-MS-OL-DESIGN",
        "X-MS-OL-DEFAULT-POSTAL-ADDRESS",
        "X-EVOLUTION-FILE-AS",
        "X-MOZILLA-HTML",
        "X-ETAG",
        "X-ID",
        "X-CRM-IMPORT-PROBLEM",
    }
)
_TECHNICAL_PREFIXES = ("X-COUCHDB-", "X-FC-")
_QUIET_TYPES = frozenset({"internet", "voice", "pref", "x400", "msg", "video", "text", "uri"})


_STARTS_A_CARD = re.compile(r"^(?:[A-Za-z0-9-]+\.)?BEGIN\s*:\s*VCARD", re.IGNORECASE)


def looks_like_vcard(text: str) -> bool:
    return bool(_STARTS_A_CARD.match(text.lstrip("\ufeff \r\n\t")))


def looks_like_vcard_bytes(data: bytes) -> bool:
    """Whether a file's bytes are vCards (UTF-8/legacy, or UTF-16 with or without a BOM)."""
    head = data[:400]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[1:2] == b"\x00" or head[:1] == b"\x00":
        try:
            codec = (
                "utf-16"
                if head[:2] in (b"\xff\xfe", b"\xfe\xff")
                else ("utf-16-le" if head[1:2] == b"\x00" else "utf-16-be")
            )
            return looks_like_vcard(head.decode(codec, errors="ignore"))
        except LookupError:
            return False
    return looks_like_vcard(head.decode("latin-1").lstrip("\u00ef\u00bb\u00bf"))


def _label(prop: Property, labels: Mapping[str, str]) -> str:
    """A property's kind as people read it: ``work, fax``, or Apple's ``X-ABLabel``."""
    custom = labels.get(prop.group.upper()) if prop.group else None
    if custom:
        found = re.fullmatch(r"_\$!<(.+)>!\$_", custom)
        return found.group(1) if found else custom
    return ", ".join(t for t in prop.types if t not in _QUIET_TYPES)


def _preferred(prop: Property) -> bool:
    return "pref" in prop.types or bool(prop.param("PREF"))


class _Row:
    """The columns of one card as they are filled."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {}
        self.emails: list[tuple[Property, str]] = []
        self.phones: list[tuple[Property, str]] = []
        self.sites: list[tuple[Property, str]] = []
        self.addresses: list[tuple[Property, list[str]]] = []
        self.labels_of_addresses: list[str] = []
        self.left_out: list[str] = []
        self.labels: dict[str, str] = {}  # Apple's item labels: group → label

    def put(self, column: str, value: str, *, join: str | None = None) -> None:
        value = value.strip()
        if not value:
            return
        if column not in self.values:
            self.values[column] = value
        elif join is not None:
            self.values[column] += join + value
        else:  # a second title, organization…: its own column, "Title 2"
            number = 2
            while f"{column} {number}" in self.values:
                number += 1
            self.values[f"{column} {number}"] = value


def _words(parts: list[str]) -> list[str]:
    """Structured parts unescaped, each part's list items joined by a space."""
    out = []
    for part in parts:
        items = [unescape(item).strip() for item in split_unescaped(part, ",")]
        out.append(" ".join(item for item in items if item))
    return out


def _card_row(card: Card) -> _Row:
    row = _Row()
    newlines = not card.version.startswith("2")
    labels = row.labels = {
        p.group.upper(): unescape(p.value).strip()
        for p in card.properties
        if p.name == "X-ABLABEL" and p.group
    }
    for prop in card.properties:
        name = prop.name
        text = unescape(prop.value, newlines=newlines)
        if name in ("VERSION", "X-ABLABEL"):  # read already: the version, item labels
            continue
        if prop.binary or name in _TECHNICAL or name.startswith(_TECHNICAL_PREFIXES):
            row.left_out.append(name)
        elif name == "FN":
            row.put("Full name", text)
        elif name == "N":
            parts = _words(split_unescaped(prop.value, ";") + [""] * 5)
            family, given, middle, prefix, suffix = parts[:5]
            for column, value in (
                ("Last name", family),
                ("First name", given),
                ("Middle name", middle),
                ("Name prefix", prefix),
                ("Name suffix", suffix),
            ):
                row.put(column, value)
        elif name == "ORG":
            parts = [unescape(p).strip() for p in split_unescaped(prop.value, ";")]
            row.put("Organization", parts[0] if parts else "")
            row.put("Department", ", ".join(p for p in parts[1:] if p))
        elif name in ("EMAIL", "TEL", "X-MS-TEL", "URL"):
            target = {"EMAIL": row.emails, "URL": row.sites}.get(name, row.phones)
            if text.strip():
                target.append((prop, text.strip()))
        elif name == "ADR":
            parts = [
                unescape(p, newlines=newlines).strip()
                for p in split_unescaped(prop.value, ";") + [""] * 7
            ]
            if any(parts):
                row.addresses.append((prop, parts[:7]))
        elif name == "LABEL":
            row.labels_of_addresses.append(text)
        elif name == "NOTE":
            row.put("Note", text, join="\n\n")
        elif name == "CATEGORIES":
            items = [unescape(p).strip() for p in split_unescaped(prop.value, ",")]
            row.put("Categories", ", ".join(i for i in items if i), join=", ")
        elif name in _MESSAGING:
            kind = _MESSAGING[name] or _label(prop, labels)
            row.put("Instant messaging", f"{text} ({kind})" if kind else text, join="; ")
        elif name in ("X-PHONETIC-FIRST-NAME", "X-PHONETIC-MIDDLE-NAME", "X-PHONETIC-LAST-NAME"):
            row.put("Phonetic name", text, join=" ")
        elif name in ("X-ABRELATEDNAMES", "X-ABDATE"):
            default = "Related" if name == "X-ABRELATEDNAMES" else "Date"
            row.put(_label(prop, labels) or default, text)
        elif name in _SIMPLE:
            row.put(_SIMPLE[name], text)
        else:  # a property we have no name for: kept under its own
            row.put(name, text)
    for stray in card.stray:
        row.put("Unreadable lines", stray, join="\n")
    if row.addresses:
        if row.labels_of_addresses:  # a formatted copy of the addresses: nothing new
            row.left_out += ["LABEL"] * len(row.labels_of_addresses)
    else:
        for label in row.labels_of_addresses:
            row.put("Address label", label)
    return row


def _ordered(items: list[tuple[Property, str]], *, faxes_last: bool = False):
    def key(pair: tuple[int, tuple[Property, str]]) -> tuple[bool, bool, int]:
        index, (prop, _value) = pair
        return (faxes_last and "fax" in prop.types, not _preferred(prop), index)

    return [item for _index, item in sorted(enumerate(items), key=key)]


def _address_columns(row: _Row) -> None:
    work_first = sorted(
        enumerate(row.addresses),
        key=lambda pair: (not _preferred(pair[1][0]), "work" not in pair[1][0].types, pair[0]),
    )
    for number, (_index, (prop, parts)) in enumerate(work_first, start=1):
        box, extended, street, city, region, code, country = parts
        lines = ", ".join(p for p in (street, extended, box) if p)
        if number == 1:
            row.put("Address", lines)
            row.put("City", city)
            row.put("Region", region)
            row.put("Postal code", code)
            row.put("Country", country)
            continue
        place = " ".join(p for p in (code, city) if p)
        text = ", ".join(p for p in (lines, place, region, country) if p)
        kind = ", ".join(t for t in prop.types if t not in _QUIET_TYPES)
        row.values[f"Address {number}"] = f"{text} ({kind})" if kind else text


def read_vcards(
    data: bytes, *, text_encoding: str = "auto", locale_name: str | None = None
) -> Table:
    """Every card of a .vcf file as one row; cards that cannot be read are problems."""
    text_codec = None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (data[:1] == b"\x00" or data[1:2] == b"\x00"):
        data = encoding.decode(data).text.encode("utf-8")  # UTF-16/32: one encoding for all
        text_codec = "utf-8"
    data = data.removeprefix(b"\xef\xbb\xbf")
    forced = None if text_encoding == "auto" else encoding.normal_name(text_encoding)
    fallback = forced or text_codec or encoding.detect(data, locale_name=locale_name)
    cards = read_cards(data, fallback=fallback, forced=forced)
    problems: list[ReadProblem] = []
    rows: list[tuple[Card, dict[str, str]]] = []
    left_out: dict[str, int] = {}
    versions: set[str] = set()
    extra_columns: list[str] = []
    for card in cards:
        if card.problem:
            problems.append(ReadProblem(card.line, card.problem, [card.text], raw=card.text))
            continue
        versions.add(card.version)
        row = _card_row(card)
        for name in row.left_out:
            left_out[name] = left_out.get(name, 0) + 1
        _address_columns(row)
        for column, items in (
            ("Email", _ordered(row.emails)),
            ("Phone", _ordered(row.phones, faxes_last=True)),
            ("Website", _ordered(row.sites)),
        ):
            for number, (prop, value) in enumerate(items, start=1):
                kind = _label(prop, row.labels)
                row.values[f"{column} {number}"] = (
                    f"{value} ({kind})" if number > 1 and kind else value
                )
        for column in row.values:
            if column not in COLUMNS and column not in extra_columns:
                extra_columns.append(column)
        rows.append((card, row.values))
    used = {column for _card, values in rows for column in values}
    numbered = sorted(
        (c for c in extra_columns if re.fullmatch(r"(Email|Phone|Website) \d+", c)),
        key=lambda c: (c.split()[0] != "Email", c.split()[0] != "Phone", int(c.split()[1])),
    )
    others = [c for c in extra_columns if c not in numbered]
    headers = [c for c in COLUMNS if c in used] + numbered + others
    table_rows = [
        SourceRow(card.line, [values.get(h, "") for h in headers], raw=card.text)
        for card, values in rows
    ]
    label = "/".join(sorted(v for v in versions if v)) or "?"
    count = len(rows) + len(problems)
    return Table(
        headers=headers,
        rows=table_rows,
        problems=problems,
        format="vCard",
        details=ngettext(
            "vCard {version}, {n} card, {encoding}", "vCard {version}, {n} cards, {encoding}", count
        ).format(version=label, n=grouped(count), encoding=_(encoding.label_of(fallback))),
        preset="vcard",
        encoding=fallback,
        encoding_label=encoding.label_of(fallback),
        left_out=left_out,
    )


# --- writing (exports) -------------------------------------------------------------------


def escape(text: str) -> str:
    """A text value as RFC 6350 writes it."""
    return (
        text.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
    )


def fold_line(line: str) -> str:
    """One content line folded at 75 octets (never inside a UTF-8 character), CRLF-ended."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line + "\r\n"
    parts = []
    current = ""
    size = 0
    limit = 75
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, 74  # continuation lines start with a space
        current += ch
        size += width
    parts.append(current)
    return "\r\n ".join(parts) + "\r\n"


def card(properties: Iterable[tuple[str, str]]) -> str:
    """A vCard 4.0 from ``(name-with-parameters, already escaped value)`` pairs."""
    out = [fold_line("BEGIN:VCARD"), fold_line("VERSION:4.0")]
    out += [fold_line(f"{name}:{value}") for name, value in properties if value]
    out.append(fold_line("END:VCARD"))
    return "".join(out)


def customer_card(row: Mapping[str, object]) -> str:
    """A customer (with its primary contact) as a vCard 4.0."""
    name = str(row.get("name") or "")
    props: list[tuple[str, str]] = [("FN", escape(name))]
    if row.get("kind") == "company":
        props += [("KIND", "org"), ("ORG", escape(name))]
    else:
        props += [("KIND", "individual"), ("N", f"{escape(name)};;;;")]
    if row.get("email"):
        props.append(("EMAIL;TYPE=work", escape(str(row["email"]))))
    if row.get("phone"):
        props.append(
            ("TEL;VALUE=uri;TYPE=work", "tel:" + str(row["phone"]).replace(" ext. ", ";ext="))
        )
    if row.get("website"):
        props.append(("URL", escape(str(row["website"]))))
    if row.get("address") or row.get("city") or row.get("country"):
        adr = ";".join(escape(str(row.get(key) or "")) for key in ("address", "city"))
        props.append(("ADR;TYPE=work", f";;{adr};;;{escape(str(row.get('country') or ''))}"))
    if row.get("tags"):
        props.append(("CATEGORIES", ",".join(escape(t) for t in str(row["tags"]).split(", "))))
    props += [
        ("NOTE", escape(str(row.get("notes") or ""))),
        ("X-CRM-ID", str(row.get("id") or "")),
        ("X-CRM-STATUS", escape(str(row.get("status") or ""))),
        ("X-CRM-SOURCE", escape(str(row.get("source") or ""))),
        ("X-CRM-CONTACT-NAME", escape(str(row.get("contact_name") or ""))),
        ("X-CRM-CONTACT-TITLE", escape(str(row.get("contact_position") or ""))),
        ("X-CRM-CONTACT-EMAIL", escape(str(row.get("contact_email") or ""))),
        ("X-CRM-CONTACT-TEL", escape(str(row.get("contact_phone") or ""))),
    ]
    return card(props)


def contact_card(row: Mapping[str, object]) -> str:
    """A contact (a person at a customer) as a vCard 4.0."""
    name = str(row.get("name") or "")
    props: list[tuple[str, str]] = [
        ("FN", escape(name)),
        ("KIND", "individual"),
        ("N", f"{escape(name)};;;;"),
        ("ORG", escape(str(row.get("customer_name") or ""))),
        ("TITLE", escape(str(row.get("position") or ""))),
    ]
    if row.get("email"):
        props.append(("EMAIL;TYPE=work", escape(str(row["email"]))))
    if row.get("phone"):
        props.append(
            ("TEL;VALUE=uri;TYPE=work", "tel:" + str(row["phone"]).replace(" ext. ", ";ext="))
        )
    props += [
        ("NOTE", escape(str(row.get("notes") or ""))),
        ("X-CRM-ID", str(row.get("id") or "")),
        ("X-CRM-CUSTOMER-ID", str(row.get("customer_id") or "")),
        ("X-CRM-CUSTOMER-EMAIL", escape(str(row.get("customer_email") or ""))),
        ("X-CRM-PRIMARY", "yes" if row.get("is_primary") else ""),
    ]
    return card(props)
