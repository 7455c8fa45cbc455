"""Split a plan's responsible cell into the services it names: the first leads, the others are partners.

Plans write `Loisirs / Communications`, `Urbanisme, Travaux publics`, `Bibliothèque et Service
des loisirs`, or one service per line. But a single name may hold a comma or an `et` (`Service
des loisirs, de la culture et de la vie communautaire`): a name the plan also writes alone in a
responsible cell is kept whole, and a piece that starts like the rest of a name (`de la …`, `et
de …`) stays with the piece before it. In a PDF, a line break may be the layout's or the
author's (`sources.SOFT_BREAK`): the words on each side decide.
"""

from __future__ import annotations

import re
from collections import Counter

from suivi_excel.core.text import fold
from suivi_excel.plan.sources import SOFT_BREAK

_STRONG = re.compile(r"\s*(?:\n|;|/|\+|\s&\s)\s*")  # always between two names
_WEAK = re.compile(r"\s*(?:,|\bet\b|\bainsi que\b)\s*")  # between two names, or inside one
_CONTINUES = re.compile(r"^(?:de|des|du|d'|d’|la|le|les|l'|l’|aux|au|à|en|pour|sur|et)\b", re.IGNORECASE)


_ENDS_OPEN = re.compile(r"(?:\b(?:de|des|du|la|le|les|et|à|au|aux|en|pour|sur|avec)|d'|d’|l'|l’|,)$", re.IGNORECASE)


def alone(cells: list[str]) -> Counter:
    """How often each folded text is a whole responsible cell with no `/`, `;`, `+` or line between names."""
    return Counter(fold(_spaced(cell)) for cell in cells if cell and len(_STRONG.split(cell)) == 1)


def _spaced(text: str) -> str:
    return text.replace(SOFT_BREAK, " ")


def split_responsible(text: str, seen_alone: Counter) -> list[str]:
    """The services a responsible cell names, in order, the lead first.

    Args:
        text: the cell (`cell_names`), line breaks being the author's.
        seen_alone: `alone` over every responsible cell of the plan (this one included).
    """
    others = seen_alone.copy()
    others[fold(_spaced(text))] -= 1  # this cell is no evidence about itself
    names: list[str] = []
    for part in _STRONG.split(text.strip()):
        for piece in _split_soft(part, others):
            piece = piece.strip(" -–—•·").strip()
            if piece:
                names.extend(_split_weak(piece, others))
    return names


def _split_soft(part: str, others: Counter) -> list[str]:
    """A PDF's uncertain line breaks: one between two names when the line before does not end like the
    first half of a name (`Service des` / `Travaux publics`) and the plan does not write the lines
    together elsewhere."""
    if SOFT_BREAK not in part or others[fold(_spaced(part))] > 0:
        return [_spaced(part)]
    pieces: list[str] = []
    for line in part.split(SOFT_BREAK):
        line = line.strip()
        if pieces and (_ENDS_OPEN.search(pieces[-1]) or _names_across(pieces[-1], line, others)):
            pieces[-1] = f"{pieces[-1]} {line}"
        else:
            pieces.append(line)
    return pieces


def _names_across(before: str, after: str, others: Counter) -> bool:
    """Whether a name the plan writes alone runs across the break (`Bibliothèque municipale` /
    `Gabrielle-Roy et …`)."""
    joined, head = fold(f"{before} {after}"), fold(before)
    return any(count > 0 and len(name) > len(head) and joined.startswith(name) for name, count in others.items())


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
