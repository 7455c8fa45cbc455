"""Errors that stop a command, said while writing the report, the bilan and the regional workbook (report/, region/).
The message starts lower-case: it follows « Erreur : »."""

from __future__ import annotations

REPORT_ERRORS: dict[str, str] = {
    # a report handed to `envoyer rapport` (report/summary.py)
    "report-unreadable-file": "« {path} » n'est pas un classeur lisible ({reason}).",
    "report-not-ours": "« {path} » n'est pas un rapport écrit par « suivi-excel consolider ».",
    # the bilan's history (report/bilan.py, report/bilan_data.py)
    "review-year-empty": "l'historique « {store} » ne contient aucune période de {year} : lancez d'abord "
                         "« suivi-excel consolider » pour les périodes de l'année.",
    "bilan-history-missing": "l'historique « {store} » est introuvable : indiquez-le avec --historique (il est écrit "
                             "à côté du rapport par « suivi-excel consolider »).",
    "bilan-year-empty": "l'historique « {store} » ne contient aucune période de {year} : lancez d'abord "
                        "« suivi-excel consolider » pour les périodes voulues.",
    "bilan-period-missing": "l'historique « {store} » ne contient pas la période {period} : lancez d'abord "
                            "« suivi-excel consolider » pour les périodes voulues.",
    "bilan-history-empty": "l'historique « {store} » ne contient aucune période : lancez d'abord "
                           "« suivi-excel consolider » pour les périodes voulues.",
    # the bilan's Word template (report/document.py); {why} is most often one of REASONS
    "bilan-template-missing": "le modèle du bilan « {template} » est introuvable : indiquez un fichier .docx avec "
                              "--modele, ou omettez l'option pour prendre celui livré ({default}).",
    "bilan-template-broken": "le modèle du bilan « {template} » est inutilisable : {why}. Reprenez le modèle livré "
                             "({default}) et refaites-y vos changements, en laissant intactes les balises entre "
                             "{{{{ }}}} et {{% %}}.",
    # the bilan's PDF: these follow « PDF non écrit : » (cli/bilan.py), hence the capital
    "pdf-no-libreoffice": "LibreOffice n'est pas installé ici",
    "pdf-failed": "LibreOffice n'a pas pu écrire le PDF ({kind})",
    "pdf-not-written": "LibreOffice n'a pas écrit de PDF",
}

# what fills the {why} or {reason} of a message about a report, the bilan's template or the region's files
# (an error above, or an anomaly of `regrouper`), by code
REASONS: dict[str, str] = {
    "report-encrypted": "chiffré",
    # the bilan's template (`bilan-template-broken`)
    "template-not-docx": "ce n'est pas un document Word (.docx)",
    "template-not-readable": "ce n'est pas un document Word (.docx) lisible",
    "template-not-opening": "il ne s'ouvre pas comme un document Word ({kind})",
    "template-no-tags": "il ne contient aucune des balises du bilan (entre accolades doubles) : rien du bilan n'y "
                        "serait écrit",
    "template-tag-malformed": "une balise est mal formée ({error})",
    "template-tag-unknown": "une balise nomme ce que le bilan ne connaît pas ({error})",
    "template-not-filled": "il n'a pas pu être rempli ({kind} : {error})",
    # a municipality's report that `regrouper` cannot read (`report-unreadable`)
    "report-sheets-unreadable": "onglets illisibles",
    "report-sheet-missing": "onglet « {sheet} » absent",
    # the region's table of axes (`axes-refused`)
    "axes-too-large": "{megabytes} Mo, bien plus qu'une table d'axes",
    "axes-encrypted": "protégée par un mot de passe",
    "axes-kills-reader": "elle fait échouer le programme de lecture",
}
