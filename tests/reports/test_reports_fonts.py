"""Text for PDFs: runs per font, wrapping, right-to-left scripts."""

from __future__ import annotations

from crm_desktop.reports import fonts


def test_latin_and_cyrillic_need_one_font_chinese_takes_the_fallback():
    assert fonts.runs("Smith & Sons ООО «Ромашка» €₽") == [
        fonts.Run(fonts.REGULAR, "Smith & Sons ООО «Ромашка» €₽")
    ]
    assert fonts.runs("北京 Trading 有限公司") == [
        fonts.Run(fonts.FALLBACK, "北京 "),
        fonts.Run(fonts.REGULAR, "Trading "),
        fonts.Run(fonts.FALLBACK, "有限公司"),
    ]
    assert fonts.runs("") == []
    assert "".join(run.text for run in fonts.runs("x 北京 y", bold=True)) == "x 北京 y"


def test_arabic_is_joined_and_right_to_left_hebrew_reversed():
    shown = fonts.visual("شركة النور")
    assert shown != "شركة النور" and all("\ufe70" <= ch <= "\ufeff" or ch == " " for ch in shown)
    assert fonts.visual("שלום abc") == "abc םולש"
    assert fonts.visual("plain text") == "plain text"
    assert not fonts.is_simple("שלום") and fonts.is_simple("Привет, world")


def test_wrapping_keeps_words_and_breaks_cjk_and_addresses():
    assert fonts.wrap("Alhambra Alimentación S.L.", 70, 8.2) == ["Alhambra", "Alimentación", "S.L."]
    assert fonts.wrap("北京贸易有限公司北京贸易有限公司", 40, 8.2) == ["北京贸易", "有限公司"] * 2
    lines = fonts.wrap("office@alhambraconstrucciones.es", 80, 8.2)
    assert lines[0] == "office@" and "".join(lines) == "office@alhambraconstrucciones.es"
    assert fonts.wrap("one\ntwo", 500, 9) == ["one", "two"]
    for line in fonts.wrap("x" * 500, 100, 9):
        assert fonts.width(line, 9) <= 100
