"""Filters on the owner's own fields as a user meets them: a saved view that filters by a
custom field shows its controls in the filter bar; the user changes, clears and adds them,
and "Update view" saves them back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from window_helpers import make_window, open_section, type_text, wait_loaded

from crm_desktop.models import close_database
from crm_desktop.services import custom_fields, customers, listing, open_session, saved_views
from crm_desktop.services.listing import ListQuery

# name, region (choice), employees (number), newsletter (yes/no), note (text), since (date),
# credit (money), portal (link)
CUSTOMERS = (
    ("Acme", "North", 120, True, "=SUM(A1) <b>&", "2024-01-15", "1500.00", "acme.example.com"),
    ("Ромашка", "Север", 40, False, "Поставщик цветов", "2025-06-01", "99.50", "ромашка.рф"),
    ("北京贸易", "Север", 7, None, "华东 客户 😀", None, None, None),
    ("Zeta", "North", None, True, "שלום עולם", "2026-02-28", "20000", "zeta.example.org"),
    ("Омега", None, 300, None, None, "2023-12-31", "0.01", None),
)


def _shop(path) -> dict[str, str]:
    open_session(path)
    keys = {
        "region": custom_fields.create_field(
            "customer", "Region", "choice", choices=["North", "Север", "华东"]
        ),
        "size": custom_fields.create_field("customer", "Employees", "number"),
        "news": custom_fields.create_field("customer", "Newsletter", "yes_no"),
        "note": custom_fields.create_field("customer", "Note", "text"),
        "since": custom_fields.create_field("customer", "Since", "date"),
        "credit": custom_fields.create_field("customer", "Credit", "money"),
        "portal": custom_fields.create_field("customer", "Portal", "link"),
    }
    keys = {name: f"cf_{field_id}" for name, field_id in keys.items()}
    for name, region, size, news, note, since, credit, portal in CUSTOMERS:
        values = dict(
            zip(
                ("region", "size", "news", "note", "since", "credit", "portal"),
                (region, size, news, note, since, credit, portal),
                strict=True,
            )
        )
        customers.create_customer(
            {"name": name, **{keys[k]: v for k, v in values.items() if v is not None}}
        )
    view_id = saved_views.save_view(
        "customer",
        "Big in the north",
        ListQuery(filters={keys["region"]: "Север", keys["size"]: {"from": "10"}}),
        ["name", keys["region"], keys["size"]],
    )
    close_database()
    return {**keys, "view": str(view_id)}


def _names(page) -> set[str]:
    rows = listing.fetch_rows("customer", list(page.model.ids()), ["name"])
    return {row["name"] for row in rows}


def _open_view(qtbot, window, name: str):
    sidebar = window.sidebar
    row = next(r for r in range(sidebar.count()) if sidebar.item(r).text().strip() == name)
    sidebar.setCurrentRow(row)  # a click
    page = window.current_list()
    wait_loaded(qtbot, page)
    return page


def test_a_view_filtering_by_custom_fields_shows_them_changeable_and_clearable(qtbot, db_path):
    keys = _shop(db_path)
    window = make_window(qtbot, db_path)
    page = _open_view(qtbot, window, "Big in the north")
    bar = page.filter_bar
    assert _names(page) == {"Ромашка"}  # Север and ≥ 10 employees
    # Both filters show, with the view's values.
    assert set(bar.custom) == {keys["region"], keys["size"]}
    region, size = bar.custom[keys["region"]], bar.custom[keys["size"]]
    assert region.isVisible() and size.isVisible()
    assert region.caption.text().startswith("Region")
    assert region.combo.currentText() == "Север"
    assert [e.text() for e in size.edits] == ["10", ""]

    # The user picks another region: the list follows at once.
    region.combo.setCurrentIndex(region.combo.findText("North"))
    wait_loaded(qtbot, page)
    assert _names(page) == {"Acme"}  # Zeta has no employee count: not ≥ 10

    # A "to" bound that is not a number turns red, says why, and filters nothing.
    to_edit = size.edits[1]
    to_edit.setFocus()
    type_text(to_edit, "abc")
    assert to_edit.property("invalid") is True and to_edit.toolTip()
    size.flush()
    wait_loaded(qtbot, page)
    assert page.model.query.filters[keys["size"]] == {"from": "10"}
    to_edit.clear()
    type_text(to_edit, "100")
    assert not to_edit.property("invalid")
    size.flush()
    wait_loaded(qtbot, page)
    assert _names(page) == set()  # Acme has 120
    # Clearing the number filter with its × leaves the region alone.
    qtbot.mouseClick(size.clear_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, page)
    assert keys["size"] not in bar.custom and keys["size"] not in page.model.query.filters
    assert _names(page) == {"Acme", "Zeta"}

    # Saved back into the view: the changed region, no employee filter.
    window.saved_views.update(int(keys["view"]))
    stored = saved_views.get_view(int(keys["view"])).query.filters
    assert stored == {keys["region"]: "North"}

    # "Clear" of the region through its combo ("any"): every customer again.
    region.combo.setCurrentIndex(0)
    wait_loaded(qtbot, page)
    assert len(_names(page)) == len(CUSTOMERS)
    window.close()


def test_each_kind_is_added_from_the_field_menu_and_filters(qtbot, db_path):
    keys = _shop(db_path)
    window = make_window(qtbot, db_path)
    page = open_section(qtbot, window, "customers")
    bar = page.filter_bar
    assert bar.field_button.isVisibleTo(bar)
    bar.field_menu.aboutToShow.emit()  # the menu opens
    names = [a.text() for a in bar.field_menu.actions()]
    assert names == ["Region", "Employees", "Newsletter", "Note", "Since", "Credit", "Portal"]

    def add(name: str):
        bar.field_menu.aboutToShow.emit()
        action = next(a for a in bar.field_menu.actions() if a.text() == name)
        action.trigger()
        control = next(c for c in bar.custom.values() if c.item.name == name)
        assert control.isVisible()
        return control

    def shown() -> set[str]:
        wait_loaded(qtbot, page)
        return _names(page)

    note = add("Note")
    bar.field_menu.aboutToShow.emit()
    assert not bar.field_menu.actions()[3].isEnabled()  # already filtering
    assert len(shown()) == len(CUSTOMERS)  # an empty control filters nothing
    type_text(note.edits[0], "ЦВЕТ")  # contained, any case
    note.flush()
    assert shown() == {"Ромашка"}
    note.edits[0].clear()
    type_text(note.edits[0], "客户")
    note.flush()
    assert shown() == {"北京贸易"}
    note.edits[0].clear()
    type_text(note.edits[0], "=SUM")  # a formula is only text here
    note.flush()
    assert shown() == {"Acme"}
    qtbot.mouseClick(note.clear_button, Qt.MouseButton.LeftButton)
    assert len(shown()) == len(CUSTOMERS)

    news = add("Newsletter")
    news.combo.setCurrentIndex(news.combo.findData("no"))  # no: also those never asked
    assert shown() == {"Ромашка", "北京贸易", "Омега"}
    news.combo.setCurrentIndex(news.combo.findData("yes"))
    assert shown() == {"Acme", "Zeta"}
    qtbot.mouseClick(news.clear_button, Qt.MouseButton.LeftButton)

    since = add("Since")
    type_text(since.edits[0], "01.01.2024")  # day.month.year is read as a date
    type_text(since.edits[1], "2025-12-31")
    since.flush()
    assert shown() == {"Acme", "Ромашка"}
    assert page.model.query.filters[since.key] == {"from": "2024-01-01", "to": "2025-12-31"}
    qtbot.mouseClick(since.clear_button, Qt.MouseButton.LeftButton)

    credit = add("Credit")
    type_text(credit.edits[0], "99.50")
    type_text(credit.edits[1], "1500")
    credit.flush()
    assert shown() == {"Acme", "Ромашка"}
    qtbot.mouseClick(credit.clear_button, Qt.MouseButton.LeftButton)

    portal = add("Portal")
    type_text(portal.edits[0], "EXAMPLE")
    portal.flush()
    assert shown() == {"Acme", "Zeta"}

    # The bar's filters are what "Save view…" keeps; the view opens with them again.
    view_id = window.saved_views.save_current("Portals")
    assert view_id is not None
    assert saved_views.get_view(view_id).query.filters == {keys["portal"]: "EXAMPLE"}
    bar.reset()
    assert not bar.custom and len(shown()) == len(CUSTOMERS)
    open_section(qtbot, window, "deals")
    page = _open_view(qtbot, window, "Portals")
    assert page.filter_bar.custom[keys["portal"]].edits[0].text() == "EXAMPLE"
    assert _names(page) == {"Acme", "Zeta"}
    window.close()


def test_a_deleted_field_drops_its_filter_and_hostile_values_stay_text(qtbot, db_path):
    keys = _shop(db_path)
    window = make_window(qtbot, db_path)
    page = _open_view(qtbot, window, "Big in the north")
    bar = page.filter_bar
    assert _names(page) == {"Ромашка"}
    custom_fields.delete_field(int(keys["region"][3:]))
    qtbot.waitUntil(lambda: keys["region"] not in bar.custom, timeout=5000)
    wait_loaded(qtbot, page)
    assert keys["region"] not in page.model.query.filters
    assert _names(page) == {"Acme", "Ромашка", "Омега"}  # only ≥ 10 employees is left
    # Opening the view again while its field is in the trash: the rest of the view applies.
    page = _open_view(qtbot, window, "Big in the north")
    assert set(page.filter_bar.custom) == {keys["size"]}
    assert _names(page) == {"Acme", "Ромашка", "Омега"}
    # A huge right-to-left text with markup filters as text and finds nothing.
    note = page.filter_bar.add_custom_filter(keys["note"])
    type_text(note.edits[0], "<b>&" + "שלום" * 200)
    note.flush()
    wait_loaded(qtbot, page)
    assert _names(page) == set()
    window.close()


def test_a_view_holding_a_wrong_bound_opens_without_an_error(qtbot, db_path, monkeypatch):
    keys = _shop(db_path)
    open_session(db_path)
    saved_views.save_view(
        "customer",
        "Broken by hand",
        ListQuery(filters={keys["size"]: {"from": "много", "to": "50"}}),
    )
    close_database()
    errors = []
    monkeypatch.setattr("crm_desktop.ui.tables.page.show_error", lambda *a: errors.append(a))
    window = make_window(qtbot, db_path)
    page = _open_view(qtbot, window, "Broken by hand")
    size = page.filter_bar.custom[keys["size"]]
    assert [e.text() for e in size.edits] == ["много", "50"]
    assert size.edits[0].property("invalid") is True  # shown red, filters nothing
    assert page.model.query.filters == {keys["size"]: {"to": "50"}}
    assert _names(page) == {"Ромашка", "北京贸易"} and not errors
    window.close()
