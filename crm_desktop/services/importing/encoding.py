"""Which text encoding a file is in: charset-normalizer decides, the user may overrule it.

In order (the first that applies wins):

1. A byte-order mark says it: UTF-8 (``EF BB BF``), UTF-16 LE/BE, UTF-32
   LE/BE. The mark is removed, so it never ends up in the first header's name.
2. No mark, but every other byte of the start is NUL: UTF-16 without a mark.
3. The bytes are valid UTF-8: UTF-8 (plain ASCII is valid UTF-8 too). Text
   in any other encoding is almost never valid UTF-8, and this is fast.
4. Otherwise `charset-normalizer <https://github.com/jawah/charset_normalizer>`_
   (the maintained successor of chardet) decodes the bytes in every candidate
   encoding and measures how garbled ("chaos") and how much like a language
   ("coherence") each result is. The least garbled, most coherent one wins.
   Short files often leave a tie between code pages that read the same
   letters differently (Czech in Windows-1250 or French in Windows-1252 both
   look clean): a tie goes to the code page Windows uses for the user's
   language (the ``locale`` setting: ``ru`` → Windows-1251, ``cs`` →
   Windows-1250, ``el`` → Windows-1253…), else to Windows-1252.
5. Nothing decodes (a binary file): Windows-1252 with the five bytes it
   leaves undefined read as Latin-1, so every byte decodes.

The wizard shows the guess and offers the other encodings
(:data:`CHOICES`); the command line takes ``--encoding``.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from crm_desktop.i18n import N_, _
from crm_desktop.services.locale_facts import grouped

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8 with BOM"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 (little-endian)"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 (big-endian)"),
)

# The encodings the wizard offers, by the names people know them.
CHOICES: dict[str, str] = {
    "utf-8": N_("UTF-8"),
    "utf-16": N_("UTF-16"),
    "cp1252": N_("Windows-1252 (Western European)"),
    "cp1250": N_("Windows-1250 (Central European)"),
    "cp1251": N_("Windows-1251 (Cyrillic)"),
    "cp1253": N_("Windows-1253 (Greek)"),
    "cp1254": N_("Windows-1254 (Turkish)"),
    "cp1255": N_("Windows-1255 (Hebrew)"),
    "cp1256": N_("Windows-1256 (Arabic)"),
    "cp1257": N_("Windows-1257 (Baltic)"),
    "cp1258": N_("Windows-1258 (Vietnamese)"),
    "koi8_r": N_("KOI8-R (Russian)"),
    "koi8_u": N_("KOI8-U (Ukrainian)"),
    "cp866": N_("DOS 866 (Cyrillic)"),
    "cp850": N_("DOS 850 (Western European)"),
    "mac_roman": N_("Mac Roman"),
    "iso8859_1": N_("ISO-8859-1 (Latin-1)"),
    "iso8859_2": N_("ISO-8859-2 (Latin-2)"),
    "iso8859_5": N_("ISO-8859-5 (Cyrillic)"),
    "iso8859_7": N_("ISO-8859-7 (Greek)"),
    "iso8859_15": N_("ISO-8859-15 (Latin-9)"),
    "gb18030": N_("GB18030 (Simplified Chinese)"),
    "big5": N_("Big5 (Traditional Chinese)"),
    "cp932": N_("Shift_JIS (Japanese)"),
    "euc_jp": N_("EUC-JP (Japanese)"),
    "cp949": N_("EUC-KR (Korean)"),
    "cp874": N_("Windows-874 (Thai)"),
}

# The ANSI code page Windows uses for a language: what Excel writes "CSV" in.
_CODE_PAGE_OF_LANGUAGE = {
    **dict.fromkeys(("ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn"), "cp1251"),
    **dict.fromkeys(("cs", "sk", "pl", "hu", "hr", "sl", "ro", "bs", "sq"), "cp1250"),
    "el": "cp1253",
    **dict.fromkeys(("tr", "az"), "cp1254"),
    **dict.fromkeys(("he", "yi"), "cp1255"),
    **dict.fromkeys(("ar", "fa", "ur"), "cp1256"),
    **dict.fromkeys(("et", "lv", "lt"), "cp1257"),
    "vi": "cp1258",
    "th": "cp874",
    "ja": "cp932",
    "ko": "cp949",
}
_CHAOS_TIE = 0.01
_COHERENCE_TIE = 0.1


@dataclass(frozen=True)
class Decoded:
    """A file's text and how it was read (``label`` is what the wizard shows)."""

    text: str
    encoding: str
    label: str


def _latin1_fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return bytes(bad).decode("latin-1"), error.end


codecs.register_error("crm-latin1", _latin1_fallback)


def code_page_for(locale_name: str | None) -> str:
    """The Windows code page of a locale's language (``ru_RU`` → ``cp1251``)."""
    if not locale_name:
        return "cp1252"
    language = locale_name.replace("-", "_").split("_")[0].lower()
    if language == "zh":
        traditional = any(part in locale_name.upper() for part in ("TW", "HK", "MO", "HANT"))
        return "big5" if traditional else "gb18030"
    return _CODE_PAGE_OF_LANGUAGE.get(language, "cp1252")


def label_of(encoding: str) -> str:
    """How an encoding is named to the user."""
    name = normal_name(encoding)
    return CHOICES.get(name, encoding)


def normal_name(encoding: str) -> str:
    """Our name of a codec: ``windows-1251``, ``CP1251``, ``cp1251`` → ``cp1251``."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return encoding
    aliases = {
        "latin-1": "iso8859_1",
        "iso8859-1": "iso8859_1",
        "utf-8": "utf-8",
        "shift_jis": "cp932",
        "euc_kr": "cp949",
        "gbk": "gb18030",
        "gb2312": "gb18030",
    }
    name = aliases.get(name, name)
    return name.replace("iso8859-", "iso8859_")


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 8:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.7 * half and even_nuls < 0.1 * half:
        return "utf-16-le"
    if even_nuls > 0.7 * half and odd_nuls < 0.1 * half:
        return "utf-16-be"
    return None


def detect(data: bytes, *, locale_name: str | None = None) -> str:
    """The codec of ``data`` without a BOM: UTF-8 when valid, else charset-normalizer's pick."""
    codec16 = _utf16_without_bom(data)
    if codec16 is not None:
        return codec16
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # imported on first use: not needed at start-up

    results = list(from_bytes(data))
    if not results:
        return "cp1252"
    least = min(match.chaos for match in results)
    tied = [match for match in results if match.chaos <= least + _CHAOS_TIE]
    most = max(match.coherence for match in tied)
    tied = [match for match in tied if match.coherence >= most - _COHERENCE_TIE]
    preferred = [code_page_for(locale_name), "cp1252"]

    def rank(match: object) -> tuple[int, int]:
        names = [normal_name(n) for n in (match.encoding, *match.could_be_from_charset)]  # type: ignore[attr-defined]
        for place, name in enumerate(preferred):
            if name in names:
                return place, 0
        return len(preferred), tied.index(match)  # type: ignore[arg-type]

    best = min(tied, key=rank)
    names = [normal_name(n) for n in (best.encoding, *best.could_be_from_charset)]
    for name in preferred:  # the same text under a better-known name
        if name in names:
            return name
    return normal_name(best.encoding)


def decode(data: bytes, *, locale_name: str | None = None) -> Decoded:
    """The text of ``data`` by the rule in this module's docstring."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(codec), codec, label)
            except UnicodeDecodeError as exc:
                # A mark followed by something else: read what can be read, say so.
                text = data[len(bom) :].decode(codec, errors="replace")
                return Decoded(text, codec, _undecodable(label, exc.start))
    codec = detect(data, locale_name=locale_name)
    return _decode_in(data, codec)


def _undecodable(label: str, offset: int) -> str:
    return _("{encoding} (with undecodable bytes at {offset})").format(
        encoding=_(label), offset=grouped(offset)
    )


def _decode_in(data: bytes, codec: str) -> Decoded:
    errors = "strict" if codec.startswith("utf") else "crm-latin1"
    try:
        text = data.decode(codec, errors=errors)
    except UnicodeDecodeError as exc:
        text = data.decode(codec, errors="replace")
        return Decoded(text, codec, _undecodable(label_of(codec), exc.start))
    if codec == "cp1252":
        return Decoded(text, codec, "Windows-1252 (Western European)")
    return Decoded(text, codec, label_of(codec))


def decode_as(data: bytes, encoding: str, *, locale_name: str | None = None) -> Decoded:
    """The text of ``data`` in the encoding the user chose (``auto``: detected)."""
    if encoding == "auto":
        return decode(data, locale_name=locale_name)
    try:
        codec = normal_name(encoding)
        codecs.lookup(codec)
    except LookupError:
        from crm_desktop.errors import CrmError

        raise CrmError(
            _(
                "“{encoding}” is not an encoding this program knows; try utf-8, cp1251 or cp1252."
            ).format(encoding=encoding)
        ) from None
    for bom, _codec, _label in _BOMS:
        if data.startswith(bom) and codec.startswith("utf"):
            return decode(data)
    if codec == "utf-16":
        codec = _utf16_without_bom(data) or "utf-16-le"
    decoded = _decode_in(data, codec)
    return Decoded(decoded.text.lstrip("\ufeff"), decoded.encoding, decoded.label)
