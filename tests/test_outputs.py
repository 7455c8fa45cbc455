"""What a run writes and how it fails (README, « Envoyer par courriel », « Fichiers douteux »): unique
names, shared-drive permissions, no silent assumptions, damaged forms named, anomalies in reading order."""

from __future__ import annotations

import datetime as dt
import email
import os
import stat
import subprocess
import sys
from email import policy
from pathlib import Path

import openpyxl
import pytest
from conftest import LOISIRS, TP, anomalies, as_plain_user, fill, run, write_test_plan

from suivi_excel.forms.simulate import set_saved_time

LONG = "Service des loisirs, de la culture et de la vie communautaire"
EAST = f"{LONG} - secteur est"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_two_services_whose_long_names_share_their_start_get_two_forms_and_two_drafts(tmp_path):
    rows = [("1.1", "Loisirs", "Fête", LONG, 2025, 2026, 0), ("1.2", "Loisirs", "Parc", EAST, 2025, 2026, 0),
            ("2.1", "Mobilité", "Trottoir", TP, 2025, 2026, 0)]
    services = [{"Service": LONG, "Responsable": "Ana", "Courriel": "loisirs@ville.test"},
                {"Service": EAST, "Responsable": "Éric", "Courriel": "est@ville.test"},
                {"Service": TP, "Responsable": "Bob", "Courriel": "tp@ville.test"}]
    plan = write_test_plan(tmp_path / "plan.xlsx", rows=rows, services=services)
    result = run("generer", plan, "-p", "2026", "-o", tmp_path / "suivi.xlsx", "--par-service", tmp_path / "envois")
    assert result.exit_code == 0, result.output
    forms = sorted((tmp_path / "envois").glob("*.xlsx"))
    assert len(forms) == 3 and len({f.name.casefold() for f in forms}) == 3
    assert all(len(f.stem) <= 100 for f in forms)

    result = run("envoyer", "formulaires", tmp_path / "envois", "--brouillons", tmp_path / "brouillons")
    assert result.exit_code == 0, result.output
    drafts = sorted((tmp_path / "brouillons").glob("*.eml"))
    assert len(drafts) == 3
    recipients = {email.message_from_bytes(d.read_bytes(), policy=policy.default)["To"] for d in drafts}
    assert recipients == {"loisirs@ville.test", "est@ville.test", "tp@ville.test"}


def test_every_kind_of_file_written_follows_the_umask(tmp_path, umask_022):
    plan = tmp_path / "plan.xlsx"
    assert run("modele", plan).exit_code == 0
    plan = write_test_plan(tmp_path / "mon-plan.xlsx")
    assert run("generer", plan, "-p", "2026", "-o", tmp_path / "suivi.xlsx",
               "--par-service", tmp_path / "envois").exit_code == 0
    form = next((tmp_path / "envois").glob("*Travaux*"))
    from suivi_excel.forms.simulate import fill_form

    fill_form(form, tmp_path / "retours" / "tp.xlsx", {"2.1": {"Statut": "En cours"}})
    report = tmp_path / "rapport.xlsx"
    assert run("consolider", tmp_path / "retours", "-o", report).exit_code == 0
    assert run("envoyer", "formulaires", tmp_path / "envois", "--brouillons", tmp_path / "brouillons").exit_code == 0
    assert run("bilan", "--annee", "2026", "--historique", tmp_path / "suivi-historique.sqlite",
               "-o", tmp_path / "bilan.xlsx").exit_code == 0
    written = [tmp_path / "plan.xlsx", tmp_path / "suivi.xlsx", form, report, tmp_path / "bilan.xlsx",
               tmp_path / "suivi-historique.sqlite", *(tmp_path / "brouillons").glob("*.eml")]
    assert {path.name: oct(_mode(path)) for path in written} == {path.name: "0o644" for path in written}


def test_a_file_written_again_keeps_its_mode_and_a_stricter_umask_is_followed(tmp_path, forms, umask_022):
    fill(forms, TP, {"2.1": {"Statut": "En cours"}}, tmp_path / "retours" / "tp.xlsx")
    report = tmp_path / "rapport.xlsx"
    assert run("consolider", tmp_path / "retours", "-o", report).exit_code == 0
    report.chmod(0o664)  # opened to the team's group by the coordinator
    assert run("consolider", tmp_path / "retours", "-o", report).exit_code == 0
    assert _mode(report) == 0o664
    os.umask(0o027)
    assert run("consolider", tmp_path / "retours", "-o", tmp_path / "prive.xlsx").exit_code == 0
    assert _mode(tmp_path / "prive.xlsx") == 0o640


def test_a_form_whose_hidden_plan_was_edited_is_named_and_the_others_go(tmp_path, forms):
    damaged = forms.per_service[LOISIRS]
    book = openpyxl.load_workbook(damaged)
    packed = book["_plan"]["A1"].value  # deflated JSON in base64: one character changed breaks it
    book["_plan"]["A1"].value = packed[:40] + ("A" if packed[40] != "A" else "B") + packed[41:]
    book.save(damaged)
    result = run("envoyer", "formulaires", damaged.parent, "--essai")
    assert result.exit_code == 1
    assert f"Formulaire écarté : {damaged.name} : les données cachées du formulaire sont abîmées" in result.output
    assert "1 message(s) seraient envoyés" in result.output and "tp@ville.test" in result.output
    assert "loisirs@ville.test" not in result.output


@pytest.mark.slow  # a whole process
def test_an_unreadable_returns_folder_stops_the_reminder_instead_of_reminding_everyone(tmp_path, forms):
    returns = tmp_path / "retours"
    fill(forms, TP, {"2.1": {"Statut": "En cours"}}, returns / "tp.xlsx")
    fill(forms, LOISIRS, {"1.1": {"Statut": "Réalisée"}}, returns / "loisirs" / "loisirs.xlsx")
    command = [sys.executable, "-m", "suivi_excel", "envoyer", "formulaires", str(tmp_path / "envois"), "--relance",
               "--retours", str(returns), "--essai"]
    said = {}
    for unreadable in (returns / "loisirs", returns):
        unreadable.chmod(0)
        try:
            done = subprocess.run(as_plain_user(command), capture_output=True, text=True)
        finally:
            unreadable.chmod(0o755)
        assert done.returncode == 2 and "seraient envoyés" not in done.stdout, done.stdout + done.stderr
        assert "Traceback" not in done.stderr
        said[unreadable.name] = done.stderr
    assert "rien n'est envoyé" in said["loisirs"]
    assert "loisirs : Ce dossier ne peut pas être lu (accès refusé)" in said["loisirs"]
    assert "n'est pas lisible" in said["retours"]


def test_a_returns_folder_with_no_return_says_everyone_is_reminded(tmp_path, forms):
    (tmp_path / "retours").mkdir()
    result = run("envoyer", "formulaires", tmp_path / "envois", "--relance", "--retours", tmp_path / "retours",
                 "--essai")
    assert result.exit_code == 0
    assert "Aucun retour reconnu" in result.output and "tous les services sont relancés" in result.output
    assert "2 message(s) seraient envoyés" in result.output


@pytest.mark.slow  # a whole process
def test_an_unreadable_subfolder_of_returns_is_an_error_in_the_report(tmp_path, forms):
    returns = tmp_path / "retours"
    fill(forms, TP, {"2.1": {"Statut": "En cours"}}, returns / "tp.xlsx")
    fill(forms, LOISIRS, {"1.1": {"Statut": "Réalisée"}}, returns / "loisirs" / "loisirs.xlsx")
    (returns / "loisirs").chmod(0)
    try:
        done = subprocess.run(as_plain_user([sys.executable, "-m", "suivi_excel", "verifier", str(returns)]),
                              capture_output=True, text=True)
    finally:
        (returns / "loisirs").chmod(0o755)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "loisirs : Ce dossier ne peut pas être lu (accès refusé)" in done.stdout


@pytest.mark.parametrize("config, words", [
    ("[serveur]\nnom = smtp.ville.test\n", "pas de section [smtp]"),
    ("serveur = smtp.ville.test\n", "illisible (ligne 1 incompréhensible)"),
    ("[smtp]\nserveru = smtp.ville.test\n", "clé(s) inconnue(s) dans la section [smtp]"),
    ("[smtp\nserveur = x\n", "illisible"),
])
def test_a_broken_config_file_stops_even_for_drafts(tmp_path, forms, config, words, monkeypatch):
    monkeypatch.delenv("SUIVI_SMTP_FROM", raising=False)
    path = tmp_path / "smtp.ini"
    path.write_text(config, encoding="utf-8")
    result = run("envoyer", "formulaires", tmp_path / "envois", "--config", path, "--brouillons", tmp_path / "b")
    assert result.exit_code == 2 and words in result.output and str(path) in result.output
    assert not (tmp_path / "b").exists()


def test_anomalies_of_a_tab_come_in_reading_order_a_whole_row_first(tmp_path, forms):
    target = fill(forms, TP, {"2.1": {"Statut": "Fini"}, "2.10": {"Statut": "Presque"}}, tmp_path / "r" / "tp.xlsx")
    book = openpyxl.load_workbook(target)
    book[TP].cell(row=1, column=13, value="Progrès")  # the Avancement (%) header, renamed
    book.save(target)
    set_saved_time(target, dt.datetime(2026, 12, 1, 12, tzinfo=dt.timezone.utc))
    assert run("consolider", tmp_path / "r", "-o", tmp_path / "rapport.xlsx").exit_code == 0
    table = anomalies(tmp_path / "rapport.xlsx")
    cells = list(table.loc[(table["Fichier"] == "tp.xlsx") & (table["Gravité"] == "Erreur"), "Cellule"])
    assert cells == ["1:1", "L2", "L3"]

