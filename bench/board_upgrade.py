"""The upgrade to the board's indexes (schema 17) of a copy: what a user waits for once.

Opens (and so upgrades) ``FILE`` as the window does, without the backup that comes first
(timed by bench_backup.py). The file is changed: run it on a copy of a schema-16 file.

    flock /work/wt/_bench/bench.lock .venv/bin/python bench/board_upgrade.py FILE
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("CRM_DESKTOP_AUTO_BACKUP", "0")

from crm_desktop.models.connection import open_database


def main() -> None:
    path = Path(sys.argv[1])
    size = path.stat().st_size
    started = time.perf_counter()
    opened = open_database(path, before_migration=None)
    upgraded = time.perf_counter() - started
    grown = (path.stat().st_size - size) / 1e6
    print(
        f"from schema {opened.migrated_from}: open + upgrade {upgraded:.2f} s; file +{grown:.1f} MB"
    )


if __name__ == "__main__":
    main()
