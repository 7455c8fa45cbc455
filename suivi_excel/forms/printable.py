"""A form's `À imprimer` tab: the service's actions and answers one page wide, legible on paper.

A service tab holds some twenty columns, too many for one page at a legible size, and Excel cannot
leave columns out of a print. The per-service workbook therefore carries a tab to print: each action's
number and text, then every column the service fills, as formulas that show what the service typed
in its own tab (the printed copy is always the current one). The tab is locked and read by nobody:
returns are read from the service tab only.
"""

from __future__ import annotations

from suivi_excel.core import printing
from suivi_excel.core.columns import ACTION, NUMBER, PLAN_COLUMNS, TRACKING_COLUMNS
from suivi_excel.core.tabs import TAB_PRINT
from suivi_excel.core.text import column_letter
from suivi_excel.forms.texts import PRINT_WHERE_TO_FILL

_PLAN_PRINTED = (NUMBER, ACTION)
_HANDWRITING = 2  # lines left in each row to write by hand on paper


def printable_tab(book, heads: tuple[object, object], plan, service: str, tab: str, first_track: int,
                  title: str) -> None:
    """Add the `À imprimer` tab mirroring the service tab `tab`.

    Args:
        book: the workbook being written.
        heads: the header formats of plan columns and of tracking columns.
        plan: the plan.
        service: the service (named whole in the page header).
        tab: its tab's name.
        first_track: the column of the first tracking column in the service tab.
        title: the page header's right part.
    """
    sheet = book.add_worksheet(TAB_PRINT)
    # xlsxwriter passes every formula through some thirty regular expressions that prefix Excel 365's
    # functions (`_xlfn.`); this tab's formulas are all IF over one cell, which none of them touches,
    # and there is one per cell to fill: skipping them makes `generer` a third faster at 600 actions
    # (1.95 s -> 1.24 s, measured in-process on the bench's M plan). The written XML is the same.
    sheet._prepare_formula = _plain_formula
    base = {"valign": "top", "text_wrap": True, "border": 1, "border_color": "#808080"}
    formats = {"head_plan": heads[0], "head_track": heads[1], "locked": book.add_format({**base, "bg_color": "#F2F2F2"})}
    formats |= {c.header: book.add_format({**base, **({"num_format": c.number_format} if c.number_format else {})})
                for c in TRACKING_COLUMNS}
    declared = {c.header: c.printed_width for c in PLAN_COLUMNS}
    headers = [*_PLAN_PRINTED, *(c.header for c in TRACKING_COLUMNS)]
    wanted = [declared[h] for h in _PLAN_PRINTED] + [c.printed_width for c in TRACKING_COLUMNS]
    # a header's words whole (a column's printed width is what its values need)
    widths = printing.shrink_to([max(w, printing.word_width(h)) for w, h in zip(wanted, headers)])
    for col, (header, width) in enumerate(zip(headers, widths)):
        sheet.write_string(0, col, header, formats["head_plan"] if header in _PLAN_PRINTED else formats["head_track"])
        sheet.set_column(col, col, width)
    sheet.set_row(0, printing.header_height(headers, widths))
    quoted = "'" + tab.replace("'", "''") + "'"
    actions = plan.service_actions(service)
    for row, action in enumerate(actions[list(_PLAN_PRINTED)].itertuples(index=False), start=1):
        for col, value in enumerate(action):
            sheet.write_string(row, col, "" if value is None else str(value), formats["locked"])
        for offset, column in enumerate(TRACKING_COLUMNS):
            source = f"{quoted}!{column_letter(first_track + offset)}{row + 1}"
            # an empty cached result: LibreOffice and Excel compute it on opening
            sheet.write_formula(row, len(_PLAN_PRINTED) + offset, f'=IF({source}="","",{source})',
                                formats[column.header], "")
        lines = printing.text_lines(str(action[1] or ""), widths[1])
        sheet.set_row(row, printing.LINE_POINTS * max(lines, _HANDWRITING) + 2)
    sheet.freeze_panes(1, 2)
    sheet.protect("", {"select_locked_cells": True, "select_unlocked_cells": True, "format_rows": True,
                       "format_columns": True})
    where = PRINT_WHERE_TO_FILL.format(tab=printing.escape_header(tab))
    printing.setup(sheet, widths, header_rows=1, header=f"&L&\"-,Bold\"{printing.escape_header(service)}&C"
                   f"{where}&R{printing.escape_header(title)}")


def _plain_formula(formula: str, expand_future_functions: bool = False) -> str:
    """A formula as xlsxwriter stores it (no leading `=`), for formulas without Excel 365 functions."""
    return formula[1:] if formula.startswith("=") else formula
