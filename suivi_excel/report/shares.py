"""Not reported is not "no progress" (§13): the unreported share, in the tables and in the charts.

An axe whose services did not answer would show a 0 % completion rate, exactly like an axe where
nothing moved. The `Par axe` and `Par service` tables get a `Part non renseignée` column, the chart by
axe stacks it (hatched) after the completion rate, and every chart draws `Non renseigné` hatched:
its own look, that reads in colour and in black and white, in Excel and in LibreOffice.
"""

from __future__ import annotations

import math

import pandas as pd

from suivi_excel.core.columns import COUNT, DONE, NOT_REPORTED, RATE
from suivi_excel.core.palette import STATUS_LOOKS

UNREPORTED_SHARE = "Part non renseignée"
_DONE_COLOUR = STATUS_LOOKS[DONE].colour  # the completion rate is drawn as the done actions are


def with_unreported_share(table: pd.DataFrame) -> pd.DataFrame:
    """`table` (`indicators.by_group`) with the share of its actions nobody reported on, after the rate."""
    table = table.copy()
    actions = pd.to_numeric(table[COUNT])
    share = (pd.to_numeric(table[NOT_REPORTED]) / actions.where(actions > 0)).fillna(0.0).astype(float)
    table.insert(list(table.columns).index(RATE) + 1, UNREPORTED_SHARE, share)
    return table


def unreported_look() -> dict:
    """The fill and border of `Non renseigné` in a chart: grey hatching on white."""
    return {"pattern": {"pattern": "wide_upward_diagonal", "fg_color": "#7F7F7F", "bg_color": "#FFFFFF"},
            "border": {"color": "#7F7F7F"}}


def share_bars(book, sheet, row: int, source: str, table: pd.DataFrame, title: str, per_bar: int) -> int:
    """A bar per row of `table` (written on sheet `source`): its completion rate, then its unreported share
    hatched, on a 0–100 % scale; inserted at `row`, returns the next free row."""
    height = 120 + per_bar * len(table)
    columns = list(table.columns)
    chart = book.add_chart({"type": "bar", "subtype": "stacked"})
    for header, look in ((RATE, {"fill": {"color": _DONE_COLOUR}}), (UNREPORTED_SHARE, unreported_look())):
        col = columns.index(header)
        chart.add_series({
            "name": header, "categories": [source, 1, 0, len(table), 0], "values": [source, 1, col, len(table), col],
            **look, "gap": 60,
            # the rate is always labelled (0 % means something); the unreported share only when there is one
            # (at the bar's base: a 0 % label does not run into the axe's name)
            "data_labels": {"value": True, "num_format": "0 %" if header == RATE else '0 %;;""',
                            "position": "inside_base" if header == RATE else "center"},
        })
    chart.set_title({"name": title, "name_font": {"size": 12}})
    chart.set_x_axis({"min": 0, "max": 1, "num_format": "0 %", "major_gridlines": {"visible": True}})
    chart.set_y_axis({"reverse": True})
    chart.set_legend({"position": "bottom"})
    chart.set_size({"width": 930, "height": height})
    sheet.insert_chart(row, 0, chart)
    return row + math.ceil(height / 20) + 1
