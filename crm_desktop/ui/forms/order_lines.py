"""An order's (or a quote's) lines as an editable table: product, description, quantity, price,
discount, tax rate, total.

Each cell is checked by the service's parser for its field
(``services.orders.LINE``) as it is edited; the line's total and the grand total
are the service's exact integer arithmetic (:func:`money.line_total_cents`,
:func:`orders.order_total_cents`), never float; net, tax per rate and gross are
:func:`taxes.document_totals` of the lines. A line's empty tax rate is the default
rate of the settings (picking a product fills in the product's rate). A line left
completely empty is not an order line and is not saved.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from crm_desktop.services import money, orders, products, records, selling_settings
from crm_desktop.services.taxes import DocumentTotals, TaxedLine, document_totals
from crm_desktop.services.validation import FieldError
from crm_desktop.ui.forms.display import Formats
from crm_desktop.ui.forms.widgets import ProductPicker

PRODUCT, DESCRIPTION, QUANTITY, UNIT_PRICE, DISCOUNT, TAX, TOTAL = range(7)
HEADERS = ("Product", "Description", "Quantity", "Unit price", "Discount %", "Tax %", "Total")
# The service's field behind each editable column.
FIELDS = {
    PRODUCT: "product_id",
    DESCRIPTION: "description",
    QUANTITY: "quantity",
    UNIT_PRICE: "unit_price_cents",
    DISCOUNT: "discount_pct",
    TAX: "tax_pct",
}
COLUMN_OF = {name: column for column, name in FIELDS.items()}
_NUMERIC = (QUANTITY, UNIT_PRICE, DISCOUNT, TAX, TOTAL)
_ERROR_BACKGROUND = QColor("#fdecea")
_ERROR_FOREGROUND = QColor("#b71c1c")


@dataclass
class LineRow:
    """One line as the user typed it, with what is wrong with it."""

    product_id: int | None = None
    product_text: str = ""
    description: str = ""
    quantity: str = ""
    unit_price: str = ""
    discount: str = ""
    tax: str = ""  # empty: the default rate of the settings
    errors: dict[str, str] = field(default_factory=dict)
    service_errors: dict[str, str] = field(default_factory=dict)
    touched: set[str] = field(default_factory=set)

    def is_blank(self) -> bool:
        return not any(
            (
                self.product_id,
                self.product_text.strip(),
                self.description.strip(),
                self.quantity.strip(),
                self.unit_price.strip(),
                self.discount.strip(),
            )
        )

    def raw(self, name: str) -> Any:
        """What the service's parser gets for one field of this line."""
        if name == "product_id":
            return (
                self.product_id
                if self.product_id is not None
                else (self.product_text.strip() or None)
            )
        return {
            "description": self.description,
            "quantity": self.quantity,
            "unit_price_cents": self.unit_price,
            "discount_pct": self.discount,
            "tax_pct": self.tax,
        }[name]

    def for_service(self) -> dict[str, Any]:
        return {name: self.raw(name) for name in FIELDS.values()}

    def snapshot(self) -> tuple:
        return (
            self.product_id,
            self.product_text,
            self.description,
            self.quantity,
            self.unit_price,
            self.discount,
            self.tax,
        )


class OrderLinesModel(QAbstractTableModel):
    """The lines of the order being edited; ``totals_changed`` after every edit."""

    totals_changed = Signal()
    problems_changed = Signal()

    def __init__(self, formats: Formats, parent=None):
        super().__init__(parent)
        self.formats = formats
        self.lines: list[LineRow] = []
        self.reveal = False
        self.default_rate = selling_settings.default_tax_pct()
        self.prices_include_tax = selling_settings.prices_include_tax()
        self.rounding = selling_settings.tax_rounding()

    # --- the table protocol -----------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                if section == UNIT_PRICE:
                    gross = ", incl. tax" if self.prices_include_tax else ""
                    return f"Unit price ({self.formats.currency}{gross})"
                return HEADERS[section]
            return str(section + 1)
        if (
            role == Qt.ItemDataRole.TextAlignmentRole
            and orientation == Qt.Orientation.Horizontal
            and section in _NUMERIC
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() != TOTAL:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or index.row() >= len(self.lines):
            return None
        line, column = self.lines[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == TOTAL:
                total = self.line_total(line)
                return self.formats.money(total) if total is not None else ""
            if column == TAX and role == Qt.ItemDataRole.DisplayRole and not line.tax.strip():
                # An empty rate is the default one: show it, greyed (see ForegroundRole).
                return self.formats.number(self.default_rate) if not line.is_blank() else ""
            return self._text(line, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        message = self.cell_message(index.row(), column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return message
        if role == Qt.ItemDataRole.BackgroundRole and message:
            return QBrush(_ERROR_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and message:
            return QBrush(_ERROR_FOREGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and column == TAX and not line.tax.strip():
            return QBrush(QColor("#8a8f98"))
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return message or ""
        return None

    def _text(self, line: LineRow, column: int) -> str:
        return {
            PRODUCT: line.product_text,
            DESCRIPTION: line.description,
            QUANTITY: line.quantity,
            UNIT_PRICE: line.unit_price,
            DISCOUNT: line.discount,
            TAX: line.tax,
        }.get(column, "")

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = 2
    ) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or index.column() == TOTAL:
            return False
        row, column = index.row(), index.column()
        line = self.lines[row]
        if column == PRODUCT:
            self._set_product(line, value)
        else:
            text = "" if value is None else str(value)
            if column == DESCRIPTION:
                line.description = text
            elif column == QUANTITY:
                line.quantity = text
            elif column == UNIT_PRICE:
                line.unit_price = text
            elif column == DISCOUNT:
                line.discount = text
            elif column == TAX:
                line.tax = text
            line.touched.add(FIELDS[column])
        self._check(line)
        self.dataChanged.emit(self.index(row, 0), self.index(row, TOTAL))
        self.totals_changed.emit()
        return True

    def _set_product(self, line: LineRow, value: Any) -> None:
        """``value`` is a picked product's row (dict), a typed text, or None."""
        line.touched.add("product_id")
        if isinstance(value, dict):
            changed = value["id"] != line.product_id
            line.product_id = value["id"]
            line.product_text = value["name"]
            if changed:
                # Picking a product fills in its name and price (the user may change them).
                line.description = value["name"]
                line.unit_price = self.formats.amount(value["unit_price_cents"])
                if not line.quantity.strip():
                    line.quantity = "1"
                line.tax = self._product_rate_text(value)
                line.touched.update({"description", "unit_price_cents"})
            return
        text = "" if value is None else str(value).strip()
        if text != line.product_text or not text:
            line.product_id = None
            line.product_text = text

    def _product_rate_text(self, product: dict[str, Any]) -> str:
        """The product's own tax rate as text ("" when it has none: the default applies)."""
        rate = product.get("tax_pct") if "tax_pct" in product else None
        if "tax_pct" not in product:  # a picker that does not say: ask the service
            rate = products.get_product(product["id"]).get("tax_pct")
        return self.formats.number(rate) if rate is not None else ""

    def set_prices_include_tax(self, included: bool) -> None:
        self.prices_include_tax = bool(included)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, UNIT_PRICE, TOTAL)
        self.totals_changed.emit()

    # --- lines ------------------------------------------------------------------------

    def set_lines(self, lines: list[LineRow]) -> None:
        self.beginResetModel()
        self.lines = lines
        for line in lines:
            self._check(line)
        self.endResetModel()
        self.totals_changed.emit()

    def insert_line(self, row: int | None = None) -> int:
        row = len(self.lines) if row is None else max(0, min(row, len(self.lines)))
        self.beginInsertRows(QModelIndex(), row, row)
        self.lines.insert(row, LineRow())
        self.endInsertRows()
        self.totals_changed.emit()
        return row

    def remove_lines(self, rows: list[int]) -> None:
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self.lines):
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.lines[row]
                self.endRemoveRows()
        self.totals_changed.emit()

    def filled_rows(self) -> list[int]:
        """The rows that are order lines (empty rows are ignored)."""
        return [row for row, line in enumerate(self.lines) if not line.is_blank()]

    # --- checking and totals ----------------------------------------------------------

    def _check(self, line: LineRow) -> None:
        line.service_errors.clear()
        line.errors = {}
        if line.is_blank():
            return
        for name in FIELDS.values():
            message = records.validate_field(orders.LINE, name, line.raw(name))
            if message:
                line.errors[name] = message
        self.problems_changed.emit()

    def cell_message(self, row: int, column: int) -> str | None:
        name = FIELDS.get(column)
        if name is None:
            return None
        line = self.lines[row]
        if name in line.service_errors:
            return line.service_errors[name]
        if name in line.errors and (self.reveal or name in line.touched):
            return line.errors[name]
        return None

    def problems(self) -> list[tuple[int, str, str]]:
        """(row, field label, message) of every problem shown."""
        found = []
        for row in range(len(self.lines)):
            for column, name in FIELDS.items():
                message = self.cell_message(row, column)
                if message:
                    found.append((row, orders.LINE.field(name).label, message))
        return found

    def is_valid(self) -> bool:
        return all(
            not line.errors and not line.service_errors
            for line in self.lines
            if not line.is_blank()
        )

    def show_service_error(self, row: int, name: str, message: str) -> None:
        self.lines[row].service_errors[name] = message
        column = COLUMN_OF.get(name, DESCRIPTION)
        self.dataChanged.emit(self.index(row, column), self.index(row, column))
        self.problems_changed.emit()

    def set_reveal(self, reveal: bool) -> None:
        self.reveal = reveal
        if self.lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.lines) - 1, TOTAL))
        self.problems_changed.emit()

    @staticmethod
    def parsed(line: LineRow) -> tuple[Decimal, int, Decimal] | None:
        """The line's quantity, unit price (minor units) and discount, if all can be read."""
        try:
            quantity = orders.LINE.field("quantity").parse(line.quantity)
            price = orders.LINE.field("unit_price_cents").parse(line.unit_price)
            discount = orders.LINE.field("discount_pct").parse(line.discount)
        except FieldError:
            return None
        if quantity is None or price is None:
            return None
        return quantity, price, discount or Decimal(0)

    def rate_of(self, line: LineRow) -> Decimal | None:
        """The line's tax rate (its own, else the default), None when it cannot be read."""
        try:
            rate = orders.LINE.field("tax_pct").parse(line.tax)
        except FieldError:
            return None
        return self.default_rate if rate is None else rate

    def tax_totals(self) -> DocumentTotals:
        """Net, tax per rate and gross over the lines that can be read, exact to the cent."""
        found = []
        for line in self.lines:
            values = None if line.is_blank() else self.parsed(line)
            rate = self.rate_of(line)
            if values is not None and rate is not None:
                amount = money.line_total_cents(*values)
                found.append(TaxedLine(amount, rate, self.prices_include_tax))
        return document_totals(found, self.rounding)

    def line_total(self, line: LineRow) -> int | None:
        values = self.parsed(line)
        if values is None:
            return None
        return money.line_total_cents(*values)

    def grand_total(self) -> int:
        """The order's total over the lines that can be read, exact to the cent."""
        readable = [self.parsed(line) for line in self.lines if not line.is_blank()]
        return orders.order_total_cents(
            [
                {"quantity": q, "unit_price_cents": p, "discount_pct": d}
                for q, p, d in (values for values in readable if values is not None)
            ]
        )

    def snapshot(self) -> tuple:
        return tuple(line.snapshot() for line in self.lines if not line.is_blank())


class LineDelegate(QStyledItemDelegate):
    """Edits a line's cells: a product picker in the product column, text elsewhere."""

    product_picked = Signal(int)  # row

    def __init__(self, formats: Formats, parent=None):
        super().__init__(parent)
        self.formats = formats
        self.open_editor: QWidget | None = None

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> QWidget:
        editor = self._create(parent, index)
        self.open_editor = editor
        editor.destroyed.connect(lambda *_: self._forget(editor))
        return editor

    def _forget(self, editor: QWidget) -> None:
        if self.open_editor is editor:
            self.open_editor = None

    def destroyEditor(self, editor: QWidget, index: QModelIndex) -> None:
        self._forget(editor)
        super().destroyEditor(editor, index)

    def _create(self, parent: QWidget, index: QModelIndex) -> QWidget:
        if index.column() == PRODUCT:
            picker = ProductPicker(self.formats, parent)
            picker.setObjectName("line_product_picker")
            picker.setFrame(False)
            picker.picked_row = None  # type: ignore[attr-defined]
            row = index.row()

            def picked(payload: Any, picker: ProductPicker = picker, row: int = row) -> None:
                if payload is None:
                    return
                picker.picked_row = payload  # type: ignore[attr-defined]
                self.commitData.emit(picker)
                self.closeEditor.emit(picker, QAbstractItemDelegate.EndEditHint.NoHint)
                self.product_picked.emit(row)

            picker.chosen.connect(picked)
            return picker
        editor = QLineEdit(parent)
        editor.setFrame(False)
        if index.column() in _NUMERIC:
            editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        if isinstance(editor, ProductPicker):
            model: OrderLinesModel = index.model()  # type: ignore[assignment]
            line = model.lines[index.row()]
            if line.product_id is not None:
                editor.set_value(line.product_id)
            else:
                editor.setText(line.product_text)
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        if isinstance(editor, ProductPicker):
            payload = getattr(editor, "picked_row", None)
            if payload is not None and editor.record_id() == payload["id"]:
                model.setData(index, payload)
            elif editor.record_id() is None:
                model.setData(index, editor.text())
            return
        super().setModelData(editor, model, index)
