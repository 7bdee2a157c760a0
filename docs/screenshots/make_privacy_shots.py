"""Screenshots of docs/privacy.md: the customer page (Personal data) and the erase confirmation.

Run: ``xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python
docs/screenshots/make_privacy_shots.py`` (a throwaway database under /tmp).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

WORK = Path(tempfile.mkdtemp(prefix="privacy-shots-"))
os.environ["CRM_DESKTOP_HOME"] = str(WORK / "home")
OUT = Path(__file__).resolve().parent


def main() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from crm_desktop.services import contacts, customers, deals, open_session, person_data, settings
    from crm_desktop.services.backups import create_backup

    db = WORK / "crm.sqlite3"
    open_session(db)
    settings.set_many({"phone_region": "US", "currency": "USD", "locale": "en_US"})
    c = customers.create_customer(
        {"name": "Иван Петров", "email": "ivan@example.com", "city": "Москва"}
    )
    contacts.create_contact({"customer_id": c, "name": "Мария Петрова"})
    deals.create_deal({"title": "Office chairs", "customer_id": c, "amount_cents": 120000})
    create_backup(db, reason="daily")
    app = QApplication(sys.argv)
    from crm_desktop.ui.customers import person_actions
    from crm_desktop.ui.customers.detail import CustomerDetailPage

    page = CustomerDetailPage()
    page.resize(1100, 700)
    page.show_customer(c)
    page.show()

    def grab() -> None:
        page.grab().save(str(OUT / "privacy-customer-page.png"))
        report = person_data.preview_erasure("customer", c)
        box = QMessageBox(page)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Erase this person")
        box.setText(f"Erase “{report.label}” for good?")
        box.setInformativeText(person_actions.describe_erasure(report))
        box.addButton("Erase for good", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.show()
        QTimer.singleShot(
            300, lambda: (box.grab().save(str(OUT / "privacy-erase-confirm.png")), app.quit())
        )

    QTimer.singleShot(500, grab)
    app.exec()


if __name__ == "__main__":
    main()
