"""Screenshots of the customer page, the pipeline board and the order form (not a test).

Run under a real X server so fonts and styles are the desktop's:

    xvfb-run -a -s "-screen 0 1400x900x24" /work/venv/bin/python tests/ui_forms/forms_screenshots.py

It builds a sample database (``demo.generate(customers=2000)``) in a temporary
folder and saves ``docs/screenshots/customer-detail.png``, ``pipeline.png`` and
``order-form.png``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    home = tempfile.mkdtemp(prefix="crm-shots-")
    os.environ["CRM_DESKTOP_HOME"] = home
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv)
    app.setApplicationName("CRM Desktop")

    from crm_desktop.services import demo, listing, open_session, settings

    open_session(Path(home) / "demo.sqlite3")
    settings.set_many({"currency": "USD", "locale": "en_US", "phone_region": "US"})
    demo.generate(customers=2000, seed=7, on=date.today())
    OUT.mkdir(parents=True, exist_ok=True)

    def settle(ms: int = 300) -> None:
        loop_end = QTimer()
        loop_end.setSingleShot(True)
        loop_end.start(ms)
        while loop_end.isActive():
            app.processEvents()

    # The customer with the richest history makes the most telling page...
    busy: Counter[int] = Counter()
    for entity in ("sales_order", "interaction", "deal", "task", "contact", "service_case"):
        rows = listing.fetch_rows(entity, listing.list_ids(entity), ["customer_id"])
        busy.update(row["customer_id"] for row in rows if row["customer_id"])
    open_deals = listing.ListQuery(filters={"open": True})
    with_open_deal = {
        row["customer_id"]
        for row in listing.fetch_rows("deal", listing.list_ids("deal", open_deals), ["customer_id"])
    }
    customer_id = next(cid for cid, _n in busy.most_common() if cid in with_open_deal)
    # ...right after a call: logged, the deal moved on, the lead now a customer.
    from crm_desktop.services import customers, deals, interactions

    deal_id = next(
        row["id"]
        for row in listing.fetch_rows("deal", listing.list_ids("deal", open_deals), ["customer_id"])
        if row["customer_id"] == customer_id
    )
    from crm_desktop.services import tasks

    deals.move_deal(deal_id, "proposal")
    customers.update_customer(customer_id, {"status": "active"})
    friday = date.today() + timedelta(days=(4 - date.today().weekday()) % 7 or 7)
    tasks.create_task(
        {
            "title": "Send the revised quote",
            "customer_id": customer_id,
            "deal_id": deal_id,
            "due_date": friday.isoformat(),
            "priority": "high",
        }
    )
    interactions.log_interaction(
        {
            "customer_id": customer_id,
            "kind": "call",
            "subject": "Agreed on the volume discount",
            "notes": "Send the revised quote by Friday; they sign next week.",
        }
    )

    from crm_desktop.ui.customers.detail import CustomerDetailPage

    page = CustomerDetailPage()
    page.resize(1200, 760)
    page.show_customer(customer_id)
    page.show()
    page.tabs.setCurrentIndex(3)  # tasks
    settle()
    page.grab().save(str(OUT / "customer-detail.png"))

    from crm_desktop.ui.deals.board import PipelineBoard

    board = PipelineBoard()
    board.resize(1380, 820)
    board.show()
    board.refresh()
    settle(1500)
    board.grab().save(str(OUT / "pipeline.png"))

    from crm_desktop.ui.forms.sales_order import OrderForm

    order_ids = listing.list_ids("sales_order")
    counts = listing.fetch_rows("sales_order", order_ids, ["line_count"])
    order_id = max(counts, key=lambda row: (row["line_count"], row["id"]))["id"]
    form = OrderForm(None, record_id=order_id)
    form.resize(900, 600)
    form.show()
    form.lines_view.clearSelection()
    form.slots["notes"].editor.setFocus()
    settle()
    form.grab().save(str(OUT / "order-form.png"))
    form.mark_clean()
    form.close()
    print("\n".join(str(OUT / name) for name in ("customer-detail.png", "pipeline.png",
                                                  "order-form.png")))  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
