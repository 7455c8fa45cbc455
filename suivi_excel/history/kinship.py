"""A plan the history knows under another identity (§13): say so, and how to link them.

A plan's identity is its `Identifiant du plan`, or, for plans written before identifiers existed,
its municipality and title. When the history holds periods of a plan whose actions mostly match
this one's but under another identity (a title corrected in a plan without identifier, a plan
imported again), the pre-fill and the evolution would silently start over: `generer` and
`consolider` print this message instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from suivi_excel.core.columns import ACTION, NUMBER, PLAN_ID
from suivi_excel.core.messages import KIN_NOTICES, KIN_PLAN_FILES
from suivi_excel.core.periods import Period, parse_period
from suivi_excel.core.text import fold
from suivi_excel.history.store import connect
from suivi_excel.plan.model import Plan

_MOSTLY = 0.5  # share of this plan's actions found in the other one


@dataclass(frozen=True)
class Kin:
    """Another identity of the same plan in the history."""

    identity: str
    label: str  # municipality — title, as the history recorded them
    periods: list[str]  # oldest first
    matching: int  # actions of this plan found in it
    actions: int  # actions of this plan


def _actions(plan: Plan) -> set[tuple[str, str]]:
    return {(str(n), fold(a)) for n, a in zip(plan.actions[NUMBER], plan.actions[ACTION])}


def kin(store: Path, plan: Plan) -> list[Kin]:
    """Identities other than `plan.identity` whose latest recorded plan shares most of its actions.

    Best match first; [] when the history is missing or unreadable (the caller goes on as before).
    """
    try:
        with connect(store) as connection:
            data = connection.execute("SELECT plan, periode, fin_periode, plan_json FROM periodes "
                                      "WHERE plan <> ? ORDER BY fin_periode", (plan.identity,)).fetchall()
    except FileNotFoundError:
        return []
    latest: dict[str, str] = {}
    periods: dict[str, list[str]] = {}
    for identity, period, _end, plan_json in data:
        latest[identity] = plan_json
        periods.setdefault(identity, []).append(period)
    mine = _actions(plan)
    found = []
    for identity, plan_json in latest.items():
        try:
            other = Plan.from_json(plan_json)
        except (ValueError, KeyError, TypeError):
            continue
        their_texts = {text for _no, text in _actions(other)}
        matching = sum(text in their_texts for _no, text in mine)  # renumbered or not
        if mine and matching / len(mine) > _MOSTLY:
            label = " — ".join(p for p in (other.municipality, other.title) if p)
            ordered = sorted(periods[identity], key=parse_period)
            found.append(Kin(identity, label, ordered, matching, len(mine)))
    return sorted(found, key=lambda k: (-k.matching, k.periods[-1]))


def only_period(store: Path, plan: Plan, period: Period) -> bool:
    """Whether `period` is the only one the history holds under this plan's identity."""
    try:
        with connect(store) as connection:
            labels = [r[0] for r in connection.execute("SELECT periode FROM periodes WHERE plan = ?",
                                                       (plan.identity,))]
    except FileNotFoundError:
        return True
    return set(labels) <= {period.label}


def kin_message(code: str, store: Path, plan: Plan, plan_path: Path | None) -> str:
    """The French warning `code` (`messages.KIN_NOTICES`: after `generer` or after `consolider`) telling
    the coordinator about the other identity and how to link them, or "" when there is none. `plan_path`
    is the plan given on the command line (None: the plan the returns carry)."""
    found = kin(store, plan)
    if not found:
        return ""
    best = found[0]
    plan_file = (KIN_PLAN_FILES["hidden"] if plan_path is None
                 else KIN_PLAN_FILES["given"].format(path=plan_path))
    return KIN_NOTICES[code].format(store=store, periods=", ".join(best.periods), matching=best.matching,
                                    actions=best.actions, label=best.label, identity=best.identity,
                                    line=PLAN_ID, plan_file=plan_file)
