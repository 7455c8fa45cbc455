"""Read back what a report says about itself, to write the e-mail that carries it."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from suivi_excel.core.columns import REPORT_STATUSES
from suivi_excel.core.errors import SuiviError
from suivi_excel.core.safety import inspect_file
from suivi_excel.report.indicators import key_figures


@dataclass
class ReportSummary:
    period: str
    plan: str
    municipality: str
    lines: list[str] = field(default_factory=list)
    coordinator: str = ""
    coordinator_email: str = ""


def _custom_properties(path: Path) -> dict[str, str]:
    from defusedxml import ElementTree

    with zipfile.ZipFile(path) as archive:
        if "docProps/custom.xml" not in archive.namelist():
            return {}
        root = ElementTree.fromstring(archive.read("docProps/custom.xml"))
    return {p.get("name"): "".join(p.itertext()) for p in root}


def read_report_summary(path: Path) -> ReportSummary:
    """Period, plan and a few lines of key figures, computed again from the `Actions` sheet.

    Raises:
        SuiviError: when the file is not a report written by `suivi-excel consolider`.
    """
    from suivi_excel.core.text import money_text, percent_text

    if inspect_file(path) is not None:
        raise SuiviError(f"« {path} » n'est pas un classeur lisible.")
    properties = _custom_properties(path)
    if "Période" not in properties:
        raise SuiviError(f"« {path} » n'est pas un rapport écrit par « suivi-excel consolider ».")
    read = {"dtype": object, "engine": "calamine", "keep_default_na": False, "na_values": [""]}
    actions = pd.read_excel(path, sheet_name="Actions", **read)
    services = pd.read_excel(path, sheet_name="Par service", **read)
    services = services[services["Service"] != "Ensemble du plan"]
    figures = key_figures(actions, len(services), int((services["Retour reçu"] == "Oui").sum()))
    statuses = ", ".join(f"{figures.by_status[s]} « {s} »" for s in REPORT_STATUSES if figures.by_status[s])
    lines = [
        f"{figures.actions} actions : {statuses}",
        f"Taux de réalisation : {percent_text(figures.completion_rate)}",
        f"Actions en retard : {figures.late} ; besoin de soutien : {figures.support_needed}",
        f"Services qui ont répondu : {figures.services_answered} sur {figures.services_total}",
        f"Dépenses déclarées : {money_text(figures.spent)} sur {money_text(figures.budget_planned)} prévus",
    ]
    shown = {k: ("" if v == "-" else v) for k, v in properties.items()}
    return ReportSummary(shown["Période"], shown.get("Plan", ""), shown.get("Municipalité", ""), lines,
                         shown.get("Coordonnateur", ""), shown.get("Courriel du coordonnateur", ""))
