"""The import's self-test: every word of the plan's tables is in the written plan, or said to be set aside.

Run on every import, after the plan is settled and before it is written. The words of each
cell of the source's tables (a merged cell once; a header said again on each page once) are
counted, then those of everything the written plan holds (actions, services, parameters, the
`À vérifier` notes). A word the source has more often than the plan was lost somewhere:
the tables that hold it are named in `À vérifier`, first, so a reading error never goes silent.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from suivi_excel.core.messages.import_notes import AND_MORE, HEADERS_PLACE
from suivi_excel.core.text import fold
from suivi_excel.plan.sources import WRAPPED_WORD, Source, SourceTable
from suivi_excel.plan.tables import Note

_TICKS = {"x", "xx", "oui", "o", "v"}  # a tick becomes the year it ticks, not a word of the plan
_SHOWN = 12


Snapshot = list[tuple[SourceTable, list[list[str | None]]]]


def snapshot(source: Source) -> Snapshot:
    """The cells of every table as read, before the import fills merges and joins cut rows."""
    return [(table, [list(row) for row in table.rows]) for table in source.tables]


def words(text: object) -> list[str]:
    """The words of a text for the count: folded, split on anything but letters and digits."""
    folded = fold(str(text)).replace("œ", "oe").replace("æ", "ae")
    return [w for w in re.findall(r"[^\W_]+", folded) if w not in _TICKS and (len(w) > 1 or w.isdigit())]


def written_words(texts: Iterable[object]) -> Counter:
    counts: Counter = Counter()
    for value in texts:
        if value is None or value == "":
            continue
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, int):  # an amount the plan wrote `15 000 $`
            counts.update(words(f"{value:,}".replace(",", " ")))
        counts.update(words(value))
    return counts


def missing(tables: Snapshot, structure: set[tuple[int, int, int]], written: Counter) -> list[Note]:
    """The notes naming words of the source's tables that the written plan lacks, a table each.

    Args:
        tables: `snapshot` of the source.
        structure: header cells (`Reading.structure`): their words count once in the whole plan.
        written: `written_words` of everything the plan workbook holds.
    """
    per_table: list[tuple[SourceTable, Counter]] = []
    headers: set[str] = set()
    for table, rows in tables:
        counts: Counter = Counter()
        for r, row in enumerate(rows):
            whole = (id(table), r, -1) in structure
            for c, cell in enumerate(row):
                if cell is None or (r, c) in table.merged or not str(cell).strip():
                    continue
                if whole or (id(table), r, c) in structure:  # a header word a narrow column cut is read whole
                    headers.update(words(str(cell).replace(" " + WRAPPED_WORD, "").replace(WRAPPED_WORD, "")))
                else:
                    counts.update(words(cell))
        per_table.append((table, counts))
    total: Counter = sum((counts for _t, counts in per_table), Counter())
    total.update({w: 1 for w in headers if w not in total})
    lost = total - written
    places = [(table.origin, [w for w in counts if w in lost]) for table, counts in per_table]
    vocabulary = " ".join(written)  # a header cut by a page (`echeanci` / `er`) is in the word it makes
    places.append((HEADERS_PLACE, [w for w in headers if w in lost and w not in vocabulary and not any(
        w in counts for _t, counts in per_table)]))
    notes = []
    for origin, here in places:
        if here:
            shown = ", ".join(here[:_SHOWN])
            if len(here) > _SHOWN:
                shown = AND_MORE.format(first=shown, more=len(here) - _SHOWN)
            notes.append(Note.of("words-missing", origin, shown, probable=True))
    return notes
