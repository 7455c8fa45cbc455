"""Write the report workbook: Tableau de bord, Actions, Par axe, Par service, Anomalies.

The whole workbook goes to a temporary file first and is renamed at the end,
so an interrupted run never leaves a broken report. Everything that came from
a service is written as text, never as a formula or a link.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import xlsxwriter

from suivi_excel.consolidate.consolidation import Consolidation
from suivi_excel.core.anomalies import ANOMALY_HEADERS, ERROR, INFO, WARNING
from suivi_excel.core.atomic import atomic_path
from suivi_excel.core.cells import rate_formula, row_height, write_value
from suivi_excel.core.columns import (
    DONE_STATUSES,
    NOT_REPORTED,
    PLAN_COLUMNS,
    REPORT_STATUSES,
    TO_CHECK,
    TRACKING_COLUMNS,
    TRACKING_HEADERS,
    YES,
)
from suivi_excel.core.text import column_letter
from suivi_excel.history import store as history
from suivi_excel.plan.template import WORKBOOK_OPTIONS
from suivi_excel.report import evolution
from suivi_excel.report.indicators import PROGRESS, RATE, by_group, key_figures

DASHBOARD, ACTIONS, BY_AXE, BY_SERVICE, ANOMALIES = (
    "Tableau de bord", "Actions", "Par axe", "Par service", "Anomalies")
COLOURS = {"Non débutée": "#A6A6A6", "En cours": "#FFC000", "Réalisée": "#70AD47", "En continu": "#5B9BD5",
           "Reportée": "#ED7D31", "Abandonnée": "#7F7F7F", TO_CHECK: "#C00000", NOT_REPORTED: "#D9D9D9"}
# one width per header, used both to set the column and to estimate wrapped rows' heights
_WIDTHS = {c.header: c.width for c in (*PLAN_COLUMNS, *TRACKING_COLUMNS)} | {"Source": 40, "En retard": 9}
_LIST_LIMIT = 60  # rows per dashboard list; the Actions sheet has them all
_DASHBOARD_WIDTHS = (58, 32, 30, 30, 13, 13)
_ANOMALY_WIDTHS = (13, 34, 22, 9, 24, 90)



class _Formats:
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
        self.status = {s: add({"bg_color": c, "font_color": "#FFFFFF" if s in (TO_CHECK, "Abandonnée") else
                               "#000000"}) for s, c in COLOURS.items()}


def _format_for(header: str, formats: _Formats):
    if "$" in header:
        return formats.money
    if header in ("Avancement (%)", PROGRESS):
        return formats.number
    if header == RATE:
        return formats.rate
    return formats.text


HISTORY = "Historique"


def write_report(result: Consolidation, path: str | Path, history: pd.DataFrame | None = None,
                 reference: str | None = None, title: str = "Bilan du suivi") -> Path:
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
        formats = _Formats(book)
        dashboard = book.add_worksheet(DASHBOARD)
        _actions_sheet(book.add_worksheet(ACTIONS), result.actions, formats)
        axes = by_group(result.actions, "Axe")
        services_order = list(result.tabs)
        services = by_group(result.actions, "Service responsable", services_order).rename(
            columns={"Service responsable": "Service"})
        services.insert(1, "Retour reçu", ["Oui" if s in result.answered else "Non" for s in services["Service"]])
        services["Source"] = [result.answered.get(s, "") for s in services["Service"]]
        _group_sheet(book.add_worksheet(BY_AXE), axes, formats)
        _group_sheet(book.add_worksheet(BY_SERVICE), services, formats)
        _anomalies_sheet(book.add_worksheet(ANOMALIES), result, formats)
        if history is not None:
            _table(book.add_worksheet(HISTORY), history[["Période", "No", *TRACKING_HEADERS]], formats,
                   fit_rows=False)  # one row per action and period: kept compact
            book.get_worksheet_by_name(HISTORY).freeze_panes(1, 2)
        _dashboard(book, dashboard, result, axes, services, formats, history, reference, title)
        book.set_properties({"title": f"{title} — {result.plan.title} — {result.period.label}",
                             "subject": result.plan.municipality, "author": "suivi-excel"})
        # read back by `envoyer rapport` to write the message
        params = result.plan.parameters
        for name, value in (("Période", result.period.label), ("Plan", result.plan.title),
                            ("Municipalité", result.plan.municipality),
                            ("Coordonnateur", params.get("Coordonnateur", "")),
                            ("Courriel du coordonnateur", params.get("Courriel du coordonnateur", ""))):
            book.set_custom_property(name, value or "-")
        dashboard.activate()
        book.close()
    return path


def _table(sheet, frame: pd.DataFrame, formats: _Formats, first_row: int = 0, fit_rows: bool = True) -> None:
    """A header and rows, each column typed by its header; `fit_rows` sizes rows holding long text."""
    for col, header in enumerate(frame.columns):
        sheet.write_string(first_row, col, str(header), formats.header)
        sheet.set_column(col, col, _WIDTHS.get(header, 14 if col else 30))
    column_formats = [_format_for(str(h), formats) for h in frame.columns]
    widths = [_WIDTHS.get(h, 14 if col else 30) for col, h in enumerate(frame.columns)]
    for row, record in enumerate(frame.itertuples(index=False), start=first_row + 1):
        for col, value in enumerate(record):
            write_value(sheet, row, col, value, formats.text, formats.date, column_formats[col])
        height = row_height(record, widths) if fit_rows else None
        if height:
            sheet.set_row(row, height)


def _actions_sheet(sheet, actions: pd.DataFrame, formats: _Formats) -> None:
    _table(sheet, actions, formats)
    status_col = list(actions.columns).index("Statut")
    for status, style in formats.status.items():
        sheet.conditional_format(1, status_col, len(actions), status_col,
                                 {"type": "cell", "criteria": "==", "value": f'"{status}"', "format": style})
    late_col = list(actions.columns).index("En retard")
    sheet.conditional_format(1, late_col, len(actions), late_col, {
        "type": "cell", "criteria": "==", "value": f'"{YES}"', "format": formats.severity[ERROR]})
    sheet.freeze_panes(1, 1)
    sheet.autofilter(0, 0, len(actions), len(actions.columns) - 1)
    _print_setup(sheet, paper=5)


def _group_sheet(sheet, table: pd.DataFrame, formats: _Formats) -> None:
    _table(sheet, table, formats)
    sheet.set_column(0, 0, 40)
    sheet.set_row(0, 45)
    total = len(table) + 1
    sheet.write_string(total, 0, "Ensemble du plan", formats.total)
    for col, header in enumerate(table.columns[1:], start=1):
        letter = column_letter(col)
        area = f"{letter}2:{letter}{total}"
        if header in ("Retour reçu", "Source"):
            value = f'=COUNTIF({area},"Oui")' if header == "Retour reçu" else None
            if value:
                sheet.write_formula(total, col, value, formats.total, int((table[header] == "Oui").sum()))
            else:
                sheet.write_blank(total, col, None, formats.total)
        elif header == RATE:
            cell = lambda header: f"{column_letter(list(table.columns).index(header))}{total + 1}"  # noqa: E731
            sheet.write_formula(total, col, rate_formula(cell("Actions"), [cell(s) for s in DONE_STATUSES]),
                                formats.total_rate, _rate(table))
        elif header == PROGRESS:
            sheet.write_blank(total, col, None, formats.total)
        else:
            style = formats.total_money if "$" in header else formats.total
            sheet.write_formula(total, col, f"=SUM({area})", style, float(pd.to_numeric(table[header]).sum()))
    sheet.freeze_panes(1, 1)
    _print_setup(sheet)


def _rate(table: pd.DataFrame) -> float:
    actions = table["Actions"].sum()
    return float(sum(table[s].sum() for s in DONE_STATUSES) / actions) if actions else 0.0


def _anomalies_sheet(sheet, result: Consolidation, formats: _Formats) -> None:
    frame = pd.DataFrame([a.as_row() for a in result.anomalies], columns=list(ANOMALY_HEADERS))
    _table(sheet, frame, formats)
    for col, width in enumerate(_ANOMALY_WIDTHS):
        sheet.set_column(col, col, width)
    for row, anomaly in enumerate(result.anomalies, start=1):
        height = row_height(anomaly.as_row().values(), _ANOMALY_WIDTHS)
        if height:
            sheet.set_row(row, height)
    for severity, style in formats.severity.items():
        sheet.conditional_format(1, 0, max(len(frame), 1), 0, {
            "type": "cell", "criteria": "==", "value": f'"{severity}"', "format": style})
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(frame), 1), len(ANOMALY_HEADERS) - 1)
    _print_setup(sheet)


def _print_setup(sheet, paper: int = 1) -> None:
    """Landscape, one page wide, header row repeated; Letter (1) by default, legal (5) for wide tables."""
    sheet.set_landscape()
    sheet.set_paper(paper)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0)


# -- dashboard --------------------------------------------------------------------------------


def _dashboard(book, sheet, result: Consolidation, axes: pd.DataFrame, services: pd.DataFrame,
               formats: _Formats, history: pd.DataFrame | None, reference: str | None, title: str) -> None:
    plan, period = result.plan, result.period
    figures = key_figures(result.actions, len(result.tabs), len(result.answered))
    sheet.hide_gridlines(2)
    for col, width in enumerate(_DASHBOARD_WIDTHS):
        sheet.set_column(col, col, width)
    sheet.write_string(0, 0, f"{title} — {plan.title}", formats.title)
    sheet.write_string(1, 0, plan.municipality or "", formats.subtitle)
    sheet.write_string(2, 0, f"Période {period.label} (du {period.start:%Y-%m-%d} au {period.end:%Y-%m-%d})"
                       f" — rapport produit le {result.created:%Y-%m-%d à %H:%M}", formats.subtitle)

    row = 4
    sheet.write_string(row, 0, "Chiffres clés", formats.heading)
    sheet.write_blank(row, 1, None, formats.heading)
    row += 1
    errors = sum(a.severity == ERROR for a in result.anomalies)
    warnings = sum(a.severity == WARNING for a in result.anomalies)
    lines = [
        ("Actions du plan", figures.actions, formats.figure),
        ("Taux de réalisation (réalisées ou en continu)", figures.completion_rate, formats.figure_rate),
        ("Actions en retard", figures.late, formats.figure),
        ("Actions qui ont besoin de soutien", figures.support_needed, formats.figure),
        ("Services qui ont répondu", f"{figures.services_answered} sur {figures.services_total}", formats.figure),
        ("Budget prévu", figures.budget_planned, formats.figure_money),
        ("Dépenses réelles déclarées", figures.spent, formats.figure_money),
        ("Anomalies : erreurs / avertissements", f"{errors} / {warnings}", formats.figure),
    ]
    for label, value, style in lines:
        sheet.write_string(row, 0, label, formats.label)
        write_value(sheet, row, 1, value, style, style, style)
        row += 1
    row += 1
    sheet.write_string(row, 0, "Actions par statut", formats.heading)
    sheet.write_blank(row, 1, None, formats.heading)
    row += 1
    status_first = row
    for status in REPORT_STATUSES:
        sheet.write_string(row, 0, status, formats.label)
        sheet.write_number(row, 1, figures.by_status[status], formats.figure)
        row += 1
    status_last = row - 1
    figures_end = row

    pie = book.add_chart({"type": "doughnut"})
    pie.add_series({
        "name": "Actions par statut",
        "categories": [DASHBOARD, status_first, 0, status_last, 0],
        "values": [DASHBOARD, status_first, 1, status_last, 1],
        "points": [{"fill": {"color": COLOURS[s]}} for s in REPORT_STATUSES],
        "data_labels": {"value": True, "font": {"bold": True}},
    })
    pie.set_title({"name": "Où en sont les actions", "name_font": {"size": 12}})
    pie.set_legend({"position": "right"})
    pie.set_hole_size(45)
    pie.set_size({"width": 470, "height": 330})
    sheet.insert_chart(4, 2, pie, {"x_offset": 12, "y_offset": 0})

    row = max(figures_end, 4 + 17) + 1
    axe_height = 90 + 34 * len(axes)
    chart = book.add_chart({"type": "bar"})
    chart.add_series({
        "name": "Taux de réalisation",
        "categories": [BY_AXE, 1, 0, len(axes), 0],
        "values": [BY_AXE, 1, list(axes.columns).index(RATE), len(axes), list(axes.columns).index(RATE)],
        "fill": {"color": "#70AD47"}, "data_labels": {"value": True, "num_format": "0 %"},
        "gap": 60,
    })
    chart.set_title({"name": "Taux de réalisation par axe", "name_font": {"size": 12}})
    chart.set_x_axis({"min": 0, "max": 1, "num_format": "0 %", "major_gridlines": {"visible": True}})
    chart.set_y_axis({"reverse": True})
    chart.set_legend({"none": True})
    chart.set_size({"width": 930, "height": axe_height})
    sheet.insert_chart(row, 0, chart)
    row += math.ceil(axe_height / 20) + 1

    service_height = 150 + 26 * len(services)
    chart = book.add_chart({"type": "bar", "subtype": "stacked"})
    for status in REPORT_STATUSES:
        col = list(services.columns).index(status)
        chart.add_series({
            "name": [BY_SERVICE, 0, col],
            "categories": [BY_SERVICE, 1, 0, len(services), 0],
            "values": [BY_SERVICE, 1, col, len(services), col],
            "fill": {"color": COLOURS[status]}, "gap": 50,
        })
    chart.set_title({"name": "État des actions par service", "name_font": {"size": 12}})
    chart.set_y_axis({"reverse": True})
    chart.set_x_axis({"major_gridlines": {"visible": True}, "name": "Nombre d'actions"})
    chart.set_legend({"position": "bottom"})
    chart.set_size({"width": 930, "height": service_height})
    sheet.insert_chart(row, 0, chart)
    row += math.ceil(service_height / 20) + 1

    actions = result.actions
    if history is not None and len(evolution.periods(history)) >= 2:
        row = _evolution(book, sheet, row, evolution.status_by_period(history), formats)
        change = evolution.changes(history, period.label, reference)
        if change is not None:
            described = actions.set_index("No")[["Action", "Service responsable"]]
            for label, frame in (("réalisées", change.done), ("en retard", change.late),
                                 ("bloquées (reportées ou avec besoin de soutien)", change.blocked)):
                shown = frame[["No", "Statut"]].join(described, on="No")
                row = _list(sheet, row, formats, f"Nouvellement {label} depuis {change.reference}", shown,
                            ["No", "Action", "Service responsable", "Statut"], "Aucune.")
    late = actions[actions["En retard"] == YES]
    row = _list(sheet, row, formats, "Actions en retard", late,
                ["No", "Action", "Service responsable", "Fin", "Statut", "Avancement (%)"],
                "Aucune action en retard.")
    support = actions[actions["Besoin de soutien"] == YES]
    row = _list(sheet, row, formats, "Actions qui ont besoin de soutien", support,
                ["No", "Action", "Service responsable", "Obstacles", "Commentaires"],
                "Aucun service n'a demandé de soutien.")
    obstacles = actions[actions["Obstacles"].notna() & (actions["Obstacles"] != "")]
    row = _list(sheet, row, formats, "Obstacles signalés", obstacles,
                ["No", "Action", "Service responsable", "Obstacles", "Statut"], "Aucun obstacle signalé.")
    missing = plan.services[plan.services["Service"].isin(result.missing)].copy()
    missing["Actions"] = [int((actions["Service responsable"] == s).sum()) for s in missing["Service"]]
    _list(sheet, row, formats, "Services sans retour", missing, ["Service", "Responsable", "Courriel", "Actions"],
          "Tous les services ont répondu.")
    sheet.set_landscape()
    sheet.set_paper(1)
    sheet.fit_to_pages(1, 0)


def _evolution(book, sheet, row: int, table: pd.DataFrame, formats: _Formats) -> int:
    """The count of each status per period, and its chart; returns the next free row."""
    sheet.write_string(row, 0, "Évolution d'une période à l'autre", formats.heading)
    for col in range(1, 6):
        sheet.write_blank(row, col, None, formats.heading)
    row += 1
    first = row
    statuses = [s for s in REPORT_STATUSES if table[s].sum() > 0]
    columns = ["Période", *statuses, RATE]
    # a compact table beside the key figures' columns: periods as rows
    for col, header in enumerate(columns):
        sheet.write_string(row, col, header, formats.header)
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
                          "fill": {"color": COLOURS[status]}, "gap": 80})
    chart.set_title({"name": "Statuts des actions, période par période", "name_font": {"size": 12}})
    chart.set_legend({"position": "bottom"})
    chart.set_y_axis({"name": "Nombre d'actions", "major_gridlines": {"visible": True}})
    chart.set_size({"width": 930, "height": 340})
    row += 2
    sheet.insert_chart(row, 0, chart)
    return row + math.ceil(340 / 20) + 1


def _list(sheet, row: int, formats: _Formats, title: str, frame: pd.DataFrame, columns: list[str],
          empty: str) -> int:
    """A titled list on the dashboard; returns the next free row."""
    sheet.write_string(row, 0, f"{title} ({len(frame)})", formats.heading)
    for col in range(1, len(columns)):
        sheet.write_blank(row, col, None, formats.heading)
    row += 1
    if frame.empty:
        sheet.write_string(row, 0, empty, formats.note)
        return row + 2
    shown = frame[columns].head(_LIST_LIMIT).copy()
    if "No" in shown.columns and "Action" in shown.columns:
        shown["Action"] = shown["No"].astype(str) + " — " + shown["Action"].astype(str)
        shown = shown.drop(columns=["No"])
    for col, header in enumerate(shown.columns):
        sheet.write_string(row, col, "Service" if header == "Service responsable" else header, formats.header)
    row += 1
    for record in shown.itertuples(index=False):
        for col, value in enumerate(record):
            write_value(sheet, row, col, value, formats.text, formats.date,
                        formats.number if isinstance(value, (int, float)) else formats.text)
        height = row_height(record, _DASHBOARD_WIDTHS)
        if height:
            sheet.set_row(row, height)
        row += 1
    if len(frame) > _LIST_LIMIT:
        sheet.write_string(row, 0, f"… et {len(frame) - _LIST_LIMIT} autres : voir l'onglet Actions.",
                           formats.note)
        row += 1
    return row + 1


def record_and_report(result: Consolidation, report: Path, store: Path | None = None) -> Path:
    """Record the period in the history, then write the report with its evolution.

    Args:
        result: the consolidation.
        report: the report to write.
        store: the history file; by default beside the report.

    Returns:
        The history file used.
    """
    store = store or history.default_path(report)
    history.record(store, result)
    write_report(result, report, history.history_rows(store, result.plan.identity, up_to=result.period))
    return store
