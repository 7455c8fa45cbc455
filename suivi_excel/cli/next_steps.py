"""The last lines of each command: what to do next, as a command to copy, with its arguments.

A coordinator runs the cycle a few times a year and reads only the screen: every command ends by
naming the next one, with the files it just wrote filled in. The texts live here, in one place.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import click

from suivi_excel.core.text import command_line

COMMITTEE = "comite@ville.qc.ca"  # a placeholder the coordinator replaces by the committee's addresses


def show(title: str, lines: Iterable[str]) -> None:
    """Print the next step(s): a heading, then each command indented, ready to copy."""
    lines = list(lines)
    if not lines:
        return
    click.echo(click.style(title, bold=True))
    for line in lines:
        click.echo(f"  {line}")


def after_model(plan: Path) -> None:
    show("Ensuite, une fois le plan rempli :",
         [command_line("generer", plan, "--periode", "ANNÉE", "-o", Path("suivi-ANNÉE.xlsx"), "--par-service",
                  Path("envois"))])


def after_generate(plan: Path, workbook: Path, per_service: Path | None, period: str) -> None:
    if per_service is not None:
        lines = [command_line("envoyer", "formulaires", per_service, "--essai") + "   (voir ce qui partira)",
                 command_line("envoyer", "formulaires", per_service)]
    else:
        lines = [f"envoyez {workbook} aux services, ou écrivez un classeur par service :",
                 command_line("generer", plan, "--periode", period, "-o", workbook, "--par-service", Path("envois"),
                         "--ecraser")]
    lines.append("puis, quand les retours arrivent : " + command_line("verifier", Path("retours")))
    show("Ensuite :", lines)


def after_verify(returns: Sequence[Path], period: str, errors: int) -> None:
    report = Path(f"rapport-{period}.xlsx")
    lines = []
    if errors:
        lines.append("les erreurs seront reprises dans le rapport ; pour les faire corriger par les services :")
        lines.append(command_line("consolider", *returns, "-o", report, "--corrections", Path("corrections")))
    else:
        lines.append(command_line("consolider", *returns, "-o", report))
    show("Ensuite :", lines)


def forms_folder(returns: Sequence[Path], period: str) -> Path:
    """Where the period's forms were written (`generer --par-service`): a folder beside the returns or in the
    current one holding `suivi-PÉRIODE - ….xlsx`; else `envois`, the name `generer` suggests. A reminder must
    attach this period's forms, not an earlier period's left in `envois`."""
    places = [Path.cwd(), *(Path(r).resolve().parent for r in returns[:1])]
    read = [Path(r).resolve() for r in returns]  # returned files keep their form's name: never the forms
    for place in dict.fromkeys(places):
        try:
            found = sorted({form.parent for form in place.glob(f"*/suivi-{period} - *.xlsx")
                            if not any(form.resolve().is_relative_to(r) for r in read)})
        except OSError:
            continue
        if found:
            return Path(os.path.relpath(found[0])) if found[0].is_relative_to(Path.cwd()) else found[0]
    return Path("envois")


def after_consolidate(returns: Sequence[Path], report: Path, missing: Sequence[str], corrections: Path | None,
                      written: int, to_fix: int, period: str) -> None:
    lines = []
    if missing:
        lines.append(f"relancer le(s) {len(missing)} service(s) sans retour : "
                     + command_line("envoyer", "formulaires", forms_folder(returns, period), "--relance", "--retours",
                               *returns[:1]))
    if corrections is not None and written:
        lines.append("envoyer les classeurs de correction : " + command_line("envoyer", "corrections", corrections))
    elif to_fix:
        lines.append(f"faire corriger ou compléter {to_fix} retour(s) : "
                     + command_line("consolider", *returns, "-o", report, "--corrections", Path("corrections")))
    lines.append("envoyer le rapport au comité : " + command_line("envoyer", "rapport", report, "--a", COMMITTEE))
    show("Ensuite :", lines)


def after_review(review: Path, period: str) -> None:
    show("Ensuite :", ["envoyer le bilan au comité : " + command_line("envoyer", "rapport", review, "--a", COMMITTEE),
                       f"préparer la période suivante : {command_line('generer', 'PLAN', '--periode', 'PÉRIODE')}"
                       f" (après {period})"])


def after_bilan(document: Path, pdf: Path | None, span: Sequence[object]) -> None:
    lines = [f"relisez {document} ; le mot du comité, le logo et les couleurs se changent une fois pour toutes "
             "dans une copie de modeles/bilan.docx : "
             + command_line("bilan", *span, "--modele", "mon-modele-bilan.docx", "--ecraser")]
    if pdf is not None:
        lines.append(f"présentez-le au conseil et publiez {pdf} sur le site de la municipalité")
    else:
        lines.append(f"présentez-le au conseil ; pour le publier, enregistrez-le en PDF depuis Word ({document})")
    show("Ensuite :", lines)


def after_region(workbook: Path) -> None:
    show("Ensuite :", ["envoyer le bilan régional : " + command_line("envoyer", "rapport", workbook, "--a", COMMITTEE)])


def _trial() -> None:
    show("Ensuite :", ["rien n'est parti : relancez la même commande sans --essai pour envoyer (ou avec "
                       "--brouillons DOSSIER pour des .eml)"])


def after_forms(folder: Path, reminder: bool, trial: bool = False) -> None:
    if trial:
        return _trial()
    returns = Path("retours")
    lines = [f"déposez les classeurs reçus dans {returns}/ (leur nom importe peu), puis : "
             + command_line("verifier", returns)]
    if not reminder:
        lines.append("pour relancer ensuite ceux qui n'ont pas répondu : "
                     + command_line("envoyer", "formulaires", folder, "--relance", "--retours", returns))
    show("Ensuite :", lines)


def after_corrections(trial: bool = False) -> None:
    if trial:
        return _trial()
    returns = Path("retours")
    show("Ensuite :", [f"déposez les classeurs corrigés dans {returns}/ avec les autres retours (le plus récent "
                       "l'emporte), puis : " + command_line("consolider", returns, "-o", Path("rapport-PÉRIODE.xlsx"))])


def after_report(trial: bool = False) -> None:
    if trial:
        return _trial()
    show("Ensuite :", ["à la période suivante : " + command_line("generer", "PLAN", "--periode", "PÉRIODE", "-o",
                                                            Path("suivi-PÉRIODE.xlsx"), "--par-service",
                                                            Path("envois"))])
