"""Errors that stop a command, said while reading the plan workbook and importing an adopted plan (plan/).
The message starts lower-case: it follows « Erreur : »."""

from __future__ import annotations

ERRORS: dict[str, str] = {
}
