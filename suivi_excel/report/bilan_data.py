"""What a committee's bilan is made of, read from the history alone: the plan, the state of its actions
at the end of the bilan's span, what moved, the bons coups told along the way, what comes next.

Three spans: a year (`--annee`, every period of that year), one period (`--periode`), or the plan's
whole life (`--plan`, from its first period to its last: the end-of-plan bilan that feeds the next plan).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from suivi_excel.core.columns import (
    ABANDONED,
    ACTION,
    AXE,
    DONE,
    DONE_STATUSES,
    END,
    GOOD_NEWS,
    LEAD,
    NUMBER,
    ONGOING,
    PERIOD as PERIOD_COLUMN,  # PERIOD, here, is a kind of span (below)
    SOURCE,
    START,
    STATUS,
)
from suivi_excel.core.errors import SuiviError
from suivi_excel.core.periods import Period, parse_period
from suivi_excel.core.text import is_blank
from suivi_excel.history import store as history
from suivi_excel.plan.model import Plan
from suivi_excel.report import evolution
from suivi_excel.report.figures import KeyFigures
from suivi_excel.report.indicators import key_figures

YEAR, PERIOD, PLAN = "annee", "periode", "plan"
CLOSED = (DONE, ABANDONED)  # nothing left to do


@dataclass(frozen=True)
class Span:
    """The span a bilan covers: `kind` is YEAR (with `year`), PERIOD (with `period`) or PLAN."""

    kind: str
    year: int | None = None
    period: Period | None = None


@dataclass
class BilanData:
    """Everything the bilan's sentences, charts and tables are written from."""

    span: Span
    plan: Plan
    periods: list[Period]  # the periods covered, oldest first
    actions: pd.DataFrame  # the state at the end of the last period: plan columns, tracking columns, En retard
    figures: KeyFigures
    history: pd.DataFrame  # history rows of the plan up to the last period
    changes: evolution.Changes | None  # what moved since the reference period
    good_news: pd.DataFrame  # No, Axe, Action, Service responsable, Bon coup, Période (told in the span)
    next_actions: pd.DataFrame  # what comes next (or what the next plan should carry over)
    next_start: dt.date | None = None
    next_end: dt.date | None = None
    created: dt.datetime = field(default_factory=lambda: dt.datetime.now().replace(microsecond=0))

    @property
    def last(self) -> Period:
        return self.periods[-1]

    @property
    def label(self) -> str:
        """`2026`, `2026-S1`, or for the whole plan its first and last years (`2025-2027`)."""
        if self.span.kind == YEAR:
            return str(self.span.year)
        if self.span.kind == PERIOD:
            return self.last.label
        first, last = self.periods[0].year, self.last.year
        return str(first) if first == last else f"{first}-{last}"

    @property
    def file_name(self) -> str:
        """`bilan-2026.docx`, `bilan-2026-S1.docx`, `bilan-plan-2025-2027.docx`."""
        return f"bilan-{'plan-' if self.span.kind == PLAN else ''}{self.label}.docx"


def _recorded(store) -> list[tuple[str, Period]]:
    """(plan id, period) of everything the history holds, oldest first."""
    try:
        with history.connect(store) as connection:
            found = connection.execute("SELECT plan, periode FROM periodes").fetchall()
    except FileNotFoundError:
        raise SuiviError.of("bilan-history-missing", store=store) from None
    return sorted(((plan, parse_period(label)) for plan, label in found), key=lambda item: item[1])


def _choose(recorded: list[tuple[str, Period]], span: Span, store) -> tuple[str, list[Period]]:
    """The plan the bilan is about and the periods it covers."""
    if span.kind == YEAR:
        found = [(p, q) for p, q in recorded if q.year == span.year]
        missing = SuiviError.of("bilan-year-empty", store=store, year=span.year)
    elif span.kind == PERIOD:
        found = [(p, q) for p, q in recorded if q == span.period]
        missing = SuiviError.of("bilan-period-missing", store=store, period=span.period.label)
    else:
        found = recorded
        missing = SuiviError.of("bilan-history-empty", store=store)
    if not found:
        raise missing
    counts: dict[str, int] = {}
    for plan, _period in found:
        counts[plan] = counts.get(plan, 0) + 1
    latest = {plan: period for plan, period in found}  # sorted: the last one wins
    plan_id = max(counts, key=lambda p: (counts[p], latest[p]))
    return plan_id, [q for p, q in found if p == plan_id]


def gather(store, span: Span) -> BilanData:
    """Read from the history what the bilan of `span` shows.

    Raises:
        SuiviError: when the history is missing or holds nothing for that span.
    """
    recorded = _recorded(store)
    plan_id, periods = _choose(recorded, span, store)
    last = periods[-1]
    plan, actions, _anomalies = history.load_period(store, plan_id, last)
    rows = history.history_rows(store, plan_id, up_to=last)
    reference = _reference(recorded, plan_id, periods, span)
    changes = evolution.changes(rows, last.label, reference) if reference else None
    answered = actions.loc[actions[SOURCE].fillna("") != "", LEAD].unique()
    figures = key_figures(actions, len(plan.tabs), len(answered))
    covered = {p.label for p in periods}
    next_actions, start, end = _next(plan, actions, span, last)
    return BilanData(span, plan, periods, actions, figures, rows, changes,
                     _good_news(rows[rows[PERIOD_COLUMN].isin(covered)], actions), next_actions, start, end)


def _reference(recorded, plan_id: str, periods: list[Period], span: Span) -> str | None:
    """The period to compare with: the last one before the span, or the span's first when it is the first."""
    before = [q for p, q in recorded if p == plan_id and q < periods[0]]
    if span.kind == PLAN:
        return periods[-2].label if len(periods) > 1 else None
    if before:
        return before[-1].label
    return periods[0].label if len(periods) > 1 else None


def _good_news(rows: pd.DataFrame, actions: pd.DataFrame) -> pd.DataFrame:
    """The bons coups told during the span, once each, in plan order, with the action they belong to."""
    columns = [NUMBER, AXE, ACTION, LEAD, GOOD_NEWS, PERIOD_COLUMN]
    told = rows[~rows[GOOD_NEWS].map(is_blank)][[NUMBER, GOOD_NEWS, PERIOD_COLUMN]] if len(rows) else rows
    if told.empty:
        return pd.DataFrame(columns=columns)
    told = told.drop_duplicates([NUMBER, GOOD_NEWS], keep="last")
    described = actions[[NUMBER, AXE, ACTION, LEAD]].assign(_order=range(len(actions)))
    merged = told.merge(described, on=NUMBER, how="inner").sort_values(["_order", PERIOD_COLUMN], kind="stable")
    return merged[columns].reset_index(drop=True)


def _next(plan: Plan, actions: pd.DataFrame, span: Span, last: Period
          ) -> tuple[pd.DataFrame, dt.date | None, dt.date | None]:
    """The actions planned after the span and not closed; for the whole plan, those to carry over."""
    open_ = ~actions[STATUS].isin(CLOSED)
    if span.kind == PLAN:
        return actions[~actions[STATUS].isin((*DONE_STATUSES, ABANDONED))], None, None
    start = last.end + dt.timedelta(days=1)
    end = dt.date(start.year, 12, 31)  # after a year, the next one; after a semester, the rest of the year
    begins = pd.to_datetime(actions[START], errors="coerce")
    ends = pd.to_datetime(actions[END], errors="coerce")
    planned = (begins.isna() | (begins <= pd.Timestamp(end))) & (ends.isna() | (ends >= pd.Timestamp(start)))
    dated = begins.notna() | ends.notna()
    continuing = actions[STATUS] == ONGOING
    return actions[open_ & ((planned & dated) | continuing)], start, end
