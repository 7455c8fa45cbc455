"""Every French sentence the tool says about data, in one catalogue.

Templates put the place first (it is also in the Fichier/Feuille/Cellule columns),
then what is wrong, then what to do. Placeholders: {value} is the raw value.
"""

from __future__ import annotations

from suivi_excel.core.columns import STATUSES

E, W, I = "Erreur", "Avertissement", "Info"

ANOMALIES: dict[str, tuple[str, str]] = {
    # values in a returned tab
    "status-unknown": (E, "Statut « {value} » inconnu : choisissez une valeur de la liste "
                          f"({', '.join(STATUSES)}). L'action est marquée « À vérifier »."),
    "status-missing": (W, "Aucun statut pour l'action {action}, mais d'autres colonnes sont remplies : "
                          "indiquez le statut. L'action est comptée « Non renseigné »."),
    "percent-unreadable": (E, "Avancement « {value} » illisible : inscrivez un nombre entier de 0 à 100. "
                              "La valeur est ignorée."),
    "percent-out-of-range": (E, "Avancement « {value} » hors de 0 à 100 : corrigez la valeur. "
                                "Elle est ignorée."),
    "percent-rounded": (I, "Avancement « {value} » arrondi à {rounded} (nombre entier attendu)."),
    "date-unreadable": (E, "Date « {value} » illisible : inscrivez une date comme 2026-03-15 ou "
                           "15/03/2026. La valeur est ignorée."),
    "dates-reversed": (W, "La date de fin réelle ({value}) précède la date de début réelle ({start}) : "
                          "vérifiez les deux dates."),
    "money-unreadable": (E, "Montant « {value} » illisible : inscrivez un nombre, par exemple 1 234,56. "
                            "La valeur est ignorée."),
    "money-negative": (E, "Montant négatif « {value} » : les dépenses sont positives ou nulles. "
                          "La valeur est ignorée."),
    "yesno-unknown": (E, "« {value} » n'est ni Oui ni Non : choisissez Oui ou Non. La valeur est ignorée."),
    "target-unknown": (E, "« {value} » n'est pas une réponse de la liste : choisissez Oui, En partie, Non ou "
                          "Sans objet. La valeur est ignorée."),
    "target-contradicted": (W, "L'action {action} indique « {value} » pour la cible atteinte, mais le résultat "
                               "« {result} » représente {share} de la cible « {target} » : corrigez la réponse "
                               "ou le résultat."),
    "done-below-100": (W, "L'action {action} est « Réalisée » mais son avancement est de {value} % : "
                          "corrigez le statut ou l'avancement."),
    "postponed-no-obstacle": (W, "L'action {action} est « Reportée » sans obstacle indiqué : écrivez dans "
                                 "Obstacles ce qui la fait reporter, pour que le comité puisse aider."),
    "not-started-above-0": (W, "L'action {action} est « Non débutée » mais son avancement est de {value} % : "
                               "corrigez le statut ou l'avancement."),
    # structure of a returned tab
    "action-unknown": (E, "Numéro d'action « {value} » absent du plan : cette ligne est ignorée. "
                          "Ne créez pas d'action dans le formulaire ; écrivez au coordonnateur."),
    "action-duplicate": (E, "L'action {value} apparaît plus d'une fois dans l'onglet : seule la première "
                            "ligne ({first}) est retenue. Supprimez le doublon."),
    "action-other-service": (W, "L'action {value} relève du service « {owner} » selon le plan, pas de "
                                "« {service} » : ses valeurs sont tout de même retenues."),
    "action-renumbered": (I, "L'action {value} porte maintenant le numéro {new} dans le plan révisé : ses "
                             "valeurs sont comptées pour l'action {new}."),
    "action-removed": (W, "L'action {value} a été retirée du plan révisé : ses valeurs ne sont pas "
                          "consolidées."),
    "return-unchanged": (I, "Le formulaire pré-rempli a été renvoyé sans modification : les valeurs de la "
                            "période précédente sont reprises pour le service « {service} »."),
    "actions-missing": (W, "{count} action(s) du service manquent dans l'onglet ({value}) : "
                           "elles sont comptées « Non renseigné ». Remettez les lignes supprimées."),
    "header-missing": (E, "Colonne « {value} » introuvable dans l'en-tête : elle n'est pas lue. "
                          "Ne renommez pas et ne supprimez pas les colonnes du formulaire."),
    "no-action-column": (E, "Aucune colonne « No » dans l'onglet : il ne peut pas être lu. "
                            "Renvoyez le formulaire sans modifier ses colonnes."),
    "tab-unknown": (E, "L'onglet « {value} » ne correspond à aucun service du plan : il est ignoré."),
    # returns as a whole
    "return-superseded": (W, "Le service « {service} » a envoyé plus d'un retour : celui de {winner} "
                             "(enregistré le {winner_saved}) est retenu, celui-ci (enregistré le "
                             "{saved}) est ignoré."),
    "return-corrected": (I, "Le service « {service} » a renvoyé son classeur de correction : le retour corrigé "
                            "({winner}, enregistré le {winner_saved}) est retenu à la place de celui-ci "
                            "(enregistré le {saved})."),
    "service-no-return": (W, "Aucun retour du service « {value} » : ses {count} action(s) gardent leur "
                             "dernier état connu. Relancez le service."),
    "file-nothing-filled": (I, "Aucune valeur de suivi n'est remplie dans ce fichier : il n'est pas "
                               "compté comme un retour."),
    # files
    "file-unreadable": (E, "Fichier illisible ({reason}) : demandez au service de l'enregistrer de "
                           "nouveau au format Excel (.xlsx) et de le renvoyer."),
    "file-encrypted": (E, "Fichier protégé par un mot de passe : il ne peut pas être lu. Demandez au "
                          "service de retirer le mot de passe d'ouverture et de le renvoyer."),
    "file-not-xlsx": (E, "Ce n'est pas un classeur Excel .xlsx ({reason}) : demandez au service de "
                         "l'enregistrer au format Classeur Excel (.xlsx) et de le renvoyer."),
    "file-too-large": (E, "Fichier refusé : {reason}. Vérifiez qu'il s'agit bien d'un formulaire de "
                          "suivi ; la limite peut être changée avec {option}."),
    "file-hostile": (E, "Fichier refusé : {reason}. Il n'est pas lu ; demandez au service de renvoyer le "
                        "formulaire reçu, rempli dans Excel ou LibreOffice."),
    "file-ignored": (I, "Ce fichier n'est pas un classeur Excel : il est ignoré."),
    "file-unrelated": (E, "Ce classeur n'est pas un formulaire de suivi généré par suivi-excel : il est "
                          "ignoré. Demandez au service de remplir le formulaire reçu."),
    "file-other-plan": (E, "Ce formulaire appartient à un autre plan ({value}) : il est ignoré."),
    "file-other-period": (E, "Ce formulaire est celui de la période {value}, pas de {period} : il est "
                             "ignoré. Envoyez au service le formulaire de la période {period}."),
    "meta-recovered": (W, "Ce fichier n'a plus les données cachées du formulaire ({reason}) : l'onglet "
                          "« {sheet} » a été reconnu par ses numéros d'action comme celui du service "
                          "« {service} » et compté pour la période {period}. Vérifiez qu'il s'agit du bon "
                          "retour."),
    # reports gathered by `regrouper`
    "not-a-report": (E, "Ce fichier n'est pas un rapport écrit par « suivi-excel consolider » : il n'est pas "
                        "regroupé. Retirez-le du dossier, ou demandez à la municipalité son rapport."),
    "report-unreadable": (E, "Rapport illisible ({reason}) : il n'est pas regroupé. Demandez à la municipalité "
                             "de le produire de nouveau avec « suivi-excel consolider »."),
    "report-superseded": (I, "Rapport de la période {value} de « {municipality} » : celui de la période {period} "
                             "({kept}), plus récent, est retenu."),
    "report-duplicate": (W, "Deux rapports de « {municipality} » pour la période {period} : celui enregistré le "
                            "{saved} ({kept}) est retenu ; celui-ci, enregistré le {value}, ne l'est pas."),
    "report-figures-mismatch": (W, "Les chiffres clés inscrits dans les propriétés du rapport ne correspondent "
                                   "pas à ses feuilles (modifiés à la main ?) : ceux des feuilles sont retenus."),
    "report-other-period": (W, "« {municipality} » n'a pas de rapport pour la période {period} (celui-ci est de "
                               "{value}) : elle n'est pas regroupée."),
    "folder-unreadable": (E, "Ce dossier ne peut pas être lu ({reason}) : les fichiers qu'il contient ne sont "
                             "pas consolidés. Donnez-vous le droit de le lire, ou copiez les fichiers ailleurs."),
    "meta-damaged": (E, "Les données cachées du formulaire sont abîmées ({reason}) : le fichier est "
                        "ignoré. Demandez au service de remplir un formulaire neuf."),
}

# Errors that stop a command (`errors.SuiviError.of`): the message starts lower-case, after « Erreur : ».
ERRORS: dict[str, str] = {
    "nothing-found": "aucun fichier .xlsx trouvé dans les retours indiqués : vérifiez le dossier des retours "
                     "(les fichiers doivent venir de « suivi-excel generer »).",
    "nothing-recognized": "aucun formulaire de suivi reconnu parmi les fichiers lus : vérifiez le dossier des "
                          "retours (les fichiers doivent venir de « suivi-excel generer »).",
    "nothing-of-this-plan": "aucun formulaire de ce plan n'a pu être lu (précisez --periode pour consolider malgré "
                            "tout) : vérifiez le dossier des retours (les fichiers doivent venir de « suivi-excel "
                            "generer »).",
    # writing an output (core/atomic.py): the previous file is always left whole
    "write-folder": "impossible d'écrire dans le dossier « {folder} » ({why}) : choisissez un autre dossier avec -o.",
    "write-disk-full": "impossible d'écrire « {target} » : plus assez de place sur le disque ({why}). Libérez de la "
                       "place ou choisissez un autre dossier avec -o. Le fichier précédent, s'il existait, est intact.",
    "write-busy": "impossible d'écrire « {target} » ({why}) : fermez le fichier s'il est ouvert dans Excel, ou "
                  "choisissez un autre nom avec -o. Le fichier précédent, s'il existait, est intact.",
    "write-failed": "impossible d'écrire « {target} » ({why}) : choisissez un autre dossier ou nom avec -o. Le fichier "
                    "précédent, s'il existait, est intact.",
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
    "history-bad-value": "l'historique « {path} » contient une valeur illisible ({value}) : il a été modifié hors de "
                         "suivi-excel. Corrigez-la, ou indiquez un autre historique avec --historique ; celui-ci n'a "
                         "pas été modifié.",
    # the table of axes of `regrouper --axes` (region/rollup.py)
    "axes-refused": "la table des axes « {path} » ne peut pas être ouverte : {reason}. Donnez un classeur ou un CSV "
                    "à deux colonnes, l'axe local puis l'axe régional.",
    "axes-unreadable": "la table des axes « {path} » est illisible ({reason}) : donnez un classeur ou un CSV à deux "
                       "colonnes, l'axe local puis l'axe régional.",
    "axes-empty": "la table des axes « {path} » ne contient aucune paire (axe local, axe régional).",
    # consolidating
    "hidden-plan-unreadable": "le plan caché dans « {name} » est illisible ({why}) : indiquez le plan avec --plan.",
    "workbook-refused": "{what} « {path} » ne peut pas être ouvert : {reason}. Indiquez un classeur Excel (.xlsx) "
                        "lisible.",
    "workbook-unreadable": "{what} « {path} » ne peut pas être lu ({reason}) : ouvrez-le dans Excel et "
                           "enregistrez-le de nouveau au format .xlsx.",
    "reader-died": "{what} « {path} » fait échouer le programme de lecture (fichier endommagé ou piégé) : "
                   "ouvrez-le dans Excel ou LibreOffice, enregistrez-le de nouveau au format .xlsx et relancez "
                   "la commande.",
}
# the files listed under an error, and how many more were not shown
LISTED_FILE = "  - {file} : {problem}"
LISTED_MORE = "  … et {count} autre(s)."
