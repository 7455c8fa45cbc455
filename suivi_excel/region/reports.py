"""Find and read the reports of a region's municipalities: what each says about itself and its actions.

A report is recognized by its content and properties (`report.properties`), whatever its name:
anything else under the folder is an `Erreur` anomaly. Per municipality and plan, the latest
period is kept (by the period's end: `2026` is later than `2026-S1`), or the one asked for; the
others are named. Reports of earlier versions, which carry no key figures, are read from their
sheets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from suivi_excel.core.anomalies import Anomaly
from suivi_excel.core.columns import (
    ACTION,
    AXE,
    BUDGET,
    END,
    GOOD_NEWS,
    LATE,
    LEAD,
    NUMBER,
    OBJECTIVE,
    OBSTACLES,
    PROGRESS,
    RESULT,
    SPENT,
    START,
    STATUS,
    SUPPORT,
    TARGET,
    TARGET_MET,
)
from suivi_excel.core.inputs import find_files
from suivi_excel.core.isolation import Isolated
from suivi_excel.core.messages import REFUSALS
from suivi_excel.core.messages.report import REASONS
from suivi_excel.core.periods import Period, parse_period
from suivi_excel.core.rawsheet import reraise_interrupts
from suivi_excel.core.safety import inspect_file
from suivi_excel.core.saved import saved_text, saved_time
from suivi_excel.core.text import clean_text, fold
from suivi_excel.report import properties as props
from suivi_excel.report.figures import KeyFigures, plausible
from suivi_excel.report.sheet_names import ACTIONS
from suivi_excel.report.summary import figures_from_sheets

# the columns of a report's Actions sheet the region keeps, in this order
# (a report of an earlier version has no `Cible atteinte` nor `Bon coup`: they read as empty)
ACTION_COLUMNS = (NUMBER, AXE, OBJECTIVE, ACTION, LEAD, START, END, BUDGET,
                  TARGET, STATUS, PROGRESS, SPENT, RESULT,
                  TARGET_MET, SUPPORT, OBSTACLES, GOOD_NEWS, LATE)


@dataclass
class Report:
    """One municipality's report, as the roll-up needs it."""

    path: Path
    name: str  # as shown in anomalies: relative to the folder
    municipality: str
    plan: str
    plan_id: str
    period: Period
    figures: KeyFigures
    actions: list[list[object]]  # rows of ACTION_COLUMNS
    saved: dt.datetime | None = None  # the workbook's own last-saved time (two reports of a period: the later)

    @property
    def key(self) -> tuple[str, str]:
        """A municipality and its plan: one report each is kept. The plan's identity survives a corrected
        title; the municipality is part of the key too, since municipalities may all start from one
        model plan and so share its `Identifiant du plan`."""
        return self.plan_id or fold(self.plan), fold(self.municipality)


def read_reports(folder: Path, period: Period | None = None,
                 meanwhile: Callable[[], object] | None = None) -> tuple[list[Report], list[Anomaly]]:
    """The latest report of each municipality and plan under `folder` (or that of `period`).

    Reports are read by worker processes (`core.isolation`); `meanwhile` runs here while they read.

    Returns:
        The reports kept, by municipality then plan, and the anomalies: files that are not reports,
        reports superseded by a later period, municipalities without a report of `period`.
    """
    paths, anomalies = find_files([folder])
    found: list[Report] = []
    with Isolated(read_one, paths, unreadable) as reading:  # a report that kills its reader is one anomaly
        if meanwhile:
            meanwhile()
        for report, problems in reading.results():
            found += [report] if report is not None else []
            anomalies += problems
    kept: dict[tuple[str, str], Report] = {}
    oldest = dt.datetime.min.replace(tzinfo=dt.timezone.utc)
    for report in sorted(found, key=lambda r: (r.period, r.saved or oldest, r.name)):
        if period is not None and report.period != period:
            continue
        previous = kept.get(report.key)
        if previous is not None and previous.period == report.period:  # the same period twice: saved last wins
            anomalies.append(Anomaly.of("report-duplicate", file=previous.name, value=saved_text(previous.saved),
                                        municipality=previous.municipality, kept=report.name,
                                        period=report.period.label, saved=saved_text(report.saved)))
        elif previous is not None:
            anomalies.append(Anomaly.of("report-superseded", file=previous.name, value=previous.period.label,
                                        municipality=previous.municipality, kept=report.name,
                                        period=report.period.label))
        kept[report.key] = report
    if period is not None:
        missing = {r.key for r in found} - kept.keys()
        for key in sorted(missing):
            other = next(r for r in found if r.key == key)
            anomalies.append(Anomaly.of("report-other-period", file=other.name, value=other.period.label,
                                        municipality=other.municipality, period=period.label))
    reports = sorted(kept.values(), key=lambda r: (fold(r.municipality), fold(r.plan)))
    return reports, anomalies


def read_one(path: Path, name: str) -> tuple[Report | None, list[Anomaly]]:
    """One report and its anomalies (in a worker: top level); whatever a damaged report makes a
    reader raise is that report's anomaly, never the run's end."""
    anomalies: list[Anomaly] = []
    try:
        return read_report(path, name, anomalies), anomalies
    except BaseException as error:  # noqa: BLE001 - calamine and the XML readers raise their own types
        reraise_interrupts(error)
        reason = REFUSALS["reader-failed"].format(error=type(error).__name__)
        return None, [*anomalies, Anomaly.of("report-unreadable", file=name, reason=reason)]


def unreadable(_path: Path, name: str) -> tuple[None, list[Anomaly]]:
    """What stands for a report whose reading brought its process down."""
    return None, [Anomaly.of("file-unreadable", file=name, reason=REFUSALS["reader-crashed"])]


def read_report(path: Path, name: str, anomalies: list[Anomaly]) -> Report | None:
    """One report, or None (and its anomaly) when the file is not a report of `suivi-excel consolider`."""
    kept: dict[str, bytes] = {}
    refusal = inspect_file(path, keep=kept, parsed=_parsed)
    if refusal is not None:
        anomalies.append(Anomaly.of(refusal.code, file=name, reason=refusal.reason, option=refusal.option))
        return None
    custom = kept.get("docProps/custom.xml")
    found = props.read_properties(path, custom) if custom else {}
    if props.PERIOD not in found:
        anomalies.append(Anomaly.of("not-a-report", file=name))
        return None
    try:
        period = parse_period(found[props.PERIOD])
        rows = _sheet(path, ACTIONS)
    except (ValueError, KeyError) as error:
        anomalies.append(Anomaly.of("report-unreadable", file=name, reason=str(error)[:120]))
        return None
    header = [clean_text(h) for h in rows[0]] if rows else []
    columns = [header.index(c) if c in header else None for c in ACTION_COLUMNS]
    actions = [[row[i] if i is not None and i < len(row) else None for i in columns] for row in rows[1:]
               if any(v not in (None, "") for v in row)]
    try:
        figures = props.figures_from(found)
    except (ValueError, TypeError, OverflowError):
        figures = None
    if figures is not None and not plausible(figures, len(actions)):
        anomalies.append(Anomaly.of("report-figures-mismatch", file=name))
        figures = None
    try:
        figures = figures or _older(path)
    except (ValueError, KeyError) as error:
        anomalies.append(Anomaly.of("report-unreadable", file=name, reason=str(error)[:120]))
        return None
    municipality = str(found.get(props.MUNICIPALITY, "")) or Path(name).stem
    return Report(path, name, municipality, str(found.get(props.PLAN, "")), str(found.get(props.PLAN_ID, "")),
                  period, figures, actions, saved_time(kept.get("docProps/core.xml")))


def _parsed(sheet: str) -> bool:
    return sheet == ACTIONS  # what is read of a report of today; `_older` checks again for the rest


def _older(path: Path) -> KeyFigures:
    """The key figures of a report written before they were properties, from its sheets."""
    if inspect_file(path) is not None:
        raise ValueError(REASONS["report-sheets-unreadable"])
    return figures_from_sheets(path)


def _sheet(path: Path, name: str) -> list[list[object]]:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    try:
        if name not in book.sheet_names:
            raise ValueError(REASONS["report-sheet-missing"].format(sheet=name))  # a KeyError's text is quoted
        return book.get_sheet_by_name(name).to_python()
    finally:
        book.close()

