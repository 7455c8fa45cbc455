"""The report's first sheet, the one a committee reads: key figures, native charts, lists to act on."""

from __future__ import annotations

import functools
import math

import pandas as pd

from suivi_excel.consolidate.consolidation import Consolidation
from suivi_excel.core import printing
from suivi_excel.core.anomalies import ERROR, WARNING, severities
from suivi_excel.core.cells import write_value
from suivi_excel.core.columns import (
    ACTION,
    COMMENTS,
    COUNT,
    DONE,
    LEAD,
    NOT_REPORTED,
    NUMBER,
    OBSTACLES,
    PERIOD,
    RATE,
    REPORT_STATUSES,
    SERVICE,
    SERVICE_EMAIL,
    SERVICE_PERSON,
    STATUS,
)
from suivi_excel.report import achievements, evolution, followup, shares, texts
from suivi_excel.report.figures import KeyFigures
from suivi_excel.report.sheet_names import BY_AXE, BY_SERVICE, DASHBOARD
from suivi_excel.report.sheets import COLOURS, Formats

_LIST_LIMIT = 60  # rows per dashboard list; the Actions sheet has them all
# one Letter page wide at 70 %: 11-pt text prints at 7.7 pt, chart labels (10 pt) at 7 pt
_DASHBOARD_WIDTHS = (46, 24, 26, 26, 11, 11)
_UNSET_WIDTH = 8.43  # a column Excel was not given a width
_FONT = {"size": 10.5}  # charts' labels: 7.35 pt on paper at 70 %
MAX_CHART_HEIGHT = 900  # pixels: a chart fits one page at 70 %, bars thinner when there are many


def write_dashboard(book, sheet, result: Consolidation, figures: KeyFigures, states: dict[str, int],
                    axes: pd.DataFrame, services: pd.DataFrame, formats: Formats, history: pd.DataFrame | None,
                    reference: str | None, title: str) -> None:
    """Fill the dashboard, top to bottom: heading, key figures beside the statuses' chart, progress by axe
    and by service, the evolution once the history holds two periods, then the lists to act on.

    Args:
        book, sheet: the report workbook and its dashboard sheet (the first).
        result: the consolidation.
        figures: its key figures.
        states: how many returns are in each state (`review.counts`).
        axes, services: the `Par axe` and `Par service` tables, which the charts read.
        formats: the report's formats.
        history: the plan's history rows, or None.
        reference: the period to compare with (by default the one before).
        title: the dashboard's title.
    """
    sheet.hide_gridlines(2)
    widths = list(_DASHBOARD_WIDTHS)  # a table wider than the dashboard adds its columns
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width)
    blocks: list[tuple[int, int]] = []  # rows a page break must not cut: each chart, each list's start
    listing = functools.partial(_list, blocks=blocks)
    _heading(sheet, result, formats, title)
    figures_end = _key_figures(sheet, 4, result, figures, states, formats)
    _status_chart(book, sheet, 4, figures_end)
    row = max(figures_end, 4 + 17) + 1
    row = keep(blocks, row, _axe_chart(book, sheet, row, axes))
    row = keep(blocks, row, _service_chart(book, sheet, row, services))
    if history is not None and len(evolution.periods(history)) >= 2:
        row = keep(blocks, row, _evolution(book, sheet, row, evolution.status_by_period(history), formats,
                                                  widths))
        row = _changes(sheet, row, result, history, reference, formats, listing)
    blocks.append((row, row + len(achievements.TARGET_LABELS) + 1))  # the Cibles heading with its counts
    row = achievements.dashboard_block(sheet, row, result.actions, formats, listing)
    _lists(sheet, row, result, formats, listing)
    print_pages(sheet, widths, blocks)


def keep(blocks: list[tuple[int, int]], first: int, after: int) -> int:
    """Note a chart inserted at row `first`, whose next free row is `after`, as one block for the page
    breaks; returns `after`. The empty row above the chart goes with it: a chart starting right on a
    page break is also drawn, clipped, at the foot of the page before (LibreOffice)."""
    blocks.append((max(first - 1, 0), after - 1))
    return after


def print_pages(sheet, widths: list[float], blocks: list[tuple[int, int]]) -> None:
    """Print a dashboard one page wide at a legible fixed scale, with manual page breaks so that no
    chart and no list's heading is parted from what follows it."""
    widths = widths + [_UNSET_WIDTH] * max(0, sheet.dim_colmax + 1 - len(widths))  # a wider table below
    found = printing.setup(sheet, widths, header_rows=0, fixed=True, least=printing.MIN_SCALE)
    scale = math.floor(found.scale * 100) / 100
    heights = printing.row_heights(sheet, sheet.dim_rowmax or 0)
    sheet.set_h_pagebreaks(printing.keep_together(heights, sorted(blocks), scale))


def _heading(sheet, result: Consolidation, formats: Formats, title: str) -> None:
    plan, period = result.plan, result.period
    sheet.write_string(0, 0, f"{title} — {plan.title}", formats.title)
    sheet.write_string(1, 0, plan.municipality or "", formats.subtitle)
    sheet.write_string(2, 0, texts.PERIOD_LINE.format(period=period, created=result.created), formats.subtitle)


def _key_figures(sheet, row: int, result: Consolidation, figures: KeyFigures, states: dict[str, int],
                 formats: Formats) -> int:
    """The key figures, the state of the returns, then the count of each status (which the statuses'
    chart reads); returns the row after them."""
    sheet.write_string(row, 0, texts.KEY_FIGURES, formats.heading)
    sheet.write_blank(row, 1, None, formats.heading)
    row += 1
    counts = severities(result.anomalies)
    errors, warnings = counts[ERROR], counts[WARNING]
    lines = [
        (texts.PLAN_ACTIONS, figures.actions, formats.figure),
        (texts.RATE_EXPLAINED, figures.completion_rate, formats.figure_rate),
        (texts.LATE_ACTIONS, figures.late, formats.figure),
        (texts.SUPPORT_ACTIONS, figures.support_needed, formats.figure),
        (texts.SERVICES_ANSWERED, texts.ANSWERED_OF.format(answered=figures.services_answered,
                                                          total=figures.services_total), formats.figure),
        (texts.PLANNED_BUDGET, figures.budget_planned, formats.figure_money),
        (texts.DECLARED_SPENDING, figures.spent, formats.figure_money),
        (texts.ANOMALY_COUNTS, texts.ERRORS_WARNINGS.format(errors=errors, warnings=warnings), formats.figure),
    ]
    for label, value, style in lines:
        sheet.write_string(row, 0, label, formats.label)
        write_value(sheet, row, 1, value, style, style, style)
        row += 1
    row += 1
    sheet.write_string(row, 0, texts.RETURN_STATES, formats.heading)
    sheet.write_blank(row, 1, None, formats.heading)
    row += 1
    for state, count in states.items():
        sheet.write_string(row, 0, state, formats.label)
        sheet.write_number(row, 1, count, formats.figure)
        row += 1
    row += 1
    sheet.write_string(row, 0, texts.BY_STATUS, formats.heading)
    sheet.write_blank(row, 1, None, formats.heading)
    row += 1
    for status in REPORT_STATUSES:
        sheet.write_string(row, 0, status, formats.label)
        sheet.write_number(row, 1, figures.by_status[status], formats.figure)
        row += 1
    return row


def _status_chart(book, sheet, top: int, figures_end: int) -> None:
    first = figures_end - len(REPORT_STATUSES)
    pie = book.add_chart({"type": "doughnut"})
    pie.add_series({
        "name": texts.BY_STATUS,
        "categories": [DASHBOARD, first, 0, figures_end - 1, 0],
        "values": [DASHBOARD, first, 1, figures_end - 1, 1],
        "points": [shares.unreported_look() if s == NOT_REPORTED else {"fill": {"color": COLOURS[s]}}
                   for s in REPORT_STATUSES],
        "data_labels": {"value": True, "font": {"bold": True, **_FONT}},
    })
    pie.set_title({"name": texts.STATUS_CHART, "name_font": {"size": 12}})
    pie.set_legend({"position": "right", "font": _FONT})
    pie.set_hole_size(45)
    pie.set_size({"width": 470, "height": 330})
    sheet.insert_chart(top, 2, pie, {"x_offset": 12, "y_offset": 0})


def _axe_chart(book, sheet, row: int, axes: pd.DataFrame) -> int:
    """The completion rate of each axe, read from `Par axe`; returns the next free row."""
    return shares.share_bars(book, sheet, row, BY_AXE, axes, texts.AXE_CHART, 34)


def _service_chart(book, sheet, row: int, services: pd.DataFrame) -> int:
    """The statuses of each service's actions, stacked, read from `Par service`; returns the next free row."""
    return status_bars(book, sheet, row, BY_SERVICE, services, texts.SERVICE_CHART, 26)


def rate_bars(book, sheet, row: int, source: str, table: pd.DataFrame, title: str, per_bar: int) -> int:
    """A bar per row of `table` (its first column names it) showing its completion rate, read from the
    sheet `source` where `table` is written; inserted at `row`, returns the next free row."""
    height = min(90 + per_bar * len(table), MAX_CHART_HEIGHT)
    rate_col = list(table.columns).index(RATE)
    chart = book.add_chart({"type": "bar"})
    chart.add_series({
        "name": RATE, "categories": [source, 1, 0, len(table), 0],
        "values": [source, 1, rate_col, len(table), rate_col],
        "fill": {"color": COLOURS[DONE]}, "data_labels": {"value": True, "num_format": "0 %", "font": _FONT},
        "gap": 60,
    })
    chart.set_title({"name": title, "name_font": {"size": 12}})
    chart.set_x_axis({"min": 0, "max": 1, "num_format": "0 %", "major_gridlines": {"visible": True},
                      "num_font": _FONT})
    chart.set_y_axis({"reverse": True, "num_font": _FONT})
    chart.set_legend({"none": True})
    chart.set_size({"width": 930, "height": height})
    sheet.insert_chart(row, 0, chart)
    return row + math.ceil(height / 20) + 1


def status_bars(book, sheet, row: int, source: str, table: pd.DataFrame, title: str, per_bar: int) -> int:
    """A bar per row of `table` stacking its actions by status, read from the sheet `source`; inserted at
    `row`, returns the next free row."""
    height = min(150 + per_bar * len(table), MAX_CHART_HEIGHT)
    chart = book.add_chart({"type": "bar", "subtype": "stacked"})
    for status in REPORT_STATUSES:
        col = list(table.columns).index(status)
        chart.add_series({
            "name": [source, 0, col], "categories": [source, 1, 0, len(table), 0],
            "values": [source, 1, col, len(table), col], "gap": 50,
            **(shares.unreported_look() if status == NOT_REPORTED else {"fill": {"color": COLOURS[status]}}),
        })
    chart.set_title({"name": title, "name_font": {"size": 12}})
    chart.set_y_axis({"reverse": True, "num_font": _FONT})
    chart.set_x_axis({"major_gridlines": {"visible": True}, "name": texts.ACTION_COUNT, "num_font": _FONT,
                      "name_font": _FONT})
    chart.set_legend({"position": "bottom", "font": _FONT})
    chart.set_size({"width": 930, "height": height})
    sheet.insert_chart(row, 0, chart)
    return row + math.ceil(height / 20) + 1


def _changes(sheet, row: int, result: Consolidation, history: pd.DataFrame, reference: str | None,
             formats: Formats, listing=None) -> int:
    """What changed since the reference period: newly done, late or blocked actions."""
    listing = listing or _list
    change = evolution.changes(history, result.period.label, reference)
    if change is None:
        return row
    described = result.actions.set_index(NUMBER)[[ACTION, LEAD]]
    for what, frame in ((texts.NEWLY_DONE, change.done), (texts.NEWLY_LATE, change.late),
                        (texts.NEWLY_BLOCKED, change.blocked)):
        shown = frame[[NUMBER, STATUS]].join(described, on=NUMBER)
        row = listing(sheet, row, formats, texts.NEWLY.format(what=what, reference=change.reference), shown,
                      [NUMBER, ACTION, LEAD, STATUS], texts.NONE_NEWLY)
    return row


def _lists(sheet, row: int, result: Consolidation, formats: Formats, listing=None) -> int:
    """The lists a committee acts on: late actions, support needed, obstacles, services without a return."""
    listing = listing or _list
    actions = result.actions
    row = listing(sheet, row, formats, texts.LATE_ACTIONS, followup.late_list(actions), followup.LATE_COLUMNS,
                  texts.NO_LATE)
    support = actions[followup.needs_support(actions)]
    row = listing(sheet, row, formats, texts.SUPPORT_ACTIONS, support, [NUMBER, ACTION, LEAD, OBSTACLES, COMMENTS],
                  texts.NO_SUPPORT)
    obstacles = actions[followup.has_obstacles(actions)]
    row = listing(sheet, row, formats, texts.OBSTACLES_LIST, obstacles, [NUMBER, ACTION, LEAD, OBSTACLES, STATUS],
                  texts.NO_OBSTACLES)
    services = result.plan.services
    missing = services[services[SERVICE].isin(result.missing)].copy()
    missing[COUNT] = [result.plan.action_counts[s] for s in missing[SERVICE]]
    return listing(sheet, row, formats, texts.SILENT_LIST, missing,
                   [SERVICE, SERVICE_PERSON, SERVICE_EMAIL, COUNT], texts.NO_SILENT)


def _evolution(book, sheet, row: int, table: pd.DataFrame, formats: Formats, widths: list[float]) -> int:
    """The count of each status per period, and its chart; returns the next free row. `widths` gains the
    columns the table adds past the dashboard's."""
    statuses = [s for s in REPORT_STATUSES if table[s].sum() > 0]
    columns = [PERIOD, *statuses, RATE]
    sheet.write_string(row, 0, texts.EVOLUTION, formats.heading)
    for col in range(1, max(len(columns), 6)):
        sheet.write_blank(row, col, None, formats.heading)
    row += 1
    first = row
    # a compact table beside the key figures' columns: periods as rows; each column at least as wide as its
    # header's longest word (the dashboard's own columns widened if need be), the header row as high as it wraps
    for col, header in enumerate(columns):
        if col == len(widths):
            widths.append(_UNSET_WIDTH)
        if printing.word_width(header) > widths[col]:
            widths[col] = printing.word_width(header)
            sheet.set_column(col, col, widths[col])
    for col, header in enumerate(columns):
        sheet.write_string(row, col, header, formats.header)
    sheet.set_row(row, printing.header_height(columns, widths))
    for values in table[columns].itertuples(index=False):
        row += 1
        for col, value in enumerate(values):
            style = formats.rate if columns[col] == RATE else formats.text
            write_value(sheet, row, col, value, style, style, style)
    last = row
    chart = book.add_chart({"type": "column", "subtype": "stacked"})
    for offset, status in enumerate(statuses, start=1):
        chart.add_series({"name": [DASHBOARD, first, offset], "categories": [DASHBOARD, first + 1, 0, last, 0],
                          "values": [DASHBOARD, first + 1, offset, last, offset],
                          **(shares.unreported_look() if status == NOT_REPORTED
                             else {"fill": {"color": COLOURS[status]}}), "gap": 80})
    chart.set_title({"name": texts.EVOLUTION_CHART, "name_font": {"size": 12}})
    chart.set_legend({"position": "bottom", "font": _FONT})
    chart.set_x_axis({"num_font": _FONT})
    chart.set_y_axis({"name": texts.ACTION_COUNT, "major_gridlines": {"visible": True}, "num_font": _FONT,
                      "name_font": _FONT})
    chart.set_size({"width": 930, "height": 340})
    row += 2
    sheet.insert_chart(row, 0, chart)
    return row + math.ceil(340 / 20) + 1


def _list(sheet, row: int, formats: Formats, title: str, frame: pd.DataFrame, columns: list[str],
          empty: str, blocks: list[tuple[int, int]] | None = None) -> int:
    """A titled list on the dashboard; returns the next free row. Its heading, header and first rows
    are noted in `blocks`, to print on one page."""
    if blocks is not None:
        blocks.append((row, row + (1 if frame.empty else 1 + min(len(frame), 3))))
    sheet.write_string(row, 0, texts.LIST_TITLE.format(title=title, count=len(frame)), formats.heading)
    combined = NUMBER in columns and ACTION in columns  # one column: "2.1 — the action"
    for col in range(1, len(columns) - combined):
        sheet.write_blank(row, col, None, formats.heading)
    row += 1
    if frame.empty:
        sheet.write_string(row, 0, empty, formats.note)
        return row + 2
    shown = frame[columns].head(_LIST_LIMIT).copy()
    if NUMBER in shown.columns and ACTION in shown.columns:
        shown[ACTION] = shown[NUMBER].astype(str) + " — " + shown[ACTION].astype(str)
        shown = shown.drop(columns=[NUMBER])
    headers = [texts.SERVICE_SHORT if header == LEAD else header for header in shown.columns]
    for col, header in enumerate(headers):
        sheet.write_string(row, col, header, formats.header)
    sheet.set_row(row, printing.header_height(headers, _DASHBOARD_WIDTHS))
    row += 1
    for record in shown.itertuples(index=False):
        for col, value in enumerate(record):
            write_value(sheet, row, col, value, formats.text, formats.date,
                        formats.number if isinstance(value, (int, float)) else formats.text)
        height = printing.fitted_height(record, _DASHBOARD_WIDTHS)
        if height:
            sheet.set_row(row, height)
        row += 1
    if len(frame) > _LIST_LIMIT:
        sheet.write_string(row, 0, texts.LIST_MORE.format(count=len(frame) - _LIST_LIMIT), formats.note)
        row += 1
    return row + 1
