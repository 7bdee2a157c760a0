"""The pipeline board in the window: a drag is one undo step, dates are whole, one "New deal"."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QDropEvent, QFont
from PySide6.QtWidgets import QAbstractButton, QApplication
from window_helpers import open_section

from crm_desktop.services import customers, deals
from crm_desktop.ui.deals.cards import CardDelegate, deal_mime
from crm_desktop.ui.formats import Formats


def _board(qtbot, window):
    page = open_section(qtbot, window, "deals")
    page.show_board(True)
    qtbot.waitUntil(lambda: page.board is not None and not page.board.loading, timeout=10_000)
    qtbot.wait(50)
    return page.board


def _drop(board, deal_id: int, from_stage: str, to_stage: str) -> None:
    """What releasing a dragged card over another column does."""
    mime = deal_mime(deal_id, from_stage)
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.MoveAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    board.columns[to_stage].cards.dropEvent(event)
    assert event.isAccepted()


def _deal(stage: str = "new") -> int:
    acme = customers.create_customer({"name": "Иванов и партнёры"})
    return deals.create_deal({"title": "Поставка 办公 <b>&", "customer_id": acme,
                              "amount_cents": 123_45, "stage": stage})  # fmt: skip


def test_a_drag_is_announced_and_ctrl_z_takes_it_back(qtbot, empty_window) -> None:
    window = empty_window
    deal_id = _deal()
    before = deals.get_deal(deal_id)
    board = _board(qtbot, window)
    _drop(board, deal_id, "new", "proposal")
    qtbot.waitUntil(lambda: deals.get_deal(deal_id)["stage"] == "proposal", timeout=5_000)
    assert deals.get_deal(deal_id)["probability"] != before["probability"]
    message = window.status.message.text()
    assert "Moved" in message and "Proposal" in message and "Поставка 办公 <b>&" in message
    assert window.undo_button.isVisible()
    assert "Undo moved" in window.actions["undo"].text()

    qtbot.keyClick(
        board.columns["proposal"].cards, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
    )
    qtbot.waitUntil(lambda: deals.get_deal(deal_id)["stage"] == "new", timeout=5_000)
    after = deals.get_deal(deal_id)
    assert (after["probability"], after["closed_at"]) == (before["probability"], None)
    qtbot.waitUntil(lambda: deal_id in board.columns["new"].model.ids, timeout=5_000)
    assert deal_id not in board.columns["proposal"].model.ids
    qtbot.waitUntil(lambda: "Undone" in window.status.message.text(), timeout=5_000)
    assert not window.undo_stack.can_undo()  # one drag, one step


def test_edit_undo_takes_back_a_move_to_lost_with_its_reason(qtbot, empty_window) -> None:
    window = empty_window
    deal_id = _deal("negotiation")
    board = _board(qtbot, window)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        dialog.reason.setText("Too expensive")
        dialog.accept()

    QTimer.singleShot(200, answer)
    assert board.move_deal(deal_id, "lost")
    assert deals.get_deal(deal_id)["lost_reason"] == "Too expensive"
    window.menus["Edit"].actions()[0].trigger()  # Edit → Undo
    qtbot.waitUntil(lambda: deals.get_deal(deal_id)["stage"] == "negotiation", timeout=5_000)
    row = deals.get_deal(deal_id)
    assert row["lost_reason"] is None and row["closed_at"] is None


def test_a_card_shows_the_whole_close_date_even_in_a_narrow_column(qtbot) -> None:
    delegate = CardDelegate(Formats())
    fonts = delegate._fonts(QFont())
    card = {"id": 1, "title": "Office furniture for new branch " * 3, "stage": "new",
            "customer_name": "北京新世纪物流股份有限公司 " * 5, "amount_cents": 1_234_567_89,
            "probability": 90, "expected_close": "2026-12-31"}  # fmt: skip
    texts = delegate._lay_out(card, 160, fonts)
    when = Formats().date("2026-12-31")
    assert when in texts and not any("…" in t and "2026" in t for t in texts if isinstance(t, str))
    assert texts[1].endswith("…")  # the customer's name gave way


def test_new_deal_appears_once_and_whole_at_both_sizes(qtbot, empty_window) -> None:
    window = empty_window
    board = _board(qtbot, window)
    for size in ((900, 600), (1920, 1080)):
        window.resize(*size)
        qtbot.wait(80)
        buttons = [b for b in window.findChildren(QAbstractButton)
                   if b.isVisible() and b.text().replace("&", "") == "New deal"]  # fmt: skip
        assert len(buttons) == 1, size
        [button] = buttons
        assert button.width() >= button.sizeHint().width(), size
        right = button.mapTo(window, button.rect().topRight()).x()
        assert right <= window.width(), size
    assert board.isVisible()


def test_a_move_reads_the_board_once(qtbot, empty_window, monkeypatch) -> None:
    from crm_desktop.ui.deals import board as board_module

    deal_id = _deal("proposal")
    board = _board(qtbot, empty_window)
    reads = []
    real = board_module.load_board
    monkeypatch.setattr(board_module, "load_board", lambda *args: reads.append(args) or real(*args))
    assert board.move_deal(deal_id, "negotiation")
    qtbot.waitUntil(lambda: board.columns["negotiation"].count.text() == "1", timeout=5_000)
    qtbot.wait(300)  # a second read, if any, has started by now
    assert len(reads) == 1 and not board.loading
    assert reads[0][1] == deal_id  # the moved card is the one kept in view
    assert board.columns["negotiation"].cards.current_deal() == deal_id
