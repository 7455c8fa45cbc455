"""French texts written into workbooks: plan help, tracking instructions, report labels."""

from __future__ import annotations

PLAN_HELP = (
    "Comment remplir ce plan",
    "Ce classeur décrit le plan d'action que suivi-excel transforme en formulaires de suivi.",
    "Feuille Actions : une ligne par action. Colonnes obligatoires : No, Axe, Action, Service responsable.",
    "No : le numéro de l'action, tel que le plan l'écrit (1.1, 2.10, A-3…). 2.1 et 2.10 sont deux actions "
    "différentes. Chaque numéro est unique.",
    "Service responsable : doit être écrit exactement comme dans la feuille Services (la liste déroulante aide).",
    "Début et Fin : une année (2026) ou une date. Une année de début vaut le 1er janvier, une année de fin "
    "le 31 décembre. La fin ne précède pas le début.",
    "Budget prévu ($) : un montant positif ou nul.",
    "Vous pouvez ajouter vos propres colonnes (Clientèle, Priorité…) : elles sont reprises dans le rapport.",
    "Feuille Services : un service par ligne, avec la personne responsable et son courriel (pour l'envoi "
    "des formulaires).",
    "Feuille Paramètres : le nom de la municipalité, le titre du plan et les coordonnées de la personne "
    "qui coordonne le suivi ; ils paraissent dans les formulaires et le rapport.",
    "Ensuite : suivi-excel generer plan.xlsx --periode 2026 -o suivi-2026.xlsx --par-service envois/",
)

STATUS_HELP = {
    "Non débutée": "rien n'est encore engagé",
    "En cours": "l'action avance ; indiquez l'avancement en %",
    "Réalisée": "l'action est terminée (avancement 100 %)",
    "En continu": "action récurrente, réalisée chaque année",
    "Reportée": "remise à plus tard ; expliquez pourquoi dans Obstacles",
    "Abandonnée": "l'action ne sera pas réalisée ; expliquez pourquoi dans Commentaires",
}

TAB_INSTRUCTIONS = "Instructions"
TAB_SUMMARY = "Sommaire"
TAB_LISTS = "Listes"
TAB_META = "_suivi"
TAB_PLAN = "_plan"  # the plan's JSON, apart: only one returned file needs to be read for it
RESERVED_TABS = {TAB_INSTRUCTIONS, TAB_SUMMARY, TAB_LISTS, TAB_META, TAB_PLAN}


def instructions(municipality: str, title: str, period: str, deadline: str, coordinator: str,
                 email: str, services: list[str]) -> list[tuple[str, str]]:
    """The lines of the Instructions tab as (style, text); style is title, heading or text."""
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
        ("heading", "Les colonnes à remplir"),
        ("text", "Statut : choisissez dans la liste déroulante."),
    ]
    lines += [("text", f"    • {status} : {meaning}") for status, meaning in STATUS_HELP.items()]
    lines += [
        ("text", "Avancement (%) : un nombre entier de 0 à 100, sans le signe %."),
        ("text", "Date de début réelle, Date de fin réelle : des dates (par exemple 2026-03-15)."),
        ("text", "Dépenses réelles ($) : le montant dépensé à ce jour pour l'action."),
        ("text", "Résultat de l'indicateur : la valeur mesurée pour la période."),
        ("text", "Besoin de soutien : Oui si vous avez besoin d'aide pour faire avancer l'action."),
        ("text", "Obstacles : ce qui freine l'action. Commentaires : précisions, prochaines étapes et bons coups."),
        ("heading", "À éviter"),
        ("text", "Ne renommez pas, n'ajoutez pas et ne supprimez pas de colonnes, de lignes ni d'onglets : "
                 "le classeur est relu automatiquement."),
        ("text", "Vous pouvez renommer le fichier : il sera reconnu quand même."),
    ]
    return lines


SUMMARY_TITLE = "Sommaire du suivi — période {period}"
SUMMARY_NOTE = ("Ce sommaire se calcule à partir des onglets des services ; il se met à jour à mesure que "
                "les statuts sont remplis.")
