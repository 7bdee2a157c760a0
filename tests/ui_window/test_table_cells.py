"""The table's cells and a search's selection, as a user sees them after the keystroke work.

The cells are filled by :class:`~crm_desktop.ui.tables.cells.CellDelegate` from one answer of
the model each: they must look exactly as the stock delegate draws them from seven roles,
whatever the text (any script, right-to-left, emoji, a formula, markup, a huge name, a
line break) and style (muted, alert in bold red, selected). A new search selects its first
match without looking for the rows selected before; every other reload still keeps them.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QStyledItemDelegate
from window_helpers import open_section, press, type_text, wait_loaded

from crm_desktop.services import contacts, customers, tasks
from crm_desktop.ui.formats import STYLE_COLORS
from crm_desktop.ui.tables.cells import CellDelegate

HOSTILE_NAMES = [
    "=1+2 Формула",
    "<b>&amp; Разметка</b>",
    "张伟贸易有限公司",
    "فاطمة الحسن",
    "Эмодзи 😀🎉 Ltd",
    ("Огромное " + "имя " * 60)[:200],
]


def _searched(qtbot, page, text: str) -> None:
    page.focus_search()
    box = page.filter_bar.search_box
    box.clear()
    type_text(box, text)
    page.filter_bar.flush_search()
    qtbot.waitUntil(lambda: page.model.query.search == text, timeout=2000)
    wait_loaded(qtbot, page)


def _grabs(qtbot, table):
    """The viewport drawn by the table's own delegate, then by Qt's stock delegate."""
    qtbot.wait(20)
    ours = table.viewport().grab().toImage()
    own = table.itemDelegate()
    assert isinstance(own, CellDelegate)
    table.setItemDelegate(QStyledItemDelegate(table))
    try:
        qtbot.wait(20)
        stock = table.viewport().grab().toImage()
    finally:
        table.setItemDelegate(own)
    return ours, stock


def test_cells_look_exactly_as_the_stock_delegate_draws_them(qtbot, window):
    first = customers.create_customer({"name": "Zeta Alpha"})
    muted = customers.create_customer({"name": "Зета Приглушённая", "status": "inactive"})
    contacts.create_contact(
        {"customer_id": muted, "name": "Zetan Contact", "email": "zetan@example.com"}
    )
    for name in HOSTILE_NAMES:
        customers.create_customer({"name": name})
    page = open_section(qtbot, window, "customers")
    # Found by name (selected), and by a contact: the reason beside the name, muted (grey).
    _searched(qtbot, page, "zet")
    assert list(page.model.ids()) == [first, muted]
    assert page.table.selected_ids() == [first]
    assert page.model.cell(1, 0) == (
        "Зета Приглушённая  ·  contact: Zetan Contact",
        page.model.cell(1, 0)[1],
        "muted",
    )
    ours, stock = _grabs(qtbot, page.table)
    assert not ours.isNull() and ours == stock
    # Each of the hostile names on screen, drawn the same way too.
    for name in HOSTILE_NAMES:
        _searched(qtbot, page, name[:6])
        assert page.model.rowCount() >= 1
        ours, stock = _grabs(qtbot, page.table)
        assert ours == stock, name[:20]


def test_an_overdue_task_is_bold_and_red_as_before(qtbot, window):
    tasks.create_task({"title": "Просрочено 张 =SUM(A1)", "due_date": "2020-01-02"})
    page = open_section(qtbot, window, "tasks")
    ours, stock = _grabs(qtbot, page.table)
    assert ours == stock
    model = page.model
    styles = {
        model.cell(row, column)[2]
        for row in range(min(model.rowCount(), 30))
        for column in range(model.columnCount())
        if model.cell(row, column) is not None
    }
    assert "alert" in styles  # the comparison above did cover a bold red cell


def test_a_cell_answers_what_data_answers_role_by_role(qtbot, window):
    customers.create_customer({"name": "Line\nbreak Ltd", "status": "inactive"})
    page = open_section(qtbot, window, "customers")
    _searched(qtbot, page, "line")
    model = page.model
    checked = 0
    for row in range(min(model.rowCount(), 40)):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            cell = model.cell(row, column)
            assert cell is not None
            text, alignment, style = cell
            assert text == model.data(index, Qt.ItemDataRole.DisplayRole)
            assert alignment == model.data(index, Qt.ItemDataRole.TextAlignmentRole)
            foreground = model.data(index, Qt.ItemDataRole.ForegroundRole)
            assert foreground == (STYLE_COLORS.get(style) if style else None)
            checked += 1
    assert checked
    assert model.cell(model.rowCount(), 0) is None  # past the end: nothing
    assert model.cell(0, model.columnCount()) is None


def test_after_a_search_a_reload_keeps_the_row_the_user_chose(qtbot, window):
    for name in ("Quokka One", "Quokka Two", "Quokka Three"):
        customers.create_customer({"name": name})
    page = open_section(qtbot, window, "customers")
    _searched(qtbot, page, "quokka")
    ids = list(page.model.ids())
    assert page.table.selected_ids() == [ids[0]]
    # The user picks the last match; then a new match comes first and the list reloads.
    page.table.select_ids([ids[-1]], current=ids[-1])
    newest = customers.create_customer({"name": "Quokka Aardvark"})
    page.reload()
    qtbot.waitUntil(lambda: page.model.ids()[0] == newest, timeout=2000)
    wait_loaded(qtbot, page)
    assert page.table.selected_ids() == [ids[-1]]
    assert page.table.current_id() == ids[-1]


def test_typing_fast_shows_and_selects_the_last_query_only(qtbot, window):
    for name in ("Ивановская Артель", "Иванов Пётр", "Ивлев Сергей"):
        customers.create_customer({"name": name})
    page = open_section(qtbot, window, "customers")
    other = page.model.ids()[-1]
    page.table.select_ids([other], current=other)
    page.focus_search()
    type_text(page.filter_bar.search_box, "иванов")  # no pause: the debounce sends it once
    qtbot.waitUntil(lambda: page.model.query.search == "иванов", timeout=2000)
    wait_loaded(qtbot, page)
    names = [customers.get_customer(i)["name"] for i in page.model.ids()]
    assert names[:2] == ["Иванов Пётр", "Ивановская Артель"]
    assert "Ивлев Сергей" not in names
    qtbot.waitUntil(lambda: page.table.selected_ids() == [page.model.ids()[0]], timeout=2000)
    assert page.table.verticalScrollBar().value() == 0


def test_clearing_the_box_keeps_the_match_the_user_was_on(qtbot, window):
    found = customers.create_customer({"name": "Wombat Unique"})
    page = open_section(qtbot, window, "customers")
    _searched(qtbot, page, "wombat uni")
    assert page.table.selected_ids() == [found]
    press(qtbot, page.filter_bar.search_box, Qt.Key.Key_Escape)  # Esc clears the box
    page.filter_bar.flush_search()
    qtbot.waitUntil(lambda: page.model.query.search == "", timeout=2000)
    wait_loaded(qtbot, page)
    assert page.model.rowCount() > 100
    assert page.table.selected_ids() == [found]  # kept by id, as before


def test_sorting_then_searching_keeps_the_sort_and_selects_the_first_row(qtbot, window):
    for name, city in (("Ибис Север", "Яхрома"), ("Ибис Юг", "Абакан"), ("Ибис Центр", "Москва")):
        customers.create_customer({"name": name, "city": city})
    page = open_section(qtbot, window, "customers")
    keys = [c.key for c in page.section.columns]
    header = page.table.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(keys.index("city")) + 5, header.height() // 2),
    )
    wait_loaded(qtbot, page)
    assert page.model.query.sort == "city"
    _searched(qtbot, page, "ибис")
    cities = [customers.get_customer(i)["city"] for i in page.model.ids()]
    assert cities == ["Абакан", "Москва", "Яхрома"]  # the sort the user chose still holds
    assert page.table.selected_ids() == [page.model.ids()[0]]
    assert page.table.verticalScrollBar().value() == 0
