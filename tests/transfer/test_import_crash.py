"""A killed import leaves no process of ours behind, and ``crm-desktop import … | cat`` ends.

A big import validates its rows in helper processes (``parallel.py``). The
child here runs ``crm-desktop import`` with its standard output on a pipe,
as ``| cat`` would; once its helpers are running, the parent kills it with
SIGKILL or SIGTERM. Then the pipe must reach its end of file (nobody holds
it open any more), every process the import started — helpers and the
resource tracker — must be gone, and the database must hold all of the
import or nothing of it.
"""

from __future__ import annotations

import csv
import os
import selectors
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ROWS = 30_000

IMPORTER = textwrap.dedent(
    """
    import os, sys
    from crm_desktop.services.importing import parallel
    parallel.PARALLEL_MIN_ROWS = 1000
    parallel.CHUNK_ROWS = 500
    os.cpu_count = lambda: 4  # three helpers even on a small machine
    from crm_desktop.cli import main
    sys.exit(main(["--db", sys.argv[1], "import", "customers", sys.argv[2]]))
    """
)

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads the process table in /proc"
)


def children_of(pid: int) -> dict[int, str]:
    """Processes whose parent is ``pid``: their command lines."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            if parent == pid:
                found[int(entry.name)] = (entry / "cmdline").read_bytes().replace(b"\0", b" ")
        except (OSError, IndexError, ValueError):
            continue
    return {k: v.decode(errors="replace") for k, v in found.items()}


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie is dead: it holds nothing, it only waits to be reaped


def make_file(path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Name", "Email", "Phone", "City"])
        for i in range(ROWS):
            writer.writerow(
                [
                    f"Customer {i}",
                    f"c{i}@example.com",
                    f"+1 212 {200 + i // 10000} {i % 10000:04d}",
                    "Oslo",
                ]
            )


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_killing_an_import_leaves_no_helper_and_closes_the_pipe(db, tmp_path, how):
    from crm_desktop.models import close_database

    close_database()
    source = tmp_path / "big.csv"
    make_file(source)
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "CRM_DESKTOP_AUTO_BACKUP": "0",
        "CRM_DESKTOP_HOME": str(tmp_path / "home"),
    }
    child = subprocess.Popen(
        [sys.executable, "-c", IMPORTER, str(db), str(source)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
        env=env,
    )
    everyone: dict[int, str] = {}
    try:
        deadline = time.monotonic() + 120
        helpers: dict[int, str] = {}
        while time.monotonic() < deadline and child.poll() is None:
            started = children_of(child.pid)
            helpers = {p: c for p, c in started.items() if "multiprocessing" in c}
            if sum("spawn_main" in c for c in helpers.values()) >= 2:
                break
            time.sleep(0.02)
        assert child.poll() is None, "the import ended before its helpers could be seen"
        assert helpers, "no helper process started"
        time.sleep(0.3)  # let them get to work
        everyone = children_of(child.pid)
        os.kill(child.pid, how)
        child.wait(timeout=30)
        # The pipe ends: no helper and no resource tracker keeps the parent's stdout open.
        selector = selectors.DefaultSelector()
        selector.register(child.stdout, selectors.EVENT_READ)
        ends = time.monotonic() + 15
        closed = False
        while time.monotonic() < ends and not closed:
            if selector.select(timeout=0.1) and not os.read(child.stdout.fileno(), 65536):
                closed = True
        selector.close()
        held = {p: c for p, c in everyone.items() if alive(p)}
        assert closed, f"the output pipe is still held open by {held}"
        gone_by = time.monotonic() + 15
        while time.monotonic() < gone_by and any(alive(p) for p in everyone):
            time.sleep(0.05)
        survivors = {p: c for p, c in everyone.items() if alive(p)}
        assert not survivors, survivors
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        for pid in everyone:  # a failed run must not leave them behind either
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        count = conn.execute("SELECT count(*) FROM customer").fetchone()[0]
        batches = conn.execute("SELECT count(*) FROM import_batch").fetchone()[0]
    finally:
        conn.close()
    assert (count, batches) in ((0, 0), (ROWS, 1))  # all of it or nothing


def test_an_import_through_a_pipe_ends_when_it_is_done(db, tmp_path):
    from crm_desktop.models import close_database

    close_database()
    source = tmp_path / "big.csv"
    make_file(source)
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "CRM_DESKTOP_AUTO_BACKUP": "0",
        "CRM_DESKTOP_HOME": str(tmp_path / "home"),
    }
    done = subprocess.run(
        [sys.executable, "-c", IMPORTER, str(db), str(source)],
        capture_output=True,  # returns only when the output pipes reach their end of file
        cwd=ROOT,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert f"{ROWS:,} customers created" in done.stdout.decode()
