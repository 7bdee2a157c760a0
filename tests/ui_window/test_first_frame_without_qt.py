"""Today's first frame without PySide6's ``Qt`` namespace: the same screen, Qt's values
written out (its first use builds ~90 enums, ~20 ms of the start; tests/ui_window/
test_start_order.py holds that a real start builds it only after the paint)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

ROOT = Path(__file__).resolve().parents[2]


def test_the_values_written_out_are_qts_own():
    from crm_desktop.ui.today import page

    assert Qt.ItemDataRole.UserRole.value == page.RECORD_ROLE
    assert Qt.ItemDataRole.TextAlignmentRole.value == page.TEXT_ALIGNMENT_ROLE
    assert Qt.ItemDataRole.CheckStateRole.value == page.CHECK_STATE_ROLE
    assert Qt.ItemDataRole.ForegroundRole.value == page.FOREGROUND_ROLE
    assert Qt.CheckState.Unchecked.value == page.UNCHECKED
    assert Qt.AlignmentFlag.AlignCenter.value == page.CENTRED
    assert (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value == page.RIGHT_ALIGNED
    assert Qt.ScrollBarPolicy.ScrollBarAlwaysOff.value == page.SCROLL_BAR_ALWAYS_OFF


@pytest.mark.parametrize(
    "text",
    [
        "2026-12-06",
        "2026-12-06 10:30:00",
        "2026-12-06T10:30:00Z",
        "2024-02-29",
        "2026-02-29",  # no such day
        "2026-13-01",
        "2026-00-10",
        "0001-01-01",
        "9999-12-31",
        "2026-1-5",
        "2026/12/06",
        "2026.12.06",
        "2026—12—06",
        "2026x12y06",
        "2026 12 06",
        "0000-01-01",
        "20261206",
        "",
        "2026-12-0",
        "+026-12-06",
        " 2026-12-06",
        "٢٠٢٦-١٢-٠٦",  # Arabic-Indic digits: not an ISO date
        "２０２６-１２-０６",  # full-width digits
        "=2026-12-06",
        "2026-12-06\u202e",
        "张伟-12-06",
    ],
)
def test_a_stored_date_is_read_as_qts_iso_parser_reads_it(text: str):
    from crm_desktop.ui.formats import _iso_date

    ours, qts = _iso_date(text), QDate.fromString(text[:10], Qt.DateFormat.ISODate)
    assert ours.isValid() == qts.isValid()
    if qts.isValid():
        assert ours == qts


def test_today_made_at_start_looks_finished_before_qt_and_acts_finished_after(qtbot, demo_db: Path):
    from crm_desktop.services.first_screen import read_first_screen
    from crm_desktop.ui.formats import STYLE_COLORS
    from crm_desktop.ui.main_window import MainWindow

    first = read_first_screen()
    window = MainWindow(demo_db, attach=False)
    qtbot.addWidget(window)
    window.show()
    window.attach(first=first, session_later=True)  # Today only, as at start
    today = window.page("today")
    tasks, deals = today.tasks_card.tree, today.deals_card.tree
    # What the first frame shows is set already: check boxes, alignments, colours.
    lines = [tasks.topLevelItem(row) for row in range(tasks.topLevelItemCount())]
    records = [item for item in lines if item.data(0, Qt.ItemDataRole.UserRole) is not None]
    headings = [item for item in lines if item.data(0, Qt.ItemDataRole.UserRole) is None]
    assert records and headings  # the sample has overdue tasks under their heading
    assert all(item.checkState(0) == Qt.CheckState.Unchecked for item in records)
    overdue = [item for item in records if item.toolTip(1)]
    assert overdue and all(item.foreground(1).color() == STYLE_COLORS["alert"] for item in overdue)
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    assert deals.headerItem().textAlignment(3) == right.value
    amounts = [deals.topLevelItem(row) for row in range(deals.topLevelItemCount())]
    assert any(item.textAlignment(3) == right.value for item in amounts)
    for card in (today.tasks_card, today.deals_card, today.interactions_card):
        assert card.tree.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        assert card.empty.alignment() == Qt.AlignmentFlag.AlignCenter
    # A heading is neither selected nor ticked once Today is painted (finish), ever after.
    window.finish_attach()
    assert all(not item.flags() & Qt.ItemFlag.ItemIsSelectable for item in headings)
    assert all(not item.flags() & Qt.ItemFlag.ItemIsUserCheckable for item in headings)
    assert today.tasks_card.more.cursor().shape() == Qt.CursorShape.PointingHandCursor
    # A tick still completes its task.
    task = records[0]
    task.setCheckState(0, Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: task.font(0).strikeOut(), timeout=10_000)


def _translations(source: str) -> list[str]:
    """``source`` as the shipped Russian and Chinese catalogues translate it."""
    found = []
    for ts in sorted((ROOT / "resources" / "translations").glob("crm_desktop_*.ts")):
        text = ts.read_text(encoding="utf-8")
        escaped = source.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        match = re.search(
            r"<source>" + re.escape(escaped) + r"</source>\s*<translation>(.*?)</translation>",
            text,
            re.S,
        )
        assert match, (ts.name, source)
        found.append(match.group(1).replace("&lt;", "<").replace("&gt;", ">"))
    return found


def test_the_overdue_line_is_rich_text_in_every_language(qtbot, db: Path):
    """It no longer says it is rich (Qt.TextFormat): Qt finds its link on its first line."""
    from PySide6.QtGui import Qt as QtGui  # Qt's namespace as QtGui extends it

    from crm_desktop.services.invoice_dues import Overdue
    from crm_desktop.ui.invoices.overdue import OverdueNotice

    source = "⚠ {escape} — <a href='show'>Show</a>"
    assert _translations(source)
    for template in [source, *_translations(source)]:
        text = template.format(escape="2 &lt;b&gt; €1,234.56 =SUM(A1)")
        assert QtGui.mightBeRichText(text), template
    notice = OverdueNotice(overdue=Overdue(count=2, balance_cents=123456, oldest_due="2026-01-19"))
    qtbot.addWidget(notice)
    assert notice.textFormat() == Qt.TextFormat.AutoText
    assert QtGui.mightBeRichText(notice.text()) and "<a href='show'>" in notice.text()
