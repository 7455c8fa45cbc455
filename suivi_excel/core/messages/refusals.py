"""Why a file handed over is not opened (`limits.Refusal`) or could not be read: the reason that fills the
{reason} of its anomaly (`file-unreadable`, `file-not-xlsx`, `file-too-large`, `file-hostile`), by code."""

from __future__ import annotations

REFUSALS: dict[str, str] = {
    # the reading process died on the file (an abort, not an exception): it was read again alone
    "reader-crashed": "sa lecture a fait échouer le programme de lecture",
}
