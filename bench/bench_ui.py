"""The main window on the 100,000-customer demo database, each figure beside its baseline.

Budgets (brief):

* start to an interactive main window ≤ 1.5 × a bare PySide6 window's start
  (both timed as whole processes, to the first turn of the event loop);
* open the customer table (100,000 rows) and scroll to the end ≤ 200 ms and
  ≤ 60 MB of resident memory above the empty app (the window on Today);
* one search keystroke, end to end through the model (query, new rows on
  screen) ≤ 50 ms, median and p95.

The demo database is copied to a temporary file first (the app may write to
it). The debounce of the search box (150 ms, a pause while typing) is not
counted: the keystroke is timed from the moment the query is sent.

Run: ``/work/venv/bin/python bench/bench_ui.py`` (``CRM_BENCH_REPEAT`` runs of
each start, default 7; the median is reported; ``CRM_BENCH_ONLY=start`` or
``=window`` runs one half). Qt runs offscreen unless ``QT_QPA_PLATFORM`` says
otherwise.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import OUT, ROOT, demo_database, median, percentile, report

REPEAT = int(os.environ.get("CRM_BENCH_REPEAT", "15"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Both programs print "ready <epoch seconds>" once their window is up and the event loop
# runs; the figure is that moment minus the moment the process was spawned.
BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1180, 760)
window.show()
QTimer.singleShot(0, lambda: (print(f"ready {time.time():.6f}", flush=True), app.quit()))
app.exec()
"""

# What people type when a call comes in: names in three scripts, an email, a phone.
KEYSTROKES = [
    "и", "ив", "ива", "иван", "иванов", "z", "zh", "zha", "zhan", "zhang", "伟", "张伟",
    "m", "ma", "mar", "mari", "maria", "@", "@g", "@gm", "@gma", "@gmai", "@gmail",
    "+4", "+44", "+44 7", "+44 79", "b", "be", "ber", "berl", "berli", "berlin",
]  # fmt: skip


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def time_process(args: list[str], env: dict[str, str]) -> float:
    """Seconds from spawning ``args`` to the "ready" line it prints (its window is interactive)."""
    started = time.time()
    result = subprocess.run(args, env=env, check=True, capture_output=True, text=True)
    for line in result.stdout.splitlines():
        if line.startswith("ready "):
            return float(line.split()[1]) - started
    raise RuntimeError(f"{args[:3]} printed no ready line: {result.stderr[-500:]}")


def bench_start(db: Path, work: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT), CRM_DESKTOP_HOME=str(work / "home"))
    env["CRM_DESKTOP_AUTO_BACKUP"] = "0"
    bare = [sys.executable, "-c", BARE_WINDOW]
    app = [sys.executable, "-m", "crm_desktop", "--db", str(db)]
    ready = dict(env, CRM_DESKTOP_QUIT_WHEN_READY="1")
    today = dict(env, CRM_DESKTOP_QUIT_WHEN_READY="today")
    # An installed app has its byte-code (pip compiles it); this machine's environment may
    # say PYTHONDONTWRITEBYTECODE, so compile once, as an install would.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "crm_desktop")],
                   check=True)  # fmt: skip
    time_process(bare, env)  # warm the file cache (and migrate the copy once)
    time_process(app, today)
    runs: dict[str, list[float]] = {"bare": [], "app": [], "today": []}
    for _ in range(REPEAT):  # interleaved, so that the machine's load hits all three alike
        runs["bare"].append(time_process(bare, env))
        runs["app"].append(time_process(app, ready))
        runs["today"].append(time_process(app, today))
    baseline = median(runs["bare"]) * 1000
    report("start: bare PySide6 window (baseline)", baseline, "ms")
    report("start: main window shown and interactive", median(runs["app"]) * 1000, "ms",
           baseline, 1.5)  # fmt: skip
    report("start: ... with the database open and Today filled", median(runs["today"]) * 1000,
           "ms", baseline)  # fmt: skip


def pump_until(app, condition, timeout: float = 30.0) -> None:
    """Run the event loop until ``condition()`` holds, idling as the app would between checks.

    A busy loop of ``processEvents`` would keep the GIL from the query thread; a real
    event loop sleeps until something happens, so the check runs from a 1 ms timer.
    """
    if condition():
        return
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    deadline = time.perf_counter() + timeout
    timer = QTimer()
    timer.setInterval(1)

    def check() -> None:
        if condition() or time.perf_counter() > deadline:
            loop.quit()

    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    if not condition():
        raise TimeoutError("the window did not get there in time")


def settle(app, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.005)


def bench_window(db: Path, work: Path) -> None:
    os.environ["CRM_DESKTOP_HOME"] = str(work / "home-window")
    os.environ["CRM_DESKTOP_AUTO_BACKUP"] = "0"
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    from crm_desktop.services import listing, open_session
    from crm_desktop.ui.jobs import running_jobs
    from crm_desktop.ui.main_window import MainWindow
    from crm_desktop.ui.tables.runner import runner

    opened = open_session(db, refresh_search=False)
    window = MainWindow(opened.path)
    window.resize(1180, 760)
    window.show()
    today = window.page("today")
    pump_until(app, lambda: today.data is not None)
    # What the app does after it shows: check and load the search index, preload the lists.
    window.start_background_work(offer_first_run=False)
    settle(app, 0.6)
    pump_until(app, lambda: not running_jobs() and not runner().is_busy())
    empty_app = rss_mb()

    # Open the customer table and scroll to its last row: timed until the last rows are
    # painted (the view counts its paints).
    started = time.perf_counter()
    window.show_section("customers")
    page = window.current_list()
    table = page.table
    # The paint count when the ids arrive: the rows are on screen at the next paint.
    arrived: list[int] = []
    page.model.ids_loaded.connect(lambda: arrived.append(table.paint_count))
    pump_until(app, lambda: bool(arrived) and table.paint_count > arrived[-1])
    table.scrollToBottom()
    painted = table.paint_count
    pump_until(app, lambda: table.paint_count > painted)
    elapsed = (time.perf_counter() - started) * 1000
    last = page.model.values_at(page.count() - 1)
    assert page.count() >= 100_000 and last is not None
    assert page.table.rowAt(page.table.viewport().height() - 2) == page.count() - 1
    report("customer table: open 100k rows + scroll to end", elapsed, "ms", None, 200)
    settle(app, 0.2)
    report("customer table: memory above the empty app", rss_mb() - empty_app, "MB", None, 60)

    ids_only = median([_timed(lambda: listing.list_ids("customer")) for _ in range(3)]) * 1000
    report("  of which the id query (listing.list_ids, info)", ids_only, "ms")

    # Search keystrokes, end to end: query in the background, new rows on screen.
    page.table.scrollToTop()
    box = page.filter_bar.search_box
    times = []
    for _round in range(2):
        for text in KEYSTROKES:
            arrived.clear()
            started = time.perf_counter()
            box.setText(text)
            page.filter_bar.flush_search()
            pump_until(app, lambda: bool(arrived))
            if page.model.rowCount():  # rows to show: wait until they are painted
                pump_until(app, lambda: table.paint_count > arrived[-1])
            times.append((time.perf_counter() - started) * 1000)
        box.clear()
        page.filter_bar.flush_search()
        pump_until(app, lambda: not page.model.is_loading())
    report("search keystroke through the model, median", median(times), "ms", None, 50)
    report("search keystroke through the model, p95", percentile(times, 95), "ms", None, 50)
    service = [
        _timed(lambda text=text: listing.list_ids("customer", listing.ListQuery(search=text)))
        * 1000
        for text in KEYSTROKES
    ]
    report("  the service's search alone, median (info)", statistics.median(service), "ms")
    window.close()


def _timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def main() -> None:
    source = demo_database()
    work = Path(tempfile.mkdtemp(prefix="bench-ui-", dir=OUT))
    try:
        db = work / "demo.sqlite3"
        shutil.copyfile(source, db)
        load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
        print(f"# {db.name}: copy of {source.name}; Qt platform {os.environ['QT_QPA_PLATFORM']};"
              f" load average {load} (other work on the machine slows every figure)")  # fmt: skip
        only = os.environ.get("CRM_BENCH_ONLY", "")
        if only in ("", "start"):
            bench_start(db, work)
        if only in ("", "window"):
            bench_window(db, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
