"""Run a command and report the peak memory of it and its helper processes together.

``/usr/bin/time -v`` gives the peak of the largest single process; a command
that starts helper processes (the sample data at 1M does) uses their memory
too. This samples the summed RSS of the whole process tree every 200 ms.

    .venv/bin/python bench/tree_rss.py -- .venv/bin/crm-desktop --db X demo --customers 1000000
"""

from __future__ import annotations

import os
import subprocess
import sys
import time


def tree_rss_kib(root: int) -> int:
    """The summed RSS (KiB) of ``root`` and every process below it."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/status") as f:
                status = f.read()
        except OSError:
            continue
        pid, parent = int(entry), int(fields[1])
        children.setdefault(parent, []).append(pid)
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                rss[pid] = int(line.split()[1])
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += children.get(pid, [])
    return total


def main(argv: list[str]) -> int:
    command = argv[argv.index("--") + 1 :] if "--" in argv else argv
    started = time.perf_counter()
    process = subprocess.Popen(command)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss_kib(process.pid))
        time.sleep(0.2)
    elapsed = time.perf_counter() - started
    print(
        f"exit {process.returncode}, {elapsed:.1f} s, peak RSS of the process tree "
        f"{peak / 1024:.0f} MiB",
        file=sys.stderr,
    )
    return process.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
