"""How each status looks, in one table: every workbook, chart and picture takes its colours from here.

Three uses, one hue per status: `colour` fills the report's and the region's charts (Excel); `fill`,
its pale tint, marks a status cell of a form so the text stays legible; the bilan's pictures are
printed and photocopied in black and white, so they take `print_colour` (distinct in grey too) and a
`hatch`. A status missing here, or a misspelt one, fails at import.
"""

from __future__ import annotations

from dataclasses import dataclass

from suivi_excel.core.columns import (
    ABANDONED,
    DONE,
    IN_PROGRESS,
    NOT_REPORTED,
    NOT_STARTED,
    ONGOING,
    POSTPONED,
    REPORT_STATUSES,
    TO_CHECK,
)


@dataclass(frozen=True)
class StatusLook:
    colour: str  # report and region charts
    fill: str  # a status cell of a form (a pale tint of `colour`); "" where a form never shows it
    print_colour: str  # the bilan's pictures, distinct in grey
    hatch: str  # the bilan's pictures, matplotlib's hatch pattern


STATUS_LOOKS = {
    NOT_STARTED: StatusLook("#A6A6A6", "#D9D9D9", "#FFFFFF", ""),
    IN_PROGRESS: StatusLook("#FFC000", "#FFE699", "#F9A825", "..."),
    DONE: StatusLook("#70AD47", "#A9D08E", "#2E7D32", ""),
    ONGOING: StatusLook("#5B9BD5", "#9BC2E6", "#1565C0", "///"),
    POSTPONED: StatusLook("#ED7D31", "#F4B183", "#EF6C00", "xx"),
    ABANDONED: StatusLook("#7F7F7F", "#BFBFBF", "#616161", "\\\\\\"),
    TO_CHECK: StatusLook("#C00000", "", "#C62828", "++"),
    NOT_REPORTED: StatusLook("#D9D9D9", "", "#E0E0E0", "--"),
}
if set(STATUS_LOOKS) != set(REPORT_STATUSES):
    raise ValueError("every status of a report needs its look")
