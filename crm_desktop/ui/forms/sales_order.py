"""The order form: the customer, the date and status, and the lines with exact totals.

Lines are edited in a table (:mod:`crm_desktop.ui.forms.order_lines`). Keys in
the table: typing starts editing a cell, Tab/Shift+Tab move between cells,
Insert adds a line, Ctrl+Delete removes the current line; the Add line and
Remove line buttons do the same. Picking a product fills in the description
and unit price (and its tax rate). Under the lines: the net amount, the tax
at each rate and the gross total, as the invoice will print them; "Prices
include tax" says whether the unit prices are gross. The order and its lines
are saved together, in one step, by ``orders.create_order`` /
``orders.update_order``. The quote form (:mod:`crm_desktop.ui.quotes.form`) is
this form with a quote's header.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.services import orders, products, records, selling_settings, settings
from crm_desktop.services.clock import today
from crm_desktop.services.enums import ORDER_STATUSES
from crm_desktop.services.records import Row
from crm_desktop.ui.forms.base import RecordForm, error_label
from crm_desktop.ui.forms.order_lines import (
    COLUMN_OF,
    DESCRIPTION,
    DISCOUNT,
    PRODUCT,
    QUANTITY,
    TAX,
    TOTAL,
    UNIT_PRICE,
    LineDelegate,
    LineRow,
    OrderLinesModel,
)
from crm_desktop.ui.forms.widgets import (
    CheckEdit,
    ChoiceCombo,
    CustomerPicker,
    DateEdit,
    DealCombo,
    TextAreaEdit,
    TextLineEdit,
)
from crm_desktop.ui.tables.widths import title_width

_LINE_KEY = re.compile(r"^lines\.(\d+)\.(\w+)$")


def _number_pattern() -> str:
    """What a new order's number will look like: ``SO-2026-…``."""
    return f"{settings.get('order_number_prefix')}{today().year}-…"


class LinesTable(QTableView):
    """The lines table; Insert adds a line and Ctrl+Delete removes one."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lines")
        self.setAccessibleName(self.tr("Order lines"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setAlternatingRowColors(True)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.setMinimumHeight(180)

    def finish_editing(self) -> None:
        """Commit and close the cell editor that is open, if any (Ctrl+S while typing)."""
        delegate = self.itemDelegate()
        editor = getattr(delegate, "open_editor", None)
        if editor is None:
            return
        try:
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        except RuntimeError:  # already gone
            pass


class OrderForm(RecordForm):
    """Create or edit an order and its lines."""

    entity = "sales_order"
    title_new = "New order"
    title_edit = "Order"

    def build(self) -> None:
        formats = self.formats
        # Header fields in two columns: who and what on the left, number and state on the right.
        columns = QHBoxLayout()
        left, right = QFormLayout(), QFormLayout()
        for layout in (left, right):
            layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        columns.addLayout(left, 3)
        columns.addSpacing(16)
        columns.addLayout(right, 2)
        self.form.addRow(columns)
        self.build_header(left, right)
        self.prices_gross = self.add_field(
            "prices_include_tax",
            CheckEdit(self.tr("Unit prices include tax")),
            label=self.tr("Prices"),
            in_spec=False,
            layout=right,
        )

        self.lines_model = OrderLinesModel(formats, self)
        self.lines_view = LinesTable(self)
        self.lines_view.setModel(self.lines_model)
        self.delegate = LineDelegate(formats, self.lines_view)
        self.lines_view.setItemDelegate(self.delegate)
        self.delegate.product_picked.connect(self._after_product)
        header = self.lines_view.horizontalHeader()
        header.setSectionResizeMode(PRODUCT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (QUANTITY, 80), (UNIT_PRICE, 130), (DISCOUNT, 90), (TAX, 60), (TOTAL, 120)
        ):  # fmt: skip
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            # At least the translated title's width («Количество» for "Qty").
            self.lines_view.setColumnWidth(column, max(width, title_width(header, column)))
        lines_title = QLabel(self.tr("Lines"), self)
        font = lines_title.font()
        font.setBold(True)
        lines_title.setFont(font)
        lines_box = QVBoxLayout()
        lines_box.setContentsMargins(0, 8, 0, 0)
        lines_box.addWidget(lines_title)
        lines_box.addWidget(self.lines_view, 1)
        self.lines_error = error_label(self)
        self.lines_error.setObjectName("lines_error")
        self.lines_error.setAccessibleName(self.tr("Problems in the lines"))
        lines_box.addWidget(self.lines_error)

        under = QHBoxLayout()
        self.add_line_button = QPushButton(self.tr("&Add line"), self)
        self.add_line_button.setToolTip(self.tr("Add a line (Insert)"))
        self.add_line_button.setAutoDefault(False)
        self.add_line_button.clicked.connect(self.add_line)
        self.remove_line_button = QPushButton(self.tr("&Remove line"), self)
        self.remove_line_button.setToolTip(self.tr("Remove the current line (Ctrl+Delete)"))
        self.remove_line_button.setAutoDefault(False)
        self.remove_line_button.clicked.connect(self.remove_current_line)
        under.addWidget(self.add_line_button)
        under.addWidget(self.remove_line_button)
        under.addStretch(1)
        # Net and the tax at each rate, then the gross total (what the invoice will say).
        self.tax_summary = QLabel(self)
        self.tax_summary.setObjectName("tax_summary")
        self.tax_summary.setAccessibleName(self.tr("Net and tax"))
        self.tax_summary.setTextFormat(Qt.TextFormat.PlainText)
        self.tax_summary.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        under.addWidget(self.tax_summary)
        under.addSpacing(12)
        total_caption = QLabel(self.tr("Total:"), self)
        self.total_label = QLabel(self)
        self.total_label.setObjectName("order_total")
        self.total_label.setAccessibleName(self.tr("Order total"))
        self.total_label.setTextFormat(Qt.TextFormat.PlainText)
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        big = self.total_label.font()
        big.setBold(True)
        big.setPointSizeF(big.pointSizeF() * 1.25)
        self.total_label.setFont(big)
        total_caption.setFont(big)
        under.addWidget(total_caption)
        under.addWidget(self.total_label)
        lines_box.addLayout(under)
        self.body.addLayout(lines_box, 1)

        notes_form = QFormLayout()
        notes_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.body.addLayout(notes_form)
        self.add_to_tab_order(self.lines_view)
        self.add_to_tab_order(self.add_line_button)
        self.add_to_tab_order(self.remove_line_button)
        self.add_field("notes", TextAreaEdit(lines=2), layout=notes_form)
        self.add_catalogue_fields(custom_only=True, layout=notes_form)  # the owner's own

        self.line_shortcuts = []
        for keys, slot in (
            (QKeySequence(Qt.Key.Key_Insert), self.add_line),
            (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Delete), self.remove_current_line),
        ):
            shortcut = QShortcut(keys, self.lines_view)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self.line_shortcuts.append(shortcut)
        self.lines_model.totals_changed.connect(self._lines_changed)
        self.lines_model.problems_changed.connect(self._show_line_problems)
        self.setMinimumSize(820, 560)

    def build_header(self, left: QFormLayout, right: QFormLayout) -> None:
        """The fields above the lines: who and what on the left, number and state on the right."""
        self.customer = self.add_field("customer_id", CustomerPicker(), layout=left)
        self.deal = self.add_field("deal_id", DealCombo(), layout=left)
        self.add_field(
            "number",
            # The service numbers a new order on save; only its pattern is shown here
            # (finding the next free number reads the whole year's numbers).
            TextLineEdit(
                placeholder=self.tr("automatic ({number_pattern})").format(
                    number_pattern=_number_pattern()
                )
            ),
            layout=right,
        )
        self.add_field("order_date", DateEdit(self.formats, optional=False), layout=right)
        self.add_field("status", ChoiceCombo(ORDER_STATUSES), layout=right)

    # --- loading and filling ------------------------------------------------------------

    def load(self, record_id: int) -> Row:
        return orders.get_order(record_id)

    def fill(self, record, defaults) -> None:
        super().fill(record, defaults)
        gross = (
            record["prices_include_tax"]
            if record
            else defaults.get("prices_include_tax", selling_settings.prices_include_tax())
        )
        self.prices_gross.set_value(gross)
        self.lines_model.set_prices_include_tax(bool(gross))
        self.deal.set_customer(self.customer.record_id())
        lines = []
        if record:
            product_ids = [line["product_id"] for line in record["lines"] if line["product_id"]]
            names = {
                product_id: row["name"]
                for product_id, row in records.get_many(products.PRODUCT, product_ids).items()
            }
            for line in record["lines"]:
                lines.append(
                    LineRow(
                        product_id=line["product_id"],
                        product_text=names.get(line["product_id"], ""),
                        description=line["description"] or "",
                        quantity=self.formats.number(line["quantity"]),
                        unit_price=self.formats.amount(line["unit_price_cents"]),
                        discount=(
                            self.formats.number(line["discount_pct"])
                            if line["discount_pct"]
                            else ""
                        ),
                        tax=self.formats.number(line["tax_pct"]),
                    )
                )
        if not lines:
            lines.append(LineRow())
        self.lines_model.set_lines(lines)

    def focus_first(self) -> None:
        if self.customer.record_id() is None:
            self.customer.setFocus()
        else:
            self.lines_view.setFocus()
            self.lines_view.setCurrentIndex(self.lines_model.index(0, PRODUCT))

    def field_changed(self, name: str) -> None:
        if name == "customer_id":
            self.deal.set_customer(self.customer.record_id())
        elif name == "prices_include_tax":
            self.lines_model.set_prices_include_tax(bool(self.prices_gross.value()))

    # --- lines ------------------------------------------------------------------------

    def add_line(self) -> None:
        current = self.lines_view.currentIndex()
        row = self.lines_model.insert_line(current.row() + 1 if current.isValid() else None)
        index = self.lines_model.index(row, PRODUCT)
        self.lines_view.setFocus()
        self.lines_view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.lines_view.edit(index)

    def remove_current_line(self) -> None:
        current = self.lines_view.currentIndex()
        if not current.isValid():
            return
        self.lines_model.remove_lines([current.row()])
        if self.lines_model.rowCount() == 0:
            self.lines_model.insert_line()
        row = min(current.row(), self.lines_model.rowCount() - 1)
        self.lines_view.setCurrentIndex(self.lines_model.index(row, current.column()))

    def _after_product(self, row: int) -> None:
        # After picking a product the next thing to type is usually the quantity.
        index = self.lines_model.index(row, QUANTITY)
        self.lines_view.setCurrentIndex(index)
        self.lines_view.setFocus()

    def _lines_changed(self) -> None:
        figures = self.lines_model.tax_totals()
        parts = [self.tr("Net {money}").format(money=self.formats.money(figures.net_cents))]
        parts += [
            self.tr("tax {rate}% {money}").format(
                rate=self.formats.number(rate.tax_pct), money=self.formats.money(rate.tax_cents)
            )
            for rate in figures.rates
        ]
        self.tax_summary.setText(" · ".join(parts))
        self.total_label.setText(self.formats.money(figures.gross_cents))
        if not self._loading:
            self.clear_service_errors()
        self._show_line_problems()
        self.update_state()

    def _show_line_problems(self) -> None:
        problems = self.lines_model.problems()
        text = "\n".join(f"Line {row + 1} · {label}: {message}" for row, label, message in problems)
        self.lines_error.setText(text)
        self.lines_error.setVisible(bool(problems))

    def line_total_text(self, row: int) -> str:
        return self.lines_model.index(row, TOTAL).data() or ""

    def grand_total_cents(self) -> int:
        """The sum of the line amounts (before tax when prices are net)."""
        return self.lines_model.grand_total()

    def gross_total_cents(self) -> int:
        return self.lines_model.tax_totals().gross_cents

    # --- the form's hooks ----------------------------------------------------------------

    def extra_valid(self) -> bool:
        return self.lines_model.is_valid() if hasattr(self, "lines_model") else True

    def extra_snapshot(self) -> Any:
        return self.lines_model.snapshot() if hasattr(self, "lines_model") else ()

    def save(self) -> bool:
        self.lines_model.set_reveal(True)
        # Finish the cell being edited, so what is on screen is what is saved.
        self.lines_view.finish_editing()
        return super().save()

    def write(self, data: dict[str, Any]) -> int:
        self._sent_rows = self.lines_model.filled_rows()
        lines = [self.lines_model.lines[row].for_service() for row in self._sent_rows]
        gross = bool(self.prices_gross.value())
        if self.record_id is None:
            return orders.create_order(data, lines, prices_include_tax=gross)
        orders.update_order(self.record_id, data, lines, prices_include_tax=gross)
        return self.record_id

    def show_extra_error(self, key: str, message: str) -> bool:
        match = _LINE_KEY.match(key)
        if not match:
            return False
        sent_index, name = int(match.group(1)), match.group(2)
        rows = getattr(self, "_sent_rows", [])
        if sent_index >= len(rows):
            return False
        if name not in COLUMN_OF:
            name = "description"
        self.lines_model.show_service_error(rows[sent_index], name, message)
        return True

    def show_service_errors(self, errors) -> None:
        super().show_service_errors(errors)
        self._show_line_problems()
        self.update_state()

    def focus_first_problem(self) -> None:
        super().focus_first_problem()
        for row, _label, _message in self.lines_model.problems()[:1]:
            for column in COLUMN_OF.values():
                if self.lines_model.cell_message(row, column):
                    self.lines_view.setFocus()
                    self.lines_view.setCurrentIndex(self.lines_model.index(row, column))
                    return
