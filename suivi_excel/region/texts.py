"""The regional workbook's words (`regrouper`): its dashboard's headings, its charts' titles and what its
sheets say when they are empty. What goes wrong is in `core/messages`; the report's own words, which the
regional workbook shares (page headers), in `report/texts.py`."""

from __future__ import annotations

KEY_FIGURES = "Chiffres clés de la région"
PERIODS_LINE = "Période(s) : {periods} — produit le {created:%Y-%m-%d à %H:%M}"
NO_PERIOD = "aucune"
NOTHING_GATHERED = "Aucun rapport regroupé : voyez l'onglet Anomalies."
RATE_CHART = "Taux de réalisation par municipalité"
STATUS_CHART = "Statuts des actions par municipalité"
NO_GOOD_NEWS = ("Aucun bon coup dans les rapports regroupés (colonne « Bon coup » des formulaires, depuis la "
                "version qui l'a ajoutée).")
PRINTABLE_TITLE = "{title} — actions"
# who the regional workbook speaks for (its `Municipalité` property, read back by `envoyer rapport`)
WHO = "{plans} plan(s) de {municipalities} municipalité(s)"
