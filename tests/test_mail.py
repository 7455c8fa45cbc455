"""E-mail (README, « Envoyer par courriel ») against a real SMTP server on loopback (aiosmtpd)."""

from __future__ import annotations

import csv
import io
import datetime as dt
import email
import re
import zipfile
from email import policy
from pathlib import Path

import openpyxl
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from conftest import COMM, LOISIRS, TP, Mailbox, fill, free_port, no_crash, run, write_test_plan

from suivi_excel.core.periods import parse_period
from suivi_excel.forms.generation import Options, generate
from suivi_excel.plan.reading import read_plan


@pytest.fixture
def envois(tmp_path, plan_path, made_once):
    def make(folder):
        plan = read_plan(plan_path)
        generate(plan, Options(parse_period("2026"), deadline=dt.date(2027, 1, 15)), folder / "suivi.xlsx",
                 folder / "envois")
        return folder / "envois"

    return made_once("envois", make, tmp_path)


def _log(folder: Path) -> list[dict]:
    with open(folder.parent / "journal-envois.csv", encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def test_each_service_gets_its_form_with_the_deadline_and_its_file(smtp, envois):
    result = run("envoyer", "formulaires", envois)
    assert result.exit_code == 0, result.output
    received = {rcpt[0]: message for rcpt, message in smtp.messages}
    assert set(received) == {"loisirs@ville.test", "tp@ville.test"}
    assert f"Sans adresse courriel dans la feuille Services (à joindre autrement) : {COMM}" in result.output
    message = received["tp@ville.test"]
    assert message["Subject"] == f"Suivi du plan d'action — période 2026 — {TP}"
    assert "coord@ville.test" in message["From"] and message["Reply-To"] in (None, "coord@ville.test")
    text = message.get_body(("plain",)).get_content()
    assert "au plus tard le 15 janvier 2027" in text and "Bonjour Bob" in text
    assert "15 janvier 2027" in message.get_body(("html",)).get_content()
    attachments = list(message.iter_attachments())
    assert len(attachments) == 1
    part = attachments[0]
    form = next(envois.glob("*Travaux*"))
    assert part.get_filename() == form.name
    assert part.get_content_type() == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert part.get_content() == form.read_bytes()
    assert {row["statut"] for row in _log(envois)} == {"envoyé"}


def test_a_second_run_sends_nothing_twice(smtp, envois):
    assert run("envoyer", "formulaires", envois).exit_code == 0
    result = run("envoyer", "formulaires", envois)
    assert result.exit_code == 0 and len(smtp.messages) == 2
    assert "0 envoyé(s), 0 échec(s), 2 déjà envoyé(s)" in result.output


def test_a_refused_address_is_reported_and_the_others_still_go(smtp, envois):
    smtp.refuse = {"loisirs@ville.test"}
    result = run("envoyer", "formulaires", envois)
    assert result.exit_code == 1
    assert "échec       Service des loisirs → loisirs@ville.test : adresse refusée" in result.output
    assert [rcpt for rcpt, _ in smtp.messages] == [["tp@ville.test"]]
    statuses = {row["service"]: row["statut"] for row in _log(envois)}
    assert statuses == {LOISIRS: "échec", TP: "envoyé"}
    smtp.refuse = set()
    result = run("envoyer", "formulaires", envois)
    assert result.exit_code == 0 and "1 envoyé(s), 0 échec(s), 1 déjà envoyé(s)" in result.output
    assert sorted(r[0] for r, _ in smtp.messages) == ["loisirs@ville.test", "tp@ville.test"]


def test_a_connection_dropped_midway_is_survived_and_the_log_is_right(smtp, envois):
    smtp.drop_on = 1
    result = run("envoyer", "formulaires", envois)
    assert result.exit_code == 1 and "connexion coupée" in result.output
    assert len(smtp.messages) == 1  # the second message went through a new connection
    log = _log(envois)
    assert sorted(row["statut"] for row in log) == ["envoyé", "échec"]
    smtp.drop_on = None
    assert run("envoyer", "formulaires", envois).exit_code == 0
    assert len(smtp.messages) == 2


def test_a_server_that_is_down_fails_cleanly(envois, monkeypatch):
    monkeypatch.setenv("SUIVI_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("SUIVI_SMTP_PORT", str(free_port()))
    monkeypatch.setenv("SUIVI_SMTP_SECURITE", "aucune")
    result = run("envoyer", "formulaires", envois)
    assert result.exit_code == 1 and "serveur injoignable" in result.output and no_crash(result)
    assert {row["statut"] for row in _log(envois)} == {"échec"}


def test_reminders_go_only_to_services_without_a_return(smtp, envois, tmp_path):
    forms = {s: next(envois.glob(f"*{s[:14]}*")) for s in (TP,)}
    from suivi_excel.forms.simulate import fill_form

    fill_form(forms[TP], tmp_path / "retours" / "tp.xlsx", {"2.1": {"Statut": "En cours"}})
    result = run("envoyer", "formulaires", envois, "--relance", "--retours", tmp_path / "retours")
    assert result.exit_code == 0, result.output
    assert [rcpt for rcpt, _ in smtp.messages] == [["loisirs@ville.test"]]
    message = smtp.messages[0][1]
    assert message["Subject"].startswith("Rappel") and "pas encore reçu" in message.get_body(("plain",)).get_content()
    assert "Déjà répondu, pas de relance : Travaux publics" in result.output


def test_reminder_needs_to_know_who_answered(smtp, envois):
    result = run("envoyer", "formulaires", envois, "--relance")
    assert result.exit_code == 2 and "--retours" in result.output


def test_report_goes_to_the_committee_with_a_french_summary(smtp, forms, tmp_path):
    fill(forms, TP, {"2.1": {"Statut": "Réalisée"}, "2.10": {"Statut": "En cours"}}, tmp_path / "r" / "tp.xlsx")
    assert run("consolider", tmp_path / "r", "-o", tmp_path / "rapport.xlsx").exit_code == 0
    result = run("envoyer", "rapport", tmp_path / "rapport.xlsx", "--a", "maire@ville.test, dg@ville.test",
                 "--a", "comite@ville.test")
    assert result.exit_code == 0, result.output
    (rcpts, message), = smtp.messages
    assert rcpts == ["maire@ville.test", "dg@ville.test", "comite@ville.test"]
    assert message["Subject"] == "Bilan du suivi du plan d'action — période 2026"
    text = message.get_body(("plain",)).get_content()
    assert "- 5 actions : 1 « En cours », 1 « Réalisée », 3 « Non renseigné »" in text
    assert "- Taux de réalisation : 20 %" in text and "- Services qui ont répondu : 1 sur 3" in text
    assert "<li>Taux de réalisation : 20 %</li>" in message.get_body(("html",)).get_content()
    assert next(message.iter_attachments()).get_content() == (tmp_path / "rapport.xlsx").read_bytes()


def test_drafts_are_eml_files_that_parse_and_nothing_is_sent(smtp, envois, tmp_path):
    result = run("envoyer", "formulaires", envois, "--brouillons", tmp_path / "brouillons")
    assert result.exit_code == 0 and not smtp.messages
    drafts = sorted((tmp_path / "brouillons").glob("*.eml"))
    assert len(drafts) == 2
    message = email.message_from_bytes(drafts[0].read_bytes(), policy=policy.default)
    assert message["X-Unsent"] == "1" and message["To"].endswith("@ville.test")
    assert next(message.iter_attachments()).get_filename().endswith(".xlsx")
    assert not message.defects


def test_trial_shows_and_sends_nothing(smtp, envois):
    result = run("envoyer", "formulaires", envois, "--essai")
    assert result.exit_code == 0 and "2 message(s) seraient envoyés" in result.output
    assert not smtp.messages and not (envois.parent / "journal-envois.csv").exists()


def test_password_is_used_but_never_printed_nor_written(envois, tmp_path, monkeypatch):
    box = Mailbox()
    port = free_port()
    seen = []

    def authenticator(server, session, envelope, mechanism, auth_data):
        seen.append((auth_data.login, auth_data.password))
        return AuthResult(success=True)

    controller = Controller(box, hostname="127.0.0.1", port=port, auth_require_tls=False,
                            authenticator=authenticator)
    controller.start()
    try:
        config = tmp_path / "smtp.ini"
        config.write_text(f"[smtp]\nserveur = 127.0.0.1\nport = {port}\nsecurite = aucune\n"
                          "utilisateur = coord\nexpediteur = coord@ville.test\n")
        for key in ("HOST", "PORT", "SECURITE", "USER", "FROM"):
            monkeypatch.delenv(f"SUIVI_SMTP_{key}", raising=False)
        monkeypatch.setenv("SUIVI_SMTP_PASSWORD", "motdepasse-tres-secret")
        result = run("envoyer", "formulaires", envois, "--config", config)
    finally:
        controller.stop()
    assert result.exit_code == 0, result.output
    assert seen and seen[0] == (b"coord", b"motdepasse-tres-secret") and len(box.messages) == 2
    assert "coord@127.0.0.1" in result.output and "motdepasse-tres-secret" not in result.output
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert b"motdepasse-tres-secret" not in path.read_bytes(), path


def test_missing_smtp_settings_is_a_clear_message(envois, monkeypatch):
    for key in ("HOST", "PORT", "SECURITE", "USER", "PASSWORD", "FROM"):
        monkeypatch.delenv(f"SUIVI_SMTP_{key}", raising=False)
    result = run("envoyer", "formulaires", envois)
    assert result.exit_code == 2 and "SUIVI_SMTP_HOST" in result.output and "--brouillons" in result.output


def test_edited_templates_are_used(smtp, envois, tmp_path):
    templates = tmp_path / "mes-modeles"
    templates.mkdir()
    (templates / "courriel-formulaire.txt").write_text(
        "Objet : À remplir : {service} ({periode})\n\nAllo {responsable}, date limite {echeance}.\n",
        encoding="cp1252")  # what the Windows Notepad saves as « ANSI »
    assert run("envoyer", "formulaires", envois, "--modeles", templates).exit_code == 0
    message = dict((r[0], m) for r, m in smtp.messages)["tp@ville.test"]
    assert message["Subject"] == "À remplir : Travaux publics (2026)"
    assert message.get_body(("plain",)).get_content().strip() == "Allo Bob, date limite 15 janvier 2027."


def test_a_template_saved_as_unicode_by_notepad_is_read_and_a_missing_one_says_what_the_folder_holds(
        envois, tmp_path):
    templates = tmp_path / "mes-modeles"
    templates.mkdir()
    (templates / "courriel-formulaire.txt").write_text("Objet : Été {periode}\n\nBonjour {responsable}\n",
                                                      encoding="utf-16")  # Notepad's « Unicode »: UTF-16 with a BOM
    result = run("envoyer", "formulaires", envois, "--modeles", templates, "--brouillons", tmp_path / "b")
    assert result.exit_code == 0, result.output
    drafts = [email.message_from_bytes(p.read_bytes(), policy=policy.default) for p in (tmp_path / "b").iterdir()]
    assert drafts and all(d["Subject"] == "Été 2026" for d in drafts)
    result = run("envoyer", "formulaires", envois, "--relance", "--retours", tmp_path,
                 "--modeles", templates, "--essai")
    assert "courriel-relance.txt" in result.output and "fichier introuvable" in result.output, result.output
    assert "courriel-*.txt" in result.output


@pytest.mark.parametrize("line, said", [
    ("Allo {responsable} {nom_inconnu},", "nomme {nom_inconnu} à la ligne 3"),
    ("À remettre au plus tard le {echeance.", "accolade seule à la ligne 3"),
    ("Allo {Service},", "nomme {Service} à la ligne 3"),
])
def test_a_template_naming_a_field_no_message_fills_is_refused_before_anything_goes(smtp, envois, tmp_path, line,
                                                                                   said):
    # sent as is, every service would read the raw field; the coordinator is told which line, and the fields
    templates = tmp_path / "mes-modeles"
    templates.mkdir()
    (templates / "courriel-formulaire.txt").write_text(f"Objet : {{service}}\n\n{line}\n", encoding="utf-8")
    result = run("envoyer", "formulaires", envois, "--modeles", templates, "--brouillons", tmp_path / "b")
    assert no_crash(result) and result.exit_code == 2, result.output
    assert said in result.output and "{echeance}" in result.output and "rien n'est envoyé" in result.output
    assert smtp.messages == [] and not (tmp_path / "b").exists()


def test_every_field_a_template_may_name_is_filled_for_forms_and_the_report(envois, forms, tmp_path):
    # compose.FIELDS says what a template may name, outbox fills the values: a field allowed but never filled
    # would reach every service raw, a field filled but not allowed would refuse a good template
    from suivi_excel.mail.compose import FIELDS

    templates = tmp_path / "tous-les-champs"
    templates.mkdir()
    for kind, name in (("formulaire", "courriel-formulaire.txt"), ("rapport", "courriel-rapport.txt")):
        (templates / name).write_text("Objet : {periode}\n\n" + "\n".join(f"{f}=[{{{f}}}]" for f in FIELDS[kind]) + "\n",
                                      encoding="utf-8")
    result = run("envoyer", "formulaires", envois, "--modeles", templates, "--brouillons", tmp_path / "b1")
    assert result.exit_code == 0, result.output
    fill(forms, TP, {"2.1": {"Statut": "Réalisée"}}, tmp_path / "r" / "tp.xlsx")
    assert run("consolider", tmp_path / "r", "-o", tmp_path / "rapport.xlsx").exit_code == 0
    result = run("envoyer", "rapport", tmp_path / "rapport.xlsx", "--a", "comite@ville.test", "--modeles", templates,
                 "--brouillons", tmp_path / "b2")
    assert result.exit_code == 0, result.output
    for draft in [*(tmp_path / "b1").iterdir(), *(tmp_path / "b2").iterdir()]:
        body = email.message_from_bytes(draft.read_bytes(), policy=policy.default).get_body(("plain",)).get_content()
        assert "{" not in body and "=[" in body, body


def test_the_report_carries_its_key_figures_and_an_older_report_still_goes(smtp, forms, tmp_path):
    fill(forms, TP, {"2.1": {"Statut": "Réalisée"}, "2.10": {"Statut": "En cours"}}, tmp_path / "r" / "tp.xlsx")
    report = tmp_path / "rapport.xlsx"
    assert run("consolider", tmp_path / "r", "-o", report).exit_code == 0
    shown = {p.name: p.value for p in openpyxl.load_workbook(report).custom_doc_props.props}
    assert shown["Actions"] == 5 and shown["Statut : Réalisée"] == 1 and shown["Taux de réalisation"] == 0.2
    assert shown["Services qui ont répondu"] == 1 and shown["Période"] == "2026"
    # a report written before the figures were properties: only the first five remain
    older = tmp_path / "ancien.xlsx"
    with zipfile.ZipFile(report) as source, zipfile.ZipFile(older, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "docProps/custom.xml":
                kept = ("Période", "Plan", "Municipalité", "Coordonnateur", "Courriel du coordonnateur")
                data = re.sub(rb'<property [^>]*name="([^"]*)"[^>]*>.*?</property>',
                              lambda m: m.group(0) if m.group(1).decode() in kept else b"", data)
            target.writestr(item, data)
    result = run("envoyer", "rapport", older, "--a", "comite@ville.test")
    assert result.exit_code == 0, result.output
    text = smtp.messages[0][1].get_body(("plain",)).get_content()
    assert "- Taux de réalisation : 20 %" in text and "- Services qui ont répondu : 1 sur 3" in text


@pytest.mark.parametrize("encoding, delimiter", [("cp1252", ","), ("cp1252", ";"), ("utf-8-sig", ","),
                                                 ("utf-16", "\t")])
def test_a_journal_saved_again_by_a_spreadsheet_program_never_sends_twice(smtp, envois, encoding, delimiter):
    assert run("envoyer", "formulaires", envois).exit_code == 0
    journal = envois.parent / "journal-envois.csv"
    rows = list(csv.reader(io.StringIO(journal.read_text(encoding="utf-8-sig"), newline=""), delimiter=";"))
    for row in rows[1:]:
        row[0] = "04/12/2026 17:05"  # Excel rewrites the time stamps its own way
    saved = io.StringIO(newline="")
    csv.writer(saved, delimiter=delimiter).writerows(rows)
    journal.write_bytes(saved.getvalue().encode(encoding))
    result = run("envoyer", "formulaires", envois)
    assert no_crash(result) and result.exit_code == 0, result.output
    assert "0 envoyé(s), 0 échec(s), 2 déjà envoyé(s)" in result.output and len(smtp.messages) == 2
    assert {row["statut"] for row in _log(envois)} == {"envoyé"}  # rewritten in its own format, still whole


def test_a_service_name_that_looks_like_a_formula_stays_text_in_the_journal(smtp, tmp_path):
    plan = write_test_plan(tmp_path / "p.xlsx", services=[{"Service": "=HYPERLINK(\"x\")", "Courriel": "a@ville.test"},
                                                         {"Service": TP, "Courriel": "tp@ville.test"},
                                                         {"Service": LOISIRS, "Courriel": "l@ville.test"},
                                                         {"Service": COMM, "Courriel": "c@ville.test"}],
                           rows=[("1.1", "Axe", "Action", "=HYPERLINK(\"x\")", 2025, 2026, 0)])
    assert run("generer", plan, "-p", "2026", "-o", tmp_path / "s.xlsx", "--par-service", tmp_path / "envois").exit_code == 0
    assert run("envoyer", "formulaires", tmp_path / "envois").exit_code == 0
    [row] = _log(tmp_path / "envois")  # as a spreadsheet program reads the cells: none starts a formula
    assert row["service"] == "'=HYPERLINK(\"x\")" and not [v for v in row.values() if v.startswith("=")]
    result = run("envoyer", "formulaires", tmp_path / "envois")
    assert "1 déjà envoyé(s)" in result.output and len(smtp.messages) == 1


def test_a_journal_that_cannot_be_written_stops_before_anything_is_sent(smtp, envois):
    (envois.parent / "fichier").write_text("x")
    journal = envois.parent / "fichier" / "journal.csv"  # its folder is a file: nothing can be noted, so nothing goes
    result = run("envoyer", "formulaires", envois, "--journal", journal)
    assert no_crash(result) and result.exit_code == 2, result.output
    assert "journal des envois" in result.output and "rien n'est envoyé" in result.output
    assert smtp.messages == []


@pytest.mark.parametrize("given", ["", " , ", ";"])
def test_a_report_to_nobody_is_refused(tmp_path, given):
    report = tmp_path / "rapport.xlsx"
    report.write_bytes(b"not read: the addresses are checked first")
    result = run("envoyer", "rapport", report, "--a", given, "--brouillons", tmp_path / "b")
    assert no_crash(result) and result.exit_code == 2, result.output
    assert "aucune adresse dans l'option --a" in result.output and not (tmp_path / "b").exists()


def test_a_folder_without_correction_workbooks_is_told_so_not_of_forms(tmp_path):
    (tmp_path / "vide").mkdir()
    result = run("envoyer", "corrections", tmp_path / "vide", "--essai")
    assert no_crash(result) and result.exit_code == 2, result.output
    assert "aucun classeur de correction" in result.output and "--corrections DOSSIER" in result.output
    assert "formulaire par service" not in result.output
