"""Write a plan workbook: the blank model of `suivi-excel modele`, or a filled one (example, tests)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import xlsxwriter

from suivi_excel.core import printing
from suivi_excel.core.atomic import atomic_path
from suivi_excel.core.cells import row_height
from suivi_excel.core.columns import BUDGET, LEAD, NUMBER, PARAMETERS, PLAN_COLUMNS, PLAN_ID, SERVICE_COLUMNS
from suivi_excel.core.xlsx import WORKBOOK_OPTIONS
from suivi_excel.plan import texts
from suivi_excel.plan.model import ACTIONS_SHEET, PARAMETERS_SHEET, SERVICES_SHEET, new_identifier
from suivi_excel.plan.texts import CHECKS_HEADERS, CHECKS_SHEET, EXAMPLE_ACTION, EXAMPLE_PARAMETERS, EXAMPLE_SERVICE


def write_plan(path: str | Path, actions: Sequence[dict] = (EXAMPLE_ACTION,),
               services: Sequence[dict] = (EXAMPLE_SERVICE,),
               parameters: dict[str, str] | None = None,
               extra_columns: Sequence[str] = (),
               checks: Sequence[Sequence[str]] = ()) -> Path:
    """Write a plan workbook with headers, dropdowns, input help and the given rows.

    Args:
        path: the .xlsx to write (atomically).
        actions: one dict per action, keyed by the headers of §3 (and `extra_columns`).
        services: one dict per service (`Service`, `Responsable`, `Courriel`).
        parameters: values of the `Paramètres` sheet; the example ones by default. Without an
            `Identifiant du plan`, a new one is drawn (§13): a new plan is a new identity.
        extra_columns: additional action columns, written after the declared ones.
        checks: rows of the `À vérifier` sheet (what an import interpreted), written first when given:
            (place in the source, action number(s), what was interpreted, text read, probably to correct).

    Returns:
        The path written.
    """
    path = Path(path)
    parameters = dict(EXAMPLE_PARAMETERS if parameters is None else parameters)
    identifier = parameters.pop(PLAN_ID, "") or new_identifier()
    with atomic_path(path) as temporary:
        workbook = xlsxwriter.Workbook(str(temporary), WORKBOOK_OPTIONS)
        to_check = workbook.add_worksheet(CHECKS_SHEET) if checks else None
        header = workbook.add_format({"bold": True, "bg_color": "#1F4E79", "font_color": "#FFFFFF",
                                      "text_wrap": True, "valign": "top", "border": 1})
        wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
        text = workbook.add_format({"num_format": "@", "valign": "top", "text_wrap": True})
        date = workbook.add_format({"num_format": "yyyy-mm-dd", "valign": "top"})
        money = workbook.add_format({"num_format": '#,##0 "$"', "valign": "top"})

        sheet = workbook.add_worksheet(ACTIONS_SHEET)
        headers = [c.header for c in PLAN_COLUMNS] + list(extra_columns)
        widths = [c.width for c in PLAN_COLUMNS] + [14] * len(extra_columns)
        last_row = max(len(actions), 1) + 500
        for col, (title, width) in enumerate(zip(headers, widths)):
            sheet.write_string(0, col, title, header)
            sheet.set_column(col, col, width, wrap)
        notes = {c.header: c.note for c in PLAN_COLUMNS}
        for col, title in enumerate(headers):
            if notes.get(title):
                sheet.write_comment(0, col, notes[title], {"x_scale": 1.6})
        for row, action in enumerate(actions, start=1):
            for col, title in enumerate(headers):
                value = action.get(title)
                if value is None or value == "":
                    continue
                if title == NUMBER:
                    sheet.write_string(row, col, str(value), text)
                elif isinstance(value, (dt.date, dt.datetime)):
                    sheet.write_datetime(row, col, value, date)
                elif title == BUDGET and isinstance(value, (int, float)):
                    sheet.write_number(row, col, value, money)
                else:  # wrapped, in a row as tall as its text: nothing spills over its neighbour
                    sheet.write(row, col, value, wrap)
            height = printing.fitted_height([action.get(t) for t in headers], widths)
            if height:
                sheet.set_row(row, height)
        sheet.set_column(0, 0, PLAN_COLUMNS[0].width, text)
        service_col = headers.index(LEAD)
        sheet.data_validation(1, service_col, last_row, service_col, {
            "validate": "list", "source": f"={SERVICES_SHEET}!$A$2:$A$300",
            "input_title": LEAD, "input_message": texts.LEAD_PROMPT,
            "error_title": texts.LEAD_UNKNOWN_TITLE, "error_type": "warning", "error_message": texts.LEAD_UNKNOWN})
        budget_col = headers.index(BUDGET)
        sheet.data_validation(1, budget_col, last_row, budget_col, {
            "validate": "decimal", "criteria": ">=", "value": 0,
            "error_title": texts.BUDGET_TITLE, "error_message": texts.BUDGET_ERROR})
        sheet.freeze_panes(1, 2)
        sheet.autofilter(0, 0, max(len(actions), 1), len(headers) - 1)
        sheet.set_row(0, printing.header_height(headers, widths))
        printing.setup(sheet, widths, header_rows=1, repeat_columns=1, papers=(printing.LEGAL,),
                       header=texts.ACTIONS_PAGE_HEADER)

        sheet = workbook.add_worksheet(SERVICES_SHEET)
        for col, column in enumerate(SERVICE_COLUMNS):
            sheet.write_string(0, col, column.header, header)
            sheet.set_column(col, col, column.width)
        for row, service in enumerate(services, start=1):
            for col, column in enumerate(SERVICE_COLUMNS):
                if service.get(column.header):
                    sheet.write_string(row, col, str(service[column.header]))
        sheet.freeze_panes(1, 0)
        printing.setup(sheet, [c.width for c in SERVICE_COLUMNS], header_rows=1)

        sheet = workbook.add_worksheet(PARAMETERS_SHEET)
        for col, title in enumerate(texts.PARAMETERS_HEADERS):
            sheet.write_string(0, col, title, header)
        editable = workbook.add_format({"locked": False})
        sheet.set_column(0, 0, 28, editable)
        sheet.set_column(1, 1, 50, editable)
        sheet.set_column(2, 20, None, editable)
        names = list(PARAMETERS) + [k for k in parameters if k not in PARAMETERS]
        for row, name in enumerate(names, start=1):
            sheet.write_string(row, 0, name, editable)
            if parameters.get(name):
                sheet.write_string(row, 1, str(parameters[name]), editable)
            else:
                sheet.write_blank(row, 1, None, editable)
        _identifier_row(workbook, sheet, len(names) + 2, identifier)

        sheet = workbook.add_worksheet(texts.HELP_SHEET)
        sheet.set_column(0, 0, 110, wrap)
        title = workbook.add_format({"bold": True, "font_size": 14})
        for row, line in enumerate(texts.PLAN_HELP):
            sheet.write_string(row, 0, line, title if row == 0 else wrap)
        if to_check is not None:
            _checks_sheet(to_check, checks, header, wrap)
        workbook.close()
    return path


def _identifier_row(workbook, sheet, row: int, identifier: str) -> None:
    """The plan's identifier, set apart below the parameters: greyed, locked, with a note saying what
    it is for. The rest of the sheet stays editable (the protection has no password)."""
    grey = workbook.add_format({"italic": True, "font_color": "#808080", "locked": True})
    sheet.write_string(row, 0, PLAN_ID, grey)
    sheet.write_string(row, 1, identifier, grey)
    sheet.write_comment(row, 1, texts.IDENTIFIER_NOTE, {"x_scale": 2, "y_scale": 1.2})
    sheet.protect("", {"insert_rows": True, "delete_rows": True, "format_cells": True,
                       "format_columns": True, "format_rows": True})


BOX, TICKED = "☐", "☑"


def _checks_sheet(sheet, checks: Sequence[Sequence], header, wrap) -> None:
    """What an import interpreted, one line each, for the coordinator to check before `generer`: what
    probably needs a correction first, each with a box to tick."""
    for col, (title, width) in enumerate(CHECKS_HEADERS):
        sheet.write_string(0, col, title, header)
        sheet.set_column(col, col, width, wrap)
    widths = [width for _title, width in CHECKS_HEADERS]
    for row, check in enumerate(checks, start=1):
        where, number, what, text, *rest = check
        probable = bool(rest and rest[0])
        values = (BOX, texts.TO_CORRECT if probable else texts.TO_CONFIRM, where, number, what, text)
        for col, value in enumerate(values):
            if value:
                sheet.write_string(row, col, str(value), wrap)
        height = row_height([str(v) for v in values], widths)  # spreadsheets do not grow wrapped rows
        if height:
            sheet.set_row(row, height)
    sheet.data_validation(1, 0, max(len(checks), 1), 0, {
        "validate": "list", "source": [BOX, TICKED], "input_title": texts.CHECKED,
        "input_message": texts.CHECKED_PROMPT.format(ticked=TICKED)})
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(checks), 1), len(CHECKS_HEADERS) - 1)
    # printed to be checked with a pen: one page wide, the header on each page
    sheet.set_row(0, printing.header_height([title for title, _width in CHECKS_HEADERS], widths))
    printing.setup(sheet, widths, header_rows=1)
    sheet.activate()
