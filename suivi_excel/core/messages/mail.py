"""Errors that stop a command, said while sending by e-mail (mail/).
The message starts lower-case: it follows « Erreur : »."""

from __future__ import annotations

ERRORS: dict[str, str] = {
}
