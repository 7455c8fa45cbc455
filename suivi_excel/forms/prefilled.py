"""Pre-filled cells that look pre-filled (§13), in Excel and in LibreOffice.

A cell format would not do: Excel and LibreOffice keep a cell's format when someone types into it,
so a value the service typed would still look pre-filled. Each pre-filled cell gets instead a
conditional format that holds only while the cell still holds the pre-filled value ("cell value
equal to"): italic dark-blue text on a pale blue fill. As soon as the service types another value,
the cell looks like any other. Cells sharing a column and a value share one rule, so a form carries
a few rules per column rather than one per cell. `Instructions` explains the look and names the
period the values come from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from suivi_excel.core.columns import PERIOD_REMARKS
from suivi_excel.core.text import column_letter
from suivi_excel.forms.texts import prefilled_instructions

_FILL, _FONT = "#DDEBF7", "#1F3864"
_MAX_TEXT = 200  # a rule's value is a formula string: long texts are left without the look
_EXCEL_EPOCH = dt.datetime(1899, 12, 30)


def _criterion(value: object) -> str | None:
    """The value of an "equal to" rule matching `value`, or None when none fits."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (dt.date, dt.datetime)):
        moment = value if isinstance(value, dt.datetime) else dt.datetime.combine(value, dt.time())
        return repr((moment - _EXCEL_EPOCH).total_seconds() / 86400)
    if isinstance(value, str) and value and len(value) <= _MAX_TEXT and "\n" not in value:
        return '"' + value.replace('"', '""') + '"'
    return None


class PrefillLook:
    """Collects the pre-filled cells of a tab, then writes their rules."""

    def __init__(self, book) -> None:
        base = {"italic": True, "font_color": _FONT}
        self.plain = book.add_format({**base, "bg_color": _FILL})
        self.status = book.add_format(base)  # the status keeps its colour: only the text says "pre-filled"
        self.cells: dict[tuple[int, str], list[str]] = {}

    def add(self, row: int, col: int, value: object) -> None:
        criterion = _criterion(value)
        if criterion is not None:
            self.cells.setdefault((col, criterion), []).append(f"{column_letter(col)}{row + 1}")

    def write(self, sheet, status_col: int) -> None:
        """Write the rules; call before the tab's other conditional formats, so these come first."""
        for (col, criterion), cells in self.cells.items():
            first = cells[0]
            row = int("".join(ch for ch in first if ch.isdigit())) - 1
            sheet.conditional_format(row, col, row, col, {
                "type": "cell", "criteria": "==", "value": criterion, "multi_range": " ".join(cells),
                "format": self.status if col == status_col else self.plain})


def instructions_lines(periods: Mapping[str, str], numbers: set[str]) -> list[tuple[str, str]]:
    """The `Instructions` lines about pre-filled values, for the actions of the workbook (`numbers`)."""
    mine = [p for n, p in periods.items() if n in numbers]
    if not mine:
        return []
    counts: dict[str, int] = {}
    for period in mine:
        counts[period] = counts.get(period, 0) + 1
    return prefilled_instructions({p: counts[p] for p in sorted(counts, key=lambda p: (-counts[p], p))},
                                  PERIOD_REMARKS)
