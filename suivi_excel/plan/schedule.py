"""Read the schedule of an adopted plan's action: the years it runs, however the plan writes them.

`2025`, `2025-2026`, `2025 à 2027`, `2025, 2026`; years ticked in year columns (`2025`, fiscal
years `2025-2026`, `An 1`, `Court terme`: a `Period` each); `An 1`, `An 2 et 3`, `An 1 à 3`
(counted from the plan's first year); `Court terme`… (years from the plan's legend or
`--termes`); `En continu`, `Continu`, `Annuel` (the whole plan). What cannot be read is said,
never guessed.
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


# how a schedule was read (`Years.how`), by name: a misspelt one fails at import, not in a settled plan
READ_NOTHING, READ_YEARS, READ_RELATIVE, READ_ONGOING, READ_UNREADABLE, READ_WITHOUT_FIRST_YEAR = READINGS = (
    "", "années", "relatif", "continu", "illisible", "sans plan")


@dataclass(frozen=True)
class Years:
    """What a schedule says: the first and last year (None when unread) and how it was read."""

    start: int | None
    end: int | None
    how: str  # one of READINGS


TERMS = ("court", "moyen", "long")


@dataclass(frozen=True)
class Period:
    """What a schedule column's header names: years (`2025`, `2025-2026`), a rank (`An 2`) or a term."""

    label: str
    start: int | None = None
    end: int | None = None
    rank: int | None = None
    term: str | None = None


def period_of(text: str) -> Period | None:
    """The period a header cell of a schedule column names, or None.

    `2025`, `An 2025`; a fiscal year `2025-2026` (two years that follow each other); `An 1`,
    `Année 2`, `1re année`; `Court terme`, `Moyen terme`, `Long terme` (`CT`, `MT`, `LT`).
    """
    if not text or len(text) > 40:
        return None
    text = re.sub(r"(\d)\s+(?=\d)", r"\1", text)  # a narrow PDF column wraps `2025` as `202` / `5`
    year = is_year(text)
    if year is not None:
        return Period(text.strip(), year, year)
    folded = fold(text).replace("–", "-").replace("—", "-")
    match = re.fullmatch(r"\s*(19[89]\d|20\d\d)\s*[-/]\s*(\d{2}|\d{4})\s*", folded)
    if match:
        first, second = int(match.group(1)), match.group(2)
        last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
        if last == first + 1:
            return Period(text.strip(), first, last)
    rank = relative_year(text)
    if rank is not None:
        return Period(text.strip(), rank=rank)
    term = term_of(folded)
    if term is not None and len(folded.split()) <= 3:
        return Period(text.strip(), term=term)
    return None


def term_of(folded: str) -> str | None:
    """`court`, `moyen` or `long` when a folded text names a term (`Court terme`, `CT`), else None."""
    match = re.search(r"\b(court|moyen|long)\s*-?\s*terme\b", folded)
    if match:
        return match.group(1)
    short = re.fullmatch(r"\s*(ct|mt|lt)\s*", folded)
    return {"ct": "court", "mt": "moyen", "lt": "long"}[short.group(1)] if short else None


_SPAN = r"(20\d\d)(?:\s*(?:-|–|—|à|a|au|et)\s*(20\d\d))?"


def legend_terms(lines: list[str]) -> dict[str, tuple[int, int]]:
    """The years a plan's legend gives its terms: `Court terme : 2025 ; moyen terme : 2026-2027`."""
    found: dict[str, tuple[int, int]] = {}
    for line in lines:
        folded = fold(line).replace("–", "-").replace("—", "-")
        for match in re.finditer(r"\b(court|moyen|long)\s*-?\s*terme\s*(?:\(|:|=|-|\s)\s*" + _SPAN, folded):
            first = int(match.group(2))
            found.setdefault(match.group(1), (first, int(match.group(3) or first)))
    return found


def legend_first_year(lines: list[str]) -> int | None:
    """The plan's first year from a legend that dates its ranks: `An 1 : 2025`, `An 2 (2026)`."""
    for line in lines:
        match = re.search(r"\ban(?:nee)?\s*(\d)\s*(?:\(|:|=|-)\s*(20\d\d)\b", fold(line))
        if match:
            return int(match.group(2)) - int(match.group(1)) + 1
    return None


def parse_terms(text: str) -> dict[str, tuple[int, int]] | None:
    """`--termes`: `court=2025,moyen=2026-2027,long=2028` (also `:` and `;`); None when unreadable."""
    found: dict[str, tuple[int, int]] = {}
    for part in re.split(r"[,;]\s*|\s+(?=[a-z])", fold(text)):
        match = re.fullmatch(r"\s*(court|moyen|long)(?:\s*terme)?\s*[=:]\s*" + _SPAN + r"\s*", part)
        if not match:
            return None
        first = int(match.group(2))
        last = int(match.group(3) or first)
        if last < first:
            return None
        found[match.group(1)] = (first, last)
    return found or None


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
        return Years(None, None, READ_NOTHING)
    years = [int(y) for y in _YEAR.findall(folded)]
    if len(years) == 1 and last and years[0] < last and re.search(
            r"\b(?:des|a partir d[e']|depuis)\s*(?:l'annee\s*)?" + str(years[0]) + r"|" + str(years[0])
            + r"\s*(?:et suivante?s?|et plus|et \+|\+|et apres|a aller)", folded):
        return Years(years[0], last, READ_ONGOING)  # `Dès 2026`, `2026 et suivantes`: until the plan ends
    if years:
        if any(word in folded for word in _WHOLE_PLAN) and len(years) == 1 and last and years[0] < last:
            return Years(years[0], last, READ_ONGOING)  # "en continu dès 2026"
        return Years(min(years), max(years), READ_YEARS)
    relative = relative_ranks(folded)
    if relative:
        if first is None:
            return Years(None, None, READ_WITHOUT_FIRST_YEAR)
        return Years(first + min(relative) - 1, first + max(relative) - 1, READ_RELATIVE)
    if any(word in folded for word in _WHOLE_PLAN):
        if first is None:
            return Years(None, None, READ_WITHOUT_FIRST_YEAR)
        return Years(first, last or first, READ_ONGOING)
    return Years(None, None, READ_UNREADABLE)


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
    """The plan's first and last years from a title such as `Plan d'action 2025-2027`, or None.

    A line that spans fiscal years (`2025-2026 à 2027-2028`) gives its first and last years."""
    for line in lines:
        folded = fold(line)
        match = re.search(r"\b(20\d\d)\s*(?:-|–|—|à|a|au)\s*(20\d\d)\b", folded)
        if match and int(match.group(1)) <= int(match.group(2)) <= int(match.group(1)) + 10:
            years = [int(y) for y in re.findall(r"\b(20\d\d)\b", folded[match.start():])]
            years = [y for y in years if int(match.group(1)) <= y <= int(match.group(1)) + 10]
            return int(match.group(1)), max(years)
    return None
