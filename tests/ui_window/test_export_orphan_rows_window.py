"""The window's export and the command line's, after another tool deleted a customer.

The owner exports the Orders list from the window (File → Export current view…) and the
whole table with ``crm-desktop export orders``: both hold the rows the list shows, the
deleted customer's orders among them with an empty Customer cell.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QAction
from window_helpers import wait_loaded

from crm_desktop.models import database
from tests.other_tool import other_tool


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_window_and_the_command_line_export_the_same_orders(
    qtbot, window, demo_db, tmp_path, home, monkeypatch
):
    owner, count = database.execute_sql(
        "SELECT customer_id, count(*) FROM sales_order GROUP BY customer_id "
        "ORDER BY count(*) DESC, customer_id LIMIT 1"
    ).fetchone()
    numbers = {
        n for (n,) in database.execute_sql(
            "SELECT number FROM sales_order WHERE customer_id = ?", (owner,)
        )
    }  # fmt: skip
    # (the daily backup would refuse the damaged file and say so: not this test's matter)
    monkeypatch.setenv("CRM_DESKTOP_AUTO_BACKUP", "0")
    other_tool(demo_db, f"DELETE FROM customer WHERE id = {owner}")
    window.show_section("orders")
    page = window.current_list()
    page.model.reload()
    wait_loaded(qtbot, page)

    from crm_desktop.ui.transfer import exports

    shown = tmp_path / "window.csv"
    monkeypatch.setattr(exports, "ask_path", lambda parent, entity: str(shown))
    window.install_features()  # (done once the first screen is painted)
    action = next(
        a
        for a in window.findChildren(QAction)
        if a.text().replace("&", "") == "Export current view…"
    )
    action.trigger()
    qtbot.waitUntil(shown.exists, timeout=20_000)
    qtbot.waitUntil(lambda: "Exported" in window.status.message.text(), timeout=20_000)

    whole = tmp_path / "cli.csv"
    env = dict(os.environ, CRM_DESKTOP_HOME=str(home), CRM_DESKTOP_AUTO_BACKUP="0")
    result = subprocess.run(
        [sys.executable, "-m", "crm_desktop", "--db", str(demo_db), "export", "orders",
         "-o", str(whole)],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr

    in_window, in_cli = _rows(shown), _rows(whole)
    assert len(in_window) == len(in_cli) == page.count()
    assert {r["Number"] for r in in_window} == {r["Number"] for r in in_cli}
    for rows in (in_window, in_cli):
        orphans = [r for r in rows if r["Number"] in numbers]
        assert len(orphans) == count and {r["Customer"] for r in orphans} == {""}
    assert f"Exported {len(in_cli):,} orders" in result.stdout
