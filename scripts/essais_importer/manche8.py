"""Eighth round, written after the twelfth landing, run before any change to the code (see manche1)."""
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent)); sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests"))
from manche1 import measure, total
from conftest import soffice_convert
import openpyxl, docx

OUT = Path(sys.argv[1]); OUT.mkdir(parents=True, exist_ok=True)
H25 = {  # sheet name (the axe) -> rows: ref, objectif (once per group), action, responsable, echeancier, years
 "Axe 1 - Loisirs": [("1.1.a", "Animer les parcs", "Installer une bibliothèque libre-service au parc", "Bibliothèque", "2025", (2025, 2025)),
                     ("1.1.b", None, "Offrir des activités de plein air gratuites le samedi", "Loisirs", "2025-2026", (2025, 2026)),
                     ("1.2.a", "Soutenir le sport", "Subventionner l'inscription sportive des familles", "Loisirs", "2026", (2026, 2026))],
 "Axe 2 - Transport": [("2.1.a", "Sécuriser le transport actif", "Tracer une bande cyclable sur le rang Nord", "Travaux publics", "2027", (2027, 2027)),
                       ("2.1.b", None, "Installer des supports à vélo aux écoles", "Travaux publics", "2025", (2025, 2025))],
}
def h25(path):
    wb = openpyxl.Workbook(); first = True
    for name, rows in H25.items():
        ws = wb.active if first else wb.create_sheet(name); ws.title = name; first = False
        ws.append(["Réf.", "Objectifs", "Actions", "Responsable", "Échéancier"])
        for r in rows: ws.append([r[0], r[1], r[2], r[3], r[4]])
    wb.save(path); return path
def h25_truth():
    t = {}
    for name, rows in H25.items():
        obj = None
        for r in rows:
            obj = r[1] or obj
            t[r[2]] = {"No": r[0], "Axe": name, "Objectif": obj, "Service responsable": r[3], "Début": r[5][0], "Fin": r[5][1]}
    return t

H26 = [  # axe heading, action, resp, partners, echeancier, years
 ("Axe 1 — Vie familiale", "Offrir une trousse aux nouveaux-nés", "Loisirs", "CLSC", "2025", (2025, 2025)),
 ("Axe 1 — Vie familiale", "Aménager des tables à langer dans les édifices municipaux", "Travaux publics", "", "2026", (2026, 2026)),
 ("Axe 2 — Aînés", "Tenir un registre des aînés vivant seuls", "Sécurité incendie", "CISSS", "2025-2027", (2025, 2027)),
 ("Axe 2 — Aînés", "Offrir un service d'accompagnement à l'épicerie", "Direction générale", "Centre d'action bénévole", "2026-2027", (2026, 2027)),
 ("Axe 3 — Communication", "Créer une page Facebook familles-aînés", "Communications", "", "2025", (2025, 2025)),
]
def h26(path):
    d = docx.Document()
    d.add_heading("Plan d'action famille-aînés 2025-2027", 0)
    d.add_paragraph("Municipalité de Saint-Jude")
    axe = None; first = True
    for a in H26:
        if a[0] != axe:
            axe = a[0]; d.add_heading(axe, 1)
            t = d.add_table(rows=1 if first else 0, cols=4); t.style = "Table Grid"
            if first:
                for c, h in enumerate(["Action", "Responsable", "Partenaires", "Échéancier"]): t.cell(0, c).text = h
            first = False
        cells = t.add_row().cells
        for c, v in enumerate([a[1], a[2], a[3], a[4]]): cells[c].text = v
    d.save(path); return path
def h26_truth():
    return {a[1]: {"Axe": a[0], "Service responsable": a[2], "Partenaires": a[3], "Début": a[5][0], "Fin": a[5][1]} for a in H26}

if __name__ == "__main__":
    res = [measure("H25 excel axe only in the sheet name", h25(OUT / "h25.xlsx"), h25_truth()),
           measure("H26 word header only on the first axe's table", h26(OUT / "h26.docx"), h26_truth())]
    if "--pdf" in sys.argv:
        res.append(measure("H27 pdf of H26", soffice_convert(OUT / "h26.docx", OUT / "pdf", "pdf"), h26_truth()))
    total(res)
