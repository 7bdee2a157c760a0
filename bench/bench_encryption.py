"""Encryption at rest on the 100,000-customer demo database: what it costs the owner.

Side by side on one file, plain and then encrypted (the same rows):

* turning encryption on, against the verified backup it starts with;
* a cold open (``open_session``) of each;
* reading every customer row (the list's full scan), a customer page's
  worth of queries, a search keystroke, and a verified backup — each on the
  encrypted file against the plain one, medians of ``CRM_BENCH_REPEAT`` runs.

SQLCipher decrypts and authenticates each page as SQLite reads it from the
OS cache, so the ratio of reads is the figure to watch.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_encryption.py``
(``CRM_BENCH_DIR`` for the demo file's folder).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from common import OUT, demo_database, median, report, timed

REPEAT = int(os.environ.get("CRM_BENCH_REPEAT", "5"))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")


def _figures(db: Path) -> dict[str, float]:
    from crm_desktop.models import close_database, database
    from crm_desktop.services import open_session, search
    from crm_desktop.services.backups import create_backup

    close_database()
    opened = timed(lambda: open_session(db, refresh_search=False), 1)[0]
    scan = median(
        timed(
            lambda: database.execute_sql(
                "SELECT c.id, c.name, c.email, c.phone, c.city FROM customer c "
                "JOIN customer_search s ON s.id = c.id ORDER BY s.name_key"
            ).fetchall(),
            REPEAT,
        )
    )
    some = [row[0] for row in database.execute_sql("SELECT id FROM customer LIMIT 50")]
    from crm_desktop.services import customers

    page = median(timed(lambda: [customers.get_customer(i) for i in some], REPEAT))
    search.search_customers("warm-up")
    keystroke = median(timed(lambda: search.search_customers("иван"), REPEAT))
    backup = median(timed(lambda: create_backup(db, reason="bench", rotate=False), 3))
    return {"open": opened, "scan": scan, "page": page, "search": keystroke, "backup": backup}


def main() -> None:
    source = demo_database()
    work = Path(tempfile.mkdtemp(prefix="bench-encryption-", dir=OUT))
    os.environ["CRM_DESKTOP_HOME"] = str(work / "home")
    try:
        db = work / "crm.sqlite3"
        shutil.copyfile(source, db)
        from crm_desktop.services import encryption, open_session
        from crm_desktop.services.backups import create_backup

        open_session(db)  # an old demo file is upgraded here, outside the figures
        plain = _figures(db)
        backup = timed(lambda: create_backup(db, reason="bench", rotate=False), 1)[0]
        convert = timed(lambda: encryption.convert(db, encryption.new_key()), 1)[0]
        encrypted = _figures(db)
        print("# load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
        report("turn encryption on (vs a verified backup)", convert * 1000, "ms", backup * 1000)
        names = {
            "open": "open the file (cold start of the session)",
            "scan": "read every customer (list's full scan)",
            "page": "50 customer pages' reads",
            "search": "search keystroke «иван»",
            "backup": "verified backup",
        }
        for key, label in names.items():
            report(f"{label}, encrypted vs plain", encrypted[key] * 1000, "ms", plain[key] * 1000)
    finally:
        from crm_desktop.models import close_database

        close_database()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
