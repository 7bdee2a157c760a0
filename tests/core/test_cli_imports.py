"""What importing the command line costs: nothing of Qt for a command, and no slow
PySide6 import hook for a host that loaded PySide6 first (the start probe, the tests)."""

from __future__ import annotations

from tests.fresh_python import printed_by

CHECK = (
    "import sys; {before}import crm_desktop.cli; "
    "feature = sys.modules.get('PySide6.support.feature'); "
    "hook = getattr(feature, '_mod_uses_pyside', None); "
    "print('PySide6' in sys.modules, getattr(hook, 'reads_bytes', False))"
)


def _run(before: str) -> str:
    return printed_by(CHECK.format(before=before))


def test_a_command_imports_nothing_of_qt():
    assert _run("") == "False False"


def test_after_pyside6_the_modules_of_the_start_are_checked_the_quick_way():
    assert _run("import PySide6.QtWidgets; ") == "True True"
