"""vCard content lines as real phones and mail programs write them (2.1, 3.0, 4.0).

The grammar is small (``[group.]NAME[;PARAM…]:VALUE``, RFC 6350 §3.3 and
vCard 2.1 §2), but the files people have bend it, and a general library
(vobject) refuses or cuts what they write. This reader takes the file's
*bytes* and is lenient where the writers are:

* **folding** — a line starting with a space or tab continues the one
  before (3.0/4.0 drop that one character; 2.1 keeps it, as its spec says);
* **quoted-printable** (Android, Outlook, Nokia write 2.1 this way): a
  value ending in ``=`` continues on the next line, joined *before*
  decoding, so a break inside a UTF-8 character costs nothing; the bytes
  are then decoded with the property's ``CHARSET``, else UTF-8, else the
  file's own encoding;
* **base64 blocks** (photos, keys): 2.1 writers put them on lines that are
  not indented and end them with a blank line; every line without a colon
  after such a property belongs to it. Binary values are not kept (the
  schema has no place for a photo) and are counted instead;
* **parameters** without a name (``TEL;CELL;PREF``), in any case
  (``type=work``), quoted or not; a ``:`` inside an unquoted ``LABEL=`` of
  an address (ez-vcard issue 114) is told from the real separator by the
  address's seven parts;
* **escapes** ``\\n`` ``\\,`` ``\\;`` ``\\:`` ``\\\\`` are undone in every
  value; single-valued properties keep their commas (``FN:Doe, John``).

A card's text (for the refused-rows file) is kept whole.
"""

from __future__ import annotations

import base64
import binascii
import quopri
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

BINARY = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})
# BEGIN and END in any case, even with a group (``home.begin:vcard``, RFC 2425 allows it).
_BEGIN = re.compile(rb"^\s*(?:[A-Za-z0-9-]+\.)?BEGIN\s*:\s*VCARD\s*$", re.IGNORECASE)
_END = re.compile(rb"^\s*(?:[A-Za-z0-9-]+\.)?END\s*:\s*VCARD\s*$", re.IGNORECASE)
_VERSION = re.compile(rb"^\s*VERSION\s*:\s*([0-9.]+)", re.IGNORECASE)
_ENCODINGS = {"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"}
_STRUCTURE = {"ADR": 7, "N": 5}
# Values whose ";" or "," separate parts: quoted-printable text keeps those separators.
_LISTS = frozenset({"N", "ADR", "ORG", "CATEGORIES"})


@dataclass
class Property:
    """One content line: its group (``item1``), name, parameters and value as text."""

    group: str
    name: str
    params: dict[str, list[str]]
    value: str  # still escaped: structured values are split before unescaping
    binary: bool = False

    def param(self, key: str) -> list[str]:
        return self.params.get(key, [])

    @property
    def types(self) -> list[str]:
        return [t.lower() for value in self.param("TYPE") for t in value.split(",") if t]


@dataclass
class Card:
    """One BEGIN…END block: where it starts, its text, version and properties."""

    line: int
    text: str
    version: str = ""
    properties: list[Property] = field(default_factory=list)
    problem: str | None = None  # why the card cannot be read at all
    stray: list[str] = field(default_factory=list)  # lines that are no property


def split_cards(data: bytes) -> Iterator[tuple[int, list[bytes], str | None]]:
    """(first line number, the card's lines, a problem or None) for each card."""
    lines = data.splitlines()
    start: int | None = None
    depth = 0
    for index, line in enumerate(lines):
        if _BEGIN.match(line):
            if start is None:
                start, depth = index, 1
            else:
                depth += 1  # a 2.1 AGENT holds a whole card inside the card
        elif _END.match(line) and start is not None:
            depth -= 1
            if depth == 0:
                yield start + 1, lines[start : index + 1], None
                start = None
    if start is not None:
        yield start + 1, lines[start:], "this card has no END:VCARD (the file is cut short?)"


def unescape(value: str, *, newlines: bool = True) -> str:
    """``\\n`` → line break, ``\\,`` ``\\;`` ``\\:`` ``\\\\`` → the character."""
    if "\\" not in value:
        return value
    out = []
    chars = iter(value)
    for ch in chars:
        if ch != "\\":
            out.append(ch)
            continue
        nxt = next(chars, "")
        if nxt in "nN" and newlines:
            out.append("\n")
        elif nxt in ",;:\\\"'":
            out.append(nxt)
        else:
            out.append("\\" + nxt)
    return "".join(out)


def split_unescaped(value: str, separator: str) -> list[str]:
    """``value`` split at every ``separator`` not preceded by a backslash."""
    parts: list[str] = []
    current: list[str] = []
    escaped = False
    for ch in value:
        if escaped:
            current.append("\\" + ch)
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    if escaped:
        current.append("\\")
    parts.append("".join(current))
    return parts


class _Decoder:
    """Bytes of one value → text: the CHARSET parameter, else UTF-8, else the file's."""

    def __init__(self, fallback: str, forced: str | None):
        self.fallback = fallback
        self.forced = forced

    def text(self, data: bytes, charset: str | None) -> str:
        # Windows-1252 last: quoted-printable Latin-1 (=E9) in an otherwise ASCII file.
        tried = [self.forced] if self.forced else [charset, "utf-8", self.fallback, "cp1252"]
        for codec in tried:
            if not codec:
                continue
            try:
                return data.decode(codec)
            except (UnicodeDecodeError, LookupError):
                continue
        return data.decode(self.fallback or "cp1252", errors="replace")


def _split_name_value(line: bytes, name_hint: str = "") -> tuple[bytes, bytes] | None:
    """The property's name-and-parameters part and its value (None: no colon)."""
    parts = _STRUCTURE.get(name_hint, 0)
    quoted = False
    colons = []
    for index, byte in enumerate(line):
        if byte == 0x22:  # "
            quoted = not quoted
        elif byte == 0x3A and not quoted:  # :
            colons.append(index)
            if not parts:
                break
    if not colons:
        return None
    split = colons[0]
    if parts and len(colons) > 1:
        # An unquoted parameter with a colon in it (ADR;LABEL=a:b:;;street;…): the real
        # separator is the colon after which the value has the address's parts.
        for candidate in colons:
            if line[candidate + 1 :].count(b";") == parts - 1:
                split = candidate
                break
    return line[:split], line[split + 1 :]


def _params(raw: list[str]) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for item in raw:
        if not item.strip():
            continue
        key, sep, value = item.partition("=")
        if sep:
            key = key.strip().upper()
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] == '"':
                value = value[1:-1]
        else:  # vCard 2.1: a parameter without a name is a type or an encoding
            value = key.strip()
            key = "ENCODING" if value.upper() in _ENCODINGS else "TYPE"
        params.setdefault(key, []).append(value)
    return params


def _split_params(head: str) -> list[str]:
    items: list[str] = []
    current: list[str] = []
    quoted = False
    for ch in head:
        if ch == '"':
            quoted = not quoted
            current.append(ch)
        elif ch == ";" and not quoted:
            items.append("".join(current))
            current = []
        else:
            current.append(ch)
    items.append("".join(current))
    return items


def _head_name(line: bytes) -> str:
    head = re.match(rb"^\s*([A-Za-z0-9_.-]+)", line)
    if not head:
        return ""
    return head.group(1).rsplit(b".", 1)[-1].upper().decode("ascii")


def _encoding_of(head: bytes) -> str:
    upper = head.upper()
    if b"QUOTED-PRINTABLE" in upper:
        return "qp"
    if re.search(rb";\s*(ENCODING\s*=\s*)?(BASE64|B)\s*(;|$)", upper):
        return "b64"
    return ""


def _logical_lines(lines: list[bytes], version: str) -> Iterator[tuple[bytes, str]]:
    """Unfolded content lines with their encoding (``qp``, ``b64`` or ``""``)."""
    keep_space = version.startswith("2")
    current: bytes | None = None
    encoding = ""
    for line in lines:
        if current is not None and encoding == "b64":
            stripped = line.strip()
            if not stripped:  # a blank line ends a 2.1 base64 block
                yield current, encoding
                current, encoding = None, ""
                continue
            if b":" not in stripped or line[:1] in (b" ", b"\t"):
                current += stripped
                continue
        if current is not None and encoding == "qp" and current.rstrip().endswith(b"="):
            current = current.rstrip()[:-1] + line  # a soft line break: joined before decoding
            continue
        if line[:1] in (b" ", b"\t") and current is not None:
            current += line if keep_space else line[1:]
            continue
        if current is not None:
            yield current, encoding
        if not line.strip():
            current, encoding = None, ""
            continue
        current = line
        parts = _split_name_value(line)
        encoding = _encoding_of(parts[0]) if parts else ""
    if current is not None:
        yield current, encoding


def parse_card(first_line: int, lines: list[bytes], problem: str | None, decoder: _Decoder) -> Card:
    """One card's properties, decoded and unfolded (escapes still in the values)."""
    card = Card(first_line, decoder.text(b"\r\n".join(lines), None), problem=problem)
    for line in lines:
        found = _VERSION.match(line)
        if found:
            card.version = found.group(1).decode("ascii")
            break
    body = lines[1:-1] if problem is None else lines[1:]
    depth = 0
    for raw, encoding in _logical_lines(body, card.version):
        if _BEGIN.match(raw):
            depth += 1
            continue
        if _END.match(raw):
            depth = max(depth - 1, 0)
            continue
        if depth:  # the lines of a card inside an AGENT property
            continue
        parts = _split_name_value(raw, _head_name(raw))
        if parts is None:
            card.stray.append(decoder.text(raw.strip(), None))
            continue
        head, value = parts
        head_text = head.decode("ascii", errors="replace").strip()
        items = _split_params(head_text)
        name = items[0].strip()
        group, _, name = name.rpartition(".")
        name = name.upper()
        if not name or not re.fullmatch(r"[A-Z0-9-]+", name):
            card.stray.append(decoder.text(raw.strip(), None))
            continue
        params = _params(items[1:])
        charset = params["CHARSET"][0] if params.get("CHARSET") else None
        prop = Property(group, name, params, "")
        if name in BINARY:  # a photo, logo, sound or key (data or a link): not kept
            prop.binary = True
            card.properties.append(prop)
            continue
        if encoding == "b64":
            try:
                value = base64.b64decode(b"".join(value.split()), validate=False)
            except (binascii.Error, ValueError):
                prop.binary = True
                card.properties.append(prop)
                continue
            prop.value = escape_text(decoder.text(value, charset), name)
        elif encoding == "qp":
            prop.value = escape_text(decoder.text(quopri.decodestring(value), charset), name)
        else:
            prop.value = decoder.text(value, charset)
        card.properties.append(prop)
    return card


def escape_text(text: str, name: str) -> str:
    """Decoded (quoted-printable, base64) text with vCard escapes, so it unescapes to itself.

    Lists and structured values (N, ADR, ORG, CATEGORIES) keep their separators.
    """
    text = text.replace("\\", "\\\\")
    if name in _LISTS:
        return text
    return text.replace(",", "\\,").replace(";", "\\;")


def read_cards(data: bytes, *, fallback: str, forced: str | None = None) -> list[Card]:
    """Every card of a vCard file, parsed leniently (see the module docstring)."""
    decoder = _Decoder(fallback, forced)
    return [parse_card(line, lines, problem, decoder) for line, lines, problem in split_cards(data)]
