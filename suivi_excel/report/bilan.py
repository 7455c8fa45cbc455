"""The annual review (*bilan*): a report over every period of a year, from the history alone."""

from __future__ import annotations

from pathlib import Path

from suivi_excel.consolidate.consolidation import Consolidation
from suivi_excel.core.anomalies import Anomaly
from suivi_excel.core.columns import LEAD, PERIOD, SOURCE
from suivi_excel.core.errors import SuiviError
from suivi_excel.core.periods import Period
from suivi_excel.history import store as history
from suivi_excel.report import texts
from suivi_excel.report.workbook import write_report


def write_annual_review(store: Path, year: int, output: Path) -> tuple[Consolidation, list[Period]]:
    """Write the year's review: the last period's situation, the evolution over the year's periods,
    and what changed since the end of the previous year.

    Raises:
        SuiviError: when the history holds no period of that year.
    """
    found = history.periods_of_year(store, year)
    if not found:
        raise SuiviError.of("review-year-empty", store=store, year=year)
    plans = {plan for plan, _period in found}
    plan_id = max(plans, key=lambda p: sum(q == p for q, _ in found))
    year_periods = [period for plan, period in found if plan == plan_id]
    last = year_periods[-1]
    plan, actions, rows = history.load_period(store, plan_id, last)
    anomalies = [Anomaly(*row) for row in rows]
    answered = {s: texts.FROM_HISTORY for s in actions.loc[actions[SOURCE].fillna("") != "", LEAD]}
    result = Consolidation(plan, last, actions, anomalies, [], answered, plan.tabs)
    rows_all = history.history_rows(store, plan_id, up_to=last)
    labels = {p.label for p in year_periods}
    with history.connect(store) as connection:
        before = history.latest_before(connection, plan_id, year_periods[0])
    if before is not None:
        labels.add(before.label)
    shown = rows_all[rows_all[PERIOD].isin(labels)]
    reference = before.label if before is not None else (year_periods[0].label if len(year_periods) > 1 else None)
    write_report(result, output, shown, reference=reference, title=texts.ANNUAL_REVIEW_TITLE.format(year=year))
    return result, year_periods
