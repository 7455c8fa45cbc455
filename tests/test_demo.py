"""`suivi-excel demo`: the whole cycle on the shipped example plan, as a first-time user runs it."""

from __future__ import annotations

import subprocess
import sys

import docx
import pytest
from conftest import actions_by_no, anomalies, run, sheet, sheet_names_of

from suivi_excel.core.resources import example_plan
from suivi_excel.plan.reading import read_plan


def test_example_plan_is_realistic_and_valid():
    plan = read_plan(example_plan())
    assert len(plan.actions) >= 40 and len(plan.services) >= 8 and plan.actions["Axe"].nunique() >= 6
    assert plan.extra_columns == ["Clientèle", "Priorité"]
    assert any(len(s) > 31 for s in plan.services["Service"])
    assert {"3.1", "3.10"} <= set(plan.actions["No"])


@pytest.mark.slow  # a whole process
def test_demo_runs_the_cycle_and_shows_the_usual_mistakes(tmp_path):
    result = run("demo", tmp_path / "essai")
    assert result.exit_code == 0, result.output
    report = tmp_path / "essai" / "rapport-2026.xlsx"
    assert report.exists() and "Tableau de bord" in result.output
    table = anomalies(report)
    problems = " ".join(table["Problème"])
    assert "pas un formulaire de suivi" in problems  # the unrelated file
    assert "plus d'un retour" in problems  # a service that answered twice
    assert "Aucun retour du service « Service de sécurité incendie »" in problems
    assert "« Presque fini » inconnu" in problems
    actions = actions_by_no(report)
    assert (actions["Statut"] == "Non renseigné").sum() == 4  # the silent service's actions
    sloppy = actions[actions["Service responsable"].str.startswith("Service des loisirs")]
    assert sloppy.iloc[0]["Statut"] == "Réalisée"  # typed "realisee"
    assert sloppy.iloc[1]["Avancement (%)"] == 45  # typed 0.45
    services = sheet(report, "Par service")
    assert (services["Retour reçu"] == "Oui").sum() == 7
    assert sheet_names_of(report)[0] == "Tableau de bord"
    # results against the targets, a few bons coups, and the bilan that ends the demo
    assert actions["Résultat de l'indicateur"].notna().sum() >= 15 and actions["Bon coup"].notna().sum() >= 3
    assert "représente 50 % de la cible" in problems  # a service that says reached at half
    document = docx.Document(str(tmp_path / "essai" / "bilan-2026.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert all(told in text for told in actions["Bon coup"].dropna())
    assert len(document.inline_shapes) == 2 and "bilan-2026.docx" in result.output


@pytest.mark.slow  # a whole process
def test_python_dash_m_is_the_same_program():
    done = subprocess.run([sys.executable, "-m", "suivi_excel", "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and "generer" in done.stdout and "Utilisation" in done.stdout
