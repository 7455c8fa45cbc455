"""Read and check the plan workbook: sheets `Actions`, `Services` and `Paramètres`.

Headers are matched loosely (case, accents, spaces, punctuation); empty rows are
skipped but row numbers stay those the coordinator sees. Every problem is
collected, then the plan is refused as a whole (`PlanInvalid`).
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import json
import math
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from suivi_excel.core.columns import (
    PARAMETERS,
    PLAN_COLUMNS,
    SERVICE_COLUMNS,
    PlanColumn,
    find_column,
)
from suivi_excel.core.errors import PlanInvalid, PlanProblem
from suivi_excel.core.rawsheet import sheet_rows
from suivi_excel.core.tabs import RESERVED_TABS
from suivi_excel.core.text import (
    action_number,
    cell_ref,
    clean_text,
    fold,
    is_blank,
    match_key,
    sheet_names,
)
from suivi_excel.core.values import parse_money, read_date_text

ACTIONS_SHEET, SERVICES_SHEET, PARAMETERS_SHEET = "Actions", "Services", "Paramètres"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# headers of the optional column that maps a revised plan's numbers to the previous version's
FORMER_NUMBER_KEYS = {match_key(h) for h in ("Ancien No", "Ancien numéro", "No précédent", "Numéro précédent",
                                              "Ancien N°")}


def plan_version(plan_json: str) -> str:
    """The version of a plan from its JSON (`Plan.to_json`): forms carry both, and a version that
    no longer matches its JSON tells that the hidden plan was edited."""
    return hashlib.sha256(plan_json.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Plan:
    """A checked plan; it is not changed once read (forms, reports and history all carry its JSON).

    `actions` holds one row per action in plan order: the declared columns
    (`No` as text, `Début`/`Fin` as dates, `Budget prévu ($)` as float) then the
    extra columns as found. `services` has `Service`, `Responsable`, `Courriel`.
    """

    actions: pd.DataFrame
    services: pd.DataFrame
    parameters: dict[str, str] = field(default_factory=dict)
    source: str = ""

    @property
    def extra_columns(self) -> list[str]:
        declared = {c.header for c in PLAN_COLUMNS}
        return [c for c in self.actions.columns if c not in declared]

    @property
    def municipality(self) -> str:
        return self.parameters.get("Municipalité", "")

    @property
    def title(self) -> str:
        return self.parameters.get("Titre du plan", "") or "Plan d'action"

    @property
    def identity(self) -> str:
        """Stable across revisions of the same plan: municipality and title, else the services."""
        basis = "|".join(fold(self.parameters.get(k, "")) for k in ("Municipalité", "Titre du plan"))
        if not basis.strip("|"):
            basis = "|".join(sorted(fold(s) for s in self.services["Service"]))
        return hashlib.sha256(basis.encode()).hexdigest()[:16]

    @cached_property
    def version(self) -> str:
        """Changes whenever anything in the plan changes."""
        return plan_version(self.to_json())

    @property
    def former_numbers(self) -> dict[str, str]:
        """Current number -> number in the previous version of the plan (column `Ancien No`)."""
        column = next((c for c in self.extra_columns if match_key(c) in FORMER_NUMBER_KEYS), None)
        if column is None:
            return {}
        pairs = zip(self.actions["No"], self.actions[column])
        return {no: action_number(old) for no, old in pairs if not is_blank(old) and action_number(old) != no}

    @cached_property
    def owners(self) -> dict[str, str]:
        """Action number -> service responsible for it."""
        return dict(zip(self.actions["No"], self.actions["Service responsable"]))

    @cached_property
    def renumbered(self) -> dict[str, str]:
        """Number in the previous version -> current number, for actions the revision renumbered."""
        return {old: new for new, old in self.former_numbers.items() if old not in self.owners}

    @cached_property
    def action_counts(self) -> dict[str, int]:
        """Service -> number of actions it carries (0 for a service without any)."""
        counts = self.actions["Service responsable"].value_counts()
        return {s: int(counts.get(s, 0)) for s in self.services["Service"]}

    @cached_property
    def tabs(self) -> dict[str, str]:
        """Service -> tab name in the tracking workbooks, for services that carry at least one action,
        in `Services` order; names fit Excel's rules and stay unique."""
        used = set(self.actions["Service responsable"])
        services = [s for s in self.services["Service"] if s in used]
        return dict(zip(services, sheet_names(services, RESERVED_TABS)))

    @property
    def unused_services(self) -> list[str]:
        """Services of the `Services` sheet that carry no action (they get no tab)."""
        used = set(self.actions["Service responsable"])
        return [s for s in self.services["Service"] if s not in used]

    def service_actions(self, service: str) -> pd.DataFrame:
        return self.actions[self.actions["Service responsable"] == service]

    def to_json(self) -> str:
        """The whole plan as JSON (dates as ISO text), carried hidden in every generated workbook."""
        return self._json

    @cached_property
    def _json(self) -> str:
        # computed once: a plan is not changed after it is read, and every workbook carries it

        def plain(value: object) -> object:
            if isinstance(value, (dt.date, dt.datetime)):
                return {"date": value.isoformat()[:10]}
            if value is None or (isinstance(value, float) and math.isnan(value)):
                return None
            return value

        payload = {
            "parameters": self.parameters,
            "columns": list(self.actions.columns),
            "actions": [[plain(v) for v in row] for row in self.actions.itertuples(index=False)],
            "services": [[plain(v) for v in row] for row in self.services.itertuples(index=False)],
        }
        return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str, source: str = "") -> "Plan":
        """Rebuild a plan written by `to_json`.

        Raises:
            ValueError: when the text is not such a plan.
        """

        def typed(value: object) -> object:
            if isinstance(value, dict) and "date" in value:
                return dt.date.fromisoformat(value["date"])
            return value

        data = json.loads(text)
        actions = pd.DataFrame([[typed(v) for v in row] for row in data["actions"]],
                               columns=data["columns"], dtype=object)
        services = pd.DataFrame(data["services"], columns=[c.header for c in SERVICE_COLUMNS], dtype=object)
        if "No" not in actions.columns or "Service responsable" not in actions.columns:
            raise ValueError("plan incomplet")
        return cls(actions, services, dict(data["parameters"]), source)


# -- reading ---------------------------------------------------------------------------------


def _find_sheet(workbook, path: Path, wanted: str) -> list[list[object]] | None:
    """The cell values of the sheet named like `wanted` (case and accents aside), or None."""
    for name in workbook.sheet_names:
        if match_key(name) == match_key(wanted):
            return sheet_rows(workbook, path, name)
    return None


def _rows(sheet: list[list[object]]) -> list[tuple]:
    return [tuple(r) for r in sheet]


def _header_map(header: tuple, columns: tuple[PlanColumn, ...]) -> tuple[dict[str, int], dict[str, int]]:
    """Declared header -> column index, and extra header -> column index."""
    declared: dict[str, int] = {}
    extras: dict[str, int] = {}
    for index, title in enumerate(header):
        if is_blank(title):
            continue
        column = find_column(title, columns)
        if column is not None and column.header not in declared:
            declared[column.header] = index
        else:
            extras.setdefault(clean_text(title), index)
    return declared, extras


def _year_or_date(raw: object, end: bool) -> tuple[dt.date | None, bool]:
    """A plan date: a year (start or end of it) or a date. Returns (date, readable)."""
    if is_blank(raw):
        return None, True
    if isinstance(raw, dt.datetime):
        return raw.date(), True
    if isinstance(raw, dt.date):
        return raw, True
    text = clean_text(raw)
    if re.fullmatch(r"\d{4}", text) and 1900 < int(text) < 2200:
        return (dt.date(int(text), 12, 31) if end else dt.date(int(text), 1, 1)), True
    found = read_date_text(text)
    return found, found is not None


def _suggest(value: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    return f" Vouliez-vous dire « {close[0]} » ?" if close else ""


def _read_services(sheet, problems: list[PlanProblem]) -> pd.DataFrame:
    rows = _rows(sheet)
    headers = [c.header for c in SERVICE_COLUMNS]
    if not rows:
        problems.append(PlanProblem(SERVICES_SHEET, "A1", "la feuille est vide : ajoutez l'en-tête Service, "
                                    "Responsable, Courriel et une ligne par service."))
        return pd.DataFrame(columns=headers, dtype=object)
    declared, _ = _header_map(rows[0], SERVICE_COLUMNS)
    if "Service" not in declared:
        problems.append(PlanProblem(SERVICES_SHEET, "A1", "colonne « Service » introuvable dans l'en-tête."))
        return pd.DataFrame(columns=headers, dtype=object)
    records, seen = [], {}
    for number, row in enumerate(rows[1:], start=2):
        values = {h: clean_text(row[i]) if i < len(row) else "" for h, i in declared.items()}
        if not any(values.values()):
            continue
        name = values.get("Service", "")
        cell = cell_ref(number - 1, declared["Service"])
        email = values.get("Courriel", "")
        if email and not _EMAIL.match(email):
            problems.append(PlanProblem(SERVICES_SHEET, cell_ref(number - 1, declared["Courriel"]),
                                        f"adresse courriel « {email} » invalide."))
        if not name:
            problems.append(PlanProblem(SERVICES_SHEET, cell, "nom de service manquant."))
            continue
        if match_key(name) in seen:
            problems.append(PlanProblem(SERVICES_SHEET, cell, f"le service « {name} » est déjà à la ligne "
                                        f"{seen[match_key(name)]} : chaque service n'apparaît qu'une fois."))
            continue
        seen[match_key(name)] = number
        records.append([name, values.get("Responsable", ""), email])
    if not records:
        problems.append(PlanProblem(SERVICES_SHEET, "A2", "aucun service : ajoutez une ligne par service."))
    return pd.DataFrame(records, columns=headers, dtype=object)


def _read_parameters(sheet) -> dict[str, str]:
    parameters = {}
    if sheet is None:
        return parameters
    known = {match_key(p): p for p in PARAMETERS}
    for row in _rows(sheet)[1:]:
        if len(row) >= 2 and not is_blank(row[0]):
            name = known.get(match_key(row[0]), clean_text(row[0]))
            parameters[name] = clean_text(row[1])
    return parameters


def _read_actions(sheet, services: pd.DataFrame, problems: list[PlanProblem]) -> pd.DataFrame:
    rows = _rows(sheet)
    if not rows:
        problems.append(PlanProblem(ACTIONS_SHEET, "A1", "la feuille est vide."))
        return pd.DataFrame()
    declared, extras = _header_map(rows[0], PLAN_COLUMNS)
    for column in PLAN_COLUMNS:
        if column.required and column.header not in declared:
            problems.append(PlanProblem(ACTIONS_SHEET, "ligne 1",
                                        f"colonne obligatoire « {column.header} » introuvable dans l'en-tête."))
    if any(c.required and c.header not in declared for c in PLAN_COLUMNS):
        return pd.DataFrame()

    by_key = {match_key(s): s for s in services["Service"]}
    service_names = list(services["Service"])
    records, first_row = [], {}
    for number, row in enumerate(rows[1:], start=2):
        def raw(header: str, row=row) -> object:
            index = declared.get(header)
            return row[index] if index is not None and index < len(row) else None

        def where(header: str, number=number) -> str:
            return cell_ref(number - 1, declared[header])

        if all(is_blank(v) for v in row):
            continue
        record: dict[str, object] = {}
        no = action_number(raw("No"))
        if not no:
            problems.append(PlanProblem(ACTIONS_SHEET, where("No"), "numéro d'action manquant."))
        elif no in first_row:
            problems.append(PlanProblem(ACTIONS_SHEET, where("No"), f"le numéro {no} est déjà utilisé à la "
                                        f"ligne {first_row[no]} : chaque action a un numéro unique."))
        else:
            first_row[no] = number
        record["No"] = no
        for header in ("Axe", "Action"):
            record[header] = clean_text(raw(header))
            if not record[header]:
                problems.append(PlanProblem(ACTIONS_SHEET, where(header), f"« {header} » manquant pour "
                                            f"l'action {no or '?'}."))
        for header in ("Objectif", "Partenaires", "Indicateur", "Cible"):
            record[header] = clean_text(raw(header)) if header in declared else ""
        service = clean_text(raw("Service responsable"))
        if not service:
            problems.append(PlanProblem(ACTIONS_SHEET, where("Service responsable"),
                                        f"service responsable manquant pour l'action {no or '?'}."))
        elif match_key(service) not in by_key:
            problems.append(PlanProblem(ACTIONS_SHEET, where("Service responsable"),
                                        f"le service « {service} » n'est pas dans la feuille Services."
                                        + _suggest(service, service_names)))
        record["Service responsable"] = by_key.get(match_key(service), service)
        dates = {}
        for header, end in (("Début", False), ("Fin", True)):
            value, readable = _year_or_date(raw(header), end) if header in declared else (None, True)
            if not readable:
                problems.append(PlanProblem(ACTIONS_SHEET, where(header), f"« {clean_text(raw(header))} » "
                                            "n'est ni une année (2025) ni une date (2025-03-15)."))
            dates[header] = value
            record[header] = value
        if dates["Début"] and dates["Fin"] and dates["Fin"] < dates["Début"]:
            problems.append(PlanProblem(ACTIONS_SHEET, where("Fin"), f"la fin ({dates['Fin']}) précède le "
                                        f"début ({dates['Début']}) de l'action {no or '?'}."))
        budget = parse_money(raw("Budget prévu ($)")) if "Budget prévu ($)" in declared else parse_money(None)
        if budget.code == "money-negative":
            problems.append(PlanProblem(ACTIONS_SHEET, where("Budget prévu ($)"), "budget négatif : "
                                        "inscrivez un montant positif ou nul."))
        elif budget.code:
            problems.append(PlanProblem(ACTIONS_SHEET, where("Budget prévu ($)"),
                                        f"budget « {clean_text(raw('Budget prévu ($)'))} » illisible."))
        record["Budget prévu ($)"] = budget.value
        for header, index in extras.items():
            value = row[index] if index < len(row) else None
            record[header] = None if is_blank(value) else value
        records.append(record)
    if not records:
        problems.append(PlanProblem(ACTIONS_SHEET, "A2", "aucune action : ajoutez une ligne par action."))
    order = [c.header for c in PLAN_COLUMNS] + list(extras)
    return pd.DataFrame(records, columns=order, dtype=object)


def read_plan(path: str | Path) -> Plan:
    """Read and check a plan workbook.

    Args:
        path: the plan `.xlsx`.

    Returns:
        The Plan.

    Raises:
        PlanInvalid: listing every problem with its sheet and cell.
        SuiviError: when the file cannot be opened at all.
    """
    from suivi_excel.core.safety import open_workbook_checked

    path = Path(path)
    workbook = open_workbook_checked(path, what="le plan")
    problems: list[PlanProblem] = []
    actions_sheet = _find_sheet(workbook, path, ACTIONS_SHEET)
    services_sheet = _find_sheet(workbook, path, SERVICES_SHEET)
    for name, sheet in ((ACTIONS_SHEET, actions_sheet), (SERVICES_SHEET, services_sheet)):
        if sheet is None:
            problems.append(PlanProblem(name, "", f"feuille « {name} » introuvable (feuilles présentes : "
                                        f"{', '.join(workbook.sheet_names)})."))
    if problems:
        raise PlanInvalid(path.name, problems)
    services = _read_services(services_sheet, problems)
    parameters = _read_parameters(_find_sheet(workbook, path, PARAMETERS_SHEET))
    actions = _read_actions(actions_sheet, services, problems)
    if problems:
        raise PlanInvalid(path.name, problems)
    return Plan(actions.reset_index(drop=True), services.reset_index(drop=True), parameters, str(path))
