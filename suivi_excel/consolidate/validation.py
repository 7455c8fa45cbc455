"""Judge the raw values of the returned tabs against the plan and the column declarations.

The action lines of all tabs are checked together, in one pandas frame: each
tracking column is read by the reader of its kind (`values.READERS`) once per
distinct raw value, and the checks that span columns or lines (numbers the plan
does not know, duplicates, status against progress, dates in order) are
vectorized masks. Python runs once per anomaly, not once per cell. Every problem
becomes an Anomaly at the cell the service sees.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import pandas as pd

from suivi_excel.core.anomalies import Anomaly
from suivi_excel.core.columns import (
    ACTUAL_END,
    ACTUAL_START,
    DONE,
    NOT_STARTED,
    NUMBER,
    OBSTACLES,
    POSTPONED,
    PROGRESS,
    RESULT,
    SOURCE,
    STATUS,
    TARGET,
    TARGET_MET,
    TO_CHECK,
    TRACKING_COLUMNS,
    TRACKING_HEADERS,
)
from suivi_excel.core.messages.anomalies import EMPTY_VALUE
from suivi_excel.core.targets import answer_for, contradicts, target_share
from suivi_excel.core.text import clean_text, column_letter, is_blank, percent_text
from suivi_excel.core.values import READERS, Parsed, days, values_digest
from suivi_excel.plan.model import Plan
from suivi_excel.returns.file import TabRead

_KINDS = {c.header: c.kind for c in TRACKING_COLUMNS}
_HEADERS = list(TRACKING_HEADERS)
_MISSING_SHOWN = 15


@dataclass
class TabValues:
    """What checking one returned tab found; its values are in `Checked.values`."""

    tab: TabRead
    index: int  # of the tab among those checked together
    anomalies: list[Anomaly] = field(default_factory=list)
    digest: str = ""  # of the clean values when the tab was pre-filled, to tell an untouched return


@dataclass
class Checked:
    """The tabs checked together: one TabValues per tab, and the clean values of all of them."""

    tabs: list[TabValues]
    # "tab", "No" (the plan's numbers), "own" (the tab is the action's service's), a column per header
    values: pd.DataFrame
    provenance: pd.DataFrame  # "tab", "No", "header", "cell", "raw": every filled cell

    def values_of(self, sources: dict[int, str]) -> pd.DataFrame:
        """The values of the tabs in `sources` (tab index -> source label), one row per number, with `Source`.

        An action answered in two of those tabs takes the values of its own service's tab.
        """
        picked = self.values[self.values["tab"].isin(sources.keys())].sort_values("own", kind="stable")
        picked = picked[~picked[NUMBER].duplicated(keep="last")]
        return picked.assign(**{SOURCE: picked["tab"].map(sources)}).set_index(NUMBER)[[*_HEADERS, SOURCE]]

    def provenance_of(self, indexes: set[int]) -> list[tuple[str, str, str, str, str, str]]:
        """(number, header, file, sheet, cell, raw value) of every value filled in those tabs."""
        picked = self.provenance[self.provenance["tab"].isin(indexes)]
        tabs = [self.tabs[i].tab for i in picked["tab"]]
        return [(n, h, t.file, t.sheet, c, v) for t, n, h, c, v in
                zip(tabs, picked[NUMBER], picked["header"], picked["cell"], picked["raw"])]


def _parse_column(kind: str, raw: list[object]) -> list[Parsed]:
    """Each value read by the reader of `kind`, each distinct value once (1, 1.0 and True apart)."""
    reader = READERS[kind]
    cache: dict[object, Parsed] = {}
    parsed = []
    for value in raw:
        key = (type(value), value)
        try:
            hit = cache.get(key)
        except TypeError:  # an unhashable value: parse it without caching
            hit = None
            key = None
        if hit is None:
            hit = reader(value)
            if key is not None:
                cache[key] = hit
        parsed.append(hit)
    return parsed


def _lines(tabs: Sequence[TabRead]) -> pd.DataFrame:
    """Every action line of every tab: tab index, position, sheet row, number and raw values."""
    tab_ids: list[int] = []
    positions: list[int] = []
    rows: list[int] = []
    numbers: list[str] = []
    raw: dict[str, list[object]] = {h: [] for h in _HEADERS}
    for index, tab in enumerate(tabs):
        count = len(tab.numbers)
        tab_ids += [index] * count
        positions += range(count)
        rows += tab.rows
        numbers += tab.numbers
        for header in _HEADERS:
            raw[header] += tab.raw.get(header) or [None] * count
    frame = pd.DataFrame({"tab": tab_ids, "pos": positions, "row": rows,
                          "number": pd.Series(numbers, dtype=object)})
    for header in _HEADERS:
        frame[header] = pd.Series(raw[header], dtype=object)
    return frame


def _per_tab(lines: pd.DataFrame, values: list) -> pd.Series:
    """For each line, the value its tab has in `values` (one per tab)."""
    return lines["tab"].map(dict(enumerate(values)))


class _Found:
    """Anomalies as they are found, kept per tab (only the retained return's count)."""

    def __init__(self, tabs: Sequence[TabRead]) -> None:
        self.tabs = tabs
        self.by_tab: list[list[Anomaly]] = [[] for _ in tabs]

    def add(self, code: str, tab: int, pos: int, header: str, value: object = "", **details: object) -> None:
        read = self.tabs[tab]
        self.by_tab[tab].append(Anomaly.of(code, file=read.file, sheet=read.sheet, cell=read.cell(header, pos),
                                           value=value, **details))

    def each(self, lines: pd.DataFrame, mask: pd.Series, code: str, header: str,
             value: Callable[[tuple], object], **details: Callable[[tuple], object]) -> None:
        """One anomaly per line where `mask` holds; value and details are computed from the line."""
        for line in lines[mask].itertuples(index=False):
            self.add(code, line.tab, line.pos, header, value(line), **{k: f(line) for k, f in details.items()})


def validate_tabs(tabs: Sequence[TabRead], plan: Plan,
                  numbers_when_generated: Sequence[frozenset[str]] = ()) -> Checked:
    """Read and check every value of every tab.

    Args:
        tabs: the raw tabs.
        plan: the plan consolidated against (numbers, owners, `Ancien No`).
        numbers_when_generated: for each tab, the action numbers of the plan its form was made
            from, to tell an action removed from a revised plan from a number typed by mistake.

    Returns:
        For each tab, in order, its anomalies; the clean values of every known action.
    """
    found = _Found(tabs)
    lines = _lines(tabs)
    # tuple attributes must be identifiers: tracking values travel under positional names
    renamed = {h: f"v{i}" for i, h in enumerate(_HEADERS)}
    lines = lines.rename(columns=renamed)
    raw = lines[list(renamed.values())]
    lines["filled"] = raw.notna().any(axis=1)

    # numbers: renumbered, unknown, removed, duplicated, another service's
    new_number = lines["number"].map(plan.renumbered)
    was_renumbered = new_number.notna()
    found.each(lines, was_renumbered & lines["filled"], "action-renumbered", NUMBER, lambda ln: ln.number,
               new=lambda ln: plan.renumbered[ln.number])
    lines["final"] = new_number.where(was_renumbered, lines["number"])
    known = lines["final"].isin(plan.owners.keys())
    for line in lines[~known].itertuples(index=False):
        generated = numbers_when_generated[line.tab] if numbers_when_generated else frozenset()
        if line.number in generated:
            if line.filled:
                found.add("action-removed", line.tab, line.pos, NUMBER, line.number)
        elif line.number or line.filled:
            found.add("action-unknown", line.tab, line.pos, NUMBER, line.number or EMPTY_VALUE)
    lines = lines[known]
    duplicate = lines.duplicated(["tab", "final"])
    first = lines.groupby(["tab", "final"])["pos"].transform("first")
    found.each(lines.assign(first=first), duplicate, "action-duplicate", NUMBER, lambda ln: ln.final,
               first=lambda ln: tabs[ln.tab].cell(NUMBER, ln.first))
    lines = lines[~duplicate].reset_index(drop=True)
    owner = lines["final"].map(plan.owners)
    service = _per_tab(lines, [t.service for t in tabs])
    found.each(lines.assign(owner=owner, service=service), (service != "") & (owner != service),
               "action-other-service", NUMBER, lambda ln: ln.final, owner=lambda ln: ln.owner,
               service=lambda ln: ln.service)

    # values, column by column
    clean = pd.DataFrame({"tab": lines["tab"], NUMBER: lines["final"], "own": owner == service})
    for header, column in renamed.items():
        parsed = _parse_column(_KINDS[header], lines[column].tolist())
        values = [TO_CHECK if p.code == "status-unknown" else p.value for p in parsed]
        clean[header] = pd.Series(values, dtype=object)
        for index, outcome in enumerate(parsed):
            if outcome.code:
                line = lines.iloc[index]
                found.add(outcome.code, line.tab, line.pos, header, clean_text(line[column]), **dict(outcome.details))
    _check_consistency(lines, clean, renamed, tabs, found)

    results = [TabValues(tab, i, found.by_tab[i]) for i, tab in enumerate(tabs)]
    _digests(results, clean)  # of what the service typed, before an answer is deduced
    _check_targets(lines, clean, plan, found)
    _missing_actions(results, clean, plan)
    return Checked(results, clean, _provenance(lines, renamed, tabs))


def _digests(results: list[TabValues], clean: pd.DataFrame) -> None:
    """The fingerprint of each pre-filled tab's clean values."""
    prefilled = {r.index for r in results if r.tab.prefill}
    if not prefilled:
        return
    values: dict[int, dict[str, dict[str, object]]] = {i: {} for i in prefilled}
    picked = clean[clean["tab"].isin(prefilled)]
    for tab, number, *row in zip(picked["tab"], picked[NUMBER], *(picked[h] for h in _HEADERS)):
        values[tab][number] = dict(zip(_HEADERS, row))
    for index in prefilled:
        results[index].digest = values_digest(values[index])


def _check_consistency(lines: pd.DataFrame, clean: pd.DataFrame, renamed: dict[str, str],
                       tabs: Sequence[TabRead], found: _Found) -> None:
    """Checks across the columns of a line: status missing, status against progress, date order."""
    has_status = _per_tab(lines, [STATUS in t.raw for t in tabs])
    others = [c for h, c in renamed.items() if h != STATUS]
    found.each(lines, has_status & lines[renamed[STATUS]].isna() & lines[others].notna().any(axis=1),
               "status-missing", STATUS, lambda ln: "", action=lambda ln: ln.final)
    status, progress = clean[STATUS], pd.to_numeric(clean[PROGRESS])
    checked = lines.assign(progress=clean[PROGRESS], start=clean[ACTUAL_START], end=clean[ACTUAL_END])
    found.each(checked, (status == DONE) & (progress < 100), "done-below-100", PROGRESS,
               lambda ln: ln.progress, action=lambda ln: ln.final)
    found.each(checked, (status == NOT_STARTED) & (progress > 0), "not-started-above-0", PROGRESS,
               lambda ln: ln.progress, action=lambda ln: ln.final)
    # the form asks why an action is postponed (Instructions: « expliquez pourquoi dans Obstacles »)
    has_obstacles = _per_tab(lines, [OBSTACLES in t.columns for t in tabs])
    found.each(checked, has_obstacles & (status == POSTPONED) & clean[OBSTACLES].map(is_blank),
               "postponed-no-obstacle", OBSTACLES, lambda ln: "", action=lambda ln: ln.final)
    reversed_dates = pd.Series(days(clean[ACTUAL_END]) < days(clean[ACTUAL_START]), index=clean.index)
    found.each(checked, reversed_dates, "dates-reversed", ACTUAL_END, lambda ln: ln.end.isoformat(),
               start=lambda ln: ln.start.isoformat())


def _check_targets(lines: pd.DataFrame, clean: pd.DataFrame, plan: Plan, found: _Found) -> None:
    """`Cible atteinte` against the numbers, where the plan's `Cible` and the result both start with one:
    an answer that says otherwise is a warning; an empty answer is deduced from the share."""
    targets = clean[NUMBER].map(plan.actions.set_index(NUMBER)[TARGET]) if TARGET in plan.actions else None
    if targets is None:
        return
    candidates = targets.notna() & clean[RESULT].notna()
    for index in candidates[candidates].index:
        target, result, answer = targets[index], clean.at[index, RESULT], clean.at[index, TARGET_MET]
        share = target_share(target, result)
        if share is None:
            continue
        if answer is None:  # quietly: the dashboard shows the share beside the answer
            clean.at[index, TARGET_MET] = answer_for(share)
        elif contradicts(answer, share):
            line = lines.loc[index]
            found.add("target-contradicted", line["tab"], line["pos"], TARGET_MET, answer, action=line["final"],
                      result=result, target=target, share=percent_text(share))


def _provenance(lines: pd.DataFrame, renamed: dict[str, str], tabs: Sequence[TabRead]) -> pd.DataFrame:
    """Every filled cell: tab, number, header, A1 cell and raw value as text."""
    parts = []
    rows = (lines["row"] + 1).astype(str)
    for header, column in renamed.items():
        filled = lines[column].notna()
        if not filled.any():
            continue
        picked = lines.loc[filled, ["tab", "final", column]]
        letters = _per_tab(picked, [column_letter(t.columns.get(header, 0)) for t in tabs])
        parts.append(pd.DataFrame({"tab": picked["tab"], NUMBER: picked["final"], "header": header,
                                   "cell": letters + rows[filled],
                                   "raw": [clean_text(v) for v in picked[column]]}))
    if not parts:
        return pd.DataFrame(columns=["tab", NUMBER, "header", "cell", "raw"])
    return pd.concat(parts, ignore_index=True)


def _missing_actions(results: list[TabValues], clean: pd.DataFrame, plan: Plan) -> None:
    """A service tab that leaves out some of the service's actions says which."""
    expected: dict[str, list[str]] = {}
    for number, owner in plan.owners.items():
        expected.setdefault(owner, []).append(number)
    seen: dict[int, set[str]] = {}
    for tab, number in zip(clean["tab"], clean[NUMBER]):
        seen.setdefault(tab, set()).add(number)
    for result in results:
        tab = result.tab
        if not tab.service:
            continue
        missing = [n for n in expected.get(tab.service, []) if n not in seen.get(result.index, ())]
        if missing:
            shown = ", ".join(missing[:_MISSING_SHOWN]) + (" …" if len(missing) > _MISSING_SHOWN else "")
            result.anomalies.append(Anomaly.of("actions-missing", file=tab.file, sheet=tab.sheet, value=shown,
                                               count=len(missing)))
