"""What a report says about itself, in its document properties (File › Properties › Custom in Excel).

`consolider` writes who the report is for, which plan and period it covers, and its key figures;
`envoyer rapport` and `regrouper` read them back for the message and the roll-up instead of recomputing
them from the sheets. The names are declared here once, for both directions.

The property names are a file format, read back from reports written by earlier versions: they are
spelt here as literals on purpose, never built from `core/columns.py`'s names, so that renaming a column
or a status cannot rename a property and send every older report down the sheets' path
(`report-figures-mismatch`, `region.reports._older`). `tests/test_report_properties.py` checks that a report
written today carries the names of a report written by an earlier version.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from suivi_excel.core import columns
from suivi_excel.report.figures import KeyFigures

MARK = "Rapport suivi-excel"  # its value is the version of this set of properties
VERSION = 2  # 1: only Période, Plan, Municipalité and the coordinator (reports of earlier versions)
PERIOD, PLAN, MUNICIPALITY, COORDINATOR, COORDINATOR_EMAIL = (
    "Période", "Plan", "Municipalité", "Coordonnateur", "Courriel du coordonnateur")
PLAN_ID, PERIOD_END = "Identité du plan", "Fin de période"
_FIGURES = {  # KeyFigures field -> property name
    "actions": "Actions", "late": "Actions en retard", "support_needed": "Besoin de soutien",
    "completion_rate": "Taux de réalisation", "services_total": "Services", "services_answered": "Services qui ont répondu",
    "budget_planned": "Budget prévu ($)", "spent": "Dépenses réelles ($)",
}
# each status's count, under `Statut : ` and the status as reports of every version spell it
_STATUS = "Statut : "
_STATUS_NAMES = {columns.NOT_STARTED: _STATUS + "Non débutée", columns.IN_PROGRESS: _STATUS + "En cours",
                 columns.DONE: _STATUS + "Réalisée", columns.ONGOING: _STATUS + "En continu",
                 columns.POSTPONED: _STATUS + "Reportée", columns.ABANDONED: _STATUS + "Abandonnée",
                 columns.TO_CHECK: _STATUS + "À vérifier", columns.NOT_REPORTED: _STATUS + "Non renseigné"}
RETURN = "Retours : "  # + each return state's word (`consolidate/review.py`): for people, never read back
_TYPES = {"i4": int, "r8": float, "bool": lambda text: text.strip().lower() in ("1", "true"), "lpwstr": str}


def report_properties(result, figures: KeyFigures, states: dict[str, int]) -> dict[str, object]:
    """The custom properties of the report of `result` (a Consolidation), in writing order; `states`
    counts the returns in each state."""
    plan, params = result.plan, result.plan.parameters
    properties: dict[str, object] = {
        MARK: VERSION, PERIOD: result.period.label, PERIOD_END: result.period.end.isoformat(),
        PLAN: plan.title, MUNICIPALITY: plan.municipality, PLAN_ID: plan.identity,
        COORDINATOR: params.get(columns.COORDINATOR, ""),
        COORDINATOR_EMAIL: params.get(columns.COORDINATOR_EMAIL, ""),
    }
    properties.update(figure_properties(figures))
    properties.update({RETURN + state: count for state, count in states.items()})
    # Excel keeps no empty text property: "-" stands for nothing
    return {name: ("-" if value == "" else value) for name, value in properties.items()}


def figure_properties(figures: KeyFigures) -> dict[str, object]:
    """The key figures as properties, under the names `figures_from` reads back."""
    found: dict[str, object] = {name: getattr(figures, field) for field, name in _FIGURES.items()}
    found.update({name: figures.by_status[status] for status, name in _STATUS_NAMES.items()})
    return found


def read_properties(path: Path, part: bytes | None = None) -> dict[str, object]:
    """The custom properties of a workbook, typed (text, int, float, bool); {} when it has none.

    The file must have passed `safety.inspect_file` (its parts are bounded and carry no DTD), which
    may have kept the part's bytes on the way (`part`).
    """
    from defusedxml import ElementTree

    if part is None:
        with zipfile.ZipFile(path) as archive:
            if "docProps/custom.xml" not in archive.namelist():
                return {}
            part = archive.read("docProps/custom.xml")
    root = ElementTree.fromstring(part)
    found: dict[str, object] = {}
    for item in root:
        value = next(iter(item), None)
        if value is None:
            continue
        kind = value.tag.rsplit("}", 1)[-1]
        text = value.text or ""
        try:
            found[item.get("name") or ""] = _TYPES.get(kind, str)(text)
        except ValueError:
            found[item.get("name") or ""] = text
    return {name: ("" if value == "-" else value) for name, value in found.items()}


def figures_from(properties: dict[str, object]) -> KeyFigures | None:
    """The key figures a report carries, or None for a report written before they were carried."""
    if not isinstance(properties.get(MARK), int) or properties[MARK] < VERSION:
        return None
    values = {field: properties.get(name, 0) for field, name in _FIGURES.items()}
    by_status = {status: int(properties.get(name, 0)) for status, name in _STATUS_NAMES.items()}
    return KeyFigures(by_status=by_status, **{f: (float(v) if f in ("completion_rate", "budget_planned", "spent")
                                                  else int(v)) for f, v in values.items()})

