"""The plan workbook's words: the help sheet, the dropdowns' prompts, the notes, the example plan of `modele`,
the `À vérifier` sheet of an imported plan and the columns `importer` adds. What goes wrong is in
`core/messages`; the headers of the plan are `core/columns`' names.
"""

from __future__ import annotations

from suivi_excel.core.columns import (
    ACTION,
    AXE,
    BUDGET,
    COORDINATOR,
    COORDINATOR_EMAIL,
    END,
    INDICATOR,
    LEAD,
    MUNICIPALITY,
    NUMBER,
    OBJECTIVE,
    PARTNERS,
    PLAN_TITLE,
    SERVICE,
    SERVICE_EMAIL,
    SERVICE_PERSON,
    START,
    TARGET,
    TO_CHECK,
)

DEFAULT_TITLE = "Plan d'action"  # a plan whose Paramètres give no title

# the Aide sheet of `modele`, its title first
HELP_SHEET = "Aide"
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

# the example plan `modele` writes
EXAMPLE_ACTION = {
    NUMBER: "1.1", AXE: "Loisirs et vie communautaire",
    OBJECTIVE: "Rendre les loisirs accessibles aux familles",
    ACTION: "Offrir une programmation estivale gratuite dans les parcs de quartier",
    LEAD: "Service des loisirs", PARTNERS: "Maison des jeunes",
    START: 2026, END: 2027, BUDGET: 15000,
    INDICATOR: "Nombre d'activités offertes", TARGET: "20 activités par été",
}
EXAMPLE_SERVICE = {SERVICE: "Service des loisirs", SERVICE_PERSON: "Prénom Nom",
                   SERVICE_EMAIL: "loisirs@exemple.qc.ca"}
EXAMPLE_PARAMETERS = {MUNICIPALITY: "Municipalité de …", PLAN_TITLE: "Politique familiale et MADA 2026-2028",
                      COORDINATOR: "Prénom Nom", COORDINATOR_EMAIL: "coordination@exemple.qc.ca"}

# the Actions sheet: the lead's dropdown, the budget's check, the printed page's header
LEAD_PROMPT = "Choisissez un service de la feuille Services."
LEAD_UNKNOWN_TITLE = "Service inconnu"
LEAD_UNKNOWN = "Ajoutez d'abord ce service dans la feuille Services."
BUDGET_TITLE = "Budget"
BUDGET_ERROR = "Le budget est un montant positif ou nul."
ACTIONS_PAGE_HEADER = "&LPlan d'action : feuille Actions"

# the Paramètres sheet: its header, and the note on the plan's identifier
PARAMETERS_HEADERS = ("Paramètre", "Valeur")
IDENTIFIER_NOTE = ("Écrit par suivi-excel : relie ce plan à son historique, même si vous corrigez son titre ou la "
                   "municipalité. Ne le modifiez pas.")

# the À vérifier sheet of an imported plan: (header, width), the two kinds of line, the box to tick
CHECKS_SHEET = TO_CHECK  # the words of the status a report gives a value to check; nothing reads this sheet back
CHECKED = "Vérifié"
CHECKS_HEADERS = ((CHECKED, 8), ("Importance", 13), ("Où, dans le plan adopté", 26), (NUMBER, 9),
                  ("Ce que l'importation a compris", 58), ("Texte lu", 44))
TO_CORRECT, TO_CONFIRM = "À corriger ?", "À confirmer"
CHECKED_PROMPT = "Choisissez {ticked} une fois la ligne vérifiée (et le plan corrigé s'il le faut)."

# what `importer` writes where the plan workbook has no column or no value for what the plan says
SCHEDULE_SOURCE = "Échéancier (texte du plan)"
RESPONSIBLE_SOURCE = "Responsable(s) (texte du plan)"
BUDGET_SOURCE = "Budget (texte du plan)"
SHEET_SOURCE = "Feuille du plan"
NO_SERVICE = "À déterminer"
NO_AXE = "Axe à préciser"
