"""Every sentence the library says, in one catalogue, by code: what an anomaly says (`ANOMALIES`), the
errors that stop a command (`ERRORS`), why a file is refused (`REFUSALS`) and what `importer` guessed
(`IMPORT_NOTES`). One module per speaker keeps each part short; a code said twice fails at import.
"""

from __future__ import annotations

from suivi_excel.core.messages import commands, errors, mail, plan, report
from suivi_excel.core.messages.anomalies import ANOMALIES
from suivi_excel.core.messages.errors import FILE_KINDS, KIN_NOTICES, KIN_PLAN_FILES, LISTED_FILE, LISTED_MORE
from suivi_excel.core.messages.import_notes import IMPORT_NOTES
from suivi_excel.core.messages.refusals import REFUSALS


def _merged(*parts: dict[str, str]) -> dict[str, str]:
    merged: dict[str, str] = {}
    for part in parts:
        twice = merged.keys() & part.keys()
        if twice:
            raise ValueError(f"message code(s) declared twice: {sorted(twice)}")
        merged.update(part)
    return merged


ERRORS = _merged(errors.ERRORS, plan.ERRORS, report.ERRORS, mail.ERRORS, commands.ERRORS)

__all__ = ["ANOMALIES", "ERRORS", "FILE_KINDS", "IMPORT_NOTES", "KIN_NOTICES", "KIN_PLAN_FILES", "LISTED_FILE", "LISTED_MORE", "REFUSALS"]
