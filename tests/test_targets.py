"""Targets and bons coups: the two tracking columns a committee's bilan is made of (SPEC §4)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import openpyxl
import pytest

from conftest import COMM, LOISIRS, TP, actions_by_no, anomalies, fill, run, write_test_plan
from suivi_excel.core.periods import parse_period
from suivi_excel.core.targets import answer_for, leading_number, target_share
from suivi_excel.core.values import parse_target
from suivi_excel.forms.generation import Options, generate
from suivi_excel.plan.reading import read_plan

FIXTURES = Path(__file__).parent / "fixtures" / "v1"
HEADERS = ("No", "Axe", "Action", "Service responsable", "Début", "Fin", "Indicateur", "Cible")
ROWS = [
    ("1.1", "Loisirs", "Fête de quartier", LOISIRS, 2025, 2026, "Participants", "500 personnes"),
    ("1.2", "Loisirs", "Aquaforme pour aînés", LOISIRS, 2025, 2027, "Ateliers", "20 ateliers"),
    ("2.1", "Mobilité", "Trottoir vers l'école", TP, 2025, 2026, "Mètres", "800 m"),
    ("2.2", "Mobilité", "Feux piétons", TP, 2026, 2026, "Intersections", "Toutes les écoles"),
    ("3.1", "Information", "Bottin des ressources", COMM, 2025, 2025, "Exemplaires", "1 000 exemplaires"),
]


@pytest.mark.parametrize("text, number", [("14 ateliers", 14), ("1 000 exemplaires", 1000), ("62 %", 62),
                                          ("2,5 km", 2.5), (12, 12), ("Un bottin à jour", None),
                                          ("15/03/2026", None), ("2026-03-15", None), ("", None)])
def test_a_target_or_result_is_read_by_the_number_it_starts_with(text, number):
    assert leading_number(text) == number


def test_share_of_the_target_gives_the_answer():
    assert target_share("20 ateliers", "14 ateliers") == pytest.approx(0.7)
    assert [answer_for(s) for s in (1.2, 1.0, 0.7, 0.0)] == ["Oui", "Oui", "En partie", "Non"]
    assert target_share("0 plainte", "3") is None and target_share("Toutes les écoles", "4") is None


def test_target_answer_is_matched_like_a_status():
    assert parse_target("en partie").value == "En partie" and parse_target("s/o").value == "Sans objet"
    assert parse_target("Peut-être").code == "target-unknown"


@pytest.fixture
def target_forms(tmp_path, made_once):
    def make(folder):
        plan = read_plan(write_test_plan(folder / "plan.xlsx", rows=ROWS, headers=HEADERS))
        return generate(plan, Options(parse_period("2026")), folder / "suivi.xlsx", folder / "envois")

    return made_once("target-forms", make, tmp_path)


def test_empty_answer_is_deduced_from_the_numbers_and_a_contradiction_warned(tmp_path, target_forms):
    returns = tmp_path / "retours"
    fill(target_forms, LOISIRS, {
        "1.1": {"Statut": "Réalisée", "Avancement (%)": 100, "Résultat de l'indicateur": "620 personnes",
                "Bon coup": "Record de participation : 620 personnes au parc."},
        "1.2": {"Statut": "En cours", "Résultat de l'indicateur": "14 ateliers", "Cible atteinte": "Oui"}},
        returns / "loisirs.xlsx")
    fill(target_forms, TP, {
        "2.1": {"Statut": "En cours", "Résultat de l'indicateur": "0 m"},
        "2.2": {"Statut": "En cours", "Résultat de l'indicateur": "4 écoles", "Cible atteinte": "En partie"}},
        returns / "tp.xlsx")
    report = tmp_path / "rapport.xlsx"
    assert run("consolider", returns, "-o", report).exit_code == 0
    actions = actions_by_no(report)
    assert actions.loc["1.1", "Cible atteinte"] == "Oui"  # 124 %: deduced
    assert actions.loc["1.2", "Cible atteinte"] == "Oui"  # the service's answer is kept, and warned
    assert actions.loc["2.1", "Cible atteinte"] == "Non"
    assert actions.loc["2.2", "Cible atteinte"] == "En partie"  # no number in the target: nothing to check
    assert actions.loc["1.1", "Bon coup"] == "Record de participation : 620 personnes au parc."
    table = anomalies(report)
    header = [c.value for c in openpyxl.load_workbook(target_forms.per_service[LOISIRS])[LOISIRS][1]]
    cell = openpyxl.utils.get_column_letter(header.index("Cible atteinte") + 1) + "3"
    warned = table[table["Problème"].str.contains("70 %") & (table["Gravité"] == "Avertissement")]
    assert list(warned["Cellule"]) == [cell] and list(warned["Valeur"]) == ["Oui"]
    assert len(table[table["Problème"].str.contains("cible")]) == 1  # a deduced answer needs no note


def test_forms_of_the_earlier_version_without_the_new_columns_are_read(tmp_path):
    returns = tmp_path / "retours"
    shutil.copytree(FIXTURES / "retours", returns)
    before = {p.name: p.read_bytes() for p in returns.iterdir()}
    report = tmp_path / "rapport.xlsx"
    result = run("consolider", returns, "-o", report)
    assert result.exit_code == 0, result.output
    table = anomalies(report)
    assert not table["Problème"].str.contains("introuvable").any()
    actions = actions_by_no(report)
    assert actions.loc["1.1", "Cible atteinte"] == "Oui" and actions.loc["1.2", "Cible atteinte"] == "En partie"
    assert actions.loc["1.1", "Commentaires"] == "Bon coup : record de participation."
    assert {p.name: p.read_bytes() for p in returns.iterdir()} == before


def test_history_of_the_earlier_version_takes_the_new_columns(tmp_path, target_forms):
    store = tmp_path / "suivi-historique.sqlite"
    shutil.copyfile(FIXTURES / "suivi-historique.sqlite", store)
    returns = tmp_path / "retours"
    shutil.copytree(FIXTURES / "retours", returns)
    plan = FIXTURES / "plan.xlsx"
    assert run("generer", plan, "-p", "2027", "-o", tmp_path / "s.xlsx", "--historique", store).exit_code == 0
    assert run("consolider", returns, "-o", tmp_path / "rapport.xlsx", "--historique", store,
               "-p", "2026").exit_code == 0
    with sqlite3.connect(store) as connection:
        found = dict(connection.execute("SELECT no, cible_atteinte FROM actions WHERE periode = '2026'"))
        version = connection.execute("PRAGMA user_version").fetchone()[0]
    assert found["1.1"] == "Oui" and found["1.2"] == "En partie" and version == 2


def test_pre_filled_form_leaves_the_period_s_own_answers_blank(tmp_path, target_forms):
    returns = tmp_path / "retours"
    fill(target_forms, LOISIRS, {"1.2": {"Statut": "En cours", "Résultat de l'indicateur": "14 ateliers",
                                         "Bon coup": "Une liste d'attente !"}}, returns / "l.xlsx")
    store = tmp_path / "h.sqlite"
    assert run("consolider", returns, "-o", tmp_path / "r.xlsx", "--historique", store).exit_code == 0
    assert run("generer", tmp_path / "plan.xlsx", "-p", "2027", "-o", tmp_path / "s.xlsx",
               "--historique", store).exit_code == 0
    sheet = openpyxl.load_workbook(tmp_path / "s.xlsx")[LOISIRS]
    header = [c.value for c in sheet[1]]
    row = [c.value for c in sheet[3]]
    assert row[header.index("Résultat de l'indicateur")] == "14 ateliers"
    assert row[header.index("Bon coup")] is None and row[header.index("Cible atteinte")] is None


@pytest.mark.slow  # like the other review-cycle tests
def test_a_correction_workbook_gives_back_only_what_the_service_typed(tmp_path, target_forms):
    returns = tmp_path / "retours"
    fill(target_forms, LOISIRS, {"1.2": {"Statut": "En cours", "Avancement (%)": "beaucoup",
                                         "Résultat de l'indicateur": "14 ateliers"}}, returns / "l.xlsx")
    result = run("consolider", returns, "-o", tmp_path / "r.xlsx", "--corrections", tmp_path / "corrections")
    assert result.exit_code == 0, result.output
    (correction,) = (tmp_path / "corrections").glob("*.xlsx")
    sheet = openpyxl.load_workbook(correction)[LOISIRS]
    header = [c.value for c in sheet[1]]
    row = [c.value for c in sheet[3]]
    assert row[header.index("Résultat de l'indicateur")] == "14 ateliers"
    assert row[header.index("Cible atteinte")] is None  # the report deduced it; the service did not type it
