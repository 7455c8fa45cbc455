"""Errors that stop a command, said while reading the plan workbook and importing an adopted plan (plan/).
The message starts lower-case: it follows « Erreur : »."""

from __future__ import annotations

PLAN_ERRORS: dict[str, str] = {
    # a plan as the council adopted it, given where the plan workbook is expected (plan/reading.py)
    "plan-is-adopted": "« {path} » n'est pas un classeur de plan de suivi-excel (il n'a ni feuille Actions ni feuille "
                       "Services ; feuilles présentes : {present}) : si c'est le plan adopté, faites-en d'abord le "
                       "classeur de plan avec « {importer} », vérifiez-le, puis donnez plan.xlsx à la commande ; pour "
                       "partir d'un plan vierge : « {model} ».",
    "plan-is-a-document": "« {path} » est un document (Word ou PDF), pas le classeur de plan : faites-en d'abord le "
                          "classeur de plan avec « {importer} », vérifiez-le, puis donnez plan.xlsx à la commande.",
    # opening the plan workbook (plan/opening.py)
    "workbook-encrypted": "{what} « {path} » ne peut pas être ouvert : protégé par un mot de passe. Indiquez un "
                          "classeur Excel (.xlsx) lisible.",
    # the adopted plan `importer` reads (plan/sources.py, plan/importing.py)
    "source-format": "« {name} » : format {suffix} non reconnu. Donnez le plan adopté en Excel (.xlsx, .xlsm), "
                     "OpenDocument (.ods), Word (.docx) ou PDF (.pdf) ; un ancien .doc ou .xls s'enregistre dans le "
                     "format récent depuis Word ou Excel.",
    "source-cannot-read": "« {path} » ne peut pas être lu ({why}).",
    "source-pdf-too-big": "« {name} » pèse plus de {megabytes} Mo : ce n'est pas un plan d'action.",
    "source-encrypted": "« {name} » ne peut pas être ouvert : il est protégé par un mot de passe. Enregistrez-le de "
                        "nouveau depuis Word ou votre tableur, au format récent et sans mot de passe.",
    "source-not-office": "« {name} » ne peut pas être ouvert : c'est un ancien format (.doc, .xls) ou un autre type "
                         "de fichier renommé. Enregistrez-le de nouveau depuis Word ou votre tableur, au format récent "
                         "et sans mot de passe.",
    "source-refused": "« {name} » ne peut pas être ouvert : {reason}. Enregistrez-le de nouveau depuis Word ou votre "
                      "tableur, au format récent et sans mot de passe.",
    "merges-too-many": "« {file} », feuille « {sheet} » : plus de {limit} cellules fusionnées ; ce n'est pas la mise "
                       "en page d'un plan. Défusionnez-les dans votre tableur, enregistrez le fichier, puis relancez "
                       "l'importation.",
    "source-workbook-unreadable": "« {name} » ne peut pas être lu ({reason}) : ouvrez-le dans votre tableur, vérifiez "
                                  "les cellules de dates, et enregistrez-le de nouveau.",
    "source-word-unreadable": "« {name} » ne peut pas être lu comme un document Word ({reason}) : enregistrez-le de "
                              "nouveau au format .docx.",
    "source-pdf-pages": "« {name} » compte {pages} pages : ce n'est pas un plan d'action (au plus {limit}).",
    "source-pdf-unreadable": "« {name} » ne peut pas être lu comme un PDF ({reason}) : utilisez plutôt le document "
                             "Word ou Excel d'origine.",
    "source-scanned": "« {name} » ne contient pas de texte : c'est sans doute un document numérisé (une image). "
                      "Utilisez le document Word ou Excel d'origine, ou un PDF exporté depuis Word, pas numérisé.",
    "no-plan-table": "aucun tableau de plan d'action trouvé dans « {name} » : il faut un tableau dont l'en-tête nomme "
                     "au moins les actions (Action, Moyen d'action, Mesure…) et une autre colonne (Axe, Objectif, "
                     "Responsable, Échéancier…), ou une fiche par action (Action, Responsable, Échéancier… dans la "
                     "première colonne). Rien n'a été écrit.",
}
# what `source-format` says of a file name without a suffix
NO_SUFFIX = "sans extension"

HEADER_ROW = "ligne 1"  # where a problem of the Actions sheet's header is, said in place of a cell
# What is wrong in the plan workbook, one problem per cell (`PlanProblem`, plan/reading.py): all are listed
# under « le plan … contient N problème(s) », each after its sheet and cell.
PLAN_PROBLEMS: dict[str, str] = {
    "sheet-missing": "feuille « {name} » introuvable (feuilles présentes : {present}).",
    # the Services sheet
    "services-empty": "la feuille est vide : ajoutez l'en-tête Service, Responsable, Courriel et une ligne par "
                      "service.",
    "service-column-missing": "colonne « Service » introuvable dans l'en-tête.",
    "email-invalid": "adresse courriel « {email} » invalide.",
    "service-name-missing": "nom de service manquant.",
    "service-twice": "le service « {name} » est déjà à la ligne {line} : chaque service n'apparaît qu'une fois.",
    "no-service": "aucun service : ajoutez une ligne par service.",
    # the Actions sheet
    "actions-empty": "la feuille est vide.",
    "column-missing": "colonne obligatoire « {header} » introuvable dans l'en-tête.",
    "number-missing": "numéro d'action manquant.",
    "number-twice": "le numéro {number} est déjà utilisé à la ligne {line} : chaque action a un numéro unique.",
    "value-missing": "« {header} » manquant pour l'action {number}.",
    "lead-missing": "service responsable manquant pour l'action {number}.",
    "lead-unknown": "le service « {service} » n'est pas dans la feuille Services.",
    "lead-unknown-close": "le service « {service} » n'est pas dans la feuille Services. Vouliez-vous dire "
                          "« {close} » ?",
    "plan-date-unreadable": "« {value} » n'est ni une année (2025) ni une date (2025-03-15).",
    "end-before-start": "la fin ({end}) précède le début ({start}) de l'action {number}.",
    "budget-negative": "budget négatif : inscrivez un montant positif ou nul.",
    "budget-unreadable": "budget « {value} » illisible.",
    "no-action": "aucune action : ajoutez une ligne par action.",
}
