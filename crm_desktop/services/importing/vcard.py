"""vCards (3.0 and 4.0): reading a phone's or an address book's export, and writing 4.0.

Reading uses vobject, the maintained vCard/iCalendar library. Each card is
parsed on its own, so one broken card is refused with its line number and
the others are read. A card becomes one row of a table with fixed columns
("Full name", "Email 1", "Phone 2", …) that the ``vcard`` preset maps, so
the rest of the import treats cards like any other file. Several phones and
emails become several columns: the first goes into the record, the others
into its notes, so nothing is lost. Photos are not kept (the schema has no
place for them); a card with a photo is read as usual.

Writing (exports) produces vCard 4.0 (RFC 6350) by hand: vobject serialises
3.0 only. Text is escaped, lines are folded at 75 octets, lines end in CRLF.
Our own properties (``X-CRM-STATUS``, ``X-CRM-SOURCE``, ``X-CRM-CONTACT-*``)
keep what a vCard has no property for, so an export imports back whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from crm_desktop.services.importing.table import ReadProblem, SourceRow, Table

_BEGIN = re.compile(r"^BEGIN:VCARD\s*$", re.IGNORECASE)
_END = re.compile(r"^END:VCARD\s*$", re.IGNORECASE)

# Single-valued columns, in the order they appear.
_SINGLE = (
    "Full name",
    "First name",
    "Middle name",
    "Last name",
    "Organization",
    "Title",
    "Kind",
    "Website",
    "Address",
    "City",
    "Region",
    "Postal code",
    "Country",
    "Note",
    "Categories",
    "Birthday",
    "Status",
    "Source",
    "Contact name",
    "Contact position",
    "Contact email",
    "Contact phone",
    "Customer email",
    "Primary contact",
)
_X_PROPERTIES = {
    "X-CRM-STATUS": "Status",
    "X-CRM-SOURCE": "Source",
    "X-CRM-CONTACT-NAME": "Contact name",
    "X-CRM-CONTACT-TITLE": "Contact position",
    "X-CRM-CONTACT-EMAIL": "Contact email",
    "X-CRM-CONTACT-TEL": "Contact phone",
    "X-CRM-CUSTOMER-EMAIL": "Customer email",
    "X-CRM-PRIMARY": "Primary contact",
}


def looks_like_vcard(text: str) -> bool:
    return text.lstrip("\ufeff \r\n\t")[:11].upper() == "BEGIN:VCARD"


def _cards(text: str) -> Iterable[tuple[int, str | None, str]]:
    """(first line, problem or None, card text) for each BEGIN…END block."""
    lines = text.splitlines()
    start: int | None = None
    for index, line in enumerate(lines):
        if _BEGIN.match(line):
            if start is not None:
                yield start + 1, "this card has no END:VCARD", "\r\n".join(lines[start:index])
            start = index
        elif _END.match(line) and start is not None:
            yield start + 1, None, "\r\n".join(lines[start : index + 1]) + "\r\n"
            start = None
    if start is not None:
        yield start + 1, "this card has no END:VCARD", "\r\n".join(lines[start:])


def _unescape(value: str) -> str:
    # vobject unescapes the properties it knows; ours arrive as written.
    out = []
    chars = iter(value)
    for ch in chars:
        if ch == "\\":
            nxt = next(chars, "")
            out.append("\n" if nxt in "nN" else nxt)
        else:
            out.append(ch)
    return "".join(out)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(_text(v) for v in value if _text(v))
    return str(value).strip()


def _card_values(card: object) -> tuple[dict[str, str], list[str], list[str], list[str]]:
    values: dict[str, str] = {}
    emails: list[str] = []
    phones: list[str] = []
    websites: list[str] = []
    for prop in card.getChildren():  # type: ignore[attr-defined]
        name = prop.name.upper()
        value = prop.value
        if name == "FN":
            values.setdefault("Full name", _text(value))
        elif name == "N":
            values.setdefault("First name", _text(getattr(value, "given", "")))
            values.setdefault("Middle name", _text(getattr(value, "additional", "")))
            values.setdefault("Last name", _text(getattr(value, "family", "")))
        elif name == "ORG":
            parts = value if isinstance(value, list) else [value]
            values.setdefault("Organization", _text(parts[0]) if parts else "")
        elif name == "TITLE":
            values.setdefault("Title", _text(value))
        elif name == "KIND":
            values.setdefault("Kind", _text(value))
        elif name == "EMAIL":
            emails.append(_text(value))
        elif name == "TEL":
            phones.append(_text(value))
        elif name == "URL":
            websites.append(_text(value))
        elif name == "ADR" and "Address" not in values:
            street = ", ".join(
                _text(getattr(value, part, ""))
                for part in ("street", "extended", "box")
                if _text(getattr(value, part, ""))
            )
            values["Address"] = street
            values["City"] = _text(getattr(value, "city", ""))
            values["Region"] = _text(getattr(value, "region", ""))
            values["Postal code"] = _text(getattr(value, "code", ""))
            values["Country"] = _text(getattr(value, "country", ""))
        elif name == "NOTE":
            values["Note"] = (values.get("Note", "") + "\n\n" + str(value)).strip("\n")
        elif name == "CATEGORIES":
            parts = value if isinstance(value, list) else str(value).split(",")
            values["Categories"] = ", ".join(p.strip() for p in parts if p.strip())
        elif name == "BDAY":
            values.setdefault("Birthday", _text(value))
        elif name in _X_PROPERTIES:
            values[_X_PROPERTIES[name]] = _unescape(_text(value))
    return values, [e for e in emails if e], [p for p in phones if p], [w for w in websites if w]


def read_vcards(text: str) -> Table:
    """Every card of a .vcf file as one row; broken cards are listed as problems."""
    import vobject

    parsed: list[tuple[int, dict[str, str], list[str], list[str], list[str]]] = []
    problems: list[ReadProblem] = []
    versions: set[str] = set()
    for line, problem, block in _cards(text):
        if problem is None:
            try:
                card = vobject.readOne(block, ignoreUnreadable=True)
                versions.add(_text(getattr(card, "version", None) and card.version.value))
                parsed.append((line, *_card_values(card)))
                continue
            except Exception as exc:  # vobject raises many kinds for bad input
                problem = f"this card cannot be read: {exc}"
        first = block.splitlines()[1:2]
        problems.append(ReadProblem(line, problem, [first[0] if first else ""]))
    n_emails = max((len(p[2]) for p in parsed), default=0)
    n_phones = max((len(p[3]) for p in parsed), default=0)
    n_sites = max((len(p[4]) for p in parsed), default=0)
    headers = list(_SINGLE)
    headers += [f"Email {i}" for i in range(1, n_emails + 1)]
    headers += [f"Phone {i}" for i in range(1, n_phones + 1)]
    headers += [f"Website {i}" for i in range(1, n_sites + 1)]
    rows = []
    for line, values, emails, phones, sites in parsed:
        cells = [values.get(name, "") for name in _SINGLE]
        cells += emails + [""] * (n_emails - len(emails))
        cells += phones + [""] * (n_phones - len(phones))
        cells += sites + [""] * (n_sites - len(sites))
        rows.append(SourceRow(line, cells))
    label = "/".join(sorted(v for v in versions if v)) or "?"
    return Table(
        headers=headers,
        rows=rows,
        problems=problems,
        format="vCard",
        details=f"vCard {label}, {len(rows):,} cards",
        preset="vcard",
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
        ("X-CRM-CUSTOMER-EMAIL", escape(str(row.get("customer_email") or ""))),
        ("X-CRM-PRIMARY", "yes" if row.get("is_primary") else ""),
    ]
    return card(props)
