"""``encryption status|on|off|recovery-key|forget``: encryption at rest (docs/encryption.md)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from crm_desktop.i18n import N_, _

EXPLAIN_ON = N_(
    "Encrypting makes the database unreadable without its key. The key is kept in this "
    "computer's keyring, and you get a recovery key to print: without it, a new computer "
    "or a reinstalled system cannot open the data, and nobody can recover it. A verified "
    "backup is made first; backups made before stay unencrypted.\n"
    "Run again with --yes (and --recovery-pdf FILE to write the page to print)."
)


def register(subparsers: Any) -> None:
    command = subparsers.add_parser(
        "encryption",
        help="encrypt the database at rest, or stop; show its recovery key",
        description="Encryption at rest (SQLCipher): the key in the OS keyring, a printable "
        "recovery key, and a verified, backed-up conversion either way.",
    )
    actions = command.add_subparsers(dest="encryption_action", metavar="ACTION", required=True)
    actions.add_parser(
        "status", help="is the database encrypted, and is its key kept here"
    ).set_defaults(handler=run_status)
    on = actions.add_parser("on", help="encrypt the database (prints the recovery key first)")
    on.add_argument("--yes", action="store_true", help="encrypt (read what it means first)")
    on.add_argument("--recovery-pdf", metavar="FILE.pdf", help="also write the page to print")
    on.set_defaults(handler=run_on)
    off = actions.add_parser("off", help="store the database unencrypted again")
    off.add_argument("--yes", action="store_true", help="decrypt")
    off.set_defaults(handler=run_off)
    key = actions.add_parser("recovery-key", help="show the recovery key of the encrypted database")
    key.add_argument("--pdf", metavar="FILE.pdf", help="write the page to print")
    key.set_defaults(handler=run_recovery_key)
    forget = actions.add_parser(
        "forget",
        help="remove the key from this computer's keyring (the recovery key still opens it)",
    )
    forget.set_defaults(handler=run_forget)


def _open(args: argparse.Namespace) -> Path:
    from crm_desktop.services import open_session

    return open_session(args.db, create=False).path


def run_status(args: argparse.Namespace) -> int:
    from crm_desktop.services import encryption

    path = _open(args)
    state = encryption.status(path)
    if not state.encrypted:
        print(_("{path}: not encrypted.").format(path=path))
    elif state.key_on_this_computer:
        print(_("{path}: encrypted; its key is kept in this computer's keyring.").format(path=path))
    else:
        print(
            _(
                "{path}: encrypted; its key is NOT kept on this computer (it was typed): keep "
                "the recovery key."
            ).format(path=path)
        )
    return 0


def _write_page(target: str, recovery_key: str, database: Path) -> None:
    from crm_desktop.reports.recovery_key_pdf import recovery_key_pdf
    from crm_desktop.safe_files import check_output_path

    written = recovery_key_pdf(check_output_path(target), recovery_key, database, on=date.today())
    print(_("Wrote the page to print: {path}").format(path=written))


def run_on(args: argparse.Namespace) -> int:
    from crm_desktop.errors import CrmError
    from crm_desktop.services import encryption

    path = _open(args)
    if encryption.is_encrypted(path):
        raise CrmError(_("{path} is already encrypted.").format(path=path))
    if not args.yes:
        print(_(EXPLAIN_ON))
        return 1
    key = encryption.new_key()
    recovery = encryption.format_recovery_key(key)
    # Shown before the file depends on it: a crash in the conversion cannot lose it.
    print(_("Recovery key (print it or write it down, and keep it apart from this laptop):"))
    print(f"    {recovery}")
    if args.recovery_pdf:
        _write_page(args.recovery_pdf, recovery, path)
    encryption.convert(path, key)
    kept = encryption.status(path).key_on_this_computer
    print(_("Encrypted {path}.").format(path=path))
    if not kept:
        print(
            _(
                "This computer has no keyring CRM Desktop can use: you will type the recovery "
                "key (or set {env}) each time the database is opened."
            ).format(env=encryption.RECOVERY_KEY_ENV)
        )
    return 0


def run_off(args: argparse.Namespace) -> int:
    from crm_desktop.errors import CrmError
    from crm_desktop.services import encryption

    path = _open(args)
    if not encryption.is_encrypted(path):
        raise CrmError(_("{path} is not encrypted.").format(path=path))
    if not args.yes:
        print(
            _(
                "Decrypting stores the data readable by anyone who has the file. "
                "Run again with --yes."
            )
        )
        return 1
    encryption.convert(path, None)
    print(_("{path} is stored unencrypted again.").format(path=path))
    return 0


def run_recovery_key(args: argparse.Namespace) -> int:
    from crm_desktop.errors import CrmError
    from crm_desktop.services import encryption

    path = _open(args)
    if not encryption.is_encrypted(path):
        raise CrmError(_("{path} is not encrypted: it has no recovery key.").format(path=path))
    recovery = encryption.format_recovery_key(encryption.current_key(path))
    print(recovery)
    if args.pdf:
        _write_page(args.pdf, recovery, path)
    return 0


def run_forget(args: argparse.Namespace) -> int:
    from crm_desktop.services import encryption

    path = _open(args)
    encryption.forget_on_this_computer(path)
    print(_("The key of {path} is no longer kept on this computer.").format(path=path))
    return 0
