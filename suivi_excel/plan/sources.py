"""Read an adopted plan as the municipality has it: its tables, in document order, with the text around them.

An Excel or OpenDocument workbook gives one table per sheet (merged cells filled in),
a Word document one table per table (with the headings and paragraphs before it), a PDF
one table per table found on each page (with the text above it). Nothing here decides
what the tables mean: `plan.importing` does.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from suivi_excel.core.errors import SuiviError
from suivi_excel.core.messages.import_notes import (
    CELL_PLACE,
    PAGE_PLACE,
    PAGE_TABLE_PLACE,
    ROW_PLACE,
    SHEET_PLACE,
    TABLE_PLACE,
)
from suivi_excel.core.messages.plan import NO_SUFFIX
from suivi_excel.core.isolation import survives
from suivi_excel.core.rawsheet import quiet_native_stderr, reraise_interrupts
from suivi_excel.core.limits import DEFAULT_LIMITS
from suivi_excel.core.safety import inspect_archive, os_reason, reader_died
from suivi_excel.core.text import clean_text, column_letter

SPREADSHEETS = (".xlsx", ".xlsm", ".ods")
SOURCES = (*SPREADSHEETS, ".docx", ".pdf")
SOFT_BREAK = "\u2028"  # a PDF line break that may be the layout's wrap or the author's (see `_cell_text`)
WRAPPED_WORD = "\u200b"  # after a PDF line one word filled: that word may go on at the next line
MAX_PDF_PAGES = 300  # a plan runs to a few dozen pages; beyond, the file is not one
MAX_PDF_MB = 50


@dataclass
class SourceTable:
    """One table of the source, as text cells.

    `rows` hold the text of each cell ("" when empty); a cell covered by a merge holds
    the merged cell's text, and `merged` says which ones were filled that way (a PDF
    only tells that a cell is covered, not by which: those are `None` in `rows` until
    `importing` fills them). `before` is the text that comes before the table since
    the previous one (headings, paragraphs, title rows), one line per item.
    """

    origin: str  # "feuille « Familles »", "tableau 3", "page 2"
    rows: list[list[str | None]]
    before: list[str] = field(default_factory=list)
    merged: set[tuple[int, int]] = field(default_factory=set)
    paged: bool = False  # a PDF's: a page break may cut a row in two, and narrow columns wrap numbers
    where: Callable[[int, int | None], str] = lambda row, col: ""  # (row, col or None) -> a place to find
    sheet: str = ""  # the sheet's name, for a workbook
    headings: set[str] = field(default_factory=set)  # lines of `before` the document styles as headings


@dataclass
class Source:
    """Every table of a source file, and the lines of text that open the document (its title)."""

    path: Path
    tables: list[SourceTable]
    opening: list[str]
    after: list[str] = field(default_factory=list)  # text after the tables (legends, notes, signatures)


def read_source(path: Path) -> Source:
    """Read the tables of an adopted plan.

    Raises:
        SuiviError: exit code 2, naming the file, when it cannot be read, is of a kind we do
            not read, or is a PDF without text (a scan).
    """
    suffix = path.suffix.lower()
    if suffix not in SOURCES:
        raise SuiviError.of("source-format", name=path.name, suffix=suffix or NO_SUFFIX)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise SuiviError.of("source-cannot-read", path=path, why=os_reason(error)) from None
    if suffix == ".pdf":
        if size > MAX_PDF_MB * 1_000_000:
            raise SuiviError.of("source-pdf-too-big", name=path.name, megabytes=MAX_PDF_MB)
        return _read_pdf(path)
    refusal = inspect_archive(path, DEFAULT_LIMITS)
    if refusal is not None:
        code = {"file-encrypted": "source-encrypted", "file-not-xlsx": "source-not-office"}.get(refusal.code,
                                                                                                "source-refused")
        raise SuiviError.of(code, name=path.name, reason=refusal.reason)
    reader = _read_word if suffix == ".docx" else _read_workbook
    if not survives(reader, path):  # a native parser that dies takes only its own process with it
        raise reader_died(path, "adopted-plan")
    return reader(path)


# -- Excel, OpenDocument ---------------------------------------------------------------------------


def _read_workbook(path: Path) -> Source:
    from python_calamine import CalamineWorkbook

    try:
        with quiet_native_stderr():  # a Rust panic prints its backtrace there
            book = CalamineWorkbook.from_path(str(path))
            try:
                tables = [_sheet_table(book.get_sheet_by_name(name)) for name in book.sheet_names]
            finally:
                book.close()
    except TooManyMerged as error:
        raise SuiviError.of("merges-too-many", file=path.name, sheet=error.sheet,
                            limit=f"{error.limit:,}".replace(",", " ")) from None
    except BaseException as error:  # noqa: BLE001 - calamine raises its own types, and a Rust panic (a huge
        reraise_interrupts(error)  # number in a date cell) is a BaseException
        raise SuiviError.of("source-workbook-unreadable", name=path.name, reason=type(error).__name__) from None
    tables = [t for t in tables if any(any(c for c in row) for row in t.rows)]
    return Source(path, tables, tables[0].before[:3] if tables else [])


class TooManyMerged(Exception):
    """A sheet whose merges would fill more cells than a sheet may span (`Limits.max_cells`)."""

    def __init__(self, sheet: str, limit: int) -> None:
        super().__init__(sheet)
        self.sheet, self.limit = sheet, limit


def _sheet_table(sheet) -> SourceTable:
    name = sheet.name
    values = sheet.to_python(skip_empty_area=False)
    rows: list[list[str | None]] = [[clean_text(v) for v in row] for row in values]
    merged: set[tuple[int, int]] = set()
    width = max((len(row) for row in rows), default=0)
    # A merge may claim far more than the sheet holds (A1:XFD20000): only its part inside the grid
    # is filled, and the merges together may fill no more cells than a sheet may span.
    ranges = [(top, left, min(bottom, len(rows) - 1), min(right, width - 1))
              for (top, left), (bottom, right) in sheet.merged_cell_ranges or [] if top < len(rows) and left < width]
    covered = sum((bottom - top + 1) * (right - left + 1) for top, left, bottom, right in ranges)
    if covered > DEFAULT_LIMITS.max_cells:
        raise TooManyMerged(name, DEFAULT_LIMITS.max_cells)
    for top, left, bottom, right in ranges:
        text = rows[top][left] if left < len(rows[top]) else ""
        for r in range(top, bottom + 1):
            for c in range(left, min(right, len(rows[r]) - 1) + 1):
                if (r, c) != (top, left):
                    rows[r][c] = text
                    merged.add((r, c))
    quoted = "'" + name.replace("'", "''") + "'" if re.search(r"[\s'!-]", name) else name
    return SourceTable(SHEET_PLACE.format(sheet=name), rows, [], merged,
                       where=lambda row, col: f"{quoted}!{column_letter(col or 0)}{row + 1}", sheet=name)


# -- Word ------------------------------------------------------------------------------------------


def _read_word(path: Path) -> Source:
    import docx

    try:
        document = docx.Document(str(path))
    except Exception as error:  # noqa: BLE001 - python-docx raises many types on damaged files
        raise SuiviError.of("source-word-unreadable", name=path.name, reason=type(error).__name__) from None
    tables: list[SourceTable] = []
    before: list[str] = []
    headings: set[str] = set()
    opening: list[str] = []
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            tables.append(_word_table(block, len(tables) + 1, before))
            tables[-1].headings = headings
            before, headings = [], set()
        else:
            text = clean_text(block.text)
            if text:
                before.append(text)
                style = (block.style.name if block.style is not None else "") or ""
                if re.match(r"(heading|titre)\s*\d", style, re.IGNORECASE):
                    headings.add(text)
                if not tables and len(opening) < 6:
                    opening.append(text)
    return Source(path, tables, opening, before)


def _word_table(table, number: int, before: list[str]) -> SourceTable:
    rows: list[list[str | None]] = []
    merged: set[tuple[int, int]] = set()
    previous = None
    for r, row in enumerate(table.rows):
        cells = row.cells
        rows.append([cell.text for cell in cells])
        if previous is not None:
            merged |= {(r, c) for c, cell in enumerate(cells) if c < len(previous) and cell._tc is previous[c]._tc}
        merged |= {(r, c) for c in range(1, len(cells)) if cells[c]._tc is cells[c - 1]._tc}  # across
        previous = cells
    origin = TABLE_PLACE.format(number=number)

    def where(row: int, col: int | None) -> str:
        if col is None:
            return ROW_PLACE.format(table=origin, row=row + 1)
        return CELL_PLACE.format(table=origin, row=row + 1, column=col + 1)

    return SourceTable(origin, rows, list(before), merged, where=where)


# -- PDF -------------------------------------------------------------------------------------------


def _read_pdf(path: Path) -> Source:
    import logging

    import pdfplumber

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # damaged fonts are common and harmless here
    tables: list[SourceTable] = []
    opening: list[str] = []
    after: list[str] = []
    any_text = False
    try:
        with pdfplumber.open(str(path)) as pdf:
            if len(pdf.pages) > MAX_PDF_PAGES:
                raise SuiviError.of("source-pdf-pages", name=path.name, pages=len(pdf.pages), limit=MAX_PDF_PAGES)
            for number, page in enumerate(pdf.pages, start=1):
                top = 0.0
                found = sorted(page.find_tables(), key=lambda t: t.bbox[1])
                any_text = any_text or bool(page.chars)
                for index, table in enumerate(found, start=1):
                    headings: set[str] = set()
                    before = _lines(page, top, table.bbox[1] - 1, headings)  # glyphs rise above the box
                    if not tables and not opening:
                        opening = before[:6]
                    rows = [[None if bbox is None else _cell_text(page.chars, bbox) for bbox in row.cells]
                            for row in table.rows]
                    label = (PAGE_TABLE_PLACE.format(page=number, number=index) if len(found) > 1
                             else PAGE_PLACE.format(page=number))
                    tables.append(SourceTable(label, rows, before, paged=True,
                                              where=lambda row, col, label=label: ROW_PLACE.format(table=label,
                                                                                                   row=row + 1),
                                              headings=headings))
                    top = table.bbox[3]
                if found:
                    after = _lines(page, top, page.height)  # a legend under the table, on its page
                elif tables:
                    after += _lines(page, 0, page.height)
                if not found and not tables and not opening:
                    opening = _lines(page, 0, page.height)[:6]
    except SuiviError:
        raise
    except Exception as error:  # noqa: BLE001 - pdfminer raises many types on damaged files
        raise SuiviError.of("source-pdf-unreadable", name=path.name, reason=type(error).__name__) from None
    if not any_text:
        raise SuiviError.of("source-scanned", name=path.name)
    return Source(path, tables, opening, after)


def _cell_text(chars: list[dict], bbox: tuple[float, float, float, float]) -> str:
    """A PDF table cell's text, its lines told apart as the author wrote them.

    A line that ends short of the cell's width, though the next word would have fitted, ends
    where the author pressed Enter (one service per line): `\n`. Any other line break may be the
    layout's wrap: a space (nothing after a hyphen, `2025-` / `2026`, nor before the lone last
    letter a narrow column pushed to the next line, `Déplacement` / `s`), or `SOFT_BREAK` before
    a capital, where only the words can tell (`Loisirs` / `Bibliothèque`, one name per line?).
    """
    x0, top, x1, bottom = bbox
    slack = 1.0  # glyphs drawn a fraction of a point outside their cell's box still belong to it
    inside = [c for c in chars if x0 - slack <= (c["x0"] + c["x1"]) / 2 <= x1 + slack
              and top - slack <= (c["top"] + c["bottom"]) / 2 <= bottom + slack]
    if not inside:
        return ""
    lines: list[list[dict]] = []
    for char in sorted(inside, key=lambda c: (round(c["top"]), c["x0"])):
        if lines and abs(char["top"] - lines[-1][0]["top"]) <= 2:
            lines[-1].append(char)
        else:
            lines.append([char])
    padding = min(c["x0"] for c in inside) - x0
    room = (x1 - x0) - 2 * padding
    text = ""
    for index, line in enumerate(lines):
        line.sort(key=lambda c: c["x0"])
        words = _words(line)
        if index:
            previous = [c for c in lines[index - 1] if c["text"].strip()] or lines[index - 1]
            used = previous[-1]["x1"] - previous[0]["x0"]
            first = words.split(" ")[0]
            first_width = sum(c["x1"] - c["x0"] for c in line[:len(first)])
            if used + first_width + 0.3 * line[0]["size"] < room:
                text += "\n"  # the next word would have fitted: the author broke the line
            elif text.endswith("-") and not text.endswith(" -"):
                pass
            elif re.match(r"^[b-df-hj-np-xzé](\s|$)", words) and text[-1:].isalpha():
                pass
            elif (" " not in _words(previous) and words[:1].islower()
                  and used + line[0]["x1"] - line[0]["x0"] > room - 0.5):
                text += " " + WRAPPED_WORD  # `programmati` / `on` or `Intersections` / `ajustées`: said, not guessed
            else:
                text += SOFT_BREAK if words[:1].isupper() else " "
        text += words
    return text


def _words(line: list[dict]) -> str:
    """The characters of one line, with a space where a gap between two of them shows one."""
    out = ""
    for index, char in enumerate(line):
        if index and char["x0"] - line[index - 1]["x1"] > 0.2 * char["size"] and not out.endswith(" "):
            out += " "
        out += char["text"]
    return re.sub(r"\s+", " ", out).strip()


def _lines(page, top: float, bottom: float, headings: set[str] | None = None) -> list[str]:
    """The text between two heights of a page, one item per paragraph: the lines a PDF wrapped (same
    font size, close together) are joined back, so a title or a heading is one item. Items set larger
    than the page's body text, or bold, are added to `headings` (a PDF keeps no heading styles)."""
    if bottom - top < 1:
        return []
    area = page.crop((0, max(top, 0), page.width, min(bottom, page.height)))
    body = Counter(round(c["size"], 1) for c in page.chars).most_common(1)
    body_size = body[0][0] if body else 0.0
    bold: dict[float, bool] = {}
    rows: list[list[dict]] = []
    for word in area.extract_words(extra_attrs=["size", "fontname"]):
        bold[word["top"]] = bold.get(word["top"], True) and "bold" in word["fontname"].lower()
        if rows and abs(word["top"] - rows[-1][0]["top"]) <= 2:
            rows[-1].append(word)
        else:
            rows.append([word])
    items: list[tuple[str, float, float, bool]] = []  # text, size, top, bold
    for words in rows:
        text = " ".join(w["text"] for w in sorted(words, key=lambda w: w["x0"]))
        size, line_top = round(max(w["size"] for w in words), 1), words[0]["top"]
        heavy = all(bold.get(w["top"], False) for w in words)
        if items and items[-1][1] == size and line_top - items[-1][2] <= 1.4 * size:
            previous = items[-1][0]
            joined = previous + text if previous.endswith("-") and text[:1].isupper() else f"{previous} {text}"
            items[-1] = (joined, size, line_top, items[-1][3] and heavy)
        else:
            items.append((text, size, line_top, heavy))
    if headings is not None:
        headings.update(clean_text(text) for text, size, _top, heavy in items
                        if (size >= 1.15 * body_size or heavy) and clean_text(text))
    return [clean_text(text) for text, _size, _top, _heavy in items if clean_text(text)]
