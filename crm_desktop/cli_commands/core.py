"""``demo``, ``search`` and ``check``: filling, finding in and checking a database."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from crm_desktop.errors import CrmError
from crm_desktop.i18n import _
from crm_desktop.services.locale_facts import grouped


def register(subparsers: Any) -> None:
    demo = subparsers.add_parser(
        "demo",
        help="fill an empty database with sample data",
        description="Fill an empty database with believable sample data (deterministic per seed).",
    )
    demo.add_argument(
        "--customers",
        type=_positive,
        default=200,
        metavar="N",
        help="how many customers (default 200; 100000 makes ~500,000 order lines)",
    )
    demo.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")
    demo.set_defaults(handler=run_demo)

    search = subparsers.add_parser(
        "search",
        help="find customers by name, email, phone, city, tag or contact",
        description="Print the matching customers, one a line: "
        "id, name, email, phone (tab-separated).",
    )
    search.add_argument("text", metavar="TEXT", help="what to look for (any script, any case)")
    search.add_argument("--limit", type=_positive, default=None, metavar="N")
    search.set_defaults(handler=run_search)

    check = subparsers.add_parser(
        "check",
        help="check the database's integrity and count its records",
        description="Run SQLite's integrity and foreign-key checks and count the records. "
        "Exit status 1 names the problem when the file is damaged.",
    )
    check.set_defaults(handler=run_check)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("not a whole number: {text!r}").format(text=text)
        ) from None
    if value < 1:
        raise argparse.ArgumentTypeError(_("must be 1 or more"))
    return value


def _open(args: argparse.Namespace, **options: Any):
    from crm_desktop.services.session import open_session

    return open_session(args.db, **options)


def run_demo(args: argparse.Namespace) -> int:
    from crm_desktop.services import demo

    opened = _open(args)
    show = sys.stderr.isatty() and args.customers >= 5000

    def progress(done: int, total: int) -> None:
        if show:
            print(f"\r  {100 * done // max(total, 1):3d} %", end="", file=sys.stderr, flush=True)

    started = time.perf_counter()
    result = demo.generate(customers=args.customers, seed=args.seed, progress=progress)
    if show:
        print("\r", end="", file=sys.stderr)
    counts = result.counts
    print(
        _(
            "Added sample data to {path} in {seconds:.1f} s: {customers} customers, "
            "{contacts} contacts, {orders} orders with {lines} lines, {deals} deals, "
            "{tasks} tasks, {interactions} interactions."
        ).format(
            path=opened.path,
            seconds=time.perf_counter() - started,
            customers=grouped(counts["customer"]),
            contacts=grouped(counts["contact"]),
            orders=grouped(counts["sales_order"]),
            lines=grouped(counts["order_line"]),
            deals=grouped(counts["deal"]),
            tasks=grouped(counts["task"]),
            interactions=grouped(counts["interaction"]),
        )
    )
    return 0


def run_search(args: argparse.Namespace) -> int:
    from crm_desktop.services import listing, search

    _open(args, create=False)
    if not args.text.strip():
        raise CrmError(_("give something to search for."))
    ids = search.search_customers(args.text, limit=args.limit)
    for row in listing.fetch_rows("customer", ids, ["name", "email", "phone"]):
        fields = [str(row["id"]), row["name"], row["email"] or "", row["phone"] or ""]
        print("\t".join(field.replace("\t", " ").replace("\n", " ") for field in fields))
    return 0


def run_check(args: argparse.Namespace) -> int:
    from crm_desktop.services.check import SCHEMA_VERSION, check_database

    opened = _open(args, create=False, migrate_old=False)
    report = check_database()
    print(_("Database:      {path}").format(path=opened.path))
    print(_("Integrity:     {integrity}").format(integrity=report.integrity))
    print(
        _("Foreign keys:  {value}").format(
            value="ok" if not report.foreign_key_problems else "BROKEN"
        )
    )
    for problem in report.foreign_key_problems[:10]:
        print(f"  {problem}")
    note = "" if report.schema_version == SCHEMA_VERSION else " (upgraded when next opened)"
    shape = "" if not report.schema_problems else ", NOT the one CRM Desktop makes:"
    print(
        _("Schema:        version {schema_version}{note}{shape}").format(
            schema_version=report.schema_version, note=note, shape=shape
        )
    )
    for problem in report.schema_problems[:10]:
        print(f"  {problem}")
    print(
        _("Text:          {value}").format(
            value="ok" if not report.invalid_text else "NOT VALID UTF-8 in:"
        )
    )
    for bad in report.invalid_text[:20]:
        print(f"  {bad.table} {bad.row_id}, {bad.column}")
    if report.counts:
        print(_("Records:"))
        trashed = report.counts.pop("customer_in_trash", 0)
        for table, count in report.counts.items():
            extra = (
                _("  ({count} in the trash)").format(count=grouped(trashed))
                if table == "customer" and trashed
                else ""
            )
            print(f"  {table:<16}{grouped(count):>10}{extra}")
    problems = [p for p in report.problems if not p.startswith("schema version")]
    if problems:
        raise CrmError(
            _("{path} is damaged: {problems}").format(path=opened.path, problems=problems[0])
        )
    return 0
