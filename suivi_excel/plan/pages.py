"""A PDF's pages, as the import reads across them: rows a page break cut in two, words a narrow column cut.

A PDF keeps no table across pages: each page is a table of its own, and a row that runs past the
foot of a page goes on at the top of the next one, its merged cells left empty there. A narrow
column wraps a long word onto the next line, where nothing tells a cut word from two words
(`sources.WRAPPED_WORD` marks the place): the plan's own vocabulary decides, or `À vérifier` says.
"""

from __future__ import annotations

import re
from collections import Counter

from suivi_excel.core.text import fold
from suivi_excel.plan.rows import RawAction
from suivi_excel.plan.schedule import is_tick
from suivi_excel.plan.sources import SOFT_BREAK, WRAPPED_WORD, Source
from suivi_excel.plan.tables import SECTIONS, Field, Header, Note, clean_cell, fill_covered


def cell_text(row: list[str | None], col: int) -> str:
    """The cleaned text of a row's cell, "" past the row's end or when empty."""
    return clean_cell(row[col]) if col < len(row) and row[col] else ""


_AROUND_MARK = re.compile(r"(\S+)\s*" + WRAPPED_WORD + r"\s*(\S+)")


def vocabulary(source: Source) -> Counter:
    """The words the plan writes whole (folded), to tell a word a narrow column cut from two words."""
    words: Counter = Counter()
    for table in source.tables:
        texts = [cell for row in table.rows for cell in row if cell] + table.before
        for text in texts:
            words.update(_bare(w) for w in _AROUND_MARK.sub(" ", text).split())
    return words


def _bare(word: str) -> str:
    return fold(word).strip(".,;:()«»\"'!?")


def unwrap(cells: dict[Field, str], raw: dict[Field, str], notes: list[Note], where: str, known: Counter) -> None:
    """A PDF line that a single word filled to the edge, the next one starting in lower case: the word may
    have been cut by a narrow column (`intergénérati` / `onnels`) or simply wrapped (`Intersections` /
    `ajustées`). The plan's own words decide: the joined word written whole elsewhere is one word, two
    words each written elsewhere are two; otherwise two words, said as a probable correction."""
    doubtful = []

    def decide(match: re.Match) -> str:
        first, rest = match.group(1), match.group(2)
        if known[_bare(first + rest)] > 0:
            return first + rest
        if not (known[_bare(first)] > 0 and known[_bare(rest)] > 0):
            doubtful.append(f"{first} {rest}")
        return f"{first} {rest}"

    for name, text in cells.items():
        if WRAPPED_WORD in text:
            cells[name] = _AROUND_MARK.sub(decide, text).replace(WRAPPED_WORD, "")
    for name, text in raw.items():  # the responsible and partner cells: names, split apart later
        raw[name] = text.replace(" " + WRAPPED_WORD, " ").replace(WRAPPED_WORD, "")
    if doubtful:
        notes.append(Note.of("word-maybe-cut", where, ", ".join(dict.fromkeys(doubtful)), probable=True))


def carry_over_page(row: list[str | None], previous: RawAction, columns: dict[Field, int]) -> None:
    """The first row of a page continues the merges of the page before: cells it marks as covered take
    the text above, and an empty axe or objective cell (a merged cell goes on, its text stays on the
    page before) takes the previous action's."""
    fill_covered(row, previous.table.rows[previous.row])
    for name in SECTIONS:
        col = columns.get(name)
        if col is not None and col < len(row) and not (row[col] or "").strip():
            row[col] = getattr(previous, name)




def _joined(first: str, rest: str, lines: bool = False) -> str:
    """Two pieces of a cell a page break cut: a word cut after its hyphen, or before the lone last letter a
    narrow column pushed down (`communautaire` / `s`), is joined back without a space. With `lines` (a
    responsible or partners cell), a piece that starts with a capital may be the next name: the break
    stays an uncertain one (`SOFT_BREAK`), as inside a page."""
    if not first or not rest:
        return (first or rest).strip()
    if (first.endswith("-") and not first.endswith(" -")) or (
            re.match(r"^[b-df-hj-np-xzé](\s|$)", rest) and first[-1:].isalpha()):
        return first + rest
    separator = SOFT_BREAK if lines and rest[:1].isupper() else " "
    return f"{first}{separator}{rest}".strip()


def cut_by_page(cells: dict[Field, str], previous: RawAction, first_of_page: bool, row: list[str | None],
                 header: Header) -> bool:
    """Whether a PDF row is the end of the previous action, cut by a page break: in a numbered plan,
    a row without a number; otherwise text only, starting in lower case at the top of a page."""
    if cells.get(Field.NUMBER):  # a number the page cut (`2.1.1.` / `4`) goes on; a whole one starts an action
        return first_of_page and bool(re.search(r"[.\-]$", previous.cells.get(Field.NUMBER, "")))
    if Field.NUMBER in header.columns and previous.cells.get(Field.NUMBER):
        return first_of_page or not cells.get(Field.LEAD)
    if not first_of_page:
        return False
    if cells.get(Field.ACTION, "")[:1].islower():  # an action's text starts with a capital: this one goes on
        return True
    scheduled = any(is_tick(cell_text(row, c)) for c in header.periods) or any(cells.get(n) for n in (
        Field.SCHEDULE, Field.START, Field.END))
    return not scheduled and not cells.get(Field.LEAD)


def continue_previous(action: RawAction, cells: dict[Field, str], raw: dict[Field, str], notes: list[Note],
                       where: str) -> None:
    before = {name: text.split(" ")[-1] for name, text in action.cells.items()}
    for name, text in cells.items():
        if not text:
            continue
        if name in SECTIONS:
            if text != getattr(action, name):  # the page before may have carried it whole already
                setattr(action, name, _joined(getattr(action, name), text))
        elif name is Field.NUMBER:
            action.cells[name] = action.cells.get(name, "") + text
        else:
            action.cells[name] = _joined(action.cells.get(name, ""), text)
    for name, text in raw.items():
        if text:
            action.raw[name] = _joined(action.raw.get(name, ""), text, lines=True)
    glued = [f"{a} / {b}" for name, b in cells.items() if b and name not in (*SECTIONS, Field.NUMBER)
             for a in [before.get(name, "")] if a and not (a.endswith("-") or " " in b[:2] or len(b) > 1)]
    notes.append(Note.of("row-joined-to-previous", where, " | ".join(v for v in cells.values() if v)))
    if glued:
        notes.append(Note.of("word-cut-by-page", where, ", ".join(glued)))
