"""Sample data: believable, deterministic, across every table, and all-or-nothing."""

from __future__ import annotations

from datetime import date

import pytest

from crm_desktop.errors import CancelledError, CrmError
from crm_desktop.models import database
from crm_desktop.models.enums import DEAL_STAGES
from crm_desktop.services import demo, figures

DAY = date(2026, 6, 15)


def snapshot() -> dict[str, list]:
    tables = ["customer", "contact", "sales_order", "order_line", "deal", "task", "interaction"]
    return {t: database.execute_sql(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in tables}


def test_same_seed_and_day_give_the_same_data(db, tmp_path):
    from crm_desktop.services import open_session

    demo.generate(customers=80, seed=11, on=DAY)
    first = snapshot()
    open_session(tmp_path / "second.sqlite3")
    demo.generate(customers=80, seed=11, on=DAY)
    assert snapshot() == first
    open_session(tmp_path / "third.sqlite3")
    demo.generate(customers=80, seed=12, on=DAY)
    assert snapshot() != first


def test_every_table_gets_believable_rows(db):
    result = demo.generate(customers=400, seed=2, on=DAY)
    counts = figures.record_counts()
    for table in (
        "customer",
        "contact",
        "tag",
        "customer_tag",
        "product",
        "deal",
        "sales_order",
        "order_line",
        "task",
        "interaction",
        "campaign",
        "campaign_member",
        "service_case",
    ):
        assert counts[table] > 0, table
    assert result.counts["customer"] == 400
    assert 3.5 <= counts["order_line"] / counts["customer"] <= 6.5  # ~500,000 lines at 100,000
    stages = {r[0] for r in database.execute_sql("SELECT DISTINCT stage FROM deal")}
    assert stages == set(DEAL_STAGES)
    overdue = database.execute_sql(
        "SELECT count(*) FROM task WHERE status = 'open' AND due_date < ?", (DAY.isoformat(),)
    ).fetchone()[0]
    assert overdue > 0
    names = " ".join(r[0] for r in database.execute_sql("SELECT name FROM customer"))
    assert any("\u0400" <= ch <= "\u04ff" for ch in names)  # Cyrillic
    assert any("\u4e00" <= ch <= "\u9fff" for ch in names)  # Chinese
    assert figures.revenue_cents() > 0
    assert database.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    assert database.execute_sql("SELECT count(*) FROM customer_search").fetchone()[0] == 400


def test_a_cancelled_demo_leaves_the_database_empty(db):
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(CancelledError):
        demo.generate(customers=8000, seed=1, on=DAY, cancelled=cancelled)
    assert figures.record_counts()["customer"] == 0
    assert figures.record_counts()["order_line"] == 0


def test_demo_goes_into_an_empty_database_only(db):
    demo.generate(customers=5, seed=1, on=DAY)
    with pytest.raises(CrmError, match="empty database"):
        demo.generate(customers=5, seed=1, on=DAY)


def test_russian_women_carry_the_female_form_of_their_surname():
    rows = demo.build_rows(400, seed=3)
    names = [row[2] for row in rows.customer if row[1] == "person"]
    names += [row[2] for row in rows.contact]
    female_first = ("Мария", "Анна", "Елена", "Ольга", "Наталья", "Татьяна", "Светлана",
                    "Юлия", "Ксения", "Алёна", "Дарья")  # fmt: skip
    russian_women = [n for n in names if n.split(" ", 1)[0] in female_first]
    assert len(russian_women) >= 10  # the check below is not vacuous
    for name in russian_women:
        assert name.endswith("а"), name  # Елена Степанова, never Елена Степанов
    men = [n for n in names if n.split(" ", 1)[0] in ("Иван", "Сергей", "Павел", "Егор")]
    assert men and all(not n.endswith("ова") and not n.endswith("ева") for n in men)


def test_job_titles_and_sources_are_in_the_customers_language():
    from crm_desktop.services.demo_names import LOCAL_POSITIONS, LOCAL_SOURCES

    rows = demo.build_rows(400, seed=5)
    columns = demo.COLUMNS["customer"]
    country_of = {row[0]: row[columns.index("country")] for row in rows.customer}
    language = {"Россия": "ru", "中国": "zh", "Deutschland": "de", "France": "fr", "España": "es"}
    checked = 0
    for row in rows.customer:
        key = language.get(row[columns.index("country")])
        if key:
            assert row[columns.index("source")] in LOCAL_SOURCES[key], row
            checked += 1
    for contact in rows.contact:
        key = language.get(country_of[contact[1]])
        if key:
            assert contact[3] in LOCAL_POSITIONS[key], contact
            checked += 1
    assert checked > 100


def test_deals_tasks_and_conversations_speak_the_customers_language():
    rows = demo.build_rows(300, seed=7)
    columns = demo.COLUMNS["customer"]
    russian = {row[0] for row in rows.customer if row[columns.index("country")] == "Россия"}
    german = {row[0] for row in rows.customer if row[columns.index("country")] == "Deutschland"}
    interaction = demo.COLUMNS["interaction"]
    subjects = [
        (row[interaction.index("customer_id")], row[interaction.index("subject")])
        for row in rows.interaction
    ]

    def cyrillic(text: str) -> bool:
        return any("\u0400" <= ch <= "\u04ff" for ch in text)

    assert [s for c, s in subjects if c in russian]
    assert all(cyrillic(s) for c, s in subjects if c in russian)
    assert not any(cyrillic(s) for c, s in subjects if c in german)
