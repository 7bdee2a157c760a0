"""``backup``, ``restore`` and ``backups``: verified snapshots, safe restores, the list of backups.

``crm-desktop backup`` does not take the one-window lock, so a nightly job
backs up while the window is open. ``crm-desktop restore`` does: it is
refused while a window has the database open.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from crm_desktop.errors import CancelledError, CrmError
from crm_desktop.i18n import N_, _
from crm_desktop.services.locale_facts import grouped


def register(subparsers: Any) -> None:
    backup = subparsers.add_parser(
        "backup",
        help="make a verified backup of the database (works while the window is open)",
        description="Make a consistent, verified snapshot of the database and print its path. "
        "Without -o it goes to the backup folder under a dated name, with its record beside it, "
        "and old backups are rotated (7 daily, 4 weekly, 12 monthly).",
    )
    backup.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the backup to FILE (replaced atomically if it exists), or into the folder FILE",
    )
    backup.add_argument(
        "--thorough",
        action="store_true",
        help="check the copy with SQLite's full integrity_check (slower on big databases)",
    )
    backup.set_defaults(handler=run_backup)

    restore = subparsers.add_parser(
        "restore",
        help="replace the database with a backup (checked first; a safety copy is kept)",
        description="Check FILE, show what it holds against the current data, ask, keep a "
        "safety copy of the current data in the backup folder, then put the backup in place. "
        "Refused while a CRM Desktop window has the database open.",
    )
    restore.add_argument("file", metavar="FILE", help="the backup to restore")
    restore.add_argument("--yes", action="store_true", help="restore without asking")
    restore.add_argument(
        "--ignore-missing-wal",
        action="store_true",
        help="restore a WAL-mode file that has no -wal file beside it (its newest changes "
        "may be missing)",
    )
    restore.add_argument(
        "--accept-modified",
        action="store_true",
        help="restore a backup whose content no longer matches the checksum written when it "
        "was made",
    )
    restore.set_defaults(handler=run_restore)

    listing = subparsers.add_parser(
        "backups",
        help="list the backups in the backup folder",
        description="List the backups in the backup folder, newest first: date, why it was "
        "made, size, verification, counts and path (tab-separated).",
    )
    listing.add_argument("--folder", metavar="DIR", help="another folder to list")
    listing.set_defaults(handler=run_list)


def _db(args: argparse.Namespace) -> Path:
    from crm_desktop.services.session import resolve_db_path

    return resolve_db_path(args.db).absolute()


def run_backup(args: argparse.Namespace) -> int:
    from crm_desktop.services.backups import STANDARD, THOROUGH, create_backup

    record = create_backup(
        _db(args),
        output=Path(args.output) if args.output else None,
        level=THOROUGH if args.thorough else STANDARD,
    )
    print(record.path)
    return 0


# The option that accepts each warning a script must accept explicitly.
_CONSENT_OPTIONS = {"missing_wal": "--ignore-missing-wal", "modified": "--accept-modified"}


def _print_comparison(prepared: Any) -> None:
    from crm_desktop.services.backups.summary import compare, local_time

    upgraded = (
        f", upgraded here from schema {prepared.migrated_from}" if prepared.migrated_from else ""
    )
    print(_("Backup:    {chosen}").format(chosen=prepared.chosen))
    print(
        _("           made {local_time}, checked{upgraded}").format(
            local_time=local_time(prepared.made_at), upgraded=upgraded
        )
    )
    print(_("Database:  {target}").format(target=prepared.target))
    if prepared.current_problem:
        print(
            _("           (current counts unknown: {current_problem})").format(
                current_problem=prepared.current_problem
            )
        )
    print(f"  {'':<24}{'backup':>12}{'now':>12}")
    for label, in_backup, now in compare(prepared.counts, prepared.current_counts):
        shown_now = "" if now is None else grouped(now)
        shown_backup = "" if in_backup is None else grouped(in_backup)
        print(f"  {label:<24}{shown_backup:>12}{shown_now:>12}")


STATE_WORDS = {"verified": N_("verified"), "damaged": N_("damaged"),
               "unverified": N_("not verified")}  # fmt: skip


def _confirm() -> bool:
    print(
        _(
            "Replace the current data with this backup? "
            "A safety copy of the current data is kept first. [y/N] "
        ),
        end="",
        flush=True,
    )
    line = sys.stdin.readline()
    if not line:
        print(file=sys.stderr)
        raise CancelledError(
            _("no answer: nothing was changed (add --yes to restore without asking).")
        )
    return line.strip().lower() in ("y", "yes")


def run_restore(args: argparse.Namespace) -> int:
    from crm_desktop.services.backups import prepare_restore
    from crm_desktop.services.session import open_session

    target = _db(args)
    prepared = prepare_restore(args.file, target)
    try:
        _print_comparison(prepared)
        for warning in prepared.warnings:
            print(_("Warning: {message}").format(message=warning.message), file=sys.stderr)
        accepted = {"missing_wal": args.ignore_missing_wal, "modified": args.accept_modified}
        refused = [w for w in prepared.needing_consent() if not accepted.get(w.kind)]
        if refused:
            option = _CONSENT_OPTIONS[refused[0].kind]
            raise CrmError(
                _(
                    "not restored: {message} To restore it anyway, add {option}. Nothing was "
                    "changed."
                ).format(message=refused[0].message, option=option)
            )
        if not args.yes and not _confirm():
            raise CancelledError(_("Cancelled: nothing was changed."))
        result = prepared.apply()
    finally:
        prepared.discard()
    open_session(result.target)
    print(_("Restored {target} from {chosen}.").format(target=result.target, chosen=result.chosen))
    if result.safety is not None:
        print(_("Safety copy of the previous data: {path}").format(path=result.safety.path))
        if result.safety.note:
            print(result.safety.note, file=sys.stderr)
    return 0


def run_list(args: argparse.Namespace) -> int:
    from crm_desktop.services.backups import backup_folder, list_backups
    from crm_desktop.services.backups.summary import headline, human_size, local_time

    folder = Path(args.folder).expanduser() if args.folder else backup_folder()
    records = list_backups(folder)
    if not records:
        print(_("No backups in {folder}.").format(folder=folder), file=sys.stderr)
        return 0
    for record in records:
        counts = headline(record.counts) if record.counts else ""
        fields = [
            local_time(record.created_at),
            _(record.kind_label),
            human_size(record.size),
            _(STATE_WORDS[record.state]),
            counts,
            str(record.path),
        ]
        print("\t".join(fields))
    return 0
