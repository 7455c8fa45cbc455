"""Fill generated forms the way a service does, in Excel's place (for `demo` and the tests).

openpyxl writes the values into a copy of the form, as a person typing would,
including values typed past the dropdowns; `set_saved_time` then sets the
workbook's own last-saved property, which decides between two returns.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import zipfile
from collections.abc import Mapping
from pathlib import Path

import openpyxl

from suivi_excel.core.columns import NUMBER
from suivi_excel.core.targets import leading_number
from suivi_excel.core.text import action_number


def fill_form(source: Path, target: Path, values: Mapping[str, Mapping[str, object]],
              tab: str | None = None, saved: dt.datetime | None = None) -> Path:
    """Copy `source` to `target` with tracking values typed into a service tab.

    Args:
        source: a generated workbook (never modified).
        target: the returned file to write.
        values: action number -> header -> value, exactly as the service types it.
        tab: the tab to fill; by default the first tab that holds one of the numbers.
        saved: the workbook's last-saved time to record (UTC if naive).

    Returns:
        `target`.
    """
    book = openpyxl.load_workbook(source)
    sheet = book[tab] if tab else _tab_holding(book, values)
    header = {str(c.value).strip(): c.column for c in sheet[1] if c.value is not None}
    for row in sheet.iter_rows(min_row=2):
        number = action_number(row[header[NUMBER] - 1].value)
        for title, value in values.get(number, {}).items():
            sheet.cell(row=row[0].row, column=header[title], value=value)
    target.parent.mkdir(parents=True, exist_ok=True)
    book.save(target)
    if saved is not None:
        set_saved_time(target, saved)
    return target


def _tab_holding(book, values: Mapping[str, object]):
    wanted = set(values)
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible" or sheet.max_row < 2:
            continue
        first = [c.value for c in sheet[1]]
        if NUMBER in first:
            column = first.index(NUMBER)
            numbers = {action_number(r[column]) for r in sheet.iter_rows(min_row=2, values_only=True)}
            if numbers & wanted or not wanted:  # nothing to type: the form's first tab
                return sheet
    raise ValueError("aucun onglet ne contient ces actions")


_LEADING = re.compile(r"^\s*[\d\s\u00a0\u202f]*\d(?:[.,]\d+)?")


def typed_result(target: object, share: float) -> str | None:
    """What a service types in `Résultat de l'indicateur` for a share of a numeric target, with the
    target's unit: `14 ateliers par an` for 70 % of `20 ateliers par an`; None when the target has no number."""
    wanted = leading_number(target)
    if wanted is None:
        return None
    unit = _LEADING.sub("", str(target), count=1).strip()
    reached = round(wanted * share)
    number = f"{reached:,}".replace(",", " ")  # written the Québec way, 3 300
    return f"{number} {unit}".strip()


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def set_saved_time(path: Path, saved: dt.datetime) -> None:
    """Rewrite the workbook's `dcterms:modified` (what Excel records on save)."""
    if saved.tzinfo is None:
        saved = saved.replace(tzinfo=dt.timezone.utc)
    stamp = saved.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    temporary = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as old, zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "docProps/core.xml":
                data = _MODIFIED.sub(lambda m: m.group(1) + stamp + m.group(2), data)
            new.writestr(item, data)
    shutil.move(temporary, path)
