"""The first questions on a new database: language, country and the company's name.

Defaults come from the system (its language and region). The country sets
the phone region, the currency and the date format
(:func:`crm_desktop.services.country.apply_country`); the line under it
shows what it will set, so the choice is not blind. Everything can be
changed later in Preferences. The language is a choice of this machine
(the local configuration), the rest travels with the data.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from crm_desktop import i18n
from crm_desktop.services import country, local_config, locale_format, settings
from crm_desktop.services.money import currency_exponent


def _system_country() -> str:
    name = i18n.system_locale_name()
    region = name.split("_")[-1].upper() if "_" in name else ""
    return region if len(region) == 2 and region.isalpha() else "US"


class LocaleSetupDialog(QDialog):
    """Asks the language, the country and the company's name of a new database."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to CRM Desktop"))
        intro = QLabel(
            self.tr(
                "A few questions to set the app up for your business. "
                "You can change every answer later in Preferences."
            )
        )
        intro.setWordWrap(True)

        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.language())))

        self.country = QComboBox()
        self.country.setAccessibleName(self.tr("Country"))
        self.country.setEditable(False)
        self._fill_countries(_system_country())

        self.company = QLineEdit(settings.get("company_name"))
        self.company.setAccessibleName(self.tr("Company name"))
        self.company.setPlaceholderText(self.tr("As it appears on your invoices"))
        self.company.setMaxLength(200)

        self.implied = QLabel()
        self.implied.setWordWrap(True)
        self.implied.setStyleSheet("color: palette(placeholder-text);")

        form = QFormLayout()
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Country:"), self.country)
        form.addRow("", self.implied)
        form.addRow(self.tr("Company name:"), self.company)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

        self.language.currentIndexChanged.connect(self._language_changed)
        self.country.currentIndexChanged.connect(self._show_implied)
        self._show_implied()

    def _fill_countries(self, selected: str) -> None:
        """Countries named and sorted in the chosen language (Китай, 中国, China)."""
        self.country.blockSignals(True)
        self.country.clear()
        for code, name in country.country_names(self.chosen_language()):
            self.country.addItem(name, code)
        self.country.setCurrentIndex(max(0, self.country.findData(selected)))
        self.country.blockSignals(False)

    def chosen_language(self) -> str:
        return str(self.language.currentData())

    def chosen_country(self) -> str:
        return str(self.country.currentData() or "US")

    def _language_changed(self) -> None:
        self._fill_countries(self.chosen_country())
        self._show_implied()

    def _show_implied(self) -> None:
        found = country.defaults_for(self.chosen_country())
        example = locale_format.format_money(
            123456, found.currency, found.locale, currency_exponent(found.currency)
        )
        self.implied.setText(
            self.tr(
                "Phone numbers of {region}, amounts in {currency} ({example}), dates as {date}"
            ).format(
                region=f"{found.phone_region} ({found.phone_code})",
                currency=found.currency,
                example=example,
                date=locale_format.format_date(date.today(), found.locale),
            )
        )

    def apply(self) -> None:
        """Store the answers: the language on this machine, the rest in the database."""
        code = self.chosen_language()
        local_config.update({i18n.LANGUAGE_KEY: code})
        i18n.set_language(code)  # services and reports speak it now; the window after restart
        country.apply_country(self.chosen_country(), company_name=self.company.text().strip())


def ask(parent: QWidget | None) -> bool:
    """Ask the first-run questions; True when answered (a closed dialog keeps the defaults)."""
    dialog = LocaleSetupDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    dialog.apply()
    return True
