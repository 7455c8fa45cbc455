"""What sending by e-mail says (mail/): the errors that stop an `envoyer` command (`MAIL_ERRORS`, starting
lower-case: they follow « Erreur : »), and why one message did not leave or one form is set aside while
the others go (`REASONS`: the console's `échec` lines and the send log's `detail` column)."""

from __future__ import annotations

MAIL_ERRORS: dict[str, str] = {
    # the server's settings (mail/smtp.py): SUIVI_SMTP_* variables or the [smtp] section of --config
    "smtp-config-not-utf8": "fichier de configuration « {path} » illisible : enregistrez-le en UTF-8.",
    "smtp-config-unreadable": "fichier de configuration « {path} » illisible ({why}).",
    "smtp-config-garbled": "fichier de configuration « {path} » illisible (format incompréhensible) : il commence par "
                           "la ligne [smtp], puis une ligne « clé = valeur » par réglage.",
    "smtp-config-garbled-line": "fichier de configuration « {path} » illisible (ligne {line} incompréhensible) : il "
                                "commence par la ligne [smtp], puis une ligne « clé = valeur » par réglage.",
    "smtp-config-no-section": "le fichier de configuration « {path} » n'a pas de section [smtp] : voyez l'exemple du "
                              "README (« Envoyer par courriel »).",
    "smtp-config-unknown-keys": "clé(s) inconnue(s) dans la section [smtp] de « {path} » : {keys}. Clés reconnues : "
                                "serveur, port, securite, utilisateur, mot_de_passe, expediteur.",
    "smtp-no-server": "aucun serveur d'envoi configuré : définissez SUIVI_SMTP_HOST (et au besoin SUIVI_SMTP_PORT, "
                      "SUIVI_SMTP_SECURITE, SUIVI_SMTP_USER, SUIVI_SMTP_PASSWORD, SUIVI_SMTP_FROM) ou donnez --config ; "
                      "sinon utilisez --brouillons ou --essai.",
    "smtp-security-unknown": "SUIVI_SMTP_SECURITE « {security} » inconnue : starttls, ssl ou aucune.",
    "smtp-port-invalid": "port SMTP « {port} » invalide : un nombre, par exemple 587.",
    # the send log (mail/smtp.py): a message sent and not noted would be sent again by the next run
    "journal-unreadable": "le journal des envois « {path} » est illisible ({why}) : fermez-le s'il est ouvert, ou "
                          "indiquez-en un autre avec --journal.",
    "journal-unwritable": "le journal des envois « {path} » ne peut pas être écrit ({why}) : rien n'est envoyé. "
                          "Fermez-le s'il est ouvert, ou indiquez-en un autre avec --journal.",
    "journal-not-updated-after-sending": "le journal des envois « {path} » n'a pas pu être mis à jour ({why}) : le "
                                         "message à {recipients} est parti, mais le journal ne le dit pas. Libérez de "
                                         "la place, puis ajoutez-y cette ligne à la main ou attendez avant de relancer "
                                         "la commande, qui l'enverrait de nouveau.",
    "journal-not-updated": "le journal des envois « {path} » n'a pas pu être mis à jour ({why}) : rien de plus n'est "
                           "envoyé, mais le journal ne le dit pas. Libérez de la place, puis ajoutez-y cette ligne à "
                           "la main ou attendez avant de relancer la commande, qui l'enverrait de nouveau.",
    # the templates and the addresses (mail/compose.py)
    "template-unreadable": "modèle de courriel « {path} » illisible ({why}) : le dossier donné avec --modeles garde "
                           "une copie de chacun des fichiers courriel-*.txt de modeles/, modifiée à votre goût.",
    "template-no-subject": "le modèle « {path} » doit commencer par une ligne « Objet : … ».",
    "template-encoding": "le modèle « {path} » n'est ni en UTF-8 ni en ANSI (Windows) : ouvrez-le dans le Bloc-notes "
                         "et enregistrez-le avec le codage UTF-8.",
    "template-unknown-field": "le modèle « {path} » nomme {field} à la ligne {line}, un champ que suivi-excel ne "
                              "remplit pas : rien n'est envoyé. Corrigez-le ; les champs de ce modèle sont {known}.",
    "template-lone-brace": "le modèle « {path} » a une accolade seule à la ligne {line} (« {text} ») : rien n'est "
                           "envoyé. Écrivez chaque champ entre deux accolades, par exemple {{service}} ; les champs de "
                           "ce modèle sont {known}.",
    "address-invalid": "« {address} » n'est pas une adresse courriel.",
    "address-accented": "l'adresse « {address} » ne peut pas être utilisée : la partie avant le @ contient des lettres "
                        "accentuées ou des caractères spéciaux, que la plupart des serveurs refusent. {fix}",
    "address-bad-domain": "l'adresse « {address} » ne peut pas être utilisée : son domaine (après le @) est invalide. "
                          "{fix}",
    # what to send and to whom (mail/outbox.py, mail/recipients.py); {set_aside}: a line per form set aside
    "no-form-to-send": "aucun formulaire par service à envoyer dans « {folder} » : indiquez le dossier écrit par "
                       "« suivi-excel generer … --par-service DOSSIER ».{set_aside}",
    "report-no-sender": "indiquez l'expéditeur du rapport : SUIVI_SMTP_FROM ou --de ADRESSE.",
    "reminder-returns-unreadable": "sans les retours, impossible de savoir qui a répondu ; rien n'est envoyé.\n{files}",
    "reminder-history-lacks-period": "l'historique « {path} » ne contient pas la période {period} : utilisez plutôt "
                                     "--retours DOSSIER.",
    "reminder-needs-answers": "--relance a besoin de savoir qui a répondu : donnez --retours DOSSIER (les fichiers "
                              "reçus) ou --historique FICHIER (si la période est consolidée).",
    "addresses-invalid": "adresse(s) invalide(s) : {addresses}. Corrigez-les dans l'option --a.",
    "addresses-none": "aucune adresse dans l'option --a : rien n'est envoyé. Indiquez l'adresse du comité, par "
                      "exemple --a comite@ville.qc.ca.",
}

REASONS: dict[str, str] = {
    # why the server did not take a message (mail/smtp.py); the others are still sent
    "smtp-address-refused": "adresse refusée par le serveur ({refused})",
    "smtp-auth-refused": "identification refusée par le serveur (vérifiez l'utilisateur et le mot de passe)",
    "smtp-disconnected": "connexion coupée par le serveur",
    "smtp-refused": "refus du serveur ({code} {text})",
    "smtp-timeout": "le serveur ne répond pas (délai dépassé)",
    "smtp-unreachable": "serveur injoignable ({why})",
    # a message sent, but not to every address
    "smtp-some-refused": "adresses refusées : {addresses}",
    # a form not sent, the others are (mail/outbox.py)
    "form-damaged": "{file} : les données cachées du formulaire sont abîmées ({why}) ; il n'est pas envoyé. "
                    "Générez-le de nouveau avec « suivi-excel generer ».",
    "form-unreadable": "{file} : les données cachées du formulaire sont abîmées (illisibles : {error}) ; il n'est pas "
                       "envoyé. Générez-le de nouveau avec « suivi-excel generer ».",
}

# where to correct an address no server accepts (the {fix} of address-accented and address-bad-domain)
ADDRESS_FIXES: dict[str, str] = {
    "services": "Corrigez-la dans la feuille Services du plan.",
    "coordinator": "Corrigez-la dans la feuille Paramètres du plan (Courriel du coordonnateur).",
    "sender": "Corrigez l'expéditeur : option --de, variable SUIVI_SMTP_FROM ou fichier de configuration.",
    "committee": "Corrigez-la dans l'option --a.",
}
