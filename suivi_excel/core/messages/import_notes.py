"""What `importer` says it guessed or set aside (the « À vérifier » sheet of the plan it writes), by code."""

from __future__ import annotations

IMPORT_NOTES: dict[str, str] = {
}
