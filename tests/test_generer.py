"""The tracking workbooks (README, « Le cycle de suivi avec votre plan »), inspected as Excel sees them: sheets, protection, rules, names."""

from __future__ import annotations

import openpyxl
import pytest
from conftest import COMM, LOISIRS, ROWS, SERVICES, TP, run, write_test_plan

from suivi_excel.core.text import file_stems, sheet_names
from suivi_excel.forms.metadata import unpacked_plan
from suivi_excel.returns.file import plan_of, read_file


def test_generer_writes_integrated_and_per_service_workbooks(tmp_path, plan_path):
    result = run("generer", plan_path, "--periode", "2026", "-o", tmp_path / "suivi.xlsx",
                 "--par-service", tmp_path / "envois", "--echeance", "2027-01-15")
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(tmp_path / "suivi.xlsx")
    assert book.sheetnames[:2] == ["Instructions", "Sommaire"]
    assert set(book.sheetnames) >= {LOISIRS, TP, "Service des communications et des relations"[:31].strip()}
    assert book["_suivi"].sheet_state == "veryHidden" and book["Listes"].sheet_state == "hidden"
    assert book["_plan"].sheet_state == "veryHidden"
    files = sorted(p.name for p in (tmp_path / "envois").iterdir())
    assert files == sorted(f"suivi-2026 - {stem}.xlsx" for stem in file_stems([s['Service'] for s in SERVICES]))
    instructions = "\n".join(str(c.value) for c in book["Instructions"]["A"] if c.value)
    assert "15 janvier 2027" in instructions and "coord@ville.test" in instructions


def _dropdown(book, rule) -> list[str]:
    """The choices a list rule offers in Excel, following its named range to the cells."""
    sheet_name, cells = next(iter(book.defined_names[rule.formula1].destinations))
    return [row[0].value for row in book[sheet_name][cells.replace("$", "")]]


def test_service_tab_locks_plan_columns_and_validates_tracking_columns(forms):
    book = openpyxl.load_workbook(forms.per_service[TP])
    assert book.sheetnames[:2] == ["Instructions", TP] and "Sommaire" not in book.sheetnames
    sheet = book[TP]
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["No", "Axe", "Objectif", "Action"]
    assert header[-11:] == ["Statut", "Avancement (%)", "Date de début réelle", "Date de fin réelle",
                            "Dépenses réelles ($)", "Résultat de l'indicateur", "Cible atteinte", "Besoin de soutien",
                            "Obstacles", "Bon coup", "Commentaires"]
    assert [sheet.cell(row=r, column=1).value for r in (2, 3)] == ["2.1", "2.10"]
    assert sheet.protection.sheet is True
    status_col = header.index("Statut") + 1
    assert sheet.cell(row=2, column=1).protection.locked is True
    assert sheet.cell(row=2, column=status_col).protection.locked is False
    assert sheet.freeze_panes == "B2" and sheet.auto_filter.ref
    rules = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    statut = next(v for ref, v in rules.items() if ref.startswith(openpyxl.utils.get_column_letter(status_col)))
    assert statut.type == "list" and statut.formula1 == "ListeStatuts"
    assert statut.showErrorMessage and statut.error and statut.prompt
    kinds = sorted(v.type for v in rules.values() if v.type)
    assert kinds.count("list") == 3 and "whole" in kinds and "date" in kinds and "decimal" in kinds
    assert _dropdown(book, statut) == ["Non débutée", "En cours", "Réalisée", "En continu", "Reportée", "Abandonnée"]
    support = next(v for ref, v in rules.items() if ref.startswith(openpyxl.utils.get_column_letter(
        header.index("Besoin de soutien") + 1)))
    assert _dropdown(book, support) == ["Oui", "Non"]
    target = next(v for ref, v in rules.items() if ref.startswith(openpyxl.utils.get_column_letter(
        header.index("Cible atteinte") + 1)))
    assert _dropdown(book, target) == ["Oui", "En partie", "Non", "Sans objet"] and target.showErrorMessage
    assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows == "$1:$1"


def test_password_protects_tabs(tmp_path, plan_path):
    result = run("generer", plan_path, "-p", "2026", "-o", tmp_path / "s.xlsx", "--mot-de-passe", "secret")
    assert result.exit_code == 0
    assert openpyxl.load_workbook(tmp_path / "s.xlsx")[TP].protection.password


def test_every_workbook_carries_the_whole_plan(forms):
    for path in [forms.integrated, *forms.per_service.values()]:
        read = read_file(path, path.name)
        plan = plan_of(read)
        assert list(plan.actions["No"]) == [r[0] for r in ROWS]
        assert read.meta.period == "2026"


def _plain_chunks(book) -> list[str]:
    """The plan's JSON as forms before format 3 held it: plain text, in cell-sized chunks."""
    text = unpacked_plan("".join(row[0] for row in book["_plan"].iter_rows(values_only=True) if row[0]))
    assert text.startswith("{")
    return [text[i:i + 30000] for i in range(0, len(text), 30000)]


def test_forms_of_the_second_format_keep_the_plan_as_plain_json_and_are_still_read(forms, tmp_path):
    book = openpyxl.load_workbook(forms.per_service[TP])
    chunks = _plain_chunks(book)
    book["_suivi"]["B1"] = "2"
    plan_sheet = book["_plan"]
    plan_sheet.delete_rows(1, plan_sheet.max_row)
    for row, chunk in enumerate(chunks, start=1):
        plan_sheet.cell(row=row, column=1, value=chunk)
    book.save(tmp_path / "format2.xlsx")
    read = read_file(tmp_path / "format2.xlsx", "format2.xlsx")
    assert read.meta is not None and not read.anomalies
    assert list(plan_of(read).actions["No"]) == [r[0] for r in ROWS]


def test_the_hidden_plan_is_packed_small_next_to_what_users_see(forms):
    book = openpyxl.load_workbook(forms.integrated)
    packed = "".join(row[0] for row in book["_plan"].iter_rows(values_only=True) if row[0])
    assert packed.startswith("zlib64:") and len(packed) < len("".join(_plain_chunks(book)))


def test_forms_of_the_first_format_keep_the_plan_in_the_metadata_sheet_and_are_still_read(forms, tmp_path):
    # format 1 (before the plan moved to its own sheet): the JSON sits in `_suivi`, row "plan_json"
    book = openpyxl.load_workbook(forms.integrated)
    chunks = _plain_chunks(book)
    meta = book["_suivi"]
    meta["B1"] = "1"
    meta.append(["plan_json", *chunks])
    del book["_plan"]
    book.save(tmp_path / "format1.xlsx")
    read = read_file(tmp_path / "format1.xlsx", "format1.xlsx")
    assert read.meta is not None and not read.anomalies
    assert list(plan_of(read).actions["No"]) == [r[0] for r in ROWS]


def test_long_service_names_get_unique_tab_names_within_excel_rules(tmp_path):
    long_a = "Service des loisirs, de la culture et de la vie communautaire — secteur est"
    long_b = "Service des loisirs, de la culture et de la vie communautaire — secteur ouest"
    odd = "Urbanisme [zonage]: permis/inspections?"
    services = [{"Service": s} for s in (long_a, long_b, odd)]
    rows = [("1", "A", "x", long_a, 2025, 2026, 0), ("2", "A", "y", long_b, 2025, 2026, 0),
            ("3", "A", "z", odd, 2025, 2026, 0)]
    plan = write_test_plan(tmp_path / "p.xlsx", rows=rows, services=services)
    result = run("generer", plan, "-p", "2026", "-o", tmp_path / "s.xlsx", "--par-service", tmp_path / "e")
    assert result.exit_code == 0, result.output
    names = openpyxl.load_workbook(tmp_path / "s.xlsx").sheetnames
    tabs = [n for n in names if n not in ("Instructions", "Sommaire", "Listes", "_suivi", "_plan")]
    assert len(tabs) == 3 and len({t.casefold() for t in tabs}) == 3
    assert all(len(t) <= 31 and not set(t) & set("[]:*?/\\") for t in tabs)
    assert len(list((tmp_path / "e").iterdir())) == 3


def test_sheet_names_at_the_limit_and_one_past():
    exactly = "É" * 31
    assert sheet_names([exactly]) == [exactly]
    assert sheet_names([exactly + "x"]) == [exactly]
    assert sheet_names(["Sommaire"], {"Sommaire"}) == ["Sommaire (2)"]
    assert sheet_names(["'Citée'"]) == ["Citée"]


@pytest.mark.parametrize("name", ["CON", "Loisirs: été/hiver", "a" * 200, "Aînés.  "])
def test_file_names_are_safe_on_windows(name):
    stem, = file_stems([name])
    assert stem and not set(stem) & set('<>:"/\\|?*') and len(stem) <= 80
    assert stem.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL"} and not stem.endswith((" ", "."))


def test_services_without_actions_get_no_tab_and_are_named(tmp_path):
    services = SERVICES + [{"Service": "Greffe", "Courriel": "greffe@ville.test"}]
    plan = write_test_plan(tmp_path / "p.xlsx", services=services)
    result = run("generer", plan, "-p", "2026", "-o", tmp_path / "s.xlsx")
    assert result.exit_code == 0
    assert "Greffe" not in openpyxl.load_workbook(tmp_path / "s.xlsx").sheetnames
    assert "Services sans action (aucun onglet) : Greffe" in result.output
    assert f"Services sans courriel dans le plan (envoi manuel) : {COMM}" in result.output


def test_bad_period_and_deadline_are_refused_in_french(plan_path, tmp_path):
    result = run("generer", plan_path, "--periode", "2026-S3")
    assert result.exit_code == 2 and "Valeur invalide pour '--periode'" in result.output
    result = run("generer", plan_path, "--periode", "2026", "--echeance", "demain")
    assert result.exit_code == 2 and "n'est pas une date" in result.output
    result = run("generer", plan_path)
    assert result.exit_code == 2 and "Option manquante" in result.output


def test_numbers_and_ranges_are_said_and_read_the_french_way(tmp_path):
    result = run("bilan", "--annee", "25", "--historique", tmp_path / "h.sqlite")
    assert result.exit_code == 2 and "valeur hors des valeurs permises : de 2000 à 2100." in result.output
    result = run("verifier", tmp_path, "--taille-max", "0")
    assert result.exit_code == 2 and "hors des valeurs permises : 0,1 ou plus." in result.output
    assert "<=" not in result.output and ">=" not in run("verifier", "--help").output
    big = tmp_path / "retours" / "gros.xlsx"  # 0.6 MB: over a limit of 0,5 MB, typed with a decimal comma
    big.parent.mkdir()
    big.write_bytes(b"x" * 600_000)
    result = run("verifier", big.parent, "--taille-max", "0,5")
    assert "taille-max" in result.output and "plus que la limite de 0,5 Mo" in result.output, result.output


def test_help_is_in_french():
    result = run("--help")
    assert result.exit_code == 0 and "Utilisation :" in result.output and "Commandes" in result.output
    assert "Afficher cette aide et quitter." in result.output


def test_the_printable_tab_mirrors_each_answer_with_the_formula_xlsxwriter_would_write(forms, tmp_path):
    import xlsxwriter

    from suivi_excel.forms.printable import _plain_formula

    book = openpyxl.load_workbook(forms.per_service[LOISIRS])
    formulas = [cell.value for row in book["À imprimer"].iter_rows(min_row=2) for cell in row
                if cell.data_type == "f"]
    tab = book.sheetnames[1]
    assert formulas and all(f.startswith("=IF(") and tab.replace("'", "''") in f for f in formulas)
    sheet = xlsxwriter.Workbook(tmp_path / "x.xlsx").add_worksheet()
    for formula in [*formulas, "=IF('L''été à Noël'!L2=\"\",\"\",'L''été à Noël'!L2)"]:
        assert _plain_formula(formula) == sheet._prepare_formula(formula)  # what the tab skips is a no-op
