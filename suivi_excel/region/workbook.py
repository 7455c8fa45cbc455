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
from suivi_excel.core.columns import AXE, BUDGET, LATE, REPORT_STATUSES, SPENT, SUPPORT
from suivi_excel.core.printing import word_width
from suivi_excel.core.xlsx import WORKBOOK_OPTIONS
from suivi_excel.region import texts
from suivi_excel.region.rollup import Region, regional_figures
from suivi_excel.report import properties as props
from suivi_excel.report import texts as report_texts
from suivi_excel.report.dashboard import keep, print_pages, rate_bars, status_bars
from suivi_excel.report.figures import KeyFigures
from suivi_excel.report.indicators import COUNT, RATE
from suivi_excel.report.printable import REGION_PRINTED, printable_sheet
from suivi_excel.report.sheets import (
    PRINTABLE_ACTIONS,
    Formats,
    anomalies_sheet,
    print_setup,
    write_table,
)

_DASHBOARD_WIDTHS = (46, 24, 26, 26, 11, 11)  # one Letter page wide at 70 %, like the report's
DASHBOARD, MUNICIPALITIES, BY_AXE, ACTIONS, GOOD_NEWS_SHEET, ANOMALIES = (
    "Tableau de bord", "Municipalités", "Par axe", "Actions", "Bons coups", "Anomalies")


def write_region(region: Region, path: Path, title: str) -> Path:
    """Write the regional workbook atomically; returns its path."""
    with atomic_path(path) as temporary:
        book = xlsxwriter.Workbook(str(temporary), WORKBOOK_OPTIONS)
        formats = Formats(book)
        dashboard = book.add_worksheet(DASHBOARD)
        municipalities = book.add_worksheet(MUNICIPALITIES)
        table = region.municipalities
        widths = write_table(municipalities, table, formats, widths=_count_widths(table, {"Municipalité": 22,
                                                                                         "Plan": 24, "Rapport": 30}))
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
        for name, value in _properties(region, title).items():
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


def _properties(region: Region, title: str) -> dict[str, object]:
    m = region.municipalities
    totals = KeyFigures(
        actions=int(m[COUNT].sum()), by_status={s: int(m[s].sum()) for s in REPORT_STATUSES},
        late=int(m[LATE].sum()), completion_rate=float(regional_figures(region)[RATE]),
        services_total=int(m["Services"].sum()), services_answered=int(m["Services qui ont répondu"].sum()),
        budget_planned=float(m[BUDGET].sum()), spent=float(m[SPENT].sum()),
        support_needed=int(m[SUPPORT].sum()))
    period = " et ".join(region.periods) if region.periods else "-"
    return {props.MARK: props.VERSION, props.PERIOD: period, props.PLAN: title,
            props.MUNICIPALITY: texts.WHO.format(plans=len(m), municipalities=m["Municipalité"].nunique()),
            **props.figure_properties(totals)}


def _dashboard(book, sheet, region: Region, figures: dict[str, object], formats: Formats, title: str) -> None:
    sheet.hide_gridlines(2)
    for col, width in enumerate(_DASHBOARD_WIDTHS):
        sheet.set_column(col, col, width)
    sheet.write_string(0, 0, title, formats.title)
    periods = ", ".join(region.periods) or texts.NO_PERIOD
    sheet.write_string(1, 0, texts.PERIODS_LINE.format(periods=periods, created=dt.datetime.now()), formats.subtitle)
    row = 3
    sheet.write_string(row, 0, texts.KEY_FIGURES, formats.heading)
    sheet.write_blank(row, 1, None, formats.heading)
    styles = {RATE: formats.figure_rate, BUDGET: formats.figure_money,
              SPENT: formats.figure_money}
    for label, value in figures.items():
        row += 1
        sheet.write_string(row, 0, label, formats.label)
        style = styles.get(label, formats.figure)
        write_value(sheet, row, 1, value, style, style, style)
    count = len(region.municipalities)
    blocks: list[tuple[int, int]] = []
    if not count:
        sheet.write_string(row + 2, 0, texts.NOTHING_GATHERED, formats.note)
    else:
        row += 2
        row = keep(blocks, row, rate_bars(book, sheet, row, MUNICIPALITIES, region.municipalities,
                                          texts.RATE_CHART, 24))
        keep(blocks, row, status_bars(book, sheet, row, MUNICIPALITIES, region.municipalities,
                                      texts.STATUS_CHART, 22))
    print_pages(sheet, list(_DASHBOARD_WIDTHS), blocks)


def _count_widths(table, named: dict[str, float]) -> list[float]:
    """Widths of a table of counts: named columns as given, money 12, counts as narrow as their headers'
    words allow, so that it prints one page wide."""
    return [named.get(str(h)) or (12 if "$" in str(h) else max(8.0, word_width(h))) for h in table.columns]
