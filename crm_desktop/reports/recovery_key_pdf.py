"""The recovery key of an encrypted database, on one page to print and keep.

The page names the file and the day, shows the key large in a monospaced
face (no 0/O or 1/I doubt: base32 has neither 0 nor 1), and says in plain
words what it is for and where to keep it. It is a secret: the file is
written private to the user whatever the umask.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdf_canvas

from crm_desktop.i18n import _, system_locale_name
from crm_desktop.reports import fonts
from crm_desktop.safe_files import write_bytes
from crm_desktop.services.locale_format import format_date


def recovery_key_pdf(target: Path, recovery_key: str, database: Path, *, on: date) -> Path:
    """Write the page to ``target`` (private); returns ``target``."""
    fonts.register_fonts()
    database = Path(database).absolute()
    buffer = io.BytesIO()
    page = pdf_canvas.Canvas(buffer, pagesize=A4)
    page.setTitle(_("CRM Desktop recovery key"))
    width, height = A4
    left, y = 20 * mm, height - 30 * mm
    fonts.draw(page, left, y, _("CRM Desktop — recovery key"), 18, bold=True)
    y -= 12 * mm
    for line in (
        _("Database: {name}").format(name=database.name),
        _("Folder: {folder}").format(folder=str(database.parent)),
        _("Printed on {day}").format(day=format_date(on, system_locale_name())),
    ):
        for part in fonts.wrap(line, width - 2 * left, 10):
            fonts.draw(page, left, y, part, 10)
            y -= 5.5 * mm
    y -= 8 * mm
    groups = recovery_key.split("-")
    page.setFont("Courier-Bold", 17)
    for start in range(0, len(groups), 4):
        page.drawString(left, y, "  ".join(groups[start : start + 4]))
        y -= 10 * mm
    y -= 6 * mm
    advice = _(
        "This key opens the database and every backup made from it. CRM Desktop keeps it in "
        "this computer's keyring; you need this page when that is gone: on a new computer, "
        "after reinstalling the system, or to open a backup elsewhere. Without the key, "
        "nobody can read the data, not even you, and nobody can recover it for you. "
        "Keep this page somewhere safe and apart from the laptop (a drawer at the office, "
        "a safe), and do not keep it as a file on the same laptop."
    )
    for part in fonts.wrap(advice, width - 2 * left, 11):
        fonts.draw(page, left, y, part, 11)
        y -= 6 * mm
    page.showPage()
    page.save()
    write_bytes(target, buffer.getvalue(), private=True)
    return target
