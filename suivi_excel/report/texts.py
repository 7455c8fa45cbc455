"""The report's words: what its dashboard, its sheets' page headers, the bilan's charts and the summary that
`envoyer rapport` sends say. The bilan's sentences are in `bilan_texts.py`; what goes wrong, in `core/messages`.

Templates take their values by name (`PERIOD_LINE.format(period=…)`); the headers and statuses they list
are `core/columns`' names.
"""

from __future__ import annotations

from suivi_excel.core.columns import (
    ABANDONED,
    DONE,
    IN_PROGRESS,
    NOT_REPORTED,
    NOT_STARTED,
    ONGOING,
    POSTPONED,
    TARGET_MET,
    TARGET_NA,
    TARGET_NO,
    TARGET_PARTLY,
    TARGET_YES,
    TO_CHECK,
)

# the dashboard's title: a period's report, or the annual review's workbook (`bilan --annee … -o x.xlsx`)
REPORT_TITLE, ANNUAL_REVIEW_TITLE = "Bilan du suivi", "Bilan annuel {year}"
# where the annual review's answers came from (the `Source` of `Par service`)
FROM_HISTORY = "historique"
# the dashboard (report/dashboard.py): its heading, then its blocks top to bottom
PERIOD_LINE = ("Période {period.label} (du {period.start:%Y-%m-%d} au {period.end:%Y-%m-%d}) — produit le "
               "{created:%Y-%m-%d à %H:%M}")
KEY_FIGURES = "Chiffres clés"
PLAN_ACTIONS = "Actions du plan"
RATE_EXPLAINED = "Taux de réalisation (réalisées ou en continu)"
LATE_ACTIONS = "Actions en retard"
SUPPORT_ACTIONS = "Actions qui ont besoin de soutien"
SERVICES_ANSWERED = "Services qui ont répondu"
ANSWERED_OF = "{answered} sur {total}"
PLANNED_BUDGET = "Budget prévu (toutes les années du plan)"
DECLARED_SPENDING = "Dépenses réelles déclarées"
ANOMALY_COUNTS = "Anomalies : erreurs / avertissements"
ERRORS_WARNINGS = "{errors} / {warnings}"
RETURN_STATES = "État des retours (onglet Retours)"
BY_STATUS = "Actions par statut"
STATUS_CHART = "Où en sont les actions"
AXE_CHART = "Taux de réalisation par axe"
SERVICE_CHART = "État des actions par service"
ACTION_COUNT = "Nombre d'actions"
EVOLUTION = "Évolution d'une période à l'autre"
EVOLUTION_CHART = "Statuts des actions, période par période"
# what changed since the reference period: each list's title, and what it says when empty
NEWLY = "Nouvellement {what} depuis {reference}"
NEWLY_DONE, NEWLY_LATE, NEWLY_BLOCKED = "réalisées", "en retard", "bloquées (reportées ou avec besoin de soutien)"
NONE_NEWLY = "Aucune."
# the lists a committee acts on: title, then what the list says when it is empty
NO_LATE = "Aucune action en retard."  # under LATE_ACTIONS, the list's title
NO_SUPPORT = "Aucun service n'a demandé de soutien."  # under SUPPORT_ACTIONS
OBSTACLES_LIST, NO_OBSTACLES = "Obstacles signalés", "Aucun obstacle signalé."
SILENT_LIST, NO_SILENT = "Services sans retour", "Tous les services ont répondu."
LIST_TITLE = "{title} ({count})"
LIST_MORE = "… et {count} autres : voir l'onglet Actions."
# a late action's last known status in its list: `En cours (2026)`, or none ever reported
LAST_KNOWN, NONE_KNOWN = "{status} ({since})", "Aucun"
SERVICE_SHORT = "Service"  # the `Service responsable` column, headed short in the dashboard's narrow lists

# what went well (report/achievements.py): the Cibles block and the Bons coups list
NO_RESULT = "Pas encore de résultat"
# each answer of `Cible atteinte` as a line of the Cibles block, then the actions with a target and no answer yet
TARGET_LABELS = {TARGET_YES: TARGET_MET, TARGET_PARTLY: "Atteinte en partie", TARGET_NO: "Non atteinte",
                 TARGET_NA: "Sans objet", None: NO_RESULT}
TARGETS = "Cibles ({count} actions avec une cible chiffrée ou décrite)"
TARGET_RESULTS = "Résultats par rapport aux cibles"
NO_TARGET_RESULT = "Aucun résultat d'indicateur n'a été déclaré pour une action avec cible."
GOOD_NEWS_LIST = "Bons coups"
NO_GOOD_NEWS = "Aucun bon coup déclaré cette période : la colonne « Bon coup » des formulaires les recueille."

# page headers (&L left, &R right: Excel's codes)
ACTIONS_PRINT_HEADER = "&LActions : toutes les colonnes&RUne page de large : onglet « {sheet} »"
PRINTED_COLUMNS = "Colonnes choisies pour l'impression ; toutes les colonnes : onglet « Actions »"
PRINTABLE_TITLE = "{plan} — {period} — actions"

# the bilan's charts (report/charts.py) and their text alternatives
# the three parts of an axe's bar
CHART_PARTS = ("Réalisées ou en continu", IN_PROGRESS, "Non débutées, reportées, abandonnées ou sans nouvelles")
# a status as a count says it (`3 réalisées`): the word, and whether it takes the plural
STATUS_COUNT_WORDS = {DONE: ("réalisée", True), ONGOING: ("en continu", False), IN_PROGRESS: ("en cours", False),
                      NOT_STARTED: ("non débutée", True), POSTPONED: ("reportée", True),
                      ABANDONED: ("abandonnée", True), TO_CHECK: ("à vérifier", False),
                      NOT_REPORTED: ("sans nouvelles", False)}
STATUS_CHART_TITLE = "Où en sont les {total} actions du plan"
STATUS_CHART_ALT = "Graphique à barres : statut des {total} actions du plan — {parts}."
NO_ACTION_ALT = "Graphique : aucune action."
AXES_CHART_AXIS = "Part des actions de l'axe"
AXES_CHART_PART = "{axe} : {rate} ({done} sur {total})"
AXES_CHART_ALT = "Graphique à barres : taux de réalisation par axe — {parts}."

# what `envoyer rapport` says of a report in its message (report/summary.py)
SUMMARY_STATUS = "{count} « {status} »"
SUMMARY_LINES = (
    "{actions} actions : {statuses}",
    "Taux de réalisation : {rate}",
    "Actions en retard : {late} ; besoin de soutien : {support}",
    "Services qui ont répondu : {answered} sur {services}",
    "Dépenses déclarées à ce jour : {spent} (budget prévu du plan, toutes années et tous services : {budget})",
)
