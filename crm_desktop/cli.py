"""The command line: every job of the app, scriptable, on the same services as the window.

``crm-desktop`` alone opens the main window; a subcommand runs one job and
exits. Exit status: 0 done, 2 a usage error, 1 anything else — always with
one clear line on stderr, never a traceback for a user's mistake. Our own
bugs print one line too and leave the traceback in the log file.

Each area of the app declares its subcommands in a module of
:mod:`crm_desktop.cli_commands` (``register(subparsers)``); this module only
builds the parser from them and applies the error policy.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from collections.abc import Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

if "PySide6" in sys.modules:
    # A host that imported PySide6 before us (the start probe, the tests): PySide6 asks of
    # every module imported after it whether it uses PySide6, the slow way (~0.3 ms each),
    # until crm_desktop.ui answers it from the file's bytes; the messages, paths and
    # logging modules below are ~15 of them. ``crm-desktop`` imports this before PySide6.
    import crm_desktop.ui  # noqa: F401

from crm_desktop import APP_NAME, __version__
from crm_desktop.errors import CancelledError, CrmError, environment_error
from crm_desktop.i18n import _

if TYPE_CHECKING:
    import argparse

PROG = "crm-desktop"
log = logging.getLogger(__name__)


def _parser_class() -> type[argparse.ArgumentParser]:
    # argparse is imported here: the everyday start (no command) never needs it (~17 ms).
    import argparse

    class _Parser(argparse.ArgumentParser):
        """argparse with our first line: ``crm-desktop: error: …`` and exit status 2."""

        def error(self, message: str) -> None:  # type: ignore[override]
            self.print_usage(sys.stderr)
            self.exit(2, f"{self.prog}: error: {message}\n")

    return _Parser


def _command_modules() -> list:
    from crm_desktop.cli_commands import (
        backup,
        core,
        encryption,
        person,
        reports,
        selling,
        transfer,
    )

    return [core, backup, transfer, reports, selling, person, encryption]


def build_parser() -> argparse.ArgumentParser:
    parser_class = _parser_class()
    parser = parser_class(
        prog=PROG,
        description=f"{APP_NAME}: a customer-relationship manager for one small business.",
        epilog="Without a command, the main window opens.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="the database file (default: $CRM_DESKTOP_DB or the user data folder)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=parser_class)
    for module in _command_modules():
        module.register(subparsers)
    return parser


def _fail(message: str) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return 1


def _database_file() -> str | None:
    """The database the command was using, to name it in a message."""
    if "crm_desktop.services.session" not in sys.modules:
        return None  # no database was opened yet
    from crm_desktop.services.session import current_db_path

    path = current_db_path()
    return str(path) if path else None


def _window_only(argv: Sequence[str]) -> tuple[bool, str | None]:
    """(True, db) when the arguments only open the window: no need to build every command."""
    if not argv:
        return True, None
    if len(argv) == 2 and argv[0] == "--db" and not argv[1].startswith("-"):
        return True, argv[1]
    if len(argv) == 1 and argv[0].startswith("--db=") and len(argv[0]) > 5:
        return True, argv[0][5:]
    return False, None


def _run_command(args: argparse.Namespace) -> int:
    """Run the command; an encrypted file whose key this computer lacks asks for its
    recovery key when a person is at the terminal, then runs the command again."""
    try:
        return int(args.handler(args) or 0)
    except CrmError as exc:
        from crm_desktop.services import encryption_keys

        if not isinstance(exc, encryption_keys.EncryptionKeyError) or not sys.stdin.isatty():
            raise
        import getpass

        typed = getpass.getpass(f"{exc}\nRecovery key of {exc.path.name}: ")
        encryption_keys.unlock(exc.path, typed)
        return int(args.handler(args) or 0)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    window_only, db = _window_only(arguments)
    if window_only:  # the everyday start: straight to the window, it has a budget
        # Its imports and widgets make ~10^6 objects, few of them garbage: Python's cyclic
        # collector would run ~45 times (~6 ms) before Today is painted. The window then
        # collects on its GUI thread (ui.app.GuiThreadCollector), which enables it at the end.
        gc.disable()
        args: Any = SimpleNamespace(command=None, db=db)
    else:
        args = build_parser().parse_args(arguments)
    from crm_desktop.logs import setup_logging

    log_path = setup_logging()
    try:
        if args.command is None:
            try:
                from crm_desktop.ui.app import run_app

                return run_app(args.db)
            finally:
                gc.enable()  # also when the window never ran (a second start, a failure)
        status = _run_command(args)
        sys.stdout.flush()  # a closed pipe shows up here, not at exit
        return status
    except CancelledError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return _fail(_("interrupted: nothing was changed."))
    except CrmError as exc:
        return _fail(str(exc))
    except BrokenPipeError:
        # The reader went away (``crm-desktop search x | head``): not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as exc:
        # A full disk, a locked or read-only file: the environment's message, not a bug's.
        explained = environment_error(exc, where=_database_file())
        if explained is not None:
            log.warning("%s failed: %s", args.command, explained, exc_info=exc)
            return _fail(str(explained))
        if isinstance(exc, OSError):
            where = f" ({exc.filename})" if exc.filename else ""
            return _fail(f"{exc.strerror or exc}{where}.")
        # Our bug: one line here, the traceback in the log.
        log.exception("internal error in %s", args.command)
        details = f" Details are in {log_path}." if log_path else ""
        return _fail(
            _("internal error: {name}: {exc}.{details}").format(
                name=type(exc).__name__, exc=exc, details=details
            )
        )


if __name__ == "__main__":
    sys.exit(main())
