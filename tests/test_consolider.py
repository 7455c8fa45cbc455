"""Consolidation (README, « Ce que remplissent les services », « Le rapport »): every reading rule, through real forms filled and a report read back."""

from __future__ import annotations

import datetime as dt
import shutil

import openpyxl
import pandas as pd
import pytest
import xlsxwriter
from conftest import (
    COMM,
    LOISIRS,
    ROWS,
    TP,
    actions_by_no,
    anomalies,
    charts_of,
    consolidate_cli,
    digest,
    fill,
    no_crash,
    run,
    sheet,
    sheet_names_of,
    write_test_plan,
)

from suivi_excel.forms.simulate import fill_form, set_saved_time

UTC = dt.timezone.utc


def report_of(tmp_path, forms, returns: dict[str, dict], *extra: str):
    """Fill one return per service in `returns`, consolidate, and give back the report path."""
    folder = tmp_path / "retours"
    for service, values in returns.items():
        fill(forms, service, values, folder / f"{service}.xlsx")
    report = tmp_path / "rapport.xlsx"
    consolidate_cli(folder, report, *extra)
    return report


def anomaly_at(report, cell: str, code_words: str = "") -> pd.Series:
    table = anomalies(report)
    found = table[(table["Cellule"] == cell) & table["Problème"].str.contains(code_words, regex=False)]
    assert len(found) == 1, f"no single anomaly at {cell} ({code_words}):\n{table.to_string()}"
    return found.iloc[0]


def test_valid_returns_consolidate_with_clean_values_in_plan_order(tmp_path, forms):
    report = report_of(tmp_path, forms, {
        TP: {"2.1": {"Statut": "En cours", "Avancement (%)": 40, "Date de début réelle": dt.datetime(2026, 2, 3),
                     "Dépenses réelles ($)": 35000.5, "Besoin de soutien": "Oui", "Obstacles": "Neige"},
             "2.10": {"Statut": "Réalisée", "Avancement (%)": 100}},
        LOISIRS: {"1.1": {"Statut": "En continu"}, "1.2": {"Statut": "Non débutée", "Avancement (%)": 0}},
        COMM: {"3.1": {"Statut": "Réalisée", "Commentaires": "Bon coup : 4 000 exemplaires"}},
    })
    actions = actions_by_no(report)
    assert list(actions["No"]) == ["1.1", "1.2", "2.1", "2.10", "3.1"]
    row = actions.loc["2.1"]
    assert row["Statut"] == "En cours" and row["Avancement (%)"] == 40
    assert pd.Timestamp(row["Date de début réelle"]).date() == dt.date(2026, 2, 3)
    assert row["Dépenses réelles ($)"] == pytest.approx(35000.5) and row["Besoin de soutien"] == "Oui"
    assert row["Source"] == f"{TP}.xlsx › {TP}"
    assert actions.loc["3.1", "Commentaires"] == "Bon coup : 4 000 exemplaires"
    assert anomalies(report).empty


def test_status_typed_without_accents_is_read(tmp_path, forms):
    report = report_of(tmp_path, forms, {TP: {"2.1": {"Statut": "realisee"}, "2.10": {"Statut": " EN COURS"}}})
    actions = actions_by_no(report)
    assert actions.loc["2.1", "Statut"] == "Réalisée" and actions.loc["2.10", "Statut"] == "En cours"


def test_unknown_status_becomes_to_check_with_error_at_its_cell(tmp_path, forms):
    report = report_of(tmp_path, forms, {TP: {"2.10": {"Statut": "Presque fini"}, "2.1": {"Statut": "En cours"}}})
    assert actions_by_no(report).loc["2.10", "Statut"] == "À vérifier"
    found = anomaly_at(report, "L3", "inconnu")  # Statut is column L of the form, 2.10 on row 3
    assert found["Gravité"] == "Erreur" and found["Valeur"] == "Presque fini" and found["Feuille"] == TP
    assert found["Fichier"] == f"{TP}.xlsx"
    # the code stays in the sheet, so a coordinator can filter every unknown status at once
    assert found["Code"] == "status-unknown" and list(anomalies(report).columns)[-1] == "Code"


def test_action_without_status_is_not_reported_and_other_values_kept_with_warning(tmp_path, forms):
    report = report_of(tmp_path, forms, {TP: {"2.1": {"Statut": "En cours"}, "2.10": {"Commentaires": "On attend"}}})
    row = actions_by_no(report).loc["2.10"]
    assert row["Statut"] == "Non renseigné" and row["Commentaires"] == "On attend"
    assert anomaly_at(report, "L3", "Aucun statut")["Gravité"] == "Avertissement"


def test_progress_fraction_and_text_are_percentages(tmp_path, forms):
    report = report_of(tmp_path, forms, {TP: {"2.1": {"Statut": "En cours", "Avancement (%)": 0.45},
                                              "2.10": {"Statut": "En cours", "Avancement (%)": "60 %"}}})
    actions = actions_by_no(report)
    assert actions.loc["2.1", "Avancement (%)"] == 45 and actions.loc["2.10", "Avancement (%)"] == 60


def test_progress_out_of_range_is_emptied_with_error(tmp_path, forms):
    report = report_of(tmp_path, forms, {TP: {"2.1": {"Statut": "En cours", "Avancement (%)": 150},
                                              "2.10": {"Statut": "En cours"}}})
    assert pd.isna(actions_by_no(report).loc["2.1", "Avancement (%)"])
    assert anomaly_at(report, "M2", "hors de 0 à 100")["Gravité"] == "Erreur"


@pytest.mark.parametrize("typed", ["2026-03-15", "15/03/2026", "15 mars 2026"])
def test_dates_typed_as_text_are_read(tmp_path, forms, typed):
    report = report_of(tmp_path, forms, {TP: {"2.1": {"Statut": "En cours", "Date de début réelle": typed},
                                              "2.10": {"Statut": "En cours"}}})
    value = actions_by_no(report).loc["2.1", "Date de début réelle"]
    assert pd.Timestamp(value).date() == dt.date(2026, 3, 15)
    assert not (anomalies(report)["Cellule"] == "N2").any()


def test_unreadable_date_is_emptied_with_error(tmp_path, forms):
    report = report_of(tmp_path, forms, {TP: {"2.1": {"Statut": "En cours", "Date de fin réelle": "bientôt"},
                                              "2.10": {"Statut": "En cours"}}})
    assert pd.isna(actions_by_no(report).loc["2.1", "Date de fin réelle"])
    found = anomaly_at(report, "O2", "illisible")
    assert found["Gravité"] == "Erreur" and found["Valeur"] == "bientôt"


def test_real_end_before_real_start_is_a_warning(tmp_path, forms):
    report = report_of(tmp_path, forms, {TP: {"2.1": {"Statut": "Réalisée", "Date de début réelle":
                                                      dt.datetime(2026, 5, 1), "Date de fin réelle":
                                                      dt.datetime(2026, 4, 1)}, "2.10": {"Statut": "En cours"}}})
    assert anomaly_at(report, "O2", "précède")["Gravité"] == "Avertissement"


def test_dates_past_2262_are_compared_like_any_other(tmp_path, forms):
    # pandas timestamps stop in 2262; a year typed wrong must not stop the run
    report = report_of(tmp_path, forms, {TP: {"2.1": {"Statut": "En cours", "Date de début réelle":
                                                      dt.datetime(2263, 1, 1), "Date de fin réelle":
                                                      dt.datetime(2026, 4, 1)}, "2.10": {"Statut": "En cours"}}})
    assert anomaly_at(report, "O2", "précède")["Gravité"] == "Avertissement"


def test_an_action_ending_in_a_far_year_is_not_late(tmp_path):
    rows = [(*row[:5], dt.datetime(2999, 12, 31), *row[6:]) if row[0] == "2.1" else row for row in ROWS]
    plan = write_test_plan(tmp_path / "p.xlsx", rows=rows)
    assert run("generer", plan, "-p", "2026", "-o", tmp_path / "s.xlsx", "--par-service",
               tmp_path / "e").exit_code == 0
    fill_form(next((tmp_path / "e").glob("*Travaux*")), tmp_path / "retours" / "tp.xlsx",
              {"2.1": {"Statut": "En cours"}, "2.10": {"Statut": "En cours"}})
    report = tmp_path / "r.xlsx"
    consolidate_cli(tmp_path / "retours", report)
    actions = actions_by_no(report)
    assert actions.loc["2.1", "En retard"] == "Non" and actions.loc["2.10", "En retard"] == "Oui"


def test_money_in_french_text_is_read_and_negative_refused(tmp_path, forms):
    report = report_of(tmp_path, forms, {TP: {"2.1": {"Statut": "En cours", "Dépenses réelles ($)": "1\u202f234,56 $"},
                                              "2.10": {"Statut": "En cours", "Dépenses réelles ($)": -40}}})
    actions = actions_by_no(report)
    assert actions.loc["2.1", "Dépenses réelles ($)"] == pytest.approx(1234.56)
    assert pd.isna(actions.loc["2.10", "Dépenses réelles ($)"])
    assert anomaly_at(report, "P3", "négatif")["Gravité"] == "Erreur"


def test_yes_no_is_matched_and_other_values_refused(tmp_path, forms):
    report = report_of(tmp_path, forms, {TP: {"2.1": {"Statut": "En cours", "Besoin de soutien": "oui"},
                                              "2.10": {"Statut": "En cours", "Besoin de soutien": "Peut-être"}}})
    actions = actions_by_no(report)
    assert actions.loc["2.1", "Besoin de soutien"] == "Oui" and pd.isna(actions.loc["2.10", "Besoin de soutien"])
    assert anomaly_at(report, "S3", "ni Oui ni Non")["Gravité"] == "Erreur"


def test_done_below_100_and_not_started_above_0_are_warnings(tmp_path, forms):
    report = report_of(tmp_path, forms, {TP: {"2.1": {"Statut": "Réalisée", "Avancement (%)": 80},
                                              "2.10": {"Statut": "Non débutée", "Avancement (%)": 20}}})
    assert anomaly_at(report, "M2", "Réalisée")["Gravité"] == "Avertissement"
    assert anomaly_at(report, "M3", "Non débutée")["Gravité"] == "Avertissement"


def test_values_without_a_status_are_warned_at_the_status_cell_and_counted_not_reported(tmp_path, forms):
    report = report_of(tmp_path, forms, {TP: {"2.1": {"Avancement (%)": 50, "Commentaires": "en attente"},
                                              "2.10": {"Statut": "En cours"}}})
    assert actions_by_no(report).loc["2.1", "Statut"] == "Non renseigné"
    found = anomaly_at(report, "L2", "Aucun statut pour l'action 2.1")
    assert found["Gravité"] == "Avertissement"
    assert not (anomalies(report)["Cellule"] == "L3").any()


def test_unknown_action_number_and_duplicated_row_are_errors(tmp_path, forms):
    target = tmp_path / "retours" / "tp.xlsx"
    fill(forms, TP, {"2.1": {"Statut": "En cours"}, "2.10": {"Statut": "Réalisée"}}, target)
    book = openpyxl.load_workbook(target)
    tab = book[TP]
    tab["A3"] = "2.1"  # the service overwrote 2.10 with a copy of 2.1 (the sheet is protected, not locked to code)
    tab["A4"] = "9.9"
    tab["L4"] = "En cours"
    book.save(target)
    set_saved_time(target, dt.datetime(2026, 12, 1, tzinfo=UTC))
    report = tmp_path / "r.xlsx"
    consolidate_cli(tmp_path / "retours", report)
    assert anomaly_at(report, "A3", "plus d'une fois")["Gravité"] == "Erreur"
    assert anomaly_at(report, "A4", "absent du plan")["Valeur"] == "9.9"
    missing = anomalies(report)[anomalies(report)["Problème"].str.contains("manquent")]
    assert list(missing["Gravité"]) == ["Avertissement"] and missing.iloc[0]["Valeur"] == "2.10"


def test_service_that_sent_nothing_is_warned_and_its_actions_not_reported(tmp_path, forms):
    report = report_of(tmp_path, forms, {TP: {"2.1": {"Statut": "En cours"}, "2.10": {"Statut": "En cours"}}})
    actions = actions_by_no(report)
    assert set(actions.loc[["1.1", "1.2", "3.1"], "Statut"]) == {"Non renseigné"}
    table = anomalies(report)
    silent = table[table["Problème"].str.startswith("Aucun retour")]
    assert set(silent["Valeur"]) == {LOISIRS, COMM} and set(silent["Gravité"]) == {"Avertissement"}
    services = sheet(report, "Par service").set_index("Service")
    assert services.loc[TP, "Retour reçu"] == "Oui" and services.loc[LOISIRS, "Retour reçu"] == "Non"


def test_second_return_of_a_service_wins_by_saved_time(tmp_path, forms):
    folder = tmp_path / "retours"
    # the file saved last wins even though its name sorts first and it is older on disk
    fill(forms, TP, {"2.1": {"Statut": "Réalisée"}}, folder / "a-final.xlsx",
         saved=dt.datetime(2026, 12, 10, tzinfo=UTC))
    fill(forms, TP, {"2.1": {"Statut": "En cours"}}, folder / "z-brouillon.xlsx",
         saved=dt.datetime(2026, 12, 1, tzinfo=UTC))
    report = tmp_path / "r.xlsx"
    consolidate_cli(folder, report)
    assert actions_by_no(report).loc["2.1", "Statut"] == "Réalisée"
    table = anomalies(report)
    loser = table[table["Problème"].str.contains("plus d'un retour")]
    assert list(loser["Fichier"]) == ["z-brouillon.xlsx"] and list(loser["Gravité"]) == ["Avertissement"]
    assert "a-final.xlsx" in loser.iloc[0]["Problème"]


def test_copies_of_integrated_workbook_each_filled_on_one_tab_are_mixed_with_service_files(tmp_path, forms):
    folder = tmp_path / "retours"
    fill_form(forms.integrated, folder / "copie 1.xlsx", {"1.1": {"Statut": "Réalisée"}}, tab=LOISIRS,
              saved=dt.datetime(2026, 12, 2, tzinfo=UTC))
    fill_form(forms.integrated, folder / "copie 2.xlsx", {"3.1": {"Statut": "En cours"}}, tab=forms.tabs[COMM],
              saved=dt.datetime(2026, 12, 3, tzinfo=UTC))
    fill(forms, TP, {"2.1": {"Statut": "Reportée"}}, folder / "tp.xlsx")
    report = tmp_path / "r.xlsx"
    consolidate_cli(folder, report)
    actions = actions_by_no(report)
    assert (actions.loc["1.1", "Statut"], actions.loc["3.1", "Statut"], actions.loc["2.1", "Statut"]) == (
        "Réalisée", "En cours", "Reportée")
    # the unfilled tabs of a copy are not returns: no "two returns" warning, no empty overwrite
    assert not anomalies(report)["Problème"].str.contains("plus d'un retour").any()
    assert actions.loc["3.1", "Source"] == f"copie 2.xlsx › {forms.tabs[COMM]}"


def test_integrated_workbook_filled_by_everyone(tmp_path, forms):
    folder = tmp_path / "retours"
    first = fill_form(forms.integrated, tmp_path / "step.xlsx", {"1.1": {"Statut": "Réalisée"}}, tab=LOISIRS)
    second = fill_form(first, tmp_path / "step2.xlsx", {"2.1": {"Statut": "En cours"}}, tab=TP)
    fill_form(second, folder / "tout.xlsx", {"3.1": {"Statut": "Abandonnée"}}, tab=forms.tabs[COMM])
    report = tmp_path / "r.xlsx"
    consolidate_cli(folder, report)
    assert list(actions_by_no(report)["Statut"]) == ["Réalisée", "Non renseigné", "En cours", "Non renseigné",
                                                      "Abandonnée"]
    assert sheet(report, "Par service")["Retour reçu"].tolist()[:3] == ["Oui", "Oui", "Oui"]


def test_file_from_another_plan_and_unrelated_files_are_errors(tmp_path, forms):
    folder = tmp_path / "retours"
    fill(forms, TP, {"2.1": {"Statut": "En cours"}}, folder / "tp.xlsx")
    fill(forms, LOISIRS, {"1.1": {"Statut": "En cours"}}, folder / "loisirs.xlsx")
    fill(forms, COMM, {"3.1": {"Statut": "En cours"}}, folder / "comm.xlsx")
    other = write_test_plan(tmp_path / "autre.xlsx", parameters={"Municipalité": "Autreville",
                                                                 "Titre du plan": "MADA 2024"})
    assert run("generer", other, "-p", "2026", "-o", tmp_path / "autre-suivi.xlsx").exit_code == 0
    fill_form(tmp_path / "autre-suivi.xlsx", folder / "autre.xlsx", {"2.1": {"Statut": "Réalisée"}}, tab=TP)
    shutil.copy(folder / "autre.xlsx", folder / "autre-2.xlsx")  # that plan's label is read once, shown twice
    book = xlsxwriter.Workbook(str(folder / "budget.xlsx"))
    book.add_worksheet("Budget").write("A1", "Salaires")
    book.close()
    (folder / "notes.xlsx").write_text("<html><body>pas un classeur</body></html>")
    (folder / "~$tp.xlsx").write_bytes(b"lock")
    report = tmp_path / "r.xlsx"
    result = consolidate_cli(folder, report)
    table = anomalies(report).set_index("Fichier")
    assert "Autreville" in table.loc["autre.xlsx", "Problème"] and "Autreville" in table.loc["autre-2.xlsx", "Problème"]
    assert "pas un formulaire de suivi" in table.loc["budget.xlsx", "Problème"]
    assert "HTML" in table.loc["notes.xlsx", "Problème"]
    assert "~$tp.xlsx" not in table.index
    assert set(table.loc[["autre.xlsx", "budget.xlsx", "notes.xlsx"], "Gravité"]) == {"Erreur"}
    assert actions_by_no(report).loc["2.1", "Statut"] == "En cours"
    assert no_crash(result)


def test_file_of_another_period_is_refused(tmp_path, plan_path, forms):
    folder = tmp_path / "retours"
    fill(forms, TP, {"2.1": {"Statut": "En cours"}}, folder / "tp.xlsx")
    assert run("generer", plan_path, "-p", "2025", "-o", tmp_path / "s2025.xlsx", "--par-service",
               tmp_path / "e2025").exit_code == 0
    old = next((tmp_path / "e2025").glob("*loisirs*"))
    fill_form(old, folder / "loisirs-2025.xlsx", {"1.1": {"Statut": "Réalisée"}})
    report = tmp_path / "r.xlsx"
    consolidate_cli(folder, report)
    found = anomalies(report).set_index("Fichier").loc["loisirs-2025.xlsx"]
    assert found["Gravité"] == "Erreur" and "2025" in found["Problème"]
    assert actions_by_no(report).loc["1.1", "Statut"] == "Non renseigné"
    # asking for 2025 explicitly flips which file is consolidated
    report_2025 = tmp_path / "r2025.xlsx"
    consolidate_cli(folder, report_2025, "--periode", "2025")
    assert actions_by_no(report_2025).loc["1.1", "Statut"] == "Réalisée"


def test_regenerated_forms_of_the_same_plan_are_still_recognized(tmp_path, plan_path, forms):
    assert run("generer", plan_path, "-p", "2026", "-o", tmp_path / "again.xlsx", "--par-service",
               tmp_path / "again").exit_code == 0
    folder = tmp_path / "retours"
    fill_form(next((tmp_path / "again").glob("*Travaux*")), folder / "tp.xlsx", {"2.1": {"Statut": "En cours"}})
    fill(forms, LOISIRS, {"1.1": {"Statut": "Réalisée"}}, folder / "loisirs.xlsx")
    report = tmp_path / "r.xlsx"
    consolidate_cli(folder, report)
    actions = actions_by_no(report)
    assert actions.loc["2.1", "Statut"] == "En cours" and actions.loc["1.1", "Statut"] == "Réalisée"


def test_late_actions_follow_the_period_end(tmp_path, forms):
    report = report_of(tmp_path, forms, {TP: {"2.1": {"Statut": "En cours"}, "2.10": {"Statut": "Réalisée"}},
                                         LOISIRS: {"1.1": {"Statut": "Reportée"}, "1.2": {"Statut": "En cours"}},
                                         COMM: {"3.1": {"Statut": "Non débutée"}}})
    late = actions_by_no(report)["En retard"].to_dict()
    # 1.2 ends in 2027, after the 2026 period: not late; 2.10 is done
    assert late == {"1.1": "Oui", "1.2": "Non", "2.1": "Oui", "2.10": "Non", "3.1": "Oui"}


def test_report_sheets_and_completion_rates(tmp_path, forms):
    report = report_of(tmp_path, forms, {TP: {"2.1": {"Statut": "Réalisée", "Dépenses réelles ($)": 90000},
                                              "2.10": {"Statut": "En cours"}},
                                         LOISIRS: {"1.1": {"Statut": "En continu"}, "1.2": {"Statut": "Abandonnée"}}})
    assert sheet_names_of(report) == [
        "Tableau de bord", "Actions", "Actions à imprimer", "Par axe", "Par service", "Retours", "Anomalies",
        "Historique"]
    axes = sheet(report, "Par axe").set_index("Axe")
    assert axes.loc["Mobilité", "Taux de réalisation"] == pytest.approx(0.5)
    assert axes.loc["Loisirs et culture", "Taux de réalisation"] == pytest.approx(0.5)
    assert axes.loc["Ensemble du plan", "Actions"] == 5
    services = sheet(report, "Par service").set_index("Service")
    assert services.loc[TP, "Dépenses réelles ($)"] == 90000 and services.loc[TP, "Budget prévu ($)"] == 108000
    assert list(anomalies(report).columns) == ["Gravité", "Fichier", "Feuille", "Cellule", "Valeur", "Problème", "Code"]
    charts = charts_of(report, "Tableau de bord")
    assert [kind for kind, _ in charts] == ["doughnutChart", "barChart", "barChart"]
    assert [title for _, title in charts] == ["Où en sont les actions", "Taux de réalisation par axe",
                                              "État des actions par service"]
    dashboard = openpyxl.load_workbook(report)["Tableau de bord"]
    figures = {r[0]: r[1] for r in dashboard.iter_rows(values_only=True) if r[0]}
    assert figures["Actions du plan"] == 5 and figures["Services qui ont répondu"] == "2 sur 3"
    assert figures["Taux de réalisation (réalisées ou en continu)"] == pytest.approx(0.4)


def test_text_from_services_stays_text_never_a_formula_or_link(tmp_path, forms):
    hostile = {"Obstacles": "=HYPERLINK(\"http://x.test\",\"clic\")", "Commentaires": "+1+1",
               "Résultat de l'indicateur": "http://exemple.test/page"}
    target = fill(forms, TP, {"2.1": {"Statut": "En cours"}}, tmp_path / "retours" / "tp.xlsx")
    book = openpyxl.load_workbook(target)
    for title, value in hostile.items():
        header = [c.value for c in book[TP][1]]
        cell = book[TP].cell(row=2, column=header.index(title) + 1)
        cell.value = value
        cell.data_type = "s"  # typed as text (an apostrophe first in Excel), not as a formula
    book.save(target)
    report = tmp_path / "r.xlsx"
    consolidate_cli(tmp_path / "retours", report)
    book = openpyxl.load_workbook(report)
    header = [c.value for c in book["Actions"][1]]
    for title, value in hostile.items():
        cell = book["Actions"].cell(row=4, column=header.index(title) + 1)
        assert cell.value == value and cell.data_type == "s" and cell.hyperlink is None


def test_inputs_are_never_modified(tmp_path, forms):
    folder = tmp_path / "retours"
    fill(forms, TP, {"2.1": {"Statut": "realisee", "Avancement (%)": 0.3}}, folder / "tp.xlsx")
    shutil.copy(forms.integrated, folder / "copie.xlsx")
    before = digest(folder)
    consolidate_cli(folder, tmp_path / "r.xlsx")
    assert run("verifier", folder).exit_code == 0
    assert digest(folder) == before


def test_verifier_lists_problems_writes_nothing_and_exits_1_on_errors(tmp_path, forms):
    folder = tmp_path / "retours"
    fill(forms, TP, {"2.1": {"Statut": "Bof"}}, folder / "tp.xlsx")
    result = run("verifier", folder)
    assert result.exit_code == 1
    assert "tp.xlsx › Travaux publics!L2" in result.output and "« Bof » inconnu" in result.output
    assert not list(tmp_path.glob("rapport*"))


def test_verifier_exits_0_when_only_warnings(tmp_path, forms):
    folder = tmp_path / "retours"
    fill(forms, TP, {"2.1": {"Statut": "En cours"}, "2.10": {"Statut": "En cours"}}, folder / "tp.xlsx")
    result = run("verifier", folder)
    assert result.exit_code == 0 and "0 erreur(s)" in result.output


def test_strict_consolidation_exits_1_but_still_writes_the_report(tmp_path, forms):
    folder = tmp_path / "retours"
    fill(forms, TP, {"2.1": {"Statut": "Bof"}}, folder / "tp.xlsx")
    result = run("consolider", folder, "-o", tmp_path / "r.xlsx", "--strict")
    assert result.exit_code == 1 and (tmp_path / "r.xlsx").exists()


def test_no_readable_input_exits_2(tmp_path):
    (tmp_path / "vide").mkdir()
    result = run("consolider", tmp_path / "vide", "-o", tmp_path / "r.xlsx")
    assert result.exit_code == 2 and "aucun fichier .xlsx" in result.output
    (tmp_path / "vide" / "x.xlsx").write_bytes(b"")
    result = run("consolider", tmp_path / "vide", "-o", tmp_path / "r.xlsx")
    assert result.exit_code == 2 and "aucun formulaire de suivi reconnu" in result.output
    assert not (tmp_path / "r.xlsx").exists()


def test_no_form_of_the_plan_given_exits_2_naming_each_file(tmp_path, plan_path):
    (tmp_path / "vide").mkdir()
    (tmp_path / "vide" / "x.xlsx").write_bytes(b"")
    result = run("consolider", tmp_path / "vide", "--plan", plan_path, "-o", tmp_path / "r.xlsx")
    assert no_crash(result) and result.exit_code == 2
    assert "aucun formulaire de ce plan n'a pu être lu" in result.output and "  - x.xlsx : " in result.output
    assert not (tmp_path / "r.xlsx").exists()


@pytest.mark.slow
def test_summary_fits_on_one_screen(tmp_path, forms):
    folder = tmp_path / "retours"
    for index in range(30):
        fill(forms, TP, {"2.1": {"Statut": f"Bof {index}"}}, folder / f"tp{index}.xlsx",
             saved=dt.datetime(2026, 12, 1, tzinfo=UTC) + dt.timedelta(minutes=index))
    result = consolidate_cli(folder, tmp_path / "r.xlsx")
    assert len(result.output.splitlines()) <= 24, result.output


def test_a_report_into_a_folder_not_yet_made_gets_it_with_its_history_beside(tmp_path, forms):
    returns = tmp_path / "retours"
    returns.mkdir()
    fill(forms, TP, {"2.1": {"Statut": "En cours"}}, returns / "tp.xlsx")
    report = tmp_path / "comite" / "2026" / "rapport.xlsx"
    result = run("consolider", returns, "-o", report)
    assert no_crash(result) and result.exit_code == 0, result.output
    assert report.exists() and (report.parent / "suivi-historique.sqlite").exists()
    assert actions_by_no(report).loc["2.1", "Statut"] == "En cours"


def test_the_files_line_counts_what_was_received_and_what_was_retained(tmp_path, forms):
    returns = tmp_path / "retours"
    fill(forms, TP, {"2.1": {"Statut": "En cours"}}, returns / "tp.xlsx",
         saved=dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc))
    fill(forms, TP, {"2.1": {"Statut": "Réalisée"}}, returns / "tp-final.xlsx",
         saved=dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc))  # supersedes the first
    (returns / "loisirs.ods").write_bytes(b"saved by LibreOffice in its own format")
    result = run("verifier", returns)
    assert no_crash(result), result.output
    assert "Fichiers reçus : 3 (1 retenu(s), 2 écarté(s) : voir les anomalies)" in result.output, result.output


def test_a_tab_past_the_row_limit_is_named_as_the_service_sees_it(tmp_path, forms):
    fill(forms, TP, {"2.1": {"Statut": "En cours"}}, tmp_path / "retours" / "tp.xlsx")
    result = run("verifier", tmp_path / "retours", "--lignes-max", "10")
    assert no_crash(result), result.output
    said = " ".join(result.output.split())  # the console wraps long lines
    assert "la feuille « Instructions » atteint la ligne" in said and ".xml" not in said, said


def test_a_service_whose_file_could_not_be_read_is_asked_for_a_readable_one_not_reminded(tmp_path, forms):
    returns = tmp_path / "retours"
    fill(forms, TP, {"2.1": {"Statut": "En cours"}}, returns / "tp.xlsx")
    # Loisirs saved the form it received in LibreOffice's own format, keeping its name
    ods = returns / forms.per_service[LOISIRS].with_suffix(".ods").name
    ods.write_bytes(b"PK saved by LibreOffice")
    result = run("verifier", returns)
    said = " ".join(result.output.split())
    assert f"Le service « {LOISIRS} » semble avoir répondu avec « {ods.name} », qui n'a pas pu être lu" in said, said
    assert f"Aucun retour du service « {LOISIRS} »" not in said
    assert f"Aucun retour du service « {COMM} »" in said  # silent: reminded as before
