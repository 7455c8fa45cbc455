"""Consolidate the returns of a period into one row per action of the plan.

Reads every file, recognizes plan and period, keeps one return per service
(the workbook saved last wins), and merges the clean values into the plan's
actions, in plan order, with `En retard` and `Source`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from suivi_excel.consolidate.validation import TabValues, validate_tabs
from suivi_excel.core.anomalies import ERROR, Anomaly, severities, sort_anomalies
from suivi_excel.core.columns import (
    END,
    LATE,
    LATE_STATUSES,
    NO,
    NOT_REPORTED,
    NUMBER,
    SOURCE,
    STATUS,
    TRACKING_HEADERS,
    YES,
)
from suivi_excel.core.errors import NothingUsable, SuiviError
from suivi_excel.core.messages import REFUSALS
from suivi_excel.core.periods import Period, parse_period
from suivi_excel.core.saved import saved_text
from suivi_excel.core.text import file_stems
from suivi_excel.core.values import days
from suivi_excel.plan.model import Plan
from suivi_excel.returns.file import FileRead, plan_of, service_of_numbers

_NEVER = dt.datetime.min.replace(tzinfo=dt.timezone.utc)


@dataclass
class Consolidation:
    """The outcome of a consolidation: what the report and the summary show."""

    plan: Plan
    period: Period
    actions: pd.DataFrame
    anomalies: list[Anomaly]
    files: list[FileRead]
    answered: dict[str, str] = field(default_factory=dict)  # service -> source of its return
    tabs: dict[str, str] = field(default_factory=dict)  # service -> tab name
    provenance: list[tuple[str, str, str, str, str, str]] = field(default_factory=list)
    created: dt.datetime = field(default_factory=lambda: dt.datetime.now().replace(microsecond=0))
    retained: dict[str, TabValues] = field(default_factory=dict)  # service -> its retained return

    @property
    def missing(self) -> list[str]:
        return [s for s in self.tabs if s not in self.answered]

    @property
    def errors(self) -> int:
        return severities(self.anomalies)[ERROR]


def _plan_label(plan: Plan) -> str:
    return " — ".join(p for p in (plan.municipality, plan.title) if p)


def _choose_plan(reads: list[FileRead], plan: Plan | None, anomalies: list[Anomaly]) -> Plan:
    if plan is not None:
        return plan
    recognized = [r for r in reads if r.meta is not None]
    if not recognized:
        why = [r.why_orphan for r in reads if r.why_orphan is not None and r.why_orphan not in anomalies]
        raise NothingUsable("nothing-recognized", anomalies + why)
    # the plan most returns belong to; on a tie, the one with more filled tabs, then the newest forms
    files = Counter(r.meta.plan_id for r in recognized)
    filled = Counter()
    for read in recognized:
        filled[read.meta.plan_id] += sum(t.filled for t in read.tabs)
    ranked = sorted(recognized, reverse=True,
                    key=lambda r: (files[r.meta.plan_id], filled[r.meta.plan_id], r.meta.generated_at))
    chosen = ranked[0].meta.plan_id
    first_error = None
    for read in (r for r in ranked if r.meta.plan_id == chosen):  # the plan is in each of them: one is enough
        try:
            return plan_of(read)
        except (ValueError, KeyError, TypeError, OSError) as error:
            first_error = first_error or (read.name, error)
    name, error = first_error
    raise SuiviError.of("hidden-plan-unreadable", name=name, why=error)


def _choose_period(reads: list[FileRead], period: Period | None, anomalies: list[Anomaly]) -> Period:
    if period is not None:
        return period
    labels = Counter(r.meta.period for r in reads if r.meta is not None)
    if not labels:  # not one form of this plan could be read: say why, file by file
        raise NothingUsable("nothing-of-this-plan", anomalies)
    # the period most files were made for; on a tie the latest (an old form sent again by mistake)
    return max((parse_period(label) for label in labels), key=lambda p: (labels[p.label], p))


def consolidate_reads(reads: list[FileRead], anomalies: list[Anomaly], plan: Plan | None = None,
                      period: Period | None = None) -> Consolidation:
    """Consolidate files already read (`returns.pool.Reading`); `anomalies` are those of finding them."""
    anomalies = list(anomalies)
    for read in reads:
        anomalies.extend(read.anomalies)
    plan = _choose_plan(reads, plan, anomalies)
    usable = []
    others: dict[str, str] = {}  # plan identity -> label, each other plan read from one file only
    for read in reads:
        if read.meta is None:
            continue
        if read.meta.plan_id != plan.identity:
            if read.meta.plan_id not in others:
                try:
                    others[read.meta.plan_id] = _plan_label(plan_of(read)) or read.meta.plan_id
                except (ValueError, KeyError, TypeError):
                    others[read.meta.plan_id] = read.meta.plan_id
            anomalies.append(Anomaly.of("file-other-plan", file=read.name, value=others[read.meta.plan_id]))
        else:
            usable.append(read)
    period = _choose_period(usable, period, anomalies)
    current = []
    for read in usable:
        if read.meta.period != period.label:
            anomalies.append(Anomaly.of("file-other-period", file=read.name, value=read.meta.period,
                                        period=period.label))
        else:
            current.append(read)

    for read in reads:
        if read.orphans:
            _place_orphans(read, plan, period, anomalies)
            if read.tabs:
                current.append(read)
    numbers_when_generated = _numbers_by_version(current, plan)
    filled, known = [], []
    for read in current:
        tabs = [t for t in read.tabs if t.filled]
        if not tabs:
            anomalies.append(Anomaly.of("file-nothing-filled", file=read.name))
        filled += tabs
        known += [numbers_when_generated.get(read.meta.plan_version if read.meta else "", frozenset())] * len(tabs)
    checked = validate_tabs(filled, plan, known)
    by_service: dict[str, list[TabValues]] = {}
    for result in checked.tabs:
        by_service.setdefault(result.tab.service, []).append(result)

    tabs = plan.tabs
    answered: dict[str, str] = {}
    retained: dict[str, TabValues] = {}
    winners: dict[int, str] = {}  # tab index -> source
    for service, candidates in by_service.items():
        # A pre-filled tab sent back untouched answers only from the service's own workbook, and
        # only when nothing was changed elsewhere; in a copy of the integrated workbook it is noise.
        changed = [c for c in candidates if not c.tab.prefill or c.digest != c.tab.prefill]
        untouched = [c for c in candidates if c not in changed and c.tab.own_form]
        if not changed and not untouched:
            continue
        candidates = changed or untouched
        ordered = sorted(candidates, key=lambda c: (c.tab.saved or _NEVER, c.tab.file, c.tab.sheet))
        winner = ordered[-1]
        if not changed:
            anomalies.append(Anomaly.of("return-unchanged", file=winner.tab.file, sheet=winner.tab.sheet,
                                        service=service))
        for loser in ordered[:-1] if changed else ():
            # the normal path after `envoyer corrections`: the corrected workbook replaces the first return
            corrected = winner.tab.correction and not loser.tab.correction
            anomalies.append(Anomaly.of(
                "return-corrected" if corrected else "return-superseded", file=loser.tab.file,
                sheet=loser.tab.sheet, service=service,
                winner=winner.tab.file, winner_saved=saved_text(winner.tab.saved),
                saved=saved_text(loser.tab.saved)))
        anomalies.extend(winner.anomalies)
        answered[service] = winners[winner.index] = f"{winner.tab.file} › {winner.tab.sheet}"
        retained[service] = winner
    unread = _unread_files(anomalies, list(tabs), set(tabs) - set(answered))
    for service in tabs:
        if service in unread:  # its file was refused: asking again for the same file would not help
            anomalies.append(Anomaly.of("service-return-unread", sheet=tabs[service], value=service,
                                        file=unread[service], count=plan.action_counts[service]))
        elif service not in answered:
            anomalies.append(Anomaly.of("service-no-return", sheet=tabs[service], value=service,
                                        count=plan.action_counts[service]))

    actions = _merge(plan, period, checked.values_of(winners))
    return Consolidation(plan, period, actions, sort_anomalies(anomalies), reads, answered, tabs,
                         checked.provenance_of(set(winners)), retained=retained)


# the anomalies of a file that could not be read at all (before any tab of it was)
_UNREAD = ("file-unreadable", "file-encrypted", "file-not-xlsx", "file-too-large", "file-hostile", "meta-damaged")


def _unread_files(anomalies: list[Anomaly], services: list[str], silent: set[str]) -> dict[str, str]:
    """Service -> the refused file whose name carries its name (as `generer` names each service's form,
    `suivi-2026 - Travaux publics.xlsx`, which services keep), for the `silent` services."""
    refused = [a.file for a in anomalies if a.code in _UNREAD and a.file]
    stems = {service: stem.casefold() for service, stem in zip(services, file_stems(services)) if service in silent}
    found: dict[str, str] = {}
    for name in refused:
        folded = name.casefold()
        # the longest name wins: « Service des loisirs et de la culture » over « Service des loisirs »
        matching = sorted((s for s, stem in stems.items() if stem in folded), key=len, reverse=True)
        if matching:
            found.setdefault(matching[0], name)
    return found


def _numbers_by_version(reads: list[FileRead], plan: Plan) -> dict[str, frozenset[str]]:
    """The action numbers of each plan version the forms were generated from."""
    numbers: dict[str, frozenset[str]] = {plan.version: frozenset(plan.actions[NUMBER])}
    for read in reads:
        if read.meta and read.meta.plan_version not in numbers:
            try:
                numbers[read.meta.plan_version] = frozenset(plan_of(read).actions[NUMBER])
            except (ValueError, KeyError, TypeError):
                numbers[read.meta.plan_version] = frozenset()
    return numbers


def _place_orphans(read: FileRead, plan: Plan, period: Period, anomalies: list[Anomaly]) -> None:
    """Give the form-like tabs of a file without metadata to the service their numbers belong to."""
    reason = REFUSALS["meta-changed" if read.why_orphan.code == "meta-damaged" else "meta-none"]
    for tab in read.orphans:
        tab.service = service_of_numbers(plan, tab.numbers)
        if tab.service and tab.filled:
            read.tabs.append(tab)
            anomalies.append(Anomaly.of("meta-recovered", file=read.name, sheet=tab.sheet, reason=reason,
                                        service=tab.service, period=period.label))
    if not read.tabs:
        anomalies.append(read.why_orphan)
    else:
        anomalies.extend(n for n in read.orphan_notes if n.sheet in {t.sheet for t in read.tabs})


def _merge(plan: Plan, period: Period, tracking: pd.DataFrame) -> pd.DataFrame:
    """The plan's actions with the retained values (one row per number, with `Source`), `En retard`."""
    actions = plan.actions.copy()
    columns = [*TRACKING_HEADERS, SOURCE]
    tracking = tracking.reindex(actions[NUMBER])[columns].reset_index(drop=True)
    for header in columns:
        actions[header] = tracking[header].astype(object).where(tracking[header].notna(), None)
    actions[STATUS] = actions[STATUS].fillna(NOT_REPORTED)
    actions[SOURCE] = actions[SOURCE].fillna("")
    # late without news too: an action due by now that nobody reported on (§13)
    late = (actions[STATUS].isin((*LATE_STATUSES, NOT_REPORTED))
            & (days(actions[END]) <= np.datetime64(period.end, "D")))
    actions.insert(len(actions.columns) - 1, LATE, late.map({True: YES, False: NO}))
    return actions
