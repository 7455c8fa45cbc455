"""Errors that stop a command, said by the command line itself (cli/): an output it will not replace, an
option's value it cannot use. The message starts lower-case: it follows « Erreur : »."""

from __future__ import annotations

COMMAND_ERRORS: dict[str, str] = {
    # an output the command will not replace (modele, importer, generer, bilan)
    "model-exists": "« {path} » existe déjà : choisissez un autre nom ou ajoutez --ecraser.",
    "import-over-source": "« {path} » est le plan adopté lui-même : il n'est jamais modifié ; choisissez un autre nom "
                          "avec -o.",
    "import-output-exists": "« {path} » existe déjà : choisissez un autre nom avec -o ou ajoutez --ecraser.",
    "period-generated": "la période {period} est déjà générée ; ces fichiers existent et seraient remplacés (rien "
                        "n'est écrit) :\n{files}\nChoisissez un autre nom avec -o ou --par-service, ou ajoutez "
                        "--ecraser pour les remplacer.",
    "period-generated-more": "la période {period} est déjà générée ; ces fichiers existent et seraient remplacés (rien "
                             "n'est écrit) :\n{files}\n  … et {more} autre(s)\nChoisissez un autre nom avec -o ou "
                             "--par-service, ou ajoutez --ecraser pour les remplacer.",
    "bilan-not-docx": "« {name} » : le bilan s'écrit en Word (.docx, avec son PDF à côté) ou en classeur (.xlsx) ; "
                      "choisissez un nom qui finit par .docx.",
    "bilan-exists": "« {path} » existe déjà (il a peut-être été retouché) : choisissez un autre nom avec -o ou ajoutez "
                    "--ecraser.",
    "bilan-workbook-for-a-year": "le classeur du bilan (.xlsx) se fait pour une année (--annee) ; pour une période ou "
                                 "tout le plan, écrivez le document Word (-o bilan.docx).",
    # nothing to work on ({files}: a line per file set aside)
    "no-report-to-gather": "aucun rapport de « suivi-excel consolider » trouvé dans « {folder} » ; rien n'est "
                           "écrit.{files}",
    "no-report-of-the-period": "aucun rapport de « suivi-excel consolider » trouvé dans « {folder} » pour la période "
                               "{period} ; rien n'est écrit.{files}",
    "no-correction-workbook": "aucun classeur de correction dans « {folder} » : indiquez le dossier écrit par "
                              "« suivi-excel consolider … --corrections DOSSIER ».{set_aside}",
    # the demonstration replaces and deletes its own files only
    # what a command writes: an Excel name, never over what it reads (cli/outputs.py)
    "output-not-xlsx": "« {name} » : ce classeur s'écrit au format Excel ; choisissez un nom qui finit par .xlsx.",
    "output-is-the-plan": "« {output} » est le plan lui-même : il n'est jamais remplacé. Choisissez un autre nom "
                          "avec -o.",
    "output-is-a-return": "« {output} » est parmi les retours à lire : il y serait lu comme un retour, ou en "
                          "remplacerait un. Écrivez le rapport hors du dossier des retours, avec -o.",
    "output-is-a-report": "« {output} » est dans le dossier des rapports regroupés « {folder} » : il y serait lu "
                          "comme un rapport, ou en remplacerait un. Écrivez le bilan régional hors de ce dossier, "
                          "avec -o.",
    "corrections-among-returns": "le dossier des corrections « {folder} » est, contient ou est dans le dossier des "
                                 "retours : les classeurs de correction y seraient relus comme des retours des "
                                 "services. Choisissez un autre dossier avec --corrections.",
    "demo-folder-unwritable": "impossible de créer le dossier « {folder} » ({why}) : donnez à la démonstration un "
                              "dossier où vous pouvez écrire.",
    "demo-folder-is-a-file": "« {folder} » est un fichier : donnez à la démonstration un dossier vide ou nouveau.",
    # {files}: the first five, then AND_MORE
    "demo-folder-not-its-own": "le dossier « {folder} » contient des fichiers que la démonstration n'a pas écrits, ou "
                               "qui ont changé depuis ({files}) : elle n'efface ni ne remplace rien de vos fichiers. "
                               "Choisissez un dossier vide ou nouveau, par exemple « suivi-excel demo essai-demo ».",
    # a defect of the tool itself (cli/defect.py, exit 3): the details go to a file, never the screen
    "tool-defect": "la commande s'est arrêtée sur un défaut de suivi-excel (ce n'est pas une erreur de votre part). "
                   "Les détails sont dans « {details} » : envoyez ce fichier à la personne qui maintient l'outil.",
    "tool-defect-no-details": "la commande s'est arrêtée sur un défaut de suivi-excel (ce n'est pas une erreur de "
                              "votre part). Les détails n'ont pu être écrits nulle part.",
    # an option's value click cannot use (shown after « Valeur invalide pour '--option' : »)
    "option-not-a-date": "« {value} » n'est pas une date : écrivez par exemple 2026-03-31.",
    "option-terms": "« {value} » : écrivez les années de chaque terme, par exemple court=2025,moyen=2026-2027,long=2028.",
    "option-one-bilan-span": "indiquez une seule de ces options : --annee ANNÉE, --periode PÉRIODE ou --plan.",
    "option-one-bilan-span-given": "indiquez une seule de ces options : --annee ANNÉE, --periode PÉRIODE ou --plan "
                                   "(reçu : {given}).",
}
# what a defect's message follows on stderr (a user's error follows « Erreur : »)
DEFECT_LABEL = "Défaut de l'outil : "
