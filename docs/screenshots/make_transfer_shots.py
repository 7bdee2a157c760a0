"""Screenshots of the import wizard's columns page and of the duplicates view.

    xvfb-run -a -s "-screen 0 1400x900x24" python docs/screenshots/make_transfer_shots.py [WHICH]

(``WHICH``: ``import`` or ``duplicates``; both without it.)

Builds a throwaway database (demo data and three near-identical bakeries),
writes a Russian Excel "CSV" (Windows-1251, ``;``) with a contact person,
columns the import has no field for (ИНН, КПП, Отрасль) and a phone number
and an email that cannot go into their fields, opens the wizard on it and
the duplicates view, and saves ``import-mapping.png`` and
``duplicates.png`` beside this script (one of them when named).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
WORK = Path(tempfile.mkdtemp(prefix="crm-shots-"))
os.environ["CRM_DESKTOP_HOME"] = str(WORK / "home")

from PySide6.QtWidgets import QApplication  # noqa: E402

APP = QApplication(sys.argv)

from crm_desktop.services import demo, open_session, settings  # noqa: E402
from crm_desktop.services.customers import create_customer  # noqa: E402
from crm_desktop.ui.transfer import DuplicatesView, ImportWizard  # noqa: E402

CSV = (
    "Контрагенты на 01.06.2026;;;;;;;;\r\n"
    "Наименование;Контактное лицо;Должность;Телефон;E-mail;Город;ИНН;КПП;Отрасль\r\n"
    "ООО «Ромашка»;Иванов Иван Иванович;Генеральный директор;8 (495) 123-45-67;"
    "ivanov@romashka.ru;Москва;7701234567;770101001;Оптовая торговля\r\n"
    "ИП Ёлкин П. С.;Ёлкин Пётр Сергеевич;;8 (916) 555-01-02;elkin@mail.ru;Тверь;"
    "690000123456;;Розница\r\n"
    "АО «Вектор»;Сидорова Анна;Главный бухгалтер;12-34;buh(at)vector.ru;Самара;"
    "6311000000;631101001;Производство\r\n"
    "ООО «Берёзка»;Кузнецов Олег;Менеджер по закупкам;+7 812 555-66-77;zakupki@berezka.ru;"
    "Санкт-Петербург;7801000000;780101001;Общепит\r\n"
    "ЗАО «Сокол»;Морозова Елена;Директор;8 800 200-00-00;info@sokol.ru;Казань;"
    "1655000000;165501001;Логистика\r\n"
)


def settle(condition=lambda: True, seconds: float = 15) -> None:
    end = time.time() + seconds
    while not condition() and time.time() < end:
        APP.processEvents()
        time.sleep(0.01)
    for _ in range(20):
        APP.processEvents()


def main(which: str = "all") -> None:
    open_session(WORK / "demo.sqlite3")
    # No phone region set: the wizard finds the file's own (Russia) and says so.
    settings.set_many({"currency": "RUB", "locale": "ru_RU"})
    demo.generate(customers=400, seed=5, on=date(2026, 6, 15))
    create_customer(
        {"name": "Bäckerei Schmidt GmbH", "email": "info@baeckerei-schmidt.de", "city": "Berlin"}
    )
    create_customer(
        {
            "name": "Baeckerei Schmidt",
            "email": "kontakt@baeckerei-schmidt.de",
            "city": "Berlin",
            "phone": "+49 30 1234567",
        }
    )
    create_customer({"name": "Schmidt Bäckerei", "phone": "+49 30 1234567", "city": "Berlin"})
    if which in ("all", "import"):
        source = WORK / "Контрагенты.csv"
        source.write_bytes(CSV.encode("cp1251"))
        wizard = ImportWizard(path=source)
        wizard.resize(1180, 780)
        wizard.show()
        wizard.next()
        settle(lambda: wizard.currentPage() is wizard.mapping_page)
        page = wizard.mapping_page
        page.preview.resizeColumnsToContents()
        page.preview.setColumnWidth(1, 330)
        settle()
        wizard.grab().save(str(HERE / "import-mapping.png"))
    if which not in ("all", "duplicates"):
        return
    view = DuplicatesView()
    view.resize(1060, 640)
    view.show()
    view.find()
    settle(lambda: view.tree.topLevelItemCount() > 0)
    view.select_group(0)
    settle()
    view.grab().save(str(HERE / "duplicates.png"))


if __name__ == "__main__":
    main(*sys.argv[1:2])
