"""The "Invoices and taxes" part of Preferences: seller details, taxes, numbering, terms.

Each field is checked as the user types by the same checks the settings
service applies on save (:mod:`crm_desktop.services.selling_settings`,
python-stdnum for the tax id), and the message shows under the field.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from crm_desktop.services import numbering, settings, tax_ids
from crm_desktop.services.selling_settings import CHECKS

Row = Callable[[QFormLayout, str, QWidget, str], None]
_LINES = ("company_bank_details", "payment_terms")
_CHOICES = {
    "price_entry": (("net", "Net (tax is added)"), ("gross", "Gross (tax included)")),
    "tax_rounding": (("line", "Per line"), ("document", "Per document, per rate")),
}
# (key, caption) in the order shown.
FIELDS = (
    ("company_legal_name", "Legal name"),
    ("company_country", "Country (two letters)"),
    ("company_kpp", "KPP (Russia)"),
    ("company_bank_details", "Bank details"),
    ("tax_default_pct", "Default tax rate %"),
    ("price_entry", "Prices are entered"),
    ("tax_rounding", "Tax is rounded"),
    ("invoice_number_format", "Invoice numbers"),
    ("credit_note_number_format", "Credit note numbers"),
    ("payment_terms_days", "Days to pay"),
    ("payment_terms", "Payment terms"),
    ("quote_number_prefix", "Quote numbers start with"),
    ("quote_validity_days", "Quotes valid for (days)"),
)


class SellingPreferences(QGroupBox):
    """The selling settings; ``changed`` editors call ``on_change`` (the dialog's check)."""

    def __init__(self, values: dict[str, str], row: Row, on_change: Callable[[], None]):
        super().__init__("Invoices and taxes")
        self.setObjectName("selling_preferences")
        self.editors: dict[str, QWidget] = {}
        form = QFormLayout(self)
        for key, caption in FIELDS:
            editor: QWidget
            if key in _LINES:
                text = QPlainTextEdit(values[key])
                text.setTabChangesFocus(True)
                text.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
                text.textChanged.connect(on_change)
                editor = text
            elif key in _CHOICES:
                combo = QComboBox()
                for value, label in _CHOICES[key]:
                    combo.addItem(label, value)
                combo.setCurrentIndex(max(combo.findData(values[key]), 0))
                combo.currentIndexChanged.connect(on_change)
                editor = combo
            else:
                line = QLineEdit(values[key])
                line.textChanged.connect(on_change)
                editor = line
            editor.setObjectName(key)
            editor.setAccessibleName(caption)
            self.editors[key] = editor
            row(form, caption, editor, key)
        self.editors["invoice_number_format"].setToolTip(
            "{YYYY} or {YY}: the year; {NNNN}: the number with as many digits as N"
        )

    def values(self) -> dict[str, str]:
        found = {}
        for key, editor in self.editors.items():
            if isinstance(editor, QPlainTextEdit):
                found[key] = editor.toPlainText().strip()
            elif isinstance(editor, QComboBox):
                found[key] = str(editor.currentData())
            elif isinstance(editor, QLineEdit):
                found[key] = editor.text().strip()
        return found

    def problems(self, company_tax_id: str) -> dict[str, str]:
        """What is wrong, by setting key (the company's tax id is checked here too)."""
        values = self.values()
        found: dict[str, str] = {}
        for key, value in values.items():
            if value and key in CHECKS:
                try:
                    CHECKS[key](value.upper() if key == "company_country" else value)
                except ValueError as exc:
                    found[key] = str(exc)
        if company_tax_id.strip():
            country = values["company_country"] or settings.default("company_country")
            try:
                tax_ids.check_tax_id(company_tax_id, country)
            except ValueError as exc:
                found["company_tax_id"] = str(exc)
        invoice = values["invoice_number_format"] or settings.SPECS["invoice_number_format"].default
        credit = (
            values["credit_note_number_format"]
            or settings.SPECS["credit_note_number_format"].default
        )
        formats_right = not {"invoice_number_format", "credit_note_number_format"} & set(found)
        if formats_right and numbering.render(invoice, 2026, 1) == numbering.render(
            credit, 2026, 1
        ):
            found["credit_note_number_format"] = "Credit notes need a format other than invoices'."
        if len(values["quote_number_prefix"]) > 20:
            found["quote_number_prefix"] = "At most 20 characters."
        return found

    def preview(self) -> str:
        """``INV-2026-0001 · CN-2026-0001`` for the formats as typed (when they are right)."""
        values = self.values()
        try:
            invoice = numbering.check_format(values["invoice_number_format"] or "INV-{YYYY}-{NNNN}")
            credit = numbering.check_format(
                values["credit_note_number_format"] or "CN-{YYYY}-{NNNN}"
            )
        except ValueError:
            return "—"
        return f"{numbering.render(invoice, 2026, 1)} · {numbering.render(credit, 2026, 1)}"
