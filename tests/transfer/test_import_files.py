"""Importing the files people really have: Google, Outlook, Russian Excel, UTF-16, xlsx, vCards."""

from __future__ import annotations

import base64
from datetime import date

import pytest
from transfer_db import count, rows

from crm_desktop.errors import CancelledError
from crm_desktop.models import database
from crm_desktop.services import importing
from crm_desktop.services.importing import encoding

GOOGLE_NEW = (
    "First Name,Middle Name,Last Name,Phonetic First Name,Nickname,File As,"
    "Organization Name,Organization Title,Organization Department,Birthday,Notes,Photo,"
    "Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,"
    "Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value,"
    "Address 1 - Label,Address 1 - Formatted,Address 1 - Street,Address 1 - City,"
    "Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,"
    "Website 1 - Label,Website 1 - Value\r\n"
    "Ivan,,Petrov,,,,Romashka LLC,Director,Sales,1980-02-03,Met at the fair,,"
    "* myContacts ::: VIP,Work,ivan@romashka.example,Home,ivan.p@gmail.com,"
    "Mobile,+7 916 123-45-67 ::: +7 495 111-22-33,Work,+7 495 765-43-21,"
    'Work,"Tverskaya 1\nMoscow",Tverskaya 1,Moscow,,,101000,Russia,Work,romashka.example\r\n'
    "Maria,,Sidorova,,,,Romashka LLC,Accountant,,,,,* myContacts,Work,maria@romashka.example,"
    ",,Mobile,+7 916 000-00-01,,,,,,,,,,,,,\r\n"
    "Ann,,Lee,,,,,,,,,,* starred,Home,ann.lee@gmail.com,,,Mobile,(415) 555-0134,,,"
    ",,,San Francisco,,CA,,USA,,\r\n"
)

GOOGLE_OLD = (
    "Name,Given Name,Additional Name,Family Name,Yomi Name,Given Name Yomi,"
    "Additional Name Yomi,Family Name Yomi,Name Prefix,Name Suffix,Initials,Nickname,"
    "Short Name,Maiden Name,Birthday,Gender,Location,Billing Information,Directory Server,"
    "Mileage,Occupation,Hobby,Sensitivity,Priority,Subject,Notes,Language,Photo,"
    "Group Membership,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,"
    "Organization 1 - Type,Organization 1 - Name,Organization 1 - Yomi Name,"
    "Organization 1 - Title\n"
    "Bob Stone,Bob,,Stone,,,,,,,,,,,,,,,,,,,,,,Likes golf,,,* myContacts ::: Golf,"
    "* Work,bob@stone.example,Mobile,+1 212 555 0199,,,,\n"
)

OUTLOOK = (
    '"Title","First Name","Middle Name","Last Name","Suffix","Company","Department",'
    '"Job Title","Business Street","Business Street 2","Business City","Business State",'
    '"Business Postal Code","Business Country/Region","Business Fax","Business Phone",'
    '"Mobile Phone","Home Phone","Birthday","Categories","E-mail Address","E-mail Type",'
    '"E-mail Display Name","E-mail 2 Address","Notes","Web Page"\r\n'
    '"Mr.","John","Q","Smith","","Contoso Ltd","Purchasing","Buyer","1 Main St","Suite 5",'
    '"Redmond","WA","98052","United States","+1 425 555 0100","+1 425 555 0101",'
    '"+1 425 555 0102","","0/0/00","Key accounts;Wholesale","john@contoso.example","SMTP",'
    '"John Smith (john@contoso.example)","","Prefers mornings","contoso.example"\r\n'
    '"","Jane","","Doe","","","","","","","Austin","TX","","United States","",'
    '"(512) 555-0177","","","","","jane.doe@example.com","SMTP","","","",""\r\n'
)


def write(path, text, encoding_name="utf-8"):
    path.write_bytes(text.encode(encoding_name))
    return path


def customer(name: str) -> dict:
    cursor = database.execute_sql("SELECT * FROM customer WHERE name = ?", (name,))
    names = [c[0] for c in cursor.description]
    found = cursor.fetchall()
    assert len(found) == 1, f"{len(found)} customers named {name!r}"
    return dict(zip(names, found[0], strict=True))


def contacts_of(customer_id: int) -> list[tuple]:
    return rows(
        "SELECT name, position, email, phone, is_primary FROM contact WHERE customer_id = ? "
        "ORDER BY id",
        (customer_id,),
    )


def tags_of(customer_id: int) -> list[str]:
    return sorted(
        r[0]
        for r in rows(
            "SELECT t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id "
            "WHERE ct.customer_id = ?",
            (customer_id,),
        )
    )


def test_google_contacts_export_new_layout(db, files):
    path = write(files / "contacts.csv", GOOGLE_NEW)
    table = importing.read_file(path, entity="customer")
    assert importing.guess_mapping(table, "customer")[table.headers.index("Labels")] == "tags"
    result = importing.run_import(path, "customer")
    # Maria's row matches the company made from Ivan's: it adds her as a contact.
    assert (result.created, result.updated, result.skipped, result.refused) == (2, 1, 0, 0)
    assert result.contacts_created == 2
    romashka = customer("Romashka LLC")
    assert romashka["kind"] == "company"
    assert romashka["email"] is None  # the people's emails are the contacts'
    assert romashka["city"] == "Moscow" and romashka["country"] == "Russia"
    assert romashka["address"] == "Tverskaya 1, 101000"
    assert romashka["website"] == "romashka.example"
    assert "Met at the fair" in romashka["notes"]
    # Nothing is lost: second email and phones, the birthday, go to the notes.
    for kept in ("ivan.p@gmail.com", "+7 495 111-22-33", "+7 495 765-43-21", "1980-02-03"):
        assert kept in romashka["notes"]
    assert contacts_of(romashka["id"]) == [
        ("Ivan Petrov", "Director", "ivan@romashka.example", "+79161234567", 1),
        ("Maria Sidorova", "Accountant", "maria@romashka.example", "+79160000001", 0),
    ]
    assert tags_of(romashka["id"]) == ["VIP"]
    ann = customer("Ann Lee")
    assert (ann["kind"], ann["email"], ann["phone"]) == (
        "person",
        "ann.lee@gmail.com",
        "+14155550134",
    )
    assert (ann["city"], ann["country"], ann["address"]) == ("San Francisco", "USA", "CA")
    assert tags_of(ann["id"]) == ["starred"]
    assert contacts_of(ann["id"]) == []
    again = importing.run_import(path, "customer")
    assert (again.created, again.contacts_created) == (0, 0)
    assert count("customer") == 2 and count("contact") == 2


def test_google_contacts_export_old_layout(db, files):
    path = write(files / "google.csv", GOOGLE_OLD)
    result = importing.run_import(path, "customer", preset="google")
    assert result.created == 1 and result.refused == 0
    bob = customer("Bob Stone")
    assert (bob["kind"], bob["email"], bob["phone"], bob["notes"]) == (
        "person",
        "bob@stone.example",
        "+12125550199",
        "Likes golf",
    )
    assert tags_of(bob["id"]) == ["Golf"]


def test_outlook_export(db, files):
    path = write(files / "outlook.csv", OUTLOOK, "cp1252")
    table = importing.read_file(path, entity="customer")
    assert table.details.startswith("UTF-8")  # ASCII only: read as UTF-8
    result = importing.run_import(path, "customer")
    assert (result.created, result.refused) == (2, 0)
    contoso = customer("Contoso Ltd")
    assert contoso["address"] == "1 Main St, Suite 5, 98052 WA"
    assert contoso["city"] == "Redmond" and contoso["website"] == "contoso.example"
    assert contacts_of(contoso["id"]) == [
        ("John Q Smith", "Buyer", "john@contoso.example", "+14255550101", 1)
    ]
    assert "Mobile Phone: +1 425 555 0102" in contoso["notes"]
    assert "Business Fax: +1 425 555 0100" in contoso["notes"]
    assert "0/0/00" in contoso["notes"]  # Outlook's empty birthday, kept as written
    assert tags_of(contoso["id"]) == ["Key accounts", "Wholesale"]
    jane = customer("Jane Doe")
    assert (jane["kind"], jane["phone"], jane["email"]) == (
        "person",
        "+15125550177",
        "jane.doe@example.com",
    )
    assert importing.run_import(path, "customer").created == 0


def test_windows_1251_semicolons_with_russian_names(db, files):
    text = (
        "Название;Телефон;E-mail;Город;Страна;Примечание\r\n"
        "ООО «Ромашка»;+7 (495) 123-45-67;info@romashka.ru;Москва;Россия;Оплата: 10 000,50 руб.\r\n"
        "ИП Ёлкин Пётр;8 916 000 11 22;;Санкт-Петербург;Россия;\r\n"
        'Иванов и партнёры;+7 812 555 66 77;;Казань;Россия;"Заметка; с точкой с запятой"\r\n'
    )
    path = write(files / "клиенты.csv", text, "cp1251")
    assert encoding.decode(path.read_bytes()).encoding == "cp1251"
    table = importing.read_file(path, entity="customer")
    assert table.details == "Windows-1251 (Cyrillic), semicolon-separated"
    assert table.headers[0] == "Название"
    from crm_desktop.services import settings

    settings.set_many({"phone_region": "RU"})
    result = importing.run_import(path, "customer")
    assert (result.created, result.refused) == (3, 0)
    romashka = customer("ООО «Ромашка»")
    assert (romashka["phone"], romashka["city"], romashka["notes"]) == (
        "+74951234567",
        "Москва",
        "Оплата: 10 000,50 руб.",
    )
    assert customer("ИП Ёлкин Пётр")["phone"] == "+79160001122"  # national 8 … read in RU
    assert customer("Иванов и партнёры")["notes"] == "Заметка; с точкой с запятой"
    from crm_desktop.services.search import search_customers

    assert search_customers("ёлкин") == [customer("ИП Ёлкин Пётр")["id"]]


def test_utf16_tab_separated_file(db, files):
    text = "Name\tEmail\tCity\r\n张伟贸易有限公司\tzhang@example.cn\t上海\r\nÉmile Zola\temile@example.fr\tParis\r\n"
    path = files / "unicode.txt"
    path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    table = importing.read_file(path)
    assert table.headers == ["Name", "Email", "City"]  # no BOM in the first header
    assert "UTF-16" in table.details and "tab" in table.details
    result = importing.run_import(path, "customer")
    assert result.created == 2
    assert customer("张伟贸易有限公司")["city"] == "上海"
    assert customer("Émile Zola")["email"] == "emile@example.fr"


def test_xlsx_products_with_typed_cells(db, files):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Products of 2026"])  # a title line before the header
    sheet.append([])
    sheet.append(["Артикул", "Наименование", "Цена", "Остаток", "Описание", "Активен"])
    sheet.append(["CH-001", "Chair", 12.5, 10, "=not a formula", "да"])
    sheet.append(["CH-002", "Кресло", 1999, 2.5, None, "нет"])
    sheet.append(["CH-003", "Bad price", "twelve", 1, None, None])
    sheet.append([None, "Desk", "1 234,56", 0, date(2026, 1, 31), True])
    sheet["E4"].data_type = "s"  # text that looks like a formula, as a typed string
    path = files / "products.xlsx"
    workbook.save(path)
    result = importing.run_import(path, "product")
    # A price in words does not refuse the product: it is kept as written in its description.
    assert (result.created, result.refused, result.kept) == (4, 0, 1)
    assert result.kept_rows[0][0] == 6
    got = {
        r[0]: r[1:]
        for r in rows(
            "SELECT name, sku, unit_price_cents, stock_qty, active, description FROM product"
        )
    }
    assert got["Chair"] == ("CH-001", 1250, 10.0, 1, "=not a formula")
    assert got["Кресло"] == ("CH-002", 199900, 2.5, 0, None)
    assert got["Desk"] == (None, 123456, 0.0, 1, "2026-01-31")
    assert got["Bad price"] == (
        "CH-003",
        0,
        1.0,
        1,
        "⚠ Цена: twelve — “twelve” is not an amount",
    )
    again = importing.run_import(path, "product")
    assert again.created == 0 and again.skipped == 4


PHOTO = base64.b64encode(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4).decode()


def _folded(value: str, width: int = 74) -> str:
    return "\r\n ".join(value[i : i + width] for i in range(0, len(value), width))


def test_vcards_3_and_4_with_photo_and_several_phones(db, files):
    v3 = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Петров;Иван;Сергеевич;;\r\nFN:Иван Петров\r\n"
        "ORG:ООО Вектор;Отдел продаж\r\nTITLE:Менеджер\r\n"
        "TEL;TYPE=CELL:+7 916 111-22-33\r\nTEL;TYPE=WORK:+7 495 222-33-44\r\n"
        "TEL;TYPE=HOME:+7 495 333-44-55\r\nEMAIL;TYPE=INTERNET:ivan@vector.example\r\n"
        + _folded("PHOTO;ENCODING=b;TYPE=JPEG:" + PHOTO)
        + "\r\nNOTE:Звонить после 10\\, по будням\r\nEND:VCARD\r\n"
    )
    v4 = (
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ann Lee\r\nN:Lee;Ann;;;\r\nKIND:individual\r\n"
        "TEL;VALUE=uri;TYPE=cell:tel:+1-415-555-0100\r\nTEL;TYPE=work:+1 415 555 0199\r\n"
        "EMAIL;TYPE=home:ann@lee.example\r\nEMAIL;TYPE=work:ann.lee@work.example\r\n"
        + _folded("PHOTO:data:image/jpeg;base64," + PHOTO)
        + "\r\nADR;TYPE=home:;;12 Oak St;Portland;OR;97201;USA\r\n"
        "CATEGORIES:friends,golf\r\nEND:VCARD\r\n"
    )
    broken = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Nobody\r\n"  # no END
    path = write(files / "phone.vcf", v3 + v4 + broken)
    table = importing.read_file(path)
    assert table.format == "vCard" and "3.0" in table.details and "4.0" in table.details
    result = importing.run_import(path, "customer")
    assert (result.created, result.refused) == (2, 1)
    assert "END:VCARD" in result.refused_rows[0].reason
    vector = customer("ООО Вектор")
    assert contacts_of(vector["id"]) == [
        ("Иван Петров", "Менеджер", "ivan@vector.example", "+79161112233", 1)
    ]
    assert "Phone 2: +7 495 222-33-44" in vector["notes"]
    assert "Phone 3: +7 495 333-44-55" in vector["notes"]
    assert vector["notes"].startswith("Звонить после 10, по будням")
    ann = customer("Ann Lee")
    assert (ann["kind"], ann["phone"], ann["email"]) == (
        "person",
        "+14155550100",
        "ann@lee.example",
    )
    assert (ann["address"], ann["city"], ann["country"]) == (
        "12 Oak St, 97201 OR",
        "Portland",
        "USA",
    )
    assert "Phone 2: +1 415 555 0199" in ann["notes"]
    assert "Email 2: ann.lee@work.example" in ann["notes"]
    assert tags_of(ann["id"]) == ["friends", "golf"]
    assert importing.run_import(path, "customer").created == 0


def test_file_with_broken_rows(db, files):
    long_note = "x" * 100_000
    lines = [
        "Name,Email,Phone,Notes",
        "Good One,good@one.example,+1 212 555 0100,fine",
        "Too Few,few@example.com",
        "Bad Email,not an email,,",
        ",nobody@example.com,,",
        f"Long Note,long@example.com,,{long_note}",
        f"{'N' * 100_000},longname@example.com,,",
        "Nul\x00Byte,nul@example.com,,",
        '"Unterminated,quote@example.com,,',
        "After Quote,after@example.com,+1 212 555 0101,still read",
        'Multi Line,multi@example.com,,"first line',
        'second line"',
    ]
    path = files / "broken.csv"
    path.write_bytes("\r\n".join(lines).encode("utf-8"))
    result = importing.run_import(path, "customer")
    # Refused: what cannot be read (too few values, an unterminated quote) and no name.
    assert (result.created, result.updated, result.skipped, result.refused) == (7, 0, 0, 3)
    refused = {row.line: row.reason for row in result.refused_rows}
    assert "too few values" in refused[3]
    assert "no name" in refused[5]
    assert "quote" in refused[9]
    # A bad email and an overlong name are kept as written in the notes, flagged.
    assert customer("Bad Email")["email"] is None
    assert customer("Bad Email")["notes"] == "⚠ Email: not an email — not a valid email address"
    long_name = rows("SELECT name, notes FROM customer WHERE name LIKE 'NNN%'")[0]
    assert long_name[0] == "N" * 199 + "…" and "N" * 100_000 in long_name[1]
    assert result.kept == 2
    assert customer("Long Note")["notes"] == long_note  # read whole, not cut
    assert customer("Nul Byte")["email"] == "nul@example.com"  # the NUL is dropped
    assert customer("After Quote")["notes"] == "still read"
    assert customer("Multi Line")["notes"] == "first line\nsecond line"
    # The refused rows are saved to fix and import again.
    saved = importing.save_refused(result, importing.refused_path_for(path))
    assert saved.name == "broken-refused.csv"
    table = importing.read_file(saved)
    assert table.headers[0] == "Import problem"
    assert [r.cells[1] for r in table.rows] == ["Too Few", "", '"Unterminated']
    fixed = saved.read_text(encoding="utf-8-sig").replace(",nobody@", ",Nobody,nobody@")
    fixed = fixed.replace("line 5: ", "line 5 ")  # the problem column may hold anything
    saved.write_text(fixed.replace('""Nobody', "Nobody"), encoding="utf-8-sig")
    second = importing.run_import(saved, "customer")
    # Now whole: "Too Few" (padded when saved) and the quoted name.
    assert (second.created, second.refused) == (2, 1)
    assert customer('"Unterminated')["email"] == "quote@example.com"


def test_reimport_with_update_fills_or_overwrites(db, files):
    first = write(files / "a.csv", "Name,Email,City,Phone\nAcme,info@acme.example,Boston,\n")
    importing.run_import(first, "customer")
    second = write(
        files / "b.csv",
        "Name,Email,City,Phone\nACME Inc,INFO@acme.example,Chicago,+1 617 555 0100\n",
    )
    skipped = importing.run_import(second, "customer", policy="skip")
    assert (skipped.created, skipped.skipped) == (0, 1)
    filled = importing.run_import(second, "customer", policy="update")
    assert filled.updated == 1
    acme = customer("Acme")
    assert (acme["city"], acme["phone"]) == ("Boston", "+16175550100")
    overwritten = importing.run_import(second, "customer", policy="overwrite")
    assert overwritten.updated == 1
    assert customer("ACME Inc")["city"] == "Chicago"
    same = importing.run_import(second, "customer", policy="overwrite")
    assert (same.updated, same.skipped) == (0, 1)  # nothing new: not counted as updated
    created = importing.run_import(second, "customer", policy="create")
    assert created.created == 1 and count("customer") == 2


def test_contacts_attach_to_customers(db, files):
    from crm_desktop.services.customers import create_customer

    acme = create_customer({"name": "Acme Ltd", "email": "info@acme.example"})
    create_customer({"name": "Twin", "email": "a@twin-one.example"})
    create_customer({"name": "Twin", "email": "b@twin-two.example"})
    path = write(
        files / "contacts.csv",
        "Name,Company,Email,Phone,Position,Primary\n"
        "Alice,Acme Ltd,alice@acme.example,,CEO,\n"
        "Bob,,bob@acme.example,,,\n"  # found by his email's domain
        "Carol,New Co,carol@new.example,,,\n"  # a new company becomes a customer
        "Dan,Twin,dan@gmail.com,,,\n"  # two customers are called Twin
        "Eve,Twin,eve@twin-two.example,,,\n"  # … the domain tells which
        "Zed,,zed@gmail.com,,,\n",
    )
    result = importing.run_import(path, "contact")
    assert (result.created, result.refused, result.customers_created) == (4, 2, 1)
    assert {r.line for r in result.refused_rows} == {5, 7}
    assert contacts_of(acme) == [
        ("Alice", "CEO", "alice@acme.example", None, 1),
        ("Bob", None, "bob@acme.example", None, 0),
    ]
    new_co = customer("New Co")
    assert contacts_of(new_co["id"]) == [("Carol", None, "carol@new.example", None, 1)]
    assert rows(
        "SELECT c.email FROM contact ct JOIN customer c ON c.id = ct.customer_id "
        "WHERE ct.name = 'Eve'"
    ) == [("b@twin-two.example",)]
    assert importing.run_import(path, "contact").created == 0


def test_cancelled_import_leaves_nothing(db, files):
    body = "".join(f"Customer {i},c{i}@example.com\n" for i in range(3000))
    path = write(files / "many.csv", "Name,Email\n" + body)
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(CancelledError):
        importing.run_import(path, "customer", cancelled=cancelled)
    assert count("customer") == 0 and count("audit_log") == 0
    assert count("import_batch") == 0 and count("customer_search") == 0
    assert importing.run_import(path, "customer").created == 3000


def test_a_failure_in_the_middle_leaves_nothing(db, files, monkeypatch):
    path = write(files / "few.csv", "Name,Email\nA,a@example.com\nB,b@example.com\n")
    from crm_desktop.services.importing import runner

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(runner, "log_created", broken)  # the audit log, after the rows
    with pytest.raises(OSError):
        importing.run_import(path, "customer")
    assert count("customer") == 0 and count("import_batch") == 0


def test_every_change_is_in_the_audit_log(db, files):
    path = write(files / "a.csv", "Name,Email,Tags,Contact name\nAcme,info@acme.example,VIP,Al\n")
    result = importing.run_import(path, "customer")
    logged = rows("SELECT entity, action FROM audit_log ORDER BY id")
    assert ("customer", "create") in logged and ("contact", "create") in logged
    assert ("tag", "create") in logged
    assert result.batch_id and count("import_item", f"batch_id = {result.batch_id}") == 2


def test_the_backup_guard_runs_before_the_import(db, files):
    from crm_desktop.services import changes

    reasons = []
    remove = changes.add_bulk_guard(reasons.append)
    try:
        importing.run_import(write(files / "a.csv", "Name\nAcme\n"), "customer")
    finally:
        remove()
    assert reasons == ["importing customers from a.csv"]


def test_header_row_after_a_title_and_a_file_without_header(db, files):
    titled = write(files / "t.csv", "Our customers\n\nName;Email\nAcme;a@acme.example\n")
    table = importing.read_file(titled)
    assert table.headers == ["Name", "Email"] and len(table.rows) == 1
    bare = write(files / "bare.csv", "Acme,a@acme.example,+1 212 555 0100\nBeta,b@beta.example,\n")
    table = importing.read_file(bare)
    assert not table.has_header
    assert importing.guess_mapping(table, "customer") == ["name", "email", "phone"]
    assert importing.run_import(bare, "customer").created == 2


def test_excel_sep_line_and_bom(db, files):
    path = files / "excel.csv"
    path.write_bytes("\ufeffsep=;\r\nName;Email\r\nAcme;a@acme.example\r\n".encode())
    table = importing.read_file(path)
    assert table.headers == ["Name", "Email"]
    path.write_bytes("\ufeffName,Email\r\nAcme,a@acme.example\r\n".encode())
    assert importing.read_file(path).headers == ["Name", "Email"]


def test_unreadable_files_get_a_clear_message(db, files):
    from crm_desktop.errors import CrmError

    with pytest.raises(CrmError, match="does not exist"):
        importing.read_file(files / "missing.csv")
    xls = files / "old.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    with pytest.raises(CrmError, match="Excel 97"):
        importing.read_file(xls)
    fake = files / "fake.xlsx"
    fake.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(CrmError, match="not an Excel workbook"):
        importing.read_file(fake)
    binary = files / "photo.csv"
    binary.write_bytes(bytes(range(256)) * 50)
    table = importing.read_file(binary)  # read as Latin-1, nothing maps: no crash
    assert table is not None


def test_big_files_are_validated_on_several_cores_with_the_same_result(db, files, monkeypatch):
    from crm_desktop.services.importing import parallel

    lines = ["Name,Email,Phone,Notes"]
    for i in range(400):
        email = f"c{i}@example.com" if i % 50 else "broken-email"
        name = f"Customer {i}" if i % 100 != 3 else ""
        lines.append(f"{name},{email},+1 212 555 {i % 10000:04d},n{i}")
    lines.append("Customer 1,c1@example.com,,again")  # a duplicate of a row in another chunk
    path = write(files / "big.csv", "\n".join(lines) + "\n")
    monkeypatch.setattr(parallel, "PARALLEL_MIN_ROWS", 100)
    monkeypatch.setattr(parallel, "CHUNK_ROWS", 64)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    assert parallel.helpers_for(401) == 1
    result = importing.run_import(path, "customer")
    assert (result.created, result.skipped, result.refused, result.kept) == (396, 1, 4, 8)
    assert [row.line for row in result.refused_rows] == [5 + 100 * k for k in range(4)]
    assert [line for line, _kept in result.kept_rows] == [2 + 50 * k for k in range(8)]
    assert rows("SELECT name, email, phone FROM customer WHERE name = 'Customer 399'") == [
        ("Customer 399", "c399@example.com", "+12125550399")
    ]


def test_the_audit_entries_of_created_records_are_the_fields_they_got(db, files):
    import json

    path = write(
        files / "a.csv",
        "Name,Email,City,Tags,Contact name,Contact phone\n"
        "Acme,info@acme.example,Oslo,VIP,Al,+1 212 555 0100\n"
        "Beta,,Bergen,,,\n",
    )
    importing.run_import(path, "customer")
    logged = {
        (entity, entity_id): json.loads(changes)
        for entity, entity_id, changes in rows(
            "SELECT entity, entity_id, changes FROM audit_log WHERE action = 'create'"
        )
    }
    ids = dict(rows("SELECT name, id FROM customer"))
    assert logged[("customer", ids["Acme"])] == {
        "city": [None, "Oslo"],
        "email": [None, "info@acme.example"],
        "kind": [None, "company"],
        "name": [None, "Acme"],
        "status": [None, "lead"],
        "tags": [None, ["VIP"]],
    }
    assert logged[("customer", ids["Beta"])] == {
        "city": [None, "Bergen"],
        "kind": [None, "company"],
        "name": [None, "Beta"],
        "status": [None, "lead"],
    }
    contact_id = rows("SELECT id FROM contact")[0][0]
    assert logged[("contact", contact_id)] == {
        "customer_id": [None, ids["Acme"]],
        "is_primary": [None, 1],
        "name": [None, "Al"],
        "phone": [None, "+12125550100"],
    }
