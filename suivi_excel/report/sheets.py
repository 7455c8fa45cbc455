"""The report's tables: Actions, Par axe, Par service, Anomalies, Historique, and the formats they share.

Everything that came from a service is written as text, never as a formula or a link.
"""

from __future__ import annotations

import pandas as pd

from suivi_excel.consolidate.review import COMPLETE, INCOMPLETE, NOT_RECEIVED, TO_FIX
from suivi_excel.core import printing
from suivi_excel.core.anomalies import ANOMALY_HEADERS, ERROR, INFO, WARNING
from suivi_excel.core.cells import rate_formula, row_height, write_value
from suivi_excel.core.columns import (
    ABANDONED,
    COUNT,
    DONE_STATUSES,
    LATE,
    NOT_REPORTED,
    PLAN_COLUMNS,
    PLAN_TOTAL,
    PROGRESS,
    RATE,
    SOURCE,
    STATUS,
    TO_CHECK,
    TRACKING_COLUMNS,
    YES,
)
from suivi_excel.core.palette import STATUS_LOOKS
from suivi_excel.core.printing import header_height, word_width
from suivi_excel.core.text import column_letter
from suivi_excel.report import texts
from suivi_excel.report.indicators import MEAN_PROGRESS
from suivi_excel.report.shares import UNREPORTED_SHARE
from suivi_excel.report.sheet_names import PRINTABLE_ACTIONS

RETURN_RECEIVED = "Retour reçu"  # a column of `Par service`: Oui or Non
STATE_COLOURS = {COMPLETE: "#C6EFCE", INCOMPLETE: "#FFEB9C", TO_FIX: "#F8CBAD", NOT_RECEIVED: "#D9D9D9"}
COLOURS = {status: look.colour for status, look in STATUS_LOOKS.items()}
# one width per header, used both to set the column and to estimate wrapped rows' heights
_WIDTHS = {c.header: c.width for c in (*PLAN_COLUMNS, *TRACKING_COLUMNS)} | {SOURCE: 40, LATE: 9}
_ANOMALY_WIDTHS = (12, 26, 22, 8, 16, 60, 18)


class Formats:
    """The cell formats every sheet of the report shares."""

    def __init__(self, book) -> None:
        add = book.add_format
        border = {"border": 1, "border_color": "#BFBFBF", "valign": "top"}
        self.title = add({"bold": True, "font_size": 18, "font_color": "#1F4E79"})
        self.subtitle = add({"font_size": 12, "font_color": "#404040"})
        self.heading = add({"bold": True, "font_size": 13, "font_color": "#1F4E79", "bottom": 2,
                            "bottom_color": "#1F4E79"})
        self.header = add({**border, "bold": True, "bg_color": "#1F4E79", "font_color": "#FFFFFF",
                           "text_wrap": True})
        self.text = add({**border, "text_wrap": True})
        self.plain = add(border)  # unwrapped: a table too long to size each row shows one line per row
        self.date = add({**border, "num_format": "yyyy-mm-dd"})
        self.number = add({**border, "num_format": "0"})
        self.money = add({**border, "num_format": '#,##0 "$"'})
        self.rate = add({**border, "num_format": "0 %"})
        self.label = add({**border, "bg_color": "#F2F2F2"})
        self.figure = add({**border, "bold": True, "align": "right"})
        self.figure_rate = add({**border, "bold": True, "align": "right", "num_format": "0 %"})
        self.figure_money = add({**border, "bold": True, "align": "right", "num_format": '#,##0 "$"'})
        self.total = add({**border, "bold": True, "bg_color": "#DDEBF7"})
        self.total_rate = add({**border, "bold": True, "bg_color": "#DDEBF7", "num_format": "0 %"})
        self.total_money = add({**border, "bold": True, "bg_color": "#DDEBF7", "num_format": '#,##0 "$"'})
        self.note = add({"italic": True, "font_color": "#595959", "text_wrap": True, "valign": "top"})
        self.severity = {ERROR: add({"bg_color": "#F8CBAD"}), WARNING: add({"bg_color": "#FFE699"}),
                         INFO: add({"bg_color": "#DDEBF7"})}
        self.state = {s: add({"bg_color": c}) for s, c in STATE_COLOURS.items()}
        self.status = {s: add({"bg_color": c, "font_color": "#FFFFFF" if s in (TO_CHECK, ABANDONED) else
                               "#000000"}) for s, c in COLOURS.items()}


def _format_for(header: str, formats: Formats):
    if "$" in header:
        return formats.money
    if header in (PROGRESS, MEAN_PROGRESS):
        return formats.number
    if header in (RATE, UNREPORTED_SHARE):
        return formats.rate
    return formats.text


def column_widths(frame: pd.DataFrame, widths: dict[str, float] | None = None) -> list[float]:
    """Each column's width on screen: declared by its header (or given), else 30 for the first and 14."""
    known = {**_WIDTHS, **(widths or {})}
    return [known.get(str(h), 14 if col else 30) for col, h in enumerate(frame.columns)]


def write_table(sheet, frame: pd.DataFrame, formats: Formats, first_row: int = 0, fit_rows: bool = True,
                blanks: bool = True, widths: list[float] | None = None) -> list[float]:
    """A header and rows, each column typed by its header; `fit_rows` sizes rows holding long text, and
    `blanks` gives empty cells their borders too (a table of tens of thousands of rows does without).

    Returns:
        The columns' widths (`widths`, or those declared for their headers).
    """
    widths = list(widths) if widths is not None else column_widths(frame)
    widths = [max(w, word_width(h)) for w, h in zip(widths, frame.columns)]  # headers' words whole
    for col, header in enumerate(frame.columns):
        sheet.write_string(first_row, col, str(header), formats.header)
        sheet.set_column(col, col, widths[col])
    sheet.set_row(first_row, header_height(frame.columns, widths))  # printed whole, never cut
    column_formats = [_format_for(str(h), formats) for h in frame.columns]
    text = formats.text if fit_rows else formats.plain  # wrapped text in a one-line row spills over the next
    column_formats = [text if style is formats.text else style for style in column_formats]
    for row, record in enumerate(frame.itertuples(index=False), start=first_row + 1):
        for col, value in enumerate(record):
            if blanks or (value is not None and value != ""):
                write_value(sheet, row, col, value, text, formats.date, column_formats[col])
        height = row_height(record, widths) if fit_rows else None
        if height:
            sheet.set_row(row, height)
    return widths


def actions_sheet(sheet, actions: pd.DataFrame, formats: Formats) -> None:
    """Every action with every column, as a table to filter; printed over several pages wide."""
    write_table(sheet, actions, formats)
    status_col = list(actions.columns).index(STATUS)
    for status, style in formats.status.items():
        sheet.conditional_format(1, status_col, len(actions), status_col,
                                 {"type": "cell", "criteria": "==", "value": f'"{status}"', "format": style})
    late_col = list(actions.columns).index(LATE)
    sheet.conditional_format(1, late_col, len(actions), late_col, {
        "type": "cell", "criteria": "==", "value": f'"{YES}"', "format": formats.severity[ERROR]})
    sheet.freeze_panes(1, 1)
    sheet.autofilter(0, 0, len(actions), len(actions.columns) - 1)
    # every column, legibly, over several pages wide; one page wide is the `Actions à imprimer` sheet
    print_setup(sheet, column_widths(actions), header=texts.ACTIONS_PRINT_HEADER.format(sheet=PRINTABLE_ACTIONS))


def group_sheet(sheet, table: pd.DataFrame, formats: Formats) -> None:
    # counts as narrow as their headers' words allow, so that the table prints one page wide
    counts = {str(h): max(8.0, word_width(h)) for h in table.columns[1:] if "$" not in str(h) and str(h) != SOURCE}
    widths = write_table(sheet, table, formats, widths=column_widths(
        table, {**counts, str(table.columns[0]): 30, SOURCE: 30, **{str(h): 12 for h in table.columns if "$" in str(h)}}))
    total = len(table) + 1
    sheet.write_string(total, 0, PLAN_TOTAL, formats.total)
    for col, header in enumerate(table.columns[1:], start=1):
        letter = column_letter(col)
        area = f"{letter}2:{letter}{total}"
        if header in (RETURN_RECEIVED, SOURCE):
            value = f'=COUNTIF({area},"{YES}")' if header == RETURN_RECEIVED else None
            if value:
                sheet.write_formula(total, col, value, formats.total, int((table[header] == YES).sum()))
            else:
                sheet.write_blank(total, col, None, formats.total)
        elif header == RATE:
            cell = lambda header: f"{column_letter(list(table.columns).index(header))}{total + 1}"  # noqa: E731
            sheet.write_formula(total, col, rate_formula(cell(COUNT), [cell(s) for s in DONE_STATUSES]),
                                formats.total_rate, _rate(table))
        elif header == UNREPORTED_SHARE:  # a share of the total's actions, not a sum of shares
            cell = lambda header: f"{column_letter(list(table.columns).index(header))}{total + 1}"  # noqa: E731
            actions = table[COUNT].sum()
            sheet.write_formula(total, col, rate_formula(cell(COUNT), [cell(NOT_REPORTED)]), formats.total_rate,
                                float(table[NOT_REPORTED].sum() / actions) if actions else 0.0)
        elif header == MEAN_PROGRESS:
            sheet.write_blank(total, col, None, formats.total)
        else:
            style = formats.total_money if "$" in header else formats.total
            sheet.write_formula(total, col, f"=SUM({area})", style, float(pd.to_numeric(table[header]).sum()))
    sheet.freeze_panes(1, 1)
    # the retained file (`Source`, last) is for the screen: on paper, the counts
    shown = [h for h in table.columns if h != SOURCE]
    print_setup(sheet, widths, printed=(total, len(shown)) if len(shown) < len(table.columns) else None)


def _rate(table: pd.DataFrame) -> float:
    actions = table[COUNT].sum()
    return float(sum(table[s].sum() for s in DONE_STATUSES) / actions) if actions else 0.0


def returns_sheet(sheet, states: list, formats: Formats) -> None:
    """One row per service: its retained return, what it reported, its errors, and its state."""
    from suivi_excel.consolidate.review import HEADERS

    frame = pd.DataFrame([s.as_row() for s in states], columns=list(HEADERS))
    widths = write_table(sheet, frame, formats, widths=[34, 18, 26, 30, 16, 8, 11, 8, 14, 11])
    state_col = len(HEADERS) - 1
    for state, colour in STATE_COLOURS.items():
        sheet.conditional_format(1, state_col, max(len(frame), 1), state_col, {
            "type": "cell", "criteria": "==", "value": f'"{state}"', "format": formats.state[state]})
    sheet.freeze_panes(1, 1)
    sheet.autofilter(0, 0, max(len(frame), 1), len(HEADERS) - 1)
    print_setup(sheet, widths)


def anomalies_sheet(sheet, anomalies: list, formats: Formats, services: dict[str, str] | None = None) -> None:
    """One row per anomaly; `services` (tab -> service) names a service's tab by the service's whole name:
    Excel cuts tab names at 31 characters, not cells."""
    frame = pd.DataFrame([a.as_row() for a in anomalies], columns=list(ANOMALY_HEADERS))
    if services:
        frame["Feuille"] = [services.get(tab, tab) for tab in frame["Feuille"]]
    write_table(sheet, frame, formats, widths=list(_ANOMALY_WIDTHS))
    for severity, style in formats.severity.items():
        sheet.conditional_format(1, 0, max(len(frame), 1), 0, {
            "type": "cell", "criteria": "==", "value": f'"{severity}"', "format": style})
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(frame), 1), len(ANOMALY_HEADERS) - 1)
    # the code (last) is for filtering on screen: on paper, where, what and what to do
    screen_only = 1 if ANOMALY_HEADERS[-1] == "Code" else 0
    print_setup(sheet, list(_ANOMALY_WIDTHS), printed=(max(len(frame), 1), len(ANOMALY_HEADERS) - screen_only)
                if screen_only else None)


def print_setup(sheet, widths: list[float], header: str = "", printed: tuple[int, int] | None = None) -> None:
    """Landscape, header row repeated on every page, one page wide on Letter or Legal where the columns
    allow it at a legible size, else legibly over several pages wide with the first column repeated;
    `printed` (last row, columns) prints only the first columns."""
    printing.setup(sheet, widths, header_rows=1, repeat_columns=1, header=header, printed=printed)
