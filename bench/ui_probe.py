"""One start of the app (or of a bare PySide6 window), watched from inside: what bench_ui times.

Run as its own process by ``bench_ui.py``; it prints ``ready <epoch seconds>`` at
the moment the screen it waits for has been painted, and ``rss <MB> <what>`` for
the memory figures. The app starts through its real entry point
(``crm_desktop.cli.main``); the probe only watches paint events and, for the
customer table, does what a user does (Ctrl+2 as soon as the window takes it).

    python bench/ui_probe.py bare
    python bench/ui_probe.py floor             PySide6 alone, a screen like Today (no app code)
    python bench/ui_probe.py today DB          Today painted with its data (cards filled)
    python bench/ui_probe.py customers DB      the customer table painted with rows
    python bench/ui_probe.py memory DB [table] [noindex]
                                               RSS once Today is shown and the background
                                               work is done; [table]: then also with the
                                               customer table opened and scrolled to the end;
                                               [noindex]: the Python search index never
                                               loaded (what an index outside Python leaves)

"Painted" is the end of the first paint of the watched widgets after their data
arrived (under Xvfb the pixels are then on the X server): a zero-timer set from the
paint event fires once the whole repaint is done and flushed. ``CRM_PROBE_SHOT=FILE``
saves what the screen shows at that moment (read back from the X server under Xvfb).
"""

from __future__ import annotations

import gc
import os
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget


def _ready() -> None:
    print(f"ready {time.time():.6f}", flush=True)


def _quit() -> None:
    sys.stdout.flush()
    os._exit(0)  # the figure is taken: skip the teardown, as a timed run should


class PaintWatch(QObject):
    """Calls ``then`` once, right after the first paint of any watched widget."""

    def __init__(self, widgets: list[QWidget], then: Any):
        super().__init__()
        self.then = then
        self.fired = False
        self.widgets = widgets
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if not self.fired and event.type() == QEvent.Type.Paint:
            self.fired = True
            QTimer.singleShot(0, self.then)  # after the whole repaint (and its flush) is done
        return False


_keep: list[object] = []  # watchers must outlive the function that made them


def watch_paint(root: QWidget, then: Any) -> None:
    _keep.append(PaintWatch([root, *root.findChildren(QWidget)], then))


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def bare() -> None:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1180, 760)
    window.show()
    watch_paint(window, lambda: (_ready(), _quit()))
    app.exec()


# What the floor window shows: Today's kinds of widgets and text, constant, in four scripts.
_FLOOR_MENUS = ("&File", "&Edit", "&View", "&Records", "&Tools", "&Help")
_FLOOR_SECTIONS = (
    ("Today", "today"), ("Customers", "customers"), ("Contacts", "contacts"),
    ("Deals", "deals"), ("Orders", "orders"), ("Products", "products"), ("Tasks", "tasks"),
    ("Interactions", "interactions"), ("Campaigns", "campaigns"),
    ("Service cases", "service"), ("Trash", "trash"),
)  # fmt: skip
_FLOOR_CARDS = (
    ("Tasks due", ("Task", "Due", "Customer", "Priority"), True),
    ("Deals closing within 30 days", ("Deal", "Customer", "Stage", "Amount", "Expected"), False),
    ("Recent interactions (last 14 days)", ("Subject", "Kind", "Customer", "When"), False),
)
_FLOOR_TEXT = (
    ("Vérifier le paiement", "Étoile Immobilier SARL", "High", "$58,000.00"),
    ("Назначить демонстрацию", "ООО «Статус»", "Normal", "$4,000.00"),
    ("确认付款", "苏州市鸿运网络科技有限公司", "Low", "$101,100.00"),
    ("Send invoice", "Nova Design LLC", "Urgent", "$149,800.00"),
    ("رفوف للمستودع", "شركة الصحراء", "Normal", "$40,200.00"),
)


def floor() -> None:
    """PySide6 alone drawing a screen like Today: the same kinds of widgets (a menu bar,
    an icon sidebar, headings, three item views of 50 rows in four scripts, a status bar)
    filled with constant text. No code of the app runs: what is above this, the app adds."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction, QFont, QIcon, QKeySequence
    from PySide6.QtWidgets import (
        QFrame,
        QGridLayout,
        QHBoxLayout,
        QLabel,
        QListWidget,
        QListWidgetItem,
        QSplitter,
        QStatusBar,
        QTreeWidget,
        QTreeWidgetItem,
        QVBoxLayout,
    )

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1180, 760)
    for title in _FLOOR_MENUS:
        menu = window.menuBar().addMenu(title)
        for number in range(8):
            action = QAction(f"Command {number}…", window)
            action.setShortcut(QKeySequence(f"Ctrl+Shift+{number}"))
            menu.addAction(action)
    icons = Path(__file__).resolve().parent.parent / "resources" / "icons"
    sidebar = QListWidget()
    for name, icon_name in _FLOOR_SECTIONS:
        QListWidgetItem(QIcon(str(icons / f"{icon_name}.svg")), name, sidebar)
    sidebar.setCurrentRow(0)
    page = QWidget()
    layout = QGridLayout(page)
    heading = QLabel("Today, Sunday, December 6, 2026")
    big = QFont(heading.font())
    big.setPointSizeF(big.pointSizeF() * 1.5)
    big.setBold(True)
    heading.setFont(big)
    layout.addWidget(heading, 0, 0, 1, 2)
    layout.addWidget(QLabel("10,156 overdue · 4,238 due today · 14,655 deals closing"), 1, 0, 1, 2)
    for number, (title, columns, checkable) in enumerate(_FLOOR_CARDS):
        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        box = QVBoxLayout(card)
        top = QHBoxLayout()
        name = QLabel(f"<b>{title}</b> 50 of 14,394")
        top.addWidget(name)
        top.addStretch(1)
        top.addWidget(QLabel("All →"))
        box.addLayout(top)
        tree = QTreeWidget()
        tree.setRootIsDecorated(False)
        tree.setHeaderLabels(list(columns))
        for row in range(50):
            subject, customer, priority, amount = _FLOOR_TEXT[row % len(_FLOOR_TEXT)]
            cells = [subject, "12/6/2026", customer, priority, amount][: len(columns)]
            item = QTreeWidgetItem(tree, cells)
            if checkable:
                item.setCheckState(0, Qt.CheckState.Unchecked)
        for column in range(len(columns)):
            tree.resizeColumnToContents(column)
        box.addWidget(tree)
        layout.addWidget(card, 2 + number // 2, number % 2, 1, 2 if number == 2 else 1)
    splitter = QSplitter()
    splitter.addWidget(sidebar)
    splitter.addWidget(page)
    splitter.setSizes([180, 1000])
    window.setCentralWidget(splitter)
    status = QStatusBar()
    status.addPermanentWidget(QLabel("demo.sqlite3"))
    window.setStatusBar(status)
    window.show()
    watch_paint(window, lambda: (_ready(), shoot(window), _quit()))
    app.exec()


class _WhenImported:
    """A module finder that calls ``then(module)`` once ``name`` has been imported by the
    app itself: the probe imports nothing of the app before its entry point, so the app
    starts in its own order (its main window after the application object, its garbage
    collector settings from the first line of ``cli.main``)."""

    def __init__(self, name: str, then: Any):
        self.name, self.then = name, then
        if name in sys.modules:  # imported already (a script that runs the probe)
            then(sys.modules[name])
        else:
            sys.meta_path.insert(0, self)

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name != self.name:
            return None
        sys.meta_path.remove(self)
        import importlib.util

        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            return spec
        exec_module = spec.loader.exec_module

        def run(module: Any) -> None:
            exec_module(module)
            self.then(module)

        spec.loader.exec_module = run  # type: ignore[method-assign]
        return spec


def run_app(db: str, on_attached: Any) -> None:
    """Start the app through its entry point; ``on_attached(window)`` once the file is open."""

    def patch(module: Any) -> None:
        main_window = module.MainWindow
        attach = main_window.attach

        def attached(window: Any, **options: Any) -> None:
            attach(window, **options)
            on_attached(window)

        main_window.attach = attached
        # An empty file makes the app offer sample data in a modal dialog: decline it unseen.
        main_window._offer_first_run = lambda self, empty: None

    _WhenImported("crm_desktop.ui.main_window", patch)
    from crm_desktop import cli

    sys.exit(cli.main(["--db", db]))


def when_today_painted(window: Any, then: Any) -> None:
    """``then`` after the first paint once Today holds ALL its data (its three cards and
    the overdue invoices line): what a user sees, not the window's first frame."""
    today = window.page("today")
    if today.is_ready:
        watch_paint(today, then)
    else:
        today.ready.connect(lambda: watch_paint(today, then))


def shoot(window: Any) -> None:
    """With ``CRM_PROBE_SHOT=FILE.png``: what the screen shows at "ready", as proof.

    On a real X server (xcb) the pixels are read back from the screen, not re-rendered.
    """
    target = os.environ.get("CRM_PROBE_SHOT")
    if not target:
        return
    screen = window.screen()
    pixmap = screen.grabWindow(0) if QApplication.platformName() == "xcb" else window.grab()
    pixmap.save(target)


def today(db: str) -> None:
    def attached(window: Any) -> None:
        when_today_painted(window, lambda: (_ready(), shoot(window), _quit()))

    run_app(db, attached)


def when_rows_painted(page: Any, then: Any) -> None:
    model = page.model
    table = page.table

    def loaded() -> None:
        if model.rowCount() == 0:
            raise SystemExit("the customer table is empty")
        watch_paint(table.viewport(), then)

    if model.has_loaded() and not model.is_loading():
        loaded()
    else:
        model.ids_loaded.connect(loaded)


def customers(db: str) -> None:
    def attached(window: Any) -> None:
        window.show_section("customers")  # Ctrl+2, as soon as the window takes it

        def rows() -> None:
            when_rows_painted(window.current_list(), lambda: (_ready(), shoot(window), _quit()))

        if window.current_list() is not None:
            rows()
        else:  # Today came first: the list is made once the file is open, then watched
            window.early.run(rows)

    run_app(db, attached)


def settle_then(then: Any) -> None:
    """Once the background work after start is done (search index, list pages), and calm."""
    from crm_desktop.ui.jobs import running_jobs
    from crm_desktop.ui.tables.runner import runner

    calm = {"since": None}

    def check() -> None:
        busy = running_jobs() or runner().is_busy()
        now = time.perf_counter()
        if busy:
            calm["since"] = None
        elif calm["since"] is None:
            calm["since"] = now
        elif now - calm["since"] > 1.0:
            timer.stop()
            gc.collect()
            then()

    timer = QTimer()
    timer.timeout.connect(check)
    timer.start(50)
    _keep.append(timer)


def python_index_mb() -> str:
    """Python memory of the in-memory search index, loaded once more under tracemalloc."""
    import tracemalloc

    from crm_desktop.services import search

    index_class = getattr(search, "MemoryIndex", None)
    if index_class is None:
        return "n/a"
    tracemalloc.start()
    index = index_class()
    index.search([])
    size = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del index
    return f"{size / 1e6:.1f}"


def memory(db: str, with_table: bool, index: bool = True) -> None:
    if not index:
        from crm_desktop.services import search

        search.search_customers = lambda query, *, limit=None: []  # the start's index load

    def attached(window: Any) -> None:
        def with_today() -> None:
            print(f"rss {rss_mb():.1f} today", flush=True)
            if not with_table:
                print(f"index {python_index_mb() if index else 'n/a'}", flush=True)
                _quit()
            window.show_section("customers")
            page = window.current_list()

            def rows_shown() -> None:
                page.table.scrollToBottom()
                watch_paint(page.table.viewport(), lambda: settle_then(warmed))

            def warmed() -> None:
                # The search rows read into the query thread's cache once the list is open
                # (wave 8) are counted: measured only after that warm-up is over.
                if getattr(page, "warm_up_done", True):
                    scrolled()
                else:
                    QTimer.singleShot(100, warmed)

            def scrolled() -> None:
                last = page.table.rowAt(page.table.viewport().height() - 2)
                assert last == page.model.rowCount() - 1, (last, page.model.rowCount())
                print(f"rss {rss_mb():.1f} table", flush=True)
                print(f"index {python_index_mb() if index else 'n/a'}", flush=True)
                _quit()

            when_rows_painted(page, rows_shown)

        when_today_painted(window, lambda: settle_then(with_today))

    run_app(db, attached)


def main(argv: list[str]) -> None:
    mode = argv[0]
    if mode == "bare":
        bare()
    elif mode == "floor":
        floor()
    elif mode == "today":
        today(argv[1])
    elif mode == "customers":
        customers(argv[1])
    elif mode == "memory":
        memory(argv[1], with_table="table" in argv[2:], index="noindex" not in argv[2:])
    else:
        raise SystemExit(f"unknown mode {mode!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
