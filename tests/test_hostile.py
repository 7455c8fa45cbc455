"""Hostile and broken returns (README, « Fichiers douteux »): one clear anomaly each, the run goes on, nothing is lost."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from conftest import (
    LOISIRS,
    PARAMETERS,
    TP,
    anomalies,
    as_plain_user,
    digest,
    fill,
    hyperlinks_in,
    no_crash,
    run,
    sheet,
    sheet_names_of,
    write_test_plan,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from hostile_corpus import build_corpus  # noqa: E402

from suivi_excel.consolidate.pipeline import consolidate  # noqa: E402
from suivi_excel.core.errors import SuiviError  # noqa: E402
from suivi_excel.core.periods import parse_period  # noqa: E402
from suivi_excel.plan.reading import read_plan  # noqa: E402

ROOT = os.geteuid() == 0


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    plan, cases = build_corpus(folder)
    return folder, read_plan(plan), cases


@pytest.mark.slow
def test_corpus_has_at_least_25_cases(corpus):
    assert len(corpus[2]) >= 25


@pytest.mark.slow
def test_each_hostile_file_ends_as_its_anomaly_and_never_stops_the_run(corpus):
    folder, plan, cases = corpus
    failures = []
    for case in cases:
        if case.root_defeats and ROOT:
            continue  # as root, read permissions do not stop a read: nothing to observe
        path = folder / "retours" / case.file
        try:
            result = consolidate([path], plan, parse_period("2026"))
        except SuiviError as error:  # nothing usable at all: exit 2, naming the file and why
            if not (Path(case.file).name in error.message and case.expect):
                failures.append(f"{case.name}: {error.message}")
            continue
        codes = {a.code for a in result.anomalies if a.file.endswith(Path(case.file).name)}
        errors = [a.code for a in result.anomalies if a.severity == "Erreur"]
        if case.expect and not codes & case.expect:
            failures.append(f"{case.name}: attendu {case.expect}, obtenu {codes}")
        if not case.expect and errors:
            failures.append(f"{case.name}: erreurs inattendues {errors}")
        actions = result.actions.set_index("No")
        for number, status in case.statuses.items():
            if actions.loc[number, "Statut"] != status:
                failures.append(f"{case.name}: {number} = {actions.loc[number, 'Statut']}, attendu {status}")
    assert not failures, "\n".join(failures)


ESCAPES = ["guillemets-simples.xlsx", "prefixe.xlsx", "espaces.xlsx", "reference-caractere.xlsx", "chevron.xlsx",
           "position-illisible.xlsx", "chaines-innombrables.xlsx"]


@pytest.mark.slow  # whole processes: without the bound, the reader aborts the process that runs it
@pytest.mark.parametrize("name", ESCAPES)
def test_a_sheet_past_the_bounds_is_refused_however_its_xml_is_written(corpus, tmp_path, name):
    folder, _plan, _cases = corpus
    returns = tmp_path / "retours"
    returns.mkdir()
    shutil.copy(folder / "retours" / "temoin.xlsx", returns / "temoin.xlsx")
    shutil.copy(folder / "retours" / name, returns / name)
    done = subprocess.run([sys.executable, "-m", "suivi_excel", "consolider", returns, "-o", tmp_path / "r.xlsx",
                           "--plan", folder / "plan.xlsx"], capture_output=True, text=True,
                          env={**os.environ, "RUST_BACKTRACE": "1"})
    assert done.returncode == 0, done.stdout + done.stderr
    assert "panicked" not in done.stderr and "Traceback" not in done.stderr
    found = anomalies(tmp_path / "r.xlsx")
    refused = found[found["Fichier"] == name]
    assert len(refused) == 1 and refused["Gravité"].iloc[0] == "Erreur", found.to_string()
    assert refused["Problème"].str.contains("limite|illisible").all(), refused.to_string()
    assert sheet(tmp_path / "r.xlsx", "Actions").set_index("No").loc["2.1", "Statut"] == "En cours"


@pytest.mark.slow
def test_a_value_the_fast_reader_rejects_prints_no_backtrace(corpus, tmp_path):
    folder, _plan, _cases = corpus
    done = subprocess.run([sys.executable, "-m", "suivi_excel", "verifier", folder / "retours" / "date-enorme.xlsx",
                           "--plan", folder / "plan.xlsx"], capture_output=True, text=True,
                          env={**os.environ, "RUST_BACKTRACE": "1"})
    assert done.returncode == 1
    assert "date-enorme.xlsx › Travaux publics!N2" in done.stdout
    assert "panicked" not in done.stderr and "backtrace" not in done.stderr and "Traceback" not in done.stderr


@pytest.mark.slow
def test_a_trap_in_the_hidden_plan_sheet_is_caught_when_the_plan_must_come_from_that_file(corpus, tmp_path):
    folder, _plan, _cases = corpus
    trapped = folder / "retours" / "plan-piege.xlsx"
    done = subprocess.run([sys.executable, "-m", "suivi_excel", "consolider", trapped, "-o", tmp_path / "r.xlsx"],
                          capture_output=True, text=True)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "plan-piege.xlsx" in done.stderr and "ligne 1048576" in done.stderr and "--plan" in done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "r.xlsx").exists()
    # with another return of the same plan beside it, the plan comes from that one
    shutil.copy(folder / "retours" / "temoin.xlsx", tmp_path / "temoin.xlsx")
    shutil.copy(trapped, tmp_path / "plan-piege.xlsx")
    result = run("consolider", tmp_path / "temoin.xlsx", tmp_path / "plan-piege.xlsx", "-o", tmp_path / "r.xlsx")
    assert result.exit_code == 0, result.output
    assert sheet(tmp_path / "r.xlsx", "Actions").set_index("No").loc["2.1", "Statut"] == "En cours"


@pytest.mark.slow
def test_a_hidden_plan_that_would_inflate_without_end_is_refused_when_needed(corpus, tmp_path):
    folder, _plan, _cases = corpus
    done = subprocess.run([sys.executable, "-m", "suivi_excel", "consolider", folder / "retours" / "plan-gonfle.xlsx",
                           "-o", tmp_path / "r.xlsx"], capture_output=True, text=True)
    assert done.returncode == 2 and "plan caché démesuré" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "r.xlsx").exists()


@pytest.mark.slow
def test_a_file_that_brings_its_reader_down_is_reported_and_the_others_are_consolidated(corpus, tmp_path):
    # Loosening --lignes-max that far lets a cell at XFD1048576 reach python-calamine, which then
    # aborts its process outright (not an exception): the worker dies for real.
    folder, _plan, _cases = corpus
    returns = tmp_path / "retours"
    returns.mkdir()
    shutil.copy(folder / "retours" / "temoin.xlsx", returns / "copie.xlsx")  # two files: the usual case
    shutil.copy(folder / "retours" / "derniere-cellule.xlsx", returns / "derniere-cellule.xlsx")
    done = subprocess.run([sys.executable, "-m", "suivi_excel", "consolider", returns, "-o", tmp_path / "r.xlsx",
                           "--lignes-max", "200000000"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    anomalies = sheet(tmp_path / "r.xlsx", "Anomalies")
    crashed = anomalies[anomalies["Fichier"] == "derniere-cellule.xlsx"]
    assert list(crashed["Problème"].str.contains("programme de lecture")) == [True], anomalies.to_string()
    assert anomalies["Problème"].str.contains("programme de lecture").sum() == 1
    actions = sheet(tmp_path / "r.xlsx", "Actions").set_index("No")
    assert actions.loc["2.1", "Statut"] == "En cours"


@pytest.mark.slow
def test_whole_hostile_folder_consolidates_with_exit_0_and_names_every_bad_file(corpus, tmp_path):
    folder, _plan, cases = corpus
    before = digest(folder / "retours") if ROOT else None
    result = run("consolider", folder / "retours", "-o", tmp_path / "r.xlsx", "--plan", folder / "plan.xlsx",
                 "--periode", "2026")
    assert result.exit_code == 0, result.output
    assert no_crash(result)
    found = anomalies(tmp_path / "r.xlsx")
    named = set(found["Fichier"])
    english = found[found["Problème"].str.contains(r"\b(?:not found|Error|error|failed|invalid)\b")]
    assert english.empty, english.to_string()  # every problem in French, whatever the reader said
    for case in cases:
        if case.expect and not (case.root_defeats and ROOT):
            assert case.file in named, case.name
    if before is not None:
        assert digest(folder / "retours") == before


def test_output_in_a_folder_that_is_a_file_is_a_clear_message(tmp_path, forms):
    fill(forms, TP, {"2.1": {"Statut": "En cours"}}, tmp_path / "retours" / "tp.xlsx")
    (tmp_path / "fichier").write_text("x")
    result = run("consolider", tmp_path / "retours", "-o", tmp_path / "fichier" / "r.xlsx")
    assert result.exit_code == 2 and "impossible d'écrire" in result.output and no_crash(result)


def test_output_that_is_a_folder_leaves_it_alone_and_exits_2(tmp_path, forms):
    fill(forms, TP, {"2.1": {"Statut": "En cours"}}, tmp_path / "retours" / "tp.xlsx")
    (tmp_path / "r.xlsx").mkdir()
    result = run("consolider", tmp_path / "retours", "-o", tmp_path / "r.xlsx")
    assert result.exit_code == 2 and "est un dossier" in result.output
    assert (tmp_path / "r.xlsx").is_dir() and not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


@pytest.mark.slow  # a whole process
def test_read_only_output_folder_is_a_clear_message(tmp_path, forms):
    fill(forms, TP, {"2.1": {"Statut": "En cours"}}, tmp_path / "retours" / "tp.xlsx")
    locked = tmp_path / "verrou"
    locked.mkdir()
    locked.chmod(0o500)
    done = subprocess.run(as_plain_user([sys.executable, "-m", "suivi_excel", "consolider", tmp_path / "retours",
                                         "-o", locked / "r.xlsx"]), capture_output=True, text=True)
    assert done.returncode == 2 and "impossible d'écrire" in done.stderr and "Traceback" not in done.stderr
    assert not list(locked.iterdir())


HOSTILE_TEXT = ["=1+1", "+33 6 00", "-2-2", "@SOMME(A1)", "\tTabulation", "\rRetour", "http://exemple.test/x",
                '=HYPERLINK("http://x.test","clic")']


OUR_FORMULA_SHEETS = {"Sommaire", "Par axe", "Par service", "À imprimer"}  # À imprimer: a form mirrored
OUR_FORMULAS = ("=COUNTIF(", "=COUNTBLANK(", "=SUM(", "=IF(", "=B")


def _assert_text_cells(path: Path, texts: set[str]) -> int:
    """Every cell holding one of `texts` is a text cell; no cell is a link. Returns the count seen."""
    seen = 0
    assert hyperlinks_in(path) == [], f"{path.name} has links"
    book = openpyxl.load_workbook(path)
    for tab in book.worksheets:
        for row in tab.iter_rows():
            for cell in row:
                where = f"{path.name}!{tab.title}!{cell.coordinate} = {cell.value!r}"
                if cell.data_type == "f":  # only our own formulas, where we write them
                    assert tab.title in OUR_FORMULA_SHEETS and cell.value.startswith(OUR_FORMULAS), where
                elif isinstance(cell.value, str) and any(t.strip() in cell.value for t in texts):
                    assert cell.data_type == "s", where
                    seen += 1
    return seen


def test_formula_like_text_stays_text_in_every_workbook_written(tmp_path):
    headers = ("No", "Axe", "Objectif", "Action", "Service responsable", "Partenaires", "Indicateur", "Cible",
               "Note")
    service = "=Service"
    rows = [(f"{i}", text, text, text, service, text, text, text, text) for i, text in enumerate(HOSTILE_TEXT, 1)]
    plan = write_test_plan(tmp_path / "p.xlsx", rows=rows, headers=headers,
                           services=[{"Service": service, "Responsable": "=cmd|' /C calc'!A0"}],
                           parameters={**PARAMETERS, "Municipalité": "=Ville"})
    assert run("generer", plan, "-p", "2026", "-o", tmp_path / "s.xlsx", "--par-service",
               tmp_path / "e").exit_code == 0
    texts = set(HOSTILE_TEXT) | {"=Ville", "=Service"}
    assert _assert_text_cells(tmp_path / "s.xlsx", texts) >= len(HOSTILE_TEXT) * 7
    form = next((tmp_path / "e").iterdir())
    assert _assert_text_cells(form, texts) >= len(HOSTILE_TEXT) * 7
    target = tmp_path / "retours" / "=retour.xlsx"
    book = openpyxl.load_workbook(form)
    sheet = book[service]
    header = [c.value for c in sheet[1]]
    for row, text in enumerate(HOSTILE_TEXT, start=2):
        sheet.cell(row=row, column=header.index("Statut") + 1, value="Réalisée")
        for title in ("Résultat de l'indicateur", "Obstacles", "Commentaires"):
            cell = sheet.cell(row=row, column=header.index(title) + 1)
            cell.value, cell.data_type = text, "s"
    target.parent.mkdir()
    book.save(target)
    assert run("consolider", tmp_path / "retours", "-o", tmp_path / "r.xlsx").exit_code == 0
    assert _assert_text_cells(tmp_path / "r.xlsx", texts) >= len(HOSTILE_TEXT) * 10


def test_service_files_are_never_written_back(tmp_path, forms):
    fill(forms, LOISIRS, {"1.1": {"Statut": "realisee"}}, tmp_path / "retours" / "a.xlsx")
    before = digest(tmp_path / "retours")
    run("verifier", tmp_path / "retours")
    run("consolider", tmp_path / "retours", "-o", tmp_path / "r.xlsx")
    assert digest(tmp_path / "retours") == before


# A child `consolider` that kills itself inside the atomic write: with the report's zip half written,
# or with the temporary file whole but not yet renamed over the report.
_DIES_INSIDE_THE_WRITE = """
import os, signal, sys, zipfile
import xlsxwriter.workbook

def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

if sys.argv[1] == "mid-zip":
    class Dying(zipfile.ZipFile):
        def close(self):
            die()
    xlsxwriter.workbook.ZipFile = Dying
else:
    os.replace = die
from suivi_excel.cli.commands import main
main(sys.argv[2:])
"""


@pytest.mark.slow
@pytest.mark.parametrize("moment", ["mid-zip", "before-rename"])
def test_a_run_killed_inside_the_write_leaves_the_previous_report_whole(tmp_path, moment):
    assert run("demo", tmp_path / "d").exit_code == 0
    report = tmp_path / "d" / "rapport-2026.xlsx"
    previous = report.read_bytes()
    arguments = ["consolider", str(tmp_path / "d" / "retours"), "-o", str(report)]
    killed = subprocess.run([sys.executable, "-c", _DIES_INSIDE_THE_WRITE, moment, *arguments], capture_output=True)
    assert killed.returncode == -9, killed.stderr.decode()
    assert report.read_bytes() == previous
    assert len(list(report.parent.glob(".rapport-2026-*.tmp"))) == 1  # what the killed run was writing
    assert subprocess.run([sys.executable, "-m", "suivi_excel", *arguments], capture_output=True).returncode == 0
    assert sheet_names_of(report)[0] == "Tableau de bord"
    assert not list(report.parent.glob(".*.tmp")), "the next run removes what killed runs left"


# The workbook reader replaced by one that aborts its process, as python-calamine did on a sheet that
# escaped the bounds: the command that reads one file must survive it as well as `consolider` does.
_READER_ABORTS = """
import os, sys
import python_calamine

class Aborting:
    @staticmethod
    def from_path(path):
        os.abort()

python_calamine.CalamineWorkbook = Aborting
from suivi_excel.cli.commands import main
main(sys.argv[1:])
"""


@pytest.mark.slow  # whole processes
@pytest.mark.parametrize("command", ["generer", "importer", "consolider"])
def test_a_reader_that_dies_takes_only_its_file_with_it_in_every_command(tmp_path, plan_path, command):
    arguments = {"generer": [plan_path, "-p", "2026", "-o", tmp_path / "s.xlsx"],
                 "importer": [plan_path, "-o", tmp_path / "importe.xlsx"],
                 "consolider": [plan_path, "-o", tmp_path / "r.xlsx", "--plan", plan_path]}[command]
    done = subprocess.run([sys.executable, "-c", _READER_ABORTS, command, *map(str, arguments)],
                          capture_output=True, text=True)
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert "programme de lecture" in done.stderr and plan_path.name in done.stderr
    assert "Traceback" not in done.stderr and not [p for p in tmp_path.iterdir() if p.name != plan_path.name]


def _ods(target: Path, rows: str) -> Path:
    """An OpenDocument spreadsheet whose one table holds `rows` (content.xml rows, as LibreOffice writes them)."""
    import zipfile as zf

    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
               f'<office:spreadsheet><table:table table:name="Plan">{rows}</table:table></office:spreadsheet>'
               "</office:body></office:document-content>")
    with zf.ZipFile(target, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zf.ZIP_STORED)
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
                         'opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" '
                         'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>')
    return target


def _row(*texts: str, repeat: int = 1) -> str:
    cells = "".join(f'<table:table-cell office:value-type="string"><text:p>{t}</text:p></table:table-cell>'
                    for t in texts)
    return f'<table:table-row table:number-rows-repeated="{repeat}">{cells}</table:table-row>'


def test_an_opendocument_table_repeated_a_million_times_is_refused_before_the_reader(tmp_path):
    header = _row("No", "Axe", "Action", "Responsable")
    plain = _row("1.1", "Loisirs", "Fête de quartier", "Service des loisirs") + _row(
        "1.2", "Loisirs", "Cours d'aquaforme", "Service des loisirs")
    trailing = ('<table:table-row table:number-rows-repeated="1048573"><table:table-cell '
                'table:number-columns-repeated="1024"/></table:table-row>')  # what LibreOffice writes, empty
    good = _ods(tmp_path / "plan.ods", header + plain + trailing)
    result = run("importer", good, "-o", tmp_path / "plan.xlsx")
    assert no_crash(result) and result.exit_code == 0, result.output
    # under the reader's own limit (100 million cells), which it would allocate: some 3 GB
    bomb = _ods(tmp_path / "bombe.ods", header + plain + '<table:table-row table:number-rows-repeated="100000">'
                '<table:table-cell table:number-columns-repeated="900" office:value-type="string"><text:p>x'
                "</text:p></table:table-cell></table:table-row>")
    result = run("importer", bomb, "-o", tmp_path / "bombe.xlsx")
    assert no_crash(result) and result.exit_code == 2, result.output
    assert "bombe.ods" in result.output and "100003" in result.output and not (tmp_path / "bombe.xlsx").exists()


def test_a_symbolic_link_loop_is_named_as_such(tmp_path, forms):
    returns = tmp_path / "retours"
    returns.mkdir()
    fill(forms, TP, {"2.1": {"Statut": "En cours"}}, returns / "tp.xlsx")
    (returns / "a.xlsx").symlink_to("b.xlsx")
    (returns / "b.xlsx").symlink_to("a.xlsx")
    result = run("verifier", returns)
    assert no_crash(result)
    assert "a.xlsx : Fichier illisible (lien symbolique en boucle)" in result.output


@pytest.mark.slow  # a whole process
def test_a_value_the_fast_reader_rejects_in_an_adopted_plan_is_a_clear_message(corpus, tmp_path):
    folder, _plan, _cases = corpus
    done = subprocess.run([sys.executable, "-m", "suivi_excel", "importer", folder / "retours" / "date-enorme.xlsx",
                           "-o", tmp_path / "plan.xlsx"], capture_output=True, text=True,
                          env={**os.environ, "RUST_BACKTRACE": "1"})
    assert done.returncode == 2, done.stderr
    assert "date-enorme.xlsx" in done.stderr and "cellules de dates" in done.stderr
    assert "panicked" not in done.stderr and "Traceback" not in done.stderr and not (tmp_path / "plan.xlsx").exists()


@pytest.mark.slow  # a whole process
def test_envoyer_survives_a_form_that_kills_its_reader(tmp_path, forms):
    done = subprocess.run([sys.executable, "-c", _READER_ABORTS, "envoyer", "formulaires", str(tmp_path / "envois"),
                           "--brouillons", str(tmp_path / "brouillons")], capture_output=True, text=True)
    assert done.returncode == 2, (done.returncode, done.stderr)  # every form refused: said, nothing written
    assert "aucun formulaire" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "brouillons").exists()
