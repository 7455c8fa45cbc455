"""Command line: parse, call the pipeline, print. Heavy modules load only inside commands."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from suivi_excel import __version__
from suivi_excel.cli import click_fr, next_steps, outputs
from suivi_excel.cli.defect import GuardedGroup
from suivi_excel.core.atomic import chosen_by, writable_folder
from suivi_excel.core.errors import EXIT_ERRORS_FOUND, SuiviError, listed_files
from suivi_excel.core.messages import ERRORS

click_fr.install()
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
SUBCOMMAND = "COMMANDE [ARGUMENTS]..."


def _period(_ctx, _param, value):
    if value is None:
        return None
    from suivi_excel.core.periods import parse_period

    try:
        return parse_period(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


def _date(_ctx, _param, value):
    if value is None:
        return None
    from suivi_excel.core.values import read_date_text

    found = read_date_text(value)
    if found is None:
        raise click.BadParameter(ERRORS["option-not-a-date"].format(value=value))
    return found


def _terms(_ctx, _param, value):
    if value is None:
        return None
    from suivi_excel.plan.schedule import parse_terms

    found = parse_terms(value)
    if found is None:
        raise click.BadParameter(ERRORS["option-terms"].format(value=value))
    return found


def _limits_options(function):
    """Options bounding what one returned file may cost (shared by verifier and consolider)."""
    from suivi_excel.core.limits import DEFAULT_LIMITS as d

    options = [
        click.option("--taille-max", type=click.FloatRange(min=0.1), default=d.max_file_mb, show_default=True, metavar="MO",
                     help="Taille maximale d'un fichier reçu, en Mo."),
        click.option("--decompresse-max", type=click.FloatRange(min=1), default=d.max_inflated_mb,
                     show_default=True, metavar="MO", help="Taille maximale d'un fichier une fois décompressé, en Mo."),
        click.option("--lignes-max", type=click.IntRange(min=10), default=d.max_rows, show_default=True, metavar="NOMBRE",
                     help="Nombre maximal de lignes d'un onglet reçu."),
        click.option("--parties-max", type=click.IntRange(min=10), default=d.max_parts, show_default=True, metavar="NOMBRE",
                     help="Nombre maximal de parties dans l'archive d'un fichier reçu (onglets, images…)."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _limits(taille_max: float, decompresse_max: float, lignes_max: int, parties_max: int):
    from suivi_excel.core.limits import DEFAULT_LIMITS, Limits

    # the grid a tab may span grows with the rows allowed, at the default width ratio
    cells = DEFAULT_LIMITS.max_cells * lignes_max // DEFAULT_LIMITS.max_rows
    strings = DEFAULT_LIMITS.max_strings * lignes_max // DEFAULT_LIMITS.max_rows
    return Limits(max_file_mb=taille_max, max_inflated_mb=decompresse_max, max_rows=lignes_max,
                  max_parts=parties_max, max_cells=max(cells, DEFAULT_LIMITS.max_cells),
                  max_strings=max(strings, DEFAULT_LIMITS.max_strings))


@click.group(cls=GuardedGroup, context_settings=CONTEXT, subcommand_metavar=SUBCOMMAND)
@click.version_option(__version__, "--version", prog_name="suivi-excel", message="%(prog)s %(version)s")
def main() -> None:
    """Suivi des plans d'action municipaux (PFM, MADA…) dans Excel.

    \b
    Le cycle :
      suivi-excel importer plan-adopte.docx -o plan.xlsx   le plan adopté (Excel, Word, PDF)
      suivi-excel modele plan.xlsx              ou un plan vierge à remplir
      suivi-excel generer plan.xlsx --periode 2026 -o suivi-2026.xlsx --par-service envois/
      suivi-excel envoyer formulaires envois/   chaque service reçoit son formulaire
      suivi-excel verifier retours/             les problèmes des fichiers reçus
      suivi-excel consolider retours/ -o rapport-2026.xlsx
      suivi-excel envoyer rapport rapport-2026.xlsx --a comite@ville.qc.ca
      suivi-excel bilan --annee 2026            le bilan du comité (Word, PDF), depuis l'historique
      suivi-excel regrouper rapports/ -o bilan-regional.xlsx   les rapports d'une MRC
      suivi-excel demo essai/                   tout le cycle sur un plan d'exemple
    """


@main.command(context_settings=CONTEXT)
@click.argument("fichier", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--ecraser", is_flag=True, help="Remplacer le fichier s'il existe déjà.")
def modele(fichier: Path, ecraser: bool) -> None:
    """Écrire un classeur de plan vierge (Actions, Services, Paramètres) à remplir."""
    from suivi_excel.plan.template import write_plan

    outputs.excel_name(fichier)
    if fichier.exists() and not ecraser:
        raise SuiviError.of("model-exists", path=fichier)
    write_plan(fichier)
    click.echo(f"Plan vierge écrit : {fichier}")
    click.echo("Remplissez les feuilles Actions, Services et Paramètres (une ligne d'exemple vous guide).")
    next_steps.after_model(fichier)


@main.command(context_settings=CONTEXT)
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--sortie", type=click.Path(dir_okay=False, path_type=Path), default=Path("plan.xlsx"),
              show_default=True, help="Classeur de plan à écrire.")
@click.option("--debut", type=click.IntRange(2000, 2100), metavar="ANNÉE",
              help="Première année du plan, pour les échéanciers « An 1, An 2… » (par défaut, celle du titre).")
@click.option("--termes", callback=_terms, metavar="court=ANNÉE,moyen=ANNÉE-ANNÉE,long=ANNÉE",
              help="Années des colonnes « Court terme | Moyen terme | Long terme » (par défaut, celles de la "
                   "légende du plan).")
@click.option("--ecraser", is_flag=True, help="Remplacer le fichier de sortie s'il existe déjà.")
def importer(source: Path, sortie: Path, debut: int | None, termes, ecraser: bool) -> None:
    """Lire le plan adopté (Excel, Word ou PDF) et en faire le classeur de plan à vérifier."""
    from suivi_excel.cli import console
    from suivi_excel.plan.importing import import_plan, write_imported

    if sortie.resolve() == source.resolve():
        raise SuiviError.of("import-over-source", path=sortie)
    outputs.excel_name(sortie)
    if sortie.exists() and not ecraser:
        raise SuiviError.of("import-output-exists", path=sortie)
    imported = import_plan(source, debut, termes)
    from suivi_excel.core.columns import PLAN_ID
    from suivi_excel.plan.reading import identifier_of

    kept = identifier_of(sortie) if sortie.exists() else ""
    if kept:  # the plan imported again over itself stays the same plan, with its history and pre-fills
        imported.parameters[PLAN_ID] = kept
    write_imported(imported, sortie)
    console.imported(imported, sortie)
    if kept:
        click.echo(f"Identifiant du plan conservé : {kept} (celui de « {sortie} » remplacé) ; l'historique et "
                   "le pré-remplissage suivent.")


@main.command(context_settings=CONTEXT)
@click.argument("plan", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--periode", "-p", required=True, callback=_period, metavar="PÉRIODE",
              help="Période suivie : 2026, 2026-S1, 2026-T3…")
@click.option("-o", "--sortie", type=click.Path(dir_okay=False, path_type=Path),
              help="Classeur intégré à écrire (par défaut suivi-PÉRIODE.xlsx).")
@click.option("--par-service", type=click.Path(file_okay=False, path_type=Path),
              help="Dossier où écrire aussi un classeur par service, à envoyer.")
@click.option("--echeance", callback=_date, metavar="DATE", help="Date limite de retour, affichée dans les instructions.")
@click.option("--mot-de-passe", metavar="MOT", help="Mot de passe de protection des onglets (aucun par défaut).")
@click.option("--historique", type=click.Path(dir_okay=False, path_type=Path),
              help="Historique des périodes (par défaut suivi-historique.sqlite à côté du classeur).")
@click.option("--vierge", is_flag=True, help="Ne pas pré-remplir avec les valeurs de la période précédente.")
@click.option("--ecraser", is_flag=True, help="Remplacer le classeur et les formulaires déjà générés.")
def generer(plan: Path, periode, sortie: Path | None, par_service: Path | None, echeance: dt.date | None,
            mot_de_passe: str | None, historique: Path | None, vierge: bool, ecraser: bool) -> None:
    """Générer le classeur de suivi (et un classeur par service) à partir du plan."""
    from suivi_excel.cli import console
    from suivi_excel.forms.generation import Options, generate
    from suivi_excel.history import store as history
    from suivi_excel.plan.reading import read_plan

    checked = read_plan(plan)
    sortie = sortie or Path(f"suivi-{periode.label}.xlsx")
    outputs.excel_name(sortie)
    outputs.never_over_an_input(sortie, plan=plan)
    if not ecraser:
        _refuse_to_replace(checked, periode, sortie, par_service)
    store = historique or history.default_path(sortie)
    prefill, prefill_periods = ({}, {}) if vierge else history.prefill_values(store, checked, periode)
    options = Options(periode, deadline=echeance, password=mot_de_passe, prefill=prefill,
                      prefill_periods=prefill_periods)
    with chosen_by({par_service: "--par-service"}):
        if par_service is not None:
            writable_folder(par_service)  # before the integrated workbook is written
        result = generate(checked, options, sortie, par_service)
    console.generated(checked, result, par_service)
    if prefill:
        sources = ", ".join(sorted(set(prefill_periods.values()), key=str))
        click.echo(f"Pré-remplissage : {len(prefill)} action(s) reprennent leur dernier état connu (période(s) "
                   f"{sources} de {store}) ; --vierge pour des formulaires vides.")
    elif not vierge:
        from suivi_excel.history.kinship import kin_message

        warning = kin_message("kin-generate", store, checked, plan)
        if warning:
            click.echo(click.style(warning, fg="yellow"))
        elif not store.exists():  # a first period, or a history kept elsewhere: never a silent blank
            click.echo(f"Pré-remplissage : aucun historique « {store} » ; formulaires vierges. Si des périodes "
                       "ont déjà été consolidées, indiquez leur historique avec --historique.")
        else:
            click.echo(f"Pré-remplissage : l'historique « {store} » ne contient aucune période de ce plan avant "
                       f"{periode.label} ; formulaires vierges.")
    next_steps.after_generate(plan, sortie, par_service, periode.label)


def _refuse_to_replace(plan, period, output: Path, per_service: Path | None) -> None:
    """`generer` replaces nothing a service or the coordinator may have filled, unless --ecraser."""
    from suivi_excel.forms.generation import per_service_file_names

    existing = [output] if output.exists() else []
    if per_service is not None:
        names = per_service_file_names(list(plan.tabs), period)
        existing += [per_service / name for name in names.values() if (per_service / name).exists()]
    if existing:
        shown = "\n".join(f"  - {path}" for path in existing[:5])
        if len(existing) > 5:
            raise SuiviError.of("period-generated-more", period=period.label, files=shown, more=len(existing) - 5)
        raise SuiviError.of("period-generated", period=period.label, files=shown)


@main.command(context_settings=CONTEXT)
@click.argument("retours", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--plan", type=click.Path(dir_okay=False, path_type=Path),
              help="Plan à utiliser (par défaut, celui que portent les fichiers).")
@click.option("--periode", "-p", callback=_period, metavar="PÉRIODE", help="Période (par défaut, celle des fichiers).")
@_limits_options
def verifier(retours, plan, periode, taille_max, decompresse_max, lignes_max, parties_max) -> None:
    """Lister les problèmes des fichiers reçus, sans écrire de rapport."""
    from suivi_excel.cli import console

    result = _consolidate(retours, plan, periode, _limits(taille_max, decompresse_max, lignes_max, parties_max))
    console.verification(result)
    next_steps.after_verify([Path(r) for r in retours], result.period.label, result.errors)
    if result.errors:
        raise SystemExit(EXIT_ERRORS_FOUND)


@main.command(context_settings=CONTEXT)
@click.argument("retours", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--sortie", type=click.Path(dir_okay=False, path_type=Path),
              help="Rapport à écrire (par défaut rapport-PÉRIODE.xlsx).")
@click.option("--plan", type=click.Path(dir_okay=False, path_type=Path),
              help="Plan à utiliser (par défaut, celui que portent les fichiers).")
@click.option("--periode", "-p", callback=_period, metavar="PÉRIODE", help="Période (par défaut, celle des fichiers).")
@click.option("--strict", is_flag=True, help="Code de sortie 1 si le rapport contient des erreurs.")
@click.option("--historique", type=click.Path(dir_okay=False, path_type=Path),
              help="Historique des périodes (par défaut suivi-historique.sqlite à côté du rapport).")
@click.option("--corrections", type=click.Path(file_okay=False, path_type=Path),
              help="Dossier où écrire un classeur de correction pour chaque service dont le retour est "
                   "à corriger ou incomplet.")
@_limits_options
def consolider(retours, sortie, plan, periode, strict, historique, corrections, taille_max, decompresse_max,
               lignes_max, parties_max) -> None:
    """Lire les fichiers reçus et écrire le rapport consolidé (tableau de bord, anomalies)."""
    from suivi_excel.cli import console

    outputs.corrections_apart(corrections, retours)  # before anything is read or written
    if corrections is not None:
        with chosen_by({corrections: "--corrections"}):
            writable_folder(corrections)
    if sortie is not None:
        outputs.excel_name(sortie)
        outputs.never_over_an_input(sortie, plan=plan, returns=retours)
    result = _consolidate(retours, plan, periode, _limits(taille_max, decompresse_max, lignes_max, parties_max))
    if sortie is None:
        sortie = Path(f"rapport-{result.period.label}.xlsx")
        outputs.never_over_an_input(sortie, plan=plan, returns=retours)
    from suivi_excel.cli.recording import record_and_report

    store = record_and_report(result, sortie, historique)
    console.consolidation(result, sortie)
    click.echo(f"Historique : {store}")
    from suivi_excel.history.kinship import kin_message, only_period

    if only_period(store, result.plan, result.period):
        warning = kin_message("kin-consolidate", store, result.plan, plan)
        if warning:
            click.echo(click.style(warning, fg="yellow"))
    written = {}
    if corrections is not None:
        from suivi_excel.consolidate.corrections import write_corrections

        from suivi_excel.consolidate.stale import remove_stale

        with chosen_by({corrections: "--corrections"}):
            written = write_corrections(result, corrections)
        click.echo(f"Classeurs de correction : {len(written)} dans {corrections}"
                   + ("" if written else " (aucun retour à corriger)."))
        cleanup = remove_stale(corrections, result.plan.identity, result.period.label, set(written.values()))
        if cleanup.removed:
            click.echo(f"Classeurs de correction retirés (ils ne s'appliquent plus) : {len(cleanup.removed)} — "
                       + ", ".join(p.name for p in cleanup.removed))
        if cleanup.kept:
            click.echo(click.style("Classeurs de correction périmés laissés en place (enregistrés depuis, par "
                                   "quelqu'un) : " + ", ".join(p.name for p in cleanup.kept)
                                   + " ; retirez-les avant « envoyer corrections ».", fg="yellow"))
    from suivi_excel.consolidate.review import INCOMPLETE, TO_FIX, review

    to_fix = sum(state.state in (TO_FIX, INCOMPLETE) for state in review(result))
    next_steps.after_consolidate([Path(r) for r in retours], sortie, result.missing, corrections, len(written), to_fix,
                                 result.period.label)
    if strict and result.errors:
        raise SystemExit(EXIT_ERRORS_FOUND)


def _consolidate(retours, plan_path, periode, limits):
    from suivi_excel.cli import console
    from suivi_excel.consolidate.pipeline import consolidate

    with console.FileProgress() as progress:
        return consolidate(retours, plan_path, periode, limits, progress.advance, progress.start)


@main.command(context_settings=CONTEXT)
@click.argument("dossier", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("-o", "--sortie", type=click.Path(dir_okay=False, path_type=Path), default=Path("bilan-regional.xlsx"),
              show_default=True, help="Classeur régional à écrire.")
@click.option("--periode", "-p", callback=_period, metavar="PÉRIODE",
              help="Ne regrouper que cette période (par défaut, la plus récente de chaque municipalité).")
@click.option("--axes", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Table à deux colonnes (axe local, axe régional) pour regrouper les axes de la région.")
@click.option("--titre", metavar="TITRE", default="Bilan régional du suivi des plans d'action", show_default=True,
              help="Titre du tableau de bord (par exemple le nom de la MRC).")
def regrouper(dossier: Path, sortie: Path, periode, axes: Path | None, titre: str) -> None:
    """Regrouper les rapports des municipalités (DOSSIER) en un bilan régional."""
    import importlib

    from suivi_excel.region.reports import read_reports

    def load() -> None:  # pandas and the writer load while the workers read
        for module in ("suivi_excel.region.rollup", "suivi_excel.region.workbook", "suivi_excel.cli.console"):
            importlib.import_module(module)

    outputs.excel_name(sortie)
    outputs.never_over_an_input(sortie, reports=dossier)
    reports, anomalies = read_reports(dossier, periode, load)
    from suivi_excel.cli import console
    from suivi_excel.region.rollup import check_axes_map, read_axes_map, roll_up
    from suivi_excel.region.workbook import write_region

    mapping = read_axes_map(axes) if axes else None
    if not reports:
        files = "".join("\n" + line for line in listed_files(anomalies))
        if periode:
            raise SuiviError.of("no-report-of-the-period", folder=dossier, period=periode.label, files=files)
        raise SuiviError.of("no-report-to-gather", folder=dossier, files=files)
    if mapping is not None:
        check_axes_map(mapping, reports, axes)
    region = roll_up(reports, anomalies, mapping)
    write_region(region, sortie, titre)
    console.regional(region, sortie)
    next_steps.after_region(sortie)


@main.command(context_settings=CONTEXT)
@click.option("--annee", type=click.IntRange(2000, 2100), metavar="ANNÉE",
              help="Le bilan d'une année (toutes ses périodes), par exemple 2026.")
@click.option("--periode", "-p", callback=_period, metavar="PÉRIODE", help="Le bilan d'une seule période : 2026-S1.")
@click.option("--plan", "whole_plan", is_flag=True,
              help="Le bilan de toute la vie du plan, de sa première période à la dernière (fin de plan).")
@click.option("--historique", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("suivi-historique.sqlite"), show_default=True, help="Historique des périodes.")
@click.option("-o", "--sortie", type=click.Path(dir_okay=False, path_type=Path),
              help="Document à écrire (par défaut bilan-ANNÉE.docx, et son PDF) ; un nom en .xlsx donne le "
                   "classeur du bilan.")
@click.option("--modele", type=click.Path(dir_okay=False, path_type=Path),
              help="Modèle Word du bilan, restylé à vos couleurs (par défaut modeles/bilan.docx).")
@click.option("--sans-pdf", is_flag=True, help="Ne pas écrire le PDF (LibreOffice) à côté du document.")
@click.option("--ecraser", is_flag=True, help="Remplacer le document s'il existe déjà (vos retouches seraient perdues).")
def bilan(annee: int | None, periode, whole_plan: bool, historique: Path, sortie: Path | None,
          modele: Path | None, sans_pdf: bool, ecraser: bool) -> None:
    """Écrire le bilan du comité (Word et PDF) à partir de l'historique : pour une année, une période ou
    toute la vie du plan."""
    from suivi_excel.cli.bilan import run_bilan

    chosen = [name for name, value in (("--annee", annee), ("--periode", periode), ("--plan", whole_plan)) if value]
    if len(chosen) != 1:
        raise click.UsageError(ERRORS["option-one-bilan-span-given"].format(given=", ".join(chosen)) if chosen
                               else ERRORS["option-one-bilan-span"])
    run_bilan(annee, periode, whole_plan, historique, sortie, modele, not sans_pdf, ecraser)


@main.group(context_settings=CONTEXT, subcommand_metavar=SUBCOMMAND)
def envoyer() -> None:
    """Envoyer par courriel : les formulaires aux services, les relances, les corrections, le rapport.

    \b
    Le serveur d'envoi se règle par les variables SUIVI_SMTP_HOST, SUIVI_SMTP_PORT,
    SUIVI_SMTP_SECURITE (starttls, ssl ou aucune), SUIVI_SMTP_USER, SUIVI_SMTP_PASSWORD,
    SUIVI_SMTP_FROM, ou par un fichier --config (section [smtp]).
    --essai montre ce qui partirait ; --brouillons DOSSIER écrit des .eml à ouvrir dans
    Outlook ou Thunderbird au lieu d'envoyer.
    """


def _mail_options(function):
    options = [
        click.option("--brouillons", type=click.Path(file_okay=False, path_type=Path),
                     help="Écrire des brouillons .eml dans ce dossier au lieu d'envoyer."),
        click.option("--essai", is_flag=True, help="Montrer ce qui serait envoyé, sans rien envoyer."),
        click.option("--config", type=click.Path(dir_okay=False, exists=True, path_type=Path),
                     help="Fichier de réglages du serveur d'envoi (section [smtp])."),
        click.option("--modeles", type=click.Path(file_okay=False, exists=True, path_type=Path),
                     help="Dossier des modèles de courriel modifiés (par défaut, ceux de modeles/)."),
        click.option("--journal", type=click.Path(dir_okay=False, path_type=Path),
                     help="Journal des envois (par défaut journal-envois.csv à côté des fichiers envoyés)."),
        click.option("--de", "expediteur", metavar="ADRESSE", help="Adresse de l'expéditeur (par défaut SUIVI_SMTP_FROM ou le "
                                                "courriel du coordonnateur)."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


@envoyer.command(context_settings=CONTEXT)
@click.argument("dossier", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("--plan", type=click.Path(dir_okay=False, path_type=Path),
              help="Plan à jour, si les courriels de la feuille Services ont changé depuis la génération.")
@click.option("--relance", is_flag=True, help="Relancer seulement les services dont le retour n'est pas arrivé.")
@click.option("--retours", type=click.Path(exists=True, path_type=Path),
              help="Avec --relance : le dossier des retours reçus.")
@click.option("--historique", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Avec --relance : l'historique, si la période est déjà consolidée.")
@click.option("--echeance", callback=_date, metavar="DATE", help="Date limite à indiquer (par défaut celle des formulaires).")
@_mail_options
def formulaires(dossier, plan, relance, retours, historique, echeance, brouillons, essai, config, modeles,
                journal, expediteur) -> None:
    """Envoyer à chaque service son formulaire (DOSSIER écrit par « generer --par-service »)."""
    from suivi_excel.cli import mailing

    delivery = mailing.Delivery(brouillons, essai, config, modeles, journal, expediteur)
    mailing.send_forms(dossier, plan, delivery, reminder=relance, returns=retours, store=historique,
                       deadline=echeance)
    next_steps.after_forms(dossier, relance, essai)


@envoyer.command(context_settings=CONTEXT)
@click.argument("dossier", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("--plan", type=click.Path(dir_okay=False, path_type=Path),
              help="Plan à jour, si les courriels de la feuille Services ont changé depuis la génération.")
@click.option("--historique", type=click.Path(dir_okay=False, path_type=Path),
              help="Historique des périodes, pour ne rien envoyer aux services dont le dernier retour est complet "
                   "(par défaut suivi-historique.sqlite à côté du dossier).")
@_mail_options
def corrections(dossier, plan, historique, brouillons, essai, config, modeles, journal, expediteur) -> None:
    """Envoyer à chaque service son classeur de correction (DOSSIER écrit par « consolider --corrections »)."""
    from suivi_excel.cli import mailing

    delivery = mailing.Delivery(brouillons, essai, config, modeles, journal, expediteur)
    mailing.send_corrections(dossier, plan, delivery, historique)
    next_steps.after_corrections(essai)


@envoyer.command(context_settings=CONTEXT)
@click.argument("rapport", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--a", "destinataires", required=True, multiple=True, metavar="ADRESSE",
              help="Destinataire(s) : répétez l'option ou séparez les adresses par des virgules.")
@_mail_options
def rapport(rapport, destinataires, brouillons, essai, config, modeles, journal, expediteur) -> None:
    """Envoyer le rapport au comité de suivi, avec un résumé des chiffres clés."""
    from suivi_excel.cli import mailing

    delivery = mailing.Delivery(brouillons, essai, config, modeles, journal, expediteur)
    mailing.send_report(rapport, destinataires, delivery)
    next_steps.after_report(essai)


@main.command(context_settings=CONTEXT)
@click.argument("dossier", type=click.Path(file_okay=False, path_type=Path))
def demo(dossier: Path) -> None:
    """Faire tout le cycle sur le plan d'exemple, avec des retours simulés (et leurs erreurs)."""
    from suivi_excel.cli.demo import run_demo

    run_demo(dossier)


if __name__ == "__main__":  # pragma: no cover
    main()
