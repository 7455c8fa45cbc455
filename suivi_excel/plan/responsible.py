"""Split a plan's responsible cell into the services it names: the first leads, the others are partners.

Plans write `Loisirs / Communications`, `Urbanisme, Travaux publics`, `Bibliothèque et Service
des loisirs`, or one service per line. But a single name may hold a comma or an `et` (`Service
des loisirs, de la culture et de la vie communautaire`): a name the plan also writes alone in a
responsible cell is kept whole, and a piece that starts like the rest of a name (`de la …`, `et
de …`) stays with the piece before it.
"""

from __future__ import annotations

import re
from collections import Counter

from suivi_excel.core.text import fold

_STRONG = re.compile(r"\s*(?:\n|;|/|\+|\s&\s)\s*")  # always between two names
_WEAK = re.compile(r"\s*(?:,|\bet\b|\bainsi que\b)\s*")  # between two names, or inside one
_CONTINUES = re.compile(r"^(?:de|des|du|d'|d’|la|le|les|l'|l’|aux|au|à|en|pour|sur|et)\b", re.IGNORECASE)


def cell_names(text: str, lines_are_wraps: bool = False) -> str:
    """The cell as it names its services: a PDF's wrapped lines joined back."""
    return re.sub(r"\s*\n\s*", " ", text).strip() if lines_are_wraps else text.strip()


def alone(cells: list[str]) -> Counter:
    """How often each folded text is a whole responsible cell with no `/`, `;`, `+` or line between names."""
    return Counter(fold(cell) for cell in cells if cell and len(_STRONG.split(cell)) == 1)


def split_responsible(text: str, seen_alone: Counter) -> list[str]:
    """The services a responsible cell names, in order, the lead first.

    Args:
        text: the cell (`cell_names`), line breaks being the author's.
        seen_alone: `alone` over every responsible cell of the plan (this one included).
    """
    others = seen_alone.copy()
    others[fold(text)] -= 1  # this cell is no evidence about itself
    names: list[str] = []
    for part in _STRONG.split(text.strip()):
        part = part.strip(" -–—•·").strip()
        if part:
            names.extend(_split_weak(part, others))
    return names


def _split_weak(part: str, seen_alone: Counter) -> list[str]:
    pieces = [p.strip() for p in _WEAK.split(part) if p.strip()]
    separators = _WEAK.findall(part)
    merged: list[str] = []
    for index, piece in enumerate(pieces):
        if merged and (_CONTINUES.match(piece) or piece[:1].islower()):
            merged[-1] = f"{merged[-1]}{separators[index - 1] if index - 1 < len(separators) else ' '}{piece}"
        else:
            merged.append(piece)
    if len(merged) == 1:
        return [_tidy(merged[0])]
    known = [seen_alone[fold(piece)] > 0 for piece in merged]
    if not any(known) and seen_alone[fold(part)] >= 1:
        return [_tidy(part)]  # written this way again and again, and none of its pieces alone: one name
    # pieces that together make a name the plan writes alone stay together
    result: list[str] = []
    i = 0
    while i < len(merged):
        for j in range(len(merged), i + 1, -1):
            joined = _rejoin(part, merged[i:j])
            if joined is not None and seen_alone[fold(joined)] > 0 and not all(known[i:j]):
                result.append(joined)
                i = j
                break
        else:
            result.append(merged[i])
            i += 1
    return [_tidy(name) for name in result]


def _rejoin(whole: str, pieces: list[str]) -> str | None:
    """The stretch of `whole` that runs from the first piece to the last, as written."""
    start = whole.find(pieces[0])
    end = whole.find(pieces[-1], start) + len(pieces[-1]) if start >= 0 else -1
    return whole[start:end] if start >= 0 and end > start else None


def _tidy(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip(" ,;")
