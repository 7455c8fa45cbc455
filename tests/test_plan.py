"""Reading the plan workbook (README, « Le plan (classeur d'entrée) »): loose headers, text numbers, and refusals with sheet and cell."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from conftest import COMM, HEADERS, LOISIRS, ROWS, SERVICES, TP, no_crash, run, write_test_plan

from suivi_excel.core.errors import PlanInvalid
from suivi_excel.plan.reading import read_plan


def test_example_row_of_blank_model_is_a_valid_plan(tmp_path):
    result = run("modele", tmp_path / "plan.xlsx")
    assert result.exit_code == 0, result.output
    plan = read_plan(tmp_path / "plan.xlsx")
    assert list(plan.actions["No"]) == ["1.1"]
    book = openpyxl.load_workbook(tmp_path / "plan.xlsx")
    assert {"Actions", "Services", "Paramètres"} <= set(book.sheetnames)
    assert [c.value for c in book["Actions"][1]][:4] == ["No", "Axe", "Objectif", "Action"]
    assert book["Actions"].data_validations.dataValidation, "Service responsable has a dropdown"


def test_modele_does_not_overwrite_an_existing_file(tmp_path):
    target = tmp_path / "plan.xlsx"
    target.write_bytes(b"mon travail")
    result = run("modele", target)
    assert result.exit_code == 2 and "existe déjà" in result.output
    assert target.read_bytes() == b"mon travail"


def test_headers_match_whatever_order_case_accents_and_spaces(tmp_path):
    headers = ("  service RESPONSABLE ", "ACTION", "no", "axe", "debut", "FIN ", "budget prevu ($)")
    rows = [(r[3], r[2], r[0], r[1], r[4], r[5], r[6]) for r in ROWS]
    plan = read_plan(write_test_plan(tmp_path / "p.xlsx", rows=rows, headers=headers))
    assert list(plan.actions["No"]) == ["1.1", "1.2", "2.1", "2.10", "3.1"]
    assert plan.actions.loc[0, "Service responsable"] == LOISIRS


def test_numbers_stay_text_and_years_become_dates(tmp_path):
    rows = [(12, "A", "x", LOISIRS, 2025, 2026, None), ("0123", "A", "y", TP, dt.date(2025, 3, 1), 2025, 0)]
    plan = read_plan(write_test_plan(tmp_path / "p.xlsx", rows=rows))
    assert list(plan.actions["No"]) == ["12", "0123"]
    assert plan.actions.loc[0, "Début"] == dt.date(2025, 1, 1)
    assert plan.actions.loc[0, "Fin"] == dt.date(2026, 12, 31)
    assert plan.actions.loc[1, "Début"] == dt.date(2025, 3, 1)


def test_extra_columns_are_carried(tmp_path):
    rows = [r + ("Aînés",) for r in ROWS]
    plan = read_plan(write_test_plan(tmp_path / "p.xlsx", rows=rows, headers=HEADERS + ("Clientèle",)))
    assert plan.extra_columns == ["Clientèle"]
    assert set(plan.actions["Clientèle"]) == {"Aînés"}


def test_every_problem_is_listed_with_sheet_and_cell(tmp_path):
    rows = [
        ("1.1", "A", "x", LOISIRS, 2025, 2026, 100),
        ("1.1", "A", "doublon", LOISIRS, 2025, 2026, 100),  # row 3: duplicate number
        ("1.2", "A", "y", "Service des loisir", 2025, 2026, 100),  # row 4: unknown service
        ("1.3", "A", "z", TP, 2027, 2025, 100),  # row 5: end before start
        ("1.4", "A", "w", TP, 2025, 2026, -5),  # row 6: negative budget
        ("1.5", "", "v", COMM, 2025, 2026, None),  # row 7: no axe
    ]
    with pytest.raises(PlanInvalid) as raised:
        read_plan(write_test_plan(tmp_path / "p.xlsx", rows=rows))
    where = {f"{p.sheet}!{p.cell}" for p in raised.value.problems}
    assert where == {"Actions!A3", "Actions!D4", "Actions!F5", "Actions!G6", "Actions!B7"}
    unknown = next(p for p in raised.value.problems if p.cell == "D4")
    assert "Vouliez-vous dire « Service des loisirs »" in unknown.message


def test_missing_required_column_is_named(tmp_path):
    headers = ("No", "Axe", "Action", "Début", "Fin", "Budget prévu ($)", "Autre")
    rows = [(r[0], r[1], r[2], r[4], r[5], r[6], "") for r in ROWS]
    with pytest.raises(PlanInvalid, match="Service responsable"):
        read_plan(write_test_plan(tmp_path / "p.xlsx", rows=rows, headers=headers))


def test_bad_plan_exits_2_and_writes_nothing(tmp_path):
    rows = [("1.1", "A", "x", "Inconnu", 2025, 2026, 1)]
    plan = write_test_plan(tmp_path / "p.xlsx", rows=rows)
    result = run("generer", plan, "--periode", "2026", "-o", tmp_path / "out.xlsx", "--par-service",
                 tmp_path / "envois")
    assert result.exit_code == 2
    assert "Actions!D2" in result.output and "« Inconnu »" in result.output
    assert not (tmp_path / "out.xlsx").exists() and not (tmp_path / "envois").exists()
    assert no_crash(result)


def test_duplicate_service_and_bad_email_are_listed(tmp_path):
    services = SERVICES + [{"Service": "service des loisirs", "Responsable": "", "Courriel": "pas-un-courriel"}]
    with pytest.raises(PlanInvalid) as raised:
        read_plan(write_test_plan(tmp_path / "p.xlsx", services=services))
    assert {f"{p.sheet}!{p.cell}" for p in raised.value.problems} == {"Services!A5", "Services!C5"}


@pytest.mark.parametrize("content, expected", [(b"", "vide"), (b"<html>non</html>", "HTML"),
                                               (b"PK\x03\x04tronque", "endommagée")])
def test_unreadable_plan_file_is_a_clear_message(tmp_path, content, expected):
    target = tmp_path / "plan.xlsx"
    target.write_bytes(content)
    result = run("generer", target, "--periode", "2026", "-o", tmp_path / "o.xlsx")
    assert result.exit_code == 2 and expected in result.output and no_crash(result)


def test_missing_plan_sheet_is_named(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Feuil1"
    book.save(tmp_path / "p.xlsx")
    result = run("generer", tmp_path / "p.xlsx", "--periode", "2026")
    assert result.exit_code == 2 and "ni feuille Actions ni feuille Services ; feuilles présentes : Feuil1" in (
        result.output)
    book.create_sheet("Services")
    book.save(tmp_path / "p.xlsx")
    result = run("generer", tmp_path / "p.xlsx", "--periode", "2026")
    assert result.exit_code == 2 and "feuille « Actions » introuvable" in result.output


def test_the_plan_as_adopted_given_for_the_plan_workbook_points_to_importer(tmp_path):
    models = Path(__file__).resolve().parents[1] / "modeles"
    for adopted in ("plan-adopte.docx", "plan-adopte.pdf", "plan-adopte-imprimable.xlsx"):
        result = run("generer", models / adopted, "--periode", "2026", "-o", tmp_path / "s.xlsx")
        assert no_crash(result) and result.exit_code == 2, result.output
        assert f"suivi-excel importer {models / adopted} -o plan.xlsx" in result.output
    assert list(tmp_path.iterdir()) == []
    spaced = tmp_path / "mon plan adopté.docx"  # the command to copy quotes a name with spaces
    spaced.write_bytes((models / "plan-adopte.docx").read_bytes())
    result = run("generer", spaced, "-p", "2026", "-o", tmp_path / "s.xlsx")
    assert f'« suivi-excel importer "{spaced}" -o plan.xlsx »' in result.output, result.output


def _plan_with_an_odd_date(path):
    """The test plan with a number no calendar holds in a date-formatted cell (Actions!E2)."""
    plan = write_test_plan(path)
    book = openpyxl.load_workbook(plan)
    cell = book["Actions"]["E2"]
    cell.value, cell.number_format = -106_751_991_169, "yyyy-mm-dd"
    book.save(plan)
    return plan


def test_odd_value_in_a_plan_date_cell_is_named_at_its_cell_and_nothing_else_reaches_the_screen(tmp_path, capfd):
    """In-process twin of the whole-process test below, for the quick loop: the process's own error
    stream (descriptor 2, where a native reader's panic would go) is read as well as click's."""
    plan = _plan_with_an_odd_date(tmp_path / "p.xlsx")
    result = run("generer", plan, "-p", "2026", "-o", tmp_path / "s.xlsx")
    written = capfd.readouterr().err
    assert no_crash(result) and result.exit_code == 2 and "Actions!E2" in result.stderr
    for screen in (result.stderr, written):
        assert "panicked" not in screen and "Traceback" not in screen


@pytest.mark.slow  # a whole process; its in-process twin above is in the quick loop
def test_odd_value_in_a_plan_date_cell_is_a_problem_not_a_crash(tmp_path):
    """A number no calendar holds, in a date-formatted cell, named at its cell (no Rust backtrace)."""
    import subprocess
    import sys

    plan = _plan_with_an_odd_date(tmp_path / "p.xlsx")
    done = subprocess.run([sys.executable, "-m", "suivi_excel", "generer", plan, "-p", "2026", "-o",
                           tmp_path / "s.xlsx"], capture_output=True, text=True)
    assert done.returncode == 2 and "Actions!E2" in done.stderr
    assert "panicked" not in done.stderr and "Traceback" not in done.stderr
