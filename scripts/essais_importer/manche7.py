"""Seventh round, written after the eleventh landing, run before any change to the code (see manche1)."""
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent)); sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests"))
from manche1 import measure, total
from conftest import soffice_convert
import openpyxl, docx
from docx.shared import Cm
from docx.enum.section import WD_ORIENT

OUT = Path(sys.argv[1]); OUT.mkdir(parents=True, exist_ok=True)
AXES21 = {"1": "Axe 1 : Loisirs et culture", "2": "Axe 2 : Sécurité et transport"}
H21 = [  # axe no, action, resp, years text, years
 ("1", "Ouvrir la piscine municipale une heure de plus le soir", "Loisirs", "2025", (2025, 2025)),
 ("1", "Acheter des livres en gros caractères", "Bibliothèque", "2025-2026", (2025, 2026)),
 ("1", "Organiser un festival familial d'hiver", "Loisirs", "2026-2027", (2026, 2027)),
 ("2", "Implanter une zone scolaire à 30 km/h", "Travaux publics", "2025", (2025, 2025)),
 ("2", "Offrir un taxi collectif pour les rendez-vous médicaux", "Direction générale", "2026", (2026, 2026)),
]
def h21(path):
    d = docx.Document()
    d.add_heading("Plan d'action MADA 2025-2027 de la Municipalité de Lac-Vert", 0)
    for k, v in AXES21.items(): d.add_paragraph(v)
    t = d.add_table(rows=1, cols=4); t.style = "Table Grid"
    for c, h in enumerate(["Axe", "Action", "Responsable", "Échéancier"]): t.cell(0, c).text = h
    for a in H21:
        cells = t.add_row().cells
        for c, v in enumerate([a[0], a[1], a[2], a[3]]): cells[c].text = v
    d.save(path); return path
def h21_truth():
    return {a[1]: {"Axe": AXES21[a[0]], "Service responsable": a[2], "Début": a[4][0], "Fin": a[4][1]} for a in H21}

H22 = [  # action, resp, marks per year 2025..2028, years
 ("Refaire le terrain de soccer", "Travaux publics", ["", "Été", "", ""], (2026, 2026)),
 ("Tenir des cafés-rencontres pour proches aidants", "Loisirs", ["T2", "T2", "T2", ""], (2025, 2027)),
 ("Publier un guide des aînés", "Communications", ["", "", "Printemps", ""], (2027, 2027)),
 ("Adapter le chalet du parc aux fauteuils roulants", "Travaux publics", ["", "", "X", "X"], (2027, 2028)),
]
def h22(path):
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["Ville de Port-Joly — plan d'action des aînés 2025-2028"])
    ws.append(["Axe : Milieu de vie"])
    ws.append(["Action", "Porteur", "2025", "2026", "2027", "2028"])
    for act, resp, marks, yrs in H22: ws.append([act, resp] + [m or None for m in marks])
    wb.save(path); return path
def h22_truth():
    return {a[0]: {"Axe": "Axe : Milieu de vie", "Service responsable": a[1], "Début": a[3][0], "Fin": a[3][1]} for a in H22}

H23 = [  # objectif, action, porteur, collaborateurs, echeance, indicateur, years, axe heading
 ("Axe A — Alimentation", "Favoriser l'accès à une saine alimentation", "Implanter un jardin collectif derrière l'hôtel de ville", "Environnement", "Maison de la famille", "2025", "Nombre de jardiniers", (2025, 2025)),
 ("Axe A — Alimentation", "Favoriser l'accès à une saine alimentation", "Offrir des ateliers de cuisine économique", "Loisirs", "Cuisines collectives", "2026-2027", "Ateliers offerts", (2026, 2027)),
 ("Axe B — Information", "Mieux faire connaître les services", "Produire une carte des services aux familles", "Communications", "", "2025", "Carte distribuée", (2025, 2025)),
]
def h23(path):
    d = docx.Document()
    d.add_heading("Politique familiale — Plan d'action 2025-2027", 0)
    d.add_paragraph("Municipalité de Saint-Adolphe")
    axe = None
    for n, a in enumerate(H23, start=1):
        if a[0] != axe:
            axe = a[0]; d.add_heading(axe, 1)
            t = d.add_table(rows=0, cols=2); t.style = "Table Grid"
        r = t.add_row().cells; r[0].merge(r[1]).text = f"Fiche-action {n}"
        for label, value in (("Objectif spécifique", a[1]), ("Moyen d'action", a[2]), ("Porteur", a[3]),
                             ("Collaborateurs", a[4]), ("Échéance", a[5]), ("Indicateur de résultat", a[6])):
            r = t.add_row().cells; r[0].text = label; r[1].text = value
    d.save(path); return path
def h23_truth():
    return {a[2]: {"Axe": a[0], "Objectif": a[1], "Service responsable": a[3], "Partenaires": a[4], "Début": a[7][0], "Fin": a[7][1]} for a in H23}

if __name__ == "__main__":
    res = [measure("H21 word axe numbers in the table, names in paragraphs", h21(OUT / "h21.docx"), h21_truth()),
           measure("H22 excel year columns marked by season or quarter", h22(OUT / "h22.xlsx"), h22_truth()),
           measure("H23 word fiches stacked in one table per axe", h23(OUT / "h23.docx"), h23_truth())]
    if "--pdf" in sys.argv:
        res.append(measure("H24 pdf of H23", soffice_convert(OUT / "h23.docx", OUT / "pdf", "pdf"), h23_truth()))
    total(res)
