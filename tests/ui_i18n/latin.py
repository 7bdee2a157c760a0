"""Finding English words left on screen, with the names and codes that stay as they are."""

from __future__ import annotations

import re

# Proper names, codes and formats that every language writes the same way.
ALLOWED_WORDS = {
    "CRM", "Desktop", "PDF", "CSV", "Excel", "xlsx", "csv", "pdf", "vCard", "vCards", "vcf",
    "JSON", "json", "SQLite", "sqlite", "Google", "Outlook", "Thunderbird", "Apple", "ABC",
    "XYZ", "SKU", "VAT", "INN", "KPP", "USCC", "ISO", "UTC", "Ctrl", "Shift", "Alt", "Esc",
    "Del", "Delete", "Enter", "Return", "Tab", "Backspace", "PgUp", "PgDown", "Home", "End",
    "Space", "Left", "Right", "Up", "Down", "Meta", "Ins", "Insert", "Qt", "PNG", "JPEG",
    "png", "jpg", "jpeg", "USB", "Print", "F1", "F2", "F5", "UTF", "cp1251", "PySide",
    "id", "ID", "OK",
    "Letter",  # the paper size's name (A4, Letter)
    "root",  # Qt's file dialog names its top folder so
    "English",  # the language, in its own name, in the choice of language
    "Windows", "Mac", "Roman", "Big", "GB", "KOI", "JIS",  # encodings' names (Windows-1251, Mac Roman, Big5)
}  # fmt: skip
_SKIP = re.compile(
    r"[\w.+-]+@[\w-]+(\.[\w-]+)+"  # email
    r"|https?://\S+|www\.\S+|\b[\w-]+\.(com|org|net)\b"  # web address
    r"|\S+\.(sqlite3|pdf|csv|xlsx|vcf|json|png|jpg|log|txt|crm-backup)\b"  # file names
    r"|(/|[A-Z]:\\)\S+"  # paths
    r"|\b[a-z]{2,3}_[A-Z]{2}\b"  # locale codes
    r"|\b[A-Z]{2,4}\b"  # currency, country and other codes
    r"|\*\.\w+"  # file patterns
    r"|\bKey_\w+"
    r"|\bcrm-desktop( \w+)?"  # the command line and its commands
)
WORD = re.compile(r"[A-Za-z]{2,}")


def english_words(text: str) -> list[str]:
    """The Latin words of ``text`` that are not names, codes or addresses."""
    rest = _SKIP.sub(" ", text)
    return [w for w in WORD.findall(rest) if w not in ALLOWED_WORDS]
