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


def alone(cells: list[str], certain: bool = False) -> Counter:
    """How often each folded text is a whole responsible cell with no `/`, `;`, `+` or line between names.

    With `certain`, a cell with a PDF's uncertain line break is no evidence (partners: the same
    two partners written in many actions are not one name for being written together often)."""
    return Counter(fold(_spaced(cell)) for cell in cells
                   if cell and len(_STRONG.split(cell)) == 1 and not (certain and SOFT_BREAK in cell))


def _spaced(text: str) -> str:
    return text.replace(SOFT_BREAK, " ")


_PARENTHESES = re.compile(r"\(([^()]*)\)")
_SHIELD = {",": "\ue000", ";": "\ue001", "/": "\ue002", "\n": "\ue003", " et ": "\ue004", SOFT_BREAK: "\ue005",
           "+": "\ue006"}


def split_responsible(text: str, seen_alone: Counter, combined: bool = False) -> tuple[list[str], list[str]]:
    """The services a responsible cell names, in order, the lead first; and the partners it names in
    parentheses when the column says so (`Responsable (partenaires)`: `Loisirs (FADOQ, Club de l'âge d'or)`).

    Elsewhere a parenthesis belongs to the name it follows (`Service des loisirs (SLCVC)`): nothing
    inside one separates two names.

    Args:
        text: the cell as written, line breaks being the author's.
        seen_alone: `alone` over every responsible cell of the plan (this one included).
        combined: the column holds the lead's partners in parentheses.
    """
    partners: list[str] = []
    if combined:
        inside = _PARENTHESES.findall(text)
        text = _PARENTHESES.sub(" ", text).strip()
        partners = [p for group in inside for p in (x.strip(" -–—•·") for x in re.split(r"[,;/\n]|\bet\b", group))
                    if p]
    text = _PARENTHESES.sub(lambda m: "(" + _shield(m.group(1)) + ")", text)
    others = seen_alone.copy()
    others[fold(_spaced(_unshield(text)))] -= 1  # this cell is no evidence about itself
    names: list[str] = []
    for part in _STRONG.split(text.strip()):
        for piece in _split_soft(part, others):
            piece = piece.strip(" -–—•·").strip()
            if piece:
                names.extend(_split_weak(piece, others))
    return [re.sub(r"\s+", " ", _unshield(n)).strip() for n in names if _unshield(n).strip()], partners


def split_lines(text: str, known: Counter, one_per_line: bool = False) -> tuple[list[str], bool]:
    """The items of a cell written one per line (partners), and whether a line break was left uncertain.

    Each line the author ended is an item; commas are kept as the plan writes them. A PDF's
    uncertain line break (`SOFT_BREAK`) separates two items only when one of them is written
    alone elsewhere in the plan (`known`), or when the plan writes this column one item per line
    (`one_per_line`: other cells of it have lines the author ended); otherwise the lines are read
    as one name, and said.
    """
    items: list[str] = []
    uncertain = False
    for part in re.split(r"\s*\n\s*", text.strip()):
        part = re.sub(r"^[-–—•·▪◦‣*]\s+", "", part)  # a list's bullet; a dash inside a name stays
        others = known.copy()
        others[fold(_spaced(part))] -= 1  # this line is no evidence about itself
        pieces: list[str] = []
        for line in part.split(SOFT_BREAK):
            line = re.sub(r"\s+", " ", line.strip(" •·▪◦‣")).strip()
            if not line:
                continue
            if pieces and not (one_per_line or others[fold(line)] > 0 or others[fold(pieces[-1])] > 0) or (
                    pieces and _ENDS_OPEN.search(pieces[-1])):
                uncertain = uncertain or not _ENDS_OPEN.search(pieces[-1])
                pieces[-1] = f"{pieces[-1]} {line}"
            else:
                pieces.append(line)
        items.extend(pieces)
    return items, uncertain


def looks_like_several(name: str) -> bool:
    """A lead service whose name holds a list (`Loisirs (FADOQ, Club de l'âge d'or)`) or runs long with
    commas: probably a name plus partners."""
    inside = " ".join(_PARENTHESES.findall(name))
    return bool(re.search(r",|;|\bet\b|/", inside)) or (len(name) > 70 and name.count(",") >= 2)


def _shield(text: str) -> str:
    for plain, mark in _SHIELD.items():
        text = text.replace(plain, mark)
    return text


def _unshield(text: str) -> str:
    for plain, mark in _SHIELD.items():
        text = text.replace(mark, plain)
    return text


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
