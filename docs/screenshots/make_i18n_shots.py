"""Screenshots of what wave 5 changed for the languages: bold Chinese, nothing cut, Preferences.

Run under Xvfb from the checkout (this machine has no CJK system font, as many laptops)::

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/make_i18n_shots.py
    xvfb-run -a -s "-screen 0 1366x768x24" \
        .venv/bin/python docs/screenshots/make_i18n_shots.py droid

The first writes ``today-zh-bold.png`` (Chinese headings with the shipped Noto Sans CJK
SC bold), ``customers-ru-widths.png`` (the status column fits «Потенциальный»),
``customers-ru-order.png`` (where the Cyrillic names end and the Latin ones begin in a
Russian file),
``preferences-country-ru.png`` and ``preferences-country-zh.png``; the second
(``droid``: without the Noto fonts, as before) writes ``today-zh-bold-before.png``.
"""

from __future__ import annotations

import os
import sys

import shots  # noqa: F401  (first: a private home folder)
from PySide6.QtWidgets import QApplication
from shots import HERE, WORK, pump

BEFORE = sys.argv[1:] == ["droid"]
SETTINGS = {"ru": ("ru_RU", "RUB", "RU"), "zh_CN": ("zh_CN", "CNY", "CN")}


def _window(app, code: str):
    from crm_desktop import i18n
    from crm_desktop.services import demo, open_session, settings, sort_order
    from crm_desktop.ui import translation
    from crm_desktop.ui.jobs import running_jobs
    from crm_desktop.ui.main_window import MainWindow

    i18n.set_language(code)
    opened = open_session(WORK / f"sample-{code}.sqlite3")
    demo.generate(customers=300, seed=11)
    locale_name, currency, country = SETTINGS[code]
    settings.set_many({"locale": locale_name, "currency": currency, "company_country": country,
                       "phone_region": country, "company_name": "Northwind"})  # fmt: skip
    sort_order.rekey()
    translation.install(app, code)
    window = MainWindow(opened.path)
    window.resize(1280, 760)
    window.show()
    window.start_background_work(offer_first_run=False)
    pump(app, 1.5)
    while running_jobs():
        pump(app, 0.1)
    return window


def main() -> None:
    os.environ["CRM_DESKTOP_LANGUAGE"] = "zh_CN"  # the fonts a Chinese window registers
    app = QApplication([])
    from crm_desktop.models import close_database
    from crm_desktop.ui import fonts
    from crm_desktop.ui.preferences.dialog import PreferencesDialog

    if BEFORE:
        fonts.SHIPPED = tuple(f for f in fonts.SHIPPED if not f[0].startswith("Noto"))
    fonts.install_fonts()
    window = _window(app, "zh_CN")
    window.grab().save(str(HERE / f"today-zh-bold{'-before' if BEFORE else ''}.png"))
    if not BEFORE:
        prefs = PreferencesDialog(window)
        prefs.show()
        pump(app, 0.5)
        prefs.grab().save(str(HERE / "preferences-country-zh.png"))
        prefs.reject()
    window.close()
    close_database()
    if BEFORE:
        return
    window = _window(app, "ru")
    window.show_section("customers")
    pump(app, 1.0)
    window.grab().save(str(HERE / "customers-ru-widths.png"))
    page = window.current_list()
    # Where the Cyrillic block ends and the Latin one begins.
    from crm_desktop.services import listing

    ids = listing.list_ids("customer", listing.ListQuery(sort="name"))
    names = [row["name"] for row in listing.fetch_rows("customer", ids)]
    first_latin = next(
        i for i, name in enumerate(names) if name[:1].isascii() and name[:1].isalpha()
    )
    page.table.scrollTo(
        page.model.index(max(first_latin - 6, 0), 0), page.table.ScrollHint.PositionAtTop
    )
    pump(app, 1.0)
    window.grab().save(str(HERE / "customers-ru-order.png"))
    prefs = PreferencesDialog(window)
    prefs.show()
    pump(app, 0.5)
    prefs.grab().save(str(HERE / "preferences-country-ru.png"))
    prefs.reject()
    window.close()
    close_database()


if __name__ == "__main__":
    main()
