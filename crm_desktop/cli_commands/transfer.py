"""``import``, ``imports`` and ``export``: records in from files, the import history, tables out.

Everything the import wizard can choose, the command line can too: the
mapping of a column (``--map "Header=field"``, repeatable), the encoding,
the phone region, where refused rows go, and a dry run that shows the
mapping, the first rows and what would happen without writing anything.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from crm_desktop.errors import CrmError
from crm_desktop.i18n import _
from crm_desktop.services.locale_facts import grouped

IMPORT_ENTITIES = {"customers": "customer", "contacts": "contact", "products": "product"}
EXPORT_TABLES = (
    "customers", "contacts", "products", "orders", "deals", "tasks", "interactions",
    "quotes", "invoices", "payments", "campaigns", "service-cases",
)  # fmt: skip
DRY_RUN_ROWS = 5


def register(subparsers: Any) -> None:
    importer = subparsers.add_parser(
        "import",
        help="import customers, contacts or products from CSV, xlsx or vCard",
        description="Import records from a CSV (any usual encoding and delimiter), xlsx or "
        "vCard file, in one transaction. A column without a field is kept in the notes; a "
        "value that cannot go into its field is kept as written in the notes (marked ⚠). "
        "Rows without a name are refused and saved to fix and import again; duplicates are "
        "matched by email, phone, or name.",
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
        choices=("auto", "google", "outlook", "thunderbird"),
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
    importer.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="HEADER=FIELD",
        help='import the column HEADER as FIELD (e.g. "Nummer=phone", "Fax=notes+" to keep '
        'it in the notes, "Label=-" to leave it out); repeatable. --dry-run lists the fields',
    )
    importer.add_argument(
        "--encoding",
        default="auto",
        metavar="ENCODING",
        help="the file's text encoding, e.g. utf-8, cp1251, cp1252 (default: detected)",
    )
    importer.add_argument(
        "--region",
        metavar="CC",
        help="the country of phone numbers written without +code, e.g. DE (default: the "
        "phone region setting, else guessed from the file)",
    )
    importer.add_argument(
        "--refused",
        metavar="FILE",
        help="where to save the refused rows (default: a file in the app's data folder)",
    )
    importer.add_argument(
        "--dry-run",
        action="store_true",
        dest="dry_run",
        help="show the mapping, the first rows and what would happen; write nothing",
    )
    importer.set_defaults(handler=run_import)

    history = subparsers.add_parser(
        "imports",
        help="list past imports; 'imports undo ID' undoes one",
        description="The import history, newest first (merges of duplicates too). "
        "'imports undo ID' undoes one: what it created goes to the trash, what it changed "
        "gets its old values back.",
    )
    history.add_argument("action", nargs="?", choices=("list", "undo"), default="list")
    history.add_argument("batch", nargs="?", type=int, metavar="ID", help="the import to undo")
    history.set_defaults(handler=run_imports)

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
    exporter.add_argument(
        "--view",
        metavar="NAME",
        help="export exactly what the saved view NAME of this table shows (its rows, in its "
        "order, with its columns)",
    )
    exporter.set_defaults(handler=run_export)


def _usage(message: str) -> int:
    print(_("crm-desktop: error: {message}").format(message=message), file=sys.stderr)
    return 2


def _progress_printer(enabled: bool):
    def progress(done: int, total: int) -> None:
        if enabled and total:
            print(f"\r  {100 * done // total:3d} %", end="", file=sys.stderr, flush=True)

    return progress


def _check_options(args: argparse.Namespace, entity: str) -> list[tuple[str, str | None]] | int:
    """The ``--map`` choices, or a usage error's exit status."""
    import codecs

    from crm_desktop.services.importing.mapping import parse_map_option

    if args.encoding != "auto":
        try:
            codecs.lookup(args.encoding)
        except LookupError:
            return _usage(f"unknown encoding {args.encoding!r} (try utf-8, cp1251 or cp1252)")
    if args.region is not None:
        import phonenumbers

        if args.region.upper() not in phonenumbers.SUPPORTED_REGIONS:
            return _usage(f"unknown region {args.region!r}: use a country code such as US, DE, RU")
    overrides = []
    for option in args.map:
        try:
            overrides.append(parse_map_option(entity, option))
        except ValueError as exc:
            return _usage(str(exc))
    return overrides


def run_import(args: argparse.Namespace) -> int:
    from crm_desktop.services import importing
    from crm_desktop.services.session import open_session

    path = Path(args.file).expanduser()
    if not path.is_file():
        if path.is_dir():
            raise CrmError(_("{path} is a folder, not a file.").format(path=path))
        raise CrmError(_("{path} does not exist.").format(path=path))
    entity = IMPORT_ENTITIES[args.entity]
    overrides = _check_options(args, entity)
    if isinstance(overrides, int):
        return overrides
    refused_to = Path(args.refused).expanduser() if args.refused else None
    if refused_to is not None and (refused_to.is_dir() or not refused_to.parent.is_dir()):
        return _usage(f"--refused {args.refused}: give a file name in a folder that exists")
    open_session(args.db)
    from crm_desktop.services import settings

    table = importing.read_file(
        path, entity=entity, text_encoding=args.encoding, locale_name=settings.get("locale")
    )
    show = sys.stderr.isatty()
    result = importing.run_import(
        table,
        entity,
        source_name=path.name,
        policy=args.on_duplicate,
        preset=args.preset,
        overrides=overrides,
        region=args.region,
        text_encoding=args.encoding,
        dry_run=args.dry_run,
        progress=_progress_printer(show and not args.dry_run),
    )
    if show:
        print("\r", end="", file=sys.stderr)
    if args.dry_run:
        _print_dry_run(path, table, entity, result)
        return 0
    print(_("Imported {name}: {summary}").format(name=path.name, summary=result.summary()))
    for line in result.details():
        print(f"  {line}")
    if result.batch_id:
        print(
            _("  To undo it: crm-desktop imports undo {batch_id}").format(batch_id=result.batch_id)
        )
    if result.refused_rows:
        target = refused_to or _default_refused_path(path, result)
        saved = importing.save_refused(result, target)
        print(_("Refused rows (with the reason) were saved to {saved}").format(saved=saved))
        for row in result.refused_rows[:5]:
            print(_("  line {line}: {reason}").format(line=row.line, reason=row.reason))
        if len(result.refused_rows) > 5:
            print(_("  … and {value} more").format(value=grouped(len(result.refused_rows) - 5)))
    return 0


def _default_refused_path(source: Path, result: Any) -> Path:
    """A new file in the app's data folder (never beside the input: it may not be ours)."""
    from crm_desktop import paths
    from crm_desktop.services import importing

    folder = paths.data_dir() / "refused"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    return importing.refused_path_for(folder / f"{source.stem}-{stamp}{source.suffix}", result)


def _print_dry_run(path: Path, table: Any, entity: str, result: Any) -> None:
    from crm_desktop.services import importing
    from crm_desktop.services.importing.mapping import TARGETS

    labels = {t.key: t.label for t in TARGETS[entity]}
    print(_("Dry run of {name}: nothing was written.").format(name=path.name))
    print(_("  Read as {format}, {details}.").format(format=table.format, details=table.details))
    print(_("Columns:"))
    width = max((len(h) for h in result.headers), default=0)
    for header, key in zip(result.headers, result.mapping, strict=False):
        where = "(not imported)" if key is None else f"{labels.get(key, key)} [{key}]"
        print(f"  {header.ljust(width)}  → {where}")
    rows = importing.preview(
        table, entity, result.mapping, limit=DRY_RUN_ROWS, region=result.region.region
    )
    if rows:
        print(_("First {len} rows:").format(len=len(rows)))
    for row in rows:
        cells = ", ".join(c.replace("\n", " ⏎ ")[:30] for c in row.cells if c.strip())[:100]
        state = {"new": "new", "duplicate": "duplicate", "refused": "refused"}[row.state]
        print(_("  line {line} [{state}] {cells}").format(line=row.line, state=state, cells=cells))
        if row.message:
            print(f"      {row.message}")
    print(_("Would do: {summary}").format(summary=result.summary()))
    for line in result.details():
        print(f"  {line}")
    fields = ", ".join(t.key for t in TARGETS[entity] if t.key != "note_extra")
    print(
        _("Fields for --map: {fields}, notes+ (keep in the notes), - (leave out).").format(
            fields=fields
        )
    )


def run_imports(args: argparse.Namespace) -> int:
    from crm_desktop.services import importing
    from crm_desktop.services.session import open_session

    if args.action == "undo":
        if args.batch is None:
            return _usage("imports undo needs the ID of an import (see crm-desktop imports)")
        open_session(args.db, create=False)
        info = importing.get_batch(args.batch)
        result = importing.undo_batch(args.batch)
        print(
            _("Undone: {describe} (import {id}). {summary}").format(
                describe=info.describe, id=info.id, summary=result.summary()
            )
        )
        return 0
    if args.batch is not None:
        return _usage("give an ID only with 'imports undo ID'")
    open_session(args.db, create=False)
    batches = importing.list_batches()
    if not batches:
        print(_("Nothing was imported yet."))
        return 0
    print(_("ID     When (UTC)        Created  Updated  Skipped  Refused  What"))
    for batch in batches:
        when = batch.started_at.replace("T", " ").rstrip("Z")[:16]
        state = f"  (undone {batch.undone_at[:10]})" if batch.undone_at else ""
        print(
            f"{batch.id:<6} {when:<17} {batch.created:>7,}  {batch.updated:>7,}  "
            f"{batch.skipped:>7,}  {batch.refused:>7,}  {batch.describe}{state}"
        )
    return 0


def run_export(args: argparse.Namespace) -> int:
    from crm_desktop.services import exporting
    from crm_desktop.services.session import open_session

    target = Path(args.output).expanduser()
    if target.suffix.lower() not in exporting.FORMATS:
        return _usage(f"cannot export to {target.name}: name the file .csv, .xlsx or .vcf")
    entity = exporting.entity_of(args.entity)
    if exporting.format_of(target) == "vcf" and entity not in exporting.VCARD_ENTITIES:
        return _usage("vCard (.vcf) exports are for customers and contacts; use .csv or .xlsx")
    if target.is_dir():
        raise CrmError(
            _("{target} is a folder; give a file name such as {value}.").format(
                target=target, value=target / "export.csv"
            )
        )
    open_session(args.db, create=False)
    show = sys.stderr.isatty()
    if args.view is not None:
        from crm_desktop.services import saved_views

        result = saved_views.export_view(
            entity, args.view, target, progress=_progress_printer(show)
        )
    else:
        result = exporting.export_table(entity, target, progress=_progress_printer(show))
    if show:
        print("\r", end="", file=sys.stderr)
    print(
        _("Exported {rows} {entity} to {path}").format(
            rows=grouped(result.rows), entity=args.entity, path=result.path
        )
    )
    return 0
