"""A list keeps no per-row Python object beyond its block cache, however long it is."""

from __future__ import annotations

from array import array

from PySide6.QtCore import QItemSelectionModel, Qt
from window_helpers import open_section, wait_loaded

from crm_desktop.services import customers
from crm_desktop.ui.tables import model as model_module


def test_ids_are_compact_and_scrolling_keeps_a_bounded_row_cache(qtbot, window, monkeypatch):
    monkeypatch.setattr(model_module, "BLOCK", 10)  # 150 demo customers: many blocks
    monkeypatch.setattr(model_module, "MAX_BLOCKS", 3)
    page = open_section(qtbot, window, "customers")
    model = page.model
    assert isinstance(model.ids(), array) and model.ids().typecode == "q"
    # Scroll the whole list through, as a user dragging the scroll bar does.
    for row in range(0, model.rowCount(), 5):
        page.table.scrollTo(model.index(row, 0))
        qtbot.wait(1)
        assert model.data(model.index(row, 0), Qt.ItemDataRole.DisplayRole)
    assert len(model._blocks) <= 3
    assert model.values_at(model.rowCount() - 1) is not None


def test_a_kept_selection_needs_no_lasting_map_of_every_row(qtbot, window):
    page = open_section(qtbot, window, "customers")
    model = page.model
    table = page.table
    last = model.rowCount() - 1
    table.selectionModel().setCurrentIndex(
        model.index(last, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    wanted = model.id_at(last)
    # A change reloads the list; the selection is found again among the new ids, by id.
    customers.create_customer({"name": "Aaron Ångström"})
    qtbot.waitUntil(lambda: model.rowCount() == last + 2, timeout=10_000)
    wait_loaded(qtbot, page)
    assert page.selected_ids() == [wanted]
    qtbot.waitUntil(lambda: model._positions is None, timeout=2000)  # gone after that event
    assert model.row_of(wanted) == last + 1  # asked again: found again
