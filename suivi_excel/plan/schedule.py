"""Read the schedule of an adopted plan's action: the years it runs, however the plan writes them.

`2025`, `2025-2026`, `2025 à 2027`, `2025, 2026`; years ticked in year columns; `An 1`,
`An 2 et 3`, `An 1 à 3` (counted from the plan's first year); `En continu`, `Continu`,
`Annuel` (the whole plan). What cannot be read is said, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from suivi_excel.core.text import fold

_YEAR = re.compile(r"\b(19[89]\d|20\d\d)\b")
_RELATIVE = re.compile(r"\b(?:an|annee|annees|ans)\s*(\d)(?:\s*(?:,|et|a|au|-|–|—)\s*(\d))*")
_ORDINAL = re.compile(r"\b(\d)\s*(?:re|er|e|eme|ere)\s+annee")
_WHOLE_PLAN = ("en continu", "continu", "annuel", "annuelle", "annuellement", "chaque annee", "recurrent",
               "recurrente", "permanent", "permanente", "en tout temps", "tout au long", "toute la duree",
               "duree du plan", "en cours", "ponctuel et continu")
_TICKS = {"x", "✓", "✔", "✗", "●", "•", "■", "▪", "◼", "√", "*", "oui", "o", "v", "xx"}


@dataclass(frozen=True)
class Years:
    """What a schedule says: the first and last year (None when unread) and how it was read."""

    start: int | None
    end: int | None
    how: str  # "", "années", "relatif", "continu", "illisible", "sans plan"


def is_year(text: str) -> int | None:
    """The year a header cell names (`2025`, `2025-2026`'s first is not one), or None."""
    match = re.fullmatch(r"\s*(?:an(?:nee)?\s*)?(19[89]\d|20\d\d)\s*", fold(text))
    return int(match.group(1)) if match else None


def relative_year(text: str) -> int | None:
    """The rank a header cell names (`An 1`, `Année 2`, `1re année`), or None."""
    folded = fold(text)
    match = re.fullmatch(r"\s*(?:an|annee)\s*(\d)\s*", folded) or re.fullmatch(
        r"\s*(\d)\s*(?:re|er|e|eme|ere)\s+annee\s*", folded)
    return int(match.group(1)) if match else None


def is_tick(text: str) -> bool:
    """A cell of a year column that marks the year (anything but blank and `-`, `non`, `0`)."""
    folded = fold(text)
    return bool(folded) and folded not in {"-", "–", "non", "0", "n/a", "s.o."}


def unusual_tick(text: str) -> bool:
    return fold(text) not in _TICKS


def read_schedule(text: str, first: int | None, last: int | None) -> Years:
    """The years a schedule's wording gives.

    Args:
        text: the cell as written.
        first, last: the plan's first and last years, when known (for `An 2` and `En continu`).
    """
    folded = fold(text).replace("–", "-").replace("—", "-")
    if not folded:
        return Years(None, None, "")
    years = [int(y) for y in _YEAR.findall(folded)]
    if years:
        if any(word in folded for word in _WHOLE_PLAN) and len(years) == 1 and last and years[0] < last:
            return Years(years[0], last, "continu")  # "en continu dès 2026"
        return Years(min(years), max(years), "années")
    relative = relative_ranks(folded)
    if relative:
        if first is None:
            return Years(None, None, "sans plan")
        return Years(first + min(relative) - 1, first + max(relative) - 1, "relatif")
    if any(word in folded for word in _WHOLE_PLAN):
        if first is None:
            return Years(None, None, "sans plan")
        return Years(first, last or first, "continu")
    return Years(None, None, "illisible")


def relative_ranks(folded: str) -> list[int]:
    """The plan years a folded schedule counts from the first one.

    `an 1` -> [1]; `an 2 et 3` -> [2, 3]; `an 1 a 3` -> [1, 3]; `1re et 2e annees` -> [1, 2].
    """
    match = _RELATIVE.search(folded)
    if match:
        return [int(n) for n in re.findall(r"\d", folded[match.start():match.end()])]
    ranks = [int(n) for n in _ORDINAL.findall(folded)]
    if ranks:
        return ranks
    match = re.search(r"\b(\d)(?:re|er|e)\s*(?:et|a|-|,)\s*(\d)(?:e|eme)\s+annees?", folded)
    return [int(match.group(1)), int(match.group(2))] if match else []


def plan_years(lines: list[str]) -> tuple[int, int] | None:
    """The plan's first and last years from a title such as `Plan d'action 2025-2027`, or None."""
    for line in lines:
        match = re.search(r"\b(20\d\d)\s*(?:-|–|—|à|a|au)\s*(20\d\d)\b", fold(line))
        if match and int(match.group(1)) <= int(match.group(2)) <= int(match.group(1)) + 10:
            return int(match.group(1)), int(match.group(2))
    return None
