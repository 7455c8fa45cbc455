"""Adopted plans laid out the ways municipalities lay them out, each imported and compared with its truth
action by action and cell for cell (§10): a fiche per action, one long Word table with shaded axe rows and
term columns, Excel laid out for printing with fiscal years, a PDF whose header repeats on every page,
`Responsable (partenaires)`, a plain `Début | Fin` table, an OpenDocument plan with a sheet per clientele;
and the documents that are not plans, refused."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pandas as pd
import pytest
from conftest import needs_soffice, run, sheet, soffice_convert
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

MUNI = "Ville de Val-des-Sources"
AXES = {"1": "Axe 1 — Loisirs et vie communautaire", "2": "Axe 2 — Sécurité et mobilité",
        "3": "Axe 3 — Habitation et milieu de vie"}
LEGEND = "Court terme : 2025 ; moyen terme : 2026-2027 ; long terme : 2028"
TERM_YEARS = {"court": (2025, 2025), "moyen": (2026, 2027), "long": (2028, 2028)}

# The plan as the council meant it. `leads` is the responsible cell's services, lead first; `partners`
# the partner cell's organisations, one per line in the documents that write them so.
PLAN = [
    dict(no="1.1.1", axe="1", objectif="Objectif 1.1 — Rendre les loisirs accessibles aux familles",
         action="Offrir une programmation estivale gratuite dans les parcs", leads=["Loisirs"],
         partners=["Maison des jeunes", "Kino-Québec"], terms=["court", "moyen"],
         indicateur="Nombre d'activités offertes"),
    dict(no="1.1.2", axe="1", objectif="Objectif 1.1 — Rendre les loisirs accessibles aux familles",
         action="Publier un calendrier des activités de la saison", leads=["Communications", "Loisirs"],
         partners=[], terms=["court"], indicateur="Calendrier publié"),
    dict(no="1.2.1", axe="1", objectif="Objectif 1.2 — Briser l'isolement des aînés",
         action="Organiser des dîners communautaires mensuels", leads=["Loisirs"],
         partners=["FADOQ", "Club de l'âge d'or"], terms=["court", "moyen", "long"],
         indicateur="Participants par dîner"),
    dict(no="1.2.2", axe="1", objectif="Objectif 1.2 — Briser l'isolement des aînés",
         action="Former des bénévoles pour les appels d'amitié", leads=["Direction générale"],
         partners=["Comptoir alimentaire"], terms=["moyen"], indicateur="Bénévoles formés"),
    dict(no="2.1.1", axe="2", objectif="Objectif 2.1 — Sécuriser les déplacements à pied",
         action="Allonger le temps de traverse aux feux piétons", leads=["Travaux publics", "Urbanisme"],
         partners=["Sûreté du Québec"], terms=["court", "moyen"], indicateur="Intersections ajustées"),
    dict(no="2.1.2", axe="2", objectif="Objectif 2.1 — Sécuriser les déplacements à pied",
         action="Ajouter des bancs le long des parcours piétons", leads=["Travaux publics"],
         partners=[], terms=["moyen", "long"], indicateur="Bancs installés"),
    dict(no="2.2.1", axe="2", objectif="Objectif 2.2 — Offrir du transport aux aînés",
         action="Mettre en place un transport collectif vers les commerces", leads=["Direction générale"],
         partners=["MRC des Sources", "Transport adapté"], terms=["long"], indicateur="Déplacements par mois"),
    dict(no="3.1.1", axe="3", objectif="Objectif 3.1 — Permettre de vieillir chez soi",
         action="Adopter un règlement sur les logements intergénérationnels", leads=["Urbanisme"],
         partners=[], terms=["court"], indicateur="Règlement adopté"),
    dict(no="3.1.2", axe="3", objectif="Objectif 3.1 — Permettre de vieillir chez soi",
         action="Promouvoir le programme d'adaptation de domicile", leads=["Communications"],
         partners=["Société d'habitation du Québec"], terms=["moyen"], indicateur="Demandes reçues"),
]


def _years(action: dict) -> tuple[int, int]:
    spans = [TERM_YEARS[t] for t in action["terms"]]
    return min(s for s, _ in spans), max(e for _, e in spans)


def _five_cells(table, action: dict, first_cell: str) -> None:
    """A row of a five-column Word table: the first cell given, the action, its leads, partners and years."""
    first, last = _years(action)
    cells = table.add_row().cells
    for col, text in enumerate([first_cell, action["action"], " / ".join(action["leads"]),
                                ", ".join(action["partners"]), f"{first}-{last}"]):
        cells[col].text = text


def _truth(plan=PLAN, numbered: bool = True, axe=lambda a: AXES[a["axe"]], objectif=lambda a: a["objectif"],
           years=_years) -> dict[str, dict]:
    """Action text -> the cells the written plan must hold for it."""
    truth = {}
    for a in plan:
        start, end = years(a)
        truth[a["action"]] = {
            "No": a["no"] if numbered else None, "Axe": axe(a), "Objectif": objectif(a), "Action": a["action"],
            "Service responsable": a["leads"][0], "Partenaires": "; ".join(a["leads"][1:] + a["partners"]),
            "Début": start, "Fin": end, "Indicateur": a["indicateur"]}
    return truth


def _import(source: Path, tmp_path: Path, *options: str) -> Path:
    plan = tmp_path / "plan-importe.xlsx"
    result = run("importer", source, "-o", plan, "--ecraser", *options)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return plan


def wrong_cells(plan: Path, truth: dict[str, dict], actions=None) -> dict[str, list[str]]:
    """Action -> the cells that differ from the truth (`absente` when the action is missing)."""
    rows = (sheet(plan, "Actions") if actions is None else actions).fillna("").to_dict("records")
    got = {str(r["Action"]): r for r in rows}
    wrong: dict[str, list[str]] = {}
    for action, cells in truth.items():
        row = got.get(action)
        if row is None:
            wrong[action] = ["absente"]
            continue
        bad = [f"{k}: {row.get(k)!r} ≠ {v!r}" for k, v in cells.items()
               if v is not None and _plain(row.get(k)) != _plain(v)]
        if bad:
            wrong[action] = bad
    for action in got:
        if action not in truth:
            wrong[action] = ["en trop"]
    return wrong


def _plain(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _checks(plan: Path) -> list[dict]:
    return sheet(plan, "À vérifier").fillna("").to_dict("records")


def _assert_right(plan: Path, truth: dict[str, dict]) -> None:
    sheets = pd.read_excel(plan, sheet_name=["Actions", "À vérifier"], dtype=object, engine="calamine",
                           keep_default_na=False, na_values=[""])  # as conftest.sheet, both at once
    assert wrong_cells(plan, truth, sheets["Actions"]) == {}
    checks = sheets["À vérifier"].fillna("").to_dict("records")
    for frame in sheets.values():  # a PDF's soft line break never glues two words on screen
        assert not any("\u2028" in str(v) for v in frame.fillna("").values.ravel())
    assert not [c for c in checks if "non repris" in str(c.get("Ce que l'importation a compris", ""))], checks


# -- Word helpers ----------------------------------------------------------------------------------


def _document(landscape: bool = True):
    document = docx.Document()
    if landscape:
        section = document.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
        section.left_margin = section.right_margin = Cm(1.5)
    return document


def _shade(cell, colour: str = "D9E2F3") -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_header(row) -> None:
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def _widths(table, centimetres: list[float]) -> None:
    """Column widths as an author sets them (LibreOffice reads the grid, Word the cells)."""
    table.autofit = False
    for col, column in enumerate(table.columns):
        column.width = Cm(centimetres[col])
    for row in table.rows:
        for col, cell in enumerate(row.cells):
            cell.width = Cm(centimetres[col])


def _lines(items: list[str]) -> str:
    return "\n".join(items)


def _term_label(term: str) -> str:
    return {"court": "Court terme", "moyen": "Moyen terme", "long": "Long terme"}[term]


# -- the layouts -----------------------------------------------------------------------------------


def fiche_word(path: Path) -> Path:
    """A fiche per action: headings for the axe and the objective, then a label | value table each."""
    document = _document(landscape=False)
    document.add_heading(f"Plan d'action MADA 2025-2028 — {MUNI}", 0)
    document.add_paragraph("Adopté par le conseil municipal le 12 mai 2025.")
    axe = objectif = None
    for a in PLAN:
        if a["axe"] != axe:
            axe = a["axe"]
            document.add_heading(AXES[axe], 1)
        if a["objectif"] != objectif:
            objectif = a["objectif"]
            document.add_heading(objectif, 2)
        document.add_paragraph(f"Fiche {a['no']}")
        schedule = " à ".join(str(y) for y in dict.fromkeys(_years(a)))
        pairs = [("N°", a["no"]), ("Action", a["action"]), ("Responsable", " / ".join(a["leads"])),
                 ("Partenaires", ", ".join(a["partners"])), ("Échéancier", schedule),
                 ("Indicateur", a["indicateur"])]
        table = document.add_table(rows=len(pairs), cols=2)
        table.style = "Table Grid"
        for row, (label, value) in zip(table.rows, pairs):
            row.cells[0].text, row.cells[1].text = label, value
    document.save(str(path))
    return path


def _fiche_truth() -> dict[str, dict]:
    truth = _truth()
    for a in PLAN:  # a comma list of partners is kept as written
        truth[a["action"]]["Partenaires"] = "; ".join(a["leads"][1:] + ([", ".join(a["partners"])]
                                                                       if a["partners"] else []))
    return truth


def long_word_table(path: Path, legend: bool = True) -> Path:
    """One long table: axes as full-width shaded rows, the objective merged down, `Échéancier` merged over
    `Court terme | Moyen terme | Long terme` ticked X; the years in a legend paragraph under the table."""
    document = _document()
    document.add_heading(f"Politique des aînés — plan d'action 2025-2028", 0)
    document.add_paragraph(MUNI)
    head = ["Objectif", "Action", "Responsable", "Partenaires", "Échéancier", "", "", "Indicateur"]
    table = document.add_table(rows=2, cols=len(head))
    table.style = "Table Grid"
    for col, text in enumerate(head):
        table.cell(0, col).text = text
    for col, term in enumerate(("court", "moyen", "long"), start=4):
        table.cell(1, col).text = _term_label(term)
    for col in (0, 1, 2, 3, 7):
        table.cell(0, col).merge(table.cell(1, col))
    table.cell(0, 4).merge(table.cell(0, 6)).text = "Échéancier"
    axe = None
    objective_start = None
    for a in PLAN:
        if a["axe"] != axe:
            axe = a["axe"]
            cells = table.add_row().cells
            merged = cells[0].merge(cells[-1])
            merged.text = AXES[axe].upper()
            _shade(merged)
            objective_start = None
        cells = table.add_row().cells
        index = len(table.rows) - 1
        if objective_start is not None and PLAN[PLAN.index(a) - 1]["objectif"] == a["objectif"]:
            table.cell(objective_start, 0).merge(table.cell(index, 0))
        else:
            objective_start = index
            cells[0].text = a["objectif"]
        cells[1].text = a["action"]
        cells[2].text = _lines(a["leads"])
        cells[3].text = _lines(a["partners"])
        for col, term in enumerate(("court", "moyen", "long"), start=4):
            cells[col].text = "X" if term in a["terms"] else ""
        cells[7].text = a["indicateur"]
    _widths(table, [4.5, 6.0, 3.6, 3.6, 1.7, 1.7, 1.7, 3.6])
    if legend:
        document.add_paragraph(f"Légende — {LEGEND}.")
    document.save(str(path))
    return path


def _long_table_truth() -> dict[str, dict]:
    return _truth(numbered=False, axe=lambda a: AXES[a["axe"]].upper())


def printed_excel(path: Path) -> Path:
    """Excel laid out for print: logo and title rows, the header on row 6, fiscal-year columns ticked ✔
    or `oui`, the axe written only on each group's first row, a blank and a hidden column, footnotes."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Plan 2025-2028"
    ws["A1"] = "[logo]"
    ws["C2"] = f"{MUNI} — Plan d'action de la politique familiale"
    ws["C3"] = "Années financières (1er avril au 31 mars) 2025-2026 à 2027-2028"
    ws["C4"] = "Version adoptée le 3 juin 2025"
    header = ["Axe", "No", "Objectif", "Action", "", "Service responsable", "Partenaires", "Note interne",
              "2025-2026", "2026-2027", "2027-2028", "Indicateur de résultat"]
    for col, text in enumerate(header, start=1):
        ws.cell(row=6, column=col, value=text or None)
    ws.column_dimensions["H"].hidden = True
    fiscal = {"court": ["2025-2026"], "moyen": ["2026-2027"], "long": ["2027-2028"]}
    row, axe, marks = 7, None, ["✔", "oui", "✔"]
    for n, a in enumerate(PLAN):
        values = [AXES[a["axe"]] if a["axe"] != axe else None, a["no"], a["objectif"], a["action"], None,
                  a["leads"][0], "\n".join(a["leads"][1:] + a["partners"]), None]
        axe = a["axe"]
        ticked = {f for t in a["terms"] for f in fiscal[t]}
        values += [marks[n % 3] if f in ticked else None for f in ("2025-2026", "2026-2027", "2027-2028")]
        values.append(a["indicateur"])
        for col, value in enumerate(values, start=1):
            ws.cell(row=row, column=col, value=value)
        row += 1
    ws.cell(row=row + 1, column=1, value="¹ Les années financières vont du 1er avril au 31 mars.")
    ws.cell(row=row + 2, column=1, value="Source : comité de suivi, juin 2025")
    book.save(str(path))
    return path


def _printed_truth() -> dict[str, dict]:
    fiscal = {"court": (2025, 2026), "moyen": (2026, 2027), "long": (2027, 2028)}

    def years(a):
        spans = [fiscal[t] for t in a["terms"]]
        return min(s for s, _ in spans), max(e for _, e in spans)

    return _truth(years=years)


def repeated_header_word(path: Path, copies: int = 4) -> Path:
    """A long landscape table whose header row repeats on every page of the PDF, the objective merged
    down (across page breaks), partners one per line, the schedule written as years."""
    document = _document()
    document.add_heading(f"Plan d'action MADA 2025-2028 — {MUNI}", 0)
    head = ["N°", "Objectif", "Action", "Responsable", "Partenaires", "Échéancier", "Indicateur"]
    table = document.add_table(rows=1, cols=len(head))
    table.style = "Table Grid"
    for col, text in enumerate(head):
        table.cell(0, col).text = text
    _repeat_header(table.rows[0])
    previous, start = None, 0
    for a in _many(copies):
        if a["axe"] != (previous or {}).get("axe"):
            cells = table.add_row().cells
            cells[0].merge(cells[-1]).text = AXES[a["axe"]]
        cells = table.add_row().cells
        index = len(table.rows) - 1
        if previous and previous["objectif"] == a["objectif"] and previous["axe"] == a["axe"]:
            table.cell(start, 1).merge(table.cell(index, 1))
        else:
            start = index
            cells[1].text = a["objectif"]
        first, last = _years(a)
        cells[0].text = a["no"]
        cells[2].text = a["action"]
        cells[3].text = " / ".join(a["leads"])
        cells[4].text = _lines(a["partners"])
        cells[5].text = str(first) if first == last else f"{first}-{last}"
        cells[6].text = a["indicateur"]
        previous = a
    _widths(table, [1.6, 4.6, 6.0, 4.4, 3.6, 2.2, 3.6])
    document.save(str(path))
    return path


def _many(copies: int) -> list[dict]:
    """The plan made longer (several volets per action), in plan order, to run over several pages."""
    out = []
    for a in PLAN:
        for k in range(copies):
            out.append(dict(a, no=f"{a['no']}.{k + 1}" if copies > 1 else a["no"],
                            action=a["action"] + (f" — volet {k + 1}" if copies > 1 else "")))
    return out


def combined_responsible_excel(path: Path) -> Path:
    """`Responsable (partenaires)`: the lead, then its partners in parentheses, commas inside them."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.append([f"Plan d'action 2025-2028 — {MUNI}"])
    ws.append([])
    ws.append(["Axe", "Objectif", "Action", "Responsable (partenaires)", "Échéance", "Indicateur"])
    for a in PLAN:
        partners = a["leads"][1:] + a["partners"]
        cell = a["leads"][0] + (f" ({', '.join(partners)})" if partners else "")
        first, last = _years(a)
        ws.append([AXES[a["axe"]], a["objectif"], a["action"], cell,
                   str(first) if first == last else f"{first} à {last}", a["indicateur"]])
    book.save(str(path))
    return path


def plain_start_end_excel(path: Path) -> Path:
    """The plainest table: a title row ending with the municipality, then `Début | Fin` holding years."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.append([f"Plan d'action de la politique familiale 2025-2028 de la {MUNI}"])
    ws.append(["No", "Axe", "Objectif", "Action", "Responsable", "Partenaires", "Début", "Fin", "Indicateur"])
    for a in PLAN:
        first, last = _years(a)
        ws.append([a["no"], AXES[a["axe"]], a["objectif"], a["action"], ", ".join(a["leads"]),
                   ", ".join(a["partners"]), first, last, a["indicateur"]])
    book.save(str(path))
    return path


def _comma_partners_truth() -> dict[str, dict]:
    truth = _truth()
    for a in PLAN:
        truth[a["action"]]["Partenaires"] = "; ".join(a["leads"][1:] + ([", ".join(a["partners"])]
                                                                       if a["partners"] else []))
    return truth


def clientele_workbook(path: Path) -> Path:
    """A cover sheet, a sheet per clientele, a legend sheet; `An 1 | An 2 | An 3` ticked ●, numbers F-1.1.1."""
    book = openpyxl.Workbook()
    cover = book.active
    cover.title = "Présentation"
    cover["A1"] = f"{MUNI}"
    cover["A3"] = "Politique familiale et des aînés — plan d'action 2025-2027"
    cover["A5"] = "Le plan d'action compte deux volets : les familles et les aînés."
    for name, letter in (("Familles", "F"), ("Aînés", "A")):
        ws = book.create_sheet(name)
        ws.append([f"Clientèle : {name}"])
        ws.append(["No", "Axe", "Objectif", "Action", "Porteur", "Partenaires", "An 1", "An 2", "An 3",
                   "Indicateur"])
        for a in PLAN:
            if _clientele(a) == name:
                ticks = ["●" if term in a["terms"] else "" for term in ("court", "moyen", "long")]
                ws.append([f"{letter}-{a['no']}", AXES[a["axe"]], a["objectif"], a["action"], a["leads"][0],
                           ", ".join(a["leads"][1:] + a["partners"]), *ticks, a["indicateur"]])
    legend = book.create_sheet("Légende")
    legend.append(["● : année de réalisation prévue"])
    legend.append(["An 1 : 2025 ; An 2 : 2026 ; An 3 : 2027"])
    book.save(str(path))
    return path


def _clientele(action: dict) -> str:
    return "Aînés" if action["no"].startswith("1.2") or action["no"].startswith("2.2") else "Familles"


def _clientele_truth() -> dict[str, dict]:
    ranks = {"court": 2025, "moyen": 2026, "long": 2027}
    truth = _truth(years=lambda a: (min(ranks[t] for t in a["terms"]), max(ranks[t] for t in a["terms"])))
    for a in PLAN:
        t = truth[a["action"]]
        t["No"] = f"{_clientele(a)[0]}-{a['no']}"
        t["Partenaires"] = ", ".join(a["leads"][1:] + a["partners"])
    return truth


# -- the tests -------------------------------------------------------------------------------------


def test_a_fiche_per_action_is_read_label_by_label(tmp_path):
    plan = _import(fiche_word(tmp_path / "fiches.docx"), tmp_path)
    _assert_right(plan, _fiche_truth())


def test_one_long_word_table_with_shaded_axes_and_term_columns_takes_years_from_its_legend(tmp_path):
    plan = _import(long_word_table(tmp_path / "plan.docx"), tmp_path)
    _assert_right(plan, _long_table_truth())
    actions = sheet(plan, "Actions").fillna("")
    assert set(actions["Échéancier (texte du plan)"]) >= {"Court terme, Moyen terme", "Moyen terme"}


def test_term_columns_without_a_legend_take_their_years_from_termes(tmp_path):
    source = long_word_table(tmp_path / "plan.docx", legend=False)
    plan = _import(source, tmp_path, "--termes", "court=2025,moyen=2026-2027,long=2028")
    _assert_right(plan, _long_table_truth())


def test_term_columns_without_years_anywhere_are_named_first_in_a_verifier(tmp_path):
    plan = _import(long_word_table(tmp_path / "plan.docx", legend=False), tmp_path)
    checks = _checks(plan)
    first = checks[0]
    assert "--termes" in first["Ce que l'importation a compris"]
    assert len([n for n in str(first["No"]).split(", ") if n]) == len(PLAN)


def test_excel_laid_out_for_print_with_fiscal_years_and_footnotes(tmp_path):
    plan = _import(printed_excel(tmp_path / "plan.xlsx"), tmp_path)
    _assert_right(plan, _printed_truth())
    said = " ".join(c["Texte lu"] for c in _checks(plan))
    assert "Les années financières vont du 1er avril au 31 mars" in said
    assert run("generer", plan, "--periode", "2026", "-o", tmp_path / "suivi.xlsx").exit_code == 0


def test_responsable_with_partners_in_parentheses_is_not_split_inside_them(tmp_path):
    plan = _import(combined_responsible_excel(tmp_path / "plan.xlsx"), tmp_path)
    _assert_right(plan, _truth(numbered=False))
    assert list(sheet(plan, "Services")["Service"]) == ["Loisirs", "Communications", "Direction générale",
                                                        "Travaux publics", "Urbanisme"]


def test_a_title_row_and_start_end_years_are_read_plainly(tmp_path):
    plan = _import(plain_start_end_excel(tmp_path / "plan.xlsx"), tmp_path)
    _assert_right(plan, _comma_partners_truth())
    parameters = dict(sheet(plan, "Paramètres").fillna("").values.tolist())
    assert parameters["Municipalité"] == MUNI
    assert parameters["Titre du plan"] == "Plan d'action de la politique familiale 2025-2028"
    assert not [c for c in _checks(plan) if "inhabituelle" in c["Ce que l'importation a compris"]]


def test_a_workbook_with_a_sheet_per_clientele_and_a_legend_sheet(tmp_path):
    plan = _import(clientele_workbook(tmp_path / "plan.xlsx"), tmp_path)
    _assert_right(plan, _clientele_truth())


@pytest.mark.slow
@needs_soffice
def test_the_long_word_table_as_pdf_reads_like_the_word_document(tmp_path):
    word = long_word_table(tmp_path / "plan.docx")
    pdf = soffice_convert(word, tmp_path / "pdf", "pdf")
    _assert_right(_import(pdf, tmp_path), _long_table_truth())


@pytest.mark.slow
@needs_soffice
def test_a_pdf_whose_header_repeats_on_every_page(tmp_path):
    word = repeated_header_word(tmp_path / "plan.docx")
    pdf = soffice_convert(word, tmp_path / "pdf", "pdf")
    truth = _truth(_many(4), years=_years)
    _assert_right(_import(pdf, tmp_path), truth)
    (tmp_path / "word").mkdir()
    _assert_right(_import(word, tmp_path / "word"), truth)


@pytest.mark.slow
@needs_soffice
def test_an_opendocument_plan_with_a_sheet_per_clientele(tmp_path):
    ods = soffice_convert(clientele_workbook(tmp_path / "plan.xlsx"), tmp_path / "ods", "ods")
    _assert_right(_import(ods, tmp_path), _clientele_truth())


# -- what is not a plan ----------------------------------------------------------------------------


def _policy_text(path: Path) -> Path:
    document = _document(landscape=False)
    document.add_heading("Politique familiale municipale", 0)
    for text in ("La municipalité reconnaît la famille comme le premier milieu de vie.",
                 "Axe 1 — Loisirs et vie communautaire",
                 "Nous voulons offrir des loisirs accessibles à toutes les familles.",
                 "Le plan d'action sera adopté par le conseil à l'automne."):
        document.add_paragraph(text)
    table = document.add_table(rows=3, cols=2)
    for row, (a, b) in zip(table.rows, [("Membre du comité", "Rôle"), ("Julie Tremblay", "Élue responsable"),
                                        ("Marc Gagnon", "Citoyen")]):
        row.cells[0].text, row.cells[1].text = a, b
    document.save(str(path))
    return path


def test_a_policy_text_is_refused_and_nothing_is_written(tmp_path):
    result = run("importer", _policy_text(tmp_path / "politique.docx"), "-o", tmp_path / "plan.xlsx")
    assert result.exit_code == 2 and "aucun tableau de plan d'action trouvé dans « politique.docx »" in result.output
    assert not (tmp_path / "plan.xlsx").exists()


@pytest.mark.slow
@needs_soffice
def test_the_pdf_of_a_policy_text_is_refused(tmp_path):
    pdf = soffice_convert(_policy_text(tmp_path / "politique.docx"), tmp_path / "pdf", "pdf")
    result = run("importer", pdf, "-o", tmp_path / "plan.xlsx")
    assert result.exit_code == 2 and "aucun tableau de plan d'action trouvé dans « politique.pdf »" in result.output
    assert not (tmp_path / "plan.xlsx").exists()


# -- what the import says it is unsure of --------------------------------------------------------------


def _probable(plan: Path) -> list[dict]:
    return [c for c in _checks(plan) if c["Importance"] == "À corriger ?"]


def test_a_lead_service_that_holds_a_list_in_parentheses_is_kept_whole_and_flagged(tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["No", "Axe", "Action", "Responsable", "Échéancier"])
    ws.append(["1.1", "Axe 1 — Entraide", "Ouvrir une épicerie solidaire",
               "Direction générale (Comptoir alimentaire, Club de l'âge d'or)", "2026"])
    ws.append(["1.2", "Axe 1 — Entraide", "Recenser les besoins en transport", "Loisirs (SLCVC)", "2025"])
    book.save(str(tmp_path / "plan.xlsx"))
    plan = _import(tmp_path / "plan.xlsx", tmp_path)
    actions = {r["No"]: r for r in sheet(plan, "Actions").fillna("").to_dict("records")}
    assert actions["1.1"]["Service responsable"] == "Direction générale (Comptoir alimentaire, Club de l'âge d'or)"
    assert actions["1.2"]["Service responsable"] == "Loisirs (SLCVC)"
    first = _checks(plan)[0]
    assert first["Importance"] == "À corriger ?" and first["No"] == "1.1" and first["Vérifié"] == "☐"
    assert "nom suivi de partenaires" in first["Ce que l'importation a compris"]


def test_more_than_a_dozen_lead_services_are_flagged_with_every_action(tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["No", "Axe", "Action", "Responsable", "Échéancier"])
    for n in range(1, 15):
        ws.append([f"1.{n}", "Axe 1 — Vie communautaire", f"Action numéro {n} du plan", f"Organisme {n}", "2026"])
    book.save(str(tmp_path / "plan.xlsx"))
    plan = _import(tmp_path / "plan.xlsx", tmp_path)
    flagged = [c for c in _probable(plan) if "14 services responsables" in c["Ce que l'importation a compris"]]
    assert len(flagged) == 1 and flagged[0]["No"].split(", ") == [f"1.{n}" for n in range(1, 15)]


def test_each_note_carries_its_code_and_says_the_catalogue_s_sentence(tmp_path):
    """A note is a code of `IMPORT_NOTES` with its values: a test (or a later filter) picks notes by code."""
    from suivi_excel.core.messages import IMPORT_NOTES
    from suivi_excel.plan.importing import import_plan

    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Axe", "Action", "Responsable", "Échéancier"])
    for n in range(1, 15):
        ws.append(["Axe 1 — Vie communautaire", f"Action numéro {n} du plan", f"Organisme {n}", "2026"])
    book.save(str(tmp_path / "plan.xlsx"))
    notes = import_plan(tmp_path / "plan.xlsx").notes
    assert notes and all(n.code in IMPORT_NOTES for n in notes)
    numbered = [n for n in notes if n.code == "numbered"]
    assert [(n.number, n.what) for n in numbered[:2]] == [("1.1", "action sans numéro : numérotée 1.1"),
                                                          ("1.2", "action sans numéro : numérotée 1.2")]
    [many] = [n for n in notes if n.code == "many-leads"]
    assert many.probable and many.what == (
        "14 services responsables, plus qu'une municipalité n'en compte d'habitude : des partenaires ont peut-être "
        "été lus comme responsables (14 actions)")
    assert many.where.endswith(" et 13 autre(s)") and many.number.split(", ") == [f"1.{n}" for n in range(1, 15)]


def test_an_axe_that_reads_like_a_header_is_flagged(tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["No", "Action", "Responsable", "Échéancier"])
    ws.append(["Échéancier"])  # a header cell pasted on a row of its own, taken for a section
    ws.append(["1", "Ouvrir la patinoire plus tôt", "Travaux publics", "2026"])
    book.save(str(tmp_path / "plan.xlsx"))
    plan = _import(tmp_path / "plan.xlsx", tmp_path)
    assert any(c["No"] == "1" and c["Ce que l'importation a compris"].startswith("axe qui ressemble à un en-tête")
               for c in _probable(plan))


def test_the_import_reads_every_header_the_plan_workbook_knows_as_the_same_column():
    """An alias added to a column of the plan (`core/columns.py`) is a header word of `importer` too; only the
    words an adopted plan means otherwise are not: `Échéance` says when, `Service des loisirs` is a matrix's."""
    from suivi_excel.core.columns import PLAN_COLUMNS
    from suivi_excel.plan.tables import FIELD_HEADERS, READ_OTHERWISE, Field, field_of

    fields = {header: name for name, header in FIELD_HEADERS.items()}
    read = {word: field_of(word) for column in PLAN_COLUMNS for word in (column.header, *column.aliases)
            if word not in READ_OTHERWISE}
    assert read == {word: fields[column.header] for column in PLAN_COLUMNS
                    for word in (column.header, *column.aliases) if word not in READ_OTHERWISE}
    assert [field_of(word) for word in ("Échéance", "Service", "Service des loisirs")] == [Field.SCHEDULE, None, None]


def test_the_self_test_names_the_table_of_a_word_that_did_not_reach_the_plan(tmp_path):
    """The check `importer` runs on every import, given a plan that lost one word of one table."""
    from suivi_excel.plan import coverage
    from suivi_excel.plan.extract import read_tables
    from suivi_excel.plan.sources import read_source

    source = read_source(fiche_word(tmp_path / "fiches.docx"))
    cells = coverage.snapshot(source)
    reading = read_tables(source)
    written = [text for a in reading.actions for text in (*a.cells.values(), a.axe, a.objectif)]
    written += [n.text for n in reading.notes] + ["No", "Responsable", "Indicateur", "Échéancier", "Partenaires"]
    assert coverage.missing(cells, reading.structure, coverage.written_words(written)) == []
    lost = [text.replace("Kino", "") for text in written]
    notes = coverage.missing(cells, reading.structure, coverage.written_words(lost))
    assert [(n.where, n.text, n.probable) for n in notes] == [("tableau 1", "kino", True)]


# -- a table per axe, its axe in a caption row; a sheet per axe, its axe in the title --------------------


def captioned_word(path: Path) -> Path:
    """A table per axe whose first row, merged across, names the axe; the header under it; a `Total` row."""
    document = _document()
    document.add_paragraph(MUNI)
    document.add_heading("Politique familiale et des aînés — plan d'action 2025-2028", 0)
    for axe in AXES:
        actions = [a for a in PLAN if a["axe"] == axe]
        table = document.add_table(rows=2, cols=6)
        table.style = "Table Grid"
        table.cell(0, 0).merge(table.cell(0, 5)).text = AXES[axe].split("— ")[1].upper()
        for col, text in enumerate(["Objectifs", "Actions", "Porteur", "Partenaires", "Échéancier", "Coût"]):
            table.cell(1, col).text = text
        for a in actions:
            first, last = _years(a)
            cells = table.add_row().cells
            for col, text in enumerate([a["objectif"], a["action"], " / ".join(a["leads"]), ", ".join(a["partners"]),
                                        str(first) if first == last else f"{first} à {last}", "5 000 $"]):
                cells[col].text = text
        cells = table.add_row().cells
        cells[0].text, cells[5].text = "Total", f"{5 * len(actions)} 000 $"
        _widths(table, [4.5, 7.0, 3.5, 4.0, 2.5, 2.5])
        document.add_paragraph("")
    document.save(str(path))
    return path


def _captioned_truth() -> dict[str, dict]:
    truth = _comma_partners_truth()
    for a in PLAN:
        truth[a["action"]].update(No=None, Axe=AXES[a["axe"]].split("— ")[1].upper(), Indicateur=None)
    return truth


def test_a_table_per_axe_named_in_its_caption_row_with_a_total_row(tmp_path):
    plan = _import(captioned_word(tmp_path / "plan.docx"), tmp_path)
    _assert_right(plan, _captioned_truth())
    said = [c["Texte lu"] for c in _checks(plan) if c["Ce que l'importation a compris"].startswith("ligne de note")]
    assert "Total | 20 000 $" in said


@pytest.mark.slow
@needs_soffice
def test_the_pdf_of_tables_named_in_their_caption_row(tmp_path):
    pdf = soffice_convert(captioned_word(tmp_path / "plan.docx"), tmp_path / "pdf", "pdf")
    _assert_right(_import(pdf, tmp_path), _captioned_truth())


def test_a_sheet_per_axe_its_axe_in_the_title_and_open_ended_schedules(tmp_path):
    book = openpyxl.Workbook()
    cover = book.active
    cover.title = "Présentation"
    cover["A1"], cover["A2"] = "Plan d'action MADA 2025-2028", MUNI
    written = {"court": "Dès 2025", "moyen": "2026 et suivantes", "long": "À partir de 2028"}
    for axe, title in AXES.items():
        ws = book.create_sheet(f"Axe {axe}")
        ws.append([title.upper()])
        ws.append([])
        ws.append(["Objectif", "Action", "Responsable", "Partenaire(s)", "Échéancier", "Indicateur"])
        for a in (a for a in PLAN if a["axe"] == axe):
            ws.append([a["objectif"], a["action"], " / ".join(a["leads"]), ", ".join(a["partners"]),
                       written[a["terms"][0]], a["indicateur"]])
    book.save(str(tmp_path / "plan.xlsx"))
    plan = _import(tmp_path / "plan.xlsx", tmp_path)
    truth = _comma_partners_truth()
    for a in PLAN:
        start = {"court": 2025, "moyen": 2026, "long": 2028}[a["terms"][0]]
        truth[a["action"]].update(No=None, Axe=AXES[a["axe"]].upper(), Début=start, Fin=2028)
    _assert_right(plan, truth)


# -- a responsibility matrix; headings that do not say `Axe` --------------------------------------------


def test_a_responsibility_matrix_gives_the_lead_marked_r_and_the_partners_marked_p(tmp_path):
    services = ["Loisirs", "Communications", "Direction générale", "Travaux publics", "Urbanisme"]
    book = openpyxl.Workbook()
    ws = book.active
    ws.append([f"Plan d'action 2025-2028 — {MUNI}"])
    ws.append(["Axe", "Objectif", "Action", "Échéancier"] + services)
    ws.append([None] * 4 + ["R = responsable ; P = partenaire"])
    for a in PLAN:
        first, last = _years(a)
        marks = ["R" if s == a["leads"][0] else "P" if s in a["leads"][1:] else None for s in services]
        ws.append([AXES[a["axe"]], a["objectif"], a["action"], f"{first}-{last}"] + marks)
    book.save(str(tmp_path / "plan.xlsx"))
    plan = _import(tmp_path / "plan.xlsx", tmp_path)
    truth = _truth(numbered=False)
    for a in PLAN:
        truth[a["action"]].update(Partenaires="; ".join(a["leads"][1:]), Indicateur=None)
    _assert_right(plan, truth)
    said = [c["Ce que l'importation a compris"] for c in _checks(plan)]
    assert any(s.startswith("responsable et partenaires lus dans les colonnes des services") for s in said)
    assert any(s.startswith("légende") for s in said)


def headed_word(path: Path) -> Path:
    """Axes and objectives as Word headings that do not say `Axe` nor number themselves; a small table each."""
    document = _document()
    document.add_heading(MUNI, 0)
    document.add_paragraph("Plan d'action de la politique familiale 2025-2028")
    axe = objectif = None
    for a in PLAN:
        if a["axe"] != axe:
            axe = a["axe"]
            document.add_heading(AXES[axe].split("— ")[1], 1)
        if a["objectif"] != objectif:
            objectif = a["objectif"]
            document.add_heading(objectif, 2)
            table = document.add_table(rows=1, cols=4)
            table.style = "Table Grid"
            for col, text in enumerate(["Actions", "Responsable", "Collaborateurs", "Année(s)"]):
                table.cell(0, col).text = text
        first, last = _years(a)
        cells = table.add_row().cells
        cells[0].text, cells[1].text = a["action"], " / ".join(a["leads"])
        cells[2].text, cells[3].text = _lines(a["partners"]), ", ".join(str(y) for y in range(first, last + 1))
        _widths(table, [10, 5, 5, 4])
    document.save(str(path))
    return path


def _headed_truth() -> dict[str, dict]:
    truth = _truth(numbered=False)
    for a in PLAN:
        truth[a["action"]].update(Axe=AXES[a["axe"]].split("— ")[1], Indicateur=None)
    return truth


def test_word_headings_that_do_not_say_axe_give_the_axe_by_their_style(tmp_path):
    _assert_right(_import(headed_word(tmp_path / "plan.docx"), tmp_path), _headed_truth())


@pytest.mark.slow
@needs_soffice
def test_in_a_pdf_headings_are_told_by_their_size_and_weight(tmp_path):
    pdf = soffice_convert(headed_word(tmp_path / "plan.docx"), tmp_path / "pdf", "pdf")
    _assert_right(_import(pdf, tmp_path), _headed_truth())


def test_numbered_section_rows_and_debut_fin_under_a_merged_echeancier(tmp_path):
    """`1. LOISIRS` and `1.1 Rendre…` as rows across one Word table; `Échéancier` merged over `Début | Fin`."""
    document = _document()
    document.add_heading("Plan d'action MADA 2025-2028", 0)
    table = document.add_table(rows=2, cols=5)
    table.style = "Table Grid"
    for col, text in enumerate(["Action", "Responsable", "Partenaires"]):
        table.cell(0, col).merge(table.cell(1, col)).text = text
    table.cell(0, 3).merge(table.cell(0, 4)).text = "Échéancier"
    table.cell(1, 3).text, table.cell(1, 4).text = "Début", "Fin"
    axe = objectif = None
    for a in PLAN:
        for text, previous in ((f"{a['axe']}. {AXES[a['axe']].split('— ')[1].upper()}", axe), (a["objectif"], objectif)):
            if text != previous:
                cells = table.add_row().cells
                cells[0].merge(cells[4]).text = text
        axe, objectif = f"{a['axe']}. {AXES[a['axe']].split('— ')[1].upper()}", a["objectif"]
        first, last = _years(a)
        cells = table.add_row().cells
        for col, text in enumerate([a["action"], " / ".join(a["leads"]), ", ".join(a["partners"]), first, last]):
            cells[col].text = str(text)
    _widths(table, [11, 4.5, 6, 2.2, 2.2])
    document.save(str(tmp_path / "plan.docx"))
    plan = _import(tmp_path / "plan.docx", tmp_path)
    truth = _comma_partners_truth()
    for a in PLAN:
        truth[a["action"]].update(No=None, Axe=f"{a['axe']}. {AXES[a['axe']].split('— ')[1].upper()}", Indicateur=None)
    _assert_right(plan, truth)
    said = [c["Ce que l'importation a compris"] for c in _checks(plan)]
    assert "en-tête sur deux lignes : « Échéancier » au-dessus de « Début », « Fin »" in said


def test_quoi_qui_avec_qui_quand_and_en_continu_merged_over_the_year_columns(tmp_path):
    """Headers asked as questions; an action `En continu` written once across its year columns."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.append([None, f"Plan d'action 2025-2027 — {MUNI}"])
    ws.append([])
    ws.append([None, "Axe", "Objectif", "Quoi ?", "Qui ?", "Avec qui ?", "2025", "2026", "2027"])
    for n, a in enumerate(PLAN, start=4):
        ws.append([None, AXES[a["axe"]], a["objectif"], a["action"], " / ".join(a["leads"]), ", ".join(a["partners"])])
        if len(a["terms"]) == 3:
            ws.cell(n, 7, "En continu")
            ws.merge_cells(start_row=n, start_column=7, end_row=n, end_column=9)
        else:
            for col, term in enumerate(("court", "moyen", "long"), start=7):
                ws.cell(n, col, "X" if term in a["terms"] else None)
    book.save(str(tmp_path / "plan.xlsx"))
    plan = _import(tmp_path / "plan.xlsx", tmp_path)
    ranks = {"court": 2025, "moyen": 2026, "long": 2027}
    truth = _truth(numbered=False, years=lambda a: (min(ranks[t] for t in a["terms"]), max(ranks[t] for t in a["terms"])))
    for a in PLAN:
        truth[a["action"]].update(Partenaires="; ".join(a["leads"][1:] + ([", ".join(a["partners"])] if a["partners"]
                                                                          else [])), Indicateur=None)
    _assert_right(plan, truth)
    schedule = dict(zip(sheet(plan, "Actions")["Action"], sheet(plan, "Actions")["Échéancier (texte du plan)"]))
    assert schedule[PLAN[2]["action"]] == "2025, 2026, 2027 : En continu"


def test_a_header_met_again_before_each_objective_block_and_terms_written_ct_mt_lt(tmp_path):
    """One sheet: the objective in a row of its own, then the header again, then its actions; `CT`, `MT`,
    `LT` dated by a legend under the table; `—` for no partner."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.append([f"Plan d'action 2025-2028 — {MUNI}"])
    objectif = None
    for a in PLAN:
        if a["objectif"] != objectif:
            objectif = a["objectif"]
            ws.append([objectif])
            ws.append(["Axe", "Action", "Responsable", "Partenaires", "Échéancier"])
        code = {"court": "CT", "moyen": "MT", "long": "LT"}[a["terms"][0]]
        ws.append([AXES[a["axe"]], a["action"], " / ".join(a["leads"]), ", ".join(a["partners"]) or "—", code])
    ws.append([])
    ws.append(["Légende : CT = court terme (2025) ; MT = moyen terme (2026-2027) ; LT = long terme (2028)"])
    book.save(str(tmp_path / "plan.xlsx"))
    plan = _import(tmp_path / "plan.xlsx", tmp_path)
    truth = _comma_partners_truth()
    for a in PLAN:
        truth[a["action"]].update(No=None, Indicateur=None, Début=TERM_YEARS[a["terms"][0]][0],
                                  Fin=TERM_YEARS[a["terms"][0]][1])
    _assert_right(plan, truth)


def test_an_axe_written_by_its_number_takes_the_name_the_plan_gives_it(tmp_path):
    document = _document(landscape=False)
    document.add_heading(f"Plan d'action 2025-2028 — {MUNI}", 0)
    for number, title in AXES.items():
        document.add_paragraph(title.replace(" — ", " : "))
    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for col, text in enumerate(["Axe", "Action", "Responsable", "Partenaires", "Échéancier"]):
        table.cell(0, col).text = text
    for a in PLAN:
        _five_cells(table, a, a["axe"])
    document.save(str(tmp_path / "plan.docx"))
    plan = _import(tmp_path / "plan.docx", tmp_path)
    truth = _comma_partners_truth()
    for a in PLAN:
        truth[a["action"]].update(No=None, Indicateur=None, Objectif="", Axe=AXES[a["axe"]].replace(" — ", " : "))
    _assert_right(plan, truth)


def test_fiches_stacked_in_one_table_each_under_its_title_row(tmp_path):
    """One table per axe holding its fiches one after the other, each opened by a `Fiche-action N` row."""
    document = _document(landscape=False)
    document.add_heading(f"Plan d'action 2025-2028 — {MUNI}", 0)
    axe = None
    for n, a in enumerate(PLAN, start=1):
        if a["axe"] != axe:
            axe = a["axe"]
            document.add_heading(AXES[axe], 1)
            table = document.add_table(rows=0, cols=2)
            table.style = "Table Grid"
        row = table.add_row().cells
        row[0].merge(row[1]).text = f"Fiche-action {n}"
        first, last = _years(a)
        for label, value in (("Objectif spécifique", a["objectif"]), ("Moyen d'action", a["action"]),
                             ("Porteur", " / ".join(a["leads"])), ("Collaborateurs", ", ".join(a["partners"])),
                             ("Échéance", f"{first} à {last}"), ("Indicateur de résultat", a["indicateur"])):
            row = table.add_row().cells
            row[0].text, row[1].text = label, value
    document.save(str(tmp_path / "plan.docx"))
    plan = _import(tmp_path / "plan.docx", tmp_path)
    truth = _fiche_truth()
    for a in PLAN:
        truth[a["action"]]["No"] = None
    _assert_right(plan, truth)
    said = {c["Texte lu"]: c["Ce que l'importation a compris"] for c in _checks(plan)}
    assert said["Moyen d'action"] == "étiquette de fiche lue comme « Action »"


def test_tables_after_the_first_without_a_header_take_the_axe_of_their_heading(tmp_path):
    document = _document(landscape=False)
    document.add_heading(f"Plan d'action 2025-2028 — {MUNI}", 0)
    axe = None
    for a in PLAN:
        if a["axe"] != axe:
            document.add_heading(AXES[a["axe"]], 1)
            table = document.add_table(rows=0 if axe else 1, cols=5)
            table.style = "Table Grid"
            if axe is None:
                for col, text in enumerate(["Objectif", "Action", "Responsable", "Partenaires", "Échéancier"]):
                    table.cell(0, col).text = text
            axe = a["axe"]
        _five_cells(table, a, a["objectif"])
    document.save(str(tmp_path / "plan.docx"))
    plan = _import(tmp_path / "plan.docx", tmp_path)
    truth = _comma_partners_truth()
    for a in PLAN:
        truth[a["action"]].update(No=None, Indicateur=None)
    _assert_right(plan, truth)


def test_a_sheet_per_axe_named_after_it_gives_the_axe(tmp_path):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for axe, title in AXES.items():
        ws = book.create_sheet(f"Axe {axe}")
        ws.append(["No", "Objectif", "Action", "Responsable", "Échéancier"])
        for a in (a for a in PLAN if a["axe"] == axe):
            first, last = _years(a)
            ws.append([a["no"], a["objectif"], a["action"], a["leads"][0], f"{first}-{last}"])
    book.save(str(tmp_path / "plan.xlsx"))
    plan = _import(tmp_path / "plan.xlsx", tmp_path)
    truth = _truth()
    for a in PLAN:
        truth[a["action"]].update(Axe=f"Axe {a['axe']}", Partenaires="", Indicateur=None)
    _assert_right(plan, truth)
