"""French texts written into the tracking workbooks and the report: instructions, status help, labels."""

from __future__ import annotations

from suivi_excel.core.columns import ABANDONED, DONE, IN_PROGRESS, NOT_STARTED, ONGOING, POSTPONED

STATUS_HELP = {
    NOT_STARTED: "rien n'est encore engagé",
    IN_PROGRESS: "l'action avance ; indiquez l'avancement en %",
    DONE: "l'action est terminée (avancement 100 %)",
    ONGOING: "action récurrente, réalisée chaque année",
    POSTPONED: "remise à plus tard ; expliquez pourquoi dans Obstacles",
    ABANDONED: "l'action ne sera pas réalisée ; expliquez pourquoi dans Commentaires",
}
# how a pre-filled value looks until the service changes it (`forms/prefilled.py`)
PREFILL_LOOK = "en italique sur fond bleu pâle"
# a correction workbook's note on a status left empty (`consolidate/corrections.py`)
NO_STATUS = "Aucun statut : choisissez l'état de l'action dans la liste."
# the centre of the `À imprimer` tab's page header (`forms/printable.py`)
PRINT_WHERE_TO_FILL = "Pour remplir : onglet « {tab} »"

def instructions(municipality: str, title: str, period: str, deadline: str, coordinator: str,
                 email: str, services: list[str], problems=(), complete_only: bool = False) -> list[tuple[str, str]]:
    """The lines of the Instructions tab as (style, text); style is title, heading or text.

    `problems` ((cell, what is wrong) pairs) make it a correction workbook's: they come first, under
    « À corriger », or « À compléter » when nothing is wrong but answers are missing (`complete_only`).
    """
    who = coordinator or "la personne qui coordonne le suivi"
    contact = f"{who} ({email})" if email else who
    tabs = "l'onglet de votre service" if len(services) == 1 else "l'onglet de votre service (un onglet par service)"
    lines = [
        ("title", f"Suivi du plan d'action — période {period}"),
        ("text", f"{municipality} — {title}" if municipality else title),
        ("heading", "Ce qu'on vous demande"),
        ("text", f"Pour chaque action de {tabs}, remplissez les colonnes à fond blanc, de « Statut » à "
                 "« Commentaires ». Les colonnes grises décrivent l'action et ne se modifient pas."),
        ("text", f"Retournez ce classeur au plus tard le {deadline}." if deadline else
                 "Retournez ce classeur dès qu'il est rempli."),
        ("text", f"Questions : {contact}."),
    ]
    if problems:
        lines[2:4] = [
            ("heading", "À compléter" if complete_only else "À corriger"),
            ("text", "Votre retour a été lu. Voici ce qu'il reste à compléter ; les cellules en rouge de votre "
                     "onglet portent une note qui le rappelle. Vos autres réponses sont déjà reprises : complétez, "
                     "enregistrez et renvoyez ce classeur." if complete_only else
                     "Votre retour a été lu. Voici ce qu'il faut corriger ou compléter ; les cellules en rouge "
                     "de votre onglet portent une note qui le rappelle. Vos autres réponses sont déjà reprises : "
                     "corrigez, enregistrez et renvoyez ce classeur."),
            *[("text", f"    • {cell} : {text}" if cell else f"    • {text}") for cell, text in problems],
        ]
    lines += [
        ("heading", "Les colonnes à remplir"),
        ("text", "Statut : choisissez dans la liste déroulante."),
    ]
    lines += [("text", f"    • {status} : {meaning}") for status, meaning in STATUS_HELP.items()]
    lines += [
        ("text", "Avancement (%) : un nombre entier de 0 à 100, sans le signe %."),
        ("text", "Date de début réelle, Date de fin réelle : des dates (par exemple 2026-03-15)."),
        ("text", "Dépenses réelles ($) : le montant dépensé à ce jour pour l'action."),
        ("text", "Résultat de l'indicateur : la valeur mesurée pour la période ; quand la cible est un nombre, "
                 "commencez par le nombre et son unité (14 ateliers, 62 %)."),
        ("text", "Cible atteinte : Oui, En partie, Non ou Sans objet. Laissez vide si votre résultat est un "
                 "nombre : le rapport le compare à la cible."),
        ("text", "Besoin de soutien : Oui si vous avez besoin d'aide pour faire avancer l'action."),
        ("text", "Obstacles : ce qui freine l'action (ou pourquoi elle est reportée ou abandonnée)."),
        ("text", "Bon coup : une réussite à faire connaître au comité et à la population, en une ou deux "
                 "phrases ; elle paraîtra dans le bilan."),
        ("text", "Commentaires : précisions et prochaines étapes."),
        ("heading", "À éviter"),
        ("text", "Ne renommez pas, n'ajoutez pas et ne supprimez pas de colonnes, de lignes ni d'onglets : "
                 "le classeur est relu automatiquement."),
        ("text", "Vous pouvez renommer le fichier : il sera reconnu quand même."),
    ]
    return lines


def prefilled_instructions(counts: dict[str, int], remarks) -> list[tuple[str, str]]:
    """The `Instructions` lines about pre-filled values: `counts`, the actions pre-filled from each period
    (the most first); `remarks`, the headers left empty because they describe the period itself."""
    if len(counts) == 1:
        origin = f"du suivi de la période {next(iter(counts))}"
    else:
        origin = "des suivis précédents : " + ", ".join(f"période {p} ({n} action(s))" for p, n in counts.items())
    return [
        ("heading", "Valeurs déjà inscrites"),
        ("text", f"Les statuts, avancements, dates, dépenses et résultats déjà inscrits viennent {origin}. "
                 "Ce sont les derniers connus : mettez-les à jour pour la période actuelle."),
        ("text", f"Une valeur reprise s'affiche {PREFILL_LOOK} ; dès que vous la changez, elle s'affiche "
                 "normalement. Si elle est toujours juste, laissez-la telle quelle."),
        ("text", f"{_listed(remarks)} sont laissés vides : ils décrivent la période actuelle, "
                 "remplissez-les au besoin."),
    ]


def _listed(headers) -> str:
    headers = list(headers)
    return ", ".join(headers[:-1]) + " et " + headers[-1] if len(headers) > 1 else "".join(headers)


SUMMARY_TITLE = "Sommaire du suivi — période {period}"
SUMMARY_NOTE = ("Ce sommaire se calcule à partir des onglets des services ; il se met à jour à mesure que "
                "les statuts sont remplis.")
