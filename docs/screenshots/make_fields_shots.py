"""Screenshots of docs/fields.md: Preferences → Fields, a list with two custom columns, the
filters on custom fields in the filter bar, and the sidebar with saved views.

Run: ``xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python
docs/screenshots/make_fields_shots.py`` (a throwaway demo database under /tmp).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

WORK = Path(tempfile.mkdtemp(prefix="fields-shots-"))
os.environ["CRM_DESKTOP_HOME"] = str(WORK / "home")
os.environ["CRM_DESKTOP_AUTO_BACKUP"] = "0"
OUT = Path(__file__).resolve().parent


def pump(app, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.005)


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from crm_desktop.models import close_database, database
    from crm_desktop.services import custom_fields, demo, listing, open_session, saved_views
    from crm_desktop.services.changes import transaction

    db = WORK / "crm.sqlite3"
    open_session(db)
    demo.generate(customers=300, seed=3, on=date(2026, 12, 5))
    vat = custom_fields.create_field("customer", "VAT number", "text", searchable=True)
    tier = custom_fields.create_field(
        "customer", "Tier", "choice", choices=["Gold", "Silver", "Bronze"]
    )
    credit = custom_fields.create_field("customer", "Credit limit", "money")
    custom_fields.create_field("customer", "Newsletter", "yes_no")
    custom_fields.create_field("deal", "Region", "choice", choices=["North", "South"])
    ids = [row[0] for row in database.execute_sql("SELECT id FROM customer ORDER BY id")]
    with transaction():
        custom_fields.write_many(
            "customer",
            (
                (i, {f"cf_{vat}": f"DE{100000000 + i * 7919 % 899999999}",
                     f"cf_{tier}": ("Gold", "Silver", "Bronze")[i % 3],
                     f"cf_{credit}": (i * 104729) % 5_000_000})
                for i in ids
                if i % 4
            ),
        )  # fmt: skip
    saved_views.save_view(
        "customer",
        "Gold customers",
        listing.ListQuery(filters={f"cf_{tier}": "Gold"}, sort=f"cf_{vat}"),
        ["name", "status", "city", f"cf_{vat}", f"cf_{tier}"],
    )
    saved_views.save_view(
        "customer", "Leads", listing.ListQuery(filters={"status": "lead"}, sort="name")
    )
    saved_views.save_view(
        "task", "Overdue", listing.ListQuery(filters={"overdue": True}, sort="due_date")
    )
    close_database()

    app = QApplication(sys.argv)

    from crm_desktop.ui.main_window import MainWindow

    window = MainWindow(db)
    window.resize(1500, 820)
    window.show()
    pump(app, 2.0)
    # A list with two custom columns: the saved view that shows them.
    view_id = saved_views.find_view("customer", "Gold customers").id
    window.saved_views.open_view(view_id)
    pump(app, 2.0)
    window.grab().save(str(OUT / "custom-columns.png"))
    window.sidebar.grab().save(str(OUT / "saved-views-sidebar.png"))
    # The view's filter on Tier shows in the bar; the user adds a range on Credit limit.
    page = window.current_list()
    credit_filter = page.filter_bar.add_custom_filter(f"cf_{credit}")
    credit_filter.edits[0].setText("10 000")
    credit_filter.edits[1].setText("abc")  # shown red, with what is wrong in its tool tip
    credit_filter.flush()
    pump(app, 1.5)
    window.grab().save(str(OUT / "custom-filters.png"))
    credit_filter.edits[1].setText("30000")
    credit_filter.flush()
    pump(app, 1.5)
    page.grab().save(str(OUT / "custom-filters-range.png"))

    from crm_desktop.ui.preferences.dialog import PreferencesDialog

    dialog = PreferencesDialog(window)
    dialog.tabs.setCurrentWidget(dialog.fields_page)
    dialog.fields_page.list.setCurrentRow(1)
    dialog.resize(900, 560)
    dialog.show()
    pump(app, 1.0)
    dialog.grab().save(str(OUT / "preferences-fields.png"))
    dialog.close()
    window.close()


if __name__ == "__main__":
    main()
