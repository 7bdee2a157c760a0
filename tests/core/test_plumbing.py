"""Plumbing written once: the progress and cancel types and check, the atomic file write,
the screen formatter. Read from the modules' syntax trees, so a new copy fails here."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from crm_desktop.errors import CancelledError
from crm_desktop.services.progress import check_in, stop_if_cancelled

PACKAGE = Path(__file__).resolve().parents[2] / "crm_desktop"


def trees() -> list[tuple[Path, ast.Module]]:
    return [(p, ast.parse(p.read_text(encoding="utf-8"))) for p in sorted(PACKAGE.rglob("*.py"))]


def _where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(PACKAGE)}:{getattr(node, 'lineno', 0)}"


def test_progress_and_cancelled_types_are_declared_once():
    found = [
        _where(path, node)
        for path, tree in trees()
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign | ast.AnnAssign)
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name) and target.id in ("Progress", "Cancelled")
    ]
    assert found == ["services/progress.py:16", "services/progress.py:17"]


def _is_hand_written_cancel_check(node: ast.AST) -> bool:
    """``if cancelled is not None and cancelled(): raise CancelledError(...)``."""
    if not (isinstance(node, ast.If) and isinstance(node.test, ast.BoolOp)):
        return False
    values = node.test.values
    raises = [s for s in node.body if isinstance(s, ast.Raise)]
    return (
        len(values) == 2
        and isinstance(values[0], ast.Compare)
        and isinstance(values[0].ops[0], ast.IsNot)
        and isinstance(values[1], ast.Call)
        and bool(raises)
        and "CancelledError" in ast.unparse(raises[0])
    )


def test_the_cancel_check_is_written_once():
    found = [
        _where(path, node)
        for path, tree in trees()
        for node in ast.walk(tree)
        if _is_hand_written_cancel_check(node)
    ]
    assert found == ["services/progress.py:22"]


def test_stop_if_cancelled_and_check_in():
    stop_if_cancelled(None)
    stop_if_cancelled(lambda: False)
    with pytest.raises(CancelledError, match="nothing was changed"):
        stop_if_cancelled(lambda: True)
    with pytest.raises(CancelledError, match=r"^No backup was made\.$"):
        stop_if_cancelled(lambda: True, "No backup was made.")
    seen: list[tuple[int, int]] = []
    check_in(3, 10, lambda done, total: seen.append((done, total)), None)
    check_in(3, 0, lambda done, total: seen.append((done, total)), None)  # no total: no report
    assert seen == [(3, 10)]
    with pytest.raises(CancelledError):
        check_in(3, 10, seen.append, lambda: True)


def test_files_are_put_in_place_by_one_module():
    """Write-to-temp-then-rename is safe_files' job (fsync of the data, the rename, fsync of
    the folder); elsewhere only the log's rotation renames files that are already whole."""
    found = sorted(
        _where(path, node).split(":")[0]
        for path, tree in trees()
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("replace", "rename")
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "os"
    )
    assert set(found) == {"safe_files.py", "logs.py"}, found


def test_a_compiled_catalogue_is_written_whole_and_private(tmp_path):
    """A cache of the app is the user's alone, like its other files, whatever the umask."""
    import os

    from crm_desktop.i18n import compile_po

    source = tmp_path / "ru.po"
    source.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Hello"\nmsgstr "Привет"\n',
        encoding="utf-8",
    )
    old = os.umask(0o022)
    try:
        target = compile_po(source, tmp_path / "cache" / "translations" / "ru.mo")
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o600
    assert target.parent.stat().st_mode & 0o777 == 0o700
    assert [p.name for p in target.parent.iterdir()] == ["ru.mo"]  # no temporary left


def test_one_screen_formatter():
    """Tables, forms, the customer page, the board and Today write values with one class."""
    formatters = [
        _where(path, node)
        for path, tree in trees()
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
        and {"money", "date"} <= {f.name for f in node.body if isinstance(f, ast.FunctionDef)}
    ]
    assert [where.split(":")[0] for where in formatters] == ["ui/formats.py"], formatters


def test_the_formatter_writes_cells_and_fields_alike(qapp):
    from crm_desktop.ui.formats import Formats, label

    formats = Formats("RUB", "ru_RU")
    assert formats.display("date", "2026-06-15") == formats.date("2026-06-15") == "15.06.2026"
    assert formats.display("money", 123456) == formats.money(123456)
    assert formats.display("decimal", 12345.5).replace("\u00a0", " ") == "12 345,5"
    assert formats.number("12345.5") == "12345,5"  # as typed back into a field
    assert label("in_progress") == formats.display("enum", "in_progress") == "In progress"


def test_ci_runs_the_lint_format_and_type_checks_over_the_whole_package():
    import tomllib

    root = PACKAGE.parent
    run = (root / ".ci" / "run").read_text(encoding="utf-8")
    for command in ('ruff" check .', 'ruff" format --check .', 'mypy"', "-m pytest"):
        assert command in run, command
    assert run.index("mypy") < run.index("-m pytest")  # the fast checks fail first
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["tool"]["mypy"]["files"] == ["crm_desktop"]
    assert "'.[test,check]'" in run
    assert {
        name.split("==")[0] for name in project["project"]["optional-dependencies"]["check"]
    } == {"ruff", "mypy"}
