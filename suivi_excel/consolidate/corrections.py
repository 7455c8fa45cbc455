"""Correction workbooks: each service whose return must be fixed gets its own form back, with its answers.

The workbook is the service's form, written by the same writer (same protection, dropdowns and
recognition data, so the corrected file is simply the service's newer return), pre-filled with what
the service sent (values as read; an unreadable value as it was typed, so it is seen), each problem
cell highlighted with a note that says what is wrong and what to do, and the problems listed on the
`Instructions` tab.
"""

from __future__ import annotations

from pathlib import Path

from suivi_excel.consolidate.consolidation import Consolidation
from suivi_excel.consolidate.review import INCOMPLETE, TO_FIX, return_anomalies, review
from suivi_excel.core.anomalies import ERROR, INFO, Anomaly
from suivi_excel.core.columns import NOT_REPORTED, NUMBER, STATUS, TARGET_MET, TO_CHECK, TRACKING_HEADERS
from suivi_excel.core.text import is_blank, split_ref
from suivi_excel.forms.generation import (
    Options,
    form_cell,
    per_service_file_names,
    write_workbook,
)
from suivi_excel.forms.metadata import PER_SERVICE
from suivi_excel.forms.texts import NO_STATUS
from suivi_excel.returns.file import TabRead

def write_corrections(result: Consolidation, folder: Path) -> dict[str, Path]:
    """Write a correction workbook for each service `À corriger` or `Incomplet`.

    Returns:
        Service -> the workbook written, in the plan's order.
    """
    states = {s.service: s.state for s in review(result) if s.state in (TO_FIX, INCOMPLETE)}
    wanted = list(states)
    names = per_service_file_names(wanted, result.period, prefix="correction")
    written = {}
    for service in wanted:
        prefill, marks, problems = _answers(result, service)
        options = Options(result.period, prefill=prefill, marks=marks, problems=problems,
                          complete_only=states[service] == INCOMPLETE)
        path = folder / names[service]
        write_workbook(path, result.plan, options, {service: result.tabs[service]}, PER_SERVICE)
        written[service] = path
    return written


def _answers(result: Consolidation, service: str):
    """What the service sent (No -> header -> value), the cells to mark and the problems to list."""
    plan, winner = result.plan, result.retained[service]
    tab = winner.tab
    numbers = list(plan.service_actions(service)[NUMBER])
    actions = result.actions.set_index(NUMBER)
    prefill: dict[str, dict[str, object]] = {}
    typed = _typed(result, tab)
    for number in numbers:
        row = actions.loc[number]
        prefill[number] = {h: row[h] for h in TRACKING_HEADERS if not is_blank(row[h])}
        if prefill[number].get(STATUS) in (TO_CHECK, NOT_REPORTED):
            del prefill[number][STATUS]
        if (number, TARGET_MET) not in typed:  # deduced by the report, not the service's answer
            prefill[number].pop(TARGET_MET, None)
    marks: dict[str, dict[str, str]] = {}
    problems: list[tuple[str, str]] = []  # without a cell of the form: the tab's own problems
    cells: list[tuple[str, str, str]] = []  # (cell, number, problem)
    for anomaly in return_anomalies(result, winner):
        if anomaly.severity == INFO:
            continue
        place = _place(anomaly, tab)
        if place is None or place[0] not in numbers:
            problems.append(("", anomaly.problem))
            continue
        number, header = place
        if anomaly.severity == ERROR and (number, header) in typed:
            prefill[number][header] = typed[(number, header)]  # shown as typed, so it is seen
        cell_notes = marks.setdefault(number, {})
        cell_notes[header] = f"{cell_notes[header]}\n{anomaly.problem}" if header in cell_notes else anomaly.problem
        cells.append((form_cell(plan, service, number, header), number, anomaly.problem))
    for number in numbers:
        if actions.loc[number, STATUS] == NOT_REPORTED and STATUS not in marks.get(number, {}):
            marks.setdefault(number, {})[STATUS] = NO_STATUS
            cells.append((form_cell(plan, service, number, STATUS), number, NO_STATUS))
    cells.sort(key=lambda item: split_ref(item[0]))
    problems += [(f"{cell} (action {number})", text) for cell, number, text in cells]
    return prefill, marks, problems


def _typed(result: Consolidation, tab: TabRead) -> dict[tuple[str, str], str]:
    """(number, header) -> the raw value the service typed in its retained tab."""
    return {(number, header): raw for number, header, file, sheet, _cell, raw in result.provenance
            if file == tab.file and sheet == tab.sheet}


def _place(anomaly: Anomaly, tab: TabRead) -> tuple[str, str] | None:
    """The action number and tracking header an anomaly's cell holds in the returned tab, or None."""
    row, col = split_ref(anomaly.cell)
    if not row or not col or (row - 1) not in tab.rows:
        return None
    header = next((h for h, c in tab.columns.items() if c == col - 1 and h in TRACKING_HEADERS), None)
    return (tab.numbers[tab.rows.index(row - 1)], header) if header else None
