"""Anomalies: every problem found in a returned file is one record, never an exception.

Each record has a stable code, a severity, where it is (file, sheet, A1 cell, as
the service sees it), the raw value and a French message that says what to do.
The message texts live in `messages.ANOMALIES`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from suivi_excel.core.messages import ANOMALIES
from suivi_excel.core.messages.anomalies import ERROR, INFO, WARNING  # declared with the sentences, once
from suivi_excel.core.text import split_ref

SEVERITY_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}
# the columns of an anomaly's row, in the order of its fields; `Code` last: a user filters the sheet by kind
# of problem (the README lists every code)
ANOMALY_HEADERS = ("Gravité", "Fichier", "Feuille", "Cellule", "Valeur", "Problème", "Code")


@dataclass(frozen=True)
class Anomaly:
    """One problem found while reading or consolidating returns."""

    code: str
    severity: str
    file: str
    sheet: str
    cell: str
    value: str
    problem: str

    @classmethod
    def of(cls, code: str, file: str = "", sheet: str = "", cell: str = "",
           value: object = "", **details: object) -> "Anomaly":
        """Build the anomaly `code` from the catalogue.

        Args:
            code: key of `messages.ANOMALIES`.
            file, sheet, cell: where the problem is; cell in A1 notation.
            value: the raw value as found (shown as text).
            details: placeholders of the message template.

        Returns:
            The Anomaly, with its severity and French message.
        """
        severity, template = ANOMALIES[code]
        shown = "" if value is None else str(value)
        problem = template.format(value=shown, file=file, sheet=sheet, cell=cell, **details)
        return cls(code, severity, file, sheet, cell, shown, problem)

    def as_row(self) -> dict[str, str]:
        """The anomaly as a row of the Anomalies sheet, keyed by `ANOMALY_HEADERS`."""
        return dict(zip(ANOMALY_HEADERS, (self.severity, self.file, self.sheet, self.cell, self.value,
                                          self.problem, self.code), strict=True))


def sort_anomalies(items: list[Anomaly]) -> list[Anomaly]:
    """Errors first, then by file, sheet and cell in reading order (row, then column)."""
    return sorted(items, key=lambda a: (SEVERITY_ORDER[a.severity], a.file, a.sheet, split_ref(a.cell)))


def severities(items: list[Anomaly]) -> Counter:
    """How many anomalies of each severity (a missing severity counts 0)."""
    return Counter(a.severity for a in items)
