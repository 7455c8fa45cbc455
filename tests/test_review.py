"""Reviewing the returns (README, « Relire les retours et faire corriger »): the state of each return, the
correction workbooks, their e-mail, and the corrected return coming back."""

from __future__ import annotations

import datetime as dt
import email
from email import policy

import openpyxl
import pandas as pd
import pytest
from conftest import (
    COMM,
    HEADERS,
    LOISIRS,
    ROWS,
    SERVICES,
    TP,
    actions_by_no,
    anomalies,
    run,
    sheet,
    write_test_plan,
)

from suivi_excel.core.periods import parse_period
from suivi_excel.forms.generation import Options, generate
from suivi_excel.forms.simulate import fill_form
from suivi_excel.plan.reading import read_plan

pytestmark = pytest.mark.slow  # whole review cycles: consolidate, correct, send, consolidate again

BIBLIO = "Bibliothèque"
UTC = dt.timezone.utc
FIRST, LATER = dt.datetime(2026, 12, 1, 12, tzinfo=UTC), dt.datetime(2026, 12, 8, 12, tzinfo=UTC)


@pytest.fixture
def cycle(tmp_path):
    """Four services: one complete, one with errors, one incomplete, one silent."""
    rows = [*ROWS, ("3.2", "Information", "Heure du conte", BIBLIO, 2025, 2026, 500)]
    services = [*SERVICES, {"Service": BIBLIO, "Responsable": "Denis", "Courriel": "biblio@ville.test"}]
    plan = read_plan(write_test_plan(tmp_path / "plan.xlsx", rows=rows, headers=HEADERS, services=services))
    forms = generate(plan, Options(parse_period("2026")), tmp_path / "suivi.xlsx", tmp_path / "envois")
    returns = tmp_path / "retours"
    fill_form(forms.per_service[TP], returns / "tp.xlsx",
              {"2.1": {"Statut": "En cours", "Avancement (%)": 40}, "2.10": {"Statut": "Réalisée"}}, saved=FIRST)
    fill_form(forms.per_service[LOISIRS], returns / "loisirs.xlsx",
              {"1.1": {"Statut": "Presque fini", "Commentaires": "Belle fête"},
               "1.2": {"Statut": "En cours", "Avancement (%)": "beaucoup", "Obstacles": "Manque de salles"}},
              saved=FIRST)
    fill_form(forms.per_service[COMM], returns / "comm.xlsx", {"3.1": {"Commentaires": "On s'en occupe"}},
              saved=FIRST)
    return tmp_path, forms


def _states(report) -> dict[str, str]:
    return dict(zip(sheet(report, "Retours")["Service"], sheet(report, "Retours")["État"]))


def test_each_return_gets_its_state_in_the_report_the_dashboard_and_the_summary(cycle):
    folder, _forms = cycle
    result = run("consolider", folder / "retours", "-o", folder / "rapport.xlsx")
    assert result.exit_code == 0, result.output
    report = folder / "rapport.xlsx"
    assert _states(report) == {LOISIRS: "À corriger", TP: "Complet", COMM: "Incomplet", BIBLIO: "Non reçu"}
    returns = sheet(report, "Retours").set_index("Service")
    assert list(returns.columns) == ["Responsable", "Courriel", "Fichier", "Enregistré le", "Actions", "Renseignées",
                                     "Erreurs", "Avertissements", "État"]
    assert returns.loc[LOISIRS, "Erreurs"] == 2 and returns.loc[LOISIRS, "Fichier"] == "loisirs.xlsx"
    assert returns.loc[COMM, "Renseignées"] == 0 and returns.loc[COMM, "Actions"] == 1
    assert returns.loc[TP, "Renseignées"] == 2 and pd.isna(returns.loc[BIBLIO, "Fichier"])
    dashboard = {r[0]: r[1] for r in openpyxl.load_workbook(report)["Tableau de bord"].iter_rows(values_only=True)
                 if r[0]}
    assert (dashboard["Complet"], dashboard["Incomplet"], dashboard["À corriger"], dashboard["Non reçu"]) == (1, 1, 1, 1)
    assert "Retours complets : 1 sur 4 (incomplet : 1 — à corriger : 1 — non reçu : 1)" in result.output
    checked = run("verifier", folder / "retours")
    assert checked.exit_code == 1
    assert "À corriger  Service des loisirs" in checked.output and "Non reçu    Bibliothèque" in checked.output


def test_correction_workbooks_mark_exactly_the_problem_cells_and_carry_the_other_answers(cycle):
    folder, _forms = cycle
    result = run("consolider", folder / "retours", "-o", folder / "rapport.xlsx", "--corrections",
                 folder / "corrections")
    assert result.exit_code == 0 and "Classeurs de correction : 2" in result.output
    written = sorted(p.name for p in (folder / "corrections").glob("*.xlsx"))
    assert written == [f"correction-2026 - {COMM}.xlsx", f"correction-2026 - {LOISIRS}.xlsx"]
    book = openpyxl.load_workbook(folder / "corrections" / f"correction-2026 - {LOISIRS}.xlsx")
    assert book.sheetnames[:2] == ["Instructions", LOISIRS] and book[LOISIRS].protection.sheet
    tab = book[LOISIRS]
    header = [c.value for c in tab[1]]
    marked = {c.coordinate for row in tab.iter_rows(min_row=2) for c in row if c.comment is not None}
    status, progress = header.index("Statut"), header.index("Avancement (%)")
    assert marked == {tab.cell(row=2, column=status + 1).coordinate, tab.cell(row=3, column=progress + 1).coordinate}
    first = {h: c.value for h, c in zip(header, tab[2])}
    second = {h: c.value for h, c in zip(header, tab[3])}
    assert first["Statut"] == "Presque fini" and first["Commentaires"] == "Belle fête"  # as typed, and the rest
    assert second["Statut"] == "En cours" and second["Avancement (%)"] == "beaucoup"
    assert second["Obstacles"] == "Manque de salles"
    assert "choisissez une valeur de la liste" in tab.cell(row=2, column=status + 1).comment.text
    fills = {c.coordinate for row in tab.iter_rows(min_row=2) for c in row
             if c.fill.fgColor.rgb and str(c.fill.fgColor.rgb).endswith("FFC7CE")}
    assert fills == marked
    instructions = " ".join(str(c.value) for c in book["Instructions"]["A"] if c.value)
    cell = tab.cell(row=2, column=status + 1).coordinate
    assert "À corriger" in instructions and f"{cell} (action 1.1) : Statut « Presque fini » inconnu" in instructions
    completing = openpyxl.load_workbook(folder / "corrections" / f"correction-2026 - {COMM}.xlsx")
    told = " ".join(str(c.value) for c in completing["Instructions"]["A"] if c.value)
    assert "À compléter" in told and "À corriger" not in told  # nothing wrong, answers missing
    incomplete = completing.worksheets[1]
    assert [c.comment is not None for c in incomplete[2]].count(True) == 1
    assert incomplete.cell(row=2, column=[c.value for c in incomplete[1]].index("Commentaires") + 1).value == \
        "On s'en occupe"


def test_corrections_go_by_e_mail_with_each_problem_and_its_cell(cycle, smtp):
    folder, _forms = cycle
    run("consolider", folder / "retours", "-o", folder / "rapport.xlsx", "--corrections", folder / "corrections")
    result = run("envoyer", "corrections", folder / "corrections")
    assert result.exit_code == 0, result.output
    received = {rcpt[0]: message for rcpt, message in smtp.messages}
    assert set(received) == {"loisirs@ville.test"}  # COMM has no address: named on screen instead
    assert f"Sans adresse courriel dans la feuille Services (à joindre autrement) : {COMM}" in result.output
    message = received["loisirs@ville.test"]
    assert message["Subject"] == f"À corriger — suivi du plan d'action, période 2026 — {LOISIRS}"
    body = message.get_body(("plain",)).get_content()
    assert "- cellule L2 (action 1.1) : Statut « Presque fini » inconnu" in body
    assert "- cellule M3 (action 1.2) : Avancement « beaucoup » illisible" in body
    attachment = next(message.iter_attachments())
    assert attachment.get_filename() == f"correction-2026 - {LOISIRS}.xlsx"
    again = run("envoyer", "corrections", folder / "corrections")
    assert "0 envoyé(s), 0 échec(s), 1 déjà envoyé(s)" in again.output and len(smtp.messages) == 1
    drafts = run("envoyer", "corrections", folder / "corrections", "--brouillons", folder / "brouillons")
    assert drafts.exit_code == 0
    draft = email.message_from_bytes(next((folder / "brouillons").glob("*.eml")).read_bytes(), policy=policy.default)
    assert draft["X-Unsent"] == "1" and "cellule L2" in draft.get_body(("plain",)).get_content()


def test_an_incomplete_return_is_asked_to_be_completed_in_its_subject(cycle):
    folder, _forms = cycle
    run("consolider", folder / "retours", "-o", folder / "rapport.xlsx", "--corrections", folder / "corrections")
    rows = [*ROWS, ("3.2", "Information", "Heure du conte", BIBLIO, 2025, 2026, 500)]
    services = [{**s, "Courriel": s["Courriel"] or "comm@ville.test"} for s in SERVICES]
    services.append({"Service": BIBLIO, "Responsable": "Denis", "Courriel": "biblio@ville.test"})
    revised = write_test_plan(folder / "plan-a-jour.xlsx", rows=rows, headers=HEADERS, services=services)
    result = run("envoyer", "corrections", folder / "corrections", "--plan", revised,
                 "--brouillons", folder / "brouillons")
    assert result.exit_code == 0, result.output
    subjects = {m["To"]: m["Subject"] for m in (email.message_from_bytes(p.read_bytes(), policy=policy.default)
                                                for p in (folder / "brouillons").glob("*.eml"))}
    assert subjects == {"loisirs@ville.test": f"À corriger — suivi du plan d'action, période 2026 — {LOISIRS}",
                        "comm@ville.test": f"À compléter — suivi du plan d'action, période 2026 — {COMM}"}


def test_the_corrected_return_is_retained_and_the_service_becomes_complete(cycle):
    folder, _forms = cycle
    run("consolider", folder / "retours", "-o", folder / "rapport.xlsx", "--corrections", folder / "corrections")
    correction = folder / "corrections" / f"correction-2026 - {LOISIRS}.xlsx"
    fill_form(correction, folder / "retours" / "loisirs-corrige.xlsx",
              {"1.1": {"Statut": "Réalisée"}, "1.2": {"Avancement (%)": 60}}, saved=LATER)
    result = run("consolider", folder / "retours", "-o", folder / "rapport-2.xlsx")
    assert result.exit_code == 0, result.output
    report = folder / "rapport-2.xlsx"
    assert _states(report)[LOISIRS] == "Complet"
    actions = actions_by_no(report)
    assert actions.loc["1.1", "Statut"] == "Réalisée" and actions.loc["1.1", "Commentaires"] == "Belle fête"
    assert actions.loc["1.2", "Avancement (%)"] == 60 and actions.loc["1.2", "Obstacles"] == "Manque de salles"
    table = anomalies(report)
    assert not len(table[(table["Fichier"] == "loisirs.xlsx") & (table["Gravité"] == "Erreur")])
    superseded = table[table["Fichier"] == "loisirs.xlsx"]  # the normal path: an Info, not a warning
    assert list(superseded["Gravité"]) == ["Info"] and "loisirs-corrige.xlsx" in superseded.iloc[0]["Problème"]
    assert "classeur de correction" in superseded.iloc[0]["Problème"]


def test_without_anything_to_fix_no_correction_workbook_is_written(tmp_path, forms):
    fill_form(forms.per_service[TP], tmp_path / "r" / "tp.xlsx",
              {"2.1": {"Statut": "En cours"}, "2.10": {"Statut": "Réalisée"}}, saved=FIRST)
    result = run("consolider", tmp_path / "r", "-o", tmp_path / "rapport.xlsx", "--corrections", tmp_path / "c")
    assert result.exit_code == 0 and "Classeurs de correction : 0" in result.output
    assert not list((tmp_path / "c").glob("*.xlsx"))
    result = run("envoyer", "corrections", tmp_path / "envois", "--essai")
    assert result.exit_code == 2 and "aucun classeur de correction" in result.output


def test_a_renamed_column_makes_the_return_one_to_fix_with_its_error_counted(tmp_path, forms):
    # the service renamed « Date de début réelle »: its dates are not read, an Erreur names the header;
    # the return must not read « Complet, 0 erreur » while the report lists that Erreur
    returned = fill_form(forms.per_service[TP], tmp_path / "r" / "tp.xlsx",
                         {"2.1": {"Statut": "En cours"}, "2.10": {"Statut": "Réalisée", "Avancement (%)": 100}},
                         saved=FIRST)
    book = openpyxl.load_workbook(returned)
    tab = next(ws for ws in book.worksheets if ws.title.startswith("Travaux"))
    header = next(cell for row in tab.iter_rows(max_row=10) for cell in row if cell.value == "Date de début réelle")
    header.value = "Début"
    book.save(returned)
    result = run("consolider", tmp_path / "r", "-o", tmp_path / "rapport.xlsx", "--corrections", tmp_path / "c")
    assert "header-missing" in set(anomalies(tmp_path / "rapport.xlsx")["Code"]), result.output
    returns = sheet(tmp_path / "rapport.xlsx", "Retours").set_index("Service")
    assert returns.loc[TP, "Erreurs"] == 1 and returns.loc[TP, "État"] == "À corriger"
    # its correction workbook says why: the column's problem is listed in its instructions
    [correction] = (tmp_path / "c").glob("*.xlsx")
    said = "\n".join(str(c.value) for ws in openpyxl.load_workbook(correction).worksheets
                     for row in ws.iter_rows() for c in row if c.value)
    assert "Colonne « Date de début réelle » introuvable" in said
