"""Follow-up periods: a year (`2026`), a semester (`2026-S1`) or a quarter (`2026-T3`)."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

from suivi_excel.core.messages import ERRORS

_PATTERN = re.compile(r"^\s*(\d{4})\s*(?:[-_/ ]?\s*([STst])\s*([1-4]))?\s*$")


class NotAPeriod(ValueError):
    """A label that is not a period, as data: its code (`messages.ERRORS`) and the values of its placeholders,
    said in French by str(). A ValueError: whoever read the label places it (a cell, an option)."""

    def __init__(self, code: str, params: tuple[tuple[str, object], ...] = ()) -> None:
        super().__init__(code, params)  # the arguments again: whole through pickling
        self.code = code
        self.params = params

    @classmethod
    def of(cls, code: str, **params: object) -> NotAPeriod:
        return cls(code, tuple(params.items()))

    def __str__(self) -> str:
        return ERRORS[self.code].format(**dict(self.params))


@functools.total_ordering
@dataclass(frozen=True)
class Period:
    """One follow-up period. Periods compare chronologically: by their end, then by their start, so
    `2026-S1` < `2026-T3` < `2026` < `2026-T4` (the year and its last quarter end the same day)."""

    year: int
    months: int  # length in months: 12, 6 or 3
    index: int  # 1-based index inside the year

    @property
    def label(self) -> str:
        if self.months == 12:
            return str(self.year)
        letter = "S" if self.months == 6 else "T"
        return f"{self.year}-{letter}{self.index}"

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, (self.index - 1) * self.months + 1, 1)

    @property
    def end(self) -> dt.date:
        month = self.index * self.months
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return (self.end, self.start) < (other.end, other.start)

    def __str__(self) -> str:
        return self.label


def parse_period(text: object) -> Period:
    """Read a period label.

    Args:
        text: `2026`, `2026-S1`, `2026-S2`, `2026-T1` … `2026-T4` (case and separator free).

    Returns:
        The Period.

    Raises:
        NotAPeriod: a ValueError with a French message, when the label is not a period.
    """
    raw = str(text).strip() if text is not None else ""
    if raw.endswith(".0") and raw[:-2].isdigit():
        raw = raw[:-2]
    match = _PATTERN.match(raw)
    if not match:
        raise NotAPeriod.of("period-invalid", label=raw)
    year, letter, index = match.groups()
    if not letter:
        return Period(int(year), 12, 1)
    letter = letter.upper()
    if letter == "S" and int(index) > 2:
        raise NotAPeriod.of("period-semester", label=raw)
    return Period(int(year), 6 if letter == "S" else 3, int(index))
