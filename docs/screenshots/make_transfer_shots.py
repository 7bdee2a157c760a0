"""Screenshots of the import wizard's columns page and of the duplicates view.

    xvfb-run -a -s "-screen 0 1400x900x24" python docs/screenshots/make_transfer_shots.py

Builds a throwaway database (demo data and three near-identical bakeries),
writes a German Windows-1252 ``;`` CSV with a bad email, opens the wizard
on it and the duplicates view, and saves ``import-mapping.png`` and
``duplicates.png`` beside this script.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
WORK = Path(tempfile.mkdtemp(prefix="crm-shots-"))
os.environ["CRM_DESKTOP_HOME"] = str(WORK / "home")

from PySide6.QtWidgets import QApplication  # noqa: E402

APP = QApplication(sys.argv)

from crm_desktop.services import demo, open_session, settings  # noqa: E402
from crm_desktop.services.customers import create_customer  # noqa: E402
from crm_desktop.ui.transfer import DuplicatesView, ImportWizard  # noqa: E402

CSV = (
    "Firma;Vorname;Nachname;E-Mail;Telefon;Handy;Stadt;Land;Notizen\r\n"
    "Bäckerei Schmidt GmbH;Anna;Schmidt;anna@baeckerei-schmidt.de;030 1234567;0171 2345678;"
    "Berlin;Deutschland;Liefert dienstags\r\n"
    "Müller & Söhne KG;Jürgen;Müller;j.mueller@mueller-soehne.de;089 765432;;München;"
    "Deutschland;\r\n"
    "Café Größenwahn;Lena;Groß;lena(at)cafe-gw.de;040 555 0101;;Hamburg;Deutschland;"
    "E-Mail prüfen\r\n"
    "Blumen Weber;Tom;Weber;tom@blumen-weber.de;0221 123456;;Köln;Deutschland;\r\n"
    "Weingut Keller;Eva;Keller;eva@weingut-keller.de;06241 98765;0160 9876543;Worms;"
    "Deutschland;\r\n"
    "Schreinerei Holz;Max;Holz;max@holz.example;0221 444 555;;Köln;Deutschland;\r\n"
)


def settle(condition=lambda: True, seconds: float = 15) -> None:
    end = time.time() + seconds
    while not condition() and time.time() < end:
        APP.processEvents()
        time.sleep(0.01)
    for _ in range(20):
        APP.processEvents()


def main() -> None:
    open_session(WORK / "demo.sqlite3")
    settings.set_many({"phone_region": "DE", "currency": "EUR", "locale": "de_DE"})
    demo.generate(customers=400, seed=5, on=date(2026, 6, 15))
    create_customer(
        {"name": "Bäckerei Schmidt GmbH", "email": "info@baeckerei-schmidt.de", "city": "Berlin"}
    )
    create_customer(
        {
            "name": "Baeckerei Schmidt",
            "email": "kontakt@baeckerei-schmidt.de",
            "city": "Berlin",
            "phone": "+49 30 1234567",
        }
    )
    create_customer({"name": "Schmidt Bäckerei", "phone": "+49 30 1234567", "city": "Berlin"})
    source = WORK / "Kontakte.csv"
    source.write_bytes(CSV.encode("cp1252"))
    wizard = ImportWizard(path=source)
    wizard.resize(1060, 720)
    wizard.show()
    wizard.next()
    settle(lambda: wizard.currentPage() is wizard.mapping_page)
    wizard.grab().save(str(HERE / "import-mapping.png"))
    view = DuplicatesView()
    view.resize(1060, 640)
    view.show()
    view.find()
    settle(lambda: view.tree.topLevelItemCount() > 0)
    view.select_group(0)
    settle()
    view.grab().save(str(HERE / "duplicates.png"))


if __name__ == "__main__":
    main()
