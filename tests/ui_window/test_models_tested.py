"""Every item model of the window passes Qt's model tester (pytest-qt's ``qtmodeltester``),
filled with real rows of the demo database — and no model class escapes this file."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from crm_desktop.services import listing
from crm_desktop.services.importing.runner import PreviewRow
from crm_desktop.ui.formats import Formats

PACKAGE = Path(__file__).resolve().parents[2] / "crm_desktop"
MODEL_BASES = {"QAbstractTableModel", "QAbstractItemModel", "QAbstractListModel",
               "QStandardItemModel", "QSortFilterProxyModel", "QIdentityProxyModel"}  # fmt: skip

# The model classes checked here (ListModel and BackupTableModel are checked by the tests
# of their own screens: test_window_lists.py, test_backup_dialog.py).
CHECKED = {"ListModel", "BackupTableModel", "DealCardModel", "TimelineModel", "RelatedModel",
           "OrderLinesModel", "_ChoicesModel", "PreviewModel"}  # fmt: skip


def test_every_model_class_of_the_app_is_checked():
    found = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                isinstance(base, ast.Name) and base.id in MODEL_BASES for base in node.bases
            ):
                found.add(node.name)
    assert found == CHECKED


def test_deal_cards(qtbot, qtmodeltester, demo_db):
    from crm_desktop.ui.deals.cards import DealCardModel

    model = DealCardModel("proposal")
    ids = listing.list_ids("deal", listing.ListQuery(filters={"stage": "proposal"}))
    assert ids
    model.set_ids(ids)
    qtmodeltester.check(model, force_py=True)
    model.remove_id(ids[0])
    model.insert_id(0, ids[0])
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DisplayRole)


def test_timeline(qtbot, qtmodeltester, demo_db):
    from crm_desktop.ui.customers.timeline import TimelineModel, interaction_entries

    customer_id = listing.list_ids(
        "interaction", listing.ListQuery(sort="occurred_at", descending=True)
    )
    owner = listing.fetch_rows("interaction", customer_id[:1], ["customer_id"])[0]["customer_id"]
    model = TimelineModel(Formats())
    model.set_entries(interaction_entries(Formats(), owner))
    assert model.rowCount() > 0
    qtmodeltester.check(model, force_py=True)


def test_related_lists(qtbot, qtmodeltester, demo_db):
    from crm_desktop.ui.customers.related import RELATED_LISTS, RelatedModel

    customer_id = listing.list_ids("customer")[0]
    for related in RELATED_LISTS:
        model = RelatedModel(related, Formats())
        model.load(customer_id)
        qtmodeltester.check(model, force_py=True)
        model.load(None)
        qtmodeltester.check(model, force_py=True)


def test_order_lines(qtbot, qtmodeltester, demo_db):
    from crm_desktop.ui.forms.order_lines import OrderLinesModel

    model = OrderLinesModel(Formats())
    model.insert_line()
    model.insert_line()
    index = model.index(0, 1)
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    model.setData(index, "Ремонт 修理 🛠 =1+1", Qt.ItemDataRole.EditRole)
    qtmodeltester.check(model, force_py=True)
    model.remove_lines([1])
    qtmodeltester.check(model, force_py=True)


@pytest.fixture
def picker(qtbot):
    """A record picker that outlives the model tester (set up before it, torn down after)."""
    from crm_desktop.ui.forms.widgets import RecordPicker

    widget = RecordPicker()
    yield widget
    widget.deleteLater()


def test_picker_choices(qtbot, picker, qtmodeltester, demo_db):
    model = picker._model
    model.set_items([(1, "Ёлка", "Ёлка", None), (2, "<b>&", "<b>&", {"active": False})])
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ForegroundRole) is not None


def test_import_preview(qtbot, qtmodeltester):
    from crm_desktop.ui.transfer.preview import PreviewModel

    model = PreviewModel()
    model.set_rows(
        ["Name", "Email"],
        [PreviewRow(2, "new", "", ["Иван", "ivan@example.com"]),
         PreviewRow(3, "refused", "Not an email address.", ["王伟", "=cmd|"], flagged={1}),
         PreviewRow(4, "duplicate", "", ["מרים"])],  # a short row
    )  # fmt: skip
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount(QModelIndex()) == 3
