"""The last step of an error: the library's `SuiviError` shown the way click shows its own.

The library raises `SuiviError` (a code, parameters, an exit code) and knows nothing of the
terminal; this module alone turns it into a `click.ClickException`, whose `show()` writes the
French message on stderr and whose `exit_code` is the spec's (0, 1, 2, 3).
"""

from __future__ import annotations

import click

from suivi_excel.core.errors import SuiviError


class UserFailure(click.ClickException):
    """A `SuiviError` on its way out: « Erreur : » and the message, then the error's exit code."""

    def __init__(self, error: SuiviError) -> None:
        super().__init__(error.message)
        self.error = error
        self.exit_code = error.exit_code

    def show(self, file=None) -> None:  # noqa: ANN001 - click's signature
        click.echo(click.style("Erreur : ", fg="red", bold=True) + self.format_message(), err=True)
