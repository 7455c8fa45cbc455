"""Write one Python value into an xlsxwriter cell with the right type.

Text is always written as text (never a formula or a link), dates as real
dates, numbers as numbers; None and NaN leave the cell blank but formatted.
"""

from __future__ import annotations

import datetime as dt
import math


def write_value(sheet, row: int, col: int, value: object, text_format=None, date_format=None,
                number_format=None) -> None:
    """Write `value` at (row, col) using the format that fits its type."""
    if type(value) is str:  # the common case first: reports write tens of thousands of cells
        sheet.write_string(row, col, value, text_format)
    elif value is None or (isinstance(value, float) and math.isnan(value)):
        sheet.write_blank(row, col, None, text_format)
    elif isinstance(value, (dt.date, dt.datetime)):
        sheet.write_datetime(row, col, value, date_format)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        sheet.write_number(row, col, value, number_format or text_format)
    else:
        sheet.write_string(row, col, str(value), text_format)


LINE_HEIGHT = 15  # points per line of 11-point Calibri


def row_height(values, widths) -> float | None:
    """Height fitting wrapped text of `values` in columns of `widths` characters, or None for one line.

    Spreadsheet programs do not grow rows for wrapped text written by xlsxwriter,
    so rows holding long text get an explicit height.
    """
    lines = 1
    for value, width in zip(values, widths):
        if isinstance(value, str) and value and width:
            per_line = max(int(width * 1.1) - 1, 1)
            lines = max(lines, sum(-(-max(len(part), 1) // per_line) for part in value.split("\n")))
    return LINE_HEIGHT * min(lines, 12) if lines > 1 else None


def rate_formula(count_cell: str, done_cells: list[str]) -> str:
    """The completion rate as a formula: actions done over actions, 0 when there are none."""
    return f"=IF({count_cell}>0,({'+'.join(done_cells)})/{count_cell},0)"
