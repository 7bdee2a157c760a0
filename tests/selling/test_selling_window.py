"""The window as a user drives it: quote form, accept, issue, pay, cancel, overdue, preferences."""

from __future__ import annotations

from PySide6.QtCore import Qt
from selling_helpers import (
    CYRILLIC_BUYER,
    column_texts,
    edit_cell,
    make_window,
    open_list,
    press,
    rows,
    type_text,
)

from crm_desktop.services import deals, invoices, orders, payments, quotes, settings
from crm_desktop.ui.forms.order_lines import DESCRIPTION, QUANTITY, TAX, TOTAL, UNIT_PRICE
from crm_desktop.ui.quotes.form import QuoteForm


def show(qtbot, dialog):
    qtbot.addWidget(dialog, before_close_func=lambda widget: widget.mark_clean())
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def test_the_quote_form_taxes_two_rates_on_screen_and_saves_them(qtbot, shop):
    form = show(qtbot, QuoteForm(None, defaults={"customer_id": shop["buyer"]}))
    assert form.slots["valid_until"].editor.value() == "2026-04-09"  # 30 days by default
    edit_cell(qtbot, form, 0, DESCRIPTION, "Стул «Офис» 办公椅")
    edit_cell(qtbot, form, 0, QUANTITY, "3")
    edit_cell(qtbot, form, 0, UNIT_PRICE, "99,99")
    assert form.lines_model.index(0, TAX).data() == "19"  # the default rate, shown
    form.add_line()
    edit_cell(qtbot, form, 1, DESCRIPTION, "=Book <b>")
    edit_cell(qtbot, form, 1, QUANTITY, "2")
    edit_cell(qtbot, form, 1, UNIT_PRICE, "20")
    edit_cell(qtbot, form, 1, TAX, "7")
    assert form.lines_model.index(0, TOTAL).data() == "€299.97"
    assert form.tax_summary.text() == "Net €339.97 · tax 7% €2.80 · tax 19% €56.99"
    assert form.total_label.text() == "€399.76"
    edit_cell(qtbot, form, 1, TAX, "101")
    assert "Tax % must be at most 100" in form.lines_error.text().replace("Line 2 · ", "").replace(
        ": Must be", " must be"
    )
    assert not form.save_button.isEnabled()
    edit_cell(qtbot, form, 1, TAX, "7")
    # Gross entry: the same prices now include the tax.
    qtbot.mouseClick(form.prices_gross, Qt.MouseButton.LeftButton)
    # 299.97 incl. 19 %: 47.89 tax; 40.00 incl. 7 %: 2.62 tax
    assert form.tax_summary.text() == "Net €289.46 · tax 7% €2.62 · tax 19% €47.89"
    assert form.total_label.text() == "€339.97"
    press(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.saved_id is not None
    quote = quotes.get_quote(form.saved_id)
    assert quote["prices_include_tax"] and quote["gross_cents"] == 33997
    assert [line["description"] for line in quote["lines"]] == ["Стул «Офис» 办公椅", "=Book <b>"]
    assert (quote["net_cents"], quote["tax_cents"]) == (28946, 5051)


def test_quote_to_paid_in_the_window(qtbot, shop, db, monkeypatch):
    from crm_desktop.ui import forms
    from crm_desktop.ui.invoices import actions

    deal_id = deals.create_deal({"title": "Chairs for Moscow", "customer_id": shop["buyer"]})
    quote_id = quotes.create_quote(
        {"customer_id": shop["buyer"], "deal_id": deal_id},
        [{"product_id": shop["chair"], "quantity": "3"},
         {"product_id": shop["book"], "quantity": "2", "discount_pct": "10"}],
    )  # fmt: skip
    window = make_window(qtbot, db)
    page = open_list(qtbot, window, "quotes")
    assert column_texts(page, "net_cents") == ["€335.97"]
    page.table.select_ids([quote_id], current=quote_id)
    asked = []
    monkeypatch.setattr(actions, "ask_win_deal", lambda parent, title: asked.append(title) or True)
    accept = next(a for a in page.record_actions() if a.objectName() == "acceptQuoteAction")
    accept.trigger()
    assert asked == ["Chairs for Moscow"]
    [(order_id, _number)] = rows("SELECT id, number FROM sales_order")
    assert deals.get_deal(deal_id)["stage"] == "won"
    assert "order SO-2026-0001 made, deal won" in window.message.text()
    window.actions["undo"].trigger()  # Ctrl+Z: the order goes to the trash, the deal reopens
    qtbot.waitUntil(lambda: deals.get_deal(deal_id)["stage"] == "new")
    assert rows("SELECT count(*) FROM sales_order") == [(0,)]
    page.table.select_ids([quote_id], current=quote_id)
    accept.trigger()
    [(order_id, _number)] = rows("SELECT id, number FROM sales_order")

    page = open_list(qtbot, window, "orders")
    page.table.select_ids([order_id], current=order_id)
    issue = next(a for a in page.record_actions() if a.objectName() == "issueInvoiceAction")
    issue.trigger()
    assert "Invoice INV-2026-0001 issued." in window.message.text()
    [(invoice_id,)] = rows("SELECT id FROM invoice")

    page = open_list(qtbot, window, "invoices")
    qtbot.waitUntil(lambda: column_texts(page, "number") == ["INV-2026-0001"])
    assert column_texts(page, "state") == ["Open"]
    assert column_texts(page, "balance_cents") == ["€395.48"]
    page.table.select_ids([invoice_id], current=invoice_id)

    def pay(parent, entity, record_id=None, defaults=None):
        assert (entity, defaults) == ("payment", {"invoice_id": invoice_id})
        return payments.record_payment({**defaults, "amount_cents": "100.00"})

    monkeypatch.setattr(forms, "open_record", pay)
    record = next(a for a in page.record_actions() if a.objectName() == "recordPaymentAction")
    record.trigger()
    assert "Payment of €100.00 recorded on INV-2026-0001." in window.message.text()
    qtbot.waitUntil(lambda: column_texts(page, "state") == ["Partly paid"])
    assert column_texts(page, "balance_cents") == ["€295.48"]
    window.actions["undo"].trigger()
    qtbot.waitUntil(lambda: column_texts(page, "state") == ["Open"])
    record.trigger()
    monkeypatch.setattr(
        forms, "open_record",
        lambda parent, entity, record_id=None, defaults=None: payments.record_payment(
            {**defaults, "amount_cents": "295.48"}),
    )  # fmt: skip
    record.trigger()
    qtbot.waitUntil(lambda: column_texts(page, "state") == ["Paid"])
    assert column_texts(page, "paid_cents") == ["€395.48"]
    assert rows("SELECT sum(amount_cents) FROM payment") == [(39548,)]
    # An issued invoice stays: Delete explains, nothing is removed.
    monkeypatch.setattr(
        "crm_desktop.ui.tables.commands.show_error", lambda *a, **k: asked.append(a[2])
    )
    window.commands.trash_selected()
    assert "cannot be deleted" in str(asked[-1])
    assert rows("SELECT count(*) FROM invoice") == [(1,)]


def test_the_invoice_view_shows_payments_and_takes_them_back(qtbot, shop, db):
    order_id = orders.create_order(
        {"customer_id": shop["buyer"], "status": "confirmed"},
        [{"product_id": shop["chair"], "quantity": "1"}, {"product_id": shop["book"], "quantity": "1"}],
    )  # fmt: skip
    invoice_id = invoices.issue_invoice(order_id)
    payments.record_payment({"invoice_id": invoice_id, "amount_cents": "40", "note": "Аванс"})
    window = make_window(qtbot, db)
    from crm_desktop.ui.invoices.dialog import InvoiceDialog

    dialog = InvoiceDialog(window, record_id=invoice_id)
    qtbot.addWidget(dialog)
    assert dialog.fact_labels["buyer"].text() == CYRILLIC_BUYER
    assert dialog.fact_labels["balance"].text() == "€100.39"
    assert dialog.totals.text() == (
        "Net €119.99  ·  tax 7% on €20.00: €1.40  ·  tax 19% on €99.99: €19.00  ·  Total €140.39"
    )
    assert dialog.payments.topLevelItem(0).text(3) == "Аванс"
    assert not dialog.cancel_button.isEnabled()  # paid in part: not cancelled
    dialog.payments.setCurrentItem(dialog.payments.topLevelItem(0))
    dialog.delete_payment()
    qtbot.waitUntil(lambda: dialog.fact_labels["balance"].text() == "€140.39")
    assert dialog.cancel_button.isEnabled()
    window.actions["undo"].trigger()
    qtbot.waitUntil(lambda: dialog.fact_labels["balance"].text() == "€100.39")


def test_overdue_invoices_show_on_today_and_on_the_customer_page(qtbot, shop, db):
    from datetime import date

    order_id = orders.create_order({"customer_id": shop["buyer"], "status": "confirmed"},
                                   [{"product_id": shop["service"], "quantity": "2"}])  # fmt: skip
    invoices.issue_invoice(order_id, issue_date=date(2026, 1, 5))  # due 01-19
    window = make_window(qtbot, db)
    today = window.page("today")
    notice = today.overdue_invoices
    qtbot.waitUntil(notice.isVisible)
    from crm_desktop.ui.formats import Formats

    since = Formats.load().date("2026-01-19")  # the window's own date format
    assert notice.accessibleName() == f"1 invoice overdue: €240.00 owed since {since}"
    notice.linkActivated.emit("show")
    page = window.current_list()
    assert page.entity == "invoice" and page.filter_bar.combos["state"].currentData() == "overdue"
    window.show_customer(shop["other"])
    qtbot.wait(100)
    assert not window.detail.overdue_invoices.isVisible()
    window.show_customer(shop["buyer"])
    qtbot.waitUntil(window.detail.overdue_invoices.isVisible)
    assert "€240.00 owed" in window.detail.overdue_invoices.text()


def test_preferences_check_numbering_and_tax_settings_as_typed(qtbot, shop):
    from crm_desktop.ui.preferences.dialog import PreferencesDialog

    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    editors = dialog.selling.editors
    save = dialog.buttons.buttons()[0]
    editors["invoice_number_format"].clear()
    type_text(editors["invoice_number_format"], "Счёт-{YYYY}")
    assert dialog.errors["invoice_number_format"].isVisibleTo(dialog)
    assert not save.isEnabled()
    type_text(editors["invoice_number_format"], "/{NNNNN}")
    assert not dialog.errors["invoice_number_format"].isVisibleTo(dialog)
    editors["tax_default_pct"].clear()
    type_text(editors["tax_default_pct"], "20,5")
    dialog.company_tax_id.setText("7707083894")
    dialog.country.clear()
    type_text(dialog.country, "ru")  # two letters, or the name
    assert "Not a valid INN" in dialog.errors["company_tax_id"].text()
    dialog.company_tax_id.setText("7707083893")
    editors["price_entry"].setCurrentIndex(editors["price_entry"].findData("gross"))
    assert save.isEnabled()
    dialog.save()
    values = settings.get_all()
    assert values["invoice_number_format"] == "Счёт-{YYYY}/{NNNNN}"
    assert (values["tax_default_pct"], values["price_entry"], values["company_country"]) == (
        "20.5", "gross", "RU",
    )  # fmt: skip
    order_id = orders.create_order({"customer_id": shop["buyer"], "status": "confirmed"},
                                   [{"product_id": shop["chair"], "quantity": "1"}])  # fmt: skip
    invoice_id = invoices.issue_invoice(order_id)
    assert invoices.get_invoice(invoice_id)["number"] == "Счёт-2026/00001"
