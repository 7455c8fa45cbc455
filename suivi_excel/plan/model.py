"""The plan once checked: its actions, services and parameters, its identity and version, its JSON.

Every generated workbook carries it as JSON (`to_json`), so that returns are understood without
the plan file; `version` tells two versions of a plan apart.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import secrets
from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd

from suivi_excel.core.columns import (
    LEAD,
    MUNICIPALITY,
    NUMBER,
    PLAN_COLUMNS,
    PLAN_ID,
    PLAN_TITLE,
    SERVICE,
    SERVICE_COLUMNS,
)
from suivi_excel.core.tabs import RESERVED_TABS
from suivi_excel.core.text import (
    action_number,
    fold,
    is_blank,
    match_key,
    sheet_names,
)
from suivi_excel.plan.texts import DEFAULT_TITLE

ACTIONS_SHEET, SERVICES_SHEET, PARAMETERS_SHEET = "Actions", "Services", "Paramètres"
# headers of the optional column that maps a revised plan's numbers to the previous version's
FORMER_NUMBER_KEYS = {match_key(h) for h in ("Ancien No", "Ancien numéro", "No précédent", "Numéro précédent",
                                              "Ancien N°")}


def new_identifier() -> str:
    """A fresh `Identifiant du plan`: short, random, meaningless (so nobody is tempted to correct it)."""
    return secrets.token_hex(5)


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
        return self.parameters.get(MUNICIPALITY, "")

    @property
    def title(self) -> str:
        return self.parameters.get(PLAN_TITLE, "") or DEFAULT_TITLE

    @property
    def identifier(self) -> str:
        """The `Identifiant du plan` of `Paramètres` as written (spaces dropped, lower case), or ""."""
        return "".join(str(self.parameters.get(PLAN_ID, "") or "").split()).lower()

    @property
    def identity(self) -> str:
        """Stable across revisions of the same plan: its `Identifiant du plan` when it has one (so a
        corrected title keeps the plan), else municipality and title, else the services (plans
        written before identifiers existed)."""
        if self.identifier:
            return self.identifier
        basis = "|".join(fold(self.parameters.get(k, "")) for k in (MUNICIPALITY, PLAN_TITLE))
        if not basis.strip("|"):
            basis = "|".join(sorted(fold(s) for s in self.services[SERVICE]))
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
        pairs = zip(self.actions[NUMBER], self.actions[column])
        return {no: action_number(old) for no, old in pairs if not is_blank(old) and action_number(old) != no}

    @cached_property
    def owners(self) -> dict[str, str]:
        """Action number -> service responsible for it."""
        return dict(zip(self.actions[NUMBER], self.actions[LEAD]))

    @cached_property
    def renumbered(self) -> dict[str, str]:
        """Number in the previous version -> current number, for actions the revision renumbered."""
        return {old: new for new, old in self.former_numbers.items() if old not in self.owners}

    @cached_property
    def action_counts(self) -> dict[str, int]:
        """Service -> number of actions it carries (0 for a service without any)."""
        counts = self.actions[LEAD].value_counts()
        return {s: int(counts.get(s, 0)) for s in self.services[SERVICE]}

    @cached_property
    def tabs(self) -> dict[str, str]:
        """Service -> tab name in the tracking workbooks, for services that carry at least one action,
        in `Services` order; names fit Excel's rules and stay unique."""
        used = set(self.actions[LEAD])
        services = [s for s in self.services[SERVICE] if s in used]
        return dict(zip(services, sheet_names(services, RESERVED_TABS)))

    @property
    def unused_services(self) -> list[str]:
        """Services of the `Services` sheet that carry no action (they get no tab)."""
        used = set(self.actions[LEAD])
        return [s for s in self.services[SERVICE] if s not in used]

    def service_actions(self, service: str) -> pd.DataFrame:
        return self.actions[self.actions[LEAD] == service]

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
        if NUMBER not in actions.columns or LEAD not in actions.columns:
            raise ValueError("plan incomplet")
        return cls(actions, services, dict(data["parameters"]), source)


