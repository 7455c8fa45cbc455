"""The state of each service's return: who answered, whose answer must be fixed, who is done.

`Non reçu` (no return), `À corriger` (the retained return has an error), `Incomplet` (no error, but
actions without a status), `Complet`. The counts come from the consolidation itself: the retained
return's anomalies and the statuses it gave.
"""

from __future__ import annotations

from dataclasses import dataclass

from suivi_excel.consolidate.consolidation import Consolidation
from suivi_excel.core.anomalies import ERROR, WARNING, severities
from suivi_excel.core.columns import COUNT, LEAD, NOT_REPORTED, SERVICE, SERVICE_EMAIL, SERVICE_PERSON, STATUS

NOT_RECEIVED, TO_FIX, INCOMPLETE, COMPLETE = "Non reçu", "À corriger", "Incomplet", "Complet"
STATES = (COMPLETE, INCOMPLETE, TO_FIX, NOT_RECEIVED)
HEADERS = (SERVICE, SERVICE_PERSON, SERVICE_EMAIL, "Fichier", "Enregistré le", COUNT, "Renseignées", "Erreurs",
           "Avertissements", "État")


@dataclass(frozen=True)
class ReturnState:
    """One service's return, as the `Retours` sheet shows it."""

    service: str
    responsible: str
    email: str
    file: str  # the retained return, "" when none
    saved: str  # when that workbook was saved, as its own properties say
    actions: int
    reported: int  # actions with a status
    errors: int
    warnings: int
    state: str

    def as_row(self) -> list[object]:
        return [self.service, self.responsible, self.email, self.file, self.saved, self.actions, self.reported,
                self.errors, self.warnings, self.state]


def return_anomalies(result: Consolidation, winner) -> list:
    """A retained return's problems: its values', and its tab's own (a column renamed or deleted, found
    when the file was read), which make it a return to fix as much as a wrong value does."""
    return winner.anomalies + [anomaly for read in result.files if read.name == winner.tab.file
                               for anomaly in read.anomalies if anomaly.sheet == winner.tab.sheet]


def review(result: Consolidation) -> list[ReturnState]:
    """The state of every service that carries actions, in the plan's order."""
    plan = result.plan
    contacts = {s: (r or "", c or "") for s, r, c in plan.services[[SERVICE, SERVICE_PERSON, SERVICE_EMAIL]].itertuples(
        index=False)}
    statuses = result.actions.groupby(LEAD, sort=False)[STATUS]
    reported = (statuses.apply(lambda s: int((s != NOT_REPORTED).sum()))).to_dict()
    states = []
    for service in result.tabs:
        responsible, email = contacts.get(service, ("", ""))
        actions = plan.action_counts[service]
        if service not in result.answered:
            states.append(ReturnState(service, responsible, email, "", "", actions, 0, 0, 0, NOT_RECEIVED))
            continue
        winner = result.retained.get(service)
        if winner is not None:
            found, file = return_anomalies(result, winner), winner.tab.file
            saved = winner.tab.saved.astimezone().strftime("%Y-%m-%d %H:%M") if winner.tab.saved else ""
        else:  # a period read back from the history: its anomalies by tab, its source by name
            found = [a for a in result.anomalies if a.sheet == result.tabs[service]]
            file, saved = result.answered[service].split(" › ")[0], ""
        counts = severities(found)
        errors, warnings = counts[ERROR], counts[WARNING]
        done = reported.get(service, 0)
        state = TO_FIX if errors else INCOMPLETE if done < actions else COMPLETE
        states.append(ReturnState(service, responsible, email, file, saved, actions, done, errors, warnings, state))
    return states


def counts(states: list[ReturnState]) -> dict[str, int]:
    """How many returns are in each state, in the order `STATES`."""
    return {state: sum(s.state == state for s in states) for state in STATES}
