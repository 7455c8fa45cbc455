"""The state of each service's return as the latest consolidation of a period left it, from the history.

`envoyer corrections` reads it so that a correction workbook never goes to a service whose latest
return is `Complet` (§13), even when an old workbook is still in the folder.
"""

from __future__ import annotations

from pathlib import Path

from suivi_excel.consolidate.consolidation import Consolidation
from suivi_excel.consolidate.review import review
from suivi_excel.core.anomalies import Anomaly
from suivi_excel.core.columns import LEAD, SOURCE
from suivi_excel.core.periods import parse_period
from suivi_excel.history import store as history


def return_states(store: Path, plan_id: str, period_label: str) -> dict[str, str]:
    """Service -> state of its return (`Complet`, `Incomplet`, `À corriger`, `Non reçu`) at the latest
    consolidation of that plan and period; {} when the history does not hold it."""
    try:
        with history.connect(store) as connection:
            found = connection.execute("SELECT 1 FROM periodes WHERE plan = ? AND periode = ?",
                                       (plan_id, period_label)).fetchone()
    except FileNotFoundError:
        return {}
    if found is None:
        return {}
    period = parse_period(period_label)
    plan, actions, rows = history.load_period(store, plan_id, period)
    answered = {service: source for service, source in
                zip(actions[LEAD], actions[SOURCE].fillna("")) if source}
    result = Consolidation(plan, period, actions, [Anomaly(*row) for row in rows], [], answered, plan.tabs)
    return {state.service: state.state for state in review(result)}
