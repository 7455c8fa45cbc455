"""Every sheet a user may print prints legibly (SPEC §9): the report, a form, a correction workbook, the
plan and the regional workbook, printed to PDF by LibreOffice and read back with pdfplumber."""

from __future__ import annotations

import re
import shutil
from functools import cache

import pdfplumber
import pytest
from conftest import needs_soffice, run, soffice_convert

from suivi_excel.core.columns import TRACKING_HEADERS
from suivi_excel.report.texts import PRINTED_COLUMNS

pytestmark = [needs_soffice, pytest.mark.slow]

LEAST = 6.95  # points: 7 pt, give or take the PDF's rounding
LOISIRS = "Service des loisirs, de la culture et de la vie communautaire"
FOOTER = re.compile(r"^Page \d+ de \d+$")


@pytest.fixture(scope="module")
def cycle(tmp_path_factory):
    """The demo's whole cycle (43 actions, long service names, extra columns), its corrections, a region."""
    folder = tmp_path_factory.mktemp("impression")
    assert run("demo", folder / "d").exit_code == 0
    demo = folder / "d"
    assert run("consolider", demo / "retours", "-o", folder / "rapports" / "rapport.xlsx", "--corrections",
               folder / "corrections", "--historique", folder / "h.sqlite").exit_code == 0
    assert run("regrouper", folder / "rapports", "-o", folder / "region.xlsx").exit_code == 0
    assert run("modele", folder / "modele.xlsx").exit_code == 0
    return folder, demo


def _pdf(workbook, _folder=None) -> list[dict]:
    """Each printed page of a workbook: its smallest text, its text lines (top to bottom), its words
    (printed once per workbook, beside it: several tests read the same pages)."""
    return _printed(workbook)


@cache
def _printed(workbook) -> list[dict]:
    folder = workbook.parent / f"pdf{_printed.cache_info().currsize}"  # LibreOffice's profile: a plain path
    plain = folder / "classeur.xlsx"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(workbook, plain)
    pdf = soffice_convert(plain, folder, "pdf")
    pages = []
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            words = page.extract_words(extra_attrs=["size"], keep_blank_chars=False)
            lines: dict[int, list] = {}
            for word in words:
                lines.setdefault(round(word["top"] / 3), []).append(word)
            text = [" ".join(w["text"] for w in sorted(ws, key=lambda w: w["x0"])) for _, ws in sorted(lines.items())]
            pages.append({"least": min((c["size"] for c in page.chars), default=99), "lines": text,
                          "text": " ".join(text), "words": words, "width": page.width})
    return pages


def _legible(pages, name):
    small = [(i + 1, round(p["least"], 1)) for i, p in enumerate(pages) if p["least"] < LEAST]
    assert not small, f"{name} : pages imprimées sous 7 pt (page, taille) : {small}"


def _header_words(headers):
    return {word for header in headers for word in header.split()}


def test_every_page_of_the_report_prints_at_7_points_or_more(cycle, tmp_path):
    folder, _demo = cycle
    pages = _pdf(folder / "rapports" / "rapport.xlsx", tmp_path)
    _legible(pages, "rapport")
    assert len(pages) < 40


def test_the_printable_actions_are_one_page_wide_their_header_whole_on_every_page(cycle, tmp_path):
    folder, _demo = cycle
    pages = [p for p in _pdf(folder / "rapports" / "rapport.xlsx", tmp_path) if PRINTED_COLUMNS in p["text"]]
    assert pages, "la feuille « Actions à imprimer » n'est pas imprimée"
    wanted = _header_words(["No", "Action", "Service responsable", "Fin", "Statut", "Avancement (%)", "En retard",
                            "Obstacles", "Commentaires"])
    for page in pages:
        assert all(word in page["text"] for word in wanted), [w for w in wanted if w not in page["text"]]
        assert "2.1" in page["text"] or pages.index(page) > 0
    every = " ".join(p["text"] for p in pages)
    assert all(f"{n} " in every for n in ("1.1", "2.1", "6.6"))  # every action, on pages one wide


def test_dashboard_charts_are_whole_on_one_page_and_no_heading_ends_a_page(cycle, tmp_path):
    folder, _demo = cycle
    pages = _pdf(folder / "rapports" / "rapport.xlsx", tmp_path)
    # the chart's title, every service's bar, its axis title and its legend, on one page
    whole = [p for p in pages if all(t in p["text"] for t in ("État des actions par service", LOISIRS,
                                                                 "Direction générale", "Nombre d'actions",
                                                                 "Non débutée", "Non renseigné"))]
    assert len(whole) == 1
    axes = [p for p in pages if "Taux de réalisation par axe" in p["text"] and "Part non renseignée" in p["text"]]
    assert len(axes) == 1 and "100 %" in axes[0]["text"]
    for number, page in enumerate(pages, start=1):
        body = [line for line in page["lines"] if not FOOTER.match(line)]
        if body and "Tableau de bord" not in page["text"]:
            last = body[-1]
            assert not re.search(r"\(\d+\)$", last), f"page {number} : l'intitulé « {last} » finit la page"


def test_a_form_and_a_correction_workbook_print_legibly_their_header_above_the_first_action(cycle, tmp_path):
    folder, demo = cycle
    for workbook in (demo / "envois" / f"suivi-2026 - {LOISIRS}.xlsx",
                     next((folder / "corrections").glob("correction-*.xlsx"))):
        pages = _pdf(workbook, tmp_path)
        _legible(pages, workbook.name)
        printable = [p for p in pages if "Pour remplir" in p["text"]]
        assert len(printable) >= 1  # the À imprimer tab: every column to fill, one page wide
        assert all(word in printable[0]["text"] for word in _header_words(["No", "Action", *TRACKING_HEADERS]))
        tab_pages = [p for p in pages if "Pour remplir" not in p["text"] and "Objectif" in p["text"]
                     and re.search(r"\b\d+\.\d+\b", p["text"])]
        assert tab_pages
        for page in tab_pages[:1]:
            words = page["words"]
            first_number = min((w for w in words if re.fullmatch(r"\d+\.\d+", w["text"])), key=lambda w: w["top"])
            header = [w for w in words if w["text"] in _header_words(["Objectif", "Partenaires", "Budget prévu ($)"])]
            assert header and all(w["bottom"] <= first_number["top"] + 1 for w in header), \
                "l'en-tête déborde sur la première action"


def test_the_plan_prints_legibly_a_blank_one_one_legal_page_wide(cycle, tmp_path):
    folder, demo = cycle
    for workbook in (folder / "modele.xlsx", demo / "plan-importe.xlsx"):  # the imported one has more columns
        pages = _pdf(workbook, tmp_path)
        _legible(pages, workbook.name)
        actions = [p for p in pages if "Plan d'action : feuille Actions" in p["text"]]
        assert actions and all(w in actions[0]["text"] for w in ("No", "Axe", "Objectif", "Action"))
    blank = [p for p in _pdf(folder / "modele.xlsx") if "Plan d'action : feuille Actions" in p["text"]][0]
    assert all(w in blank["text"] for w in _header_words(["Service responsable", "Budget prévu ($)", "Indicateur",
                                                          "Cible"]))


def test_the_regional_workbook_prints_legibly(cycle, tmp_path):
    folder, _demo = cycle
    pages = _pdf(folder / "region.xlsx", tmp_path)
    _legible(pages, "bilan régional")
    printable = [p for p in pages if PRINTED_COLUMNS in p["text"]]
    assert printable and all(w in printable[0]["text"] for w in ("Municipalité", "Action", "Statut"))
    charts = [p for p in pages if "Statuts des actions par municipalité" in p["text"]]
    assert len(charts) == 1 and "Nombre d'actions" in charts[0]["text"]
