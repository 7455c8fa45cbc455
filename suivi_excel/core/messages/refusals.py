"""Why a file handed over is not opened (`limits.Refusal`): the reason that fills the {reason} of its
anomaly (`file-unreadable`, `file-not-xlsx`, `file-too-large`, `file-hostile`), by code."""

from __future__ import annotations

REFUSALS: dict[str, str] = {
}
