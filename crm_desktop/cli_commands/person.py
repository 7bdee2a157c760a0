"""``person export`` and ``person erase``: a person's data, on request (docs/privacy.md)."""

from __future__ import annotations

import argparse
from typing import Any

from crm_desktop.errors import CancelledError
from crm_desktop.i18n import _

WHO = ("customer", "contact")


def register(subparsers: Any) -> None:
    person = subparsers.add_parser(
        "person",
        help="export everything about a customer or contact, or erase them for good",
        description="A person's data, on request: export it to one JSON file, or erase it.",
    )
    actions = person.add_subparsers(dest="person_action", metavar="ACTION", required=True)
    export = actions.add_parser(
        "export",
        help="write everything about them to a JSON file",
        description="Write the record, everything that hangs on it and its audit entries "
        "to one JSON file (UTF-8).",
    )
    export.add_argument("entity", choices=WHO)
    export.add_argument("id", type=int, metavar="ID")
    export.add_argument("-o", "--output", required=True, metavar="FILE.json")
    export.set_defaults(handler=run_export)

    erase = actions.add_parser(
        "erase",
        help="delete them for good, with their personal values in the audit log",
        description="Delete the record and everything that hangs on it for good (not to the "
        "trash), erase their values in the audit log, and name the backups that still hold "
        "them. Without --yes, only prints what would be erased.",
    )
    erase.add_argument("entity", choices=WHO)
    erase.add_argument("id", type=int, metavar="ID")
    erase.add_argument("--yes", action="store_true", help="erase (this cannot be undone)")
    erase.set_defaults(handler=run_erase)


def _open(args: argparse.Namespace) -> None:
    from crm_desktop.services.session import open_session

    open_session(args.db, create=False)


def run_export(args: argparse.Namespace) -> int:
    from crm_desktop.safe_files import check_output_path
    from crm_desktop.services import person_data

    target = check_output_path(args.output)
    _open(args)
    written = person_data.export_person(args.entity, args.id, target)
    print(_("Wrote {written}.").format(written=written))
    return 0


def _describe(report: Any, *, done: bool) -> list[str]:
    verb = "Erased" if done else "Would erase"
    lines = [f"{verb} {report.entity} {report.record_id} “{report.label}”:"]
    from crm_desktop.services.person_data import TABLE_WORDS

    for table, count in report.deleted.items():
        lines.append(f"  {TABLE_WORDS.get(table, table)}: {count}")
    lines.append(f"  audit entries with their values erased: {report.audit_entries_erased}")
    if report.invoices_kept:
        kept = ", ".join(report.invoices_kept)
        lines.append(f"Kept as legal records (they print the buyer's details): invoices {kept}.")
    if report.backups_holding or report.backups_unreadable:
        lines.append("These backups still hold them (delete them to erase them there too):")
        for record in report.backups_holding:
            lines.append(f"  {record.created_at:%Y-%m-%d %H:%M} UTC  {record.path}")
        for record in report.backups_unreadable:
            lines.append(f"  {record.created_at:%Y-%m-%d %H:%M} UTC  {record.path} (unreadable)")
    else:
        lines.append("No backup holds them.")
    return lines


def run_erase(args: argparse.Namespace) -> int:
    from crm_desktop.services import person_data

    _open(args)
    if not args.yes:
        report = person_data.preview_erasure(args.entity, args.id)
        print("\n".join(_describe(report, done=False)))
        raise CancelledError(
            _("nothing was erased: add --yes to erase them for good (this cannot be undone).")
        )
    report = person_data.erase_person(args.entity, args.id)
    print("\n".join(_describe(report, done=True)))
    return 0
