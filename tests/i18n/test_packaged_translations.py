"""The PyInstaller build ships the built catalogues: the packaged app has no lrelease."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import QTranslator

from crm_desktop import i18n

ROOT = Path(__file__).resolve().parents[2]


class _Recorder:
    """Stands in for PyInstaller's Analysis/PYZ/EXE/COLLECT: keeps what the spec passes."""

    made: ClassVar[list[tuple[tuple, dict]]] = []

    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs
        self.pure = self.scripts = self.binaries = self.datas = []
        _Recorder.made.append((args, kwargs))


def test_the_spec_builds_every_catalogue_and_lists_it_in_the_package(tmp_path, monkeypatch):
    pytest.importorskip("PyInstaller")
    spec = tmp_path / "crm_desktop.spec"  # SPECPATH = the checkout; the build folder: tmp
    spec.write_text((ROOT / "crm_desktop.spec").read_text(encoding="utf-8").replace(
        'ROOT / "build" / "translations"', f"Path({str(tmp_path / 'built')!r})"
    ), encoding="utf-8")  # fmt: skip
    _Recorder.made.clear()
    names = {n: _Recorder for n in ("Analysis", "PYZ", "EXE", "COLLECT")}
    monkeypatch.setattr(sys, "path", list(sys.path))
    runpy.run_path(str(spec), init_globals={"SPECPATH": str(ROOT), **names})
    analysis = next(kwargs for args, kwargs in _Recorder.made if "datas" in kwargs)
    shipped = {
        Path(src).name: dest for src, dest in analysis["datas"] if src.endswith((".qm", ".mo"))
    }
    assert shipped == {
        f"crm_desktop_{code}{suffix}": "crm_desktop/resources/translations/built"
        for code in ("ru", "zh_CN") for suffix in (".qm", ".mo")
    }  # fmt: skip
    russian = QTranslator()
    assert russian.load(str(tmp_path / "built" / "crm_desktop_ru.qm"))
    assert russian.translate("PreferencesDialog", "Country") == "Страна"
    assert (tmp_path / "built" / "crm_desktop_zh_CN.qm").stat().st_mode & 0o044 == 0o044


@pytest.fixture
def fresh_resources():
    from crm_desktop import paths

    paths.resources_dir.cache_clear()
    yield
    paths.resources_dir.cache_clear()


def test_a_packaged_app_reads_the_shipped_catalogue_without_building(
    tmp_path, monkeypatch, fresh_resources
):
    resources = tmp_path / "crm_desktop" / "resources"
    built = resources / "translations" / i18n.SHIPPED_FOLDER
    built.mkdir(parents=True)
    i18n.compile_ts(ROOT / "resources" / "translations" / "crm_desktop_ru.ts",
                    built / "crm_desktop_ru.qm")  # fmt: skip
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    import PySide6

    # No lrelease in a packaged app: building would fail, so it must not be tried.
    monkeypatch.setattr(PySide6, "__file__", str(tmp_path / "nowhere" / "__init__.py"))
    assert i18n.built_catalogue("ru", ".qm") == built / "crm_desktop_ru.qm"
    assert not (i18n.compiled_dir() / "crm_desktop_ru.qm").exists()
