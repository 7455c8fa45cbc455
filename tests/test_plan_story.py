"""Three periods of one plan through the CLI (SPEC §13), as a coordinator lives them: the title corrected
after the first period, the library silent in the second, the information service never answering
about an action due in the first period. Assertions on the forms, the reports and the history."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import openpyxl
import pytest
from conftest import COMM, LOISIRS, TP, actions_by_no, charts_of, run, sheet
from test_plan_life import dashboard_list, period_cycle, prefill_rules, set_parameter, tool_plan

from suivi_excel.core.periods import parse_period
from suivi_excel.forms.generation import per_service_file_names

FIXTURES = Path(__file__).parent / "fixtures" / "v1"


def form_rows(form: Path, tab: str) -> dict[str, dict[str, object]]:
    sheet_ = openpyxl.load_workbook(form)[tab]
    header = [c.value for c in sheet_[1]]
    return {row[0]: dict(zip(header, row)) for row in sheet_.iter_rows(min_row=2, values_only=True)}


@pytest.mark.slow  # three whole periods: generer, returns, consolider each
def test_three_periods_follow_each_other_without_losing_anything(tmp_path):
    plan = tool_plan(tmp_path / "plan.xlsx", {"Municipalité": "Ville-Test", "Titre du plan": "Plan Ville-Test "
                                              "Ville-Test 2025-2027", "Coordonnateur": "Dominique"})
    store = tmp_path / "suivi-historique.sqlite"
    # 2025: everybody but the information service answers (3.1 is due at the end of 2025)
    first = {LOISIRS: {"1.1": {"Statut": "Réalisée", "Avancement (%)": 100, "Dépenses réelles ($)": 4800,
                               "Résultat de l'indicateur": "620 personnes", "Bon coup": "Record de participation",
                               "Commentaires": "Merci aux bénévoles"},
                       "1.2": {"Statut": "En cours", "Avancement (%)": 50, "Obstacles": "Piscine fermée",
                               "Besoin de soutien": "Oui", "Date de début réelle": dt.datetime(2025, 4, 1)}},
             TP: {"2.1": {"Statut": "En cours", "Avancement (%)": 30}, "2.10": {"Statut": "Non débutée"}}}
    _made, done, report = period_cycle(tmp_path, plan, "2025", first, store)
    assert actions_by_no(report).loc["3.1", "En retard"] == "Oui"
    assert "en retard : 1" in done

    # the coordinator corrects the title (the town's name was there twice)
    set_parameter(plan, "Titre du plan", "Plan Ville-Test 2025-2027")
    # 2026: the library does not answer
    second = {TP: {"2.1": {"Statut": "En cours", "Avancement (%)": 70}, "2.10": {"Statut": "En cours"}}}
    made, done, report = period_cycle(tmp_path, plan, "2026", second, store)
    assert "Pré-remplissage : 4 action(s)" in made and "Attention" not in made
    loisirs_2026 = form_rows(tmp_path / "2026" / "envois" / per_service_file_names(
        [LOISIRS], parse_period("2026"))[LOISIRS], LOISIRS)
    assert (loisirs_2026["1.2"]["Statut"], loisirs_2026["1.2"]["Avancement (%)"]) == ("En cours", 50)
    for remark in ("Obstacles", "Besoin de soutien", "Commentaires", "Bon coup"):
        assert loisirs_2026["1.2"][remark] is None and loisirs_2026["1.1"][remark] is None
    actions = actions_by_no(report)
    assert (actions.loc["1.1", "Statut"], actions.loc["1.1", "Depuis"], actions.loc["1.1", "Dépenses réelles ($)"]) == (
        "Réalisée", "2025", 4800)
    assert (actions.loc["1.2", "Statut"], actions.loc["1.2", "Dernier statut connu"], actions.loc["1.2", "Depuis"]) == (
        "Non renseigné", "En cours", "2025")
    assert actions.loc["3.1", "En retard"] == "Oui"
    assert "Taux de réalisation : 20 %" in done  # 1.1, réalisée in 2025, still counts
    axes = sheet(report, "Par axe").set_index("Axe")
    assert axes.loc["Loisirs et culture", "Part non renseignée"] == 0.5
    assert axes.loc["Information", "Part non renseignée"] == 1
    support = [r[0] for r in dashboard_list(report, "Actions qui ont besoin de soutien")[1:]]
    assert support == []  # 2025's "Oui" is not this period's
    late = {r[0]: r for r in dashboard_list(report, "Actions en retard")[1:]}
    assert late["3.1 — Bottin des ressources"][1:4] == (COMM, "Non renseigné", "Aucun")
    # the reminder goes to the silent library: a status kept from 2025 is no answer
    reminder = run("envoyer", "formulaires", tmp_path / "2026" / "envois", "--relance", "--historique", store,
                   "--essai", "--de", "coord@ville.test")
    assert reminder.exit_code == 0, reminder.output
    assert "loisirs@ville.test" in reminder.output and "tp@ville.test" not in reminder.output

    # 2027: the library is back, from a form pre-filled with what it said in 2025
    out = tmp_path / "2027"
    generated = run("generer", plan, "-p", "2027", "-o", out / "suivi.xlsx", "--par-service", out / "envois",
                    "--historique", store)
    assert generated.exit_code == 0, generated.output
    form = out / "envois" / per_service_file_names([LOISIRS], parse_period("2027"))[LOISIRS]
    book = openpyxl.load_workbook(form)
    instructions = " ".join(str(c.value) for c in book["Instructions"]["A"] if c.value)
    assert "viennent du suivi de la période 2025" in instructions and "mettez-les à jour" in instructions
    rows = form_rows(form, LOISIRS)
    assert (rows["1.1"]["Statut"], rows["1.2"]["Statut"], rows["1.2"]["Avancement (%)"]) == ("Réalisée", "En cours", 50)
    assert len(prefill_rules(book[LOISIRS])) >= 4  # status and progress of both actions look pre-filled
    shutil.rmtree(out)
    third = {LOISIRS: {"1.2": {"Statut": "Réalisée", "Avancement (%)": 100}},
             TP: {"2.1": {"Statut": "Réalisée", "Avancement (%)": 100}, "2.10": {"Statut": "Réalisée",
                                                                                  "Avancement (%)": 100}}}
    made, done, report = period_cycle(tmp_path, plan, "2027", third, store)
    actions = actions_by_no(report)
    assert actions["Statut"].to_dict() == {"1.1": "Réalisée", "1.2": "Réalisée", "2.1": "Réalisée",
                                           "2.10": "Réalisée", "3.1": "Non renseigné"}
    assert "Taux de réalisation : 80 %" in done
    history = sheet(report, "Historique")
    assert sorted(set(history["Période"].astype(str))) == ["2025", "2026", "2027"] and len(history) == 15
    assert ("barChart", "Statuts des actions, période par période") in charts_of(report, "Tableau de bord")
    with sqlite3.connect(store) as connection:
        plans = connection.execute("SELECT DISTINCT plan FROM periodes").fetchall()
        kept = connection.execute("SELECT periode, statut FROM actions WHERE no = '1.1' ORDER BY periode").fetchall()
    assert len(plans) == 1  # one plan across the corrected title
    assert kept == [("2025", "Réalisée"), ("2026", "Réalisée"), ("2027", "Réalisée")]


def test_a_plan_and_a_history_written_by_the_previous_version_keep_working(tmp_path):
    """The v1 fixtures (main at a67a3a3): a plan without identifier, its 2026 history (the information
    service silent). The next period is pre-filled from it, consolidated into it, and its report shows both."""
    plan, store = tmp_path / "plan.xlsx", tmp_path / "suivi-historique.sqlite"
    shutil.copyfile(FIXTURES / "plan.xlsx", plan)
    shutil.copyfile(FIXTURES / "suivi-historique.sqlite", store)
    second = {TP: {"2.1": {"Statut": "En cours", "Avancement (%)": 40}}}
    made, done, report = period_cycle(tmp_path, plan, "2027", second, store)
    assert "Pré-remplissage : 4 action(s)" in made  # 3.1 was never reported
    tp = form_rows(tmp_path / "2027" / "envois" / per_service_file_names([TP], parse_period("2027"))[TP], TP)
    assert (tp["2.1"]["Statut"], tp["2.1"]["Avancement (%)"], tp["2.1"]["Obstacles"]) == ("Reportée", 10, None)
    actions = actions_by_no(report)
    assert (actions.loc["1.1", "Statut"], actions.loc["1.1", "Depuis"]) == ("Réalisée", "2026")
    assert (actions.loc["1.2", "Dernier statut connu"], actions.loc["1.2", "Depuis"]) == ("En cours", "2026")
    assert actions.loc["3.1", "En retard"] == "Oui"
    assert sorted(set(sheet(report, "Historique")["Période"].astype(str))) == ["2026", "2027"]
    assert "Attention" not in made + done


def test_a_plan_written_by_the_previous_modele_is_read_with_its_old_identity(tmp_path):
    """`modele` of main at a67a3a3 wrote no identifier: such a plan keeps the municipality-and-title rule."""
    from suivi_excel.plan.reading import read_plan

    old = read_plan(FIXTURES / "plan-modele.xlsx")
    assert old.identifier == "" and len(old.identity) == 16
    assert read_plan(FIXTURES / "plan-modele.xlsx").identity == old.identity  # stable, not drawn at random
