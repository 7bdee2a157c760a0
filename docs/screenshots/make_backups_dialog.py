"""Make the screenshots of docs/backup.md: the Backups dialog and the question before a restore.

Run under Xvfb from the checkout::

    xvfb-run -a -s "-screen 0 1400x900x24" \
        /work/venv/bin/python docs/screenshots/make_backups_dialog.py

It builds a sample database and a month of backups in a temporary home
folder, so it never touches real data.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
HOME = Path(tempfile.mkdtemp(prefix="crm-shots-"))
os.environ["CRM_DESKTOP_HOME"] = str(HOME)


def age(record, moment: datetime, kind: str | None = None) -> None:
    """Pretend a backup was made at ``moment`` (file name and record)."""
    from crm_desktop.services.backups import catalog

    kind = kind or record.kind
    name = catalog.backup_file_name(Path(record.source), moment, kind)
    target = record.path.with_name(name)
    record.path.rename(target)
    data = json.loads(record.record_path.read_text())
    record.record_path.unlink()
    data.update(created_at=moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"), kind=kind)
    data["verification"]["at"] = data["created_at"]
    catalog.record_path_of(target).write_text(json.dumps(data))


def main() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from crm_desktop.services import customers, demo, open_session
    from crm_desktop.services.backups import create_backup, prepare_restore
    from crm_desktop.ui.backup.confirm import ConfirmRestoreDialog
    from crm_desktop.ui.backup.dialog import BackupsDialog

    app = QApplication.instance() or QApplication(sys.argv)
    db = HOME / "crm.sqlite3"
    open_session(db)
    demo.generate(customers=1500, seed=3, on=date(2026, 6, 15))
    now = datetime.now().astimezone().replace(microsecond=0)
    plan = [
        (timedelta(days=33, hours=1, minutes=12), "daily"),
        (timedelta(days=26, minutes=47), "daily"),
        (timedelta(days=19, hours=2, minutes=5), "daily"),
        (timedelta(days=12, minutes=31), "daily"),
        (timedelta(days=6, hours=-3, minutes=18), "before-change"),
        (timedelta(days=5, minutes=55), "daily"),
        (timedelta(days=4, hours=-8, minutes=2), "exit"),
        (timedelta(days=3, hours=2, minutes=40), "before-migration"),
        (timedelta(days=2, minutes=9), "daily"),
        (timedelta(days=1, hours=-7, minutes=26), "exit"),
        (timedelta(hours=5, minutes=13), "safety"),
        (timedelta(hours=2, minutes=4), "manual"),
    ]
    reasons = {
        "before-change": "before importing contacts.csv",
        "before-migration": "upgrading from schema 2 to 3",
        "safety": "before restoring crm-backup-june.sqlite3",
        "daily": "at the first start of the day",
        "exit": "on closing CRM Desktop",
    }
    for n, (ago, kind) in enumerate(plan):
        for _ in range(3 * n):
            customers.create_customer(
                {"name": f"Kunde {len(plan) * n + _} Иван 张伟", "kind": "person"}
            )
        record = create_backup(db, kind=kind, reason=reasons.get(kind, ""), rotate=False)
        age(record, now - ago)
    # One the user copied in by hand, and one that went bad on the disk.
    shelf = next(iter(sorted((HOME / "data" / "backups").glob("*-daily.sqlite3"))))
    (shelf.parent / "crm-from-old-laptop.sqlite3").write_bytes(shelf.read_bytes())
    bad = sorted((HOME / "data" / "backups").glob("*-daily.sqlite3"))[2]
    data = json.loads((bad.parent / (bad.name + ".json")).read_text())
    data["verification"].update(ok=False, level="thorough", problem="integrity check failed: "
                                "Tree 14 page 2210 cell 3: invalid page number 17794")  # fmt: skip
    (bad.parent / (bad.name + ".json")).write_text(json.dumps(data))

    dialog = BackupsDialog(db)
    dialog.resize(900, 560)
    dialog.show()
    dialog.refresh(select=sorted((HOME / "data" / "backups").glob("*-before-change.sqlite3"))[0])
    out = ROOT / "docs" / "screenshots"

    def shoot_dialog() -> None:
        dialog.grab().save(str(out / "backups-dialog.png"))
        customers.create_customer({"name": "Added after the backup", "kind": "company"})
        prepared = prepare_restore(dialog.selected().path, db)
        confirm = ConfirmRestoreDialog(prepared, dialog)
        confirm.show()
        QTimer.singleShot(300, lambda: finish(confirm, prepared))

    def finish(confirm, prepared) -> None:
        confirm.grab().save(str(out / "restore-confirm.png"))
        prepared.discard()
        app.quit()

    QTimer.singleShot(500, shoot_dialog)
    app.exec()
    print(out / "backups-dialog.png")


if __name__ == "__main__":
    main()
