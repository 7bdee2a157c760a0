"""The language of the window, in Preferences: the system's (the default) or one of ours.

The language belongs to this computer, not to the data (a backup opened
elsewhere keeps that computer's language), so it is kept in the local
configuration (:data:`crm_desktop.i18n.LANGUAGE_KEY`), not in the ``setting``
table. Each language is listed in its own name, so that a reader of it finds
it whatever the window speaks now.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QGroupBox, QVBoxLayout, QWidget

from crm_desktop import i18n

SYSTEM = ""  # follow the system's language


class LanguageBox(QGroupBox):
    """A combo of "the system's" and the shipped languages; :meth:`chosen` is the code."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Language of the window"), parent)
        self.setObjectName("language_box")
        self.combo = QComboBox(self)
        self.combo.setObjectName("language")
        system_name = i18n.LANGUAGES[i18n.system_language()]
        self.combo.addItem(self.tr("As the system ({language})").format(language=system_name), "")
        for code, name in i18n.LANGUAGES.items():
            self.combo.addItem(name, code)
        self.combo.setAccessibleName(self.tr("Language of the window"))
        self.initial = i18n.chosen_language()
        self.combo.setCurrentIndex(max(self.combo.findData(self.initial), 0))
        layout = QVBoxLayout(self)
        layout.addWidget(self.combo)

    def chosen(self) -> str:
        """The chosen language code; "" to follow the system."""
        return str(self.combo.currentData() or SYSTEM)

    def changed(self) -> bool:
        return self.chosen() != self.initial

    def save(self) -> None:
        """Keep the choice in this computer's configuration (None removes it: the system's)."""
        from crm_desktop.services import local_config

        local_config.update({i18n.LANGUAGE_KEY: self.chosen() or None})
