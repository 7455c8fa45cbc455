"""What a command may write: a workbook under an Excel name, and never over a file the command reads.

A report written over a returned file, the plan or a municipality's report would replace what a service
or the coordinator filled (SPEC §9); correction workbooks written among the returns would be read back
as the services' own corrected returns.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from suivi_excel.core.errors import SuiviError


def excel_name(output: Path) -> None:
    """The workbook to write must be named `….xlsx`: Excel (and Windows) open a file by its name.

    Raises:
        SuiviError: naming the output.
    """
    if output.suffix.lower() != ".xlsx":
        raise SuiviError.of("output-not-xlsx", name=output)


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def never_over_an_input(output: Path, *, plan: Path | None = None, returns: Iterable[Path] = (),
                        reports: Path | None = None) -> None:
    """Refuse an `output` that is the plan, or lies among the returns or in the reports' folder.

    Raises:
        SuiviError: naming the output and what it would replace.
    """
    target = output.resolve()
    if plan is not None and target == plan.resolve():
        raise SuiviError.of("output-is-the-plan", output=output)
    if any(_inside(target, Path(r).resolve()) for r in returns):
        raise SuiviError.of("output-is-a-return", output=output)
    if reports is not None and _inside(target, reports.resolve()):
        raise SuiviError.of("output-is-a-report", output=output, folder=reports)


def corrections_apart(corrections: Path | None, returns: Iterable[Path]) -> None:
    """Refuse a corrections folder that is, holds or lies in a folder of returns (or of a return given as a
    file): its workbooks would be read back as the services' returns."""
    if corrections is None:
        return
    folder = corrections.resolve()
    for given in returns:
        path = Path(given).resolve()
        path = path if path.is_dir() else path.parent  # a return given as a file: its folder
        if _inside(folder, path) or _inside(path, folder):
            raise SuiviError.of("corrections-among-returns", folder=corrections)
