"""Erasing a person on the 100,000-customer demo database, against the trash's delete for good.

The baseline is what the app already did to delete a customer for good:
move it to the trash and purge that trash item (two transactions, cascades,
search row). The erase does the same deletes plus the audit scrub, the trash
and import rows, ``secure_delete`` (zeroed pages) and a WAL checkpoint, and
then opens every backup read-only to say which still hold the person (one
backup of the demo file here). Also printed: the export of one customer to
JSON, and the preview the confirmation shows. Each is the median over
``CRM_BENCH_REPEAT`` customers (default 7), the 7 with most orders, paired
(erase one, trash+purge the next) so neither side gets the warmer cache.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_privacy.py``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from common import OUT, demo_database, median, report, timed

REPEAT = int(os.environ.get("CRM_BENCH_REPEAT", "7"))


def main() -> None:
    source = demo_database()
    work = Path(tempfile.mkdtemp(prefix="bench-privacy-", dir=OUT))
    os.environ["CRM_DESKTOP_HOME"] = str(work / "home")
    try:
        db = work / "crm.sqlite3"
        shutil.copyfile(source, db)
        from crm_desktop.models import close_database, database
        from crm_desktop.services import open_session, person_data, trash
        from crm_desktop.services.backups import create_backup

        open_session(db)
        create_backup(db, reason="bench")
        ids = [
            row[0]
            for row in database.execute_sql(
                "SELECT customer_id FROM sales_order GROUP BY customer_id "
                "ORDER BY count(*) DESC LIMIT ?",
                (2 * REPEAT,),
            )
        ]
        erased, purged, previews, exports = [], [], [], []
        for index in range(REPEAT):
            mine, theirs = ids[2 * index], ids[2 * index + 1]
            previews += timed(lambda m=mine: person_data.preview_erasure("customer", m))
            exports += timed(
                lambda m=mine: person_data.export_person("customer", m, work / "person.json")
            )
            erased += timed(lambda m=mine: person_data.erase_person("customer", m))

            def delete_for_good(customer: int = theirs) -> None:
                trash.move_to_trash("customer", [customer])
                items = [i["id"] for i in trash.list_trash() if i["entity_id"] == customer]
                trash.purge_items(items)

            purged += timed(delete_for_good)
        close_database()
        base = median(purged) * 1000
        print(f"# load average: {Path('/proc/loadavg').read_text().strip()}")
        report("trash + purge one customer (baseline)", base, "ms")
        report("erase one customer (with the backup check)", median(erased) * 1000, "ms", base)
        report("preview of the erase (confirmation)", median(previews) * 1000, "ms", base)
        report("export one customer to JSON", median(exports) * 1000, "ms", base)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
