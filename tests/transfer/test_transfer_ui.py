"""The import wizard, the history, exports and the duplicates view, as a user drives them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from transfer_db import count, rows

from crm_desktop.services import listing
from crm_desktop.services.customers import create_customer
from crm_desktop.ui.transfer import DuplicatesView, ImportHistoryDialog, ImportWizard, install


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def next_page(qtbot, wizard) -> None:
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))


def test_walk_the_wizard(db, qtbot, tmp_path):
    source = tmp_path / "leads.csv"
    source.write_text(
        "Name,E-mail,Nummer,Remarks\n"
        "Anna Schmidt,anna@example.de,+49 30 1234567,Met at the fair\n"
        "Bernd Bauer,bernd@example.de,12,Wrong number\n"
        "Carla Conti,carla@example.it,+39 06 1234 5678,=1+1\n"
        ",nobody@example.de,,\n",
        encoding="utf-8",
    )
    wizard = ImportWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.file_page.path_edit, str(source))
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mapping_page, timeout=10_000)
    page = wizard.mapping_page
    # "Nummer" means nothing to the import: it is kept in the notes, and the page says so.
    assert page.mapping() == ["name", "email", "note_extra", "notes"]
    assert "“Nummer”" in page.fates.text() and "Kept in the notes" in page.fates.text()
    assert page.encoding_box.currentText() == "UTF-8 (detected)"
    model = page.model
    states = {model.rows[i].line: model.rows[i].state for i in range(model.rowCount())}
    assert states == {2: "new", 3: "new", 4: "new", 5: "refused"}
    # The user says "Nummer" is the phone: Bernd's "12" cannot be one; it is flagged.
    combo = page.combos[2]
    combo.setFocus()
    combo.setCurrentIndex(combo.findText("Phone"))
    assert page.mapping()[2] == "phone"
    assert "Every column goes into a field." in page.fates.text()
    bad = next(r for r in model.rows if r.line == 3)
    assert bad.state == "new" and bad.flagged == {2}
    row = model.rows.index(bad)
    assert model.data(model.index(row, 4)) == "⚠ 12"
    assert "not a valid phone number" in model.data(
        model.index(row, 4), Qt.ItemDataRole.ToolTipRole
    )
    assert model.data(model.index(row, 1)).startswith("⚠ OK — new: Kept as written")
    assert "1 values kept as written" in page.summary.text()
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.policy_page
    click(qtbot, wizard.policy_page.buttons["update"])
    next_page(qtbot, wizard)
    summary = wizard.summary_page
    qtbot.waitUntil(summary.isComplete, timeout=20_000)
    assert summary.counts.text().startswith(
        "3 customers created, 0 updated, 0 skipped, 1 refused. 1 value could not go"
    )
    assert summary.refused.rowCount() == 1
    assert summary.refused.item(0, 0).text() == "5"
    assert rows("SELECT name, phone, notes FROM customer ORDER BY name") == [
        ("Anna Schmidt", "+49301234567", "Met at the fair"),
        ("Bernd Bauer", None, "Wrong number\n\n⚠ Nummer: 12 — not a valid phone number in US"),
        ("Carla Conti", "+390612345678", "=1+1"),
    ]
    saved = tmp_path / "fix-me.csv"
    wizard.ask_save_path = lambda parent, suggested: str(saved)
    click(qtbot, summary.save_button)
    assert saved.read_text(encoding="utf-8-sig").splitlines()[1].startswith("line 5: Name")
    wizard.confirm = lambda *args: True
    click(qtbot, summary.undo_button)
    qtbot.waitUntil(lambda: not summary.undo_button.isEnabled(), timeout=20_000)
    assert count("customer", "deleted_at IS NULL") == 0
    assert "Undone" in summary.counts.text()


def test_a_russian_windows_1251_file_in_the_wizard(db, qtbot, tmp_path):
    from crm_desktop.services import settings

    settings.set_many({"phone_region": ""})  # unset: the file says where its numbers are
    source = tmp_path / "клиенты.csv"
    source.write_bytes(
        "Наименование;Контактное лицо;Должность;Телефон;ИНН;Город\r\n"
        "ООО «Ромашка»;Иванов Иван;Директор;8 (495) 123-45-67;7701234567;Москва\r\n"
        "ИП Петров;Петров Пётр;;+7 916 555-01-02;;Казань\r\n"
        "АО «Вектор»;Сидорова Анна;Бухгалтер;12-34;;Самара\r\n".encode("cp1251")
    )
    wizard = ImportWizard(path=source)
    qtbot.addWidget(wizard)
    wizard.show()
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mapping_page, timeout=10_000)
    page = wizard.mapping_page
    assert page.encoding_box.currentText() == "Windows-1251 (Cyrillic) (detected)"
    assert page.region_box.currentText() == "RU (guessed from the file)"
    assert page.mapping() == ["name", "person", "position", "phone", "note_extra", "city"]
    assert "“ИНН”" in page.fates.text()
    vector = next(r for r in page.model.rows if r.line == 4)
    assert vector.flagged == {3} and "12-34" in vector.message
    # Read as another encoding, the names come out garbled; back to Windows-1251.
    page.encoding_box.setCurrentIndex(page.encoding_box.findData("cp1252"))
    page.encoding_box.activated.emit(page.encoding_box.currentIndex())
    qtbot.waitUntil(lambda: wizard.table.encoding == "cp1252", timeout=10_000)
    qtbot.waitUntil(lambda: "(chosen)" in page.encoding_box.currentText(), timeout=10_000)
    assert "Íàèìåíîâàíèå" in wizard.table.headers[0]
    page.encoding_box.setCurrentIndex(page.encoding_box.findData("cp1251"))
    page.encoding_box.activated.emit(page.encoding_box.currentIndex())
    qtbot.waitUntil(lambda: wizard.table.encoding == "cp1251", timeout=10_000)
    qtbot.waitUntil(lambda: page.mapping()[1] == "person", timeout=10_000)
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    qtbot.waitUntil(wizard.summary_page.isComplete, timeout=20_000)
    assert rows(
        "SELECT c.name, c.kind, c.city, c.notes, p.name, p.position, p.phone, p.notes "
        "FROM customer c JOIN contact p ON p.customer_id = c.id ORDER BY c.id"
    ) == [
        ("ООО «Ромашка»", "company", "Москва", "ИНН: 7701234567", "Иванов Иван", "Директор",
         "+74951234567", None),
        ("ИП Петров", "company", "Казань", None, "Петров Пётр", None, "+79165550102", None),
        ("АО «Вектор»", "company", "Самара", None, "Сидорова Анна", "Бухгалтер", None,
         "⚠ Телефон: 12-34 — not a valid phone number in RU"),
    ]  # fmt: skip
    assert "1 value could not go" in wizard.summary_page.counts.text()


def test_wizard_reports_a_file_it_cannot_read(db, qtbot, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(
        "crm_desktop.ui.transfer.wizard.show_error",
        lambda parent, what, exc: shown.append(str(exc)),
    )
    wizard = ImportWizard(path=tmp_path / "nothing.csv")
    qtbot.addWidget(wizard)
    wizard.show()
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "does not exist" in shown[0]
    assert wizard.currentPage() is wizard.file_page


def test_history_undo(db, qtbot, tmp_path):
    from crm_desktop.services import importing

    source = tmp_path / "a.csv"
    source.write_text("Name\nAcme\nBeta\n")
    importing.run_import(source, "customer")
    dialog = ImportHistoryDialog()
    qtbot.addWidget(dialog)
    dialog.confirm = lambda *args: True
    assert dialog.table.rowCount() == 1
    assert "Import of customers from a.csv" in dialog.table.item(0, 1).text()
    dialog.table.selectRow(0)
    click(qtbot, dialog.undo_button)
    qtbot.waitUntil(lambda: "undone" in (dialog.table.item(0, 6).text()), timeout=10_000)
    assert count("customer", "deleted_at IS NULL") == 0
    assert not dialog.undo_button.isEnabled()


class FakeWindow:
    """What the main window offers (WindowApi), recorded."""

    def __init__(self, db_path: Path):
        self.db_path = db_path
        self.actions: dict[str, object] = {}
        self.sections: dict[str, object] = {}
        self.drop_handlers: dict[str, object] = {}
        self.statuses: list[str] = []
        self.query = listing.ListQuery(filters={"city": "Oslo"})

    def add_action(self, menu, action, *, section=None):
        self.actions[action.text()] = action

    def add_section(self, key, title, widget, icon=None):
        # A factory builds the page when it is first shown (install stays cheap).
        self.sections[key] = widget() if callable(widget) else widget

    def add_record_action(self, entity, action):
        pass

    def current_entity(self):
        return "customer"

    def selected_ids(self):
        return []

    def current_query(self):
        return self.query

    def show_status(self, text, undo=None):
        self.statuses.append(text)

    def reload_database(self):
        pass

    def add_drop_handler(self, entity, handler):
        self.drop_handlers[entity] = handler


def test_install_export_view_and_drop(db, qtbot, tmp_path):
    create_customer({"name": "In Oslo", "city": "Oslo"})
    create_customer({"name": "In Bergen", "city": "Bergen"})
    window = FakeWindow(db)
    feature = install(window)
    assert {"Import…", "Import history…", "Export current view…"} <= set(window.actions)
    assert isinstance(window.sections["duplicates"], DuplicatesView)
    qtbot.addWidget(window.sections["duplicates"])
    out = tmp_path / "view.csv"
    feature.export_view(str(out))
    qtbot.waitUntil(lambda: out.exists(), timeout=10_000)
    qtbot.waitUntil(lambda: bool(window.statuses), timeout=10_000)
    text = out.read_text(encoding="utf-8-sig")
    assert "In Oslo" in text and "In Bergen" not in text
    assert window.statuses[-1].startswith("Exported 1 row to")
    dropped = tmp_path / "new.vcf"
    dropped.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dropped\r\nEND:VCARD\r\n")
    assert not window.drop_handlers["customer"]([tmp_path / "photo.png"])
    assert window.drop_handlers["customer"]([dropped])
    wizard = feature.wizard
    qtbot.addWidget(wizard)
    assert wizard.file_page.path_edit.text() == str(dropped)
    assert wizard.file_page.entity_box.currentData() == "customer"


def test_find_duplicates_and_merge(db, qtbot):
    keep = create_customer({"name": "Acme", "email": "info@acme.example", "city": "Oslo"})
    other = create_customer(
        {"name": "ACME AS", "email": "INFO@acme.example", "phone": "+47 22 33 44 55"}
    )
    create_customer({"name": "Unrelated"})
    view = DuplicatesView()
    qtbot.addWidget(view)
    view.show()
    click(qtbot, view.find_button)
    qtbot.waitUntil(lambda: view.tree.topLevelItemCount() == 1, timeout=10_000)
    group = view.tree.topLevelItem(0)
    assert group.childCount() == 2 and "same email" in group.text(4)
    view.select_group(0)
    assert view.merge_button.isEnabled()

    def choose(dialog) -> bool:
        assert dialog.survivor() == keep
        assert dialog.values()["phone"] == "+4722334455"  # empty on the survivor: filled
        dialog.choose_value("name", other)
        return True

    view.run_merge_dialog = choose
    with qtbot.waitSignal(view.merged, timeout=10_000):
        click(qtbot, view.merge_button)
    assert rows("SELECT name, phone FROM customer WHERE id = ?", (keep,)) == [
        ("ACME AS", "+4722334455")
    ]
    assert rows("SELECT deleted_at IS NOT NULL FROM customer WHERE id = ?", (other,)) == [(1,)]
    assert view.tree.topLevelItemCount() == 0 and "Merged 1" in view.status.text()
