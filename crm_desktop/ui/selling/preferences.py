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
from crm_desktop.services.selling_checks import CHECKS
from crm_desktop.ui.noop import QT_TR_NOOP
from crm_desktop.ui.translation import declared

Row = Callable[[QFormLayout, str, QWidget, str], None]
_LINES = ("company_bank_details", "payment_terms")
_CHOICES = {
    "price_entry": (
        ("net", QT_TR_NOOP("Net (tax is added)")),
        ("gross", QT_TR_NOOP("Gross (tax included)")),
    ),
    "tax_rounding": (
        ("line", QT_TR_NOOP("Per line")),
        ("document", QT_TR_NOOP("Per document, per rate")),
    ),
}
# (key, caption) in the order shown.
FIELDS = (
    ("company_legal_name", QT_TR_NOOP("Legal name")),
    ("company_kpp", QT_TR_NOOP("KPP (Russia)")),
    ("company_bank_details", QT_TR_NOOP("Bank details")),
    ("tax_default_pct", QT_TR_NOOP("Default tax rate %")),
    ("price_entry", QT_TR_NOOP("Prices are entered")),
    ("tax_rounding", QT_TR_NOOP("Tax is rounded")),
    ("invoice_number_format", QT_TR_NOOP("Invoice numbers")),
    ("credit_note_number_format", QT_TR_NOOP("Credit note numbers")),
    ("payment_terms_days", QT_TR_NOOP("Days to pay")),
    ("payment_terms", QT_TR_NOOP("Payment terms")),
    ("quote_number_prefix", QT_TR_NOOP("Quote numbers start with")),
    ("quote_validity_days", QT_TR_NOOP("Quotes valid for (days)")),
)


class SellingPreferences(QGroupBox):
    """The selling settings; ``changed`` editors call ``on_change`` (the dialog's check)."""

    def __init__(self, values: dict[str, str], row: Row, on_change: Callable[[], object]):
        super().__init__(self.tr("Invoices and taxes"))
        self.setObjectName("selling_preferences")
        self.editors: dict[str, QWidget] = {}
        form = QFormLayout(self)
        for key, english in FIELDS:
            caption = declared(english)
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
                    combo.addItem(declared(label), value)
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
            self.tr("{YYYY} or {YY}: the year; {NNNN}: the number with as many digits as N")
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

    def problems(self, company_tax_id: str, country: str = "") -> dict[str, str]:
        """What is wrong, by setting key (the company's tax id too, for ``country``: the
        country chosen in the dialog's own box, which also sets phones and formats)."""
        values = self.values()
        found: dict[str, str] = {}
        for key, value in values.items():
            if value and key in CHECKS:
                try:
                    CHECKS[key](value)
                except ValueError as exc:
                    found[key] = str(exc)
        if company_tax_id.strip():
            country = country or settings.default("company_country")
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
            found["credit_note_number_format"] = self.tr(
                "Credit notes need a format other than invoices'."
            )
        if len(values["quote_number_prefix"]) > 20:
            found["quote_number_prefix"] = self.tr("At most 20 characters.")
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
