"""Errors that stop a command, said while writing the report, the bilan and the regional workbook (report/, region/).
The message starts lower-case: it follows « Erreur : »."""

from __future__ import annotations

ERRORS: dict[str, str] = {
}
