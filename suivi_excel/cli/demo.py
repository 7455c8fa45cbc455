"""`suivi-excel demo`: the whole cycle on the example plan, with the mistakes real returns hold."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import shutil
from pathlib import Path

import click
import xlsxwriter

from suivi_excel.cli import console
from suivi_excel.cli.recording import record_and_report
from suivi_excel.consolidate.pipeline import consolidate
from suivi_excel.core.columns import (
    ACTUAL_END,
    ACTUAL_START,
    COMMENTS,
    DONE,
    GOOD_NEWS,
    IN_PROGRESS,
    NO,
    NOT_STARTED,
    NUMBER,
    OBSTACLES,
    ONGOING,
    POSTPONED,
    PROGRESS,
    RESULT,
    SPENT,
    STATUS,
    SUPPORT,
    TARGET,
    TARGET_MET,
    TARGET_YES,
    YES,
)
from suivi_excel.core.errors import SuiviError
from suivi_excel.core.messages.errors import AND_MORE
from suivi_excel.core.periods import parse_period
from suivi_excel.core.resources import example_plan, models_dir
from suivi_excel.core.safety import os_reason
from suivi_excel.forms.generation import Options, generate
from suivi_excel.forms.simulate import fill_form, set_saved_time, typed_result
from suivi_excel.plan.importing import import_plan, write_imported
from suivi_excel.plan.model import Plan
from suivi_excel.plan.reading import read_plan
from suivi_excel.report.bilan_data import YEAR, Span, gather
from suivi_excel.report.document import write_document

PERIOD = "2026"
DEADLINE = dt.date(2027, 1, 15)
SILENT_SERVICE = "Service de sécurité incendie"  # the one that never answers
TWICE_SERVICE = "Service des travaux publics"  # answers twice
COPY_SERVICE = "Direction générale"  # answers in a copy of the integrated workbook
SLOPPY_SERVICE = "Service des loisirs, de la culture et de la vie communautaire"
GOOD_NEWS_SAID = (  # what services tell the committee, in their own words
    "Les inscriptions ont affiché complet en deux jours ; une liste d'attente est ouverte.",
    "Le club de l'âge d'or s'est joint au projet et en a doublé la portée.",
    "Des citoyens sont venus remercier l'équipe à la séance du conseil.",
    "Réalisée sous le budget prévu grâce à une subvention obtenue en cours d'année.",
    "Trois organismes du milieu ont prêté des bénévoles : un bel exemple de concertation.",
    "Les familles ont répondu présentes, avec 30 % de participants de plus que prévu.",
)


def _values_for(plan: Plan, service: str, rng: random.Random) -> dict[str, dict[str, object]]:
    """Plausible answers for a service's actions in 2026."""
    answers = {}
    for action in plan.service_actions(service).itertuples(index=False):
        number, start, budget = action[0], action[6], action[8] or 0
        if start and start.year > 2026:
            status = NOT_STARTED
        else:
            status = rng.choices([DONE, IN_PROGRESS, ONGOING, NOT_STARTED, POSTPONED], [3, 5, 2, 1, 1])[0]
        progress = {DONE: 100, ONGOING: 100, NOT_STARTED: 0, POSTPONED: rng.choice([0, 10, 20]),
                    IN_PROGRESS: rng.choice([20, 35, 50, 60, 75, 90])}[status]
        values: dict[str, object] = {STATUS: status, PROGRESS: progress}
        if status != NOT_STARTED:
            values[ACTUAL_START] = dt.datetime(2026, rng.randint(1, 6), rng.randint(1, 28))
            values[SPENT] = round(budget * progress / 100 * rng.uniform(0.7, 1.1))
            values[SUPPORT] = YES if rng.random() < 0.15 else NO
        share = {DONE: rng.choice([0.9, 1.0, 1.0, 1.15, 1.3]), ONGOING: rng.choice([0.8, 1.0, 1.1]),
                 IN_PROGRESS: progress / 100 * rng.uniform(0.7, 1.1)}.get(status)
        result = typed_result(action[10], share) if share is not None and rng.random() < 0.85 else None
        if result:
            values[RESULT] = result
        if status == DONE:
            values[ACTUAL_END] = dt.datetime(2026, rng.randint(7, 11), rng.randint(1, 28))
            values[COMMENTS] = rng.choice(["Très bonne participation.", "Bilan à présenter au comité.",
                                           "À reconduire l'an prochain."])
        if rng.random() < {DONE: 0.5, ONGOING: 0.4, IN_PROGRESS: 0.1}.get(status, 0):
            values[GOOD_NEWS] = rng.choice(GOOD_NEWS_SAID)
        if status in (POSTPONED, IN_PROGRESS) and rng.random() < 0.4:
            values[OBSTACLES] = rng.choice(["Manque de personnel cet été.", "Soumissions trop élevées.",
                                            "En attente d'une subvention.", "Délais du partenaire."])
            values[SUPPORT] = YES
        answers[number] = values
    return answers


def _simulate_returns(plan: Plan, generated, returns: Path) -> None:
    rng = random.Random(2026)
    saved = dt.datetime(2026, 12, 1, 14, 0, tzinfo=dt.timezone.utc)
    for index, (service, form) in enumerate(generated.per_service.items()):
        if service in (SILENT_SERVICE, COPY_SERVICE):
            continue
        values = _values_for(plan, service, rng)
        when = saved + dt.timedelta(hours=5 * index)
        if service == SLOPPY_SERVICE:
            numbers = list(values)
            values[numbers[0]][STATUS] = "realisee"  # typed by hand, no accents
            values[numbers[1]].update({STATUS: "en cours ", PROGRESS: 0.45})  # a fraction
            values[numbers[2]][ACTUAL_START] = "15 mars 2026"  # a date as text
            values[numbers[3]].update({STATUS: "Presque fini", SPENT: "1 234,56 $"})
            values[numbers[4]].update({STATUS: DONE, PROGRESS: 80})
            values[numbers[5]].update({STATUS: IN_PROGRESS, PROGRESS: 50,  # says reached at half
                                       RESULT: typed_result(plan.actions.set_index(NUMBER).at[numbers[5], TARGET],
                                                            0.5), TARGET_MET: TARGET_YES})
        if service == TWICE_SERVICE:
            first = {n: {**v, STATUS: IN_PROGRESS, PROGRESS: 10} for n, v in values.items()}
            fill_form(form, returns / "courriels" / "suivi TP - brouillon.xlsx", first, saved=when)
            when += dt.timedelta(days=3)
        name = {TWICE_SERVICE: "Travaux publics FINAL (2).xlsx"}.get(service, f"Retour - {form.name}")
        fill_form(form, returns / name, values, saved=when)
    copy_values = _values_for(plan, COPY_SERVICE, rng)
    fill_form(generated.integrated, returns / "Copie de suivi-2026.xlsx", copy_values,
              tab=generated.tabs[COPY_SERVICE], saved=saved + dt.timedelta(days=2))
    unrelated = returns / "Budget personnel 2026.xlsx"
    book = xlsxwriter.Workbook(str(unrelated))
    sheet = book.add_worksheet("Budget")
    sheet.write_row(0, 0, ["Poste", "Montant"])
    sheet.write_row(1, 0, ["Salaires", 125000])
    book.close()
    set_saved_time(unrelated, saved)


MANIFEST = ".suivi-excel-demo.json"  # what the demo wrote in its folder, with each file's digest


def _files(folder: Path) -> dict[str, str]:
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file() and path.name != MANIFEST}


def check_folder(folder: Path) -> None:
    """Refuse a folder holding a file the demo did not write, or one written by it and changed since:
    the demo replaces and deletes its own files only.

    Raises:
        SuiviError: naming the first such files.
    """
    if not folder.exists():
        return
    if not folder.is_dir():
        raise SuiviError.of("demo-folder-is-a-file", folder=folder)
    try:
        known = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        known = {}
    foreign = [name for name, digest in _files(folder).items() if not isinstance(known, dict) or known.get(name) != digest]
    if foreign:
        files = ", ".join(foreign[:5])
        if len(foreign) > 5:
            files = AND_MORE.format(first=files, more=len(foreign) - 5)
        raise SuiviError.of("demo-folder-not-its-own", folder=folder, files=files)


def run_demo(folder: Path) -> None:
    """Generate, simulate returns, consolidate, and say where everything is."""
    check_folder(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:  # a read-only disk, a file where a parent folder should be
        raise SuiviError.of("demo-folder-unwritable", folder=folder, why=os_reason(error)) from None
    (folder / "suivi-historique.sqlite").unlink(missing_ok=True)  # each demo starts a fresh history
    adopted = models_dir() / "plan-adopte.docx"
    if adopted.is_file():  # the cycle starts from the plan as the council adopted it
        imported = import_plan(adopted)
        write_imported(imported, folder / "plan-importe.xlsx")
        click.echo(f"0. Plan adopté (Word) importé : {folder / 'plan-importe.xlsx'} ({len(imported.actions)} actions, "
                   f"{len(imported.notes)} interprétations à vérifier dans l'onglet « À vérifier »)")
    plan_path = folder / "plan-exemple.xlsx"
    shutil.copyfile(example_plan(), plan_path)  # the same plan, checked, with the services' addresses
    plan = read_plan(plan_path)
    options = Options(parse_period(PERIOD), deadline=DEADLINE)
    generated = generate(plan, options, folder / f"suivi-{PERIOD}.xlsx", folder / "envois")  # blank: first period
    click.echo(f"1. Plan d'exemple : {plan_path} ({len(plan.actions)} actions, {len(generated.tabs)} services)")
    click.echo(f"2. Classeur de suivi : {generated.integrated} ; formulaires à envoyer : {folder / 'envois'}")
    returns = folder / "retours"
    if returns.exists():
        shutil.rmtree(returns)
    _simulate_returns(plan, generated, returns)
    click.echo(f"3. Retours simulés : {returns} (un service n'a pas répondu, un autre deux fois, "
               "et quelques erreurs de saisie)")
    with console.FileProgress() as progress:
        result = consolidate([returns], progress=progress.advance, on_files=progress.start)
    report = folder / f"rapport-{PERIOD}.xlsx"
    record_and_report(result, report, None)
    click.echo("4. Consolidation :")
    console.consolidation(result, report)
    store = folder / "suivi-historique.sqlite"
    bilan = folder / f"bilan-{PERIOD}.docx"
    write_document(gather(store, Span(YEAR, year=int(PERIOD))), bilan)
    click.echo(f"5. Bilan du comité : {bilan} (faits saillants, bons coups, cibles, une partie par axe) ; pour "
               f"l'avoir aussi en PDF, dans le dossier courant : suivi-excel bilan --annee {PERIOD} --historique "
               f"{store}")
    click.echo(f"\nOuvrez {report} : l'onglet « Tableau de bord » est celui du comité de suivi ; {bilan.name} "
               "est le document qu'il présente au conseil.")
    # what it wrote, so that another demo here replaces those files and never one of the user's
    (folder / MANIFEST).write_text(json.dumps(_files(folder), indent=1), encoding="utf-8")
