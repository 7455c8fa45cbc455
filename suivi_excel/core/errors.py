"""Errors that stop a command, with the exit codes of the spec (0 done, 1 errors found, 2 nothing done,
3 a defect of the tool itself)."""

from __future__ import annotations

from dataclasses import dataclass

import click

EXIT_ERRORS_FOUND = 1
EXIT_NOTHING_DONE = 2
EXIT_DEFECT = 3


class SuiviError(click.ClickException):
    """A user-facing failure: printed in French, no traceback, exit code 2 by default."""

    exit_code = EXIT_NOTHING_DONE

    def __init__(self, message: str, exit_code: int = EXIT_NOTHING_DONE) -> None:
        super().__init__(message)
        self.exit_code = exit_code

    def show(self, file=None) -> None:  # noqa: ANN001 - click's signature
        click.echo(click.style("Erreur : ", fg="red", bold=True) + self.format_message(), err=True)


@dataclass(frozen=True)
class PlanProblem:
    """One problem of the plan workbook, where the coordinator can find it."""

    sheet: str
    cell: str
    message: str

    def __str__(self) -> str:
        where = f"{self.sheet}!{self.cell}" if self.cell else self.sheet
        return f"{where} : {self.message}"


class PlanInvalid(SuiviError):
    """The plan workbook cannot be used; every problem is listed."""

    def __init__(self, path: str, problems: list[PlanProblem]) -> None:
        self.problems = problems
        lines = [f"le plan « {path} » contient {len(problems)} problème(s) ; rien n'a été écrit."]
        lines += [f"  - {p}" for p in problems]
        lines.append("Corrigez le plan puis relancez la commande.")
        super().__init__("\n".join(lines))
