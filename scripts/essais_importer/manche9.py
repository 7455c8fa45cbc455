"""Ninth round, written after the thirteenth landing, run on the final code and NOT used to change it."""
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent)); sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests"))
from manche1 import measure, total
from conftest import soffice_convert
import openpyxl, docx
from docx.shared import Cm
from docx.enum.section import WD_ORIENT

OUT = Path(sys.argv[1]); OUT.mkdir(parents=True, exist_ok=True)
H28 = [  # axe, objectif, mesure, responsables written, lead, partners, annee
 ("Aménagement", "Rendre le village marchable", "Prolonger le trottoir de la rue de l'Église", "Travaux publics", "Travaux publics", "", 2025),
 ("Aménagement", "Rendre le village marchable", "Ajouter des bancs et de l'ombre sur la rue principale", "Travaux publics et Urbanisme", "Travaux publics", "Urbanisme", 2026),
 ("Aménagement", "Verdir les quartiers", "Planter des arbres fruitiers dans les parcs", "Urbanisme", "Urbanisme", "", 2026),
 ("Communication", "Informer les familles", "Publier un calendrier familial annuel", "Communications", "Communications", "", 2025),
 ("Communication", "Informer les familles", "Diffuser l'offre de loisirs par texto", "Loisirs et Communications", "Loisirs", "Communications", 2027),
 ("Communication", "Joindre les aînés isolés", "Distribuer un bulletin imprimé aux aînés", "Loisirs", "Loisirs", "", 2025),
]
def h28(path):
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Plan"
    ws.append(["Plan d'action MADA 2025-2027 — Municipalité de Saint-Éloi"])
    ws.append(["Axe", "Objectif", "Mesures", "Responsables", "Année de réalisation", "État d'avancement", "Commentaires"])
    for a in H28: ws.append([a[0], a[1], a[2], a[3], a[6], "À venir", ""])
    for col in (1, 2):
        start = 3
        for i in range(1, len(H28) + 1):
            if i == len(H28) or H28[i][col - 1] != H28[start - 3][col - 1]:
                if 3 + i - 1 > start: ws.merge_cells(start_row=start, start_column=col, end_row=3 + i - 1, end_column=col)
                start = 3 + i
    wb.save(path); return path
def h28_truth():
    return {a[2]: {"Axe": a[0], "Objectif": a[1], "Service responsable": a[4], "Partenaires": a[5], "Début": a[6], "Fin": a[6]} for a in H28}

H29 = [  # axe, objectif, action, porteur, partenaires, years
 ("CULTURE ET PATRIMOINE", "Faire connaître l'histoire locale", "Publier un livre sur l'histoire du village", "Bibliothèque", "Société d'histoire", [2026, 2027]),
 ("CULTURE ET PATRIMOINE", "Faire connaître l'histoire locale", "Organiser des visites guidées de l'église", "Loisirs", "Fabrique de la paroisse", [2025]),
 ("CULTURE ET PATRIMOINE", "Soutenir les artistes", "Prêter la salle communautaire aux artistes locaux", "Loisirs", "", [2025, 2026, 2027]),
 ("SANTÉ", "Améliorer l'accès aux soins", "Accueillir une infirmière de proximité une journée par semaine", "Direction générale", "CISSS", [2026, 2027]),
 ("SANTÉ", "Améliorer l'accès aux soins", "Installer un défibrillateur à l'aréna", "Sécurité incendie", "Fondation du cœur", [2025]),
]
def h29(path):
    d = docx.Document()
    sec = d.sections[0]; sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = sec.page_height, sec.page_width
    d.add_heading("Municipalité de Sainte-Brigitte — Plan d'action 2025-2027", 1)
    years = [2025, 2026, 2027]
    t = d.add_table(rows=2, cols=7); t.style = "Table Grid"
    t.cell(0, 0).merge(t.cell(1, 0)).text = "Objectif"
    t.cell(0, 1).merge(t.cell(1, 1)).text = "Action"
    t.cell(0, 2).merge(t.cell(0, 3)).text = "Responsabilité"
    t.cell(1, 2).text = "Porteur"; t.cell(1, 3).text = "Partenaires"
    t.cell(0, 4).merge(t.cell(0, 6)).text = "Échéancier"
    for k, y in enumerate(years): t.cell(1, 4 + k).text = str(y)
    axe = None
    for a in H29:
        if a[0] != axe:
            axe = a[0]; cells = t.add_row().cells; cells[0].merge(cells[6]).text = axe
        cells = t.add_row().cells
        for c, v in enumerate([a[1], a[2], a[3], a[4]]): cells[c].text = v
        for k, y in enumerate(years): cells[4 + k].text = "●" if y in a[5] else ""
    w = [5, 8, 3.5, 4, 1.4, 1.4, 1.4]
    for c, col in enumerate(t.columns): col.width = Cm(w[c])
    for row in t.rows:
        for c, cell in enumerate(row.cells): cell.width = Cm(w[c])
    d.save(path); return path
def h29_truth():
    return {a[2]: {"Axe": a[0], "Objectif": a[1], "Service responsable": a[3], "Partenaires": a[4], "Début": min(a[5]), "Fin": max(a[5])} for a in H29}

if __name__ == "__main__":
    res = [measure("H28 excel merged axe and objective, responsables joined by et", h28(OUT / "h28.xlsx"), h28_truth()),
           measure("H29 word Responsabilité over Porteur | Partenaires, year ticks", h29(OUT / "h29.docx"), h29_truth())]
    if "--pdf" in sys.argv:
        res.append(measure("H30 pdf of H29", soffice_convert(OUT / "h29.docx", OUT / "pdf", "pdf"), h29_truth()))
    total(res)
