"""Importing the plan a council adopted (README, « J'ai déjà mon plan ») from Excel laid out for printing,
Word and PDF: every action found with its axe, objective, lead service and years, none invented, and
`generer` accepts the result as it is."""

from __future__ import annotations

import sys
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from conftest import needs_soffice, no_crash, run, sheet, soffice_convert

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from plan_adopte import to_pdf, write_printed_excel, write_word  # noqa: E402

LOISIRS = "Service des loisirs, de la culture et de la vie communautaire"
TITLE = "Politique des familles et des aînés de la Municipalité de Saint-Exemple"

WORD_ACTIONS = [
    {"no": "1.1", "axe": "Axe 1 — Loisirs et vie communautaire", "objectif": "Favoriser l'accès aux loisirs",
     "action": "Offrir une programmation estivale gratuite dans les parcs", "responsable": LOISIRS,
     "partenaires": "Maison des jeunes", "echeancier": "2025-2026", "indicateur": "Activités offertes",
     "budget": "15 000 $"},
    {"no": "1.2", "axe": "Axe 1 — Loisirs et vie communautaire", "objectif": "Favoriser l'accès aux loisirs",
     "action": "Publier un calendrier des activités", "responsable": "Loisirs / Communications",
     "echeancier": "An 2", "indicateur": "Calendrier publié", "budget": "2 500 $"},
    {"no": "1.3", "axe": "Axe 1 — Loisirs et vie communautaire", "objectif": "Soutenir les organismes",
     "action": "Créer un fonds de soutien aux organismes", "responsable": LOISIRS, "echeancier": "En continu",
     "budget": "À déterminer"},
    {"no": "2.1", "axe": "Axe 2 — Sécurité et mobilité", "objectif": "Sécuriser les déplacements",
     "action": "Allonger le temps de traverse aux feux piétons", "responsable": "Travaux publics, Urbanisme",
     "partenaires": "Sûreté du Québec", "echeancier": "An 1 à 3", "indicateur": "Intersections ajustées"},
    {"no": "2.2", "axe": "Axe 2 — Sécurité et mobilité", "objectif": "Sécuriser les déplacements",
     "action": "Ajouter des bancs le long des parcours piétons", "responsable": "Travaux publics",
     "echeancier": "2026", "budget": "40 000 $"},
    {"no": "2.3", "axe": "Axe 2 — Sécurité et mobilité", "objectif": "Éclairer les parcs",
     "action": "Améliorer l'éclairage des sentiers", "responsable": "Bibliothèque et Service des loisirs",
     "echeancier": "2025 à 2027", "budget": "80 000 $"},
]
# what the plan must say of each action: axe, objective, lead, partners, start, end
WORD_EXPECTED = {
    "1.1": ("Axe 1 — Loisirs et vie communautaire", "Favoriser l'accès aux loisirs", LOISIRS, "Maison des jeunes",
            2025, 2026, 15000),
    "1.2": ("Axe 1 — Loisirs et vie communautaire", "Favoriser l'accès aux loisirs", "Loisirs", "Communications",
            2026, 2026, 2500),
    "1.3": ("Axe 1 — Loisirs et vie communautaire", "Soutenir les organismes", LOISIRS, "", 2025, 2027, None),
    "2.1": ("Axe 2 — Sécurité et mobilité", "Sécuriser les déplacements", "Travaux publics",
            "Urbanisme; Sûreté du Québec", 2025, 2027, None),
    "2.2": ("Axe 2 — Sécurité et mobilité", "Sécuriser les déplacements", "Travaux publics", "", 2026, 2026, 40000),
    "2.3": ("Axe 2 — Sécurité et mobilité", "Éclairer les parcs", "Bibliothèque", "Service des loisirs", 2025, 2027,
            80000),
}


def _imported(path: Path, output: Path, *options: str):
    result = run("importer", path, "-o", output, *options)
    assert result.exit_code == 0, result.output
    return result


def _actions(plan: Path) -> dict[str, dict]:
    return {str(row["No"]): row for row in sheet(plan, "Actions").fillna("").to_dict("records")}


def _checks(plan: Path) -> list[dict]:
    return sheet(plan, "À vérifier").fillna("").to_dict("records")


def _assert_plan(plan: Path, expected: dict[str, tuple]) -> None:
    actions = _actions(plan)
    assert set(actions) == set(expected), sorted(actions)
    for number, (axe, objective, lead, partners, start, end, budget) in expected.items():
        row = actions[number]
        got = (row["Axe"], row["Objectif"], row["Service responsable"], row["Partenaires"], row["Début"], row["Fin"],
               row["Budget prévu ($)"] or None)
        assert got == (axe, objective, lead, partners, start, end, budget), number


def _generer_accepts(plan: Path, tmp_path: Path) -> None:
    result = run("generer", plan, "--periode", "2026", "-o", tmp_path / "suivi.xlsx")
    assert result.exit_code == 0, result.output


def test_word_plan_one_table_per_axe_is_imported_action_by_action(tmp_path):
    source = write_word(tmp_path / "plan-adopte.docx", TITLE, "Plan d'action 2025-2027", WORD_ACTIONS)
    before = source.read_bytes()
    result = _imported(source, tmp_path / "plan.xlsx")
    assert source.read_bytes() == before
    _assert_plan(tmp_path / "plan.xlsx", WORD_EXPECTED)
    actions = _actions(tmp_path / "plan.xlsx")
    assert actions["1.2"]["Échéancier (texte du plan)"] == "An 2"
    assert actions["1.3"]["Budget (texte du plan)"] == "À déterminer"
    assert actions["1.2"]["Responsable(s) (texte du plan)"] == "Loisirs / Communications"
    assert actions["1.1"]["Action"] == "Offrir une programmation estivale gratuite dans les parcs"
    services = list(sheet(tmp_path / "plan.xlsx", "Services")["Service"])
    assert services == [LOISIRS, "Loisirs", "Travaux publics", "Bibliothèque"]
    parameters = dict(sheet(tmp_path / "plan.xlsx", "Paramètres").fillna("").values.tolist())
    assert parameters["Municipalité"] == "Municipalité de Saint-Exemple"
    assert parameters["Titre du plan"] == "Politique des familles et des aînés"  # forms add the municipality
    assert "Actions : 6 ; axes : 2 ; années 2025 à 2027" in result.output
    _generer_accepts(tmp_path / "plan.xlsx", tmp_path)


def test_every_interpretation_is_listed_with_its_place_in_the_source(tmp_path):
    source = write_word(tmp_path / "plan-adopte.docx", TITLE, "Plan d'action 2025-2027", WORD_ACTIONS)
    shown = _imported(source, tmp_path / "plan.xlsx").output
    checks = _checks(tmp_path / "plan.xlsx")
    # on screen, each kind of routine confirmation is counted and shown by one whole sentence of the sheet
    kinds = [line for line in shown.splitlines() if " × " in line]
    assert kinds and all(line.split(" × ", 1)[1].removesuffix(" (par exemple)") in
                         {c["Ce que l'importation a compris"] for c in checks} for line in kinds), kinds
    said = {(c["No"], c["Ce que l'importation a compris"].split(" :")[0]) for c in checks}
    assert ("1.2", "responsable partagé") in said and ("2.1", "responsable partagé") in said
    assert ("2.3", "responsable partagé") in said and ("1.1", "responsable partagé") not in said
    assert ("1.3", "échéancier « En continu » lu comme 2025 à 2027") in said
    assert ("2.1", "échéancier « An 1 à 3 » lu comme 2025 à 2027") in said
    split = next(c for c in checks if c["No"] == "2.1" and c["Ce que l'importation a compris"].startswith("resp"))
    assert split["Où, dans le plan adopté"] == "tableau 2, ligne 2" and split["Texte lu"] == "Travaux publics, Urbanisme"
    header = next(c for c in checks if c["Texte lu"] == "Moyen d'action")
    assert header["Ce que l'importation a compris"] == "en-tête lu comme « Action »"
    assert openpyxl.load_workbook(tmp_path / "plan.xlsx").sheetnames[0] == "À vérifier"


@pytest.mark.slow
@needs_soffice
def test_the_pdf_made_from_the_word_plan_gives_the_same_plan(tmp_path):
    many = [dict(a, no=f"{a['no']}{suffix}", action=f"{a['action']} — volet {suffix or 'principal'}")
            for suffix in ("", "1", "2", "3") for a in WORD_ACTIONS]  # long enough to run over several pages
    many.sort(key=lambda a: (a["axe"], a["no"]))
    word = write_word(tmp_path / "plan-adopte.docx", TITLE, "Plan d'action 2025-2027", many)
    pdf = to_pdf(word, tmp_path / "pdf")
    _imported(word, tmp_path / "de-word.xlsx")
    _imported(pdf, tmp_path / "de-pdf.xlsx")
    from_word, from_pdf = _actions(tmp_path / "de-word.xlsx"), _actions(tmp_path / "de-pdf.xlsx")
    assert len(from_word) == len(many) and from_pdf == from_word
    _generer_accepts(tmp_path / "de-pdf.xlsx", tmp_path)


def test_excel_laid_out_for_printing_two_header_rows_ticks_merges_and_two_sheets(tmp_path):
    families = [
        {"axe": "Loisirs", "objectif": "Bouger en famille", "action": "Prêter de l'équipement sportif",
         "responsable": LOISIRS, "years": [2025, 2026], "budget": "5 000 $"},
        {"axe": "Loisirs", "objectif": "Bouger en famille", "action": "Ouvrir le gymnase le dimanche",
         "responsable": f"{LOISIRS}\nService des travaux publics", "years": [2026, 2027], "mark": "prévu"},
        {"axe": "Mobilité", "objectif": "Marcher en sécurité", "action": "Peindre des traverses",
         "responsable": "Service des travaux publics", "partenaires": "École", "years": [2027], "mark": "●"},
    ]
    elders = [
        {"axe": "Loisirs", "objectif": "Briser l'isolement", "action": "Organiser des dîners communautaires",
         "responsable": LOISIRS, "years": [2025, 2026, 2027]},
    ]
    source = write_printed_excel(tmp_path / "plan-imprimable.xlsx", "Plan d'action MADA-PFM 2025-2027",
                                 [2025, 2026, 2027], {"Familles": families, "Aînés": elders})
    _imported(source, tmp_path / "plan.xlsx")
    _assert_plan(tmp_path / "plan.xlsx", {
        "1.1": ("Loisirs", "Bouger en famille", LOISIRS, "", 2025, 2026, 5000),
        "1.2": ("Loisirs", "Bouger en famille", LOISIRS, "Service des travaux publics", 2026, 2027, None),
        "2.1": ("Mobilité", "Marcher en sécurité", "Service des travaux publics", "École", 2027, 2027, None),
        "1.3": ("Loisirs", "Briser l'isolement", LOISIRS, "", 2025, 2027, None),
    })
    actions = _actions(tmp_path / "plan.xlsx")
    assert actions["1.3"]["Feuille du plan"] == "Aînés" and actions["1.1"]["Feuille du plan"] == "Familles"
    assert actions["1.2"]["Échéancier (texte du plan)"] == "2026, 2027 : prévu, prévu"  # the unusual marks kept
    checks = _checks(tmp_path / "plan.xlsx")
    assert any(c["Ce que l'importation a compris"].startswith("marque inhabituelle") and c["No"] == "1.2"
               for c in checks)
    assert any(c["Ce que l'importation a compris"].startswith("ligne de note") for c in checks)
    numbered = [c for c in checks if c["Ce que l'importation a compris"].startswith("action sans numéro")]
    assert [c["No"] for c in numbered] == ["1.1", "1.2", "2.1", "1.3"]
    assert numbered[0]["Où, dans le plan adopté"] == "Familles!A6"
    _generer_accepts(tmp_path / "plan.xlsx", tmp_path)


def _section_rows_plan(path: Path, title: str) -> Path:
    """A sheet where the axe and the objective are rows across the table, and the schedule says `An 1`."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Plan d'action")
    bold = book.add_format({"bold": True})
    sheet.write_string(0, 0, title, bold)
    sheet.write_row(2, 0, ["No", "Mesures", "Porteur", "Année(s)", "Clientèle", "Résultats attendus"], bold)
    rows = [
        ("AXE 1 — LOISIRS ET VIE COMMUNAUTAIRE",),
        ("Objectif 1.1 : Rendre les loisirs accessibles",),
        ("1.1.1", "Gratuité des camps de jour pour le troisième enfant", "Loisirs", "An 1", "Familles", "Inscriptions"),
        ("1.1.2", "Navette vers les activités", "Loisirs, Transport collectif", "An 2 et 3", "Aînés", ""),
        ("Objectif 1.2 : Valoriser les bénévoles",),
        ("1.2.1", "Soirée de reconnaissance", "Direction générale", "Annuel", "Tous", "Bénévoles honorés"),
        ("AXE 2 — HABITATION",),
        ("A-3", "Règlement sur les logements intergénérationnels", "Urbanisme", "Court terme", "", ""),
    ]
    for index, row in enumerate(rows, start=3):
        if len(row) == 1:
            sheet.merge_range(index, 0, index, 5, row[0], bold)
        else:
            sheet.write_row(index, 0, row)
    book.close()
    return path


def test_section_rows_give_axes_and_objectives_and_an_1_counts_from_debut(tmp_path):
    source = _section_rows_plan(tmp_path / "plan.xlsx", "Plan d'action de la Ville de Bellerive")
    _imported(source, tmp_path / "importe.xlsx", "--debut", "2026")
    axe1, axe2 = "AXE 1 — LOISIRS ET VIE COMMUNAUTAIRE", "AXE 2 — HABITATION"
    _assert_plan(tmp_path / "importe.xlsx", {
        "1.1.1": (axe1, "Objectif 1.1 : Rendre les loisirs accessibles", "Loisirs", "", 2026, 2026, None),
        "1.1.2": (axe1, "Objectif 1.1 : Rendre les loisirs accessibles", "Loisirs", "Transport collectif",
                  2027, 2028, None),
        "1.2.1": (axe1, "Objectif 1.2 : Valoriser les bénévoles", "Direction générale", "", 2026, 2028, None),
        "A-3": (axe2, "", "Urbanisme", "", "", "", None),
    })
    actions = _actions(tmp_path / "importe.xlsx")
    assert actions["1.1.1"]["Clientèle"] == "Familles" and actions["1.1.1"]["Indicateur"] == "Inscriptions"
    assert actions["A-3"]["Échéancier (texte du plan)"] == "Court terme"
    checks = _checks(tmp_path / "importe.xlsx")
    understood = [c["Ce que l'importation a compris"] for c in checks]
    assert "ligne de section lue comme un axe" in understood and "ligne de section lue comme un objectif" in understood
    assert any(c["No"] == "A-3" and c["Ce que l'importation a compris"].startswith("échéancier par terme sans "
                                                                                   "années connues : précisez --termes")
               for c in checks)
    section = next(c for c in checks if c["Texte lu"] == axe1)
    assert section["Où, dans le plan adopté"] == "'Plan d''action'!A4"  # as Excel names it
    _generer_accepts(tmp_path / "importe.xlsx", tmp_path)


def test_relative_years_without_a_first_year_are_left_empty_and_listed(tmp_path):
    source = _section_rows_plan(tmp_path / "plan.xlsx", "Plan d'action de la Ville de Bellerive")
    result = _imported(source, tmp_path / "importe.xlsx")
    assert "années du plan inconnues" in result.output
    actions = _actions(tmp_path / "importe.xlsx")
    assert actions["1.1.1"]["Début"] == "" and actions["1.1.1"]["Échéancier (texte du plan)"] == "An 1"
    assert any("précisez --debut" in c["Ce que l'importation a compris"] for c in _checks(tmp_path / "importe.xlsx"))
    _generer_accepts(tmp_path / "importe.xlsx", tmp_path)


@pytest.mark.slow
@needs_soffice
def test_an_opendocument_plan_reads_like_its_excel_original(tmp_path):
    source = _section_rows_plan(tmp_path / "plan.xlsx", "Plan d'action 2026-2028 de la Ville de Bellerive")
    ods = soffice_convert(source, tmp_path / "ods", "ods")
    _imported(source, tmp_path / "de-xlsx.xlsx")
    _imported(ods, tmp_path / "de-ods.xlsx")
    assert _actions(tmp_path / "de-ods.xlsx") == _actions(tmp_path / "de-xlsx.xlsx")
    assert _actions(tmp_path / "de-ods.xlsx")["1.1.2"]["Fin"] == 2028


def test_a_document_without_a_plan_table_is_refused_and_nothing_is_written(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("Politique familiale", 0)
    document.add_paragraph("Le plan d'action sera adopté à l'automne.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Nom", "Téléphone"
    document.save(str(tmp_path / "lettre.docx"))
    result = run("importer", tmp_path / "lettre.docx", "-o", tmp_path / "plan.xlsx")
    assert result.exit_code == 2 and "aucun tableau de plan d'action trouvé dans « lettre.docx »" in result.output
    assert not (tmp_path / "plan.xlsx").exists()


def test_a_scanned_pdf_without_text_is_refused(tmp_path):
    drawing = b"0 0 1 rg 100 100 200 200 re f"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(drawing), drawing)]
    body, offsets = b"%PDF-1.4\n", []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n%s\nendobj\n" % (number, obj)
    xref = len(body)
    body += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    body += b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    (tmp_path / "numerise.pdf").write_bytes(body)
    result = run("importer", tmp_path / "numerise.pdf", "-o", tmp_path / "plan.xlsx")
    assert result.exit_code == 2 and "« numerise.pdf » ne contient pas de texte" in result.output
    assert not (tmp_path / "plan.xlsx").exists()


@pytest.mark.parametrize("name, content, words", [
    ("plan.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "format .doc non reconnu"),
    ("plan.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "ancien format"),
    ("plan.pdf", b"<html>pas un pdf</html>", "ne peut pas être lu comme un PDF"),
    ("plan.xlsx", b"PK\x03\x04tronque", "ne peut pas être ouvert"),
])
def test_files_that_are_not_plans_get_a_french_message_naming_them(tmp_path, name, content, words):
    (tmp_path / name).write_bytes(content)
    result = run("importer", tmp_path / name, "-o", tmp_path / "sortie.xlsx")
    assert result.exit_code == 2 and words in result.output and name in result.output
    assert no_crash(result) and not (tmp_path / "sortie.xlsx").exists()


def test_the_output_never_replaces_the_source_nor_an_existing_plan(tmp_path):
    source = write_word(tmp_path / "plan-adopte.docx", TITLE, "Plan d'action 2025-2027", WORD_ACTIONS)
    result = run("importer", source, "-o", source)
    assert result.exit_code == 2 and "jamais modifié" in result.output
    (tmp_path / "plan.xlsx").write_bytes(b"le plan du coordonnateur")
    result = run("importer", source, "-o", tmp_path / "plan.xlsx")
    assert result.exit_code == 2 and "--ecraser" in result.output
    assert (tmp_path / "plan.xlsx").read_bytes() == b"le plan du coordonnateur"
    assert run("importer", source, "-o", tmp_path / "plan.xlsx", "--ecraser").exit_code == 0


@pytest.mark.slow
def test_the_shipped_examples_give_the_same_plan_in_every_format(tmp_path):
    """modeles/: the Word plan, its PDF (rows and a header cut by page breaks) and the printable Excel."""
    models = Path(__file__).resolve().parents[1] / "modeles"
    for name in ("plan-adopte.docx", "plan-adopte.pdf", "plan-adopte-imprimable.xlsx"):
        _imported(models / name, tmp_path / f"{name}.xlsx")
    word, pdf = _actions(tmp_path / "plan-adopte.docx.xlsx"), _actions(tmp_path / "plan-adopte.pdf.xlsx")
    assert len(word) == 43 and pdf == word
    printed = _actions(tmp_path / "plan-adopte-imprimable.xlsx.xlsx")
    assert len(printed) == 43
    assert sorted(r["Action"] for r in printed.values()) == sorted(r["Action"] for r in word.values())
    leads = {r["Action"]: r["Service responsable"] for r in word.values()}
    assert all(leads[r["Action"]] == r["Service responsable"] for r in printed.values())
    _generer_accepts(tmp_path / "plan-adopte.pdf.xlsx", tmp_path)


def _with_merges(source: Path, refs: list[str]) -> Path:
    """The workbook again, its first sheet holding a cell far below the table and the merges `refs`."""
    import re
    import zipfile

    book = openpyxl.load_workbook(source)
    book.worksheets[0]["A20000"] = "fin"
    book.save(source)
    with zipfile.ZipFile(source) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    added = "".join(f'<mergeCell ref="{ref}"/>' for ref in refs)
    if "</mergeCells>" in xml:
        xml = re.sub(r'<mergeCells count="\d+">', '<mergeCells>', xml).replace("</mergeCells>", added + "</mergeCells>")
    else:
        xml = xml.replace("</sheetData>", f"</sheetData><mergeCells>{added}</mergeCells>")
    parts["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return source


def _plan_with_a_wide_merge(tmp_path):
    actions = [{"axe": "Loisirs", "objectif": "Bouger", "action": "Prêter de l'équipement sportif",
                "responsable": LOISIRS, "years": [2025, 2026]}]
    source = write_printed_excel(tmp_path / "plan.xlsx", "Plan d'action 2025-2027", [2025, 2026, 2027],
                                 {"Familles": actions})
    return _with_merges(source, ["B30:XFD19999"])  # 327 million cells claimed, a few columns held


def test_a_merge_wider_than_the_sheet_is_imported_in_process_and_quietly(tmp_path, capfd):
    """In-process twin of the whole-process test below, for the quick loop (it looped 300 million times:
    a regression hangs here rather than timing out); descriptor 2 is read as well as click's stream."""
    source = _plan_with_a_wide_merge(tmp_path)
    result = run("importer", source, "-o", tmp_path / "p.xlsx")
    written = capfd.readouterr().err
    assert result.exit_code == 0 and "Actions : 1 " in result.stdout, result.output
    assert not result.stderr and not written, (result.stderr, written)


@pytest.mark.slow  # a whole process; its in-process twin above is in the quick loop
def test_a_merge_wider_than_the_sheet_costs_only_the_cells_the_sheet_holds(tmp_path):
    import subprocess

    source = _plan_with_a_wide_merge(tmp_path)
    done = subprocess.run([sys.executable, "-m", "suivi_excel", "importer", source, "-o", tmp_path / "p.xlsx"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "Actions : 1 " in done.stdout and not done.stderr, done.stderr


def test_merges_that_together_fill_more_than_a_sheet_may_span_are_refused_naming_the_sheet(tmp_path):
    actions = [{"axe": "Loisirs", "objectif": "Bouger", "action": "Prêter de l'équipement sportif",
                "responsable": LOISIRS, "years": [2025, 2026]}]
    source = write_printed_excel(tmp_path / "plan.xlsx", "Plan d'action 2025-2027", [2025, 2026, 2027],
                                 {"Familles": actions})
    _with_merges(source, ["A1:XFD20000"] * 200)
    result = run("importer", source, "-o", tmp_path / "p.xlsx")
    assert no_crash(result) and result.exit_code == 2, result.output
    assert "plan.xlsx" in result.output and "Familles" in result.output and "fusionnées" in result.output
    assert "« plan.xlsx », feuille « Familles » : plus de 2 000 000 cellules fusionnées ;" in result.output
    assert not (tmp_path / "p.xlsx").exists()
