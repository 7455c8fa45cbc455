"""Every sentence the library says, in one catalogue, by code: what an anomaly says (`ANOMALIES`), the
errors that stop a command (`ERRORS`), why a file is refused (`REFUSALS`) and what `importer` guessed
(`IMPORT_NOTES`). One module per speaker keeps each part short (`CORE_ERRORS`, `PLAN_ERRORS`, …: only the
merged dict is `ERRORS`); a code said twice fails at import.
"""

from __future__ import annotations

from suivi_excel.core.messages.anomalies import ANOMALIES
from suivi_excel.core.messages.commands import COMMAND_ERRORS
from suivi_excel.core.messages.errors import (CORE_ERRORS, FILE_KINDS, KIN_NOTICES, KIN_PLAN_FILES, LISTED_FILE,
                                              LISTED_MORE)
from suivi_excel.core.messages.import_notes import IMPORT_NOTES
from suivi_excel.core.messages.mail import MAIL_ERRORS
from suivi_excel.core.messages.plan import PLAN_ERRORS
from suivi_excel.core.messages.refusals import REFUSALS
from suivi_excel.core.messages.report import REPORT_ERRORS


def _merged(*parts: dict[str, str]) -> dict[str, str]:
    merged: dict[str, str] = {}
    for part in parts:
        twice = merged.keys() & part.keys()
        if twice:
            raise ValueError(f"message code(s) declared twice: {sorted(twice)}")
        merged.update(part)
    return merged


ERRORS = _merged(CORE_ERRORS, PLAN_ERRORS, REPORT_ERRORS, MAIL_ERRORS, COMMAND_ERRORS)

__all__ = ["ANOMALIES", "ERRORS", "FILE_KINDS", "IMPORT_NOTES", "KIN_NOTICES", "KIN_PLAN_FILES", "LISTED_FILE",
           "LISTED_MORE", "REFUSALS"]
