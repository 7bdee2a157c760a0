"""``import`` and ``export``: bringing records in from files and taking tables out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from crm_desktop.errors import CrmError

IMPORT_ENTITIES = {"customers": "customer", "contacts": "contact", "products": "product"}
EXPORT_TABLES = ("customers", "contacts", "products", "orders", "deals", "tasks", "interactions")


def register(subparsers: Any) -> None:
    importer = subparsers.add_parser(
        "import",
        help="import customers, contacts or products from CSV, xlsx or vCard",
        description="Import records from a CSV (any usual encoding and delimiter), xlsx or "
        "vCard file, in one transaction. Bad rows are refused and saved beside the file "
        "(NAME-refused.csv) to fix and import again; duplicates are matched by email, "
        "phone, or name.",
    )
    importer.add_argument(
        "entity",
        choices=tuple(IMPORT_ENTITIES),
        metavar="ENTITY",
        help="customers, contacts or products",
    )
    importer.add_argument("file", metavar="FILE", help="a .csv, .txt, .xlsx or .vcf file")
    importer.add_argument(
        "--preset",
        choices=("auto", "google", "outlook"),
        default="auto",
        help="how the columns are named (default: recognised from the headers)",
    )
    importer.add_argument(
        "--on-duplicate",
        choices=("skip", "update", "overwrite", "create"),
        default="skip",
        dest="on_duplicate",
        help="a row that matches an existing record: skip it (default), update the record's "
        "empty fields, overwrite its fields, or create a new record anyway",
    )
    importer.set_defaults(handler=run_import)

    exporter = subparsers.add_parser(
        "export",
        help="export a table to CSV, xlsx or vCard",
        description="Write a whole table with every field: CSV (UTF-8 with BOM), xlsx with "
        "typed cells, or vCard 4.0 (customers and contacts).",
    )
    exporter.add_argument(
        "entity", choices=EXPORT_TABLES, metavar="TABLE", help=", ".join(EXPORT_TABLES)
    )
    exporter.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="FILE.csv, FILE.xlsx or FILE.vcf"
    )
    exporter.set_defaults(handler=run_export)


def _usage(message: str) -> int:
    print(f"crm-desktop: error: {message}", file=sys.stderr)
    return 2


def _progress_printer(enabled: bool):
    def progress(done: int, total: int) -> None:
        if enabled and total:
            print(f"\r  {100 * done // total:3d} %", end="", file=sys.stderr, flush=True)

    return progress


def run_import(args: argparse.Namespace) -> int:
    from crm_desktop.services import importing, open_session

    path = Path(args.file).expanduser()
    if not path.is_file():
        if path.is_dir():
            raise CrmError(f"{path} is a folder, not a file.")
        raise CrmError(f"{path} does not exist.")
    open_session(args.db)
    entity = IMPORT_ENTITIES[args.entity]
    show = sys.stderr.isatty()
    result = importing.run_import(
        path,
        entity,
        policy=args.on_duplicate,
        preset=args.preset,
        progress=_progress_printer(show),
    )
    if show:
        print("\r", end="", file=sys.stderr)
    print(f"Imported {path.name}: {result.summary()}")
    if result.refused_rows:
        target = importing.refused_path_for(path)
        try:
            saved = importing.save_refused(result, target)
        except OSError:
            from crm_desktop import paths

            folder = paths.data_dir() / "refused"
            folder.mkdir(parents=True, exist_ok=True)
            saved = importing.save_refused(result, importing.refused_path_for(folder / path.name))
        print(f"Refused rows (with the reason in the first column) were saved to {saved}")
        for row in result.refused_rows[:5]:
            print(f"  line {row.line}: {row.reason}")
        if len(result.refused_rows) > 5:
            print(f"  … and {len(result.refused_rows) - 5:,} more")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from crm_desktop.services import exporting, open_session

    target = Path(args.output).expanduser()
    if target.suffix.lower() not in exporting.FORMATS:
        return _usage(f"cannot export to {target.name}: name the file .csv, .xlsx or .vcf")
    entity = exporting.entity_of(args.entity)
    if exporting.format_of(target) == "vcf" and entity not in exporting.VCARD_ENTITIES:
        return _usage("vCard (.vcf) exports are for customers and contacts; use .csv or .xlsx")
    if target.is_dir():
        raise CrmError(f"{target} is a folder; give a file name such as {target / 'export.csv'}.")
    open_session(args.db, create=False)
    show = sys.stderr.isatty()
    result = exporting.export_table(entity, target, progress=_progress_printer(show))
    if show:
        print("\r", end="", file=sys.stderr)
    print(f"Exported {result.rows:,} {args.entity} to {result.path}")
    return 0
