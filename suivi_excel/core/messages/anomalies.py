"""What an anomaly says (`anomalies.Anomaly.of`): its severity and its sentence, by code.

Templates put the place first (it is also in the Fichier/Feuille/Cellule columns), then what is wrong,
then what to do. Placeholders: {value} is the raw value.
"""

from __future__ import annotations

from suivi_excel.core.columns import STATUSES

# the severities, as the Gravité column says them (core/anomalies.py orders them), and their short names
# for the table below
ERROR, WARNING, INFO = "Erreur", "Avertissement", "Info"
E, W, I = ERROR, WARNING, INFO
# the value an anomaly shows (Valeur column and {value}) for a cell left empty where a value was needed
EMPTY_VALUE = "(vide)"

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
    "service-return-unread": (W, "Le service « {value} » semble avoir répondu avec « {file} », qui n'a pas pu être "
                                 "lu (voyez l'erreur de ce fichier) : ses {count} action(s) gardent leur dernier "
                                 "état connu. Demandez-lui de renvoyer le formulaire reçu, enregistré au format "
                                 "Excel (.xlsx)."),
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
    "path-missing": (E, "Ce chemin n'existe pas : vérifiez le nom du dossier ou du fichier donné à la commande "
                        "(une faute de frappe ?). Rien n'y est lu."),
    "folder-unreadable": (E, "Ce dossier ne peut pas être lu ({reason}) : les fichiers qu'il contient ne sont "
                             "pas consolidés. Donnez-vous le droit de le lire, ou copiez les fichiers ailleurs."),
    "meta-damaged": (E, "Les données cachées du formulaire sont abîmées ({reason}) : le fichier est "
                        "ignoré. Demandez au service de remplir un formulaire neuf."),
}
