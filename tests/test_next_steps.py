"""What the screen says: every command ends with the next one, help in French, nothing replaced unasked."""

from __future__ import annotations

import re

import openpyxl
from conftest import COMM, LOISIRS, TP, anomalies, fill, run

from suivi_excel.cli.console import _line
from suivi_excel.core.anomalies import Anomaly
from suivi_excel.core.text import column_letter

COMMANDS = ["", "modele", "importer", "generer", "verifier", "consolider", "regrouper", "bilan", "demo", "envoyer",
            "envoyer formulaires", "envoyer corrections", "envoyer rapport"]


def _last(result, count: int = 6) -> str:
    return "\n".join(result.output.strip().splitlines()[-count:])


def test_help_shows_no_english_word():
    for command in COMMANDS:
        result = run(*command.split(), "--help")
        assert result.exit_code == 0
        english = re.findall(r"\b(COMMAND|ARGS|TEXT|INTEGER|FLOAT|RANGE|FILE|DIRECTORY|PATH|BOOLEAN)\b",
                             result.output)
        assert not english, (command, english)


def test_generer_names_envoyer_formulaires_with_its_folder(tmp_path, plan_path):
    result = run("generer", plan_path, "-p", "2026", "-o", tmp_path / "s.xlsx", "--par-service", tmp_path / "envois")
    assert result.exit_code == 0, result.output
    assert f"suivi-excel envoyer formulaires {tmp_path / 'envois'}" in _last(result)


def test_generer_refuses_to_replace_a_generated_period_unless_ecraser(tmp_path, plan_path):
    args = ("generer", plan_path, "-p", "2026", "-o", tmp_path / "s.xlsx", "--par-service", tmp_path / "envois")
    assert run(*args).exit_code == 0
    form = next((tmp_path / "envois").iterdir())
    form.write_bytes(form.read_bytes())  # the coordinator's copy, perhaps edited
    before = form.stat().st_mtime_ns
    again = run(*args)
    assert again.exit_code == 2 and "--ecraser" in again.output and "s.xlsx" in again.output
    assert form.stat().st_mtime_ns == before
    assert run(*args, "--ecraser").exit_code == 0


def test_verifier_names_consolider_with_the_same_returns(tmp_path, forms):
    fill(forms, TP, {"2.1": {"Statut": "En cours"}, "2.10": {"Statut": "Réalisée", "Avancement (%)": 100}},
         tmp_path / "retours" / "tp.xlsx")
    result = run("verifier", tmp_path / "retours")
    assert f"suivi-excel consolider {tmp_path / 'retours'} -o rapport-2026.xlsx" in _last(result)


def test_consolider_names_the_reminder_the_corrections_and_the_report(tmp_path, forms):
    fill(forms, TP, {"2.1": {"Statut": "n'importe quoi"}}, tmp_path / "retours" / "tp.xlsx")
    report, corrections = tmp_path / "r.xlsx", tmp_path / "corr"
    result = run("consolider", tmp_path / "retours", "-o", report, "--corrections", corrections)
    assert result.exit_code == 0, result.output
    last = _last(result, 4)
    folder = next(iter(forms.per_service.values())).parent  # where generer wrote this period's forms
    assert f"envoyer formulaires {folder} --relance --retours {tmp_path / 'retours'}" in last
    assert f"suivi-excel envoyer corrections {corrections}" in last
    assert f"suivi-excel envoyer rapport {report} --a" in last


def test_the_reminder_attaches_the_forms_of_the_period_consolidated_not_an_earlier_one(tmp_path, forms):
    fill(forms, TP, {"2.1": {"Statut": "En cours"}}, tmp_path / "retours" / "tp.xlsx")
    later = tmp_path / "envois-2027"  # the next period's forms, written beside the 2026 ones
    later.mkdir()
    (later / "suivi-2027 - Travaux publics.xlsx").write_bytes(b"")
    result = run("consolider", tmp_path / "retours", "-o", tmp_path / "r.xlsx", "-p", "2027")
    assert f"envoyer formulaires {later} --relance" in _last(result, 4), result.output


def test_the_reminder_never_attaches_the_returns_which_keep_their_form_s_name(tmp_path, forms):
    # services send back the file they received, still named « suivi-2026 - Service.xlsx », into a folder
    # that sorts before the forms' own (« Retours » < « envois »): the reminder attaches the forms
    returns = tmp_path / "Retours"
    form = forms.per_service[TP]
    fill(forms, TP, {"2.1": {"Statut": "En cours"}}, returns / form.name)
    result = run("consolider", returns, "-o", tmp_path / "r.xlsx")
    assert f"envoyer formulaires {form.parent} --relance --retours {returns}" in _last(result, 4), result.output


def test_consolider_without_corrections_folder_says_how_to_write_them(tmp_path, forms):
    fill(forms, LOISIRS, {"1.1": {"Statut": "En cours"}}, tmp_path / "retours" / "l.xlsx")  # 1.2 left empty
    result = run("consolider", tmp_path / "retours", "-o", tmp_path / "r.xlsx")
    assert "--corrections" in _last(result, 4)


def test_envoyer_and_regrouper_and_bilan_end_with_the_next_command(tmp_path, forms):
    fill(forms, TP, {"2.1": {"Statut": "En cours"}, "2.10": {"Statut": "Réalisée", "Avancement (%)": 100}},
         tmp_path / "retours" / "tp.xlsx")
    sent = run("envoyer", "formulaires", tmp_path / "envois", "--brouillons", tmp_path / "br")
    assert "suivi-excel verifier retours" in _last(sent, 3)
    trial = run("envoyer", "formulaires", tmp_path / "envois", "--essai")
    assert "sans --essai" in _last(trial, 2)
    report = tmp_path / "rapports" / "r.xlsx"
    run("consolider", tmp_path / "retours", "-o", report, "--historique", tmp_path / "h.sqlite")
    assert "suivi-excel generer" in _last(run("envoyer", "rapport", report, "--a", "c@ville.test", "--brouillons",
                                              tmp_path / "br2"), 2)
    region = run("regrouper", tmp_path / "rapports", "-o", tmp_path / "reg.xlsx")
    assert f"suivi-excel envoyer rapport {tmp_path / 'reg.xlsx'}" in _last(region, 2)
    review = run("bilan", "--annee", "2026", "--historique", tmp_path / "h.sqlite", "-o", tmp_path / "b.xlsx")
    assert "suivi-excel envoyer rapport" in _last(review, 3)


def test_modele_names_generer_with_the_plan(tmp_path):
    result = run("modele", tmp_path / "plan.xlsx")
    assert f"suivi-excel generer {tmp_path / 'plan.xlsx'} --periode" in _last(result, 2)
    # generer on the blank plan as written: its example action is still there, which generer says
    result = run("generer", tmp_path / "plan.xlsx", "-p", "2026", "-o", tmp_path / "s.xlsx")
    assert result.exit_code == 0 and "Le plan contient encore l'action d'exemple" in result.output, result.output


def test_a_long_anomaly_wraps_and_is_never_cut():
    problem = ("Le statut « Réalisée » ne va pas avec un avancement de 40 % : corrigez l'un ou l'autre, puis "
               "renvoyez le classeur ; l'action est comptée comme réalisée en attendant.")
    anomaly = Anomaly("status-progress", "Avertissement", "Retour - un nom de fichier assez long.xlsx",
                      "Service des loisirs", "M4", "Réalisée", problem)
    lines = _line(anomaly, 70).splitlines()
    assert len(lines) > 2 and all(len(re.sub(r"\x1b\[[0-9;]*m", "", line)) <= 70 for line in lines)
    assert problem in " ".join(line.strip() for line in lines)


def test_postponed_without_obstacle_is_a_warning_on_the_obstacles_cell(tmp_path, forms):
    fill(forms, LOISIRS, {"1.1": {"Statut": "Reportée"}, "1.2": {"Statut": "Reportée", "Obstacles": "Pas de salle"}},
         tmp_path / "retours" / "l.xlsx")
    run("consolider", tmp_path / "retours", "-o", tmp_path / "r.xlsx")
    table = anomalies(tmp_path / "r.xlsx")
    postponed = table[table["Problème"].str.contains("« Reportée » sans obstacle")]
    assert list(postponed["Gravité"]) == ["Avertissement"] and "1.1" in postponed.iloc[0]["Problème"]
    header = [c.value for c in openpyxl.load_workbook(tmp_path / "retours" / "l.xlsx")[LOISIRS][1]]
    assert postponed.iloc[0]["Cellule"] == f"{column_letter(header.index('Obstacles'))}2"


def test_anomalies_name_a_long_service_whole(tmp_path, forms):
    fill(forms, COMM, {"3.1": {"Statut": "n'importe quoi"}}, tmp_path / "retours" / "c.xlsx")
    run("consolider", tmp_path / "retours", "-o", tmp_path / "r.xlsx")
    assert COMM in set(anomalies(tmp_path / "r.xlsx")["Feuille"]) and len(COMM) > 31


def test_the_report_s_draft_is_named_after_the_report(tmp_path, forms):
    fill(forms, TP, {"2.1": {"Statut": "En cours"}}, tmp_path / "retours" / "tp.xlsx")
    run("consolider", tmp_path / "retours", "-o", tmp_path / "rapport-2026.xlsx")
    run("envoyer", "rapport", tmp_path / "rapport-2026.xlsx", "--a", "c@ville.test", "--brouillons", tmp_path / "br")
    assert [p.name for p in (tmp_path / "br").glob("*.eml")] == ["rapport-2026.eml"]
