"""The bilan's two charts as pictures (matplotlib, no display needed), each with its text alternative.

A bilan is printed and photocopied in black and white and read aloud by screen readers: every series
has its own hatch and grey level as well as its colour, every bar carries its figure, and each chart
comes with a sentence that gives the same figures (the picture's alt text and its caption).
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass

import pandas as pd

from suivi_excel.core.columns import AXE, COUNT, DONE, IN_PROGRESS, ONGOING, REPORT_STATUSES
from suivi_excel.core.palette import STATUS_LOOKS
from suivi_excel.core.text import percent_text
from suivi_excel.report import texts

# colour (distinct in grey too) and hatch of each status, and of the three parts of the axes' bars
_STATUS_STYLE = {status: (look.print_colour, look.hatch) for status, look in STATUS_LOOKS.items()}
_DONE, _GOING, _REST = texts.CHART_PARTS
_PARTS = ((_DONE, *_STATUS_STYLE[DONE]), (_GOING, *_STATUS_STYLE[IN_PROGRESS]), (_REST, "#FFFFFF", "///"))
_DPI = 150
_WIDTH = 6.3  # inches: the text width of a Letter page with its margins


@dataclass(frozen=True)
class Chart:
    png: bytes
    alt: str  # the figures, in a sentence


def _figure(height: float):
    """A figure drawn off screen; the object API, not pyplot, which costs half a second to import."""
    import matplotlib
    from matplotlib.figure import Figure

    matplotlib.rcParams.update({"font.size": 9, "hatch.linewidth": 0.8, "axes.spines.top": False,
                                "axes.spines.right": False})
    figure = Figure(figsize=(_WIDTH, height))
    return figure, figure.subplots()


def _png(figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=_DPI, bbox_inches="tight")
    return buffer.getvalue()


def _status_words(status: str, count: int) -> str:
    word, plural = texts.STATUS_COUNT_WORDS[status]
    return f"{count} {word}{'s' if plural and count > 1 else ''}"


def status_chart(by_status: dict[str, int]) -> Chart:
    """A bar per status that has actions, its count at its end."""
    shown = [s for s in REPORT_STATUSES if by_status.get(s, 0)]
    total = sum(by_status.values())
    figure, axes = _figure(0.45 * max(len(shown), 1) + 0.9)
    for index, status in enumerate(shown):
        colour, hatch = _STATUS_STYLE[status]
        axes.barh(index, by_status[status], color=colour, hatch=hatch, edgecolor="#000000", linewidth=0.8,
                  height=0.65)
        axes.text(by_status[status], index, f"  {by_status[status]}", va="center", fontweight="bold")
    axes.set_yticks(range(len(shown)), shown)
    axes.invert_yaxis()
    axes.set_xlabel(texts.ACTION_COUNT)
    axes.set_xlim(0, max([by_status[s] for s in shown] + [1]) * 1.15)
    axes.xaxis.get_major_locator().set_params(integer=True)
    axes.set_title(texts.STATUS_CHART_TITLE.format(total=total), loc="left", fontweight="bold")
    parts = [_status_words(s, by_status[s]) for s in shown]
    alt = texts.STATUS_CHART_ALT.format(total=total, parts=", ".join(parts)) if parts else texts.NO_ACTION_ALT
    return Chart(_png(figure), alt)


def axes_chart(table: pd.DataFrame) -> Chart:
    """A bar per axe, 100 % wide, split into done, under way and the rest, its completion rate at its end.

    Args:
        table: one row per axe with `Axe`, `Actions` and a column per status (`indicators.by_group`).
    """
    names = [textwrap.fill(str(a), 34) for a in table[AXE]]
    lines = sum(n.count("\n") + 1 for n in names)
    figure, axes = _figure(0.32 * lines + 0.35 * len(names) + 1.2)
    done = (table[DONE] + table[ONGOING]).astype(float)
    going = table[IN_PROGRESS].astype(float)
    totals = table[COUNT].astype(float).where(table[COUNT] > 0, 1.0)
    shares = [done / totals, going / totals, 1 - (done + going) / totals]
    left = pd.Series(0.0, index=table.index)
    for (label, colour, hatch), share in zip(_PARTS, shares):
        axes.barh(range(len(names)), share * 100, left=left * 100, color=colour, hatch=hatch,
                  edgecolor="#000000", linewidth=0.8, height=0.6, label=label)
        left = left + share
    for index, rate in enumerate(shares[0]):
        axes.text(101, index, f"{percent_text(rate)}", va="center", fontweight="bold")
    axes.set_yticks(range(len(names)), names)
    axes.invert_yaxis()
    axes.set_xlim(0, 112)
    axes.set_xticks([0, 25, 50, 75, 100], ["0 %", "25 %", "50 %", "75 %", "100 %"])
    axes.set_xlabel(texts.AXES_CHART_AXIS)
    axes.set_title(texts.AXE_CHART, loc="left", fontweight="bold", pad=24)
    axes.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncol=3, frameon=False, fontsize=8,
                handlelength=2.5, borderaxespad=0.2)
    parts = [texts.AXES_CHART_PART.format(axe=axe, rate=percent_text(rate), done=int(d), total=int(n))
             for axe, rate, d, n in zip(table[AXE], shares[0], done, table[COUNT])]
    alt = texts.AXES_CHART_ALT.format(parts=" ; ".join(parts))
    return Chart(_png(figure), alt)
