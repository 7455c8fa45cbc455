"""The bilan's words: plain French sentences written from the figures, and the lists of each part.

Everything here is what the template's tags receive (see modeles/README.md); nothing here knows Word.
"""

from __future__ import annotations

import pandas as pd

from suivi_excel.core.columns import (
    ABANDONED,
    ACTION,
    AXE,
    COMMENTS,
    COUNT,
    DONE,
    DONE_STATUSES,
    GOOD_NEWS,
    IN_PROGRESS,
    LEAD,
    NOT_REPORTED,
    NOT_STARTED,
    NUMBER,
    OBSTACLES,
    ONGOING,
    POSTPONED,
    PROGRESS,
    RATE,
    RESULT,
    STATUS,
    TARGET,
    TARGET_MET,
    TARGET_NO,
    TARGET_PARTLY,
    TARGET_YES,
    TO_CHECK,
)
from suivi_excel.core.text import clean_text, french_date, is_blank, money_text, percent_text
from suivi_excel.report.achievements import target_counts, target_rows, with_target
from suivi_excel.report.bilan_data import PERIOD, PLAN, YEAR, BilanData
from suivi_excel.report.texts import NO_RESULT, TARGET_LABELS

_FACTS_SHOWN = 12  # faits saillants: the rest is in the parts per axe


def plural(count: int, singular: str, several: str) -> str:
    """`0 action`, `1 action`, `2 actions`: French counts 0 and 1 as singular."""
    return f"{count} {singular if count < 2 else several}"


def _join(parts: list[str]) -> str:
    """`a`, `a et b`, `a, b et c`."""
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " et " + parts[-1]


def _text(value: object) -> str:
    return "" if is_blank(value) else clean_text(value)


def _action(row) -> str:
    return f"{row[NUMBER]} — {_text(row[ACTION])}"


def title(data: BilanData) -> str:
    if data.span.kind == PLAN:
        return f"Bilan du plan d'action {data.label}"
    if data.span.kind == PERIOD:
        return f"Bilan de la période {data.label}"
    return f"Bilan {data.label} du plan d'action"


def period_text(data: BilanData) -> str:
    last = data.last
    if data.span.kind == PLAN and len(data.periods) > 1:
        return (f"De la période {data.periods[0].label} à la période {last.label} : situation au "
                f"{french_date(last.end)}.")
    if data.span.kind == PLAN:
        return f"Une seule période suivie, {last.label} : situation au {french_date(last.end)}."
    if data.span.kind == YEAR:
        return f"Année {data.label} : situation au {french_date(last.end)}."
    return f"Période {last.label}, du {french_date(last.start)} au {french_date(last.end)}."


def status_sentences(data: BilanData) -> list[str]:
    """The summary: how far the plan is, what moved, the targets, the money, who answered."""
    f = data.figures
    by = f.by_status
    total = f.actions
    sentences = []
    if data.span.kind == PLAN:
        done = sum(by[s] for s in DONE_STATUSES)
        partly = by[IN_PROGRESS]
        sentences.append(f"Sur l'ensemble du plan, à la fin de {data.last.label} : "
                         f"{plural(done, 'action réalisée', 'actions réalisées')}, "
                         f"{partly} partiellement et {total - done - partly} non réalisée"
                         f"{'s' if total - done - partly > 1 else ''} sur {total}.")
    sentences.append(
        f"Au {french_date(data.last.end)}, {by[DONE]} des {total} actions du plan "
        f"{'sont réalisées' if by[DONE] > 1 else 'est réalisée'}"
        + (f" et {by[ONGOING]} se poursui{'vent' if by[ONGOING] > 1 else 't'} en continu"
           if by[ONGOING] else "")
        + f", soit un taux de réalisation de {percent_text(f.completion_rate)}.")
    others = [plural(by[IN_PROGRESS], "action est en cours", "actions sont en cours") if by[IN_PROGRESS] else "",
              plural(by[NOT_STARTED], "n'est pas commencée", "ne sont pas commencées") if by[NOT_STARTED] else "",
              plural(by[POSTPONED], "est reportée", "sont reportées") if by[POSTPONED] else "",
              plural(by[ABANDONED], "est abandonnée", "sont abandonnées") if by[ABANDONED] else ""]
    if any(others):
        sentences.append(_join(others).capitalize() + ".")
    if by[NOT_REPORTED] or by[TO_CHECK]:
        silent = by[NOT_REPORTED] + by[TO_CHECK]
        sentences.append(f"{plural(silent, 'action est', 'actions sont')} sans nouvelles claires pour "
                         f"{data.last.label}.")
    if f.late:
        several = f.late > 1
        sentences.append(f"{f.late} action{'s ont' if several else ' a'} dépassé {'leur' if several else 'son'} "
                         f"échéance sans être terminée{'s' if several else ''}.")
    sentences.append(moved_sentence(data))
    target = target_sentence(data.actions)
    if target:
        sentences.append(target)
    if f.budget_planned:
        sentences.append(f"Les services déclarent {money_text(f.spent)} de dépenses pour "
                         f"{money_text(f.budget_planned)} prévus au plan.")
    sentences.append(f"{f.services_answered} des {f.services_total} services responsables ont rendu compte "
                     f"de leurs actions pour {data.last.label}.")
    return [s for s in sentences if s]


def moved_sentence(data: BilanData) -> str:
    change = data.changes
    if change is None:
        return ("Ce bilan couvre la première période suivie : l'évolution d'une période à l'autre paraîtra "
                "au prochain bilan.")
    parts = [plural(len(change.done), "action a été réalisée ou mise en continu",
                    "actions ont été réalisées ou mises en continu"),
             plural(len(change.late), "a pris du retard", "ont pris du retard"),
             plural(len(change.blocked), "est bloquée (reportée ou en attente de soutien)",
                    "sont bloquées (reportées ou en attente de soutien)")]
    return f"Depuis {change.reference}, " + _join(parts) + "."


def target_sentence(actions: pd.DataFrame) -> str:
    counts = target_counts(actions)
    targeted = len(with_target(actions))
    if not targeted:
        return ""
    yes, partly, no = (counts[TARGET_LABELS[k]] for k in (TARGET_YES, TARGET_PARTLY, TARGET_NO))
    waiting = counts[NO_RESULT]
    parts = [f"{yes} l'{'ont' if yes > 1 else 'a'} atteinte" if yes else "", f"{partly} en partie" if partly else "",
             f"{no} ne l'{'ont' if no > 1 else 'a'} pas atteinte" if no else ""]
    sentence = f"Parmi les {targeted} actions qui ont une cible, " + (_join(parts) or "aucune n'a encore de résultat")
    if waiting and any(parts):
        sentence += f" ; {waiting} n'{'ont' if waiting > 1 else 'a'} pas encore de résultat"
    return sentence + "."


def highlights(data: BilanData) -> list[str]:
    """Faits saillants: the bons coups, then the actions completed in the span, a sentence each."""
    facts = [f"{_action(row)} : {_text(row[GOOD_NEWS])}" for _, row in data.good_news.iterrows()]
    if data.changes is not None:
        done = data.actions[data.actions[NUMBER].isin(set(data.changes.done[NUMBER]))]
    else:
        done = data.actions[data.actions[STATUS].isin(DONE_STATUSES)]
    told = set(data.good_news[NUMBER])
    for _, row in done.iterrows():
        if row[NUMBER] in told:
            continue
        state = "réalisée" if row[STATUS] == DONE else "désormais offerte en continu"
        facts.append(f"{_action(row)} : {state} ({_text(row[LEAD])}).")
    if len(facts) > _FACTS_SHOWN:
        rest = len(facts) - _FACTS_SHOWN
        facts = facts[:_FACTS_SHOWN] + [f"… et {rest} autre{'s' if rest > 1 else ''} : voyez le bilan par axe."]
    return facts


def _reason(row) -> str:
    for header in (OBSTACLES, COMMENTS):
        if not is_blank(row.get(header)):
            return _text(row[header])
    return "raison non précisée"


def axe_parts(data: BilanData, table: pd.DataFrame) -> list[dict]:
    """One part per axe, in plan order: a sentence, then what is done, under way, stopped, told, measured."""
    actions = data.actions
    targets = target_rows(actions)
    parts = []
    for record in table.to_dict("records"):
        axe = record[AXE]
        mine = actions[actions[AXE] == axe]
        counts = [f"{record[DONE]} réalisée{'s' if record[DONE] > 1 else ''}" if record[DONE] else "",
                  f"{record[ONGOING]} en continu" if record[ONGOING] else "",
                  f"{record[IN_PROGRESS]} en cours" if record[IN_PROGRESS] else "",
                  f"{record[POSTPONED]} reportée{'s' if record[POSTPONED] > 1 else ''}" if record[POSTPONED] else "",
                  f"{record[ABANDONED]} abandonnée{'s' if record[ABANDONED] > 1 else ''}"
                  if record[ABANDONED] else "",
                  f"{record[NOT_STARTED]} non débutée{'s' if record[NOT_STARTED] > 1 else ''}"
                  if record[NOT_STARTED] else "",
                  f"{silent} sans nouvelles" if (silent := record[NOT_REPORTED] + record[TO_CHECK]) else ""]
        sentence = (f"{plural(int(record[COUNT]), 'action', 'actions')} : {_join(counts) or 'aucune commencée'} ; taux de "
                    f"réalisation de {percent_text(record[RATE])}.")
        done = mine[mine[STATUS].isin(DONE_STATUSES)]
        going = mine[mine[STATUS] == IN_PROGRESS]
        stopped = mine[mine[STATUS].isin((POSTPONED, ABANDONED))]
        told = data.good_news[data.good_news[AXE] == axe]
        measured = targets[targets[AXE] == axe]
        parts.append({
            "nom": _text(axe), "phrase": sentence,
            "realisees": [f"{_action(r)}" + (" (en continu)" if r[STATUS] == ONGOING else "")
                          for _, r in done.iterrows()],
            "en_cours": [f"{_action(r)}" + (f" : {int(r[PROGRESS])} %" if not is_blank(r[PROGRESS])
                                            else "") for _, r in going.iterrows()],
            "arretees": [f"{_action(r)} ({r[STATUS].lower()}) : {_reason(r)}" for _, r in stopped.iterrows()],
            "bons_coups": [f"{_action(r)} : {_text(r[GOOD_NEWS])}" for _, r in told.iterrows()],
            "cibles": [{"action": _action(r), "cible": _text(r[TARGET]), "resultat": _text(r[RESULT]),
                        "part": r["Part de la cible"], "atteinte": _text(r[TARGET_MET])}
                       for _, r in measured.iterrows()],
        })
    return parts


def next_part(data: BilanData) -> tuple[str, str, list[str]]:
    """The title, the sentence and the list of what comes next."""
    rows = data.next_actions
    items = [f"{_action(r)} ({_text(r[LEAD])})"
             + (f" — {r[STATUS].lower()}" if r[STATUS] in (IN_PROGRESS, POSTPONED, ONGOING) else "")
             for _, r in rows.iterrows()]
    if data.span.kind == PLAN:
        return ("Ce que le prochain plan devrait reprendre",
                f"{plural(len(rows), 'action n’est pas terminée', 'actions ne sont pas terminées')} ni "
                f"abandonnée{'s' if len(rows) > 1 else ''} au terme du plan : le prochain plan devrait les "
                "reprendre, les revoir ou les retirer.".replace("n’", "n'"), items)
    year = data.next_start.year if data.next_start else data.last.year + 1
    heading = f"Ce qui vient en {year}" if data.next_start and data.next_start.month == 1 else \
        f"Ce qui vient d'ici la fin de {year}"
    if not len(rows):
        return heading, "Aucune action du plan n'est prévue pour la suite : le plan arrive à son terme.", []
    return heading, (f"{plural(len(rows), 'action est prévue', 'actions sont prévues')} ou se poursui"
                     f"{'vent' if len(rows) > 1 else 't'} du {french_date(data.next_start)} au "
                     f"{french_date(data.next_end)} :"), items


def annex_sentence(data: BilanData) -> str:
    return (f"Les {len(data.actions)} actions du plan dans l'ordre du plan, avec leur statut au "
            f"{french_date(data.last.end)}.")


def annex_rows(actions: pd.DataFrame) -> list[dict]:
    return [{"no": _text(r[NUMBER]), "axe": _text(r[AXE]), "action": _text(r[ACTION]),
             "service": _text(r[LEAD]), "statut": _text(r[STATUS]),
             "avancement": "" if is_blank(r[PROGRESS]) else f"{int(r[PROGRESS])} %",
             "cible": _text(r.get(TARGET)), "resultat": _text(r.get(RESULT))}
            for r in actions.to_dict("records")]
