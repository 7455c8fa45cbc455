"""Evolution across periods, from the history rows: counts per period and what changed."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from suivi_excel.core.columns import (
    DONE_STATUSES,
    LATE,
    PERIOD,
    POSTPONED,
    RATE,
    REPORT_STATUSES,
    STATUS,
    SUPPORT,
    YES,
)


@dataclass
class Changes:
    """What changed between a reference period and the current one, action by action."""

    reference: str
    done: pd.DataFrame  # newly Réalisée or En continu
    late: pd.DataFrame  # newly late
    blocked: pd.DataFrame  # newly Reportée, or newly asking for support


def periods(history: pd.DataFrame) -> list[str]:
    return list(dict.fromkeys(history[PERIOD]))


def status_by_period(history: pd.DataFrame) -> pd.DataFrame:
    """One row per period (oldest first): the count of each status and the completion rate."""
    order = periods(history)
    counts = pd.crosstab(history[PERIOD], history[STATUS]).reindex(
        index=order, columns=list(REPORT_STATUSES), fill_value=0)
    totals = history.groupby(PERIOD, sort=False).size().reindex(order)
    done = history[STATUS].isin(DONE_STATUSES).groupby(history[PERIOD], sort=False).sum().reindex(order)
    table = counts.astype(int)
    table[RATE] = (done / totals).astype(float)
    table.index.name = PERIOD
    return table.reset_index()


def changes(history: pd.DataFrame, current: str, reference: str | None = None) -> Changes | None:
    """Actions whose situation changed since `reference` (by default the period before `current`).

    Returns:
        None when there is no earlier period to compare with.
    """
    order = periods(history)
    if current not in order:
        return None
    if reference is None:
        index = order.index(current)
        if index == 0:
            return None
        reference = order[index - 1]
    now = history[history[PERIOD] == current].set_index("_cle")
    before = history[history[PERIOD] == reference].set_index("_cle")
    before = before.reindex(now.index)
    was_done = before[STATUS].isin(DONE_STATUSES)
    was_late = before[LATE] == YES
    was_blocked = (before[STATUS] == POSTPONED) | (before[SUPPORT] == YES)
    is_blocked = (now[STATUS] == POSTPONED) | (now[SUPPORT] == YES)
    pick = lambda mask: now[mask.to_numpy()].reset_index(drop=True)  # noqa: E731
    return Changes(
        reference=reference,
        done=pick(now[STATUS].isin(DONE_STATUSES) & ~was_done),
        late=pick((now[LATE] == YES) & ~was_late),
        blocked=pick(is_blocked & ~was_blocked),
    )
