"""Sixth round, written after the tenth landing, run before any change to the code (see manche1)."""
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent)); sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests"))
from manche1 import measure, total
from conftest import soffice_convert
import openpyxl, docx
from docx.shared import Cm
from docx.enum.section import WD_ORIENT

OUT = Path(sys.argv[1]); OUT.mkdir(parents=True, exist_ok=True)
H17 = [  # no, axe, objectif, action, responsable, partenaires written, expected partners, echeancier, years
 ("1", "Sécurité", "Prévenir les incendies", "Visiter les domiciles des aînés seuls pour vérifier les avertisseurs", "Service de sécurité incendie", "—", "", "2025-2026", (2025, 2026)),
 ("2", "Sécurité", "Prévenir les incendies", "Distribuer des avertisseurs de fumée aux ménages à faible revenu", "Service de sécurité incendie", "Croix-Rouge", "Croix-Rouge", "2025", (2025, 2025)),
 ("3", "Sécurité", "Sécuriser les parcs", "Éclairer le sentier du parc des Pins", "Travaux publics", "—", "", "2026", (2026, 2026)),
 ("4", "Habitation", "Soutenir les propriétaires aînés", "Informer sur le crédit d'impôt pour le maintien à domicile", "Trésorerie", "Revenu Québec", "Revenu Québec", "2025-2027", (2025, 2027)),
 ("5", "Habitation", "Soutenir les propriétaires aînés", "Réduire les frais de permis pour l'adaptation d'un logement", "Urbanisme", "—", "", "2026", (2026, 2026)),
 ("6", "Habitation", "Accroître l'offre locative", "Céder un terrain pour un projet de logements abordables", "Conseil municipal", "Office d'habitation, Coopérative Le Toit", "Office d'habitation, Coopérative Le Toit", "2027", (2027, 2027)),
]
def h17(path):
    d = docx.Document()
    sec = d.sections[0]; sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = sec.page_height, sec.page_width
    d.add_heading("Ville de Beaumont-sur-Lac", 1)
    d.add_paragraph("Tableau synthèse du plan d'action MADA 2025-2027")
    t = d.add_table(rows=1, cols=7); t.style = "Table Grid"
    for c, h in enumerate(["No", "Axe", "Objectif", "Action", "Responsable", "Partenaires", "Échéancier"]): t.cell(0, c).text = h
    start = {}
    for i, a in enumerate(H17, start=1):
        cells = t.add_row().cells
        for c, v in enumerate([a[0], a[1], a[2], a[3], a[4], a[5], a[7]]): cells[c].text = v
    for col in (1, 2):  # merge identical runs down
        r = 1
        while r <= len(H17):
            e = r
            while e < len(H17) and H17[e][col] == H17[r - 1][col]: e += 1
            if e > r:
                m = t.cell(r, col).merge(t.cell(e, col)); m.text = H17[r - 1][col]
            r = e + 1
    w = [1.2, 2.6, 4, 7, 3.6, 3.6, 2.2]  # fits the landscape page (the first run overflowed it)
    for c, col in enumerate(t.columns): col.width = Cm(w[c])
    for row in t.rows:
        for c, cell in enumerate(row.cells): cell.width = Cm(w[c])
    d.save(path); return path
def h17_truth():
    return {a[3]: {"No": a[0], "Axe": a[1], "Objectif": a[2], "Service responsable": a[4], "Partenaires": a[6], "Début": a[8][0], "Fin": a[8][1]} for a in H17}

H18 = [  # objectif block, action, resp, ech code, years
 ("Objectif 1.1 : Faciliter l'accès aux services", "Ouvrir un guichet unique d'information pour les familles", "Communications", "CT", (2025, 2025)),
 ("Objectif 1.1 : Faciliter l'accès aux services", "Offrir le paiement des taxes en ligne", "Trésorerie", "MT", (2026, 2027)),
 ("Objectif 1.2 : Accueillir la petite enfance", "Agrandir la halte-garderie du centre communautaire", "Loisirs", "LT", (2028, 2028)),
 ("Objectif 1.2 : Accueillir la petite enfance", "Aménager un vestiaire familial à l'aréna", "Loisirs", "MT", (2026, 2027)),
 ("Objectif 1.3 : Soutenir les proches aidants", "Créer une halte-répit en partenariat", "Direction générale", "CT", (2025, 2025)),
]
def h18(path):
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Axe 1 Services aux familles"
    ws.append(["AXE 1 — SERVICES AUX FAMILLES"]); ws.append([])
    obj = None
    for o, act, resp, ech, yrs in H18:
        if o != obj:
            obj = o
            ws.append([o]); ws.append(["Action", "Responsable", "Échéancier"])
        ws.append([act, resp, ech])
    ws.append([]); ws.append(["Légende : CT = court terme (2025) ; MT = moyen terme (2026-2027) ; LT = long terme (2028)"])
    wb.save(path); return path
def h18_truth():
    return {a[1]: {"Axe": "AXE 1 — SERVICES AUX FAMILLES", "Objectif": a[0], "Service responsable": a[2], "Début": a[4][0], "Fin": a[4][1]} for a in H18}

if __name__ == "__main__":
    s17 = h17(OUT / "h17.docx")
    res = [measure("H17 word synthesis table, axe and objective merged down, dash for none", s17, h17_truth()),
           measure("H18 excel header repeated per objective block, CT/MT/LT legend", h18(OUT / "h18.xlsx"), h18_truth())]
    if "--pdf" in sys.argv:
        res.append(measure("H19 pdf of H17", soffice_convert(s17, OUT / "pdf", "pdf"), h17_truth()))
    total(res)
