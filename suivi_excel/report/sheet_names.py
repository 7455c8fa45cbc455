"""The names of the report's sheets, declared once for whoever writes or reads a report.

Apart from `sheets` (which writes them with pandas) so that the region's reading workers, which open
the municipalities' reports by these names, load no pandas.
"""

from __future__ import annotations

DASHBOARD, ACTIONS, BY_AXE, BY_SERVICE, RETURNS, ANOMALIES, HISTORY = (
    "Tableau de bord", "Actions", "Par axe", "Par service", "Retours", "Anomalies", "Historique")
PRINTABLE_ACTIONS = "Actions à imprimer"
SHEET_NAMES = (DASHBOARD, ACTIONS, PRINTABLE_ACTIONS, BY_AXE, BY_SERVICE, RETURNS, ANOMALIES, HISTORY)
