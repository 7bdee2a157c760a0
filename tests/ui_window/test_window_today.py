"""The Today screen: tick a task done (and undo it), open a line, see what is due."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from crm_desktop.services import customers, deals, records, tasks
from crm_desktop.services.clock import today


def _wait_for_line(qtbot, page, entity, record_id, present=True):
    qtbot.waitUntil(lambda: (page.item_for(entity, record_id) is not None) == present, timeout=5000)


def test_ticking_a_task_completes_it_and_undo_reopens_it(qtbot, window):
    customer = customers.create_customer({"name": "Ольга Смирнова"})
    task = tasks.create_task(
        {"title": "Позвонить Ольге", "due_date": today().isoformat(), "customer_id": customer}
    )
    page = window.page("today")
    _wait_for_line(qtbot, page, "task", task)
    item = page.item_for("task", task)
    assert item.text(2) == "Ольга Смирнова"
    assert item.checkState(0) == Qt.CheckState.Unchecked

    tree = page.tasks_card.tree
    tree.setFocus()
    tree.setCurrentItem(item)
    qtbot.keyClick(tree, Qt.Key.Key_Space)  # the keyboard way to tick it
    assert tasks.get_task(task)["status"] == "done"
    assert window.message.text() == "Done: Позвонить Ольге"
    _wait_for_line(qtbot, page, "task", task, present=False)

    qtbot.mouseClick(window.undo_button, Qt.MouseButton.LeftButton)
    assert tasks.get_task(task)["status"] == "open"
    _wait_for_line(qtbot, page, "task", task)


def test_overdue_tasks_are_marked_and_counted(qtbot, window):
    late = tasks.create_task(
        {"title": "Late letter", "due_date": (today() - timedelta(days=3)).isoformat()}
    )
    page = window.page("today")
    _wait_for_line(qtbot, page, "task", late)
    item = page.item_for("task", late)
    assert item.toolTip(1) == "Overdue"
    assert "overdue" in page.summary.text()
    assert page.data.overdue >= 1


def test_each_line_opens_its_record(qtbot, window, forms_calls):
    customer = customers.create_customer({"name": "Line Opener Ltd"})
    deal = deals.create_deal(
        {
            "title": "Closing soon",
            "customer_id": customer,
            "stage": "proposal",
            "expected_close": (today() + timedelta(days=5)).isoformat(),
            "amount_cents": 123456,
        }
    )
    page = window.page("today")
    _wait_for_line(qtbot, page, "deal", deal)
    item = page.item_for("deal", deal)
    assert item.text(3) == "$1,234.56"
    tree = page.deals_card.tree
    tree.setFocus()
    tree.setCurrentItem(item)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert forms_calls[-1] == ("deal", deal, None)

    interaction = records.create(
        records.entity("interaction"),
        {"customer_id": customer, "kind": "call", "subject": "Asked about prices"},
    )
    _wait_for_line(qtbot, page, "interaction", interaction)
    line = page.item_for("interaction", interaction)
    viewport = page.interactions_card.tree.viewport()
    center = page.interactions_card.tree.visualItemRect(line).center()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=center)
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=center)
    assert forms_calls[-1] == ("interaction", interaction, None)


def test_an_empty_database_says_there_is_nothing_due(qtbot, empty_window):
    page = empty_window.page("today")
    assert page.tasks_card.empty.text() == "Nothing due today. Well done."
    assert page.tasks_card.empty.isVisible()
    assert "0 overdue" in page.summary.text()


def test_due_today_leads_and_overdue_follow_newest_first(qtbot, window):
    from crm_desktop.services import today as today_data

    day = today()
    old = [
        tasks.create_task(
            {"title": f"Old {n}", "due_date": (day - timedelta(days=30 + n)).isoformat()}
        )
        for n in range(3)
    ]
    recent = tasks.create_task(
        {"title": "Yesterday", "due_date": (day - timedelta(days=1)).isoformat()}
    )
    due = tasks.create_task({"title": "Send quote", "due_date": day.isoformat()})
    loaded = today_data.load_today(limit=3)
    # The old order (oldest overdue first) would show only the three old ones.
    assert [row["title"] for row in loaded.tasks] == ["Send quote", "Yesterday", "Old 0"]
    assert loaded.overdue >= 4  # counted by COUNT(*), shown lines or not
    assert loaded.task_total == loaded.overdue + 1
    page = window.page("today")
    _wait_for_line(qtbot, page, "task", due)
    _wait_for_line(qtbot, page, "task", recent)
    assert page.item_for("task", old[0]) is not None
    # Each group under its own heading, with its count; headings are not records.
    tree = page.tasks_card.tree
    lines = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    headings = [line for line in lines if line.startswith(("Due today", "Overdue"))]
    assert headings == [
        f"Due today ({loaded.task_total - loaded.overdue})",
        f"Overdue ({loaded.overdue}), newest first",
    ]
    assert lines.index(headings[0]) < lines.index("Send quote") < lines.index(headings[1])
    assert lines.index(headings[1]) < lines.index("Yesterday")
    heading = tree.topLevelItem(lines.index(headings[1]))
    assert not heading.flags() & Qt.ItemFlag.ItemIsSelectable
    page._activated(heading, 0)  # a heading opens nothing and raises nothing


def test_deals_closing_soon_come_before_overdue_ones(qtbot, window):
    from crm_desktop.services import today as today_data

    customer = customers.create_customer({"name": "Deal Order Ltd"})
    day = today()

    def deal(title, offset):
        return deals.create_deal(
            {
                "title": title,
                "customer_id": customer,
                "stage": "proposal",
                "expected_close": (day + timedelta(days=offset)).isoformat(),
                "amount_cents": 100,
            }
        )

    deal("Long past", -400)
    deal("Last week", -7)
    deal("In three days", 3)
    deal("Tomorrow", 1)
    titles = [row["title"] for row in today_data.load_today(limit=200).deals]
    mine = [t for t in titles if t in {"Long past", "Last week", "In three days", "Tomorrow"}]
    assert mine == ["Tomorrow", "In three days", "Last week", "Long past"]
    upcoming = [row for row in today_data.load_today(limit=1).deals]
    assert upcoming[0]["expected_close"] >= day.isoformat()


def test_a_busy_day_still_shows_some_overdue_work(db):
    from crm_desktop.services import today as today_data

    day = today()
    for n in range(10):
        tasks.create_task({"title": f"Today {n}", "due_date": day.isoformat()})
    for n in range(4):
        tasks.create_task(
            {"title": f"Late {n}", "due_date": (day - timedelta(days=n + 1)).isoformat()}
        )
    loaded = today_data.load_today(limit=8)
    titles = [row["title"] for row in loaded.tasks]
    assert titles[:6] == [f"Today {n}" for n in range(6)]
    assert titles[6:] == ["Late 0", "Late 1"]  # newest overdue first
    assert loaded.overdue == 4 and loaded.task_total == 14


def test_a_cards_compact_columns_fit_their_widest_line_in_any_script(monkeypatch, qtbot):
    """They are measured with Qt's own delegate (no call into Python per line): the same
    widths as the lines' padded delegate gives, which only adds height, and the lines keep
    that delegate, padding included, once measured."""
    from PySide6.QtWidgets import QStyledItemDelegate, QTreeWidgetItem
    from shiboken6 import Shiboken

    from crm_desktop.ui.today.page import Card, _PaddedLines

    card = Card("Tasks", ["Task", "Due", "Customer", "Priority"], [9, 0, 7, 0], "All →")
    card.resize(900, 400)
    card.show()
    qtbot.waitExposed(card)
    texts = ["=1+2", "<b>&", "Ёлкина Юлия", "张伟", "مرحبا بالعالم", "😀" * 4, "W" * 120, ""]
    items = [QTreeWidgetItem([text, text, text, text[::-1]]) for text in texts * 5]
    for number, item in enumerate(items):
        item.setData(0, Qt.ItemDataRole.UserRole, ("task", number))
    asked = []
    size_hint = _PaddedLines.sizeHint
    monkeypatch.setattr(
        _PaddedLines, "sizeHint", lambda self, *args: asked.append(1) or size_hint(self, *args)
    )
    card.fill(items, len(items), "Nothing here")
    assert len(asked) < len(items) / 2, len(asked)  # not once per line and column
    tree = card.tree
    padded = tree.itemDelegate()
    assert isinstance(padded, _PaddedLines)
    assert all(tree.itemDelegateForColumn(column) is None for column in range(4))
    header = tree.header()
    for column in (1, 3):
        widest = tree.sizeHintForColumn(column)  # through the padded delegate
        assert tree._natural[column] == max(widest, header.sectionSizeHint(column)) + 10
        assert widest > 300 if column == 1 else widest > 0  # the 120 W's count
    stock = QStyledItemDelegate()
    option = tree.viewOptions() if hasattr(tree, "viewOptions") else None
    index = tree.model().index(0, 0)
    if option is None:
        from PySide6.QtWidgets import QStyleOptionViewItem

        option = QStyleOptionViewItem()
        option.initFrom(tree)
    assert padded.sizeHint(option, index).height() == stock.sizeHint(option, index).height() + 6
    assert tree.visualRect(index).height() == tree.sizeHintForRow(0)
    Shiboken.delete(card)  # before the counting sizeHint is taken back (PySide6 keeps it)
