"""Write the regional workbook: Tableau de bord, Municipalités, Par axe, Actions, Anomalies.

Written whole to a temporary file, then renamed. It carries the same properties as a municipality's
report (key figures summed over the region), so `envoyer rapport` sends it like any report.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import xlsxwriter

from suivi_excel.core.atomic import atomic_path
from suivi_excel.core.cells import write_value
from suivi_excel.core.columns import AXE, BUDGET, COUNT, LATE, MUNICIPALITY, RATE, SPENT, SUPPORT
from suivi_excel.core.printing import word_width
from suivi_excel.core.xlsx import WORKBOOK_OPTIONS
from suivi_excel.region import texts
from suivi_excel.region.headers import (
    GOOD_NEWS_SHEET,
    MUNICIPALITIES,
    MUNICIPALITIES_SHEET,
    PLAN,
    PLANS,
    REPORT,
    SERVICES_ANSWERED,
)
from suivi_excel.region.rollup import Region, RegionalFigures, regional_figures
from suivi_excel.report import properties as props
from suivi_excel.report import texts as report_texts
from suivi_excel.report.dashboard import keep, print_pages, rate_bars, status_bars
from suivi_excel.report.printable import REPORT_PRINTED, printable_sheet
from suivi_excel.report.sheet_names import ACTIONS, ANOMALIES, BY_AXE, DASHBOARD, PRINTABLE_ACTIONS
from suivi_excel.report.sheets import Formats, anomalies_sheet, print_setup, write_table

_DASHBOARD_WIDTHS = (46, 24, 26, 26, 11, 11)  # one Letter page wide at 70 %, like the report's
# on paper, the report's columns after the municipality each action is of
REGION_PRINTED = (MUNICIPALITY, *REPORT_PRINTED)


def write_region(region: Region, path: Path, title: str) -> Path:
    """Write the regional workbook atomically; returns its path."""
    with atomic_path(path) as temporary:
        book = xlsxwriter.Workbook(str(temporary), WORKBOOK_OPTIONS)
        formats = Formats(book)
        dashboard = book.add_worksheet(DASHBOARD)
        municipalities = book.add_worksheet(MUNICIPALITIES_SHEET)
        table = region.municipalities
        widths = write_table(municipalities, table, formats,
                             widths=_count_widths(table, {MUNICIPALITY: 22, PLAN: 24, REPORT: 30}))
        municipalities.freeze_panes(1, 1)
        # the report's file (last) is for the screen
        print_setup(municipalities, widths, printed=(len(table), len(table.columns) - 1))
        axes = book.add_worksheet(BY_AXE)
        print_setup(axes, write_table(axes, region.axes, formats, widths=_count_widths(region.axes, {AXE: 36})))
        actions = book.add_worksheet(ACTIONS)
        widths = write_table(actions, region.actions, formats, fit_rows=False, blanks=False)  # thousands of rows
        actions.freeze_panes(1, 1)
        actions.autofilter(0, 0, max(len(region.actions), 1), len(region.actions.columns) - 1)
        print_setup(actions, widths, header=report_texts.ACTIONS_PRINT_HEADER.format(sheet=PRINTABLE_ACTIONS))
        printable_sheet(book.add_worksheet(PRINTABLE_ACTIONS), region.actions, REGION_PRINTED, formats,
                        texts.PRINTABLE_TITLE.format(title=title))
        _good_news_sheet(book.add_worksheet(GOOD_NEWS_SHEET), region, formats)
        anomalies_sheet(book.add_worksheet(ANOMALIES), region.anomalies, formats)
        figures = regional_figures(region)
        _dashboard(book, dashboard, region, figures, formats, title)
        for name, value in _properties(region, figures, title).items():
            book.set_custom_property(name, value)
        book.set_properties({"title": title, "author": "suivi-excel"})
        dashboard.activate()
        book.close()
    return path


def _good_news_sheet(sheet, region: Region, formats: Formats) -> None:
    """Every municipality's bons coups, so an MRC can share what worked."""
    told = region.good_news
    widths = write_table(sheet, told, formats, widths=[20, 20, 6, 18, 34, 20, 44][:len(told.columns)])
    if told.empty:
        sheet.write_string(1, 0, texts.NO_GOOD_NEWS, formats.note)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(told), 1), len(told.columns) - 1)
    print_setup(sheet, widths)


def _properties(region: Region, figures: RegionalFigures, title: str) -> dict[str, object]:
    period = " et ".join(region.periods) if region.periods else "-"
    return {props.MARK: props.VERSION, props.PERIOD: period, props.PLAN: title,
            props.MUNICIPALITY: texts.WHO.format(plans=figures.plans, municipalities=figures.municipalities),
            **props.figure_properties(figures.totals)}


def _figure_rows(figures: RegionalFigures, formats: Formats) -> list[tuple[str, object, object]]:
    """The dashboard's key figures: label, value and style, in the order they are shown."""
    totals = figures.totals
    answered = report_texts.ANSWERED_OF.format(answered=totals.services_answered, total=totals.services_total)
    return [(MUNICIPALITIES, figures.municipalities, formats.figure), (PLANS, figures.plans, formats.figure),
            (COUNT, totals.actions, formats.figure), (RATE, totals.completion_rate, formats.figure_rate),
            (LATE, totals.late, formats.figure), (SUPPORT, totals.support_needed, formats.figure),
            (SERVICES_ANSWERED, answered, formats.figure), (BUDGET, totals.budget_planned, formats.figure_money),
            (SPENT, totals.spent, formats.figure_money)]


def _dashboard(book, sheet, region: Region, figures: RegionalFigures, formats: Formats, title: str) -> None:
    sheet.hide_gridlines(2)
    for col, width in enumerate(_DASHBOARD_WIDTHS):
        sheet.set_column(col, col, width)
    sheet.write_string(0, 0, title, formats.title)
    periods = ", ".join(region.periods) or texts.NO_PERIOD
    sheet.write_string(1, 0, texts.PERIODS_LINE.format(periods=periods, created=dt.datetime.now()), formats.subtitle)
    row = 3
    sheet.write_string(row, 0, texts.KEY_FIGURES, formats.heading)
    sheet.write_blank(row, 1, None, formats.heading)
    for label, value, style in _figure_rows(figures, formats):
        row += 1
        sheet.write_string(row, 0, label, formats.label)
        write_value(sheet, row, 1, value, style, style, style)
    count = len(region.municipalities)
    blocks: list[tuple[int, int]] = []
    if not count:
        sheet.write_string(row + 2, 0, texts.NOTHING_GATHERED, formats.note)
    else:
        row += 2
        row = keep(blocks, row, rate_bars(book, sheet, row, MUNICIPALITIES_SHEET, region.municipalities,
                                          texts.RATE_CHART, 24))
        keep(blocks, row, status_bars(book, sheet, row, MUNICIPALITIES_SHEET, region.municipalities,
                                      texts.STATUS_CHART, 22))
    print_pages(sheet, list(_DASHBOARD_WIDTHS), blocks)


def _count_widths(table, named: dict[str, float]) -> list[float]:
    """Widths of a table of counts: named columns as given, money 12, counts as narrow as their headers'
    words allow, so that it prints one page wide."""
    return [named.get(str(h)) or (12 if "$" in str(h) else max(8.0, word_width(h))) for h in table.columns]
