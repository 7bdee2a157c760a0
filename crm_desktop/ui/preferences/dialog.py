"""The Preferences dialog: the company on invoices and reports, money, dates and phone numbers.

A second tab, Fields, holds the owner's custom fields (:mod:`.fields`).

These are the settings that travel with the data (the ``setting`` table,
:mod:`crm_desktop.services.settings`), so they go with every backup. Each
field is checked as the user types, with the message under it, and Save is
disabled while something is wrong. The logo is a PNG or JPEG file, stored
in the database as base64. The language of the window is a choice of this
computer (:mod:`crm_desktop.ui.preferences.language`); after Save,
:attr:`PreferencesDialog.language_changed` tells the window to show itself in it.
"""

from __future__ import annotations

import base64
import contextlib
import re
from pathlib import Path

from PySide6.QtCore import QByteArray, QDate, QLocale, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import ValidationError
from crm_desktop.services import settings
from crm_desktop.services.validation import FieldError, email, format_phone, phone_parser
from crm_desktop.ui.errors import show_error
from crm_desktop.ui.formats import Formats
from crm_desktop.ui.preferences.fields import FieldsPage

MAX_LOGO_BYTES = 2_000_000
CURRENCIES = ("USD", "EUR", "GBP", "RUB", "UAH", "KZT", "CNY", "JPY", "CHF", "CAD", "AUD",
              "PLN", "CZK", "SEK", "NOK", "DKK", "INR", "BRL", "TRY", "ILS", "KRW")  # fmt: skip
LOCALES = ("en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "pt_BR", "nl_NL", "pl_PL",
           "cs_CZ", "sv_SE", "ru_RU", "uk_UA", "kk_KZ", "tr_TR", "he_IL", "zh_CN", "ja_JP",
           "ko_KR")  # fmt: skip
_LOCALE = re.compile(r"^[a-z]{2,3}_[A-Z]{2}$")


class PreferencesDialog(QDialog):
    """Edit the settings stored with the data; Save writes them in one transaction."""

    # The locale setting's box. It hides QWidget.locale(), which nothing here calls.
    locale: QComboBox  # type: ignore[assignment]

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumWidth(520)
        values = settings.get_all()
        self._logo = values.get("company_logo", "")
        self.errors: dict[str, QLabel] = {}

        self.company_name = QLineEdit(values["company_name"])
        self.company_address = QPlainTextEdit(values["company_address"])
        self.company_address.setTabChangesFocus(True)
        self.company_address.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.company_email = QLineEdit(values["company_email"])
        self.company_phone = QLineEdit(values["company_phone"])
        self.company_tax_id = QLineEdit(values["company_tax_id"])
        self.logo_preview = QLabel()
        self.logo_preview.setFixedSize(140, 56)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setFrameShape(QLabel.Shape.StyledPanel)
        self.logo_choose = QPushButton(self.tr("Choose…"))
        self.logo_remove = QPushButton(self.tr("Remove"))
        self.logo_choose.clicked.connect(self._choose_logo)
        self.logo_remove.clicked.connect(self._remove_logo)

        self.country = CountryBox(values["company_country"])
        self.country.country_chosen.connect(self._country_chosen)
        self.country.textChanged.connect(self._validate)
        self.currency = self._combo(CURRENCIES, values["currency"])
        self.locale = self._combo(LOCALES, values["locale"])
        for row in range(self.locale.count()):
            name = self.locale.itemText(row)
            self.locale.setItemData(row, _locale_title(name), Qt.ItemDataRole.ToolTipRole)
        self.phone_region = QLineEdit(values["phone_region"])
        self.phone_region.setMaxLength(2)
        self.page_size = QComboBox()
        self.page_size.addItems(list(settings.SPECS["page_size"].choices))
        self.page_size.setCurrentText(values["page_size"])
        self.order_prefix = QLineEdit(values["order_number_prefix"])
        self.preview = QLabel()
        self.preview.setObjectName("preview")

        company = QGroupBox(self.tr("Your company (on invoices and reports)"))
        company_form = QFormLayout(company)
        self._row(company_form, self.tr("Name"), self.company_name, "company_name")
        self._row(company_form, self.tr("Address"), self.company_address, "company_address")
        self._row(company_form, self.tr("Email"), self.company_email, "company_email")
        self._row(company_form, self.tr("Phone"), self.company_phone, "company_phone")
        self._row(company_form, self.tr("Tax / VAT number"), self.company_tax_id, "company_tax_id")
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        logo_row.addWidget(self.logo_choose)
        logo_row.addWidget(self.logo_remove)
        logo_row.addStretch(1)
        logo_box = QWidget()
        logo_box.setLayout(logo_row)
        logo_row.setContentsMargins(0, 0, 0, 0)
        self._row(company_form, self.tr("Logo"), logo_box, "company_logo")

        formats = QGroupBox(self.tr("Money, dates and phone numbers"))
        formats_form = QFormLayout(formats)
        self._row(formats_form, self.tr("Country"), self.country, "company_country")
        self._row(formats_form, self.tr("Currency"), self.currency, "currency")
        self._row(formats_form, self.tr("Locale"), self.locale, "locale")
        self._row(formats_form, self.tr("Phone country"), self.phone_region, "phone_region")
        self._row(formats_form, self.tr("Paper size"), self.page_size, "page_size")
        self._row(
            formats_form,
            self.tr("Order numbers start with"),
            self.order_prefix,
            "order_number_prefix",
        )
        formats_form.addRow(self.tr("Looks like"), self.preview)
        from crm_desktop.ui.selling.preferences import SellingPreferences  # selling settings

        self.selling = SellingPreferences(values, self._row, self._validate)

        from crm_desktop.ui.preferences.language import LanguageBox

        self.language = LanguageBox(self)
        self.language_changed = False
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

        general = QWidget()
        columns = QHBoxLayout(general)
        left = QVBoxLayout()
        left.addWidget(self.language)
        left.addWidget(company)
        left.addWidget(formats)
        left.addStretch(1)
        columns.addLayout(left, 1)
        columns.addWidget(self.selling, 1)
        self.fields_page = FieldsPage()
        self.tabs = QTabWidget()
        self.tabs.addTab(general, self.tr("General"))
        self.tabs.addTab(self.fields_page, self.tr("Fields"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        # Never narrower than what the labels of the language need: the default (two thirds of
        # the screen) cut Russian labels and buttons on a 1366-pixel laptop.
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)

        for edit in (
            self.company_email, self.company_phone, self.phone_region, self.order_prefix,
            self.company_tax_id,
        ):  # fmt: skip
            edit.textChanged.connect(self._validate)
        self.currency.currentTextChanged.connect(self._validate)
        self.locale.currentTextChanged.connect(self._validate)
        self._amounts_stored: bool | None = None  # asked once, when the country first changes
        self.currency_note = QLabel()
        self.currency_note.setObjectName("currency_note")
        self.currency_note.setWordWrap(True)
        self.currency_note.hide()
        formats_form.insertRow(2, "", self.currency_note)
        self._show_logo()
        self._validate()

    def _combo(self, items: tuple[str, ...], value: str) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(True)
        combo.addItems(list(items))
        # By index: an editable combo's text follows its current item when that item's data
        # changes (the locale tooltips), and would show the first item instead of the value.
        if (index := combo.findText(value)) >= 0:
            combo.setCurrentIndex(index)
        else:
            combo.setCurrentText(value)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        return combo

    def _row(self, form: QFormLayout, title: str, widget: QWidget, key: str) -> None:
        message = QLabel()
        message.setObjectName(f"error_{key}")
        message.setStyleSheet("color: #c53030;")
        message.setWordWrap(True)
        message.hide()
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(message)
        form.addRow(title, holder)
        self.errors[key] = message

    # --- values and checks -----------------------------------------------------------

    def values(self) -> dict[str, str]:
        phone = self.company_phone.text().strip()
        region = self.phone_region.text().strip().upper() or settings.default("phone_region")
        if phone:
            with contextlib.suppress(FieldError):  # _check reports it
                phone = format_phone(phone_parser(lambda: region)(phone))
        return {
            "company_name": self.company_name.text().strip(),
            "company_address": self.company_address.toPlainText().strip(),
            "company_email": self.company_email.text().strip(),
            "company_phone": phone,
            "company_tax_id": self.company_tax_id.text().strip(),
            "company_logo": self._logo,
            "currency": self.currency.currentText().strip().upper(),
            "locale": self.locale.currentText().strip(),
            "phone_region": self.phone_region.text().strip().upper(),
            "page_size": self.page_size.currentText(),
            "order_number_prefix": self.order_prefix.text().strip(),
            **self.selling.values(),
            "company_country": self.country.chosen() or "",
        }

    def _check(self) -> dict[str, str]:
        problems: dict[str, str] = {}
        if self.country.chosen() is None:
            problems["company_country"] = self.tr("Choose a country from the list.")
        text = self.company_email.text().strip()
        if text:
            try:
                email(text)
            except FieldError as exc:
                problems["company_email"] = str(exc)
        region = self.phone_region.text().strip().upper()
        if region and not (len(region) == 2 and region.isalpha()):
            problems["phone_region"] = self.tr("Two letters, such as US, GB or RU.")
        phone = self.company_phone.text().strip()
        if phone:
            try:
                phone_parser(lambda: region or settings.default("phone_region"))(phone)
            except FieldError as exc:
                problems["company_phone"] = str(exc)
        currency = self.currency.currentText().strip()
        if currency and not (len(currency) == 3 and currency.isalpha()):
            problems["currency"] = self.tr("Three letters, such as USD, EUR or RUB.")
        locale_name = self.locale.currentText().strip()
        if locale_name and not _LOCALE.match(locale_name):
            problems["locale"] = self.tr("Language and country, such as en_US, de_DE or ru_RU.")
        if len(self.order_prefix.text()) > 20:
            problems["order_number_prefix"] = self.tr("At most 20 characters.")
        problems.update(
            self.selling.problems(self.company_tax_id.text(), self.country.chosen() or "")
        )
        return problems

    def _validate(self, *_: object) -> bool:
        problems = self._check()
        self._show_problems(problems)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problems)
        self._update_preview(problems)
        return not problems

    def _show_problems(self, problems: dict[str, str]) -> None:
        for key, label in self.errors.items():
            label.setText(problems.get(key, ""))
            label.setVisible(key in problems)

    def _update_preview(self, problems: dict[str, str]) -> None:
        if "currency" in problems or "locale" in problems:
            self.preview.setText("—")
            return
        formatter = Formats(
            self.currency.currentText().strip().upper() or settings.default("currency"),
            self.locale.currentText().strip() or settings.default("locale"),
        )
        today = QDate.currentDate().toString("yyyy-MM-dd")
        self.preview.setText(f"{formatter.money(123456789)}   ·   {formatter.date(today)}")

    def _country_chosen(self, code: str) -> None:
        """A country fills in what it implies; the currency only while no amount is stored."""
        from crm_desktop.services import country

        if code:
            found = country.defaults_for(code)
            self.phone_region.setText(found.phone_region)
            index = self.locale.findText(found.locale)
            if index >= 0:
                self.locale.setCurrentIndex(index)
            else:
                self.locale.setCurrentText(found.locale)
            if self._amounts_stored is None:
                self._amounts_stored = country.holds_amounts()
            if not self._amounts_stored:
                self.currency.setCurrentText(found.currency)
            elif found.currency != self.currency.currentText().strip().upper():
                self.currency_note.setText(
                    self.tr(
                        "The currency stays {currency}: the amounts already stored are in it."
                    ).format(currency=self.currency.currentText().strip().upper())
                )
                self.currency_note.show()
        self._validate()

    # --- the logo -------------------------------------------------------------------

    def _choose_logo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the company logo"), "", self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if name:
            self.load_logo(Path(name))

    def load_logo(self, path: Path) -> bool:
        """Take an image file as the logo; explains and returns False when it cannot."""
        problem = None
        try:
            data = path.read_bytes()
        except OSError as exc:
            data, problem = (
                b"",
                self.tr("Cannot read {name}: {reason}.").format(
                    name=path.name, reason=exc.strerror or exc
                ),
            )
        if problem is None and len(data) > MAX_LOGO_BYTES:
            problem = self.tr("{name} is larger than 2 MB: choose a smaller image.").format(
                name=path.name
            )
        is_image = data.startswith((b"\x89PNG", b"\xff\xd8")) and not QImage.fromData(data).isNull()
        if problem is None and not is_image:
            problem = self.tr("{name} is not a PNG or JPEG image.").format(name=path.name)
        if problem is not None:
            self.errors["company_logo"].setText(problem)
            self.errors["company_logo"].show()
            return False
        self.errors["company_logo"].hide()
        self._logo = base64.b64encode(data).decode("ascii")
        self._show_logo()
        return True

    def _remove_logo(self) -> None:
        self._logo = ""
        self._show_logo()

    def _show_logo(self) -> None:
        pixmap = QPixmap()
        if self._logo:
            try:
                pixmap.loadFromData(QByteArray(base64.b64decode(self._logo)))
            except ValueError:
                pixmap = QPixmap()
        if pixmap.isNull():
            self.logo_preview.setText(self.tr("No logo"))
        else:
            self.logo_preview.setPixmap(
                pixmap.scaled(
                    self.logo_preview.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        self.logo_remove.setEnabled(bool(self._logo))

    # --- saving -------------------------------------------------------------------------

    def save(self) -> None:
        if not self._validate():
            return
        try:
            settings.set_many(self.values())
        except ValidationError as exc:
            self._show_problems(exc.errors)
            return
        except Exception as exc:
            show_error(self, self.tr("Saving the preferences"), exc)
            return
        if self.language.changed():
            self.language.save()
            self.language_changed = True
        self.accept()


class CountryBox(QLineEdit):
    """The country, typed: completes any part of a name in the window's language, or its
    two letters; :meth:`chosen` is its code, None while the text names no country.

    A line with a completer rather than a combo of 250 names: the names come from CLDR in
    the window's language (Россия, 俄罗斯), not from our catalogue.
    """

    country_chosen = Signal(str)

    def __init__(self, code: str, parent: QWidget | None = None):
        super().__init__(parent)
        from crm_desktop import i18n
        from crm_desktop.services import country
        from crm_desktop.services.text import fold

        self.setObjectName("company_country")
        self.setAccessibleName(self.tr("Country"))
        names = country.country_names(i18n.language())
        self._codes = {fold(name): value for value, name in names}
        self._names = {value: name for value, name in names}
        completer = QCompleter([name for _value, name in names], self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        self.setText(self._names.get(code.upper(), code))
        self._last = self.chosen()
        self.textChanged.connect(self._changed)

    def chosen(self) -> str | None:
        from crm_desktop.services.text import fold

        text = self.text().strip()
        if len(text) == 2 and text.upper() in self._names:
            return text.upper()
        return self._codes.get(fold(text))

    def _changed(self) -> None:
        code = self.chosen()
        if code is not None and code != self._last:
            self._last = code
            self.country_chosen.emit(code)


def _locale_title(name: str) -> str:
    locale = QLocale(name)
    return f"{locale.nativeLanguageName()} ({locale.nativeTerritoryName()})"
