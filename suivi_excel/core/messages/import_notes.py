"""What `importer` says it guessed or set aside (the « À vérifier » sheet of the plan it writes), by code.

Each note reads « what was found : what was done » (`Note.of`, plan/tables.py); the text it was read
from goes in its own column. A guess that changed several actions is said once (`ACTIONS`)."""

from __future__ import annotations

from suivi_excel.core.messages.errors import AND_MORE  # noqa: F401 - notes say it too (plan/settle, plan/coverage)

IMPORT_NOTES: dict[str, str] = {
    # the tables and their headers (plan/tables.py, plan/extract.py)
    "header-read-as": "en-tête lu comme « {header} »",
    "column-kept": "colonne sans équivalent dans le plan : reprise telle quelle (colonne « {title} »)",
    "header-two-rows": "en-tête sur deux lignes : « {group} » au-dessus de {columns}",
    "ticked-columns": "colonnes cochées lues comme l'échéancier",
    "header-cut-by-page": "en-tête coupé par le saut de page : complété par cette ligne",
    "table-continued": "tableau sans en-tête : lu comme la suite du tableau précédent",
    "table-set-aside": "tableau sans en-tête reconnu : laissé de côté",
    "title-row-set-aside": "ligne au-dessus du tableau (titre) : laissée de côté",
    "axe-from-heading": "axe lu dans le titre qui précède le tableau",
    "axe-from-sheet": "axe lu dans le nom de la feuille",
    "section-as-axe": "ligne de section lue comme un axe",
    "section-as-objective": "ligne de section lue comme un objectif",
    "section-unused": "ligne de texte sans action en dessous : laissée de côté",
    "legend-read": "légende : lue pour les années",
    "note-set-aside": "ligne de note : laissée de côté",
    "row-without-action": "ligne sans action : laissée de côté",
    "fiche-row-unlabelled": "ligne de la fiche sans étiquette : laissée de côté",
    "fiche-label-read-as": "étiquette de fiche lue comme « {header} »",
    "fiche-label-kept": "étiquette de fiche sans équivalent : reprise telle quelle (colonne « {label} »)",
    # a PDF's pages and narrow columns (plan/pages.py)
    "word-maybe-cut": "mot peut-être coupé en deux par une colonne étroite du PDF : à recoller s'il le faut",
    "row-joined-to-previous": "ligne rattachée à l'action précédente (suite de son texte)",
    "word-cut-by-page": "mot coupé par le saut de page, recollé",
    # the self-test (plan/coverage.py)
    "words-missing": "mots du plan adopté non repris dans le plan écrit : vérifiez ce tableau (une cellule a pu être "
                     "mal lue)",
    # the plan settled as a whole (plan/settle.py): its years and terms
    "first-year-from-legend": "première année du plan lue dans sa légende",
    "first-year-given": "première année du plan donnée par --debut",
    "years-from-title": "années du plan lues dans le titre : {first} à {last}",
    "years-from-ticks": "années du plan déduites des colonnes d'années : {first} à {last}",
    "terms-given": "années des termes données par --termes",
    "terms-from-legend": "années des termes lues dans la légende du plan",
    # … each action: its axe, lead, partners, schedule, budget
    "axe-carried-down": "axe vide dans sa colonne : repris de l'action au-dessus (écrit une fois par groupe)",
    "objective-carried-down": "objectif vide dans sa colonne : repris de l'action au-dessus (écrit une fois par "
                              "groupe)",
    "no-axe": "aucun axe trouvé : « {placeholder} » inscrit",
    "roles-from-matrix": "responsable et partenaires lus dans les colonnes des services (R, P)",
    "matrix-no-single-lead": "colonnes des services : pas un seul service marqué responsable (R) ; le premier marqué "
                             "mène l'action",
    "no-lead": "aucun responsable : « {placeholder} » inscrit",
    "shared-lead": "responsable partagé : « {lead} » mène l'action, {partners} en partenaires",
    "service-spelt-otherwise": "service écrit autrement ailleurs : lu comme « {service} »",
    "partners-none": "partenaires « aucun » : laissés vides",
    "partners-one-per-line": "partenaires écrits un par ligne : séparés par « ; »",
    "partners-uncertain": "partenaires sur plusieurs lignes du PDF lus comme un seul nom : séparez-les par « ; » "
                          "s'il y en a plusieurs",
    "indicator-none": "indicateur « aucun » : laissé vide",
    "target-none": "cible « aucun » : laissé vide",
    "budget-kept-as-text": "budget sans montant lisible : gardé en texte",
    "unusual-tick": "marque inhabituelle dans une colonne de l'échéancier, lue comme cochée",
    "term-columns-without-years": "colonnes par terme sans années connues : précisez --termes (par exemple --termes "
                                  "court=2025,moyen=2026-2027,long=2028)",
    "ranks-without-first-year": "années relatives sans première année du plan : précisez --debut",
    "terms-ticked": "termes cochés lus en années selon la légende ou --termes",
    "schedule-read-as": "échéancier « {written} » lu comme {first} à {last}",
    "schedule-without-years": "échéancier relatif ou continu sans années du plan connues : précisez --debut ANNÉE",
    "schedule-term-without-years": "échéancier par terme sans années connues : précisez --termes",
    "schedule-unreadable": "échéancier sans année lisible : Début et Fin laissés vides",
    "schedule-end-first": "fin avant le début dans l'échéancier : à corriger",
    "no-schedule": "action sans échéancier : Début et Fin laissés vides",
    # … and the plan as a whole: numbers, axes, services
    "numbered": "action sans numéro : numérotée {assigned}",
    "renumbered": "numéro déjà pris par une autre action : renuméroté {assigned}",
    "axe-named": "axe écrit par son numéro : nommé comme le plan le nomme ailleurs",
    "axe-only-number": "axe réduit à un numéro ou une lettre : écrivez son nom",
    "lead-looks-like-several": "service responsable qui ressemble à un nom suivi de partenaires : à séparer",
    "axe-looks-like-header": "axe qui ressemble à un en-tête ou à une note : à vérifier",
    "many-leads": "{count} services responsables, plus qu'une municipalité n'en compte d'habitude : des partenaires "
                  "ont peut-être été lus comme responsables",
}
# a guess said once for the actions it changed: how many, and the place of the first
ONE_ACTION = "{what} (1 action)"
ACTIONS = "{what} ({count} actions)"
QUOTED = "« {name} »"  # a name inside a note (`header-two-rows`, `shared-lead`)
TERM_YEARS = "{term} terme : {first}–{last}"  # the text of `terms-given`, one term each
# where a note was read in the adopted plan (the « Où » column): a sheet, a Word table, a PDF page, a row in one
SHEET_PLACE = "feuille « {sheet} »"
TABLE_PLACE = "tableau {number}"
PAGE_PLACE = "page {page}"
PAGE_TABLE_PLACE = "page {page}, tableau {number}"
ROW_PLACE = "{table}, ligne {row}"
CELL_PLACE = "{table}, ligne {row}, colonne {column}"
HEADERS_PLACE = "en-têtes des tableaux"  # where `words-missing` says words of the headers are
