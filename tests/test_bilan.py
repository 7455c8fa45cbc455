"""The committee's bilan (SPEC §14): a Word document a council reads and a municipality publishes,
opened here as a reader would, with python-docx."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import COMM, LOISIRS, TP, needs_soffice, no_crash, run, sheet, write_test_plan
from docx.oxml.ns import qn
from docx.shared import RGBColor
from test_history import cycle
from test_targets import HEADERS, ROWS

from suivi_excel.core.resources import models_dir

FIXTURES = Path(__file__).parent / "fixtures" / "v1"
GOOD_S1 = "Une liste d'attente dès la première session d'aquaforme (Loisirs & Santé, groupe <60+>)."
GOOD_S2 = "La fête a réuni 620 personnes, un record."


@pytest.fixture(scope="module")
def year(tmp_path_factory):
    """A plan followed over two semesters of 2026; the history and the S2 report."""
    base = tmp_path_factory.mktemp("bilan")
    plan = write_test_plan(base / "plan.xlsx", rows=ROWS, headers=HEADERS)
    store = base / "suivi-historique.sqlite"
    cycle(base, plan, "2026-S1", {
        LOISIRS: {"1.1": {"Statut": "En cours", "Avancement (%)": 40},
                  "1.2": {"Statut": "En cours", "Résultat de l'indicateur": "6 ateliers", "Bon coup": GOOD_S1}},
        TP: {"2.1": {"Statut": "Non débutée"}, "2.2": {"Statut": "En cours"}}}, store)
    report = cycle(base, plan, "2026-S2", {
        LOISIRS: {"1.1": {"Statut": "Réalisée", "Avancement (%)": 100, "Résultat de l'indicateur": "620 personnes",
                          "Bon coup": GOOD_S2},
                  "1.2": {"Statut": "En cours", "Avancement (%)": 70, "Résultat de l'indicateur": "14 ateliers"}},
        TP: {"2.1": {"Statut": "Reportée", "Obstacles": "Soumissions trop élevées."},
             "2.2": {"Statut": "En continu"}},
        COMM: {"3.1": {"Statut": "Abandonnée", "Commentaires": "Remplacé par le site Web."}}}, store)
    return base, store, report


def _bilan(tmp_path: Path, store: Path, *options: object) -> Path:
    output = tmp_path / "bilan.docx"
    result = run("bilan", *options, "--historique", store, "-o", output, "--sans-pdf")
    assert result.exit_code == 0, result.output
    return output


def _text(document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def _headings(document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def test_the_bilan_reads_as_the_committee_expects(tmp_path, year):
    _base, store, report = year
    path = _bilan(tmp_path, store, "--annee", 2026)
    assert zipfile.is_zipfile(path) and "word/document.xml" in zipfile.ZipFile(path).namelist()
    document = docx.Document(str(path))
    text = _text(document)
    assert document.paragraphs[[p.style.name for p in document.paragraphs].index("Title")].text == "Ville-Test"
    assert "Plan PFM-MADA 2025-2027" in text and "Bilan 2026 du plan d'action" in text
    assert _headings(document, 1)[:4] == ["Le mot du comité", "Faits saillants", "Le bilan en bref", "Bilan par axe"]
    assert _headings(document, 2) == ["Loisirs", "Mobilité", "Information"]
    for told in (GOOD_S1, GOOD_S2):  # both semesters' bons coups belong to the year
        assert told in text
    # the figures are the report's
    actions = sheet(report, "Actions")
    done = int((actions["Statut"] == "Réalisée").sum())
    rate = round(actions["Statut"].isin(["Réalisée", "En continu"]).mean() * 100)
    assert f"{done} des {len(actions)} actions du plan" in text and f"taux de réalisation de {rate} %" in text
    assert "Depuis 2026-S1, 2 actions ont été réalisées ou mises en continu" in text
    assert "Parmi les 5 actions qui ont une cible, 1 l'a atteinte et 1 en partie" in text
    assert "Soumissions trop élevées." in text and "Remplacé par le site Web." in text  # why stopped
    # targets per axe: Cible against Résultat
    targets = next(t for t in document.tables if t.rows[0].cells[-1].text == "Atteinte")
    assert [c.text for c in targets.rows[1].cells] == ["1.1 — Fête de quartier", "500 personnes", "620 personnes",
                                                       "124 %", "Oui"]
    # two charts, each with its figures in words
    shapes = document.inline_shapes
    assert len(shapes) == 2
    alts = [s._inline.docPr.get("descr") for s in shapes]
    assert f"{done} réalisée" in alts[0] and f"statut des {len(actions)} actions" in alts[0]
    assert "Loisirs : 50 % (1 sur 2)" in alts[1]
    # the annex: every action with its status, in a landscape section, its header row repeated
    annex = document.tables[-1]
    assert [r.cells[0].text for r in annex.rows] == ["No", *actions["No"].astype(str)]
    assert [r.cells[4].text for r in annex.rows[1:]] == list(actions["Statut"])
    assert annex.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert document.sections[-1].orientation == 1 and document.sections[0].orientation == 0
    assert "Ce qui vient en 2027" in _headings(document, 1)


@pytest.mark.slow  # a whole bilan rendered again
def test_end_of_plan_bilan_counts_as_published_bilans_do(tmp_path, year):
    _base, store, report = year
    document = docx.Document(str(_bilan(tmp_path, store, "--plan")))
    text = _text(document)
    actions = sheet(report, "Actions")
    done = int(actions["Statut"].isin(["Réalisée", "En continu"]).sum())
    partly = int((actions["Statut"] == "En cours").sum())
    assert (f"{done} actions réalisées, {partly} partiellement et {len(actions) - done - partly} non réalisée"
            in text)
    assert "Ce que le prochain plan devrait reprendre" in _headings(document, 1)
    assert "1.2 — Aquaforme pour aînés" in text


@pytest.mark.slow  # a whole bilan rendered again
def test_a_restyled_template_keeps_its_style(tmp_path, year):
    _base, store, _report = year
    template = docx.Document(str(models_dir() / "bilan.docx"))
    template.styles["Normal"].font.name = "Georgia"
    template.styles["Heading 1"].font.color.rgb = RGBColor(0x8B, 0x00, 0x00)
    word = next(p for p in template.paragraphs if p.text.startswith("Le comité de suivi présente"))
    word.text = "Mot de la mairesse : merci à toutes les équipes."
    restyled = tmp_path / "mon-modele.docx"
    template.save(str(restyled))
    document = docx.Document(str(_bilan(tmp_path, store, "--annee", 2026, "--modele", restyled)))
    assert document.styles["Normal"].font.name == "Georgia"
    assert document.styles["Heading 1"].font.color.rgb == RGBColor(0x8B, 0x00, 0x00)
    assert "Mot de la mairesse : merci à toutes les équipes." in _text(document)


@pytest.mark.slow  # a whole bilan rendered up to the broken tag
@pytest.mark.parametrize("damage, words", [
    (lambda d: d.add_paragraph("{{ municipalite "), "balise est mal formée"),
    (lambda d: d.add_paragraph("{{ nom_du_maire }}"), "nom_du_maire"),
])
def test_a_broken_template_is_refused_and_nothing_written(tmp_path, year, damage, words):
    _base, store, _report = year
    template = docx.Document(str(models_dir() / "bilan.docx"))
    damage(template)
    broken = tmp_path / "abime.docx"
    template.save(str(broken))
    result = run("bilan", "--annee", 2026, "--historique", store, "-o", tmp_path / "b.docx", "--modele", broken)
    assert result.exit_code == 2 and "abime.docx" in result.output and words in result.output
    assert not (tmp_path / "b.docx").exists()


def test_a_template_that_is_not_a_word_document_is_refused(tmp_path, year):
    _base, store, _report = year
    fake = tmp_path / "modele.docx"
    fake.write_text("pas un document")
    result = run("bilan", "--annee", 2026, "--historique", store, "-o", tmp_path / "b.docx", "--modele", fake)
    assert result.exit_code == 2 and "n'est pas un document Word" in result.output
    assert not (tmp_path / "b.docx").exists()


def test_a_word_document_without_any_tag_of_the_bilan_is_refused(tmp_path, year):
    # a letter or a blank page given as --modele would give a « bilan » of one sentence, to be published
    _base, store, _report = year
    letter = docx.Document()
    letter.add_paragraph("Rien ici.")
    letter.save(str(tmp_path / "lettre.docx"))
    result = run("bilan", "--annee", 2026, "--historique", store, "-o", tmp_path / "b.docx", "--modele",
                 tmp_path / "lettre.docx")
    assert no_crash(result) and result.exit_code == 2, result.output
    assert "lettre.docx" in result.output and "aucune des balises du bilan" in result.output
    assert not (tmp_path / "b.docx").exists() and not (tmp_path / "b.pdf").exists()


@pytest.mark.slow  # a whole bilan rendered again
def test_an_edited_bilan_is_not_replaced_without_ecraser(tmp_path, year):
    _base, store, _report = year
    path = _bilan(tmp_path, store, "--periode", "2026-S1")
    before = path.read_bytes()
    result = run("bilan", "--periode", "2026-S1", "--historique", store, "-o", path, "--sans-pdf")
    assert result.exit_code == 2 and "--ecraser" in result.output and path.read_bytes() == before
    assert "Bilan de la période 2026-S1" in _text(docx.Document(str(path)))


def test_the_spreadsheet_bilan_says_it_is_a_bilan(tmp_path, year):
    _base, store, _report = year
    output = tmp_path / "bilan.xlsx"
    assert run("bilan", "--annee", 2026, "--historique", store, "-o", output).exit_code == 0
    before = output.read_bytes()  # then edited by someone, or another workbook of that name (the plan)
    again = run("bilan", "--annee", 2026, "--historique", store, "-o", output)
    assert again.exit_code == 2 and "--ecraser" in again.output and output.read_bytes() == before
    heading = sheet(output, "Tableau de bord").columns[0]
    cells = " ".join(str(v) for v in sheet(output, "Tableau de bord").iloc[:3, 0])
    assert heading.startswith("Bilan annuel 2026") and "rapport" not in cells.lower()


@pytest.mark.slow  # a whole bilan rendered again
def test_a_history_of_the_earlier_version_gives_a_bilan(tmp_path):
    store = tmp_path / "suivi-historique.sqlite"
    shutil.copyfile(FIXTURES / "suivi-historique.sqlite", store)
    text = _text(docx.Document(str(_bilan(tmp_path, store, "--annee", 2026))))
    assert "1.1 — Fête de quartier annuelle" in text and "Bons coups" not in text


@pytest.mark.slow
@needs_soffice
def test_the_pdf_is_tagged_and_says_what_the_document_says(tmp_path, year):
    import pdfplumber

    _base, store, _report = year
    output = tmp_path / "bilan.docx"
    result = run("bilan", "--annee", 2026, "--historique", store, "-o", output)
    assert result.exit_code == 0, result.output
    pdf = output.with_suffix(".pdf")
    assert pdf.exists() and str(pdf) in result.output
    with pdfplumber.open(pdf) as opened:
        text = "\n".join(page.extract_text() or "" for page in opened.pages)
        catalog = opened.doc.catalog
        assert "StructTreeRoot" in catalog and "MarkInfo" in catalog  # a tagged PDF
        widths = [page.width > page.height for page in opened.pages]
    assert pdf.read_bytes().count(b"/Alt") >= 2  # each chart's text alternative reaches the PDF
    assert "Ville-Test" in text and GOOD_S2 in text
    assert widths[0] is False and widths[-1] is True  # the annex is landscape


@pytest.mark.slow  # a whole process
def test_without_libreoffice_the_bilan_says_how_to_get_the_pdf(tmp_path, year):
    import os
    import subprocess
    import sys

    _base, store, _report = year
    output = tmp_path / "bilan.docx"
    done = subprocess.run([sys.executable, "-m", "suivi_excel", "bilan", "--annee", "2026", "--historique", store,
                           "-o", output], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PATH": str(Path(sys.executable).parent)})  # no soffice on the PATH
    assert done.returncode == 0, done.stderr
    assert output.exists() and not output.with_suffix(".pdf").exists()
    assert "LibreOffice n'est pas installé" in done.stdout and "Enregistrer sous › PDF" in done.stdout
