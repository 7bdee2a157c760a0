"""The upgrade to the contacts' stored sort keys (schema 16) of a copy, and the keys' making.

Opens (and so upgrades) ``FILE`` as the window does, then makes the keys as the window's
start job does (:func:`crm_desktop.services.contact_keys.refresh`). The file is changed:
run it on a copy of a schema-15 file.

    flock /work/wt/_bench/bench.lock .venv/bin/python bench/contact_keys_upgrade.py FILE
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("CRM_DESKTOP_AUTO_BACKUP", "0")

from crm_desktop.models.connection import open_database
from crm_desktop.services import contact_keys, sort_order


def main() -> None:
    started = time.perf_counter()
    opened = open_database(sys.argv[1], before_migration=None)
    upgraded = time.perf_counter()
    sort_order.activate()
    made = contact_keys.refresh()
    done = time.perf_counter()
    print(
        f"from schema {opened.migrated_from}: open + upgrade {upgraded - started:.2f} s; "
        f"{made} keys made in {done - upgraded:.2f} s"
    )


if __name__ == "__main__":
    main()
