"""Which actions the dashboard's lists show (§13): the late ones with what was last known of them,
support and obstacles only where they still matter."""

from __future__ import annotations

import pandas as pd

from suivi_excel.core.columns import (
    ACTION,
    DONE,
    END,
    FINAL_STATUSES,
    LATE,
    LEAD,
    NOT_REPORTED,
    NUMBER,
    OBSTACLES,
    PROGRESS,
    STATUS,
    SUPPORT,
    YES,
)
from suivi_excel.core.text import is_blank
from suivi_excel.history.carry import LAST_STATUS, SINCE
from suivi_excel.report import texts

LATE_COLUMNS = [NUMBER, ACTION, LEAD, STATUS, LAST_STATUS, END, PROGRESS]


def needs_support(actions: pd.DataFrame) -> pd.Series:
    """Actions whose service asks for support and that are not over (a finished or abandoned action
    needs none, whatever an old answer says)."""
    return (actions[SUPPORT] == YES) & ~actions[STATUS].isin(FINAL_STATUSES)


def has_obstacles(actions: pd.DataFrame) -> pd.Series:
    """Actions with obstacles reported, unless they are done (`Réalisée`)."""
    return actions[OBSTACLES].notna() & (actions[OBSTACLES] != "") & (actions[STATUS] != DONE)


def late_list(actions: pd.DataFrame) -> pd.DataFrame:
    """The late actions, each with its last known status (`En cours (2026)`) when nobody reported on it."""
    late = actions[actions[LATE] == YES].copy()
    if LAST_STATUS in late.columns:
        late[LAST_STATUS] = [texts.LAST_KNOWN.format(status=status, since=since) if not is_blank(status)
                             else texts.NONE_KNOWN if now == NOT_REPORTED else ""
                             for status, since, now in zip(late[LAST_STATUS], late[SINCE], late[STATUS])]
    else:  # a period read back from the history
        late[LAST_STATUS] = ""
    return late
