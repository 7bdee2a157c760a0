"""Screenshots of the window in Russian and in Simplified Chinese: Today, a customer, the board.

Run under Xvfb from the checkout (this machine has no CJK system font: the
app's own fonts are installed, as at a real start)::

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/screenshots/make_language_shots.py

Each language gets the sample data, its locale and currency (ru_RU/RUB,
zh_CN/CNY) and a customer of its own country; the PNGs go beside this script
(``today-ru.png``, ``customer-ru.png``, ``board-ru.png``, ``products-ru.png``,
``…-zh.png``).
"""

from __future__ import annotations

import shots  # noqa: F401  (first: a private home folder)
from PySide6.QtWidgets import QApplication
from shots import HERE, WORK, pump

LANGUAGES = {
    "ru": ("ru_RU", "RUB", "Россия", "ООО «Северный ветер»"),
    "zh_CN": ("zh_CN", "CNY", "中国", "北风贸易有限公司"),
}


def main() -> None:
    app = QApplication([])
    from crm_desktop import i18n
    from crm_desktop.models import close_database, database
    from crm_desktop.services import demo, open_session, settings
    from crm_desktop.ui import translation
    from crm_desktop.ui.fonts import install_fonts
    from crm_desktop.ui.jobs import running_jobs
    from crm_desktop.ui.main_window import MainWindow

    install_fonts()
    for code, (locale, currency, country, company) in LANGUAGES.items():
        path = WORK / f"sample-{code}.sqlite3"
        opened = open_session(path)
        # As the first run does: the country's settings and the language, then the sample.
        settings.set_many({"company_name": company, "currency": currency, "locale": locale})
        i18n.set_language(code)
        demo.generate(customers=400, seed=11)
        translation.install(app, code)
        window = MainWindow(opened.path)
        window.resize(1280, 800)
        window.show()
        window.start_background_work(offer_first_run=False)
        pump(app, 1.5)
        while running_jobs():
            pump(app, 0.1)
        suffix = "zh" if code == "zh_CN" else code
        window.grab().save(str(HERE / f"today-{suffix}.png"))

        row = database.execute_sql(
            "SELECT c.id FROM customer c WHERE c.country = ? AND c.deleted_at IS NULL "
            "ORDER BY (SELECT count(*) FROM interaction i WHERE i.customer_id = c.id) DESC LIMIT 1",
            (country,),
        ).fetchone()
        window.show_customer(row[0])
        pump(app, 1.2)
        window.grab().save(str(HERE / f"customer-{suffix}.png"))

        window.show_section("deals")
        window.current_list().show_board(True)
        pump(app, 1.5)
        window.grab().save(str(HERE / f"board-{suffix}.png"))

        window.show_section("products")  # the sample price list in the owner's words and money
        pump(app, 1.0)
        window.grab().save(str(HERE / f"products-{suffix}.png"))
        window.close()
        pump(app, 0.3)
        close_database()
    translation.install(app, "en")


if __name__ == "__main__":
    main()
