"""Write adopted plans the way municipalities publish them: a Word document, its PDF, an Excel table
laid out for printing. They feed `suivi-excel importer` in the tests and in `modeles/`.

Run: python scripts/plan_adopte.py   (writes modeles/plan-adopte.docx, .pdf and -imprimable.xlsx
from the example plan of scripts/plan_exemple.py; the PDF needs LibreOffice)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import xlsxwriter

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

# An action as the council adopted it: what the document shows, in its own words.
#   no, axe, objectif, action, responsable (as written), partenaires, echeancier (as written),
#   indicateur, budget (as written); `years` for the ticked layout.
Action = dict


def write_word(path: Path, title: str, subtitle: str, actions: Sequence[Action], numbered: bool = True,
               note: str = "") -> Path:
    """A Word plan: the title, then for each axe a heading and a table whose objective cells are merged
    down (landscape, as plans are printed)."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.5))
    document.add_heading(title, 0)
    document.add_paragraph(subtitle)
    headers = (["N°"] if numbered else []) + ["Objectif spécifique", "Moyen d'action", "Responsable(s)",
                                               "Collaborateurs", "Échéancier", "Indicateurs", "Budget"]
    widths = ([1.5] if numbered else []) + [3.8, 5.4, 4.4, 3.0, 2.2, 3.2, 2.5]
    for axe in dict.fromkeys(a["axe"] for a in actions):
        document.add_heading(axe, 1)
        rows = [a for a in actions if a["axe"] == axe]
        table = document.add_table(rows=1 + len(rows), cols=len(headers))
        table.style = "Table Grid"
        table.autofit = False
        for col, text in enumerate(headers):
            table.cell(0, col).text = text
        for r, action in enumerate(rows, start=1):
            values = ([action["no"]] if numbered else []) + [action["objectif"], action["action"],
                                                              action["responsable"], action.get("partenaires", ""),
                                                              action["echeancier"], action.get("indicateur", ""),
                                                              action.get("budget", "")]
            for col, text in enumerate(values):
                table.cell(r, col).text = text
        objective_col = 1 if numbered else 0
        start = 1
        while start <= len(rows):
            end = start
            while end < len(rows) and rows[end]["objectif"] == rows[start - 1]["objectif"]:
                end += 1
            if end > start:
                merged = table.cell(start, objective_col).merge(table.cell(end, objective_col))
                merged.text = rows[start - 1]["objectif"]
            start = end + 1
        for col, column in enumerate(table.columns):  # LibreOffice reads the grid, Word the cells
            column.width = Cm(widths[col])
        for row in table.rows:
            for col, cell in enumerate(row.cells):
                cell.width = Cm(widths[col])
    if note:
        document.add_paragraph(note)
    document.save(str(path))
    return path


def to_pdf(document: Path, folder: Path) -> Path:
    """The PDF a municipality publishes, made from the Word document by LibreOffice Writer."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) est nécessaire pour écrire le PDF")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                        "--convert-to", "pdf", "--outdir", str(folder), str(document)], check=True,
                       capture_output=True, timeout=180, env={**os.environ, "HOME": profile})
    pdf = folder / (document.stem + ".pdf")
    if not pdf.exists():
        raise RuntimeError(f"LibreOffice n'a pas écrit {pdf}")
    return pdf


def write_printed_excel(path: Path, title: str, years: Sequence[int], sheets: dict[str, Sequence[Action]],
                        two_services_marker: str = " / ") -> Path:
    """An Excel plan laid out for printing: title rows, a two-row header with `Échéancier` merged over the
    year columns ticked with X, the axe merged down its rows, `Responsable(s)` naming one or two services.
    One sheet per clientele when `sheets` has several."""
    book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False})
    bold = book.add_format({"bold": True, "border": 1, "align": "center", "valign": "vcenter", "text_wrap": True,
                            "bg_color": "#DDEBF7"})
    cell = book.add_format({"border": 1, "valign": "top", "text_wrap": True})
    merged = book.add_format({"border": 1, "valign": "vcenter", "text_wrap": True, "bold": True})
    big = book.add_format({"bold": True, "font_size": 16})
    for name, actions in sheets.items():
        sheet = book.add_worksheet(name)
        sheet.set_landscape()
        sheet.fit_to_pages(1, 0)
        sheet.write_string(0, 0, title, big)
        sheet.write_string(1, 0, f"Clientèle : {name}")
        head = ["Axe d'intervention", "Objectif", "Mesure", "Responsable(s)", "Partenaires"]
        first_year_col = len(head)
        for col, text in enumerate(head):
            sheet.merge_range(3, col, 4, col, text, bold)
        sheet.merge_range(3, first_year_col, 3, first_year_col + len(years) - 1, "Échéancier", bold)
        for offset, year in enumerate(years):
            sheet.write_number(4, first_year_col + offset, year, bold)
        cost_col = first_year_col + len(years)
        sheet.merge_range(3, cost_col, 4, cost_col, "Coût estimé", bold)
        for col, width in enumerate([22, 26, 44, 24, 20] + [7] * len(years) + [12]):
            sheet.set_column(col, col, width)
        row = 5
        for axe in dict.fromkeys(a["axe"] for a in actions):
            rows = [a for a in actions if a["axe"] == axe]
            if len(rows) > 1:
                sheet.merge_range(row, 0, row + len(rows) - 1, 0, axe, merged)
            else:
                sheet.write_string(row, 0, axe, merged)
            for action in rows:
                values = [action["objectif"], action["action"], action["responsable"], action.get("partenaires", "")]
                for col, text in enumerate(values, start=1):
                    sheet.write_string(row, col, text, cell)
                for offset, year in enumerate(years):
                    mark = action.get("mark", "X") if year in action["years"] else ""
                    sheet.write_string(row, first_year_col + offset, mark, cell)
                sheet.write_string(row, cost_col, action.get("budget", ""), cell)
                row += 1
        sheet.write_string(row + 1, 0, "* Les coûts sont estimés et seront précisés chaque année.")
        sheet.repeat_rows(3, 4)
    book.close()
    return path


def example_actions() -> list[Action]:
    """The example plan of `modeles/plan-exemple.xlsx`, written as its adopted version would say it."""
    from plan_exemple import HEADERS, ROWS

    shared = {"1.4": "Service des travaux publics / Service de l'environnement et des parcs",
              "3.2": "Bibliothèque municipale Gabrielle-Roy et Service des loisirs, de la culture et de la vie "
                     "communautaire"}
    continuous = {"6.7", "5.1"}
    actions = []
    for row in ROWS:
        values = dict(zip(HEADERS, row))
        start, end = values["Début"], values["Fin"]
        if values["No"] in continuous:
            schedule = "En continu"
        elif start == end:
            schedule = str(start)
        else:
            schedule = f"{start}-{end}"
        budget = values["Budget prévu ($)"]
        actions.append({
            "no": values["No"], "axe": f"Axe {values['No'].split('.')[0]} — {values['Axe']}",
            "objectif": values["Objectif"], "action": values["Action"],
            "responsable": shared.get(values["No"], values["Service responsable"]),
            "partenaires": values["Partenaires"] or "", "echeancier": schedule,
            "indicateur": values["Indicateur"] or "", "budget": f"{budget:,.0f} $".replace(",", " ") if budget else "",
            "years": list(range(start, end + 1)), "clientele": values["Clientèle"],
        })
    return actions


def main() -> None:
    from plan_exemple import PARAMETERS

    folder = Path(__file__).resolve().parents[1] / "modeles"
    actions = example_actions()
    title = f"{PARAMETERS['Titre du plan']} — {PARAMETERS['Municipalité']}"
    word = write_word(folder / "plan-adopte.docx", title, "Adopté par le conseil municipal le 14 avril 2025.",
                      actions, note="Les échéances et les coûts sont indicatifs.")
    pdf = to_pdf(word, folder)
    families = [a for a in actions if "Familles" in a["clientele"]]
    elders = [a for a in actions if a["clientele"] == "Aînés"]
    excel = write_printed_excel(folder / "plan-adopte-imprimable.xlsx", title, range(2025, 2029),
                                {"Familles": families, "Aînés": elders})
    print(f"{word}, {pdf}, {excel} : {len(actions)} actions")


if __name__ == "__main__":
    main()
