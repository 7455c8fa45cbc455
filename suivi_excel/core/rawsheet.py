"""Reading one worksheet's values: python-calamine, and a plain reader when it gives up.

python-calamine panics on some values it cannot turn into a date (a huge number
pasted into a date-formatted cell). Rather than lose the whole workbook, that
sheet is read again straight from its XML: values only, numbers left as numbers
(the readers of `values` know Excel serial dates). Callers hand over files that
have passed `safety.inspect_file`, so their parts are bounded and carry no DTD.
"""

from __future__ import annotations

import contextlib
import os
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

from defusedxml import ElementTree

from suivi_excel.core.sheet_targets import sheet_targets
from suivi_excel.core.text import split_ref

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def _sheet_part(archive: zipfile.ZipFile, sheet_name: str) -> str:
    for name, part in sheet_targets(archive.read("xl/workbook.xml"), archive.read("xl/_rels/workbook.xml.rels")):
        if name == sheet_name:
            return part
    raise KeyError(sheet_name)


def _shared_strings(archive: zipfile.ZipFile) -> list[str]:
    if "xl/sharedStrings.xml" not in archive.namelist():
        return []
    root = ElementTree.fromstring(archive.read("xl/sharedStrings.xml"))
    return ["".join(t.text or "" for t in item.iter(f"{_MAIN}t")) for item in root.iter(f"{_MAIN}si")]


def read_sheet_values(path: Path, sheet_name: str) -> list[list[object]]:
    """The values of `sheet_name` as rows of cells from A1, like calamine's `to_python`.

    Returns:
        Rows of values: str, float, bool or "" for an empty cell.
    """
    with zipfile.ZipFile(path) as archive:
        strings = _shared_strings(archive)
        root = ElementTree.fromstring(archive.read(_sheet_part(archive, sheet_name)))
    cells: dict[tuple[int, int], object] = {}
    row_index = -1
    for row in root.iter(f"{_MAIN}row"):
        row_index = int(row.get("r")) - 1 if row.get("r") else row_index + 1
        col_index = -1
        for cell in row.iter(f"{_MAIN}c"):
            column = split_ref(cell.get("r") or "")[1]
            col_index = column - 1 if column else col_index + 1
            cells[(row_index, col_index)] = _value(cell, strings)
    if not cells:
        return []
    height = max(r for r, _ in cells) + 1
    width = max(c for _, c in cells) + 1
    grid: list[list[object]] = [[""] * width for _ in range(height)]
    for (row, col), value in cells.items():
        grid[row][col] = value
    return grid


def _value(cell, strings: list[str]) -> object:
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        return "".join(t.text or "" for t in cell.iter(f"{_MAIN}t"))
    raw = cell.findtext(f"{_MAIN}v")
    if raw is None:
        return ""
    if kind == "s":
        index = int(raw)
        return strings[index] if 0 <= index < len(strings) else ""
    if kind == "b":
        return raw == "1"
    if kind in ("str", "e", "d"):
        return raw
    try:
        return float(raw)
    except ValueError:
        return raw


def reraise_interrupts(error: BaseException) -> None:
    """Let Ctrl-C and exits through; anything else the parser raises is the file's fault.

    calamine raises its own errors for broken parts, and a Rust panic surfaces as
    pyo3's PanicException, which derives from BaseException, not Exception.
    """
    if isinstance(error, (KeyboardInterrupt, SystemExit, GeneratorExit)):
        raise error


@contextlib.contextmanager
def quiet_native_stderr() -> Iterator[None]:
    """Silence file descriptor 2 while native code runs.

    A Rust panic inside python-calamine is caught as an exception, but Rust's panic
    hook has already printed its message and backtrace on stderr: a user must
    never see that. Python-level errors are unaffected (they are raised, not printed).
    """
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError):  # no real stderr (embedded, tests capturing it)
        yield
        return
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def sheet_rows(book, path: Path, sheet_name: str) -> list[list[object]]:
    """The cell values of a tab; the plain XML reader takes over if calamine gives up on a value."""
    try:
        with quiet_native_stderr():
            return book.get_sheet_by_name(sheet_name).to_python(skip_empty_area=False)
    except BaseException as error:  # noqa: BLE001 - a Rust panic on one odd value
        reraise_interrupts(error)
        return read_sheet_values(path, sheet_name)
