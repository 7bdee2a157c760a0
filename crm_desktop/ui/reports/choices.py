"""The Reports screen's last choices, kept in the window's state file (not with the data)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import date

from crm_desktop.reports.generate import REPORTS
from crm_desktop.services.reporting import GROUPINGS, PRESETS
from crm_desktop.ui.state import UiState

_PREFIX = "reports/"
FORMAT_KEYS = ("pdf", "xlsx", "csv")


@dataclass
class ReportChoices:
    """What the user picked last time."""

    report: str = "sales"
    period: str = "last_month"
    grouping: str = "month"
    format: str = "pdf"
    custom_from: date | None = None
    custom_to: date | None = None
    folder: str = ""


def _date(text: str) -> date | None:
    with contextlib.suppress(ValueError):
        return date.fromisoformat(text)
    return None


def load_choices() -> ReportChoices:
    """The remembered choices; anything unreadable falls back to its default."""
    state = UiState()
    default = ReportChoices()

    def pick(key: str, allowed: tuple[str, ...] | list[str], fallback: str) -> str:
        value = state.text(_PREFIX + key, fallback)
        return value if value in allowed else fallback

    return ReportChoices(
        report=pick("report", list(REPORTS), default.report),
        period=pick("period", (*PRESETS, "custom"), default.period),
        grouping=pick("grouping", GROUPINGS, default.grouping),
        format=pick("format", FORMAT_KEYS, default.format),
        custom_from=_date(state.text(_PREFIX + "from")),
        custom_to=_date(state.text(_PREFIX + "to")),
        folder=state.text(_PREFIX + "folder"),
    )


def save_choices(choices: ReportChoices) -> None:
    state = UiState()
    state.set_text(_PREFIX + "report", choices.report)
    state.set_text(_PREFIX + "period", choices.period)
    state.set_text(_PREFIX + "grouping", choices.grouping)
    state.set_text(_PREFIX + "format", choices.format)
    state.set_text(_PREFIX + "from", choices.custom_from.isoformat() if choices.custom_from else "")
    state.set_text(_PREFIX + "to", choices.custom_to.isoformat() if choices.custom_to else "")
    state.set_text(_PREFIX + "folder", choices.folder)
    state.sync()
