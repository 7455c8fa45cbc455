"""What the command line refuses itself (`core/messages/commands.py`): an output it would replace, nothing to
gather, a folder the demo did not write. Each ends with exit code 2, writes nothing, and says so in French."""

from __future__ import annotations

from conftest import run


def _error(result) -> str:
    assert result.exit_code == 2, result.output
    return result.stderr.removeprefix("Erreur : ").rstrip("\n")


def test_the_demo_never_replaces_files_it_did_not_write(tmp_path):
    folder = tmp_path / "essai"
    folder.mkdir()
    for index in range(7):
        (folder / f"f{index}.txt").write_text("à moi")
    assert _error(run("demo", folder)) == (
        f"le dossier « {folder} » contient des fichiers que la démonstration n'a pas écrits, ou qui ont changé "
        "depuis (f0.txt, f1.txt, f2.txt, f3.txt, f4.txt et 2 autre(s)) : elle n'efface ni ne remplace rien de vos "
        "fichiers. Choisissez un dossier vide ou nouveau, par exemple « suivi-excel demo essai-demo ».")
    for index in range(6):
        (folder / f"f{index}.txt").unlink()
    assert "depuis (f6.txt) : elle n'efface" in _error(run("demo", folder))
    assert sorted(p.name for p in folder.iterdir()) == ["f6.txt"]


def test_the_demo_in_a_folder_it_cannot_create_says_so(tmp_path):
    # a file where a parent folder should be (as a read-only disk): not a defect of the tool (exit 3)
    (tmp_path / "plan.xlsx").write_text("à moi")
    folder = tmp_path / "plan.xlsx" / "demo"
    said = _error(run("demo", folder))
    assert said == (f"impossible de créer le dossier « {folder} » (un fichier porte le nom d'un des dossiers du "
                    "chemin) : donnez à la démonstration un dossier où vous pouvez écrire."), said  # not the OS's English
    assert (tmp_path / "plan.xlsx").read_text() == "à moi"


def test_a_bilan_is_a_word_document_or_a_year_s_workbook(tmp_path):
    history = tmp_path / "suivi-historique.sqlite"
    assert _error(run("bilan", "--annee", "2026", "--historique", history, "-o", tmp_path / "bilan.pdf")) == (
        "« bilan.pdf » : le bilan s'écrit en Word (.docx, avec son PDF à côté) ou en classeur (.xlsx) ; choisissez "
        "un nom qui finit par .docx.")
    assert _error(run("bilan", "--periode", "2026-S1", "--historique", history, "-o", tmp_path / "bilan.xlsx")) == (
        "le classeur du bilan (.xlsx) se fait pour une année (--annee) ; pour une période ou tout le plan, écrivez le "
        "document Word (-o bilan.docx).")
    assert list(tmp_path.iterdir()) == []


def test_importer_never_writes_over_the_adopted_plan_nor_an_existing_file(tmp_path):
    adopted = tmp_path / "plan-adopte.xlsx"  # a plan adopted as a workbook, laid out for printing
    adopted.write_bytes(b"le plan du conseil")
    assert _error(run("importer", adopted, "-o", adopted)) == (
        f"« {adopted} » est le plan adopté lui-même : il n'est jamais modifié ; choisissez un autre nom avec -o.")
    kept = tmp_path / "plan.xlsx"
    kept.write_bytes(b"corrige a la main")
    assert _error(run("importer", adopted, "-o", kept)) == (
        f"« {kept} » existe déjà : choisissez un autre nom avec -o ou ajoutez --ecraser.")
    assert adopted.read_bytes() == b"le plan du conseil" and kept.read_bytes() == b"corrige a la main"


def test_generer_lists_what_it_would_replace_and_writes_nothing(tmp_path, plan_path, forms):
    before = {path: path.stat().st_mtime_ns for path in [forms.integrated, *forms.per_service.values()]}
    message = _error(run("generer", plan_path, "-p", "2026", "-o", forms.integrated, "--par-service",
                         forms.integrated.parent / "envois"))
    first, *listed, last = message.split("\n")
    assert first == "la période 2026 est déjà générée ; ces fichiers existent et seraient remplacés (rien n'est écrit) :"
    assert sorted(listed) == sorted(f"  - {path}" for path in before)
    assert last == "Choisissez un autre nom avec -o ou --par-service, ou ajoutez --ecraser pour les remplacer."
    assert {path: path.stat().st_mtime_ns for path in before} == before


def test_regrouper_without_a_report_writes_nothing(tmp_path):
    (tmp_path / "rapports").mkdir()
    output = tmp_path / "bilan-regional.xlsx"
    assert _error(run("regrouper", tmp_path / "rapports", "-o", output)) == (
        f"aucun rapport de « suivi-excel consolider » trouvé dans « {tmp_path / 'rapports'} » ; rien n'est écrit.")
    assert _error(run("regrouper", tmp_path / "rapports", "-o", output, "-p", "2026-S2")) == (
        f"aucun rapport de « suivi-excel consolider » trouvé dans « {tmp_path / 'rapports'} » pour la période "
        "2026-S2 ; rien n'est écrit.")
    assert not output.exists()


def test_regrouper_names_the_first_ten_files_set_aside_and_counts_the_others(tmp_path):
    folder = tmp_path / "rapports"
    folder.mkdir()
    for index in range(15):  # fifteen files that are not reports: the coordinator is told of all fifteen
        (folder / f"r{index:02}.xlsx").write_text("pas un classeur")
    lines = _error(run("regrouper", folder, "-o", tmp_path / "bilan-regional.xlsx")).splitlines()
    assert lines[0] == f"aucun rapport de « suivi-excel consolider » trouvé dans « {folder} » ; rien n'est écrit."
    assert [line.split(" : ")[0] for line in lines[1:11]] == [f"  - r{index:02}.xlsx" for index in range(10)]
    assert lines[11:] == ["  … et 5 autre(s)."]


def test_no_command_writes_over_what_it_reads_nor_under_a_name_excel_would_not_open(tmp_path, plan_path):
    returns = tmp_path / "retours"
    returns.mkdir()
    (returns / "tp.xlsx").write_bytes(b"le retour des Travaux publics")
    kept = {path: path.read_bytes() for path in (plan_path, returns / "tp.xlsx")}
    # a report over a received return, or into the returns' folder, where the next run would read it
    assert _error(run("consolider", returns, "-o", returns / "tp.xlsx")) == (
        f"« {returns / 'tp.xlsx'} » est parmi les retours à lire : il y serait lu comme un retour, ou en remplacerait "
        "un. Écrivez le rapport hors du dossier des retours, avec -o.")
    assert "parmi les retours à lire" in _error(run("consolider", returns, "-o", returns / "rapport.xlsx"))
    # over the plan itself, whichever command
    assert _error(run("consolider", returns, "--plan", plan_path, "-o", plan_path)) == (
        f"« {plan_path} » est le plan lui-même : il n'est jamais remplacé. Choisissez un autre nom avec -o.")
    assert "est le plan lui-même" in _error(run("generer", plan_path, "-p", "2026", "-o", plan_path, "--ecraser"))
    # correction workbooks among the returns would be read back as the services' corrected returns
    assert _error(run("consolider", returns, "-o", tmp_path / "r.xlsx", "--corrections", returns)) == (
        f"le dossier des corrections « {returns} » est, contient ou est dans le dossier des retours : les classeurs "
        "de correction y seraient relus comme des retours des services. Choisissez un autre dossier avec "
        "--corrections.")
    # a return given as a file: its folder is the returns' folder all the same
    assert "--corrections" in _error(run("consolider", returns / "tp.xlsx", "-o", tmp_path / "r.xlsx", "--corrections",
                                         returns))
    # the regional workbook in the folder of the reports it gathers
    assert "dans le dossier des rapports regroupés" in _error(run("regrouper", returns, "-o", returns / "r.xlsx"))
    # a workbook under a name Excel does not open
    for command in (["consolider", returns], ["regrouper", returns], ["generer", plan_path, "-p", "2026"],
                    ["importer", plan_path]):
        assert _error(run(*command, "-o", tmp_path / "rapport.csv")) == (
            f"« {tmp_path / 'rapport.csv'} » : ce classeur s'écrit au format Excel ; choisissez un nom qui finit par "
            ".xlsx.")
    assert "finit par .xlsx" in _error(run("modele", tmp_path / "plan.docx"))
    assert {path: path.read_bytes() for path in kept} == kept
    assert {p for p in tmp_path.iterdir()} - {plan_path} == {returns} and list(returns.iterdir()) == [returns / "tp.xlsx"]


def test_a_mistyped_returns_folder_is_said_to_be_missing_not_blamed_on_a_service(tmp_path):
    missing = tmp_path / "retuors"
    for command in ("verifier", "consolider"):
        result = run(command, missing)
        said = _error(result)
        assert f"  - {missing} : Ce chemin n'existe pas : vérifiez le nom du dossier ou du fichier" in said, said
        assert "demandez au service" not in said
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_cannot_be_written_is_said_with_the_option_that_chose_it(tmp_path, plan_path, forms):
    # a file where the folder should be (as a read-only disk or a missing right): the advice names the option
    blocker = tmp_path / "note.txt"
    blocker.write_text("à moi")
    said = _error(run("generer", plan_path, "-p", "2027", "-o", tmp_path / "s.xlsx", "--par-service",
                      blocker / "envois"))
    assert said.endswith(": choisissez un autre dossier avec --par-service."), said
    assert not (tmp_path / "s.xlsx").exists()  # nothing written: the same command with another folder works
    returns = tmp_path / "retours"
    returns.mkdir()
    said = _error(run("consolider", returns, "-o", tmp_path / "r.xlsx", "--corrections", blocker / "corr"))
    assert said.endswith(": choisissez un autre dossier avec --corrections."), said
    assert not (tmp_path / "r.xlsx").exists()
    folder = next(iter(forms.per_service.values())).parent
    said = _error(run("envoyer", "formulaires", folder, "--brouillons", blocker / "brouillons"))
    assert said.endswith(": choisissez un autre dossier avec --brouillons."), said
    assert blocker.read_text() == "à moi"
