"""Roll the municipalities' reports up into the region's tables: per municipality, per axe, every action.

A municipality's figures are its own report's (they travel in the report's properties). Axes are
gathered across municipalities by name, case, accents and numbering aside (`Axe 2 — Loisirs` and
`LOISIRS` are one axe), or by the region's own list (`--axes`).
"""

from __future__ import annotations

import io

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from suivi_excel.core.anomalies import Anomaly
from suivi_excel.core.columns import (
    ACTION,
    AXE,
    BUDGET,
    COUNT,
    DONE_STATUSES,
    GOOD_NEWS,
    LATE,
    LEAD,
    MUNICIPALITY,
    NUMBER,
    PERIOD,
    RATE,
    REPORT_STATUSES,
    SPENT,
    STATUS,
    SUPPORT,
)
from suivi_excel.core.errors import SuiviError
from suivi_excel.core.messages.report import REASONS
from suivi_excel.core.text import clean_text, is_blank, match_key
from suivi_excel.region.headers import MUNICIPALITIES, PLAN, REPORT, SERVICES, SERVICES_ANSWERED
from suivi_excel.region.reports import ACTION_COLUMNS, Report
from suivi_excel.report.figures import KeyFigures

MUNICIPALITY_COLUMNS = (MUNICIPALITY, PLAN, PERIOD, COUNT, *REPORT_STATUSES, RATE, LATE,
                        SUPPORT, SERVICES, SERVICES_ANSWERED, BUDGET, SPENT, REPORT)
_NUMBERING = re.compile(r"^\s*(?:(?:axe|orientation|champ d['’]action|volet|th[eè]me)\s*)?(?:[0-9]+[.)]?|[ivx]+[.)])?"
                        r"(?:[.\d]*)\s*[—–\-:.)]*\s*", re.IGNORECASE)


@dataclass
class Region:
    """The region's tables, ready to write."""

    municipalities: pd.DataFrame
    axes: pd.DataFrame
    actions: pd.DataFrame
    anomalies: list[Anomaly]
    periods: list[str] = field(default_factory=list)

    @property
    def good_news(self) -> pd.DataFrame:
        """Every municipality's bons coups, to share what worked: `Bons coups` of the regional workbook."""
        columns = [MUNICIPALITY, PLAN, NUMBER, AXE, ACTION, LEAD, GOOD_NEWS]
        told = self.actions[~self.actions[GOOD_NEWS].map(is_blank)] if len(self.actions) else self.actions
        return told.reindex(columns=columns).reset_index(drop=True)


def axe_key(name: str) -> str:
    """An axe's name without its numbering (`Axe 2 —`, `1.`, `II)`), for gathering: case and accents aside."""
    return match_key(_NUMBERING.sub("", str(name), count=1)) or match_key(name)


def axe_label(name: str) -> str:
    """An axe's name as the region shows it: without its numbering, as first written."""
    bare = _NUMBERING.sub("", str(name), count=1).strip() or str(name)
    return bare.capitalize() if bare.isupper() else bare


_MAX_AXES_FILE = 5_000_000  # a table of a few hundred axes weighs some kilobytes


def _bounded(path: Path) -> str:
    """Why the axes table may not reach a reader ("" when it may): the same bounds as every file a user
    hands over, and a reader that dies on it takes only its own process with it."""
    from suivi_excel.core.isolation import survives
    from suivi_excel.core.safety import inspect_archive, inspect_file, read_every_sheet

    if path.suffix.lower() == ".csv":
        size = path.stat().st_size
        return REASONS["axes-too-large"].format(megabytes=size // 1_000_000) if size > _MAX_AXES_FILE else ""
    refusal = inspect_archive(path) if path.suffix.lower() == ".ods" else inspect_file(path)
    if refusal is not None:
        return refusal.reason or REASONS["axes-encrypted"]
    return "" if survives(read_every_sheet, path) else REASONS["axes-kills-reader"]


def read_axes_map(path: Path) -> dict[str, str]:
    """The region's own axes: a two-column table (local axe, regional axe) in .xlsx, .ods or .csv.

    Raises:
        SuiviError: when the file cannot be read or holds no pair.
    """
    refusal = _bounded(path)
    if refusal:
        raise SuiviError.of("axes-refused", path=path, reason=refusal)
    try:
        if path.suffix.lower() == ".csv":
            data = path.read_bytes()
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:  # what Excel for Windows saves as « CSV (séparateur : point-virgule) »
                text = data.decode("cp1252", errors="replace")
            table = pd.read_csv(io.StringIO(text), sep=None, engine="python", dtype=str, header=None)
            rows = table.fillna("").values.tolist()
        else:
            from python_calamine import CalamineWorkbook

            book = CalamineWorkbook.from_path(str(path))
            rows = book.get_sheet_by_index(0).to_python()
            book.close()
    except Exception as error:  # noqa: BLE001 - the coordinator's own file: say which and why
        raise SuiviError.of("axes-unreadable", path=path, reason=type(error).__name__) from None
    pairs = {axe_key(clean_text(r[0])): clean_text(r[1]) for r in rows if len(r) >= 2 and clean_text(r[0])
             and clean_text(r[1])}
    pairs.pop(axe_key("Axe local"), None)  # a header row
    if not pairs:
        raise SuiviError.of("axes-empty", path=path)
    return pairs


def check_axes_map(axes_map: dict[str, str], reports: list[Report], path: Path) -> None:
    """Refuse a table of axes none of whose local axes is an axe of the reports (the plan given by
    mistake, the columns swapped): the regional picture would silently keep every local axe.

    Raises:
        SuiviError: naming the table and an axe of the reports.
    """
    at = ACTION_COLUMNS.index(AXE)
    local = [action[at] for report in reports for action in report.actions if action[at]]
    if local and not any(axe_key(str(axe)) in axes_map for axe in local):
        raise SuiviError.of("axes-none-match", path=path, example=axe_label(str(local[0])))


def roll_up(reports: list[Report], anomalies: list[Anomaly], axes_map: dict[str, str] | None = None) -> Region:
    """The region's tables from the reports kept (`reports.read_reports`)."""
    municipalities = pd.DataFrame([_municipality_row(r) for r in reports], columns=list(MUNICIPALITY_COLUMNS))
    # the period of each municipality's actions is on its row of `Municipalités`
    rows = [[r.municipality, r.plan, *action] for r in reports for action in r.actions]
    actions = pd.DataFrame(rows, columns=[MUNICIPALITY, PLAN, *ACTION_COLUMNS], dtype=object)
    return Region(municipalities, _axes(actions, axes_map or {}), actions, anomalies,
                  sorted({r.period.label for r in reports}))


def _municipality_row(report: Report) -> list[object]:
    f = report.figures
    return [report.municipality, report.plan, report.period.label, f.actions,
            *[f.by_status[s] for s in REPORT_STATUSES], f.completion_rate, f.late, f.support_needed,
            f.services_total, f.services_answered, f.budget_planned, f.spent, report.name]


def _axes(actions: pd.DataFrame, axes_map: dict[str, str]) -> pd.DataFrame:
    columns = [AXE, MUNICIPALITIES, COUNT, *REPORT_STATUSES, RATE]
    if actions.empty:
        return pd.DataFrame(columns=columns)
    names = actions[AXE].fillna("").astype(str)
    keys = names.map(axe_key)
    regional = [axes_map.get(k, "") for k in keys]
    label_of = {}
    for key, name, mapped in zip(keys, names, regional):
        label_of.setdefault(axe_key(mapped) if mapped else key, mapped or axe_label(name))
    group = [axe_key(m) if m else k for k, m in zip(keys, regional)]
    frame = pd.DataFrame({"axe": group, MUNICIPALITY: actions[MUNICIPALITY], STATUS: actions[STATUS]})
    counts = frame.groupby(["axe", STATUS], sort=False).size().unstack(fill_value=0)
    table = pd.DataFrame({AXE: [label_of[k] for k in counts.index]}, index=counts.index)
    table[MUNICIPALITIES] = frame.groupby("axe", sort=False)[MUNICIPALITY].nunique()
    table[COUNT] = counts.sum(axis=1)
    for status in REPORT_STATUSES:
        table[status] = counts[status] if status in counts.columns else 0
    table[RATE] = sum(table[s] for s in DONE_STATUSES) / table[COUNT]
    return table.sort_values([COUNT, AXE], ascending=[False, True]).reset_index(drop=True)[columns]


@dataclass(frozen=True)
class RegionalFigures:
    """The region's key figures: what the regional dashboard and `regrouper`'s summary show first."""

    municipalities: int
    plans: int
    totals: KeyFigures  # the municipalities' key figures summed; the rate over all their actions


def regional_figures(region: Region) -> RegionalFigures:
    """The region's key figures, summed from its municipalities'."""
    m = region.municipalities
    actions = int(m[COUNT].sum())
    done = int(sum(m[s].sum() for s in DONE_STATUSES))
    totals = KeyFigures(
        actions=actions, by_status={s: int(m[s].sum()) for s in REPORT_STATUSES}, late=int(m[LATE].sum()),
        completion_rate=done / actions if actions else 0.0, services_total=int(m[SERVICES].sum()),
        services_answered=int(m[SERVICES_ANSWERED].sum()), budget_planned=float(m[BUDGET].sum()),
        spent=float(m[SPENT].sum()), support_needed=int(m[SUPPORT].sum()))
    return RegionalFigures(municipalities=int(m[MUNICIPALITY].nunique()), plans=len(m), totals=totals)
