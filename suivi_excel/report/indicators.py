"""Figures a committee reads: key figures, and counts per axe and per service."""

from __future__ import annotations

import pandas as pd

from suivi_excel.core.columns import (
    BUDGET,
    COUNT,
    DONE_STATUSES,
    LATE,
    PROGRESS,
    RATE,
    REPORT_STATUSES,
    SPENT,
    STATUS,
    YES,
)
from suivi_excel.report.figures import KeyFigures
from suivi_excel.report.followup import needs_support

MEAN_PROGRESS = "Avancement moyen (%)"


def numbers(series: pd.Series) -> pd.Series:
    """A column as numbers, what cannot be read as one left out (NaN) of sums and means."""
    return pd.to_numeric(series, errors="coerce")


def key_figures(actions: pd.DataFrame, services_total: int, services_answered: int) -> KeyFigures:
    """The headline figures of the dashboard (and of the terminal summary and the e-mail)."""
    counts = actions[STATUS].value_counts()
    total = len(actions)
    done = int(actions[STATUS].isin(DONE_STATUSES).sum())
    return KeyFigures(
        actions=total,
        by_status={s: int(counts.get(s, 0)) for s in REPORT_STATUSES},
        late=int((actions[LATE] == YES).sum()),
        completion_rate=done / total if total else 0.0,
        services_total=services_total,
        services_answered=services_answered,
        budget_planned=float(numbers(actions[BUDGET]).sum()),
        spent=float(numbers(actions[SPENT]).sum()),
        support_needed=int(needs_support(actions).sum()),
    )


def by_group(actions: pd.DataFrame, column: str, order: list[str] | None = None) -> pd.DataFrame:
    """One row per value of `column` (axe or service): counts per status, rates, late, money.

    Args:
        actions: the consolidated actions.
        column: `Axe` or `Service responsable`.
        order: the row order wanted (plan order by default: first appearance).

    Returns:
        A DataFrame whose first column is `column`, and a last row is not added (the
        report writes the total itself).
    """
    order = order or list(dict.fromkeys(actions[column]))
    frame = actions.assign(
        _done=actions[STATUS].isin(DONE_STATUSES),
        _late=actions[LATE] == YES,
        _progress=numbers(actions[PROGRESS]),
        _budget=numbers(actions[BUDGET]),
        _spent=numbers(actions[SPENT]),
    )
    groups = frame.groupby(column, sort=False)
    counts = pd.crosstab(frame[column], frame[STATUS]).reindex(columns=list(REPORT_STATUSES), fill_value=0)
    table = pd.DataFrame({COUNT: groups.size()})
    table = table.join(counts)
    table[RATE] = groups["_done"].sum() / table[COUNT]
    table[MEAN_PROGRESS] = groups["_progress"].mean().round(0)
    table[LATE] = groups["_late"].sum()
    table[BUDGET] = groups["_budget"].sum()
    table[SPENT] = groups["_spent"].sum()
    table = table.reindex(order).fillna({s: 0 for s in REPORT_STATUSES})
    table.index.name = column
    return table.reset_index()
