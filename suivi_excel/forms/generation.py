"""Generate the tracking workbooks: the integrated one and one per service.

Layout of a service tab: header in row 1, one row per action in plan order,
the plan columns (grey, locked) then the tracking columns (white, unlocked,
each with its Excel rule, input message and French error alert).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import xlsxwriter

from suivi_excel.core import printing
from suivi_excel.core.atomic import atomic_path
from suivi_excel.core.cells import rate_formula, row_height, write_value
from suivi_excel.core.columns import (
    ACTION,
    AXE,
    BUDGET,
    COORDINATOR,
    COORDINATOR_EMAIL,
    COUNT,
    DONE_STATUSES,
    END,
    INDICATOR,
    LEAD,
    NO,
    NUMBER,
    OBJECTIVE,
    PARTNERS,
    PLAN_COLUMNS,
    PLAN_TOTAL,
    RATE,
    REPORT_STATUSES,
    SERVICE,
    START,
    STATUSES,
    TARGET,
    TARGET_CHOICES,
    TARGET_MET,
    TRACKING_COLUMNS,
    TRACKING_HEADERS,
    YES,
)
from suivi_excel.core.palette import STATUS_LOOKS
from suivi_excel.core.periods import Period
from suivi_excel.core.tabs import TAB_INSTRUCTIONS, TAB_LISTS, TAB_SUMMARY
from suivi_excel.core.text import column_letter, file_stems, french_date
from suivi_excel.core.values import READERS, values_digest
from suivi_excel.core.xlsx import WORKBOOK_OPTIONS
from suivi_excel.forms import prefilled
from suivi_excel.forms.metadata import INTEGRATED, PER_SERVICE, Meta, TabInfo, now_iso, write_meta
from suivi_excel.forms.printable import printable_tab
from suivi_excel.forms.texts import SUMMARY_NOTE, SUMMARY_TITLE, instructions
from suivi_excel.plan.model import Plan

STATUS_LIST, YESNO_LIST, TARGET_LIST = "ListeStatuts", "ListeOuiNon", "ListeCibleAtteinte"
STATUS_COLOURS = {status: look.fill for status, look in STATUS_LOOKS.items() if look.fill}
_DATE_MIN, _DATE_MAX = dt.date(2000, 1, 1), dt.date(2100, 12, 31)
# narrower than in the plan so that a form prints legibly one page wide
FORM_WIDTHS = {NUMBER: 6, AXE: 15, OBJECTIVE: 18, ACTION: 36, PARTNERS: 15, START: 10.5, END: 10.5, BUDGET: 11,
               INDICATOR: 17, TARGET: 13}
_EXTRA_WIDTH = 11
_MARK_FILL = "#FFC7CE"  # a cell a correction workbook asks to fix
_INSTRUCTIONS_WIDTH = 110
_SUMMARY_SERVICE_WIDTH = 44  # a long name wraps: one page wide on Letter


@dataclass
class Options:
    """What the coordinator chose on the command line."""

    period: Period
    deadline: dt.date | None = None
    password: str | None = None
    prefill: Mapping[str, Mapping[str, object]] = field(default_factory=dict)  # No -> header -> value
    # a correction workbook: No -> header -> what is wrong there (highlighted, with a note), and the
    # problems as (cell, text) for the Instructions tab and the e-mail
    marks: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    problems: Sequence[tuple[str, str]] = ()
    complete_only: bool = False  # a correction workbook with nothing wrong, only answers missing
    # pre-filled from the history (§13): No -> the period its values come from; those cells look pre-filled
    # (a conditional format that holds while the cell keeps the value) and Instructions names the periods
    prefill_periods: Mapping[str, str] = field(default_factory=dict)


@dataclass
class Generated:
    """What `generate` wrote."""

    integrated: Path
    per_service: dict[str, Path] = field(default_factory=dict)
    tabs: dict[str, str] = field(default_factory=dict)  # service -> tab name


def plan_display_columns(plan: Plan) -> list[str]:
    return [c.header for c in PLAN_COLUMNS] + plan.extra_columns


class _Writer:
    """One xlsxwriter workbook with the formats every tab shares."""

    def __init__(self, path: Path, plan: Plan, options: Options) -> None:
        self.plan, self.options = plan, options
        self.book = xlsxwriter.Workbook(str(path), WORKBOOK_OPTIONS)
        add = self.book.add_format
        base = {"valign": "top", "text_wrap": True, "border": 1, "border_color": "#BFBFBF"}
        self.head_plan = add({**base, "bold": True, "bg_color": "#44546A", "font_color": "#FFFFFF"})
        self.head_track = add({**base, "bold": True, "bg_color": "#1F4E79", "font_color": "#FFFFFF"})
        self.locked = add({**base, "bg_color": "#F2F2F2"})
        self.locked_date = add({**base, "bg_color": "#F2F2F2", "num_format": "yyyy-mm-dd"})
        self.locked_money = add({**base, "bg_color": "#F2F2F2", "num_format": '#,##0 "$"'})
        self.track = {c.header: add({**base, "locked": False, **({"num_format": c.number_format}
                                                                  if c.number_format else {})})
                      for c in TRACKING_COLUMNS}
        self.marked = {c.header: add({**base, "locked": False, "bg_color": _MARK_FILL, "font_color": "#9C0006",
                                      "bold": True, **({"num_format": c.number_format} if c.number_format else {})})
                       for c in TRACKING_COLUMNS}
        self.title = add({"bold": True, "font_size": 16, "font_color": "#1F4E79"})
        self.heading = add({"bold": True, "font_size": 12, "font_color": "#1F4E79", "top": 1})
        self.text = add({"text_wrap": True, "valign": "top"})
        self.count = add({"border": 1, "border_color": "#BFBFBF", "align": "center"})
        self.count_total = add({"border": 1, "bold": True, "align": "center", "bg_color": "#DDEBF7"})
        self.rate = add({"border": 1, "border_color": "#BFBFBF", "num_format": "0 %", "align": "center"})
        self.rate_total = add({"border": 1, "bold": True, "num_format": "0 %", "align": "center",
                               "bg_color": "#DDEBF7"})
        self.cell = add({"border": 1, "border_color": "#BFBFBF", "text_wrap": True})
        self.cell_total = add({"border": 1, "bold": True, "bg_color": "#DDEBF7"})

    # -- tabs ---------------------------------------------------------------------------------

    def instructions(self, services: list[str]) -> None:
        sheet = self.book.add_worksheet(TAB_INSTRUCTIONS)
        sheet.set_column(0, 0, _INSTRUCTIONS_WIDTH, self.text)
        params = self.plan.parameters
        deadline = self.options.deadline
        lines = instructions(self.plan.municipality, self.plan.title, self.options.period.label,
                             french_date(deadline) if deadline else "",
                             params.get(COORDINATOR, ""), params.get(COORDINATOR_EMAIL, ""),
                             services, self.options.problems, self.options.complete_only)
        numbers = set(self.plan.actions.loc[self.plan.actions[LEAD].isin(services), NUMBER])
        pre = prefilled.instructions_lines(self.options.prefill_periods, numbers)
        if pre:  # right after what is asked, before the columns' help
            at = next(i for i, (style, _line) in enumerate(lines) if style == "heading" and i > 2)
            lines[at:at] = pre
        styles = {"title": self.title, "heading": self.heading, "text": self.text}
        for row, (style, line) in enumerate(lines):
            sheet.write_string(row, 0, line, styles[style])
            height = row_height([line], [_INSTRUCTIONS_WIDTH])
            if height:
                sheet.set_row(row, height)
        sheet.hide_gridlines(2)
        sheet.set_landscape()
        sheet.fit_to_pages(1, 0)

    def lists(self) -> None:
        sheet = self.book.add_worksheet(TAB_LISTS)
        sheet.write_string(0, 0, "Statuts")
        sheet.write_string(0, 1, "Oui/Non")
        for row, status in enumerate(STATUSES, start=1):
            sheet.write_string(row, 0, status)
        sheet.write_string(1, 1, YES)
        sheet.write_string(2, 1, NO)
        sheet.write_string(0, 2, TARGET_MET)
        for row, choice in enumerate(TARGET_CHOICES, start=1):
            sheet.write_string(row, 2, choice)
        self.book.define_name(STATUS_LIST, f"='{TAB_LISTS}'!$A$2:$A${len(STATUSES) + 1}")
        self.book.define_name(YESNO_LIST, f"='{TAB_LISTS}'!$B$2:$B$3")
        self.book.define_name(TARGET_LIST, f"='{TAB_LISTS}'!$C$2:$C${len(TARGET_CHOICES) + 1}")
        sheet.hide()

    def service_tab(self, service: str, tab: str) -> int:
        """Write one service's tab; returns the number of action rows."""
        sheet = self.book.add_worksheet(tab)
        actions = self.plan.service_actions(service)
        plan_cols = plan_display_columns(self.plan)
        for col, header in enumerate(plan_cols):
            sheet.write_string(0, col, header, self.head_plan)
            # the tab is the service's own: its name is in the tab, the column stays for the readers
            hidden = {"hidden": True} if header == LEAD else {}
            sheet.set_column(col, col, FORM_WIDTHS.get(header, _EXTRA_WIDTH), None, hidden)
        first_track = len(plan_cols)
        for offset, column in enumerate(TRACKING_COLUMNS):
            col = first_track + offset
            sheet.write_string(0, col, column.header, self.head_track)
            sheet.set_column(col, col, column.width)
        prefill = self.options.prefill
        look = prefilled.PrefillLook(self.book)
        column_widths = ([0 if h == LEAD else FORM_WIDTHS.get(h, _EXTRA_WIDTH) for h in plan_cols]
                         + [c.width for c in TRACKING_COLUMNS])
        for row, action in enumerate(actions[plan_cols].itertuples(index=False), start=1):
            for col, value in enumerate(action):
                money = self.locked_money if "$" in plan_cols[col] else self.locked
                write_value(sheet, row, col, value, self.locked, self.locked_date, money)
            known = prefill.get(action[0], {})
            marks = self.options.marks.get(action[0], {})
            tracked = [known.get(column.header) for column in TRACKING_COLUMNS]
            if action[0] in self.options.prefill_periods:
                for offset, value in enumerate(tracked):
                    if value is not None:
                        look.add(row, first_track + offset, value)
            for offset, column in enumerate(TRACKING_COLUMNS):
                style = self.marked[column.header] if column.header in marks else self.track[column.header]
                write_value(sheet, row, first_track + offset, tracked[offset], style, style, style)
                if column.header in marks:
                    sheet.write_comment(row, first_track + offset, marks[column.header][:30000],
                                        {"author": "suivi-excel", "x_scale": 2.2, "y_scale": 1.6})
            height = row_height((*action, *tracked), column_widths)
            if height:
                sheet.set_row(row, height)
        last = len(actions)
        self._validations(sheet, first_track, last)
        look.write(sheet, first_track)
        for status, colour in STATUS_COLOURS.items():
            sheet.conditional_format(1, first_track, last, first_track, {
                "type": "cell", "criteria": "==", "value": f'"{status}"',
                "format": self.book.add_format({"bg_color": colour})})
        sheet.freeze_panes(1, 1)
        sheet.autofilter(0, 0, last, first_track + len(TRACKING_COLUMNS) - 1)
        sheet.protect(self.options.password or "", {
            "autofilter": True, "sort": False, "format_columns": True, "format_rows": True,
            "select_locked_cells": True, "select_unlocked_cells": True})
        sheet.set_row(0, printing.header_height((*plan_cols, *TRACKING_HEADERS), column_widths))
        # every column, legibly, over several pages wide (No repeated); one page wide: the À imprimer tab
        printing.setup(sheet, column_widths, header_rows=1, repeat_columns=1,
                       header=f"&L&\"-,Bold\"{printing.escape_header(service)}&R{printing.escape_header(self.plan.title)} — "
                              f"{self.options.period.label}")
        return last

    def printable(self, service: str, tab: str) -> None:
        """The `À imprimer` tab of a service's own workbook (forms/printable)."""
        printable_tab(self.book, (self.head_plan, self.head_track), self.plan, service, tab,
                      len(plan_display_columns(self.plan)), f"{self.plan.title} — {self.options.period.label}")

    def _validations(self, sheet, first: int, last: int) -> None:
        if last < 1:
            return
        for offset, column in enumerate(TRACKING_COLUMNS):
            col = first + offset
            rule = _RULES[column.kind]
            options = {**rule, "input_title": column.header[:32], "input_message": column.prompt[:255]}
            if column.error:
                options.update({"error_title": column.header[:32], "error_message": column.error[:255]})
            else:
                options["show_error"] = False
            sheet.data_validation(1, col, last, col, options)

    def summary(self, sheet, tabs: dict[str, str], rows: dict[str, int]) -> None:
        """Fill Sommaire: live COUNTIF formulas per service and overall (Excel and LibreOffice).

        Formulas are written with an empty cached result so that LibreOffice
        recalculates them on open (xlsxwriter would otherwise cache 0).
        """
        status_col = column_letter(len(plan_display_columns(self.plan)))
        sheet.write_string(0, 0, SUMMARY_TITLE.format(period=self.options.period.label), self.title)
        sheet.write_string(1, 0, SUMMARY_NOTE)  # not wrapped: spills over the empty cells beside it
        headers = [SERVICE, COUNT, *REPORT_STATUSES, RATE]
        for col, header in enumerate(headers):
            sheet.write_string(3, col, header, self.head_track)
        widths = [_SUMMARY_SERVICE_WIDTH] + [max(8.0, printing.word_width(h)) for h in headers[1:]]
        for col, width in enumerate(widths):
            sheet.set_column(col, col, width)
        sheet.set_row(3, printing.header_height(headers, widths))
        first = 4
        for index, (service, tab) in enumerate(tabs.items()):
            row = first + index
            excel_row = row + 1
            count = rows[service]
            area = f"'{tab.replace(chr(39), chr(39) * 2)}'!${status_col}$2:${status_col}${count + 1}"
            sheet.write_string(row, 0, service, self.cell)
            height = row_height([service], [_SUMMARY_SERVICE_WIDTH])
            if height:
                sheet.set_row(row, height)
            sheet.write_number(row, 1, count, self.count)
            status_cells = []
            for offset, status in enumerate(STATUSES):
                col = 2 + offset
                sheet.write_formula(row, col, f'=COUNTIF({area},"{status}")', self.count, "")
                status_cells.append(f"{column_letter(col)}{excel_row}")
            to_check_col = 2 + len(STATUSES)
            blank_cell = f"{column_letter(to_check_col + 1)}{excel_row}"
            sheet.write_formula(row, to_check_col, f"=B{excel_row}-SUM({status_cells[0]}:{status_cells[-1]})"
                                f"-{blank_cell}", self.count, "")
            sheet.write_formula(row, to_check_col + 1, f"=COUNTBLANK({area})", self.count, "")
            done = [status_cells[STATUSES.index(s)] for s in DONE_STATUSES]
            sheet.write_formula(row, len(headers) - 1, rate_formula(f"B{excel_row}", done), self.rate, "")
        total = first + len(tabs)
        excel_total = total + 1
        sheet.write_string(total, 0, PLAN_TOTAL, self.cell_total)
        for col in range(1, len(headers) - 1):
            letter = column_letter(col)
            sheet.write_formula(total, col, f"=SUM({letter}{first + 1}:{letter}{total})", self.count_total, "")
        done = [f"{column_letter(2 + STATUSES.index(s))}{excel_total}" for s in DONE_STATUSES]
        sheet.write_formula(total, len(headers) - 1, rate_formula(f"B{excel_total}", done), self.rate_total, "")
        sheet.freeze_panes(4, 1)
        printing.setup(sheet, widths, header_rows=4)

    def close(self) -> None:
        self.book.close()


_RULES = {
    "status": {"validate": "list", "source": f"={STATUS_LIST}", "error_type": "stop"},
    "yesno": {"validate": "list", "source": f"={YESNO_LIST}", "error_type": "stop"},
    "target": {"validate": "list", "source": f"={TARGET_LIST}", "error_type": "stop"},
    "percent": {"validate": "integer", "criteria": "between", "minimum": 0, "maximum": 100},
    "date": {"validate": "date", "criteria": "between", "minimum": _DATE_MIN, "maximum": _DATE_MAX},
    "money": {"validate": "decimal", "criteria": ">=", "value": 0},
    "text": {"validate": "any"},
}


def write_workbook(path: Path, plan: Plan, options: Options, tabs: dict[str, str], kind: str) -> None:
    """Write one tracking workbook holding the tabs of `tabs` (service -> tab name), atomically."""
    with atomic_path(path) as temporary:
        writer = _Writer(temporary, plan, options)
        writer.instructions(list(tabs))
        # Sommaire sits second but needs the row counts: created now, filled after the tabs
        summary = writer.book.add_worksheet(TAB_SUMMARY) if kind == INTEGRATED else None
        rows = {service: writer.service_tab(service, tab) for service, tab in tabs.items()}
        if summary is not None:
            writer.summary(summary, tabs, rows)
        else:
            for service, tab in tabs.items():
                writer.printable(service, tab)
        writer.lists()
        write_meta(writer.book, Meta(
            plan.identity, plan.version, options.period.label, now_iso(), kind,
            [TabInfo(tab, service, _prefill_digest(plan, service, options.prefill)) for service, tab in tabs.items()],
            plan.to_json(), options.deadline.isoformat() if options.deadline else "",
            [list(problem) for problem in options.problems], options.complete_only))
        writer.book.worksheets_objs[0].activate()
        writer.close()


def _prefill_digest(plan: Plan, service: str, prefill: Mapping[str, Mapping[str, object]]) -> str:
    """Fingerprint of what a tab is pre-filled with, read the way a returned value is read."""
    kinds = {c.header: c.kind for c in TRACKING_COLUMNS}
    numbers = set(plan.service_actions(service)[NUMBER])
    values = {n: {h: READERS[kinds[h]](v).value for h, v in row.items()}
              for n, row in prefill.items() if n in numbers}
    return values_digest(values)


def form_cell(plan: Plan, service: str, number: str, header: str) -> str:
    """Where a tracking value of an action sits in its service's tab, as Excel names the cell."""
    row = list(plan.service_actions(service)[NUMBER]).index(number) + 1
    col = len(plan_display_columns(plan)) + [c.header for c in TRACKING_COLUMNS].index(header)
    return f"{column_letter(col)}{row + 1}"


def per_service_file_names(services: list[str], period: Period, prefix: str = "suivi") -> dict[str, str]:
    """Service -> file name of its workbook, safe on Windows and unique even for long names."""
    return {service: f"{prefix}-{period.label} - {stem}.xlsx"
            for service, stem in zip(services, file_stems(services))}


def generate(plan: Plan, options: Options, output: Path, per_service_dir: Path | None = None,
             progress=None) -> Generated:
    """Write the integrated workbook and, when asked, one workbook per service.

    Args:
        plan: the checked plan.
        options: period, deadline, password, pre-filled values.
        output: path of the integrated workbook.
        per_service_dir: folder for the per-service workbooks, or None.
        progress: optional callable(service) called after each per-service workbook.

    Returns:
        What was written.
    """
    tabs = plan.tabs
    write_workbook(output, plan, options, tabs, INTEGRATED)
    result = Generated(output, tabs=tabs)
    if per_service_dir is not None:
        names = per_service_file_names(list(tabs), options.period)
        for service, tab in tabs.items():
            path = per_service_dir / names[service]
            write_workbook(path, plan, options, {service: tab}, PER_SERVICE)
            result.per_service[service] = path
            if progress:
                progress(service)
    return result
