"""Forms, the customer page and the pipeline board on the 100,000-customer demo database.

    xvfb-run -a /work/venv/bin/python bench/bench_forms.py     (or QT_QPA_PLATFORM=offscreen)

The brief's rule for these screens is "never block the GUI thread on work
that can take over 100 ms", and search-as-you-type (a picker) ≤ 50 ms a
keystroke. The board's data (figures and ~30,000 deal ids) is read off the
GUI thread; what the GUI thread does is timed separately from it. The demo
database is copied first: opening a database may write to it.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import demo_database, median, percentile, report

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    source = demo_database()
    work = Path(tempfile.mkdtemp(prefix="crm-bench-forms-"))
    path = work / "demo.sqlite3"
    shutil.copyfile(source, path)
    os.environ["CRM_DESKTOP_HOME"] = str(work / "home")

    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from crm_desktop.services import customers, listing, open_session

    open_session(path)
    from crm_desktop.services import figures

    deal_count = sum(f.count for f in figures.pipeline())
    print(f"# {source.name}: {deal_count:,} deals", flush=True)

    # --- the pipeline board ---------------------------------------------------------
    from crm_desktop.ui.deals import board as board_module
    from crm_desktop.ui.deals.board import PipelineBoard

    board = PipelineBoard()
    board.resize(1380, 820)
    board.show()
    worker, applied, painted = [], [], []
    for _ in range(5):
        started = time.perf_counter()
        data = board_module.load_board()
        worker.append(time.perf_counter() - started)
        for column in board.columns.values():
            column.model.set_ids([])
        started = time.perf_counter()
        board._job = None
        board._loaded(data)
        applied.append(time.perf_counter() - started)
        started = time.perf_counter()
        board.grab()  # lays out and paints every visible card
        painted.append(time.perf_counter() - started)
    report("board: read figures, ids, first cards (worker)", median(worker) * 1000, "ms")
    report("board: apply on the GUI thread", median(applied) * 1000, "ms", budget=100)
    report("board: first paint of the six columns", median(painted) * 1000, "ms", budget=100)
    loop = QEventLoop()
    board.refreshed.connect(loop.quit)
    started = time.perf_counter()
    board.refresh()
    loop.exec()
    report("board: refresh() end to end (GUI stays free)", (time.perf_counter() - started) * 1000,
           "ms")  # fmt: skip

    # scrolling a 4,500-card column to the end: lazy fetch of the cards on screen
    cards = board.columns["new"].cards
    started = time.perf_counter()
    cards.scrollToBottom()
    cards.grab()
    report("board: scroll a stage to its last card", (time.perf_counter() - started) * 1000, "ms",
           budget=100)  # fmt: skip

    # --- the customer page ------------------------------------------------------------
    from crm_desktop.ui.customers.detail import CustomerDetailPage

    page = CustomerDetailPage()
    page.resize(1200, 760)
    page.show()
    ids = listing.list_ids("customer")
    sample = ids[:: max(len(ids) // 40, 1)][:40]
    shown = []
    for customer_id in sample:
        started = time.perf_counter()
        page.show_customer(customer_id)
        page.grab()
        shown.append(time.perf_counter() - started)
    report("customer page: open (median of 40)", median(shown) * 1000, "ms", budget=100)
    report("customer page: open (p95)", percentile(shown, 95) * 1000, "ms", budget=100)

    # --- pickers and forms -------------------------------------------------------------
    queries = ["ива", "ИВАН", "zhang", "王", "smith", "gmbh", "+1 4", "müll", "北京", "ltd"]
    keystrokes = []
    for query in queries:
        for end in range(1, len(query) + 1):
            started = time.perf_counter()
            customers.customer_choices(query[:end], limit=15)
            keystrokes.append(time.perf_counter() - started)
    report("customer picker: one keystroke (median)", median(keystrokes) * 1000, "ms", budget=50)
    report("customer picker: one keystroke (p95)", percentile(keystrokes, 95) * 1000, "ms",
           budget=50)  # fmt: skip

    from crm_desktop.services import products

    product_keys = []
    for query in ["wid", "desk", "кофе", "办公", "pro"]:
        for end in range(1, len(query) + 1):
            started = time.perf_counter()
            products.product_choices(query[:end], limit=15)
            product_keys.append(time.perf_counter() - started)
    report("product picker: one keystroke (median)", median(product_keys) * 1000, "ms", budget=50)

    from crm_desktop.ui.forms.sales_order import OrderForm

    new_forms = []
    for _ in range(5):
        started = time.perf_counter()
        form = OrderForm(None)
        form.show()
        form.grab()
        new_forms.append(time.perf_counter() - started)
        form.close()
        form.deleteLater()
    report("order form: open a new order", statistics.median(new_forms) * 1000, "ms", budget=100)
    order_ids = listing.list_ids("sales_order")
    opened = []
    for order_id in order_ids[:: max(len(order_ids) // 20, 1)][:20]:
        started = time.perf_counter()
        form = OrderForm(None, record_id=order_id)
        form.show()
        form.grab()
        opened.append(time.perf_counter() - started)
        form.mark_clean()
        form.close()
        form.deleteLater()
    report("order form: open an order with its lines", statistics.median(opened) * 1000, "ms",
           budget=100)  # fmt: skip
    board.close()
    page.close()
    app.processEvents()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
