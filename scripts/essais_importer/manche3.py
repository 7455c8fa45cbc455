"""Third holdout, written after the fourth landing, measured before any change to the code."""
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent)); sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests"))
from manche1 import measure, total
from conftest import soffice_convert
import openpyxl, docx
from docx.shared import Cm
from docx.enum.section import WD_ORIENT

OUT = Path(sys.argv[1]); OUT.mkdir(parents=True, exist_ok=True)
SERVICES = ["Loisirs", "Travaux publics", "Urbanisme", "Communications"]
H7 = [  # axe, action, R service, P services, years
 ("Loisirs et culture", "Prolonger les heures d'ouverture de la bibliothèque", "Loisirs", ["Communications"], "2025"),
 ("Loisirs et culture", "Aménager une halte-vélo au parc riverain", "Travaux publics", ["Loisirs"], "2026"),
 ("Loisirs et culture", "Créer un circuit patrimonial", "Loisirs", ["Urbanisme", "Communications"], "2026-2027"),
 ("Aménagement", "Planter 200 arbres dans les quartiers résidentiels", "Travaux publics", [], "2025-2027"),
 ("Aménagement", "Adopter un règlement sur les clôtures de piscine", "Urbanisme", ["Communications"], "2025"),
 ("Aménagement", "Ajouter des supports à vélo devant l'hôtel de ville", "Travaux publics", [], "2027"),
]
def h7(path):
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Plan"
    ws.append(["Plan d'action de la politique familiale 2025-2027 — Ville de Rivière-Claire"])
    ws.append(["Axe", "Action", "Échéance"] + SERVICES)
    ws.append(["", "", ""] + ["R = responsable, P = partenaire"] + [""] * 3)
    for axe, act, r, ps, ech in H7:
        ws.append([axe, act, ech] + ["R" if s == r else "P" if s in ps else "" for s in SERVICES])
    wb.save(path); return path
def yrs(t):
    p = [int(x) for x in t.split("-")]; return p[0], p[-1]
def h7_truth():
    return {a: {"Axe": axe, "Service responsable": r, "Partenaires": "; ".join(ps), "Début": yrs(e)[0], "Fin": yrs(e)[1]}
            for axe, a, r, ps, e in H7}

H8 = [  # heading axe, objectif heading, "n action", resp, collaborateurs(list), annees, (s,e)
 ("Loisirs, culture et vie communautaire", "Objectif : Offrir des loisirs abordables", "1.1", "Réduire les frais d'inscription au camp de jour pour le deuxième enfant", "Service des loisirs", ["Maison des jeunes"], "2025, 2026", (2025, 2026)),
 ("Loisirs, culture et vie communautaire", "Objectif : Offrir des loisirs abordables", "1.2", "Ouvrir le gymnase de l'école les soirs de semaine", "Service des loisirs", ["Centre de services scolaire", "Club de basketball"], "2026", (2026, 2026)),
 ("Loisirs, culture et vie communautaire", "Objectif : Animer les quartiers", "1.3", "Tenir une fête de quartier chaque été", "Service des loisirs", ["Comité des citoyens"], "2025, 2026, 2027", (2025, 2027)),
 ("Environnement et milieux de vie", "Objectif : Verdir la municipalité", "2.1", "Distribuer des arbres aux familles lors du Mois de l'arbre", "Service de l'environnement", ["Association forestière"], "2025", (2025, 2025)),
 ("Environnement et milieux de vie", "Objectif : Verdir la municipalité", "2.2", "Créer un jardin communautaire intergénérationnel", "Service de l'environnement", ["FADOQ", "École primaire des Cèdres"], "2026, 2027", (2026, 2027)),
 ("Environnement et milieux de vie", "Objectif : Réduire les déchets", "2.3", "Offrir des couches lavables subventionnées", "Service de l'environnement", [], "2025, 2026, 2027", (2025, 2027)),
]
def h8(path):
    d = docx.Document()
    sec = d.sections[0]; sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = sec.page_height, sec.page_width
    d.add_heading("Municipalité de Saint-Colomban-des-Rives", 0)
    d.add_paragraph("Plan d'action de la Politique familiale 2025-2027")
    axe = obj = None; t = None
    for a in H8:
        if a[0] != axe:
            axe = a[0]; d.add_heading(axe, 1); obj = None
        if a[1] != obj:
            obj = a[1]; d.add_heading(obj, 2)
            t = d.add_table(rows=1, cols=4); t.style = "Table Grid"
            for c, h in enumerate(["Actions", "Responsable", "Collaborateurs", "Année(s)"]): t.cell(0, c).text = h
        cells = t.add_row().cells
        cells[0].text = f"{a[2]} {a[3]}"; cells[1].text = a[4]; cells[2].text = "\n".join(a[5]); cells[3].text = a[6]
        t.autofit = False
        for c, col in enumerate(t.columns): col.width = Cm([10, 5, 5, 3][c])
        for row in t.rows:
            for c, cell in enumerate(row.cells): cell.width = Cm([10, 5, 5, 3][c])
    d.save(path); return path
def h8_truth():
    return {f"{a[2]} {a[3]}": {"Axe": a[0], "Objectif": a[1], "Service responsable": a[4], "Partenaires": "; ".join(a[5]),
                               "Début": a[7][0], "Fin": a[7][1]} for a in H8}

H9 = [
 ("A-1", "Habitation", "Inventorier les terrains propices au logement abordable", "Urbanisme", "Office d'habitation", 2025, 2025, 0, "En cours"),
 ("A-2", "Habitation", "Adopter un programme d'aide à la rénovation", "Urbanisme", "", 2026, 2027, 50000, "Non débutée"),
 ("B-1", "Sécurité", "Former les citoyens aux premiers soins", "Sécurité incendie", "Croix-Rouge", 2025, 2027, 8000, "En cours"),
 ("B-2", "Sécurité", "Éclairer le stationnement de l'aréna", "Travaux publics", "", 2025, 2025, 22000, "Réalisée"),
 ("C-1", "Communication", "Refaire le site Web municipal en langage clair", "Communications", "Firme externe", 2026, 2026, 30000, "Non débutée"),
]
def h9(path):
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Export"
    ws.append(["Numéro", "Axe d'intervention", "Mesure", "Service(s) responsable(s)", "Partenaires", "Année de début", "Année de fin", "Budget ($)", "État"])
    for r in H9: ws.append(list(r))
    wb.save(path); return path
def h9_truth():
    return {r[2]: {"No": r[0], "Axe": r[1], "Service responsable": r[3], "Partenaires": r[4], "Début": r[5], "Fin": r[6]} for r in H9}

if __name__ == "__main__":
    res = [measure("H7 excel R/P matrix", h7(OUT / "h7.xlsx"), h7_truth()),
           measure("H8 word headings, numbers in action text", h8(OUT / "h8.docx"), h8_truth()),
           measure("H9 excel database export", h9(OUT / "h9.xlsx"), h9_truth())]
    if "--pdf" in sys.argv:
        res.append(measure("H10 pdf of H8", soffice_convert(OUT / "h8.docx", OUT / "pdf", "pdf"), h8_truth()))
    total(res)
