"""Layouts `importer` was not written for, and the share of their actions it reads right cell for cell.

Four rounds (manche1 … manche4), each written after a landing of issue 19 and run before any change
to the code; the mechanisms each round revealed were then built and its layouts joined the tests, so
they are no longer unseen. Run: python scripts/essais_importer/manche4.py DOSSIER [--pdf]
(--pdf also reads the PDF LibreOffice makes of the Word layout). Each prints, per layout, the actions
right, every wrong one with its cells and whether `À vérifier` names it first (`À corriger ?`).
"""
import sys, subprocess, tempfile, os, shutil
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests"))
from conftest import run, sheet, soffice_convert
import openpyxl, docx
from docx.shared import Cm
from openpyxl.styles import Font

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/holdout/out"); OUT.mkdir(parents=True, exist_ok=True)

# H1: Excel, orientations as merged section rows, objective merged down, Échéance in words
H1 = [  # orientation, objectif, action, porteur(written), lead, partners(written->expected), echeance, (start,end)
 ("ORIENTATION 1 : Habitation", "Favoriser le maintien à domicile", "Diffuser le programme RénoRégion auprès des aînés", "Urbanisme", "Urbanisme", "MRC", "2026", (2026, 2026)),
 ("ORIENTATION 1 : Habitation", "Favoriser le maintien à domicile", "Répertorier les logements adaptés disponibles", "Urbanisme", "Urbanisme", "", "2025-2026", (2025, 2026)),
 ("ORIENTATION 1 : Habitation", "Diversifier l'offre de logements", "Modifier le zonage pour permettre les maisons bigénérationnelles", "Conseil municipal / Urbanisme", "Conseil municipal", "Urbanisme", "2027", (2027, 2027)),
 ("ORIENTATION 2 : Participation sociale", "Briser l'isolement", "Créer un programme de visites d'amitié", "Loisirs et culture", "Loisirs et culture", "Centre d'action bénévole, FADOQ", "2025 à 2027", (2025, 2027)),
 ("ORIENTATION 2 : Participation sociale", "Briser l'isolement", "Organiser une journée des aînés chaque automne", "Loisirs et culture", "Loisirs et culture", "Club de l'âge d'or", "Continu", (2025, 2028)),
 ("ORIENTATION 2 : Participation sociale", "Reconnaître l'engagement bénévole", "Souligner l'apport des bénévoles lors d'un souper annuel", "Direction générale", "Direction générale", "", "Annuel", (2025, 2028)),
 ("ORIENTATION 2 : Participation sociale", "Reconnaître l'engagement bénévole", "Publier un portrait de bénévole dans chaque bulletin municipal", "Communications", "Communications", "", "2026-2028", (2026, 2028)),
 ("ORIENTATION 3 : Transport et mobilité", "Faciliter les déplacements", "Évaluer un service de transport collectif vers la ville-centre", "Direction générale", "Direction générale", "MRC, Transport adapté", "2026", (2026, 2026)),
 ("ORIENTATION 3 : Transport et mobilité", "Faciliter les déplacements", "Déneiger en priorité les trottoirs près des résidences pour aînés", "Travaux publics", "Travaux publics", "", "2025", (2025, 2025)),
 ("ORIENTATION 3 : Transport et mobilité", "Sécuriser les traverses", "Installer des feux à décompte numérique", "Travaux publics", "Travaux publics", "Ministère des Transports", "2027-2028", (2027, 2028)),
 ("ORIENTATION 4 : Communication", "Mieux informer", "Distribuer un bottin des ressources pour aînés", "Communications", "Communications", "CISSS", "2025", (2025, 2025)),
 ("ORIENTATION 4 : Communication", "Mieux informer", "Offrir des ateliers d'initiation aux outils numériques", "Bibliothèque", "Bibliothèque", "École secondaire", "2026-2027", (2026, 2027)),
]

def h1(path):
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Plan MADA"
    ws["A1"] = "Municipalité de Sainte-Aurélie"; ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Plan d'action Municipalité amie des aînés 2025-2028"
    ws.append([])
    ws.append(["Objectifs spécifiques", "Moyens d'action", "Porteur du dossier", "Collaborateurs", "Échéance", "Ressources"])
    r = 5; orient = None; obj_start = None; prev_obj = None
    for o, obj, act, por, lead, parts, ech, yrs in H1:
        if o != orient:
            if obj_start is not None and r - 1 > obj_start: ws.merge_cells(start_row=obj_start, start_column=1, end_row=r - 1, end_column=1)
            ws.cell(r, 1, o); ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6); r += 1
            orient = o; obj_start = None; prev_obj = None
        if obj != prev_obj:
            if obj_start is not None and r - 1 > obj_start: ws.merge_cells(start_row=obj_start, start_column=1, end_row=r - 1, end_column=1)
            ws.cell(r, 1, obj); obj_start = r; prev_obj = obj
        for c, v in enumerate([act, por, parts, ech, "Temps-personne"], start=2): ws.cell(r, c, v)
        r += 1
    if obj_start is not None and r - 1 > obj_start: ws.merge_cells(start_row=obj_start, start_column=1, end_row=r - 1, end_column=1)
    ws.cell(r + 1, 1, "Adopté à la séance du conseil du 2 juin 2025 (résolution 2025-06-112).")
    wb.save(path); return path

def h1_truth():
    t = {}
    for o, obj, act, por, lead, parts, ech, (s, e) in H1:
        others = [p for p in por.split(" / ")[1:]]
        t[act] = {"Axe": o, "Objectif": obj, "Service responsable": lead,
                  "Partenaires": "; ".join(others + ([parts] if parts else [])), "Début": s, "Fin": e}
    return t

# H2: Word, a table per orientation with a heading, year columns ticked, numbered actions
H2 = [  # axe heading, no, objectif, action, responsable, partenaires, years
 ("Orientation 1 – Loisirs actifs", "1.1", "Bouger à tout âge", "Aménager un parcours d'exercices extérieur au parc central", "Travaux publics", "Kino-Québec", [2025, 2026]),
 ("Orientation 1 – Loisirs actifs", "1.2", "Bouger à tout âge", "Offrir la baignade libre gratuite aux familles le dimanche", "Loisirs", "", [2025, 2026, 2027, 2028]),
 ("Orientation 1 – Loisirs actifs", "1.3", "Rendre l'offre accessible", "Créer une politique de tarification familiale", "Loisirs / Trésorerie", "", [2026]),
 ("Orientation 1 – Loisirs actifs", "1.4", "Rendre l'offre accessible", "Prêter des trousses de jeux dans les parcs", "Bibliothèque", "Maison de la famille", [2025]),
 ("Orientation 2 – Sécurité", "2.1", "Apaiser la circulation", "Installer des afficheurs de vitesse près des écoles", "Travaux publics", "Sûreté du Québec, Centre de services scolaire", [2025, 2026]),
 ("Orientation 2 – Sécurité", "2.2", "Apaiser la circulation", "Adopter un plan de sécurité routière", "Direction générale", "", [2027]),
 ("Orientation 2 – Sécurité", "2.3", "Préparer les sinistres", "Mettre à jour la liste des personnes vulnérables", "Sécurité incendie", "CISSS", [2025, 2026, 2027, 2028]),
 ("Orientation 3 – Vie communautaire", "3.1", "Soutenir les organismes", "Bonifier le programme de soutien financier aux organismes", "Loisirs", "", [2026, 2027]),
 ("Orientation 3 – Vie communautaire", "3.2", "Soutenir les organismes", "Mettre un local à la disposition des organismes familles", "Direction générale", "Maison des jeunes", [2028]),
 ("Orientation 3 – Vie communautaire", "3.3", "Célébrer les familles", "Organiser une fête des nouveaux-nés", "Communications", "CPE Les Lucioles", [2025, 2026, 2027, 2028]),
]

def h2(path):
    d = docx.Document()
    from docx.enum.section import WD_ORIENT
    sec = d.sections[0]; sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = sec.page_height, sec.page_width
    d.add_heading("Politique familiale municipale de Saint-Roch-des-Prés", 0)
    d.add_paragraph("Plan d'action 2025-2028")
    years = [2025, 2026, 2027, 2028]
    for axe in dict.fromkeys(a[0] for a in H2):
        d.add_heading(axe, 1)
        rows = [a for a in H2 if a[0] == axe]
        t = d.add_table(rows=1, cols=5 + len(years)); t.style = "Table Grid"
        for c, h in enumerate(["#", "Objectif", "Actions", "Responsable", "Partenaires"] + [str(y) for y in years]): t.cell(0, c).text = h
        for a in rows:
            cells = t.add_row().cells
            for c, v in enumerate([a[1], a[2], a[3], a[4], a[5]]): cells[c].text = v
            for k, y in enumerate(years): cells[5 + k].text = "✓" if y in a[6] else ""
        t.autofit = False
        w = [1.0, 3.5, 5.5, 3.0, 3.5] + [1.2] * 4
        for c, col in enumerate(t.columns): col.width = Cm(w[c])
        for row in t.rows:
            for c, cell in enumerate(row.cells): cell.width = Cm(w[c])
    d.add_paragraph("✓ : année où l'action est réalisée.")
    d.save(path); return path

def h2_truth():
    t = {}
    for axe, no, obj, act, resp, parts, yrs in H2:
        names = resp.split(" / ")
        t[act] = {"No": no, "Axe": axe, "Objectif": obj, "Service responsable": names[0],
                  "Partenaires": "; ".join(names[1:] + ([parts] if parts else [])), "Début": min(yrs), "Fin": max(yrs)}
    return t

def measure(name, src, truth):
    out = OUT / f"{name}.xlsx"
    r = run("importer", src, "-o", out, "--ecraser")
    if r.exit_code != 0:
        print(name, "REFUSED", r.output[-500:]); return 0, len(truth), []
    rows = {str(x["Action"]): x for x in sheet(out, "Actions").fillna("").to_dict("records")}
    checks = sheet(out, "À vérifier").fillna("").to_dict("records")
    flagged = {n.strip() for c in checks if c["Importance"] == "À corriger ?" for n in str(c["No"]).split(",")}
    right = 0; wrong = []
    for act, cells in truth.items():
        row = rows.get(act)
        bad = ["absente"] if row is None else [f"{k}: {row.get(k)!r} ≠ {v!r}" for k, v in cells.items() if str(row.get(k)).replace(".0", "") != str(v)]
        if bad: wrong.append((act, str(row["No"]) if row is not None else "", str(row["No"]) in flagged if row is not None else False, bad))
        else: right += 1
    print(f"{name}: {right}/{len(truth)} right; extra rows: {len(set(rows) - set(truth))}")
    for w in wrong: print("   WRONG", w)
    for c in checks:
        if c["Importance"] == "À corriger ?": print("   probable:", c["No"], "|", c["Ce que l'importation a compris"][:90], "|", c["Texte lu"][:80])
    return right, len(truth), wrong

def total(res):
    """The rounds' sum: actions right, and how many of the wrong ones `À vérifier` names first."""
    right, count = sum(x[0] for x in res), sum(x[1] for x in res)
    named = sum(1 for x in res for w in x[2] if w[2])
    print(f"TOTAL {right}/{count} = {100 * right / count:.1f} % ; wrong named in À vérifier: {named}/{count - right}")


if __name__ == "__main__":
    res = []
    s1 = h1(OUT / "h1.xlsx"); res.append(measure("H1 excel orientations", s1, h1_truth()))
    s2 = h2(OUT / "h2.docx"); res.append(measure("H2 word year ticks", s2, h2_truth()))
    if "--pdf" in sys.argv:
        pdf = soffice_convert(s2, OUT / "pdf", "pdf"); res.append(measure("H3 pdf of H2", pdf, h2_truth()))
    total(res)
