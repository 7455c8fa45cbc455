"""Read and check the plan workbook: sheets `Actions`, `Services` and `Paramètres`.

Headers are matched loosely (case, accents, spaces, punctuation); empty rows are
skipped but row numbers stay those the coordinator sees. Every problem is
collected, then the plan is refused as a whole (`PlanInvalid`).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path

import pandas as pd

from suivi_excel.core.columns import (
    ACTION,
    AXE,
    BUDGET,
    END,
    INDICATOR,
    LEAD,
    NUMBER,
    OBJECTIVE,
    PARAMETERS,
    PARTNERS,
    PLAN_COLUMNS,
    PLAN_ID,
    SERVICE,
    SERVICE_COLUMNS,
    SERVICE_EMAIL,
    SERVICE_PERSON,
    START,
    TARGET,
    PlanColumn,
    find_column,
)
from suivi_excel.core.errors import PlanInvalid, PlanProblem, SuiviError
from suivi_excel.core.messages.plan import HEADER_ROW, PLAN_PROBLEMS
from suivi_excel.core.rawsheet import sheet_rows
from suivi_excel.core.text import (
    action_number,
    cell_ref,
    clean_text,
    command_line,
    is_blank,
    is_email,
    match_key,
)
from suivi_excel.core.values import parse_money, read_date_text
from suivi_excel.plan.model import ACTIONS_SHEET, PARAMETERS_SHEET, SERVICES_SHEET, Plan


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


def _problem(code: str, sheet: str, cell: str, **params: object) -> PlanProblem:
    """The problem `code` of the catalogue (`messages.plan.PLAN_PROBLEMS`) at a sheet's cell."""
    return PlanProblem(sheet, cell, PLAN_PROBLEMS[code].format(**params))


def _unknown_service(service: str, choices: list[str], sheet: str, cell: str) -> PlanProblem:
    close = difflib.get_close_matches(service, choices, n=1, cutoff=0.6)
    if close:
        return _problem("lead-unknown-close", sheet, cell, service=service, close=close[0])
    return _problem("lead-unknown", sheet, cell, service=service)


def _read_services(sheet, problems: list[PlanProblem]) -> pd.DataFrame:
    rows = _rows(sheet)
    headers = [c.header for c in SERVICE_COLUMNS]
    if not rows:
        problems.append(_problem("services-empty", SERVICES_SHEET, "A1"))
        return pd.DataFrame(columns=headers, dtype=object)
    declared, _ = _header_map(rows[0], SERVICE_COLUMNS)
    if SERVICE not in declared:
        problems.append(_problem("service-column-missing", SERVICES_SHEET, "A1"))
        return pd.DataFrame(columns=headers, dtype=object)
    records, seen = [], {}
    for number, row in enumerate(rows[1:], start=2):
        values = {h: clean_text(row[i]) if i < len(row) else "" for h, i in declared.items()}
        if not any(values.values()):
            continue
        name = values.get(SERVICE, "")
        cell = cell_ref(number - 1, declared[SERVICE])
        email = values.get(SERVICE_EMAIL, "")
        if email and not is_email(email):
            problems.append(_problem("email-invalid", SERVICES_SHEET, cell_ref(number - 1, declared[SERVICE_EMAIL]),
                                     email=email))
        if not name:
            problems.append(_problem("service-name-missing", SERVICES_SHEET, cell))
            continue
        if match_key(name) in seen:
            problems.append(_problem("service-twice", SERVICES_SHEET, cell, name=name, line=seen[match_key(name)]))
            continue
        seen[match_key(name)] = number
        records.append([name, values.get(SERVICE_PERSON, ""), email])
    if not records:
        problems.append(_problem("no-service", SERVICES_SHEET, "A2"))
    return pd.DataFrame(records, columns=headers, dtype=object)


def _read_parameters(sheet) -> dict[str, str]:
    parameters = {}
    if sheet is None:
        return parameters
    known = {match_key(p): p for p in (*PARAMETERS, PLAN_ID)}
    for row in _rows(sheet)[1:]:
        if len(row) >= 2 and not is_blank(row[0]):
            name = known.get(match_key(row[0]), clean_text(row[0]))
            parameters[name] = clean_text(row[1])
    return parameters


def _read_actions(sheet, services: pd.DataFrame, problems: list[PlanProblem]) -> pd.DataFrame:
    rows = _rows(sheet)
    if not rows:
        problems.append(_problem("actions-empty", ACTIONS_SHEET, "A1"))
        return pd.DataFrame()
    declared, extras = _header_map(rows[0], PLAN_COLUMNS)
    for column in PLAN_COLUMNS:
        if column.required and column.header not in declared:
            problems.append(_problem("column-missing", ACTIONS_SHEET, HEADER_ROW, header=column.header))
    if any(c.required and c.header not in declared for c in PLAN_COLUMNS):
        return pd.DataFrame()

    by_key = {match_key(s): s for s in services[SERVICE]}
    service_names = list(services[SERVICE])
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
        no = action_number(raw(NUMBER))
        if not no:
            problems.append(_problem("number-missing", ACTIONS_SHEET, where(NUMBER)))
        elif no in first_row:
            problems.append(_problem("number-twice", ACTIONS_SHEET, where(NUMBER), number=no, line=first_row[no]))
        else:
            first_row[no] = number
        record[NUMBER] = no
        for header in (AXE, ACTION):
            record[header] = clean_text(raw(header))
            if not record[header]:
                problems.append(_problem("value-missing", ACTIONS_SHEET, where(header), header=header,
                                         number=no or "?"))
        for header in (OBJECTIVE, PARTNERS, INDICATOR, TARGET):
            record[header] = clean_text(raw(header)) if header in declared else ""
        service = clean_text(raw(LEAD))
        if not service:
            problems.append(_problem("lead-missing", ACTIONS_SHEET, where(LEAD), number=no or "?"))
        elif match_key(service) not in by_key:
            problems.append(_unknown_service(service, service_names, ACTIONS_SHEET, where(LEAD)))
        record[LEAD] = by_key.get(match_key(service), service)
        dates = {}
        for header, end in ((START, False), (END, True)):
            value, readable = _year_or_date(raw(header), end) if header in declared else (None, True)
            if not readable:
                problems.append(_problem("plan-date-unreadable", ACTIONS_SHEET, where(header),
                                         value=clean_text(raw(header))))
            dates[header] = value
            record[header] = value
        if dates[START] and dates[END] and dates[END] < dates[START]:
            problems.append(_problem("end-before-start", ACTIONS_SHEET, where(END), end=dates[END],
                                     start=dates[START], number=no or "?"))
        budget = parse_money(raw(BUDGET)) if BUDGET in declared else parse_money(None)
        if budget.code == "money-negative":
            problems.append(_problem("budget-negative", ACTIONS_SHEET, where(BUDGET)))
        elif budget.code:
            problems.append(_problem("budget-unreadable", ACTIONS_SHEET, where(BUDGET), value=clean_text(raw(BUDGET))))
        record[BUDGET] = budget.value
        for header, index in extras.items():
            value = row[index] if index < len(row) else None
            record[header] = None if is_blank(value) else value
        records.append(record)
    if not records:
        problems.append(_problem("no-action", ACTIONS_SHEET, "A2"))
    order = [c.header for c in PLAN_COLUMNS] + list(extras)
    return pd.DataFrame(records, columns=order, dtype=object)


ADOPTED_ONLY = (".docx", ".pdf")  # what a plan is adopted as and `importer` reads, never a plan workbook


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
    from suivi_excel.plan.opening import open_workbook_checked

    path = Path(path)
    if path.suffix.lower() in ADOPTED_ONLY:  # the Word or PDF plan: `importer` turns it into the workbook
        raise SuiviError.of("plan-is-a-document", path=path, importer=command_line("importer", path, "-o", "plan.xlsx"))
    workbook = open_workbook_checked(path, kind="plan")
    problems: list[PlanProblem] = []
    actions_sheet = _find_sheet(workbook, path, ACTIONS_SHEET)
    services_sheet = _find_sheet(workbook, path, SERVICES_SHEET)
    if actions_sheet is None and services_sheet is None:  # a plan laid out for printing, or another workbook
        raise SuiviError.of("plan-is-adopted", path=path, present=", ".join(workbook.sheet_names),
                            importer=command_line("importer", path, "-o", "plan.xlsx"),
                            model=command_line("modele", "plan.xlsx"))
    for name, sheet in ((ACTIONS_SHEET, actions_sheet), (SERVICES_SHEET, services_sheet)):
        if sheet is None:
            problems.append(_problem("sheet-missing", name, "", name=name, present=", ".join(workbook.sheet_names)))
    if problems:
        raise PlanInvalid(path.name, problems)
    services = _read_services(services_sheet, problems)
    parameters = _read_parameters(_find_sheet(workbook, path, PARAMETERS_SHEET))
    actions = _read_actions(actions_sheet, services, problems)
    if problems:
        raise PlanInvalid(path.name, problems)
    return Plan(actions.reset_index(drop=True), services.reset_index(drop=True), parameters, str(path))


def identifier_of(path: str | Path) -> str:
    """The `Identifiant du plan` a plan workbook holds, or "" (no such line, or a file that cannot be
    read as a plan: nothing to keep)."""
    from suivi_excel.plan.opening import open_workbook_checked

    try:
        workbook = open_workbook_checked(Path(path), kind="plan")
        parameters = _read_parameters(_find_sheet(workbook, Path(path), PARAMETERS_SHEET))
    except Exception:  # noqa: BLE001 - a plan about to be replaced: unreadable means no identifier to keep
        return ""
    return "".join(str(parameters.get(PLAN_ID, "") or "").split()).lower()
