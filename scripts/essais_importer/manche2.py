"""Second holdout: written after the code, measured before any change to the code."""
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent)); sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests"))
from manche1 import measure, total
from conftest import soffice_convert
import openpyxl, docx
from docx.shared import Cm
from docx.enum.section import WD_ORIENT
from openpyxl.styles import Font

OUT = Path(sys.argv[1]); OUT.mkdir(parents=True, exist_ok=True)

H4 = {  # sheet -> (axe title, rows: objectif, action, responsable written, lead, partners expected, echeancier, years)
 "Axe 1": ("AXE 1 – AMÉNAGEMENT DU TERRITOIRE", [
   ("Rendre les parcs accessibles", "Ajouter des toilettes accessibles au parc du Moulin", "Travaux publics", "Travaux publics", "", "Printemps 2026", (2026, 2026)),
   ("Rendre les parcs accessibles", "Installer des balançoires adaptées", "Loisirs", "Loisirs", "Fondation Jeunesse", "Été 2025 et 2026", (2025, 2026)),
   ("Densifier le noyau villageois", "Réviser le plan d'urbanisme pour le noyau villageois", "Urbanisme", "Urbanisme", "MRC", "2025-2026", (2025, 2026)),
 ]),
 "Axe 2": ("AXE 2 – SANTÉ ET SERVICES SOCIAUX", [
   ("Rapprocher les services", "Accueillir une clinique mobile de vaccination", "Direction générale", "Direction générale", "CISSS", "En cours", (2025, 2027)),
   ("Rapprocher les services", "Tenir une foire des ressources communautaires", "Loisirs", "Loisirs", "CISSS, Centre d'action bénévole", "2027", (2027, 2027)),
   ("Prévenir l'isolement", "Créer un réseau de sentinelles pour repérer les aînés isolés", "Direction générale", "Direction générale", "Travailleuse de milieu", "2026 et suivantes", (2026, 2027)),
 ]),
 "Axe 3": ("AXE 3 – COMMUNICATION", [
   ("Informer toutes les générations", "Envoyer une infolettre municipale mensuelle", "Communications", "Communications", "", "Dès 2025", (2025, 2027)),
   ("Informer toutes les générations", "Distribuer le calendrier municipal imprimé à chaque foyer", "Communications", "Communications", "", "Annuellement", (2025, 2027)),
 ]),
}

def h4(path):
    wb = openpyxl.Workbook(); first = True
    for name, (title, rows) in H4.items():
        ws = wb.active if first else wb.create_sheet(name); ws.title = name; first = False
        ws["A1"] = title; ws["A1"].font = Font(bold=True, size=13)
        ws.append([])
        ws.append(["Objectif", "Action", "Responsable", "Partenaire(s)", "Échéancier", "Budget", "Indicateur"])
        for obj, act, resp, lead, parts, ech, yrs in rows:
            ws.append([obj, act, resp, parts, ech, "10 000 $", "Réalisé ou non"])
    cover = wb.create_sheet("Présentation", 0)
    cover["A1"] = "Plan d'action MADA 2025-2027"; cover["A2"] = "Municipalité de Lac-aux-Hérons"
    wb.save(path); return path

def h4_truth():
    t = {}
    for name, (title, rows) in H4.items():
        for obj, act, resp, lead, parts, ech, (s, e) in rows:
            t[act] = {"Axe": title, "Objectif": obj, "Service responsable": lead, "Partenaires": parts, "Début": s, "Fin": e}
    return t

H5 = [  # axe, objectif, action, porteur, partenaires, echeancier, years, cout
 ("Famille et petite enfance", "Soutenir les jeunes familles", "Offrir une trousse de bienvenue aux nouveaux parents", "Loisirs", "CLSC", "An 1", (2024, 2024), "2 000 $"),
 ("Famille et petite enfance", "Soutenir les jeunes familles", "Aménager un coin allaitement à l'hôtel de ville", "Direction générale", "", "An 2-3", (2025, 2026), "1 500 $"),
 ("Famille et petite enfance", "Favoriser le jeu libre", "Installer un module de jeux pour les 2 à 5 ans", "Travaux publics", "Comité de parents", "An 1 à 3", (2024, 2026), "45 000 $"),
 ("Aînés actifs", "Maintenir les aînés en forme", "Offrir des cours de Viactive au centre communautaire", "Loisirs", "FADOQ", "An 1", (2024, 2024), "3 000 $"),
 ("Aînés actifs", "Maintenir les aînés en forme", "Prêter des bâtons de marche à la bibliothèque", "Bibliothèque", "", "An 2", (2025, 2025), "800 $"),
 ("Aînés actifs", "Faciliter les déplacements", "Ajouter des bancs le long de la rue Principale", "Travaux publics", "", "An 3", (2026, 2026), "12 000 $"),
]

def h5(path):
    d = docx.Document()
    sec = d.sections[0]; sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = sec.page_height, sec.page_width
    d.add_paragraph("Municipalité de Saint-Firmin").runs[0].bold = True
    d.add_heading("Politique familiale et des aînés — Plan d'action 2024-2026", 0)
    widths = [4.5, 7.0, 3.5, 3.5, 2.5, 2.5]
    for axe in dict.fromkeys(a[0] for a in H5):
        rows = [a for a in H5 if a[0] == axe]
        t = d.add_table(rows=2, cols=6); t.style = "Table Grid"
        t.cell(0, 0).merge(t.cell(0, 5)).text = axe.upper()
        for c, h in enumerate(["Objectifs", "Actions", "Porteur", "Partenaires", "Échéancier", "Coût"]): t.cell(1, c).text = h
        for a in rows:
            cells = t.add_row().cells
            for c, v in enumerate([a[1], a[2], a[3], a[4], a[5], a[7]]): cells[c].text = v
        total = sum(int(a[7].replace(" $", "").replace(" ", "")) for a in rows)
        cells = t.add_row().cells
        cells[0].text = "Total"; cells[5].text = f"{total:,} $".replace(",", " ")
        t.autofit = False
        for c, col in enumerate(t.columns): col.width = Cm(widths[c])
        for row in t.rows:
            for c, cell in enumerate(row.cells): cell.width = Cm(widths[c])
        d.add_paragraph("")
    d.add_paragraph("An 1 : 2024 — An 2 : 2025 — An 3 : 2026")
    d.save(path); return path

def h5_truth():
    return {a[2]: {"Axe": a[0].upper(), "Objectif": a[1], "Service responsable": a[3], "Partenaires": a[4],
                   "Début": a[6][0], "Fin": a[6][1]} for a in H5}

if __name__ == "__main__":
    res = [measure("H4 excel sheet per axe", h4(OUT / "h4.xlsx"), h4_truth())]
    s5 = h5(OUT / "h5.docx"); res.append(measure("H5 word title row inside table", s5, h5_truth()))
    if "--pdf" in sys.argv:
        res.append(measure("H6 pdf of H5", soffice_convert(s5, OUT / "pdf", "pdf"), h5_truth()))
    total(res)
