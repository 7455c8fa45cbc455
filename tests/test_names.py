"""Names a coordinator types (SPEC §9): a service named like the workbook's own hidden tabs, names with a
line break (Alt+Enter), a comma or a control character, accented addresses — through `generer`,
`consolider` and `envoyer`, the drafts read back by Python's e-mail parser."""

from __future__ import annotations

import email
import zipfile
from email import policy
from pathlib import Path
from xml.parsers import expat

import pytest
import xlsxwriter
from conftest import TP, fill, no_crash, run, sheet

from suivi_excel.core.periods import parse_period
from suivi_excel.forms.generation import per_service_file_names

INTERNE = "_Interne"
BELL = "Service\x07 des loisirs"  # stored as _x0007_ in the cell, as Excel writes it
COORDINATOR = "Catherine Ouellet, chargée de projet PFM-MADA"


def write_plan(path: Path, services: list[dict], coordinator: str = COORDINATOR,
               coordinator_email: str = "coord@ville.test") -> Path:
    """A plan typed in Excel: xlsxwriter keeps what openpyxl refuses (control characters, as `_x0007_`)."""
    book = xlsxwriter.Workbook(str(path))
    actions = book.add_worksheet("Actions")
    actions.write_row(0, 0, ["No", "Axe", "Action", "Service responsable"])
    for row, service in enumerate(services, start=1):
        actions.write_row(row, 0, [f"{row}.1", "Axe\nsur deux lignes", f"Action {row}", service["Service"]])
    listing = book.add_worksheet("Services")
    listing.write_row(0, 0, ["Service", "Responsable", "Courriel"])
    for row, service in enumerate(services, start=1):
        listing.write_row(row, 0, [service["Service"], service.get("Responsable", ""), service.get("Courriel", "")])
    settings = book.add_worksheet("Paramètres")
    settings.write_row(0, 0, ["Paramètre", "Valeur"])
    for row, pair in enumerate([("Municipalité", "Ville-Test"), ("Titre du plan", "Plan\nMADA"),
                                ("Coordonnateur", coordinator), ("Courriel du coordonnateur", coordinator_email)], 1):
        settings.write_row(row, 0, pair)
    book.close()
    return path


def test_a_service_named_like_a_hidden_tab_gets_its_return_consolidated(tmp_path):
    plan = write_plan(tmp_path / "plan.xlsx", [{"Service": INTERNE, "Courriel": "i@ville.test"},
                                               {"Service": TP, "Courriel": "tp@ville.test"}])
    result = run("generer", plan, "-p", "2026", "-o", tmp_path / "suivi.xlsx", "--par-service", tmp_path / "envois")
    assert result.exit_code == 0, result.output
    form = tmp_path / "envois" / per_service_file_names([INTERNE], parse_period("2026"))[INTERNE]
    from suivi_excel.forms.simulate import fill_form

    fill_form(form, tmp_path / "retours" / "interne.xlsx", {"1.1": {"Statut": "Réalisée"}})
    result = run("consolider", tmp_path / "retours", "-o", tmp_path / "r.xlsx")
    assert result.exit_code == 0 and no_crash(result), result.output
    assert f"sans retour : {INTERNE}" not in result.output
    actions = sheet(tmp_path / "r.xlsx", "Actions").set_index("No")
    assert actions.loc["1.1", "Statut"] == "Réalisée"
    returns = sheet(tmp_path / "r.xlsx", "Retours").set_index("Service")
    assert returns.loc[INTERNE, "État"] == "Complet"


def _xml_parts_parse(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                expat.ParserCreate().Parse(archive.read(name), True)  # raises on a character XML cannot carry


@pytest.fixture
def odd_names(tmp_path, made_once):
    def make(folder):
        services = [{"Service": BELL, "Responsable": "Ana\nMarie-Ève", "Courriel": "loisirs@exemple.québec"},
                    {"Service": TP, "Responsable": "Bob, chef\x0b de division", "Courriel": "josé@exemple.québec"},
                    {"Service": "Direction\ngénérale", "Responsable": "Zoé", "Courriel": "dg@ville.test"}]
        plan = write_plan(folder / "plan.xlsx", services)
        result = run("generer", plan, "-p", "2026", "-o", folder / "suivi.xlsx", "--par-service", folder / "envois")
        assert no_crash(result) and result.exit_code == 0, result.output

    made_once("odd-names", make, tmp_path)
    return tmp_path


def test_names_with_control_characters_and_line_breaks_make_workbooks_that_open(odd_names):
    written = [odd_names / "suivi.xlsx", *sorted((odd_names / "envois").iterdir())]
    assert len(written) == 4
    for path in written:
        _xml_parts_parse(path)
    from suivi_excel.core.text import sheet_names  # the tabs a coordinator will see

    assert sheet_names([BELL])[0] == "Service des loisirs"


def test_drafts_carry_one_sender_and_encoded_addresses_and_name_what_cannot_be_sent(odd_names):
    result = run("envoyer", "formulaires", odd_names / "envois", "--brouillons", odd_names / "brouillons")
    assert no_crash(result), result.output
    assert result.exit_code == 1, result.output  # one service cannot be reached: said, the others written
    assert "josé@exemple.québec" in result.output and TP in result.output
    drafts = sorted((odd_names / "brouillons").glob("*.eml"))
    assert len(drafts) == 2
    seen = {}
    for draft in drafts:
        message = email.message_from_bytes(draft.read_bytes(), policy=policy.default)
        [sender] = message["From"].addresses
        assert sender.display_name == COORDINATOR and sender.addr_spec == "coord@ville.test"
        [to] = message["To"].addresses
        assert "\n" not in message["Subject"] and "\x07" not in message["Subject"]
        body = message.get_body(("plain",)).get_content()
        assert "\x07" not in body and "\x0b" not in body
        seen[to.addr_spec] = body
    assert set(seen) == {"loisirs@exemple.xn--qubec-csa", "dg@ville.test"}
    trial = run("envoyer", "formulaires", odd_names / "envois", "--essai")
    assert no_crash(trial) and trial.exit_code == 1 and "2 message(s)" in trial.output, trial.output


def test_an_address_no_server_accepts_is_said_with_where_to_correct_it(odd_names, tmp_path):
    # the sender given with --de is not in the Services sheet: the message says where it came from
    result = run("envoyer", "formulaires", odd_names / "envois", "--de", "josée@ville.test", "--brouillons",
                 tmp_path / "brouillons")
    assert no_crash(result) and result.exit_code == 2, result.output
    assert "« josée@ville.test »" in result.output and "option --de" in result.output
    assert "feuille Services" not in result.output
    assert not (tmp_path / "brouillons").exists() or not any((tmp_path / "brouillons").iterdir())
    # the coordinator's address of the Paramètres sheet, used as sender and reply-to when --de is not given
    other = tmp_path / "autre"
    other.mkdir()
    plan = write_plan(other / "plan.xlsx", [{"Service": TP, "Courriel": "tp@ville.test"}],
                      coordinator_email="andrée@ville.test")
    result = run("generer", plan, "-p", "2026", "-o", other / "suivi.xlsx", "--par-service", other / "envois")
    assert result.exit_code == 0, result.output
    result = run("envoyer", "formulaires", other / "envois", "--brouillons", other / "brouillons")
    assert no_crash(result) and result.exit_code == 2, result.output
    assert "« andrée@ville.test »" in result.output and "feuille Paramètres du plan" in result.output, result.output


@pytest.mark.slow  # LibreOffice
def test_libreoffice_opens_every_workbook_written_from_names_with_control_characters(odd_names):
    from conftest import SOFFICE, soffice_convert

    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) n'est pas installé ici")
    for path in [odd_names / "suivi.xlsx", *sorted((odd_names / "envois").iterdir())]:
        converted = soffice_convert(path, odd_names / "lo", "ods")
        assert converted.stat().st_size > 0
