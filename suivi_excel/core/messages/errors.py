"""Errors that stop a command (`errors.SuiviError.of`), said by the stages that read returns, keep the
history and gather reports. The message starts lower-case: it follows « Erreur : »."""

from __future__ import annotations

CORE_ERRORS: dict[str, str] = {
    "nothing-found": "aucun fichier .xlsx trouvé dans les retours indiqués : vérifiez le dossier des retours "
                     "(les fichiers doivent venir de « suivi-excel generer »).",
    "nothing-recognized": "aucun formulaire de suivi reconnu parmi les fichiers lus : vérifiez le dossier des "
                          "retours (les fichiers doivent venir de « suivi-excel generer »).",
    "nothing-of-this-plan": "aucun formulaire de ce plan n'a pu être lu (précisez --periode pour consolider malgré "
                            "tout) : vérifiez le dossier des retours (les fichiers doivent venir de « suivi-excel "
                            "generer »).",
    # writing an output (core/atomic.py): the previous file is always left whole
    # {option}: the option of the command line that chose the folder (core/atomic.chosen_by), -o by default
    "write-folder": "impossible d'écrire dans le dossier « {folder} » ({why}) : choisissez un autre dossier avec "
                    "{option}.",
    "write-disk-full": "impossible d'écrire « {target} » : plus assez de place sur le disque ({why}). Libérez de la "
                       "place ou choisissez un autre dossier avec {option}. Le fichier précédent, s'il existait, est "
                       "intact.",
    "write-busy": "impossible d'écrire « {target} » ({why}) : fermez le fichier s'il est ouvert dans Excel, ou "
                  "choisissez un autre nom avec {option}. Le fichier précédent, s'il existait, est intact.",
    "write-failed": "impossible d'écrire « {target} » ({why}) : choisissez un autre dossier ou nom avec {option}. Le "
                    "fichier précédent, s'il existait, est intact.",
    # the history (history/store.py): refused untouched
    "history-cannot-open": "impossible d'écrire ni de lire l'historique « {path} » ({why}) : choisissez un autre "
                           "emplacement avec --historique ou -o.",
    "history-cannot-write": "impossible d'écrire l'historique « {path} » ({why}) : choisissez un autre emplacement avec "
                            "--historique ou -o.",
    "history-unreadable": "l'historique « {path} » est illisible ou verrouillé ({why}) : vérifiez qu'il s'agit bien "
                          "d'un fichier d'historique de suivi-excel.",
    "history-newer": "l'historique « {path} » a été écrit par une version plus récente de suivi-excel (format "
                     "{version}, celle-ci lit le format {ours}) : mettez suivi-excel à jour, ou indiquez un autre "
                     "historique avec --historique. Il n'a pas été modifié.",
    "history-bad-period": "l'historique « {path} » contient une période illisible (« {label} ») : il a été modifié "
                          "hors de suivi-excel. Indiquez un autre historique avec --historique ; celui-ci n'a pas été "
                          "modifié.",
    "history-bad-value": "l'historique « {path} » contient une valeur illisible ({column} « {value} ») : il a été "
                         "modifié hors de suivi-excel. Corrigez-la, ou indiquez un autre historique avec --historique "
                         "; celui-ci n'a pas été modifié.",
    # the table of axes of `regrouper --axes` (region/rollup.py)
    "axes-refused": "la table des axes « {path} » ne peut pas être ouverte : {reason}. Donnez un classeur ou un CSV "
                    "à deux colonnes, l'axe local puis l'axe régional.",
    "axes-unreadable": "la table des axes « {path} » est illisible ({reason}) : donnez un classeur ou un CSV à deux "
                       "colonnes, l'axe local puis l'axe régional.",
    "axes-empty": "la table des axes « {path} » ne contient aucune paire (axe local, axe régional).",
    "axes-none-match": "aucun axe des rapports (par exemple « {example} ») ne figure dans la première colonne de la "
                       "table des axes « {path} » : elle donne l'axe local tel que les plans l'écrivent, puis l'axe "
                       "régional. Rien n'est écrit.",
    # consolidating
    "hidden-plan-unreadable": "le plan caché dans « {name} » est illisible ({why}) : indiquez le plan avec --plan.",
    "workbook-refused": "{what} « {path} » ne peut pas être ouvert : {reason}. Indiquez un classeur Excel (.xlsx) "
                        "lisible.",
    "workbook-unreadable": "{what} « {path} » ne peut pas être lu ({reason}) : ouvrez-le dans Excel et "
                           "enregistrez-le de nouveau au format .xlsx.",
    "reader-died": "{what} « {path} » fait échouer le programme de lecture (fichier endommagé ou piégé) : "
                   "ouvrez-le dans Excel ou LibreOffice, enregistrez-le de nouveau au format .xlsx et relancez "
                   "la commande.",
    # a period label (core/periods.py): said as a ValueError, placed by whoever read the label
    "period-invalid": "« {label} » n'est pas une période : écrivez une année (2026), un semestre (2026-S1, 2026-S2) "
                      "ou un trimestre (2026-T1 à 2026-T4).",
    "period-semester": "« {label} » : une année n'a que deux semestres (S1 et S2).",
    # the plan workbook (core/errors.PlanInvalid), every problem listed under the first line
    "plan-invalid": "le plan « {path} » contient {count} problème(s) ; rien n'a été écrit.\n{problems}\nCorrigez le "
                    "plan puis relancez la commande.",
}
# the file a `workbook-*` or `reader-died` error names ({what}), by what the command was reading it as
# why SQLite refused the history (the {why} of the history's errors), by SQLite's primary result code
HISTORY_REASONS = {
    "not-a-database": "ce n'est pas un fichier d'historique",
    "not-ours": "c'est une base SQLite, mais pas un historique de suivi-excel",
    "damaged": "fichier endommagé",
    "busy": "utilisé par une autre commande en cours",
    "read-only": "en lecture seule",
    "cannot-open": "le fichier ne peut être ni ouvert ni créé à cet endroit",
    "disk-full": "disque plein",
}

FILE_KINDS = {"workbook": "le classeur", "plan": "le plan", "adopted-plan": "le plan adopté", "report": "le rapport",
              "file": "le fichier"}
# a warning, the command goes on (history/kinship.py): the history knows this plan under another identity;
# said after `generer` (the forms are not pre-filled) or after `consolider` (the report shows no evolution),
# {plan_file} being one of KIN_PLAN_FILES
KIN_NOTICES: dict[str, str] = {
    "kin-generate": "Attention : l'historique « {store} » contient les périodes {periods} d'un plan dont {matching} "
                    "des {actions} actions correspondent à celles-ci (« {label} »), mais sous une autre identité "
                    "(titre ou municipalité corrigés, ou plan importé de nouveau) : les formulaires ne sont pas "
                    "pré-remplis. Pour relier ce plan à son historique, inscrivez « {identity} » à la ligne "
                    "« {line} » de la feuille Paramètres de {plan_file} (ajoutez la ligne si elle manque), puis "
                    "relancez la commande.",
    "kin-consolidate": "Attention : l'historique « {store} » contient les périodes {periods} d'un plan dont "
                       "{matching} des {actions} actions correspondent à celles-ci (« {label} »), mais sous une autre "
                       "identité (titre ou municipalité corrigés, ou plan importé de nouveau) : ce rapport ne montre "
                       "pas l'évolution depuis ces périodes et les formulaires de la prochaine période ne seraient "
                       "pas pré-remplis. Pour relier ce plan à son historique, inscrivez « {identity} » à la ligne "
                       "« {line} » de la feuille Paramètres de {plan_file} (ajoutez la ligne si elle manque), puis "
                       "générez les formulaires de la prochaine période à partir de ce plan : ils reprendront "
                       "l'historique (cette période-ci y reste enregistrée à part).",
}
# the plan file a kin notice names: the one given with --plan, or the one the returns carry hidden
KIN_PLAN_FILES = {"given": "« {path} »", "hidden": "votre plan"}
# the files listed under an error, and how many more were not shown
AND_MORE = "{first} et {more} autre(s)"  # in a sentence: the first ones, then how many more
LISTED_FILE = "  - {file} : {problem}"
LISTED_MORE = "  … et {count} autre(s)."
