"""How a sheet prints: paper, scale, repeated headers, header rows tall enough, pages that keep things whole.

Every printed page must be legible (text at 7 pt or more) and show its headers whole. A sheet's columns
decide its paper: Letter landscape when they fit one page wide at a legible scale, Legal (what many
municipalities print wide tables on) when only that fits, and otherwise a fixed legible scale over
several pages wide, the first column(s) repeated, for the sheets people rarely print whole (their
`À imprimer` layout is the one to print).

Widths are estimated as LibreOffice prints them without Calibri (DejaVu Sans in its place), the widest
case measured: one unit of column width prints 7 points wide at 100 %. Excel with Calibri prints the
same columns narrower, so what fits here fits there.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

LETTER, LEGAL = 1, 5  # Excel's paper codes
_PAPER_WIDTH = {LETTER: 11.0, LEGAL: 14.0}  # inches, landscape
PAPER_HEIGHT = 8.5
SIDE_MARGIN, TOP_MARGIN, BOTTOM_MARGIN, HEADER_MARGIN = 0.4, 0.6, 0.6, 0.25  # inches
POINTS_PER_UNIT = 7.0  # measured: ten columns of 15 units on Legal at 0.4" margins print at 9.5 pt of 11
UNIT_PADDING = 0.71  # what Excel adds to each width written
MIN_SCALE = 0.70  # with charts: 11-pt cells print at 7.7 pt, 10-pt chart labels at 7 pt
TABLE_SCALE = 0.66  # tables alone: 11-pt cells print at 7.3 pt
LINE_POINTS = 15  # a row per line of 11-point text
MIN_PRINT_WIDTH = 8  # a text column is never squeezed below this to fit the page


@dataclass(frozen=True)
class Fit:
    """The paper and scale a sheet prints at."""

    paper: int
    scale: float  # of the widest page
    pages_wide: int


def printed_points(widths: Iterable[float]) -> float:
    """The width columns take on paper at 100 %, in points (hidden columns count 0)."""
    return sum((w + UNIT_PADDING) * POINTS_PER_UNIT for w in widths if w)


def usable_width(paper: int) -> float:
    return (_PAPER_WIDTH[paper] - 2 * SIDE_MARGIN) * 72


def usable_height() -> float:
    """The height rows take on a landscape page, in points at 100 %."""
    return (PAPER_HEIGHT - TOP_MARGIN - BOTTOM_MARGIN) * 72


def fit(widths: Sequence[float], papers: Sequence[int] = (LETTER, LEGAL), least: float = TABLE_SCALE) -> Fit:
    """The first paper of `papers` on which `widths` fit one page wide at scale `least` or more; else the
    last paper at that scale, over as many pages wide as needed."""
    width = printed_points(widths)
    for paper in papers:
        scale = min(1.0, usable_width(paper) / width) if width else 1.0
        if scale >= least:
            return Fit(paper, scale, 1)
    paper = papers[-1]
    return Fit(paper, least, math.ceil(width * least / usable_width(paper)))


def shrink_to(widths: Sequence[float], paper: int = LEGAL) -> list[float]:
    """Widths narrowed, the widest first, so that they print one page wide at 68 % (7.5 pt) on `paper`:
    a printable layout keeps its columns however many the declarations add."""
    widths = list(widths)
    budget = usable_width(paper) / 0.68 / POINTS_PER_UNIT - UNIT_PADDING * len(widths)
    while sum(widths) > budget:
        widest = max(range(len(widths)), key=lambda i: widths[i])
        if widths[widest] <= MIN_PRINT_WIDTH:
            break
        widths[widest] = max(MIN_PRINT_WIDTH, widths[widest] - 1)
    return widths


def setup(sheet, widths: Sequence[float], header_rows: int = 1, repeat_columns: int = 0,
          papers: Sequence[int] = (LETTER, LEGAL), header: str = "", fixed: bool = False,
          least: float = TABLE_SCALE, printed: tuple[int, int] | None = None) -> Fit:
    """Print a sheet landscape, one page wide where its columns allow it, its header rows on every page.

    Args:
        sheet: the xlsxwriter worksheet.
        widths: its columns' widths, as set (0 for a hidden column).
        header_rows: rows repeated at the top of every page (0 for none).
        repeat_columns: columns repeated at the left when the sheet spreads over several pages wide.
        papers: the papers to try, in order.
        header: the page header's text (xlsxwriter codes), if any.
        fixed: print at the scale found rather than "fit to width", so that manual page breaks hold
            (Excel ignores them under "fit to").
        least: the smallest scale accepted one page wide (`MIN_SCALE` where charts print).
        printed: (last row, columns) to print only the first columns, the others being for the screen
            (a print area is one block: they must come first).

    Returns:
        The paper and scale chosen.
    """
    if printed is not None:
        widths = list(widths)[:printed[1]]
        sheet.print_area(0, 0, max(printed[0], 1), printed[1] - 1)
    found = fit(widths, papers, least)
    sheet.set_landscape()
    sheet.set_paper(found.paper)
    sheet.set_margins(SIDE_MARGIN, SIDE_MARGIN, TOP_MARGIN, BOTTOM_MARGIN)
    if found.pages_wide == 1 and not fixed:
        sheet.fit_to_pages(1, 0)
    else:
        sheet.set_print_scale(max(10, math.floor(found.scale * 100)))
        if found.pages_wide > 1 and repeat_columns:
            sheet.repeat_columns(0, repeat_columns - 1)
    if header_rows:
        sheet.repeat_rows(0, header_rows - 1)
    if header:
        sheet.set_header(header, {"margin": HEADER_MARGIN})
    sheet.set_footer("&CPage &P de &N", {"margin": HEADER_MARGIN})
    return found


def text_lines(text: str, width: float, bold: bool = False) -> int:
    """How many lines `text` takes wrapped in a column `width` units wide (word by word, as Excel wraps)."""
    # DejaVu Sans, which LibreOffice prints in Calibri's place, takes about a unit of width per letter
    per_line = max(int(width * (0.9 if bold else 1.0)) - 1, 1)
    lines = 0
    for part in str(text).split("\n"):
        length = 0
        count = 1
        for word in part.split():
            needed = len(word) if length == 0 else length + 1 + len(word)
            if needed > per_line and length:
                count += 1 + (len(word) - 1) // per_line
                length = len(word) % per_line or per_line
            else:
                length = needed
                while length > per_line:
                    count += 1
                    length -= per_line
        lines += count
    return max(lines, 1)


def word_width(header: object) -> float:
    """The narrowest width that shows a header's longest word whole, in bold (a count's column)."""
    longest = max((len(word) for word in str(header).split()), default=1)
    return round(longest * 1.1 + 1, 1)


def header_height(headers: Iterable[object], widths: Iterable[float]) -> float:
    """A header row's height fitting every header wrapped whole in its column (bold text)."""
    lines = max((text_lines(str(h), w, bold=True) for h, w in zip(headers, widths) if w), default=1)
    return LINE_POINTS * lines + 3


def fitted_height(values: Iterable[object], widths: Iterable[float], most: int = 30) -> float | None:
    """A row's height fitting its text wrapped in its columns (at most `most` lines), or None for one line."""
    lines = max((text_lines(v, w) for v, w in zip(values, widths) if isinstance(v, str) and v and w), default=1)
    return LINE_POINTS * min(lines, most) + 2 if lines > 1 else None


def keep_together(heights: Sequence[float], blocks: Sequence[tuple[int, int]], scale: float,
                  first_row: int = 0) -> list[int]:
    """Manual page breaks so that no block of rows is cut by a page break.

    Args:
        heights: each row's height in points, from row 0.
        blocks: (first, last) rows that must print on one page (a chart and the rows it covers, a list's
            heading with its header and first rows); sorted, not overlapping.
        scale: the print scale.
        first_row: rows before it are counted on the first page as well.

    Returns:
        The rows before which a page break goes (xlsxwriter's `set_h_pagebreaks`).
    """
    page = usable_height() / scale * 0.97  # a little slack: programs round row heights their own way
    breaks: list[int] = []
    starts = {first: last for first, last in blocks}
    used = 0.0
    row = 0
    while row < len(heights):
        if row in starts:
            block = sum(heights[row:starts[row] + 1])
            if used + block > page and used > 0 and block <= page:
                breaks.append(row)
                used = 0.0
        if used + heights[row] > page and used > 0:  # the page's natural end
            breaks.append(row)
            used = 0.0
        used += heights[row]
        row += 1
    return breaks


def row_heights(sheet, last_row: int) -> list[float]:
    """The height of each row of an xlsxwriter worksheet up to `last_row`, in points, as set so far."""
    sizes = sheet.row_sizes  # pixels (xlsxwriter keeps them to place charts)
    default = sheet.default_row_height
    return [(sizes[row][0] if row in sizes else default) * 0.75 for row in range(last_row + 1)]


def escape_header(text: str) -> str:
    """Text for a page header or footer, where `&` starts a code (`&P`): a literal one is doubled."""
    return text.replace("&", "&&")
