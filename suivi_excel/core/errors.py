"""The library's own errors: a failure that stops a command, as data (a stable code, its parameters,
the exit code of the spec), never tied to the command line.

Exit codes of the spec: 0 done, 1 errors found, 2 nothing could be done, 3 a defect of the tool.
Only `cli/` turns a `SuiviError` into what the terminal shows (click's `ClickException`), so the
library can be called and tested without click.
"""

from __future__ import annotations

from dataclasses import dataclass

from suivi_excel.core.messages import ERRORS, LISTED_FILE, LISTED_MORE

EXIT_ERRORS_FOUND = 1
EXIT_NOTHING_DONE = 2
EXIT_DEFECT = 3


class SuiviError(Exception):
    """A failure a user can act on: a French message, no traceback, exit code 2 by default.

    Args:
        message: the French sentence shown to the user (place, what is wrong, what to do).
        exit_code: the spec's exit code the command ends with.
        code: a stable code naming the kind of failure (as an anomaly's), for scripts and tests.
        params: the values the message was built from (file names, periods, …).
    """

    code = "error"

    def __init__(self, message: str, exit_code: int = EXIT_NOTHING_DONE, *, code: str | None = None,
                 **params: object) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
        if code is not None:
            self.code = code
        self.params = params

    @classmethod
    def of(cls, code: str, exit_code: int = EXIT_NOTHING_DONE, **params: object) -> "SuiviError":
        """The error `code` of the catalogue (`messages.ERRORS`), its message filled with `params`."""
        return cls(ERRORS[code].format(**params), exit_code, code=code, **params)

    def __str__(self) -> str:
        return self.message

    def __reduce__(self):
        # crosses process boundaries (the reading workers) whole: code, parameters and exit code
        return _restore, (type(self), self.args, self.__dict__)


def _restore(cls: type, args: tuple, state: dict) -> SuiviError:
    error = Exception.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


def listed_files(anomalies: list, shown: int = 10) -> list[str]:
    """The lines that list files under an error: the first `shown` anomalies with a file (« - file :
    problem »), then how many more there are, so a long list is never cut silently.

    Args:
        anomalies: the anomalies (`Anomaly`) of the files set aside.
        shown: how many are listed one by one.
    """
    listed = [a for a in anomalies if a.file][:shown]
    lines = [LISTED_FILE.format(file=a.file, problem=a.problem) for a in listed]
    if len(anomalies) > len(listed):
        lines.append(LISTED_MORE.format(count=len(anomalies) - len(listed)))
    return lines


class NothingUsable(SuiviError):
    """No file handed over could be used (exit 2): the error `code`, then what was wrong with each file.

    Args:
        code: `messages.ERRORS` key of the opening sentence.
        anomalies: the anomalies of the files (`Anomaly`), listed by `listed_files`.
    """

    def __init__(self, code: str, anomalies: list) -> None:
        super().__init__("\n".join([ERRORS[code], *listed_files(anomalies)]), code=code, anomalies=anomalies)


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

    code = "plan-invalid"  # every problem listed under its sentence

    def __init__(self, path: str, problems: list[PlanProblem]) -> None:
        self.problems = problems
        listed = "\n".join(f"  - {p}" for p in problems)
        super().__init__(ERRORS[self.code].format(path=path, count=len(problems), problems=listed),
                         path=path, count=len(problems))
