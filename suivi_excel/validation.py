"""Judge the raw values of a returned tab against the plan and the column declarations.

Each tracking column is read by the reader of its kind (`values.READERS`),
once per distinct raw value, so that a column of a thousand identical cells
costs one parse. Every problem becomes an Anomaly at the cell the service sees.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from suivi_excel.anomalies import Anomaly
from suivi_excel.columns import TO_CHECK, TRACKING_COLUMNS
from suivi_excel.plan import Plan
from suivi_excel.returns import TabRead
from suivi_excel.text import clean_text
from suivi_excel.values import READERS, Parsed

_KINDS = {c.header: c.kind for c in TRACKING_COLUMNS}


@dataclass
class TabValues:
    """The clean values of one returned tab: action number -> tracking header -> value."""

    tab: TabRead
    values: dict[str, dict[str, object]] = field(default_factory=dict)
    anomalies: list[Anomaly] = field(default_factory=list)
    # (number, header, file, sheet, cell, raw value) for every value filled
    provenance: list[tuple[str, str, str, str, str, str]] = field(default_factory=list)
    digest: str = ""  # of the clean values, to compare with what the form was pre-filled with


def _parse_column(kind: str, raw: list[object]) -> list[Parsed]:
    reader = READERS[kind]
    cache: dict[object, Parsed] = {}
    parsed = []
    for value in raw:
        key = (type(value), value)
        try:
            hit = cache.get(key)
        except TypeError:  # an unhashable value: parse it without caching
            hit = None
            key = None
        if hit is None:
            hit = reader(value)
            if key is not None:
                cache[key] = hit
        parsed.append(hit)
    return parsed


def values_digest(values: dict[str, dict[str, object]]) -> str:
    """A fingerprint of clean tracking values, equal for equal values however they were stored."""
    items = sorted((number, header, repr(value)) for number, row in values.items()
                   for header, value in row.items() if value is not None)
    return hashlib.sha256(repr(items).encode()).hexdigest()[:24] if items else ""


def validate_tab(tab: TabRead, plan: Plan, numbers_when_generated: frozenset[str] = frozenset()) -> TabValues:
    """Read and check every value of `tab`.

    Args:
        tab: the raw tab.
        plan: the plan consolidated against (numbers, owners, `Ancien No`).
        numbers_when_generated: the action numbers of the plan the form was made from, to tell
            an action removed from a revised plan from a number typed by mistake.

    Returns:
        Clean values per known action, and the anomalies.
    """
    result = TabValues(tab)
    owners, renumbered = plan.owners, plan.renumbered
    parsed = {header: _parse_column(_KINDS[header], raw) for header, raw in tab.raw.items()}
    first_seen: dict[str, str] = {}

    def add(code: str, header: str, index: int, value: object = "", **details: object) -> None:
        result.anomalies.append(Anomaly.of(code, file=tab.file, sheet=tab.sheet, cell=tab.cell(header, index),
                                           value=value, **details))

    for index, number in enumerate(tab.numbers):
        raw_values = {h: tab.raw[h][index] for h in tab.raw}
        filled = any(v is not None for v in raw_values.values())
        if number in renumbered:
            if filled:
                add("action-renumbered", "No", index, number, new=renumbered[number])
            number = renumbered[number]
        elif number not in owners:
            if number in numbers_when_generated:
                if filled:
                    add("action-removed", "No", index, number)
            elif number or filled:
                add("action-unknown", "No", index, number or "(vide)")
            continue
        if number in first_seen:
            add("action-duplicate", "No", index, number, first=first_seen[number])
            continue
        first_seen[number] = tab.cell("No", index)
        if tab.service and owners[number] != tab.service:
            add("action-other-service", "No", index, number, owner=owners[number], service=tab.service)
        clean: dict[str, object] = {}
        for header, column in parsed.items():
            outcome = column[index]
            clean[header] = TO_CHECK if outcome.code == "status-unknown" else outcome.value
            if outcome.code:
                add(outcome.code, header, index, clean_text(raw_values[header]), **dict(outcome.details))
            if raw_values[header] is not None:
                result.provenance.append((number, header, tab.file, tab.sheet, tab.cell(header, index),
                                          clean_text(raw_values[header])))
        _check_consistency(clean, raw_values, number, index, add)
        result.values[number] = clean

    result.digest = values_digest(result.values)
    expected = [n for n, owner in owners.items() if owner == tab.service]
    missing = [n for n in expected if n not in first_seen]
    if missing and tab.service:
        shown = ", ".join(missing[:15]) + (" …" if len(missing) > 15 else "")
        result.anomalies.append(Anomaly.of("actions-missing", file=tab.file, sheet=tab.sheet, value=shown,
                                           count=len(missing)))
    return result


def _check_consistency(clean: dict[str, object], raw: dict[str, object], number: str, index: int, add) -> None:
    status = clean.get("Statut")
    progress = clean.get("Avancement (%)")
    if "Statut" in raw and raw["Statut"] is None:
        if any(v is not None for h, v in raw.items() if h != "Statut"):
            add("status-missing", "Statut", index, "", action=number)
    if progress is not None:
        if status == "Réalisée" and progress < 100:
            add("done-below-100", "Avancement (%)", index, progress, action=number)
        elif status == "Non débutée" and progress > 0:
            add("not-started-above-0", "Avancement (%)", index, progress, action=number)
    start, end = clean.get("Date de début réelle"), clean.get("Date de fin réelle")
    if start is not None and end is not None and end < start:
        add("dates-reversed", "Date de fin réelle", index, end.isoformat(), start=start.isoformat())
