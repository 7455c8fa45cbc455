"""A table's printable layout: the columns that matter on paper, one page wide, wrapped, legible.

Excel cannot hide a column on paper only, and a print area is one block of adjacent columns, so a
wide table (the report's `Actions`, 25 columns and more) gets a sheet of its own to print: the
columns a reader of paper needs, each as wide as its declaration says it prints (`printed_width`),
narrowed together when more are declared than a Legal page holds at 7 pt, on Letter when they fit it.
The full table stays on screen, every column, in its own sheet.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from suivi_excel.core import printing
from suivi_excel.core.cells import write_value
from suivi_excel.core.columns import (
    ACTION,
    COMMENTS,
    END,
    GOOD_NEWS,
    LATE,
    LEAD,
    MUNICIPALITY,
    NUMBER,
    OBSTACLES,
    PLAN_COLUMNS,
    PROGRESS,
    STATUS,
    SUPPORT,
    TRACKING_COLUMNS,
    printed_width,
)
from suivi_excel.history.carry import LAST_STATUS, SINCE
from suivi_excel.report import texts

# what the committee reads on paper: the action, who carries it, where it stands, what blocks it.
# Headers absent from a table are skipped; a column added here prints at its declared width.
REPORT_PRINTED = (NUMBER, ACTION, LEAD, END, STATUS, LAST_STATUS,
                  PROGRESS, LATE, SUPPORT, OBSTACLES, GOOD_NEWS, COMMENTS)
_DECLARED = {c.header: c.printed_width for c in (*PLAN_COLUMNS, *TRACKING_COLUMNS)}
_OTHERS = {MUNICIPALITY: 16, LATE: 8, LAST_STATUS: 11.5, SINCE: 8}


def printed_widths(headers: Sequence[str]) -> list[float]:
    """Each header's width on paper, narrowed together to fit one Legal page wide at 7 pt or more."""
    wanted = [_DECLARED.get(h) or _OTHERS.get(h) or printed_width("text", 14) for h in headers]
    return printing.shrink_to([max(w, printing.word_width(h)) for w, h in zip(wanted, headers)])


def printable_sheet(sheet, frame: pd.DataFrame, wanted: Sequence[str], formats, title: str) -> list[str]:
    """Write the printable layout of `frame` on `sheet`: the `wanted` columns it has, one page wide.

    Args:
        sheet: a new worksheet.
        frame: the whole table.
        wanted: the headers to print, in order (absent ones skipped).
        formats: the report's formats (`sheets.Formats`).
        title: the page header's left part (what this is).

    Returns:
        The headers printed.
    """
    headers = [h for h in wanted if h in frame.columns]
    widths = printed_widths(headers)
    for col, (header, width) in enumerate(zip(headers, widths)):
        sheet.write_string(0, col, header, formats.header)
        sheet.set_column(col, col, width)
    sheet.set_row(0, printing.header_height(headers, widths))
    styles = [formats.money if "$" in h else formats.number if h == PROGRESS else formats.text
              for h in headers]
    for row, record in enumerate(frame[headers].itertuples(index=False), start=1):
        for col, value in enumerate(record):
            write_value(sheet, row, col, value, formats.text, formats.date, styles[col])
        height = printing.fitted_height(record, widths)
        if height:
            sheet.set_row(row, height)
    sheet.freeze_panes(1, 0)
    printing.setup(sheet, widths, header_rows=1, header=f"&L{printing.escape_header(title)}&R{texts.PRINTED_COLUMNS}")
    return headers
