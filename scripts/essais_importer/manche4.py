"""Fourth holdout, written after the sixth landing, measured before any change to the code."""
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent)); sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests"))
from manche1 import measure, total
from conftest import soffice_convert
import openpyxl, docx
from docx.shared import Cm
from docx.enum.section import WD_ORIENT

OUT = Path(sys.argv[1]); OUT.mkdir(parents=True, exist_ok=True)
SLCVC = "Service des loisirs, de la culture et de la vie communautaire"
H11 = [  # axe, objectif, action, responsable written, lead, partners written, expected partners, echeance, years
 ("Loisirs et culture", "1.1 Diversifier l'offre culturelle", "Présenter des films en plein air l'été", SLCVC, SLCVC, "Cinéma Le Paradis", "Cinéma Le Paradis", "Été 2025", (2025, 2025)),
 ("Loisirs et culture", "1.1 Diversifier l'offre culturelle", "Accueillir une exposition itinérante à la bibliothèque", SLCVC, SLCVC, "Musée régional et Société d'histoire", "Musée régional et Société d'histoire", "Automne 2026", (2026, 2026)),
 ("Loisirs et culture", "1.2 Rendre les loisirs abordables", "Créer une carte loisirs familiale à tarif réduit", SLCVC + " / Trésorerie", SLCVC, "", "Trésorerie", "Janvier 2026", (2026, 2026)),
 ("Vie communautaire", "2.1 Soutenir l'entraide", "Appuyer le comptoir vestimentaire par un local gratuit", "Direction générale", "Direction générale", "Comptoir vestimentaire", "Comptoir vestimentaire", "2025-2027", (2025, 2027)),
 ("Vie communautaire", "2.1 Soutenir l'entraide", "Promouvoir le bénévolat auprès des jeunes retraités", SLCVC, SLCVC, "Centre d'action bénévole", "Centre d'action bénévole", "2025-2026 (phase 1)", (2025, 2026)),
 ("Vie communautaire", "2.2 Accueillir les nouveaux arrivants", "Organiser une soirée d'accueil annuelle", "Communications", "Communications", "", "", "Annuel", (2025, 2027)),
 ("Vie communautaire", "2.2 Accueillir les nouveaux arrivants", "Remettre une pochette d'accueil aux nouvelles familles", "Communications", "Communications", "Chambre de commerce", "Chambre de commerce", "2025", (2025, 2025)),
]
def h11(path):
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Plan d'action"
    ws["B1"] = "Ville de Mont-Valois"; ws["B2"] = "Politique familiale — Plan d'action 2025-2027"
    ws.append([]); ws.append([])
    ws.append(["Axe", "Objectifs", "Actions à réaliser", "Responsable", "Partenaires", "Échéancier", "Budget"])
    start = {}
    for i, a in enumerate(H11):
        r = 6 + i
        ws.cell(r, 1, a[0] if a[0] not in start else None); start.setdefault(a[0], r)
        for c, v in enumerate([a[1], a[2], a[3], a[5], a[7], "Inclus au budget de fonctionnement"], start=2): ws.cell(r, c, v)
    # merge the axe vertically
    rows = {}
    for i, a in enumerate(H11): rows.setdefault(a[0], []).append(6 + i)
    for axe, rr in rows.items():
        ws.merge_cells(start_row=rr[0], start_column=1, end_row=rr[-1], end_column=1)
    wb.save(path); return path
def h11_truth():
    return {a[2]: {"Axe": a[0], "Objectif": a[1], "Service responsable": a[4], "Partenaires": a[6], "Début": a[8][0], "Fin": a[8][1]} for a in H11}

H12 = [  # axe section, objectif section, action, responsable, partenaires, debut, fin
 ("1. AÎNÉS ACTIFS", "1.1 Favoriser la participation", "Offrir des ateliers de cuisine intergénérationnels", "Loisirs", "Cuisines collectives", "2025", "2026"),
 ("1. AÎNÉS ACTIFS", "1.1 Favoriser la participation", "Tenir un salon des aînés", "Loisirs", "FADOQ", "2026", "2026"),
 ("1. AÎNÉS ACTIFS", "1.2 Lutter contre la maltraitance", "Former le personnel municipal au repérage de la maltraitance", "Ressources humaines", "CISSS", "2025", "2025"),
 ("2. SÉCURITÉ", "2.1 Rendre les rues sûres", "Réduire la limite de vitesse à 40 km/h dans les zones résidentielles", "Travaux publics", "", "2025", "2026"),
 ("2. SÉCURITÉ", "2.1 Rendre les rues sûres", "Ajouter des saillies de trottoir aux intersections achalandées", "Travaux publics", "Ministère des Transports", "2026", "2027"),
 ("2. SÉCURITÉ", "2.2 Prévenir les chutes", "Épandre des abrasifs en priorité près des résidences pour aînés", "Travaux publics", "", "2025", "2027"),
]
def h12(path):
    d = docx.Document()
    sec = d.sections[0]; sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = sec.page_height, sec.page_width
    d.add_heading("Plan d'action MADA 2025-2027", 0)
    d.add_paragraph("Municipalité de Sainte-Odile-sur-Rimouski")
    t = d.add_table(rows=2, cols=5); t.style = "Table Grid"
    for c, h in enumerate(["Action", "Responsable", "Partenaires", "Échéancier", ""]): t.cell(0, c).text = h
    t.cell(0, 3).merge(t.cell(0, 4)).text = "Échéancier"
    for c in range(3): t.cell(0, c).merge(t.cell(1, c))
    t.cell(1, 3).text = "Début"; t.cell(1, 4).text = "Fin"
    axe = obj = None
    for a in H12:
        if a[0] != axe:
            axe = a[0]; cells = t.add_row().cells; cells[0].merge(cells[4]).text = axe
        if a[1] != obj:
            obj = a[1]; cells = t.add_row().cells; cells[0].merge(cells[4]).text = obj
        cells = t.add_row().cells
        for c, v in enumerate([a[2], a[3], a[4], a[5], a[6]]): cells[c].text = v
    t.autofit = False
    w = [11, 4.5, 5, 2.2, 2.2]
    for c, col in enumerate(t.columns): col.width = Cm(w[c])
    for row in t.rows:
        for c, cell in enumerate(row.cells): cell.width = Cm(w[c])
    d.save(path); return path
def h12_truth():
    return {a[2]: {"Axe": a[0], "Objectif": a[1], "Service responsable": a[3], "Partenaires": a[4], "Début": int(a[5]), "Fin": int(a[6])} for a in H12}

if __name__ == "__main__":
    res = [measure("H11 excel long service names, seasons", h11(OUT / "h11.xlsx"), h11_truth()),
           measure("H12 word numbered section rows, Début|Fin under Échéancier", h12(OUT / "h12.docx"), h12_truth())]
    if "--pdf" in sys.argv:
        res.append(measure("H13 pdf of H12", soffice_convert(OUT / "h12.docx", OUT / "pdf", "pdf"), h12_truth()))
    total(res)
