"""Understand one table of an adopted plan: its header, its section rows, its actions.

A table's header is found among its first rows by the words plans use (`Axe d'intervention`,
`Moyen d'action`, `Porteur`, `Échéancier`…), over one or two rows (`Échéancier` above the year
columns). Rows that hold a single text across the table are sections (`AXE 1 — …`,
`Objectif 1.2 : …`) that apply to the rows below. Every reading that a coordinator should
check is kept as a `Note` with the place it comes from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from suivi_excel.core.columns import (
    ACTION,
    AXE,
    BUDGET,
    END,
    INDICATOR,
    LEAD,
    NUMBER,
    OBJECTIVE,
    PARTNERS,
    PLAN_COLUMNS,
    SERVICE,
    START,
    TARGET,
)
from suivi_excel.core.messages.import_notes import IMPORT_NOTES, QUOTED
from suivi_excel.core.text import fold, match_key
from suivi_excel.plan.schedule import Period, period_of
from suivi_excel.plan.sources import SOFT_BREAK, WRAPPED_WORD, SourceTable

class Field(str, Enum):
    """What an action of an adopted plan is read into: the keys of `RawAction.cells`, `Header.columns` and a
    fiche's cells. Named, so that a misspelt field fails at import: a spelt key would read "" without a word
    (`cells.get("responsible", "")`) and an action would lose its lead."""

    NUMBER = "no"
    AXE = "axe"
    OBJECTIVE = "objectif"
    ACTION = "action"
    LEAD = "responsable"
    PARTNERS = "partenaires"
    SCHEDULE = "echeancier"  # a schedule written in words (`2025-2026`, `Court terme`): read into START and END
    START = "debut"
    END = "fin"
    INDICATOR = "indicateur"
    TARGET = "cible"
    BUDGET = "budget"

    def __str__(self) -> str:  # the key itself, on Python 3.10 as on 3.11+ (whose `format` gives `Field.AXE`)
        return self.value


SECTIONS = (Field.AXE, Field.OBJECTIVE)  # what a section row or a heading gives the actions below it
NAMES = (Field.LEAD, Field.PARTNERS)  # the cells whose lines are kept as written (`RawAction.raw`): names, split later

SCHEDULE = "Échéancier"  # not a column of the plan workbook: a schedule is read into its Début and Fin
# field -> the plan's own header for it: its column of `core.columns.PLAN_COLUMNS`, whose header and aliases the
# importer reads as well as the plan workbook's reader does (an alias added there is known to both)
FIELD_HEADERS = {Field.NUMBER: NUMBER, Field.AXE: AXE, Field.OBJECTIVE: OBJECTIVE, Field.ACTION: ACTION,
                 Field.LEAD: LEAD, Field.PARTNERS: PARTNERS, Field.SCHEDULE: SCHEDULE, Field.START: START,
                 Field.END: END, Field.INDICATOR: INDICATOR, Field.TARGET: TARGET, Field.BUDGET: BUDGET}
# field -> the other header words real plans use for it (compared without case, accents, spaces or punctuation)
IMPORT_WORDS: dict[Field, tuple[str, ...]] = {
    Field.NUMBER: ("#", "Réf", "Référence", "Code"),
    Field.AXE: ("Axes", "Axes d'intervention", "Champ d'action", "Champs d'action", "Orientation", "Orientations",
                "Volet", "Thème", "Thématique"),
    Field.OBJECTIVE: ("Objectifs", "Objectif spécifique", "Objectifs spécifiques", "Objectif général",
                      "Objectifs généraux"),
    Field.ACTION: ("Moyen d'action", "Moyens d'action", "Moyen(s) d'action", "Mesure", "Mesures",
                   "Actions à réaliser", "Actions proposées", "Activités", "Moyens", "Quoi", "Quoi ?"),
    Field.LEAD: ("Services responsables", "Responsable", "Responsables", "Responsable(s)", "Porteurs", "Porteur(s)",
                 "Porteur du dossier", "Responsabilité", "Maître d'œuvre", "Direction responsable",
                 "Service(s) responsable(s)", "Qui", "Qui ?", "Par qui"),
    Field.PARTNERS: ("Collaborateurs", "Collaborateur", "Collaborateur(s)", "Partenaires potentiels",
                     "Collaboration", "Partenaires et collaborateurs", "Avec qui", "Avec qui ?"),
    Field.SCHEDULE: ("Échéance", "Échéances", "Année", "Années", "Année(s)", "Calendrier",
                     "Période de réalisation", "Réalisation", "Horizon", "Échéancier de réalisation", "Quand",
                     "Quand ?"),
    Field.START: (),
    Field.END: (),
    Field.INDICATOR: ("Résultats attendus", "Résultat attendu", "Indicateurs de résultat", "Indicateurs de suivi"),
    Field.TARGET: (),
    Field.BUDGET: ("Coût", "Coûts", "Coût estimé", "Ressources", "Ressources financières", "Investissement",
                   "Coût ($)"),
}
# the columns' aliases an adopted plan means otherwise: a plan's `Échéance` says when (`2025-2026`, `Court terme`),
# a schedule rather than an end; `Service`, which every header starting with it would match (`Service des
# loisirs`), would take a responsibility matrix's service columns, marked R or P, for the lead's
READ_OTHERWISE = ("Échéance", SERVICE)  # SERVICE, the Services sheet's header, is an alias of LEAD


def _fields() -> dict[Field, tuple[str, ...]]:
    """Field -> every header word it is read from: its column's header and aliases, then `IMPORT_WORDS`."""
    columns = {column.header: column for column in PLAN_COLUMNS}
    found = {}
    for name, header in FIELD_HEADERS.items():
        aliases = columns[header].aliases if header in columns else ()
        found[name] = (header, *(a for a in aliases if a not in READ_OTHERWISE), *IMPORT_WORDS[name])
    return found


def _keys(fields: dict[Field, tuple[str, ...]]) -> dict[str, Field]:
    """Each word's key -> its field; checked at import: a word two fields claim would be read as either."""
    keys: dict[str, Field] = {}
    for name, words in fields.items():
        for word in words:
            if keys.setdefault(match_key(word), name) is not name:
                raise ValueError(f"{word!r} is a header word of both {keys[match_key(word)]} and {name}")
    return keys


FIELDS = _fields()
_KEYS = _keys(FIELDS)
_PREFIXES = sorted(((k, n) for k, n in _KEYS.items() if len(k) >= 5), key=lambda item: -len(item[0]))
_HEADER_SCAN = 15  # header rows are found among the first rows of a table
_LABEL_WORDS = 8  # a header cell or a fiche's label is a few words; an action's text is more


@dataclass(frozen=True)
class Note:
    """One interpretation the import made, for the `À vérifier` sheet.

    `what` is the sentence of its `code` in the catalogue (`messages.IMPORT_NOTES`), `text` what was read;
    `probable` marks what probably needs a correction (listed first, with a box to tick);
    `number` names the action(s) it concerns once numbered (`1.1, 1.2`)."""

    where: str
    what: str
    text: str = ""
    number: str = ""
    probable: bool = False
    code: str = ""

    @classmethod
    def of(cls, code: str, where: str, text: str = "", number: str = "", probable: bool = False,
           **params: object) -> "Note":
        """The note `code` of the catalogue, its sentence filled with `params`."""
        return cls(where, IMPORT_NOTES[code].format(**params), text, number, probable, code)


@dataclass
class Header:
    """Where the header of a table is and what its columns hold."""

    first_data: int  # the row where actions start
    columns: dict[Field, int]  # field -> column
    extras: dict[int, str]  # column -> source header, for columns we do not map
    periods: dict[int, Period] = field(default_factory=dict)  # schedule columns ticked per year, rank or term
    titles: dict[int, str] = field(default_factory=dict)  # column -> header text as written
    width: int = 0
    combined: bool = False  # `Responsable (partenaires)`: the partners follow the lead in parentheses
    services: dict[int, str] = field(default_factory=dict)  # a matrix's service columns, marked R or P
    groups: dict[str, list[int]] = field(default_factory=dict)  # a group heading over the columns it names

    @property
    def signature(self) -> tuple[str, ...]:
        """The header's titles, to know it again on the next page."""
        return tuple(match_key(self.titles.get(c, "")) for c in range(self.width))


@dataclass
class Fiche:
    """One action of a label | value table: field -> value, the labels it had, the rows it took."""

    cells: dict[Field, str]
    raw: dict[Field, str]  # field -> value as written (line breaks kept)
    extras: dict[str, str]
    rows: list[int]
    where: str
    number: str = ""


def field_of(header: str) -> Field | None:
    """The field a header names, or None (an action's text is not a header, even if it starts with `Mesure`)."""
    key = match_key(header)
    if not key or len(str(header).split()) > _LABEL_WORDS:
        return None
    if key in _KEYS:
        return _KEYS[key]
    return next((name for prefix, name in _PREFIXES if key.startswith(prefix)), None)


def is_header_word(text: str) -> bool:
    """Whether a text is, whole, one of the header words plans use (`Échéancier`, `Porteur`)."""
    return match_key(text) in _KEYS


def clean_cell(text: str | None) -> str:
    """A cell's text on one line: hard spaces made plain, bullets dropped, lines joined.

    An author's bulleted lines are joined with `; `, other lines with a space; a PDF's
    uncertain line breaks (`SOFT_BREAK`) are spaces. The words are never changed.
    """
    if not text:
        return ""
    text = str(text).replace(SOFT_BREAK, " ").replace("\u00a0", " ").replace("\u202f", " ")
    lines = [line.strip() for line in text.split("\n")]
    bullet = r"^[•◦▪●■‣·\-–—*]\s+"
    bullets = sum(bool(re.match(bullet, line)) for line in lines)
    glyph = bullet if bullets >= 2 else r"^[•◦▪●■‣·]\s+"  # a dash alone may be the text's (`— volet 2`)
    lines = [re.sub(glyph, "", line) for line in lines if line]
    joined = "; ".join(lines) if bullets >= 2 else " ".join(lines)
    return re.sub(r"\s{2,}", " ", joined).strip()


def find_header(table: SourceTable) -> Header | None:
    """The header of `table`, or None when none of its first rows reads as one.

    The header row names the actions and at least one other field (schedule columns count as
    one); the row with the most fields wins. The next row continues it when, under it, each
    cell either repeats the one above (a merge down) or names a field or a period (`Échéancier`
    over `Début | Fin`, years, `Court terme`…), and the actions' cell holds no action's text.
    """
    best, best_score = None, 1
    for index, row in enumerate(table.rows[:_HEADER_SCAN]):
        texts = _distinct(row)
        fields = {field_of(c) for c in texts} - {None}
        if sum(period_of(c) is not None for c in texts) >= 2:
            fields.add(Field.SCHEDULE)
        if Field.ACTION in fields and len(fields) > best_score:
            best, best_score = index, len(fields)
    if best is None:
        return None
    if best > 0 and continues_header(table.rows[best - 1], table.rows[best]):
        best -= 1  # the row that names more fields is the second row of a header begun above it
    return _header_at(table, best)


def continues_header(row: list[str | None], below: list[str | None]) -> bool:
    """Whether `below` is the second row of the header `row` (see `find_header`)."""
    action = next((c for c, text in enumerate(row) if field_of(text or "") == Field.ACTION), None)
    if action is None or action >= len(below):
        return False
    if (below[action] or "").strip() and (below[action] or "").strip() != (row[action] or "").strip():
        return False  # the actions' cell holds text of its own: an action's row
    named = False
    for c, text in enumerate(below):
        text = (text or "").strip()
        if not text or (c < len(row) and text == (row[c] or "").strip()):
            continue
        if (period_of(text) is None and field_of(text) is None) or not _grouped(row, c):
            return False
        named = True
    return named


def _grouped(row: list[str | None], c: int) -> bool:
    """Whether the header cell above column `c` is empty or spans several columns (a group heading such
    as `Échéancier` merged over its years: the same text beside it, or a PDF's covered cell)."""
    def at(k: int) -> str | None:
        return row[k] if 0 <= k < len(row) else ""

    own = at(c)
    if own is None or not own.strip():
        return True
    return at(c + 1) is None or any((at(k) or "").strip() == own.strip() for k in (c - 1, c + 1))


def _rejoined(first: str, rest: str) -> str:
    """A header cell a page break cut: `Échéanci` / `er` is one word, `Service` / `responsable` two."""
    glued = f"{first.strip()}{rest.strip()}"
    if first.strip() and rest.strip() and field_of(glued) is not None and field_of(first) is None:
        return glued
    return f"{first} {rest}".strip()


def _header_at(table: SourceTable, index: int) -> Header:
    row = table.rows[index]
    below = table.rows[index + 1] if index + 1 < len(table.rows) else []
    width = max(len(r) for r in table.rows)
    two_rows = continues_header(row, below)
    periods = {c: p for c, text in enumerate(below if two_rows else []) if (p := period_of(text or ""))}
    if not periods:
        periods = {c: p for c, text in enumerate(row) if (p := period_of(text or ""))}
        if len(periods) < 2:
            periods = {}
    columns: dict[Field, int] = {}
    extras: dict[int, str] = {}
    titles: dict[int, str] = {}
    groups: dict[str, list[int]] = {}
    for col in range(width):
        upper = _title(row[col] if col < len(row) else "")
        lower = _title(below[col] if two_rows and col < len(below) else "")
        if two_rows and upper and lower and upper != lower:
            groups.setdefault(upper, []).append(col)
        if col in periods:
            titles[col] = periods[col].label
            continue
        # under a group heading (`Échéancier` over `Début | Fin`), the lower row names the column
        text = lower if lower and field_of(lower) else upper or lower
        titles[col] = text
        name = field_of(text)
        if name is not None and name not in columns:
            columns[name] = col
        elif text:
            extras[col] = text
    responsible = titles.get(columns[Field.LEAD], "") if Field.LEAD in columns else ""
    combined = bool(re.search(r"partenaire|collaborat", fold(responsible)))
    return Header(index + (2 if two_rows else 1), columns, extras, periods, titles, width, combined, {}, groups)


def _title(text: str | None) -> str:
    """A header cell's text: a word a narrow PDF column cut (`Échéanci` / `er`) is joined back."""
    return clean_cell((text or "").replace(" " + WRAPPED_WORD, "").replace(WRAPPED_WORD, ""))


ROLE_MARKS = {"r", "p", "c", "x", "s", "resp", "part", "collab", "✓", "✔", "●", "•", "■"}
LEAD_MARKS = {"r", "resp", "x", "✓", "✔", "●", "•", "■"}


def mark_services(table: SourceTable, header: Header) -> None:
    """A responsibility matrix: columns titled by a service, each action marking one `R` (leads) and
    some `P` or `C` (partners). Found among the columns `header` does not map, when at least two hold
    nothing but such marks and the table has no responsible column; moved to `header.services`."""
    if Field.LEAD in header.columns:
        return
    action = header.columns.get(Field.ACTION, 0)
    rows = [row for row in table.rows[header.first_data:]  # an action's row: a legend row says what marks mean
            if single_text(row) is None and action < len(row) and (row[action] or "").strip()]
    found = {}
    for col, title in header.extras.items():
        marks = {fold(clean_cell(row[col])) for row in rows if col < len(row) and (row[col] or "").strip()}
        if marks and marks <= ROLE_MARKS:
            found[col] = title
    if len(found) >= 2:
        header.services = found
        header.extras = {c: t for c, t in header.extras.items() if c not in found}


def fiches(table: SourceTable) -> list[Fiche]:
    """The actions of a label | value table (a fiche per action), or [] when the table is not one.

    Most rows hold a label that names a field (`Action`, `Responsable`, `Échéancier`…) and its
    value; an `Action` label met again starts the next action. A label with a number
    (`Action 1.2`) gives the action its number."""
    labelled: list[tuple[int, Field | None, str, str]] = []  # row, field, label, value (raw)
    filled = 0
    for r, row in enumerate(table.rows):
        texts = _distinct(row)
        if not texts:
            continue
        filled += 1
        if (row[0] or "").strip() != texts[0] or len(texts[0].split()) > _LABEL_WORDS:
            continue
        if len(texts) == 2:
            labelled.append((r, field_of(bare_label(texts[0])), clean_cell(texts[0]), texts[1]))
        elif len(row) >= 2 and not (row[-1] or "").strip() and field_of(bare_label(texts[0])):
            labelled.append((r, field_of(bare_label(texts[0])), clean_cell(texts[0]), ""))  # left empty
    named = {f for _r, f, _l, _v in labelled if f is not None}
    if Field.ACTION not in named or len(named) < 3 or len(labelled) < 0.6 * filled:
        return []
    found: list[Fiche] = []
    for r, name, label, value in labelled:
        if not found or (name is not None and name in found[-1].cells):
            found.append(Fiche({}, {}, {}, [], table.where(r, None)))
        fiche = found[-1]
        fiche.rows.append(r)
        if name is not None:
            fiche.cells[name] = clean_cell(value)
            fiche.raw[name] = value.strip()
            number = re.search(r"(?:n[o°º]\.?\s*)?(\w+(?:[.-]\w+)+|\d+)\s*$", label) if name is Field.ACTION else None
            if number and match_key(label) != match_key(ACTION):  # `Action 1.2`, not `Action`
                fiche.number = number.group(1)
        else:
            fiche.extras[label] = clean_cell(value)
    return [f for f in found if f.cells.get(Field.ACTION)]


def bare_label(label: str) -> str:
    """A fiche's label without its number or colon: `Action 1.2 :` -> `Action`."""
    return re.sub(r"\s*(?:n[o°º]\.?\s*)?[\w]*\d[\w.-]*\s*:?\s*$|\s*:\s*$", "", label.strip()) or label


def header_cut_by_page(table: SourceTable, header: Header, rest: list[str | None]) -> Header | None:
    """The header of a table whose page ends on its header row (`table` holds nothing else), completed by
    the first row of the next page when that row only finishes its words (`Collaborateu` / `rs`);
    None when the row is not such an end."""
    ends = [c.strip() for c in rest if c and c.strip()]
    if (header.first_data < len(table.rows) or header.periods or len(rest) != len(table.rows[-1])
            or not ends or not all(end[:1].islower() for end in ends)):
        return None  # an action's row, or anything but the ends of header words
    whole = [_rejoined(a or "", b or "") for a, b in zip(table.rows[-1], rest)]
    joined = _header_at(SourceTable(table.origin, [whole], where=table.where), 0)
    return joined if Field.ACTION in joined.columns else None


def header_notes(table: SourceTable, header: Header, told: set[tuple[str, str]]) -> list[Note]:
    """How each source header was read, when it differs from the plan's own words; a reading
    already in `told` (the same words in an earlier table) is not said again."""
    notes = []
    row = header.first_data - 1
    for name, col in header.columns.items():
        title = header.titles.get(col, "")
        if match_key(title) != match_key(FIELD_HEADERS[name]) and (title, name) not in told:
            told.add((title, name))
            notes.append(Note.of("header-read-as", table.where(row, col), title, header=FIELD_HEADERS[name]))
    for col, title in header.extras.items():
        if (title, "") in told:
            continue
        told.add((title, ""))
        notes.append(Note.of("column-kept", table.where(row, col), title, title=title))
    for group, cols in header.groups.items():
        if (group, "group") not in told and not set(cols) <= set(header.periods):
            told.add((group, "group"))
            notes.append(Note.of("header-two-rows", table.where(row - 1, cols[0]), group, group=group,
                                 columns=", ".join(QUOTED.format(name=header.titles[c]) for c in cols)))
    if header.periods:
        ticks = ", ".join(header.titles[c] for c in sorted(header.periods))
        notes.append(Note.of("ticked-columns", table.where(row, min(header.periods)), ticks))
    return notes


def _distinct(row: list[str | None]) -> list[str]:
    seen: list[str] = []
    for cell in row:
        text = (cell or "").strip()
        if text and text not in seen:
            seen.append(text)
    return seen


def is_repeated_header(row: list[str | None], header: Header) -> bool:
    """A row that says the header again (a PDF page, a table that repeats it)."""
    keys = {match_key(c) for c in row if c and c.strip()}
    titles = {match_key(t) for t in header.titles.values() if t}
    if keys and keys <= titles | {""} and len(keys) >= min(3, len(titles)):
        return True
    fields = {field_of(c or "") for c in row} - {None}
    return Field.ACTION in fields and len(fields) >= max(2, len(header.columns) - 1)


def fill_covered(row: list[str | None], above: list[str | None]) -> None:
    """Give the cells a PDF marks as covered by a merge (None) the text of the cell above them."""
    if row and row[0] is not None and all(cell is None for cell in row[1:]):
        return  # a section row spanning the table: nothing to fill
    for c, cell in enumerate(row):
        if cell is None and c < len(above):
            row[c] = above[c]


def single_text(row: list[str | None]) -> str | None:
    """The one text a row holds across the table (a section or a note), or None.

    The text must start the row or span several cells: a lone text further right is
    a row whose other cells are empty, not a section.
    """
    texts = _distinct(row)
    if len(texts) != 1:
        return None
    spans = sum((cell or "").strip() == texts[0] for cell in row)
    return texts[0] if (row and (row[0] or "").strip() == texts[0]) or spans >= 2 else None
