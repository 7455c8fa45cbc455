"""An action nobody reported on this period keeps its last known state (§13).

- `Réalisée` and `Abandonnée` are final: the action stays so, with the values reported with it
  (progress, dates, spending, result; not that period's remarks), and counts in the completion rate.
- Any other last status: the action stays `Non renseigné`.
Either way `Dernier statut connu` and `Depuis` (the period it was reported in) say what was last known,
beside `Statut`. `Source` stays empty: no return of this period holds the values.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from suivi_excel.core.columns import FINAL_STATUSES, LATE, NO, NOT_REPORTED, NUMBER, PERIOD_REMARKS, STATUS
from suivi_excel.core.text import is_blank
from suivi_excel.history.lastknown import Known

LAST_STATUS, SINCE = "Dernier statut connu", "Depuis"


def with_last_known(actions: pd.DataFrame, known: dict[str, Known]) -> pd.DataFrame:
    """`actions` (consolidated) with the last known state of the unreported ones, and the two columns
    `Dernier statut connu` and `Depuis` right after `Statut` (empty for actions reported this period)."""
    actions = actions.copy()
    last = [None] * len(actions)
    since = [None] * len(actions)
    for index, (number, status) in enumerate(zip(actions[NUMBER], actions[STATUS])):
        state = known.get(number)
        if status != NOT_REPORTED or state is None or state.status is None:
            continue
        last[index], since[index] = state.status, state.since
        if state.status in FINAL_STATUSES:
            row = actions.index[index]
            actions.at[row, STATUS] = state.status
            actions.at[row, LATE] = NO
            for header, value in state.values.items():
                if header not in PERIOD_REMARKS and header in actions.columns and is_blank(actions.at[row, header]):
                    actions.at[row, header] = value
    at = list(actions.columns).index(STATUS) + 1
    if LAST_STATUS not in actions.columns:
        actions.insert(at, LAST_STATUS, pd.Series(last, index=actions.index, dtype=object))
        actions.insert(at + 1, SINCE, pd.Series(since, index=actions.index, dtype=object))
    return actions


def carry_forward(result, store: Path) -> None:
    """Give `result` (a Consolidation) the last known state of its unreported actions, from `store`."""
    from suivi_excel.history.store import known_states

    result.actions = with_last_known(result.actions, known_states(store, result.plan, result.period))
