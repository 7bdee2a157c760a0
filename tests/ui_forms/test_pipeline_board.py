"""The pipeline board: columns with exact figures, drag a card to move the deal, Won/Lost ask."""

from __future__ import annotations

from datetime import date

import pytest
from forms_helpers import press, type_text, when_modal
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent

from crm_desktop.models.enums import DEAL_STAGES
from crm_desktop.services import customers, deals, figures
from crm_desktop.ui.deals import board as board_module
from crm_desktop.ui.deals.board import PipelineBoard
from crm_desktop.ui.deals.cards import deal_mime


@pytest.fixture
def board(qtbot, db):
    widget = PipelineBoard()
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def pipeline(db):
    acme = customers.create_customer({"name": "Acme"})
    ivanov = customers.create_customer({"name": "Иванов"})
    return {
        "alpha": deals.create_deal(
            {"title": "Alpha", "customer_id": acme, "amount_cents": 100_001, "stage": "new"}
        ),
        "beta": deals.create_deal(
            {
                "title": "Бета",
                "customer_id": ivanov,
                "amount_cents": 33_333,
                "stage": "proposal",
                "expected_close": "2026-07-01",
            }
        ),
        "gamma": deals.create_deal(
            {
                "title": "Gamma",
                "customer_id": acme,
                "amount_cents": 250,
                "stage": "proposal",
                "probability": 33,
            }
        ),
    }


def refresh(qtbot, board: PipelineBoard) -> None:
    with qtbot.waitSignal(board.refreshed, timeout=10_000):
        board.refresh()


def drop(board: PipelineBoard, deal_id: int, from_stage: str, to_stage: str) -> None:
    """What releasing a dragged card over another column does."""
    target = board.columns[to_stage].cards
    mime = deal_mime(deal_id, from_stage)  # the event does not own it: keep it alive
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    target.dropEvent(event)
    assert event.isAccepted()


def test_each_column_shows_its_count_total_and_weighted_total_exactly(qtbot, board, pipeline):
    refresh(qtbot, board)
    proposal = board.columns["proposal"]
    assert proposal.count.text() == "2"
    assert proposal.model.rowCount() == 2
    assert proposal.totals.text() == "Total $335.83"
    # 333.33 × 50 % + 2.50 × 33 % = 166.665 + 0.825 = 167.49 (rounded once, half up)
    assert proposal.weighted.text() == "Weighted $167.49"
    stage_figures = {f.stage: f for f in figures.pipeline()}
    assert stage_figures["proposal"].weighted_cents == 16749
    assert board.columns["new"].totals.text() == "Total $1,000.01"
    assert "3 open deals" in board.summary.text()
    assert [board.columns[s].count.text() for s in DEAL_STAGES] == ["1", "0", "2", "0", "0", "0"]


def test_dragging_a_card_to_won_asks_the_date_and_closes_the_deal(qtbot, board, pipeline):
    refresh(qtbot, board)
    seen = when_modal(lambda dialog: dialog.accept())
    drop(board, pipeline["beta"], "proposal", "won")
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0].objectName() == "close_deal_dialog"
    assert seen[0].date.value() == date.today().isoformat()
    deal = deals.get_deal(pipeline["beta"])
    assert (deal["stage"], deal["probability"], deal["closed_at"]) == (
        "won",
        100,
        date.today().isoformat(),
    )
    assert board.columns["won"].model.ids[0] == pipeline["beta"]  # shown at once
    qtbot.waitUntil(lambda: board.columns["won"].count.text() == "1")
    assert board.columns["proposal"].count.text() == "1"
    assert board.columns["won"].totals.text() == "Total $333.33"


def test_lost_asks_for_a_reason_and_keeps_it(qtbot, board, pipeline):
    refresh(qtbot, board)

    def answer(dialog):
        assert dialog.reason.isVisible()
        dialog.date.set_value("2026-05-04")
        type_text(dialog.reason, "Цена слишком высокая")
        dialog.ok_button.click()

    seen = when_modal(answer)
    drop(board, pipeline["alpha"], "new", "lost")
    qtbot.waitUntil(lambda: bool(seen))
    qtbot.waitUntil(lambda: deals.get_deal(pipeline["alpha"])["stage"] == "lost")
    deal = deals.get_deal(pipeline["alpha"])
    assert (deal["probability"], deal["closed_at"], deal["lost_reason"]) == (
        0,
        "2026-05-04",
        "Цена слишком высокая",
    )


def test_cancel_leaves_the_deal_where_it_was(qtbot, board, pipeline):
    refresh(qtbot, board)
    seen = when_modal(lambda dialog: dialog.reject())
    drop(board, pipeline["gamma"], "proposal", "lost")
    qtbot.waitUntil(lambda: bool(seen))
    assert deals.get_deal(pipeline["gamma"])["stage"] == "proposal"
    assert pipeline["gamma"] in board.columns["proposal"].model.ids
    assert pipeline["gamma"] not in board.columns["lost"].model.ids


def test_moving_between_open_stages_follows_the_default_probability(qtbot, board, pipeline):
    refresh(qtbot, board)
    assert board.move_deal(pipeline["alpha"], "negotiation")
    assert deals.get_deal(pipeline["alpha"])["probability"] == 75
    assert board.move_deal(pipeline["gamma"], "negotiation")
    assert deals.get_deal(pipeline["gamma"])["probability"] == 33  # the user's own figure
    assert [board.columns[s].model.rowCount() for s in ("new", "negotiation")] == [0, 2]


def test_a_drop_on_its_own_column_does_nothing(qtbot, board, pipeline):
    refresh(qtbot, board)
    cards = board.columns["new"].cards
    mime = deal_mime(pipeline["alpha"], "new")
    event = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    cards.dropEvent(event)
    assert not event.isAccepted()
    assert deals.get_deal(pipeline["alpha"])["stage"] == "new"


def test_keyboard_moves_and_opens_a_card(qtbot, board, pipeline):
    refresh(qtbot, board)
    cards = board.columns["new"].cards
    cards.setCurrentIndex(cards.model().index(0, 0))
    press(cards, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert deals.get_deal(pipeline["alpha"])["stage"] == "qualified"
    qualified = board.columns["qualified"].cards
    assert qualified.current_deal() == pipeline["alpha"]
    with qtbot.waitSignal(board.deal_opened) as signal:
        press(qualified, Qt.Key.Key_Return)
    assert signal.args == [pipeline["alpha"]]
    with qtbot.waitSignal(board.deal_opened) as signal:
        qualified.doubleClicked.emit(qualified.model().index(0, 0))
    assert signal.args == [pipeline["alpha"]]


def test_a_real_mouse_drag_starts_with_the_deal_on_it(qtbot, board, pipeline, monkeypatch):
    refresh(qtbot, board)
    cards = board.columns["new"].cards
    started = []
    monkeypatch.setattr(
        type(cards), "startDrag", lambda self, actions: started.append(self.current_deal())
    )
    rect = cards.visualRect(cards.model().index(0, 0))
    qtbot.mousePress(cards.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseMove(cards.viewport(), rect.center() + QPoint(0, 40))
    qtbot.mouseMove(cards.viewport(), rect.center() + QPoint(0, 80))
    qtbot.mouseRelease(cards.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert started == [pipeline["alpha"]]
    mime = cards.model().mimeData([cards.model().index(0, 0)])
    assert mime.hasFormat("application/x-crm-deal")


def test_won_and_lost_show_the_recent_ones_with_show_all(qtbot, board, db, monkeypatch):
    monkeypatch.setattr(board_module, "RECENT_CLOSED", 3)
    customer = customers.create_customer({"name": "Acme"})
    for n in range(5):
        deals.create_deal(
            {
                "title": f"Won {n}",
                "customer_id": customer,
                "stage": "won",
                "closed_at": f"2026-01-0{n + 1}",
            }
        )
    refresh(qtbot, board)
    won = board.columns["won"]
    assert won.count.text() == "5" and won.model.rowCount() == 3
    assert won.more.isVisible() and won.more.text() == "Show all 5"
    assert [won.model.card(r)["title"] for r in range(3)] == ["Won 4", "Won 3", "Won 2"]
    won.more.click()
    assert won.model.rowCount() == 5


def test_hostile_titles_are_painted_as_text(qtbot, board, db):
    customer = customers.create_customer({"name": "<b>&</b> ⚠"})
    deals.create_deal({"title": "=cmd|' /C calc'!A0 " + "x" * 280, "customer_id": customer})
    refresh(qtbot, board)
    card = board.columns["new"].model.card(0)
    assert card["customer_name"] == "<b>&</b> ⚠"
    image = board.grab()  # paints every card: nothing raises on long or odd text
    assert not image.isNull()


@pytest.fixture
def crowded(db):
    """More deals in New than a page of cards: 250, dated and undated, one customer."""
    customer = customers.create_customer({"name": "Ёлка 松树 <b>&"})
    made = []
    for n in range(250):
        made.append(
            deals.create_deal(
                {
                    "title": f"Deal {n:03d}",
                    "customer_id": customer,
                    "amount_cents": 100 + n,
                    "expected_close": None
                    if n % 9 == 0
                    else f"2026-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
                }
            )
        )
    return made


def _expected_new() -> list[int]:
    from crm_desktop.services import listing

    return listing.list_ids("deal", board_module.stage_query("new"))


def test_a_stage_reads_its_first_page_and_the_rest_as_it_is_scrolled(qtbot, board, crowded):
    refresh(qtbot, board)
    column = board.columns["new"]
    assert column.count.text() == "250"  # the figures count every deal of the stage
    assert column.model.rowCount() == board_module.PAGE
    assert column.totals.text() == f"Total ${sum(100 + n for n in range(250)) / 100:,.2f}"
    for _ in range(10):  # what reaching the end of the list asks, until nothing is left
        column.cards.scrollToBottom()
        qtbot.wait(10)
        if not column.model.canFetchMore():
            break
    assert column.model.ids == _expected_new()  # every card, in the stage's order
    assert column.model.card(249)["title"].startswith("Deal")


def test_a_card_moved_far_down_its_new_stage_stays_selected(qtbot, board, crowded):
    refresh(qtbot, board)
    last = _expected_new()[-1]  # undated: the last card of New, beyond the first page
    assert last not in board.columns["new"].model.ids
    customer = deals.get_deal(crowded[0])["customer_id"]
    for n in range(150):  # Qualified full of deals that close sooner
        deals.create_deal(
            {"title": f"Q {n}", "customer_id": customer, "stage": "qualified",
             "expected_close": "2026-01-01"}
        )  # fmt: skip
    deals.move_deal(last, "proposal")  # now Proposal's only card; move it on with the keyboard
    refresh(qtbot, board)
    cards = board.columns["proposal"].cards
    cards.setCurrentIndex(cards.model().index(0, 0))
    cards.setFocus()
    with qtbot.waitSignal(board.refreshed, timeout=10_000):
        press(cards, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    qualified = board.columns["qualified"]
    assert deals.get_deal(last)["stage"] == "qualified"
    assert qualified.count.text() == "151" and board.columns["proposal"].count.text() == "0"
    assert (
        qualified.model.ids
        == board_module.stage_page("qualified", 500).ids[: len(qualified.model.ids)]
    )
    assert qualified.model.ids.index(last) >= 150  # undated: after every dated card
    assert qualified.cards.current_deal() == last
