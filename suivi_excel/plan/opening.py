"""Open the coordinator's own workbook (the plan) for its values, bounded like every file a user hands over."""

from __future__ import annotations

from pathlib import Path

from suivi_excel.core.errors import SuiviError
from suivi_excel.core.isolation import survives
from suivi_excel.core.messages import FILE_KINDS
from suivi_excel.core.safety import inspect_file, read_every_sheet, reader_died


def open_workbook_checked(path: Path, kind: str = "workbook"):
    """Open a coordinator's own workbook (the plan) for its values, or stop with a clear message that
    names it by `kind` (a key of `messages.FILE_KINDS`).

    The same checks as for returned files come first: python-calamine is only
    handed files whose size and extent are bounded.

    Raises:
        SuiviError: exit code 2, naming the file and what to do.
    """
    what = FILE_KINDS[kind]
    refusal = inspect_file(path)
    if refusal is not None:
        code = "workbook-encrypted" if refusal.code == "file-encrypted" else "workbook-refused"
        raise SuiviError.of(code, what=what, path=path, reason=refusal.reason)
    if not survives(read_every_sheet, path):
        raise reader_died(path, kind)
    from python_calamine import CalamineWorkbook

    try:
        return CalamineWorkbook.from_path(str(path))
    except Exception as error:  # calamine raises its own types on damaged files
        raise SuiviError.of("workbook-unreadable", what=what, path=path, reason=type(error).__name__) from None
