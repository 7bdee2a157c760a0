"""Chinese shows as glyphs, not boxes, on a machine without a CJK system font.

The machine is simulated: a child process gets a fontconfig configuration
that knows only DejaVu (Latin, Cyrillic, no Chinese), the situation of a
fresh Debian. A label is rendered to an image: with no CJK font every
ideograph is the same missing-glyph box, so 张 and 伟 render identically;
with the shipped fonts registered (what the app does at start) they differ.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")

PROBE = r"""
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
if sys.argv[1] == "install":
    from crm_desktop.ui.fonts import install_fonts
    print("FAMILIES:" + ",".join(install_fonts()))
def image(text):
    label = QLabel(text)
    font = label.font()
    font.setPointSize(24)
    label.setFont(font)
    label.adjustSize()
    return label.grab().toImage()
zhang, wei, box = image("张"), image("伟"), image("\ue000")
print("SAME:", zhang == wei, "BOX:", zhang == box, "INK:", zhang.width())
"""


def _render(tmp_path: Path, mode: str) -> str:
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>{DEJAVU}</dir><cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(config), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, mode], capture_output=True, text=True, timeout=120, env=env
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.skipif(not DEJAVU.is_dir(), reason="needs the DejaVu system fonts to simulate")
def test_chinese_renders_as_glyphs_with_the_shipped_fonts(tmp_path: Path) -> None:
    without = _render(tmp_path, "plain")
    # The simulation holds: with no CJK font, two different ideographs are the same box.
    assert "SAME: True" in without, without
    with_fonts = _render(tmp_path, "install")
    assert "Droid Sans Fallback" in with_fonts, with_fonts
    assert "SAME: False" in with_fonts and "BOX: False" in with_fonts, with_fonts


def test_the_app_registers_the_fonts_at_start() -> None:
    """run_app calls install_fonts before the window is built."""
    source = (Path(__file__).parents[2] / "crm_desktop" / "ui" / "app.py").read_text()
    assert source.index("install_fonts()") < source.index("MainWindow(")
