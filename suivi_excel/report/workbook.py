"""Write the report workbook: Tableau de bord, Actions, Par axe, Par service, Anomalies, Historique.

The whole workbook goes to a temporary file first and is renamed at the end,
so an interrupted run never leaves a broken report.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import xlsxwriter

from suivi_excel.consolidate.consolidation import Consolidation
from suivi_excel.consolidate.review import counts, review
from suivi_excel.core.atomic import atomic_path
from suivi_excel.core.columns import (
    AXE,
    LEAD,
    NO,
    NUMBER,
    PERIOD,
    PLAN_COLUMNS,
    SERVICE,
    SOURCE,
    TRACKING_COLUMNS,
    TRACKING_HEADERS,
    YES,
)
from suivi_excel.core.xlsx import WORKBOOK_OPTIONS
from suivi_excel.report import texts
from suivi_excel.report.dashboard import write_dashboard
from suivi_excel.report.indicators import by_group, key_figures
from suivi_excel.report.shares import with_unreported_share
from suivi_excel.report.printable import REPORT_PRINTED, printable_sheet
from suivi_excel.report.properties import report_properties
from suivi_excel.report.sheet_names import (
    ACTIONS,
    ANOMALIES,
    BY_AXE,
    BY_SERVICE,
    DASHBOARD,
    HISTORY,
    PRINTABLE_ACTIONS,
    RETURNS,
)
from suivi_excel.report.sheets import (
    RETURN_RECEIVED,
    Formats,
    actions_sheet,
    anomalies_sheet,
    column_widths,
    group_sheet,
    print_setup,
    returns_sheet,
    write_table,
)


def write_report(result: Consolidation, path: str | Path, history: pd.DataFrame | None = None,
                 reference: str | None = None, title: str = texts.REPORT_TITLE) -> Path:
    """Write the report workbook of a consolidation, atomically.

    Args:
        result: the consolidation.
        path: the .xlsx to write.
        history: the history rows of the plan (see `history.history_rows`), current period included;
            gives the `Historique` sheet and, from two periods on, the evolution on the dashboard.
        reference: the period to compare with in "what changed" (by default the one before).
        title: the dashboard's title.

    Returns:
        The path written.
    """
    path = Path(path)
    with atomic_path(path) as temporary:
        book = xlsxwriter.Workbook(str(temporary), WORKBOOK_OPTIONS)
        formats = Formats(book)
        dashboard = book.add_worksheet(DASHBOARD)
        actions_sheet(book.add_worksheet(ACTIONS), result.actions, formats)
        printable_sheet(book.add_worksheet(PRINTABLE_ACTIONS), result.actions, REPORT_PRINTED, formats,
                        texts.PRINTABLE_TITLE.format(plan=result.plan.title, period=result.period.label))
        axes = with_unreported_share(by_group(result.actions, AXE))
        services_order = list(result.tabs)
        services = with_unreported_share(by_group(result.actions, LEAD, services_order)).rename(
            columns={LEAD: SERVICE})
        services.insert(1, RETURN_RECEIVED, [YES if s in result.answered else NO for s in services[SERVICE]])
        services[SOURCE] = [result.answered.get(s, "") for s in services[SERVICE]]
        group_sheet(book.add_worksheet(BY_AXE), axes, formats)
        group_sheet(book.add_worksheet(BY_SERVICE), services, formats)
        states = review(result)
        returns_sheet(book.add_worksheet(RETURNS), states, formats)
        anomalies_sheet(book.add_worksheet(ANOMALIES), result.anomalies, formats,
                        {tab: service for service, tab in result.tabs.items()})
        if history is not None:
            kept = history[[PERIOD, NUMBER, *TRACKING_HEADERS]]
            past = book.add_worksheet(HISTORY)
            widths = write_table(past, kept, formats, widths=column_widths(  # compact: one row per action and period
                kept, {PERIOD: 9, **{c.header: c.printed_width for c in (*PLAN_COLUMNS, *TRACKING_COLUMNS)}}))
            past.freeze_panes(1, 2)
            print_setup(past, widths)
        figures = key_figures(result.actions, len(result.tabs), len(result.answered))
        write_dashboard(book, dashboard, result, figures, counts(states), axes, services, formats, history,
                        reference, title)
        book.set_properties({"title": f"{title} — {result.plan.title} — {result.period.label}",
                             "subject": result.plan.municipality, "author": "suivi-excel"})
        for name, value in report_properties(result, figures, counts(states)).items():  # read back by `envoyer rapport`
            book.set_custom_property(name, value)
        dashboard.activate()
        book.close()
    return path
