"""How far one sheet reaches, read as XML before any reader allocates for it: the rows, columns and
cells of a worksheet (`SheetExtent`) or an OpenDocument table (`TableExtent`), stopping at the first
limit passed. Used by `safety` while it inflates each part of a file once."""

from __future__ import annotations

import functools
import re

from suivi_excel.core.limits import Limits, Refusal
from suivi_excel.core.text import column_number

CHUNK = 1 << 20
_CELL_REF = re.compile(r"\s*([A-Za-z]{1,3})([0-9]{1,9})\s*")
_ROW_REF = re.compile(r"\s*([0-9]{1,9})\s*")
# a shared string (`<si>`), whatever its prefix: each costs the reader memory however short it is
SHARED_STRING = re.compile(rb"<(?:[^\s<>/:=!?]+:)?si(?=[\s>/])")


class Stop(Exception):
    """Why the scan of a worksheet stops early: a reference no program writes, a limit passed."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.reason)
        self.refusal = refusal


class SheetExtent:
    """How far a worksheet's cells reach, read as XML by expat: whatever the quotes, the namespace
    prefixes, the character references or the spacing, a cell's position is the one a reader sees.
    Positions may be implicit (a cell without `r` follows the previous one). The scan stops as soon
    as a limit is passed, so a huge sheet costs no more than its first cells past the limit."""

    def __init__(self, sheet: str, limits: Limits) -> None:
        from xml.parsers import expat

        self.sheet, self.limits = sheet, limits
        self.rows = self.columns = self.cells = 0
        self._row = self._column = 0
        self._parser = expat.ParserCreate(namespace_separator="}")
        self._parser.StartElementHandler = self._start
        self._parser.StartDoctypeDeclHandler = self._declaration
        self._parser.EntityDeclHandler = self._declaration
        self.error = expat.ExpatError

    def feed(self, data: bytes, final: bool = False) -> None:
        self._parser.Parse(data, final)

    def _declaration(self, *_args) -> None:
        raise Stop(Refusal.of("file-hostile", "sheet-dtd", sheet=self.sheet))

    def _reference(self, attributes: dict[str, str], pattern: re.Pattern) -> re.Match | None:
        value = attributes.get("r")
        if value is None:
            value = next((v for k, v in attributes.items() if k.endswith("}r")), None)
            if value is None:
                return None
        match = pattern.fullmatch(value)
        if match is None:
            raise Stop(Refusal.of("file-hostile", "sheet-bad-reference", sheet=self.sheet, value=value[:40]))
        return match

    def _start(self, name: str, attributes: dict[str, str]) -> None:
        # called for every element of the sheet: kept lean (a cell costs about 3 µs with its value)
        if name.endswith("}c") or name == "c":
            self.cells += 1
            found = self._reference(attributes, _CELL_REF) if attributes else None
            if found:
                self._column = _column(found.group(1))
                row = int(found.group(2))
                if row > self.rows:
                    self.rows = row
                    self._check()
            else:
                self._column += 1
            if self._column > self.columns or self.cells > self.limits.max_cells:
                self.columns = max(self.columns, self._column)
                self._check()
        elif name.endswith("}row") or name == "row":
            found = self._reference(attributes, _ROW_REF) if attributes else None
            self._row = int(found.group(1)) if found else self._row + 1
            self._column = 0
            if self._row > self.rows:
                self.rows = self._row
                self._check()

    def _check(self) -> None:
        refusal = self.refusal()
        if refusal is not None:
            raise Stop(refusal)

    def refusal(self) -> Refusal | None:
        """The limit passed so far, if any."""
        limits = self.limits
        if self.rows > limits.max_rows:
            return Refusal.of("file-too-large", "sheet-rows", "--lignes-max", sheet=self.sheet, rows=self.rows,
                              limit=limits.max_rows)
        if max(self.rows * self.columns, self.cells) > limits.max_cells:
            return Refusal.of("file-too-large", "sheet-cells", "--lignes-max", sheet=self.sheet, rows=self.rows,
                              columns=self.columns, limit=limits.max_cells)
        return None


_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


class TableExtent(SheetExtent):
    """How far the filled cells of an OpenDocument spreadsheet (`content.xml`) reach, repeats counted:
    one cell may stand for a million rows (`number-rows-repeated`) and the reader expands it. Empty
    repeated rows and cells, which LibreOffice writes down to the last row of every sheet, do not count."""

    def __init__(self, limits: Limits) -> None:
        super().__init__("content.xml", limits)
        self._parser.StartElementHandler = self._open
        self._parser.EndElementHandler = self._close
        self._repeat_rows = 1
        self._row_filled = False
        self._cell: tuple[int, bool] | None = None  # (columns repeated, filled) of the open cell

    def _open(self, name: str, attributes: dict[str, str]) -> None:
        if name == f"{_TABLE}table":
            self._row = self._column = 0
        elif name == f"{_TABLE}table-row":
            self._repeat_rows = _count(attributes.get(f"{_TABLE}number-rows-repeated"))
            self._row_filled = False
            self._column = 0
        elif name in (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"):
            self._cell = (_count(attributes.get(f"{_TABLE}number-columns-repeated")),
                          f"{_OFFICE}value-type" in attributes)
        elif self._cell is not None:  # a paragraph or anything inside the cell: it holds something
            self._cell = (self._cell[0], True)

    def _close(self, name: str) -> None:
        if name in (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell") and self._cell is not None:
            repeats, filled = self._cell
            self._column += repeats
            if filled:
                self._row_filled = True
                self.columns = max(self.columns, self._column)
                self.cells += repeats * self._repeat_rows
            self._cell = None
        elif name == f"{_TABLE}table-row":
            self._row += self._repeat_rows
            if self._row_filled:
                self.rows = max(self.rows, self._row)
                self._check()


def _count(text: str | None) -> int:
    try:
        return max(1, int(text)) if text else 1
    except ValueError:
        return 1


@functools.lru_cache(maxsize=4096)
def _column(letters: str) -> int:
    return column_number(letters)
