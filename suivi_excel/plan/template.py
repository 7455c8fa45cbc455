"""Write a plan workbook: the blank model of `suivi-excel modele`, or a filled one (example, tests)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import xlsxwriter

from suivi_excel.core import printing
from suivi_excel.core.atomic import atomic_path
from suivi_excel.core.cells import row_height
from suivi_excel.core.columns import PARAMETERS, PLAN_COLUMNS, PLAN_ID, SERVICE_COLUMNS
from suivi_excel.core.xlsx import WORKBOOK_OPTIONS
from suivi_excel.plan.model import new_identifier

PLAN_HELP = (
    "Comment remplir ce plan",
    "Ce classeur décrit le plan d'action que suivi-excel transforme en formulaires de suivi.",
    "Feuille Actions : une ligne par action. Colonnes obligatoires : No, Axe, Action, Service responsable.",
    "No : le numéro de l'action, tel que le plan l'écrit (1.1, 2.10, A-3…). 2.1 et 2.10 sont deux actions "
    "différentes. Chaque numéro est unique.",
    "Service responsable : doit être écrit exactement comme dans la feuille Services (la liste déroulante aide).",
    "Début et Fin : une année (2026) ou une date. Une année de début vaut le 1er janvier, une année de fin "
    "le 31 décembre. La fin ne précède pas le début.",
    "Budget prévu ($) : un montant positif ou nul.",
    "Vous pouvez ajouter vos propres colonnes (Clientèle, Priorité…) : elles sont reprises dans le rapport.",
    "Feuille Services : un service par ligne, avec la personne responsable et son courriel (pour l'envoi "
    "des formulaires).",
    "Feuille Paramètres : le nom de la municipalité, le titre du plan et les coordonnées de la personne "
    "qui coordonne le suivi ; ils paraissent dans les formulaires et le rapport.",
    "Ensuite : suivi-excel generer plan.xlsx --periode 2026 -o suivi-2026.xlsx --par-service envois/",
)

EXAMPLE_ACTION = {
    "No": "1.1", "Axe": "Loisirs et vie communautaire",
    "Objectif": "Rendre les loisirs accessibles aux familles",
    "Action": "Offrir une programmation estivale gratuite dans les parcs de quartier",
    "Service responsable": "Service des loisirs", "Partenaires": "Maison des jeunes",
    "Début": 2026, "Fin": 2027, "Budget prévu ($)": 15000,
    "Indicateur": "Nombre d'activités offertes", "Cible": "20 activités par été",
}
EXAMPLE_SERVICE = {"Service": "Service des loisirs", "Responsable": "Prénom Nom",
                   "Courriel": "loisirs@exemple.qc.ca"}
EXAMPLE_PARAMETERS = {"Municipalité": "Municipalité de …", "Titre du plan": "Politique familiale et "
                      "MADA 2026-2028", "Coordonnateur": "Prénom Nom",
                      "Courriel du coordonnateur": "coordination@exemple.qc.ca"}


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

        sheet = workbook.add_worksheet("Actions")
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
                if title == "No":
                    sheet.write_string(row, col, str(value), text)
                elif isinstance(value, (dt.date, dt.datetime)):
                    sheet.write_datetime(row, col, value, date)
                elif title == "Budget prévu ($)" and isinstance(value, (int, float)):
                    sheet.write_number(row, col, value, money)
                else:  # wrapped, in a row as tall as its text: nothing spills over its neighbour
                    sheet.write(row, col, value, wrap)
            height = printing.fitted_height([action.get(t) for t in headers], widths)
            if height:
                sheet.set_row(row, height)
        sheet.set_column(0, 0, PLAN_COLUMNS[0].width, text)
        service_col = headers.index("Service responsable")
        sheet.data_validation(1, service_col, last_row, service_col, {
            "validate": "list", "source": "=Services!$A$2:$A$300",
            "input_title": "Service responsable", "input_message": "Choisissez un service de la feuille Services.",
            "error_title": "Service inconnu", "error_type": "warning",
            "error_message": "Ajoutez d'abord ce service dans la feuille Services."})
        budget_col = headers.index("Budget prévu ($)")
        sheet.data_validation(1, budget_col, last_row, budget_col, {
            "validate": "decimal", "criteria": ">=", "value": 0,
            "error_title": "Budget", "error_message": "Le budget est un montant positif ou nul."})
        sheet.freeze_panes(1, 2)
        sheet.autofilter(0, 0, max(len(actions), 1), len(headers) - 1)
        sheet.set_row(0, printing.header_height(headers, widths))
        printing.setup(sheet, widths, header_rows=1, repeat_columns=1, papers=(printing.LEGAL,),
                       header="&LPlan d'action : feuille Actions")

        sheet = workbook.add_worksheet("Services")
        for col, column in enumerate(SERVICE_COLUMNS):
            sheet.write_string(0, col, column.header, header)
            sheet.set_column(col, col, column.width)
        for row, service in enumerate(services, start=1):
            for col, column in enumerate(SERVICE_COLUMNS):
                if service.get(column.header):
                    sheet.write_string(row, col, str(service[column.header]))
        sheet.freeze_panes(1, 0)
        printing.setup(sheet, [c.width for c in SERVICE_COLUMNS], header_rows=1)

        sheet = workbook.add_worksheet("Paramètres")
        sheet.write_string(0, 0, "Paramètre", header)
        sheet.write_string(0, 1, "Valeur", header)
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

        sheet = workbook.add_worksheet("Aide")
        sheet.set_column(0, 0, 110, wrap)
        title = workbook.add_format({"bold": True, "font_size": 14})
        for row, line in enumerate(PLAN_HELP):
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
    sheet.write_comment(row, 1, "Écrit par suivi-excel : relie ce plan à son historique, même si vous "
                        "corrigez son titre ou la municipalité. Ne le modifiez pas.", {"x_scale": 2, "y_scale": 1.2})
    sheet.protect("", {"insert_rows": True, "delete_rows": True, "format_cells": True,
                       "format_columns": True, "format_rows": True})


CHECKS_SHEET = "À vérifier"
_CHECKS_HEADERS = (("Vérifié", 8), ("Importance", 13), ("Où, dans le plan adopté", 26), ("No", 9),
                   ("Ce que l'importation a compris", 58), ("Texte lu", 44))
TO_CORRECT, TO_CONFIRM = "À corriger ?", "À confirmer"
BOX, TICKED = "☐", "☑"


def _checks_sheet(sheet, checks: Sequence[Sequence], header, wrap) -> None:
    """What an import interpreted, one line each, for the coordinator to check before `generer`: what
    probably needs a correction first, each with a box to tick."""
    for col, (title, width) in enumerate(_CHECKS_HEADERS):
        sheet.write_string(0, col, title, header)
        sheet.set_column(col, col, width, wrap)
    widths = [width for _title, width in _CHECKS_HEADERS]
    for row, check in enumerate(checks, start=1):
        where, number, what, text, *rest = check
        probable = bool(rest and rest[0])
        values = (BOX, TO_CORRECT if probable else TO_CONFIRM, where, number, what, text)
        for col, value in enumerate(values):
            if value:
                sheet.write_string(row, col, str(value), wrap)
        height = row_height([str(v) for v in values], widths)  # spreadsheets do not grow wrapped rows
        if height:
            sheet.set_row(row, height)
    sheet.data_validation(1, 0, max(len(checks), 1), 0, {
        "validate": "list", "source": [BOX, TICKED], "input_title": "Vérifié",
        "input_message": f"Choisissez {TICKED} une fois la ligne vérifiée (et le plan corrigé s'il le faut)."})
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(checks), 1), len(_CHECKS_HEADERS) - 1)
    # printed to be checked with a pen: one page wide, the header on each page
    sheet.set_row(0, printing.header_height([title for title, _width in _CHECKS_HEADERS], widths))
    printing.setup(sheet, widths, header_rows=1)
    sheet.activate()
