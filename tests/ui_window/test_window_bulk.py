"""Deleting, bulk changes and undo, as one step each; the Trash section."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog
from window_helpers import answer_next_dialog, click_row, open_section, wait_loaded

from crm_desktop.models import database
from crm_desktop.services import customers, records, tags, tasks


def _deleted_at(customer_id: int):
    return database.execute_sql(
        "SELECT deleted_at FROM customer WHERE id = ?", (customer_id,)
    ).fetchone()[0]


def test_delete_key_moves_to_trash_and_ctrl_z_brings_it_back(qtbot, window):
    page = open_section(qtbot, window, "customers")
    total = page.count()
    click_row(qtbot, page.table, 2)
    victim = page.model.id_at(2)
    name = page.model.values_at(2)["name"]
    assert page.selected_ids() == [victim]

    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert _deleted_at(victim) is not None
    wait_loaded(qtbot, page)
    qtbot.waitUntil(lambda: page.count() == total - 1)
    assert page.model.row_of(victim) is None
    assert "Moved 1 customer to the trash." in window.message.text()
    assert window.undo_button.isVisible()
    # The row below took its place and is the current row: Delete again would go on.
    assert page.table.currentIndex().row() == 2

    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _deleted_at(victim) is None
    qtbot.waitUntil(lambda: page.count() == total)
    assert page.model.row_of(victim) == 2
    assert page.model.values_at(2)["name"] == name
    assert window.message.text().startswith("Undone")
    assert not window.actions["undo"].isEnabled()


def test_the_undo_button_in_the_status_bar_restores_too(qtbot, window):
    page = open_section(qtbot, window, "tasks")
    click_row(qtbot, page.table, 0)
    click_row(qtbot, page.table, 1, Qt.KeyboardModifier.ControlModifier)
    chosen = page.selected_ids()
    assert len(chosen) == 2
    window.actions["trash"].trigger()
    assert all(not records.exists("task", i) for i in chosen)
    qtbot.mouseClick(window.undo_button, Qt.MouseButton.LeftButton)
    assert all(records.exists("task", i) for i in chosen)
    qtbot.waitUntil(lambda: all(page.model.row_of(i) is not None for i in chosen))


def test_bulk_status_on_three_rows_is_one_undoable_step(qtbot, window):
    page = open_section(qtbot, window, "customers")
    click_row(qtbot, page.table, 0)
    click_row(qtbot, page.table, 2, Qt.KeyboardModifier.ShiftModifier)
    chosen = page.selected_ids()
    assert len(chosen) == 3
    before = {i: customers.get_customer(i)["status"] for i in chosen}
    target = "inactive" if "inactive" not in before.values() else "prospect"

    window.status_menu.aboutToShow.emit()
    action = next(a for a in window.status_menu.actions() if a.text() == target.capitalize())
    action.trigger()
    assert {customers.get_customer(i)["status"] for i in chosen} == {target}
    qtbot.waitUntil(
        lambda: {page.model.values_at(page.model.row_of(i))["status"] for i in chosen} == {target}
    )
    assert page.selected_ids() == chosen  # the selection survived the reload
    assert "on 3 customers" in window.message.text()

    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert {i: customers.get_customer(i)["status"] for i in chosen} == before
    qtbot.waitUntil(
        lambda: page.model.values_at(page.model.row_of(chosen[0]))["status"] == before[chosen[0]]
    )


def test_bulk_stage_on_deals_and_undo(qtbot, window):
    page = open_section(qtbot, window, "deals")
    page.table.selectAll()
    click_row(qtbot, page.table, 0)
    click_row(qtbot, page.table, 1, Qt.KeyboardModifier.ShiftModifier)
    chosen = page.selected_ids()
    before = {i: records.get(records.entity("deal"), i) for i in chosen}
    window.commands.set_status("negotiation")
    after = {i: records.get(records.entity("deal"), i) for i in chosen}
    assert {row["stage"] for row in after.values()} == {"negotiation"}
    window.commands.undo()
    for i in chosen:
        again = records.get(records.entity("deal"), i)
        assert (again["stage"], again["probability"]) == (
            before[i]["stage"],
            before[i]["probability"],
        )


def _answer_tag(text: str) -> None:
    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, fill)
            return
        dialog.setTextValue(text)
        dialog.accept()

    QTimer.singleShot(0, fill)


def test_add_and_remove_a_tag_on_several_customers_with_undo(qtbot, window):
    page = open_section(qtbot, window, "customers")
    click_row(qtbot, page.table, 3)
    click_row(qtbot, page.table, 5, Qt.KeyboardModifier.ShiftModifier)
    chosen = page.selected_ids()
    _answer_tag("Ярмарка 2026")
    qtbot.keyClick(page.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert all("Ярмарка 2026" in tags.tags_of(i) for i in chosen)
    qtbot.waitUntil(lambda: "Ярмарка 2026" in (page.model.values_at(3)["tags"] or ""))

    window.commands.undo()
    assert not any("Ярмарка 2026" in tags.tags_of(i) for i in chosen)

    tags.add_tags(chosen, ["VIP-test"])
    _answer_tag("VIP-test")
    window.commands.remove_tag()
    assert not any("VIP-test" in tags.tags_of(i) for i in chosen)
    window.commands.undo()
    assert all("VIP-test" in tags.tags_of(i) for i in chosen)


def test_trash_section_restores_deletes_for_good_and_empties(qtbot, window):
    first = customers.create_customer({"name": "Trash Test One"})
    second = customers.create_customer({"name": "Trash Test Two"})
    task = tasks.create_task({"title": "Trash test task"})
    from crm_desktop.services import trash

    trash.move_to_trash("customer", [first])
    trash.move_to_trash("customer", [second])
    trash.move_to_trash("task", [task])

    page = open_section(qtbot, window, "trash")
    assert page.count() == 3
    labels = {page.model.values_at(row)["label"]: row for row in range(3)}
    assert set(labels) == {"Trash Test One", "Trash Test Two", "Trash test task"}
    kinds = [page.model.data(page.model.index(row, 1)) for row in range(3)]
    assert sorted(kinds) == ["Customer", "Customer", "Task"]

    click_row(qtbot, page.table, labels["Trash Test One"])
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert _deleted_at(first) is None
    qtbot.waitUntil(lambda: page.count() == 2)

    row = next(r for r in range(2) if page.model.values_at(r)["label"] == "Trash Test Two")
    click_row(qtbot, page.table, row)
    seen: list[str] = []
    answer_next_dialog("Delete for good", seen)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert "cannot be undone" in seen[0]
    assert not records.exists("customer", second)
    qtbot.waitUntil(lambda: page.count() == 1)

    answer_next_dialog("Cancel")
    qtbot.mouseClick(page.empty_button, Qt.MouseButton.LeftButton)
    assert records.exists("trash_item", page.model.ids()[0])

    answer_next_dialog("Empty trash")
    qtbot.mouseClick(page.empty_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.count() == 0, timeout=10_000)
    assert not records.exists("task", task)
    assert page.table.empty_text == "The trash is empty."
    wait_loaded(qtbot, page)
