"""Periods (README, « D'une période à l'autre : l'historique »): history, pre-filled forms, evolution, revised plans, annual review."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest
from conftest import (
    COMM,
    HEADERS,
    LOISIRS,
    TP,
    actions_by_no,
    anomalies,
    charts_of,
    no_crash,
    run,
    sheet,
    write_test_plan,
)

from suivi_excel.core import printing
from suivi_excel.core.periods import parse_period
from suivi_excel.forms.generation import per_service_file_names
from suivi_excel.forms.simulate import fill_form

UTC = dt.timezone.utc
S1 = {TP: {"2.1": {"Statut": "En cours", "Avancement (%)": 30, "Obstacles": "Neige"},
           "2.10": {"Statut": "Non débutée"}},
      LOISIRS: {"1.1": {"Statut": "En cours", "Dépenses réelles ($)": 1000},
                "1.2": {"Statut": "En cours", "Date de début réelle": dt.datetime(2026, 2, 1)}},
      COMM: {"3.1": {"Statut": "En cours", "Besoin de soutien": "Non"}}}


def make_forms(out: Path, plan: Path, period: str, store: Path, *extra: str) -> Path:
    """`generer` into `out` (integrated workbook suivi.xlsx, forms in envois/), pre-filled from `store`."""
    result = run("generer", plan, "-p", period, "-o", out / "suivi.xlsx", "--par-service", out / "envois",
                 "--historique", store, *extra)
    assert result.exit_code == 0, result.output
    return out / "envois"


def cycle(tmp: Path, plan: Path, period: str, changes: dict[str, dict], store: Path, *extra: str) -> Path:
    """generer (pre-filled from `store`) -> each service types `changes` -> consolider; returns the report."""
    out = tmp / period
    make_forms(out, plan, period, store, *extra)
    saved = dt.datetime(2026, 7 if period.endswith("S1") else 12, 15, tzinfo=UTC)
    for service, values in changes.items():
        form = out / "envois" / per_service_file_names([service], parse_period(period))[service]
        fill_form(form, out / "retours" / form.name, values, saved=saved)
    report = out / "rapport.xlsx"
    result = run("consolider", out / "retours", "-o", report, "--historique", store)
    assert result.exit_code == 0, result.output
    return report


@pytest.fixture
def first_period(tmp_path, plan_path, made_once) -> Path:
    """`cycle` of 2026-S1 (every service typing S1) into tmp_path, its history h.sqlite beside: made once
    per run and copied, since most tests here start from it. Gives the period's report."""
    return made_once("history-2026-S1", lambda folder: cycle(folder, plan_path, "2026-S1", S1, folder / "h.sqlite"),
                     tmp_path)


def rows_in(store: Path, period: str) -> int:
    with sqlite3.connect(store) as connection:
        return connection.execute("SELECT COUNT(*) FROM actions WHERE periode = ?", (period,)).fetchone()[0]


def test_first_consolidation_records_the_period_beside_the_report(tmp_path, plan_path, first_period):
    report = first_period
    assert rows_in(tmp_path / "h.sqlite", "2026-S1") == 5
    history = sheet(report, "Historique")
    assert list(history.columns[:3]) == ["Période", "No", "Statut"] and len(history) == 5
    with sqlite3.connect(tmp_path / "h.sqlite") as connection:
        cells = dict(connection.execute("SELECT no || ' ' || colonne, cellule FROM provenance "
                                        "WHERE periode = '2026-S1'").fetchall())
    assert cells["2.1 Obstacles"] == "T2" and cells["1.2 Date de début réelle"] == "N3"


def test_next_period_forms_are_pre_filled_with_the_latest_values(tmp_path, plan_path, first_period):
    store = tmp_path / "h.sqlite"
    result = run("generer", plan_path, "-p", "2026-S2", "-o", tmp_path / "s2.xlsx", "--par-service", tmp_path / "e2",
                 "--historique", store)
    assert result.exit_code == 0 and "Pré-remplissage : 5 action(s)" in result.output
    tab = openpyxl.load_workbook(next((tmp_path / "e2").glob("*Travaux*")))[TP]
    header = [c.value for c in tab[1]]
    value = lambda row, title: tab.cell(row=row, column=header.index(title) + 1).value  # noqa: E731
    # the state is carried, not the period's own remarks (§13)
    assert (value(2, "No"), value(2, "Statut"), value(2, "Avancement (%)"), value(2, "Obstacles")) == (
        "2.1", "En cours", 30, None)
    assert value(3, "Statut") == "Non débutée" and value(3, "Avancement (%)") is None
    loisirs = openpyxl.load_workbook(tmp_path / "s2.xlsx")[LOISIRS]
    assert loisirs["P2"].value == 1000 and loisirs["N3"].value == dt.datetime(2026, 2, 1)
    assert tab["L2"].protection.locked is False  # still editable


def test_vierge_gives_blank_forms(tmp_path, plan_path, first_period):
    store = tmp_path / "h.sqlite"
    assert run("generer", plan_path, "-p", "2026-S2", "-o", tmp_path / "v.xlsx", "--historique", store,
               "--vierge").exit_code == 0
    assert openpyxl.load_workbook(tmp_path / "v.xlsx")[TP]["L2"].value is None


@pytest.mark.slow  # several whole periods
def test_untouched_prefilled_copy_does_not_outrank_a_real_return(tmp_path, plan_path, first_period):
    store = tmp_path / "h.sqlite"
    out = tmp_path / "s2"
    forms = make_forms(out, plan_path, "2026-S2", store)
    # the integrated copy, pre-filled everywhere, is filled on the Loisirs tab and saved last
    fill_form(out / "suivi.xlsx", out / "r" / "copie.xlsx", {"1.1": {"Statut": "Réalisée"}}, tab=LOISIRS,
              saved=dt.datetime(2026, 12, 20, tzinfo=UTC))
    tp_form = next(forms.glob("*Travaux*"))
    fill_form(tp_form, out / "r" / "tp.xlsx", {"2.1": {"Statut": "Réalisée", "Avancement (%)": 100}},
              saved=dt.datetime(2026, 12, 10, tzinfo=UTC))
    comm_form = next(forms.glob("*communications*"))
    fill_form(comm_form, out / "r" / "comm.xlsx", {}, saved=dt.datetime(2026, 12, 11, tzinfo=UTC))
    report = out / "r.xlsx"
    assert run("consolider", out / "r", "-o", report, "--historique", store).exit_code == 0
    actions = actions_by_no(report)
    assert actions.loc["2.1", "Statut"] == "Réalisée" and actions.loc["2.1", "Source"].startswith("tp.xlsx")
    assert actions.loc["1.1", "Statut"] == "Réalisée"
    # the services that sent their pre-filled form back unchanged are counted, with an Info
    assert actions.loc["3.1", "Statut"] == "En cours"
    table = anomalies(report)
    assert "Info" in set(table[table["Problème"].str.contains("sans modification")]["Gravité"])
    assert not table["Problème"].str.contains("plus d'un retour").any()


@pytest.mark.slow  # several whole periods
def test_two_and_three_periods_show_evolution_matching_the_history(tmp_path, plan_path, first_period):
    store = tmp_path / "h.sqlite"
    s2 = {TP: {"2.1": {"Statut": "Réalisée", "Avancement (%)": 100}},
          LOISIRS: {"1.1": {"Statut": "Reportée"}},
          COMM: {"3.1": {"Besoin de soutien": "Oui"}}}
    report = cycle(tmp_path, plan_path, "2026-S2", s2, store)
    s3 = {TP: {"2.10": {"Statut": "En cours", "Avancement (%)": 10}}}
    report3 = cycle(tmp_path, plan_path, "2027-S1", s3, store)
    for path, periods in ((report, ["2026-S1", "2026-S2"]), (report3, ["2026-S1", "2026-S2", "2027-S1"])):
        history = sheet(path, "Historique")
        assert list(dict.fromkeys(history["Période"])) == periods and len(history) == 5 * len(periods)
        charts = charts_of(path, "Tableau de bord")
        assert ("barChart", "Statuts des actions, période par période") in charts and len(charts) == 4
        dashboard = openpyxl.load_workbook(path)["Tableau de bord"]
        values = [[c for c in row] for row in dashboard.iter_rows(values_only=True)]
        start = next(i for i, r in enumerate(values) if r[0] == "Évolution d'une période à l'autre") + 1
        header = [h for h in values[start] if h is not None]
        table = {r[0]: dict(zip(header[1:], r[1:])) for r in values[start + 1:start + 1 + len(periods)]}
        # printed whole: every column as wide as its header's longest word, the header row as high as it wraps
        widths = [next((d.width for d in dashboard.column_dimensions.values() if d.min <= col <= d.max), 8.43)
                  for col in range(1, len(header) + 1)]  # a <col> element may span several columns
        assert all(width >= printing.word_width(h) for h, width in zip(header, widths)), (header, widths)
        assert dashboard.row_dimensions[start + 1].height >= printing.header_height(header, widths)
        expected = history.groupby(["Période", "Statut"]).size()
        for (period, status), count in expected.items():
            assert table[period][status] == count, (period, status)
    text = "\n".join(str(r[0]) for r in openpyxl.load_workbook(report)["Tableau de bord"].iter_rows(values_only=True))
    assert "Nouvellement réalisées depuis 2026-S1 (1)" in text and "2.1 — Trottoir vers l'école" in text
    assert "Nouvellement bloquées (reportées ou avec besoin de soutien) depuis 2026-S1 (2)" in text


def test_consolidating_a_period_again_replaces_it(tmp_path, plan_path, first_period):
    store = tmp_path / "h.sqlite"
    report = first_period
    for _ in range(2):
        assert run("consolider", tmp_path / "2026-S1" / "retours", "-o", report, "--historique",
                   store).exit_code == 0
    assert rows_in(store, "2026-S1") == 5
    with sqlite3.connect(store) as connection:
        assert connection.execute("SELECT COUNT(*) FROM periodes").fetchone()[0] == 1
        assert connection.execute("SELECT COUNT(*) FROM provenance").fetchone()[0] == 10  # values typed in S1


@pytest.mark.slow
def test_two_consolidations_at_once_never_corrupt_the_history(tmp_path, plan_path, first_period):
    store = tmp_path / "h.sqlite"
    cycle(tmp_path, plan_path, "2026-S2", {TP: {"2.1": {"Statut": "Réalisée"}}}, store)
    commands = [[sys.executable, "-m", "suivi_excel", "consolider", tmp_path / p / "retours", "-o",
                 tmp_path / f"{p}-{i}.xlsx", "--historique", store]
                for i in range(3) for p in ("2026-S1", "2026-S2")]
    # the history is held locked while all six start: none can finish before the others have started, so
    # they overlap for certain and all queue on the same file once it is released
    holder = sqlite3.connect(store, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        processes = [subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.STDOUT) for c in commands]
        time.sleep(3)
        assert [p.poll() for p in processes] == [None] * len(processes)  # all running at once, none done
        assert not list(tmp_path.glob("2026-S*-*.xlsx"))  # no report before its period is recorded
    finally:
        holder.execute("COMMIT")
        holder.close()
    outputs = [(p.communicate()[0].decode(), p.returncode) for p in processes]  # communicate closes the pipe
    assert all(code == 0 for _, code in outputs), outputs
    with sqlite3.connect(store) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        counts = dict(connection.execute("SELECT periode, COUNT(*) FROM actions GROUP BY periode").fetchall())
        keys = connection.execute("SELECT COUNT(*) FROM (SELECT DISTINCT plan, periode, no FROM actions)").fetchone()
    assert counts == {"2026-S1": 5, "2026-S2": 5} and keys[0] == 10


@pytest.mark.slow  # several whole periods
def test_revised_plan_follows_renumbered_moved_added_and_removed_actions(tmp_path, plan_path, first_period):
    store = tmp_path / "h.sqlite"
    # forms for S2 are made from version 1, then the plan is revised before consolidation
    out = tmp_path / "s2"
    forms = make_forms(out, plan_path, "2026-S2", store)
    fill_form(next(forms.glob("*Travaux*")), out / "r" / "tp.xlsx",
              {"2.1": {"Statut": "Réalisée", "Avancement (%)": 100}}, saved=dt.datetime(2026, 12, 1, tzinfo=UTC))
    fill_form(next(forms.glob("*loisirs*")), out / "r" / "loisirs.xlsx",
              {"1.2": {"Statut": "Abandonnée"}, "1.1": {"Statut": "Réalisée"}},
              saved=dt.datetime(2026, 12, 1, tzinfo=UTC))
    fill_form(next(forms.glob("*communications*")), out / "r" / "comm.xlsx",
              {"3.1": {"Statut": "Réalisée"}}, saved=dt.datetime(2026, 12, 1, tzinfo=UTC))
    revised = [("1.1", "Loisirs et culture", "Fête de quartier annuelle", LOISIRS, 2025, 2026, 5000, None),
               ("2.5", "Mobilité", "Trottoir vers l'école", TP, 2025, 2026, 100000, "2.1"),
               ("2.10", "Mobilité", "Feux piétons allongés", TP, 2026, 2026, 8000, None),
               ("3.1", "Information", "Bottin des ressources", TP, 2025, 2025, 2500, None),  # moved to TP
               ("4.1", "Sécurité", "Visites de prévention", COMM, 2026, 2027, 1000, None)]  # added
    plan_v2 = write_test_plan(tmp_path / "plan-v2.xlsx", rows=revised, headers=HEADERS + ("Ancien No",))
    report = out / "rapport.xlsx"
    result = run("consolider", out / "r", "-o", report, "--plan", plan_v2, "--historique", store)
    assert result.exit_code == 0, result.output
    actions = actions_by_no(report)
    assert list(actions["No"]) == ["1.1", "2.5", "2.10", "3.1", "4.1"]
    assert actions.loc["2.5", "Statut"] == "Réalisée" and actions.loc["3.1", "Statut"] == "Réalisée"
    assert actions.loc["4.1", "Statut"] == "Non renseigné"
    table = anomalies(report)
    assert "Info" in set(table[table["Problème"].str.contains("porte maintenant le numéro 2.5")]["Gravité"])
    removed = table[table["Problème"].str.contains("retirée du plan")]
    assert list(removed["Valeur"]) == ["1.2"] and list(removed["Gravité"]) == ["Avertissement"]
    assert table["Problème"].str.contains("relève du service « Travaux publics »").any()
    # history follows 2.1 -> 2.5: same key, and next period's form for 2.5 is pre-filled from it
    with sqlite3.connect(store) as connection:
        keys = dict(connection.execute("SELECT periode || ' ' || no, cle FROM actions").fetchall())
    assert keys["2026-S1 2.1"] == keys["2026-S2 2.5"]
    assert run("generer", plan_v2, "-p", "2027-S1", "-o", tmp_path / "s3.xlsx", "--historique",
               store).exit_code == 0
    tab = openpyxl.load_workbook(tmp_path / "s3.xlsx")[TP]
    assert tab["A2"].value == "2.5" and tab["M2"].value == "Réalisée"
    text = "\n".join(str(r[0]) for r in openpyxl.load_workbook(report)["Tableau de bord"].iter_rows(values_only=True))
    assert "2.5 — Trottoir vers l'école" in text  # newly done, followed through the renumbering


@pytest.mark.slow  # several whole periods
def test_annual_review_from_the_history_alone(tmp_path, plan_path, first_period):
    store = tmp_path / "h.sqlite"
    cycle(tmp_path, plan_path, "2026-S2", {TP: {"2.1": {"Statut": "Réalisée", "Avancement (%)": 100}}}, store)
    for folder in ("2026-S1", "2026-S2"):
        for path in (tmp_path / folder).rglob("*.xlsx"):
            path.unlink()  # the review needs nothing but the history
    result = run("bilan", "--annee", "2026", "--historique", store, "-o", tmp_path / "bilan.xlsx")
    assert result.exit_code == 0, result.output
    assert "2026-S1, 2026-S2" in result.output
    book = openpyxl.load_workbook(tmp_path / "bilan.xlsx")
    assert book["Tableau de bord"]["A1"].value.startswith("Bilan annuel 2026")
    assert actions_by_no(tmp_path / "bilan.xlsx").loc["2.1", "Statut"] == "Réalisée"
    assert set(sheet(tmp_path / "bilan.xlsx", "Historique")["Période"]) == {"2026-S1", "2026-S2"}
    assert run("bilan", "--annee", "2024", "--historique", store).exit_code == 2


@pytest.mark.parametrize("missing", [True, False])
def test_bilan_without_history_is_a_clear_message(tmp_path, missing):
    store = tmp_path / "h.sqlite"
    if not missing:
        store.write_text("pas une base")
    result = run("bilan", "--annee", "2026", "--historique", store, "-o", tmp_path / "b.xlsx")
    assert result.exit_code == 2 and no_crash(result)
    assert not (tmp_path / "b.xlsx").exists()
