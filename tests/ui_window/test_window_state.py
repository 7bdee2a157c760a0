"""The window remembers its layout: size, splitter, columns, sort and the deals view."""

from __future__ import annotations

from window_helpers import make_window, open_section

from crm_desktop.services.text import sort_key


def test_layout_is_remembered_across_window_instances(qtbot, demo_db):
    first = make_window(qtbot, demo_db)
    first.resize(760, 560)
    first.splitter.setSizes([200, 520])
    page = open_section(qtbot, first, "customers")
    header = page.table.horizontalHeader()
    keys = [c.key for c in page.section.columns]
    header.resizeSection(keys.index("name"), 333)
    page.table._set_column_shown(keys.index("email"), False)
    page.table._set_column_shown(keys.index("source"), True)
    header.moveSection(header.visualIndex(keys.index("city")), 1)
    header.setSortIndicator(keys.index("city"), header.sortIndicatorOrder().DescendingOrder)
    qtbot.waitUntil(lambda: not page.model.is_loading())
    assert page.model.query.sort == "city" and page.model.query.descending
    deals = open_section(qtbot, first, "deals")
    deals.show_board(True)
    size = (first.width(), first.height())
    assert size != (1180, 760)  # not the default
    first.close()

    second = make_window(qtbot, demo_db)
    assert second.height() == size[1]
    screen_width = second.screen().availableGeometry().width()  # 800 under offscreen
    assert second.width() == size[0] or second.width() >= screen_width - 10
    assert second.splitter.sizes()[0] == 200
    page = open_section(qtbot, second, "customers")
    header = page.table.horizontalHeader()
    assert header.sectionSize(keys.index("name")) == 333
    assert header.isSectionHidden(keys.index("email"))
    assert not header.isSectionHidden(keys.index("source"))
    assert header.visualIndex(keys.index("city")) == 1
    assert page.model.query.sort == "city" and page.model.query.descending
    assert header.sortIndicatorSection() == keys.index("city")
    cities = [page.model.values_at(row)["city"] for row in range(10)]
    assert cities == sorted(cities, key=sort_key, reverse=True)
    assert open_section(qtbot, second, "deals").is_board()


def test_reset_columns_brings_the_defaults_back(qtbot, window):
    page = open_section(qtbot, window, "customers")
    header = page.table.horizontalHeader()
    header.resizeSection(0, 50)
    page.table._set_column_shown(3, False)
    page.table._reset_columns()
    assert header.sectionSize(0) == page.section.columns[0].width
    assert not header.isSectionHidden(3)
