"""Bons coups and targets where a committee and an MRC read them: the dashboard and the regional roll-up."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import LOISIRS, TP, fill, run, sheet, write_test_plan
from test_targets import HEADERS, ROWS

from suivi_excel.core.periods import parse_period
from suivi_excel.forms.generation import Options, generate
from suivi_excel.plan.reading import read_plan

FIXTURES = Path(__file__).parent / "fixtures" / "v1"
GOOD = "Le club de marche a doublé ses inscriptions."


def _report(tmp_path: Path, municipality: str = "Ville-Test") -> Path:
    folder = tmp_path / municipality
    folder.mkdir(parents=True)
    plan = read_plan(write_test_plan(folder / "plan.xlsx", rows=ROWS, headers=HEADERS, parameters={
        "Municipalité": municipality, "Titre du plan": "Plan MADA 2025-2027"}))
    forms = generate(plan, Options(parse_period("2026")), folder / "suivi.xlsx", folder / "envois")
    fill(forms, LOISIRS, {
        "1.1": {"Statut": "Réalisée", "Résultat de l'indicateur": "620 personnes", "Bon coup": GOOD},
        "1.2": {"Statut": "En cours", "Résultat de l'indicateur": "14 ateliers"}}, folder / "retours" / "l.xlsx")
    fill(forms, TP, {"2.1": {"Statut": "Reportée", "Cible atteinte": "Sans objet"}}, folder / "retours" / "tp.xlsx")
    report = tmp_path / "rapports" / f"rapport-{municipality}.xlsx"
    assert run("consolider", folder / "retours", "-o", report, "--historique", folder / "h.sqlite").exit_code == 0
    return report


def _column(path: Path, name: str, col: int = 0) -> list[object]:
    return [row[col] if len(row) > col else None for row in _cells(path, name)]


def _cells(path: Path, name: str) -> list[list[object]]:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    try:
        return book.get_sheet_by_name(name).to_python()
    finally:
        book.close()


def test_dashboard_counts_targets_and_lists_bons_coups(tmp_path):
    report = _report(tmp_path)
    rows = _cells(report, "Tableau de bord")
    labels = {row[0]: row[1] for row in rows if len(row) > 1}
    heading = next(r[0] for r in rows if str(r[0]).startswith("Cibles ("))
    assert heading.startswith("Cibles (5 actions")  # every action of this plan has one
    assert labels["Cible atteinte"] == 1 and labels["Atteinte en partie"] == 1 and labels["Non atteinte"] == 0
    assert labels["Sans objet"] == 1 and labels["Pas encore de résultat"] == 2
    first = [str(r[0]) for r in rows]
    start = first.index("Bons coups (1)")
    assert rows[start + 2][0].startswith("1.1 — Fête de quartier") and rows[start + 2][1] == GOOD
    results = first.index("Résultats par rapport aux cibles (3)")
    assert [r[3] for r in rows[results + 2:results + 4]] == ["124 %", "70 %"]


@pytest.mark.slow  # like the other roll-up tests
def test_regrouper_gathers_every_municipality_s_bons_coups(tmp_path):
    _report(tmp_path, "Ville B")
    shutil.copyfile(FIXTURES / "rapport-2026.xlsx", tmp_path / "rapports" / "ancien-rapport.xlsx")
    result = run("regrouper", tmp_path / "rapports", "-o", tmp_path / "mrc.xlsx")
    assert result.exit_code == 0, result.output
    told = sheet(tmp_path / "mrc.xlsx", "Bons coups")
    assert list(told["Municipalité"]) == ["Ville B"] and list(told["Bon coup"]) == [GOOD]
    assert list(told.columns[:3]) == ["Municipalité", "Plan", "No"]
    municipalities = sheet(tmp_path / "mrc.xlsx", "Municipalités")
    assert sorted(municipalities["Municipalité"]) == ["Ville B", "Ville-Test"]  # the earlier report still counts
    assert sheet(tmp_path / "mrc.xlsx", "Anomalies").empty


@pytest.mark.slow  # two periods through the CLI
def test_a_target_reached_earlier_still_counts_when_the_service_is_silent(tmp_path):
    from test_history import cycle

    plan = write_test_plan(tmp_path / "plan.xlsx", rows=ROWS, headers=HEADERS)
    store = tmp_path / "h.sqlite"
    cycle(tmp_path, plan, "2026-S1", {LOISIRS: {"1.1": {"Statut": "Réalisée", "Résultat de l'indicateur": "620"}}},
          store)
    report = cycle(tmp_path, plan, "2026-S2", {TP: {"2.1": {"Statut": "En cours"}}}, store)
    labels = {row[0]: row[1] for row in _cells(report, "Tableau de bord") if len(row) > 1}
    assert labels["Cible atteinte"] == 1  # 1.1, réalisée in S1 with 620 of 500: the loisirs said nothing in S2
