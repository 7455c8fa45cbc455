"""Nothing a file or a failed write does loses what the user had (README, « Fichiers douteux »; SPEC §9):
a history this version cannot read is refused untouched, a period is recorded only once its report is in
place, and a defect of the tool itself exits 3 with its details in a file, never on the screen."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import TP, fill, no_crash, run


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def history(tmp_path, forms, plan_path, made_once):
    """A history holding period 2026, and the returns folder it came from."""
    def make(folder):
        fill(forms, TP, {"2.1": {"Statut": "En cours"}}, folder / "retours" / "tp.xlsx")
        store = folder / "h.sqlite"
        result = run("consolider", folder / "retours", "-o", folder / "r.xlsx", "--historique", store)
        assert result.exit_code == 0, result.output
        return store

    return made_once("history", make, tmp_path)


def _commands(tmp_path, plan_path, store):
    return {
        "consolider": ["consolider", tmp_path / "retours", "-o", tmp_path / "r2.xlsx", "--historique", store],
        "generer": ["generer", plan_path, "-p", "2027", "-o", tmp_path / "s2.xlsx", "--historique", store],
        "bilan": ["bilan", "--annee", "2026", "--historique", store, "-o", tmp_path / "b.xlsx"],
    }


DAMAGES = {  # what a hand in the SQLite file leaves -> what the refusal says
    "newer": ("PRAGMA user_version = 7", "version plus récente"),
    "label": ("UPDATE periodes SET periode = '2026-T9'", "période illisible (« 2026-T9 »)"),
    "progress": ("UPDATE actions SET avancement = 'beaucoup'", "valeur illisible (actions.avancement « beaucoup »)"),
    "date": ("UPDATE actions SET debut_reel = '2026-02-30'", "valeur illisible (actions.debut_reel « 2026-02-30 »)"),
    "plan": ("UPDATE periodes SET plan_json = 'pas du JSON'", "valeur illisible (periodes.plan_json"),
}


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_a_history_this_version_cannot_read_is_refused_and_left_unchanged(tmp_path, plan_path, history, damage):
    statement, expected = DAMAGES[damage]
    with sqlite3.connect(history) as connection:
        connection.execute(statement)
    before = _sha(history)
    for name, command in _commands(tmp_path, plan_path, history).items():
        result = run(*command)
        assert no_crash(result), (name, result.output)
        assert result.exit_code == 2 and expected in result.output and str(history) in result.output, name
        assert _sha(history) == before, name
    assert not [p for p in ("r2.xlsx", "s2.xlsx", "b.xlsx") if (tmp_path / p).exists()]


def test_a_report_that_cannot_be_written_leaves_no_period_in_the_history(tmp_path, forms):
    fill(forms, TP, {"2.1": {"Statut": "En cours"}}, tmp_path / "retours" / "tp.xlsx")
    (tmp_path / "fichier").write_text("x")  # the report's folder cannot be made
    store = tmp_path / "h.sqlite"
    result = run("consolider", tmp_path / "retours", "-o", tmp_path / "fichier" / "r.xlsx", "--historique", store)
    assert no_crash(result) and result.exit_code == 2 and "impossible d'écrire" in result.output
    with sqlite3.connect(store) as connection:
        assert connection.execute("SELECT COUNT(*) FROM periodes").fetchone()[0] == 0
    result = run("consolider", tmp_path / "retours", "-o", tmp_path / "r.xlsx", "--historique", store)
    assert result.exit_code == 0, result.output
    with sqlite3.connect(store) as connection:
        assert connection.execute("SELECT periode FROM periodes").fetchall() == [("2026",)]


# A defect planted in a real run: the plan writer fails as no user's mistake could make it fail.
_DEFECT = """
import sys
import suivi_excel.plan.template as template
def defect(*args, **kwargs):
    raise ZeroDivisionError("défaut planté par le test")
template.write_plan = defect
from suivi_excel.cli.commands import main
main(sys.argv[1:])
"""


@pytest.mark.slow  # a whole process
def test_a_defect_of_the_tool_exits_3_with_a_short_french_message_and_its_details_in_a_file(tmp_path):
    cache = tmp_path / "cache"
    done = subprocess.run([sys.executable, "-c", _DEFECT, "modele", str(tmp_path / "plan.xlsx")],
                          capture_output=True, text=True, env={**os.environ, "XDG_CACHE_HOME": str(cache)})
    assert done.returncode == 3, done.stderr
    assert "Traceback" not in done.stderr + done.stdout and "ZeroDivisionError" not in done.stderr
    assert "défaut de suivi-excel" in done.stderr and "ce n'est pas une erreur de votre part" in done.stderr
    assert len(done.stderr.splitlines()) <= 2
    [details] = (cache / "suivi-excel").iterdir()
    assert str(details) in done.stderr
    text = details.read_text(encoding="utf-8")
    assert "Traceback" in text and "défaut planté par le test" in text and "commande : suivi-excel modele" in text
    assert not (tmp_path / "plan.xlsx").exists()


# The file size limit of the process (RLIMIT_FSIZE) stands for a full disk: a write past it fails with
# EFBIG, as xlsxwriter sees ENOSPC, without filling any real disk.
def _small_disk(limit: int):
    import resource
    import signal

    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


@pytest.mark.slow  # whole processes
@pytest.mark.parametrize("command", ["modele", "generer"])
def test_a_full_disk_is_a_clear_message_and_leaves_the_previous_file_whole(tmp_path, plan_path, command):
    target = tmp_path / "sortie.xlsx"
    target.write_bytes(b"PK previous version")
    arguments = {"modele": ["modele", target, "--ecraser"],
                 "generer": ["generer", plan_path, "-p", "2026", "-o", target, "--ecraser"]}[command]
    done = subprocess.run([sys.executable, "-m", "suivi_excel", *map(str, arguments)], capture_output=True,
                          text=True, preexec_fn=_small_disk(2048), env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert "plus assez de place" in done.stderr and "Traceback" not in done.stderr
    assert target.read_bytes() == b"PK previous version"
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


@pytest.mark.slow  # whole demos
def test_demo_never_deletes_nor_replaces_what_it_did_not_write(tmp_path):
    from conftest import digest

    work = tmp_path / "travail"
    (work / "retours").mkdir(parents=True)
    (work / "retours" / "retour-loisirs.xlsx").write_bytes(b"le retour d'un service")
    (work / "suivi-historique.sqlite").write_bytes(b"l'historique de la ville")
    before = digest(work)
    result = run("demo", work)
    assert no_crash(result) and result.exit_code == 2, result.output
    assert "retour-loisirs.xlsx" in result.output and "suivi-historique.sqlite" in result.output
    assert digest(work) == before
    demo = tmp_path / "demo"
    assert run("demo", demo).exit_code == 0
    assert run("demo", demo).exit_code == 0  # its own files: a second demo replaces them
    (demo / "rapport-2026.xlsx").write_bytes(b"le rapport retouche")  # changed since: it is the user's now
    result = run("demo", demo)
    assert result.exit_code == 2 and "rapport-2026.xlsx" in result.output
    assert (demo / "rapport-2026.xlsx").read_bytes() == b"le rapport retouche"


def test_sqlite_refusing_to_open_a_file_is_told_apart_by_its_code_not_its_wording(tmp_path):
    from suivi_excel.history.store import _cannot_open

    with pytest.raises(sqlite3.OperationalError) as cannot:
        sqlite3.connect(tmp_path / "absent" / "h.sqlite")
    (tmp_path / "texte.sqlite").write_text("pas une base\n" * 200)
    with pytest.raises(sqlite3.DatabaseError) as not_a_database:
        sqlite3.connect(tmp_path / "texte.sqlite").execute("SELECT 1 FROM sqlite_master")
    assert _cannot_open(cannot.value) and not _cannot_open(not_a_database.value)


def test_a_history_that_is_not_one_is_said_in_french_and_left_as_it_was(tmp_path, plan_path):
    (tmp_path / "texte.sqlite").write_text("pas une base\n" * 200)
    with sqlite3.connect(tmp_path / "autre.sqlite") as other:  # another program's database
        other.execute("CREATE TABLE clients (nom TEXT)")
    for name, why in (("texte.sqlite", "ce n'est pas un fichier d'historique"),
                      ("autre.sqlite", "c'est une base SQLite, mais pas un historique de suivi-excel")):
        before = (tmp_path / name).read_bytes()
        result = run("generer", plan_path, "-p", "2027", "-o", tmp_path / "s.xlsx", "--historique", tmp_path / name)
        assert no_crash(result) and result.exit_code == 2, result.output
        assert f"« {tmp_path / name} » est illisible ou verrouillé ({why})" in result.output, result.output
        assert (tmp_path / name).read_bytes() == before and not (tmp_path / "s.xlsx").exists()
