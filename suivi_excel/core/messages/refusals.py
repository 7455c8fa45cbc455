"""Why a file handed over is not opened (`limits.Refusal`) or could not be read: the reason that fills the
{reason} of its anomaly (`file-unreadable`, `file-not-xlsx`, `file-too-large`, `file-hostile`), by code.
The reasons start lower-case: they follow the anomaly's own words."""

from __future__ import annotations

REFUSALS: dict[str, str] = {
    # what the file is, judged from its first bytes and its zip directory (core/safety.py)
    "folder": "c'est un dossier",
    "not-a-file": "ce n'est pas un fichier ordinaire",
    "empty": "le fichier est vide (0 octet)",
    "xls": "ancien format Excel 97-2003 (.xls)",
    "opendocument": "classeur OpenDocument (.ods)",
    "renamed-markup": "page HTML ou XML renommée en .xlsx",
    "renamed-other": "fichier texte ou d'un autre format renommé en .xlsx",
    "no-workbook": "l'archive ne contient pas de classeur Excel",
    "no-package-rels": "l'archive n'a pas la partie _rels/.rels que tout fichier Office contient (fichier endommagé "
                       "ou fabriqué)",
    "zip-damaged": "archive endommagée ou tronquée ({error})",
    "zip-crc": "archive endommagée : contrôle CRC faux : contenu altéré ou taille déclarée mensongère",
    "zip-encrypted-part": "archive endommagée : partie chiffrée",
    "zip-broken": "archive endommagée : {error}",
    # what it would cost (core/limits.py: an option of the command raises each limit)
    "file-size": "{size} sur disque, plus que la limite de {limit}",
    "zip-parts": "{count} parties dans l'archive, plus que la limite de {limit}",
    "zip-inflated": "{size} une fois décompressé, plus que la limite de {limit}",
    "part-strings": "la partie {part} contient plus de {count} textes (un formulaire en compte quelques milliers)",
    "sheet-rows": "la feuille « {sheet} » atteint la ligne {rows}, plus que la limite de {limit}",
    "sheet-cells": "la feuille « {sheet} » s'étend sur {rows} lignes et {columns} colonnes, plus que la limite de "
                   "{limit} cellules",
    # what no program writes (core/safety.py, core/sheet_extent.py)
    "zip-bomb": "la partie {part} se décompresse {ratio} fois (bombe de décompression ?)",
    "part-dtd": "la partie {part} déclare une DTD (bombe XML ?), ce qu'Excel n'écrit jamais",
    "part-wide": "la partie {part} est en UTF-16 ou UTF-32, ce qu'Excel n'écrit jamais",
    "sheet-dtd": "la feuille « {sheet} » déclare une DTD (bombe XML ?), ce qu'Excel n'écrit jamais",
    "sheet-bad-reference": "la feuille « {sheet} » donne à une cellule la position illisible « {value} », ce qu'Excel "
                           "n'écrit jamais",
    "sheet-not-xml": "la feuille « {sheet} » n'est pas du XML valide ({error})",
    # why the system would not let it be read or written (core/safety.os_reason, for readers and core/atomic)
    "access-denied": "accès refusé",
    "not-found": "fichier introuvable",
    "symlink-loop": "lien symbolique en boucle",
    "read-only": "disque en lecture seule",
    "not-a-folder": "un fichier porte le nom d'un des dossiers du chemin",
    "is-a-folder": "c'est un dossier",
    "exists": "un fichier de ce nom existe déjà",
    "disk-full": "disque plein",
    "name-too-long": "nom trop long",
    "os-error": "{error}",  # what the system said, in its own words, for a rarer error
    # the reader itself (returns/file.py, returns/pool.py)
    "reader-failed": "le lecteur de classeurs n'a pas pu le lire ({error})",
    # the reading process died on the file (an abort, not an exception): it was read again alone
    "reader-crashed": "sa lecture a fait échouer le programme de lecture",
    "refused-on-rereading": "fichier refusé à la relecture",
    # a form's hidden metadata cannot be trusted (forms/metadata.MetaDamaged): fills `meta-damaged`'s {reason}
    "meta-missing": "information « {key} » absente",
    "meta-format": "format de formulaire inconnu ; il vient d'une autre version de suivi-excel",
    "meta-edited": "elles ont été modifiées à la main",
    "meta-period": "période « {period} » illisible",
    "meta-kind": "type de classeur « {kind} » inconnu",
    "meta-tabs-unreadable": "liste des onglets illisible",
    "meta-corrections-unreadable": "corrections illisible",
    "meta-plan-unreadable": "plan caché illisible",
    "meta-plan-edited": "le plan caché a été modifié à la main",
    "meta-plan-bomb": "plan caché démesuré (bombe de décompression ?)",
    # why a form-like tab was placed by its action numbers (consolidate/consolidation.py): `meta-recovered`'s {reason}
    "meta-changed": "données modifiées",
    "meta-none": "classeur sans données cachées",
}
