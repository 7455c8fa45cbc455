"""Errors that stop a command, said while the command line itself (cli/).
The message starts lower-case: it follows « Erreur : »."""

from __future__ import annotations

ERRORS: dict[str, str] = {
}
