"""Fifth round, written after the ninth landing, run before any change to the code (see manche1)."""
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent)); sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests"))
from manche1 import measure, total
from conftest import soffice_convert
import openpyxl, docx
from docx.shared import Cm
from docx.enum.section import WD_ORIENT

OUT = Path(sys.argv[1]); OUT.mkdir(parents=True, exist_ok=True)
H14 = [  # axe, action, resp, clientele, priorite, ticks or "En continu", years
 ("Saines habitudes de vie", "Installer des abreuvoirs dans les parcs", "Travaux publics", "Familles", "Haute", [2025], (2025, 2025)),
 ("Saines habitudes de vie", "Offrir des cours de natation gratuits aux 5-12 ans", "Loisirs", "Familles", "Moyenne", [2026, 2027], (2026, 2027)),
 ("Saines habitudes de vie", "Promouvoir les sentiers pédestres municipaux", "Communications", "Tous", "Moyenne", "En continu", (2025, 2027)),
 ("Participation citoyenne", "Créer un conseil municipal des jeunes", "Greffe", "Adolescents", "Haute", [2025, 2026], (2025, 2026)),
 ("Participation citoyenne", "Consulter les aînés sur l'aménagement du centre-ville", "Urbanisme", "Aînés", "Basse", [2027], (2027, 2027)),
 ("Participation citoyenne", "Diffuser les séances du conseil en direct", "Greffe", "Tous", "Moyenne", "En continu", (2025, 2027)),
]
def h14(path):
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "PFM-MADA"
    ws["B2"] = "Municipalité de Notre-Dame-des-Bois"; ws["B3"] = "Plan d'action PFM-MADA 2025-2027"
    ws["B5"] = "Document de travail adopté par résolution"
    hdr = ["Axe", "Action", "Responsable", "Clientèle visée", "Priorité", "2025", "2026", "2027"]
    for c, h in enumerate(hdr, start=2): ws.cell(8, c, h)
    r = 9
    for axe, act, resp, cli, pr, ticks, yrs in H14:
        for c, v in enumerate([axe, act, resp, cli, pr], start=2): ws.cell(r, c, v)
        if ticks == "En continu":
            ws.cell(r, 7, "En continu"); ws.merge_cells(start_row=r, start_column=7, end_row=r, end_column=9)
        else:
            for k, y in enumerate([2025, 2026, 2027]):
                if y in ticks: ws.cell(r, 7 + k, "X")
        r += 1
    wb.save(path); return path
def h14_truth():
    return {a[1]: {"Axe": a[0], "Service responsable": a[2], "Début": a[6][0], "Fin": a[6][1]} for a in H14}

H15 = [  # axe heading, objectif paragraph, quoi, qui, avec qui, quand, years
 ("AXE 1 — ENVIRONNEMENT", "Objectif 1 : Réduire les matières résiduelles", "Distribuer des bacs de compost domestique", "Environnement", "MRC", "2025", (2025, 2025)),
 ("AXE 1 — ENVIRONNEMENT", "Objectif 1 : Réduire les matières résiduelles", "Organiser une journée de réparation d'objets", "Environnement", "Ressourcerie", "2026", (2026, 2026)),
 ("AXE 1 — ENVIRONNEMENT", "Objectif 2 : Protéger les cours d'eau", "Revégétaliser les bandes riveraines du ruisseau", "Travaux publics", "Organisme de bassin versant", "2025-2027", (2025, 2027)),
 ("AXE 2 — CULTURE", "Objectif 3 : Faire vivre le patrimoine", "Installer des panneaux d'interprétation historique", "Loisirs et culture", "Société d'histoire", "2026", (2026, 2026)),
 ("AXE 2 — CULTURE", "Objectif 3 : Faire vivre le patrimoine", "Numériser les archives photographiques", "Greffe", "Bibliothèque", "2025-2026", (2025, 2026)),
]
def h15(path):
    d = docx.Document()
    sec = d.sections[0]; sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = sec.page_height, sec.page_width
    d.add_heading("Plan d'action 2025-2027", 0)
    d.add_paragraph("Municipalité de Val-Joli")
    axe = obj = None
    for a in H15:
        if a[0] != axe:
            axe = a[0]; d.add_heading(axe, 1)
        if a[1] != obj:
            obj = a[1]; d.add_paragraph(obj)
            t = d.add_table(rows=1, cols=4); t.style = "Table Grid"
            for c, h in enumerate(["Quoi?", "Qui?", "Avec qui?", "Quand?"]): t.cell(0, c).text = h
        cells = t.add_row().cells
        for c, v in enumerate([a[2], a[3], a[4], a[5]]): cells[c].text = v
        for c, col in enumerate(t.columns): col.width = Cm([11, 5, 6, 3][c])
        for row in t.rows:
            for c, cell in enumerate(row.cells): cell.width = Cm([11, 5, 6, 3][c])
    d.save(path); return path
def h15_truth():
    return {a[2]: {"Axe": a[0], "Objectif": a[1], "Service responsable": a[3], "Partenaires": a[4], "Début": a[6][0], "Fin": a[6][1]} for a in H15}

if __name__ == "__main__":
    res = [measure("H14 excel margin, priority, merged 'En continu' over year ticks", h14(OUT / "h14.xlsx"), h14_truth()),
           measure("H15 word Quoi? Qui? Quand?", h15(OUT / "h15.docx"), h15_truth())]
    if "--pdf" in sys.argv:
        res.append(measure("H16 pdf of H15", soffice_convert(OUT / "h15.docx", OUT / "pdf", "pdf"), h15_truth()))
    total(res)
