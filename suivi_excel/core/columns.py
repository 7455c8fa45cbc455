"""The columns of the plan and of the tracking forms, declared once.

Each declaration drives both sides: the generator writes headers, widths,
dropdowns, input messages and error alerts from it, and the readers match
headers and validate values with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from suivi_excel.core.text import match_key

# the statuses a service chooses, by name: a misspelt name fails at import, not in a user's report
NOT_STARTED, IN_PROGRESS, DONE, ONGOING, POSTPONED, ABANDONED = STATUSES = (
    "Non débutée", "En cours", "Réalisée", "En continu", "Reportée", "Abandonnée")
TO_CHECK = "À vérifier"  # a status typed past the dropdown that matches nothing
NOT_REPORTED = "Non renseigné"  # no status reported for the action
REPORT_STATUSES = STATUSES + (TO_CHECK, NOT_REPORTED)
DONE_STATUSES = (DONE, ONGOING)  # count toward the completion rate
LATE_STATUSES = (NOT_STARTED, IN_PROGRESS, POSTPONED)
FINAL_STATUSES = (DONE, ABANDONED)  # kept from period to period while a service is silent
STATUS_LIST = ", ".join(STATUSES[:-1]) + f" ou {STATUSES[-1]}"  # as a sentence says them
PLAN_KINDS = ("text", "number", "period_start", "period_end", "money", "service")
TRACKING_KINDS = ("status", "percent", "date", "money", "text", "yesno", "target")
# Excel's limits on a data validation's texts (XlsxWriter refuses past them)
TITLE_LIMIT, MESSAGE_LIMIT = 32, 255
YES, NO = "Oui", "Non"
TARGET_MET, GOOD_NEWS = "Cible atteinte", "Bon coup"
TARGET_YES, TARGET_PARTLY, TARGET_NO, TARGET_NA = "Oui", "En partie", "Non", "Sans objet"
TARGET_CHOICES = (TARGET_YES, TARGET_PARTLY, TARGET_NO, TARGET_NA)


# a column's width on paper, by kind: what its values need at most; text wraps within 18 units
_PRINT_WIDTHS = {"number": 5.5, "period_start": 10.5, "period_end": 10.5, "date": 10.5, "money": 11,
                 "percent": 10, "status": 11.5, "yesno": 9, "target": 10}


def printed_width(kind: str, width: float, explicit: float | None = None) -> float:
    """How wide a declared column prints in a printable layout (`À imprimer`)."""
    return explicit or min(_PRINT_WIDTHS.get(kind, 18), width)


@dataclass(frozen=True)
class PlanColumn:
    """A column of the plan's `Actions` sheet."""

    header: str
    required: bool
    kind: str  # text | number | period_start | period_end | money | service
    width: int
    aliases: tuple[str, ...] = ()
    note: str = ""
    print_width: float | None = None  # on paper, where it differs from `printed_width`'s rule

    def __post_init__(self) -> None:
        if self.kind not in PLAN_KINDS:  # checked at import: a misspelt kind would read nothing
            raise ValueError(f"{self.header}: unknown kind {self.kind!r}")

    def keys(self) -> set[str]:
        return {match_key(self.header)} | {match_key(a) for a in self.aliases}

    @property
    def printed_width(self) -> float:
        return printed_width(self.kind, self.width, self.print_width)


# the plan's headers other modules name (the declarations below are the only place they are spelt)
NUMBER, AXE, OBJECTIVE, ACTION, LEAD, PARTNERS, START, END, BUDGET, INDICATOR, TARGET = (
    "No", "Axe", "Objectif", "Action", "Service responsable", "Partenaires", "Début", "Fin", "Budget prévu ($)",
    "Indicateur", "Cible")

# widths: the plan's Actions sheet prints one Legal page wide at a legible size (core/printing)
PLAN_COLUMNS = (
    PlanColumn(NUMBER, True, "number", 7, ("N°", "Numéro", "Num", "No action", "Numéro de l'action"),
               "Numéro de l'action, gardé tel quel : 2.1 et 2.10 sont deux actions."),
    PlanColumn(AXE, True, "text", 18, ("Axe d'intervention", "Champ d'intervention"),
               "Axe (champ d'intervention) du plan."),
    PlanColumn(OBJECTIVE, False, "text", 22, (), "Objectif poursuivi par l'action."),
    PlanColumn(ACTION, True, "text", 40, ("Actions", "Description de l'action"),
               "Ce qui sera fait, en une ou deux phrases.", print_width=30),
    PlanColumn(LEAD, True, "service", 20,
               ("Service", "Responsable de l'action", "Porteur", "Service porteur"),
               "Doit être un service de la feuille Services."),
    PlanColumn(PARTNERS, False, "text", 18, ("Partenaire",), "Organismes associés."),
    PlanColumn(START, False, "period_start", 11, ("Date de début", "Année de début"),
               "Année (2025 = 1er janvier) ou date."),
    PlanColumn(END, False, "period_end", 11, ("Date de fin", "Échéance", "Année de fin"),
               "Année (2027 = 31 décembre) ou date, pas avant le début."),
    PlanColumn(BUDGET, False, "money", 13, ("Budget", "Budget prévu"),
               "Montant en dollars, positif ou nul."),
    PlanColumn(INDICATOR, False, "text", 22, ("Indicateurs",), "Ce qu'on mesurera."),
    PlanColumn(TARGET, False, "text", 14, ("Cibles",), "Valeur visée de l'indicateur."),
)

# the headers of the plan's Services sheet, and the lines of its Paramètres sheet, by name
SERVICE, SERVICE_PERSON, SERVICE_EMAIL = "Service", "Responsable", "Courriel"
SERVICE_COLUMNS = (
    PlanColumn(SERVICE, True, "text", 40, ("Services", "Nom du service")),
    PlanColumn(SERVICE_PERSON, False, "text", 28, ("Personne responsable",)),
    PlanColumn(SERVICE_EMAIL, False, "text", 32, ("Adresse courriel", "Courriel du responsable", "Email", "E-mail")),
)

MUNICIPALITY, PLAN_TITLE, COORDINATOR, COORDINATOR_EMAIL = PARAMETERS = (
    "Municipalité", "Titre du plan", "Coordonnateur", "Courriel du coordonnateur")
# written by `modele` and `importer`: the plan's identity, kept when its title or municipality is corrected
PLAN_ID = "Identifiant du plan"


# the tracking headers other modules name (the declarations below are the only place they are spelt)
STATUS, PROGRESS, ACTUAL_START, ACTUAL_END, SPENT, RESULT = (
    "Statut", "Avancement (%)", "Date de début réelle", "Date de fin réelle", "Dépenses réelles ($)",
    "Résultat de l'indicateur")
SUPPORT, OBSTACLES, COMMENTS = "Besoin de soutien", "Obstacles", "Commentaires"


@dataclass(frozen=True)
class TrackingColumn:
    """A column a service fills; `kind` selects the reader and the Excel rule."""

    header: str
    kind: str  # status | percent | date | money | text | yesno | target
    width: int
    prompt: str  # input message shown in Excel (255 characters at most)
    error: str  # error alert shown in Excel (255 characters at most)
    number_format: str | None = None
    aliases: tuple[str, ...] = field(default=())
    # added after the first forms went out: a form without it is read without complaint
    optional: bool = False
    # a remark of the period itself, never carried into the next period's pre-filled form
    of_the_period: bool = False
    print_width: float | None = None  # on paper, where it differs from `printed_width`'s rule

    def __post_init__(self) -> None:
        # checked when the module is imported: a declaration Excel would refuse never reaches a form
        if self.kind not in TRACKING_KINDS:
            raise ValueError(f"{self.header}: unknown kind {self.kind!r}")
        if len(self.header) > TITLE_LIMIT or max(len(self.prompt), len(self.error)) > MESSAGE_LIMIT:
            raise ValueError(f"{self.header}: past Excel's limits on a validation's title or message")

    def keys(self) -> set[str]:
        return {match_key(self.header)} | {match_key(a) for a in self.aliases}

    @property
    def printed_width(self) -> float:
        return printed_width(self.kind, self.width, self.print_width)


TRACKING_COLUMNS = (
    TrackingColumn(STATUS, "status", 14,
                   "Choisissez l'état de l'action dans la liste.",
                   f"Choisissez un statut de la liste : {STATUS_LIST}.", aliases=("État", "Etat de l'action")),
    TrackingColumn(PROGRESS, "percent", 12,
                   "Nombre entier de 0 à 100 (sans le signe %).",
                   "L'avancement est un nombre entier de 0 à 100.", "0",
                   aliases=("Avancement", "% avancement", "Pourcentage d'avancement")),
    TrackingColumn(ACTUAL_START, "date", 13,
                   "Date à laquelle l'action a réellement commencé (aaaa-mm-jj).",
                   "Entrez une date, par exemple 2026-03-15.", "yyyy-mm-dd",
                   aliases=("Début réel",)),
    TrackingColumn(ACTUAL_END, "date", 13,
                   "Date à laquelle l'action a été terminée (aaaa-mm-jj).",
                   "Entrez une date, par exemple 2026-03-15.", "yyyy-mm-dd",
                   aliases=("Fin réelle",)),
    TrackingColumn(SPENT, "money", 14,
                   "Montant dépensé à ce jour, en dollars.",
                   "Les dépenses sont un montant positif ou nul.", '#,##0.00 "$"',
                   aliases=("Dépenses réelles", "Dépenses")),
    TrackingColumn(RESULT, "text", 25,
                   "Valeur mesurée de l'indicateur pour la période.", "",
                   aliases=("Résultat", "Résultat indicateur")),
    TrackingColumn(TARGET_MET, "target", 12,
                   "La cible est-elle atteinte ? Laissez vide si le résultat est un nombre : "
                   "le rapport le calcule à partir de la cible.",
                   "Choisissez Oui, En partie, Non ou Sans objet.",
                   aliases=("Cible atteinte ?", "Atteinte de la cible"), optional=True, of_the_period=True),
    TrackingColumn(SUPPORT, "yesno", 11,
                   "Oui si le service a besoin d'aide pour avancer.",
                   "Choisissez Oui ou Non.", aliases=("Besoin d'aide", "Soutien requis"), of_the_period=True),
    TrackingColumn(OBSTACLES, "text", 30,
                   "Ce qui freine l'action, s'il y a lieu.", "", aliases=("Obstacle", "Difficultés"),
                   of_the_period=True),
    TrackingColumn(GOOD_NEWS, "text", 30,
                   "Une réussite à faire connaître au comité et à la population, en une ou deux phrases.", "",
                   aliases=("Bons coups", "Bon coup de la période"), optional=True, of_the_period=True),
    TrackingColumn(COMMENTS, "text", 35,
                   "Précisions, prochaines étapes.", "", aliases=("Commentaire", "Remarques"),
                   of_the_period=True),
)

TRACKING_HEADERS = tuple(c.header for c in TRACKING_COLUMNS)
# what a service says about the period itself: never carried into the next period's forms, unlike the
# action's state (status, progress, dates, spending, result) (§13)
PERIOD_REMARKS = tuple(c.header for c in TRACKING_COLUMNS if c.of_the_period)


_KEY_TABLES: dict[tuple, dict[str, object]] = {}


def find_column(header: object, columns) -> object | None:
    """The declared column whose header (or alias) matches `header` loosely, or None."""
    key = match_key(header)
    if not key:
        return None
    columns = tuple(columns)
    table = _KEY_TABLES.get(columns)
    if table is None:  # built once per set of columns: every header of every tab is matched here
        table = {}
        for column in reversed(columns):
            for alias in column.keys():
                table[alias] = column
        _KEY_TABLES[columns] = table
    return table.get(key)

PLAN_TOTAL = "Ensemble du plan"  # the total row of every per-service and per-axe table
# the columns consolidation adds to the plan's and tracking columns, which history, report and region read
LATE, SOURCE = "En retard", "Source"  # Oui/Non: due by now and not done; where the retained answers came from
PERIOD = "Période"  # the period of each row the history gives back
# the columns of the tables that count actions (per service in a form's Sommaire, per axe, per municipality)
RATE = "Taux de réalisation"  # the share of actions done or ongoing
COUNT = "Actions"  # how many actions a row of a table counts (an axe, a service, a municipality)

