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

from suivi_excel.core.text import fold, match_key
from suivi_excel.plan.schedule import is_year, relative_year
from suivi_excel.plan.sources import SOFT_BREAK, SourceTable

# field -> the header words real plans use for it (compared without case, accents, spaces or punctuation)
FIELDS: dict[str, tuple[str, ...]] = {
    "no": ("No", "N°", "Nº", "No.", "Numéro", "Num", "#", "Réf", "Référence", "Code", "No action",
           "Numéro de l'action"),
    "axe": ("Axe", "Axes", "Axe d'intervention", "Axes d'intervention", "Champ d'action", "Champs d'action",
            "Champ d'intervention", "Orientation", "Orientations", "Volet", "Thème", "Thématique"),
    "objectif": ("Objectif", "Objectifs", "Objectif spécifique", "Objectifs spécifiques", "Objectif général",
                 "Objectifs généraux"),
    "action": ("Action", "Actions", "Action(s)", "Moyen d'action", "Moyens d'action", "Moyen(s) d'action",
               "Mesure", "Mesures", "Actions à réaliser", "Actions proposées", "Description de l'action",
               "Activités", "Moyens"),
    "responsable": ("Service responsable", "Services responsables", "Responsable", "Responsables",
                    "Responsable(s)", "Porteur", "Porteurs", "Porteur(s)", "Porteur du dossier", "Responsabilité",
                    "Maître d'œuvre", "Service porteur", "Direction responsable", "Service(s) responsable(s)"),
    "partenaires": ("Partenaires", "Partenaire", "Partenaire(s)", "Collaborateurs", "Collaborateur",
                    "Collaborateur(s)", "Partenaires potentiels", "Collaboration", "Partenaires et collaborateurs"),
    "echeancier": ("Échéancier", "Échéance", "Échéances", "Année", "Années", "Année(s)", "Calendrier",
                   "Période de réalisation", "Réalisation", "Horizon", "Échéancier de réalisation"),
    "debut": ("Début", "Année de début", "Date de début"),
    "fin": ("Fin", "Année de fin", "Date de fin"),
    "indicateur": ("Indicateur", "Indicateurs", "Indicateur(s)", "Résultats attendus", "Résultat attendu",
                   "Indicateurs de résultat", "Indicateurs de suivi"),
    "cible": ("Cible", "Cibles", "Cible(s)"),
    "budget": ("Budget", "Budget prévu", "Budget prévu ($)", "Coût", "Coûts", "Coût estimé", "Ressources",
               "Ressources financières", "Investissement", "Budget ($)", "Coût ($)"),
}
# field -> the plan's own header for it
FIELD_HEADERS = {"no": "No", "axe": "Axe", "objectif": "Objectif", "action": "Action",
                 "responsable": "Service responsable", "partenaires": "Partenaires", "echeancier": "Échéancier",
                 "debut": "Début", "fin": "Fin", "indicateur": "Indicateur", "cible": "Cible",
                 "budget": "Budget prévu ($)"}
_KEYS = {match_key(word): name for name, words in FIELDS.items() for word in words}
_PREFIXES = sorted(((k, n) for k, n in _KEYS.items() if len(k) >= 5), key=lambda item: -len(item[0]))
_AXE_WORDS = ("axe", "orientation", "champ d", "volet", "theme", "thematique", "enjeu")
_NOTE_WORDS = ("*", "note", "n.b", "nb :", "source", "legende", "total", "†")
_HEADER_SCAN = 15  # header rows are found among the first rows of a table


@dataclass(frozen=True)
class Note:
    """One interpretation the import made, for the `À vérifier` sheet: where, what, the text read."""

    where: str
    what: str
    text: str = ""
    number: str = ""  # the action it concerns, once numbered


@dataclass
class Header:
    """Where the header of a table is and what its columns hold."""

    first_data: int  # the row where actions start
    columns: dict[str, int]  # field -> column
    extras: dict[int, str]  # column -> source header, for columns we do not map
    years: dict[int, int] = field(default_factory=dict)  # column -> year it ticks
    ranks: dict[int, int] = field(default_factory=dict)  # column -> plan year rank (An 1 = 1)
    titles: dict[int, str] = field(default_factory=dict)  # column -> header text as written
    width: int = 0


@dataclass
class RawAction:
    """An action as the table gives it, before numbering and services are settled."""

    where: str
    cells: dict[str, str]  # field -> cleaned text
    axe: str
    objectif: str
    ticks: list[str]  # header texts of the ticked year columns
    tick_years: list[int]
    tick_ranks: list[int]
    extras: dict[str, str]
    table: SourceTable
    row: int


def field_of(header: str) -> str | None:
    """The field a header names, or None."""
    key = match_key(header)
    if not key:
        return None
    if key in _KEYS:
        return _KEYS[key]
    return next((name for prefix, name in _PREFIXES if key.startswith(prefix)), None)


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
    lines = [re.sub(bullet, "", line) for line in lines if line]
    joined = "; ".join(lines) if bullets >= 2 else " ".join(lines)
    return re.sub(r"\s{2,}", " ", joined).strip()


def find_header(table: SourceTable) -> Header | None:
    """The header of `table`, or None when none of its first rows reads as one."""
    best, best_score = None, 1
    for index, row in enumerate(table.rows[:_HEADER_SCAN]):
        fields = {field_of(c or "") for c in row} - {None}
        if "action" in fields and len(fields) > best_score:
            best, best_score = index, len(fields)
    if best is None:
        return None
    return _header_at(table, best)


def header_cut_by_page(table: SourceTable, header: Header, rest: list[str | None]) -> Header | None:
    """The header of a table whose page ends on its header row (`table` holds nothing else), completed by
    the first row of the next page when that row only finishes its words (`Collaborateu` / `rs`);
    None when the row is not such an end."""
    ends = [c.strip() for c in rest if c and c.strip()]
    if (header.first_data < len(table.rows) or header.years or header.ranks or len(rest) != len(table.rows[-1])
            or not ends or not all(end[:1].islower() for end in ends)):
        return None  # an action's row, or anything but the ends of header words
    whole = [f"{a or ''} {b or ''}".strip() for a, b in zip(table.rows[-1], rest)]
    joined = _header_at(SourceTable(table.origin, [whole], where=table.where), 0)
    return joined if "action" in joined.columns else None


def _header_at(table: SourceTable, index: int) -> Header:
    row = table.rows[index]
    below = table.rows[index + 1] if index + 1 < len(table.rows) else []
    width = max(len(r) for r in table.rows)
    years = {c: y for c, text in enumerate(below) if (y := is_year(text or "")) is not None}
    ranks = {c: r for c, text in enumerate(below) if (r := relative_year(text or "")) is not None}
    two_rows = len(years) >= 2 or len(ranks) >= 2
    if not two_rows:
        years = {c: y for c, text in enumerate(row) if (y := is_year(text or "")) is not None}
        ranks = {c: r for c, text in enumerate(row) if (r := relative_year(text or "")) is not None}
        if len(years) < 2:
            years = {}
        if len(ranks) < 2:
            ranks = {}
    columns: dict[str, int] = {}
    extras: dict[int, str] = {}
    titles: dict[int, str] = {}
    for col in range(width):
        upper = clean_cell(row[col] if col < len(row) else "")
        lower = clean_cell(below[col] if two_rows and col < len(below) else "")
        if col in years or col in ranks:
            titles[col] = lower if two_rows else upper
            continue
        # under a group heading (`Échéancier` over `Début | Fin`), the lower row names the column
        text = lower if lower and field_of(lower) else upper or lower
        titles[col] = text
        name = field_of(text)
        if name is not None and name not in columns:
            columns[name] = col
        elif text:
            extras[col] = text
    return Header(index + (2 if two_rows else 1), columns, extras, years, ranks, titles, width)


def header_notes(table: SourceTable, header: Header, told: set[tuple[str, str]]) -> list[Note]:
    """How each source header was read, when it differs from the plan's own words; a reading
    already in `told` (the same words in an earlier table) is not said again."""
    notes = []
    row = header.first_data - 1
    for name, col in header.columns.items():
        title = header.titles.get(col, "")
        if match_key(title) != match_key(FIELD_HEADERS[name]) and (title, name) not in told:
            told.add((title, name))
            notes.append(Note(table.where(row, col), f"en-tête lu comme « {FIELD_HEADERS[name]} »", title))
    for col, title in header.extras.items():
        if (title, "") in told:
            continue
        told.add((title, ""))
        notes.append(Note(table.where(row, col), "colonne sans équivalent dans le plan : reprise telle quelle "
                          f"(colonne « {title} »)", title))
    if header.years or header.ranks:
        ticks = ", ".join(header.titles[c] for c in sorted({**header.years, **header.ranks}))
        notes.append(Note(table.where(row, min({**header.years, **header.ranks})),
                          "colonnes d'années cochées lues comme l'échéancier", ticks))
    return notes


def _distinct(row: list[str | None]) -> list[str]:
    seen: list[str] = []
    for cell in row:
        text = (cell or "").strip()
        if text and text not in seen:
            seen.append(text)
    return seen


def section_kind(text: str, header: Header) -> str:
    """`axe` or `objectif` for a section row's text, by its first word, else by the columns the table lacks."""
    folded = fold(text)
    if folded.startswith(_AXE_WORDS):
        return "axe"
    if folded.startswith("objectif"):
        return "objectif"
    if "axe" not in header.columns:
        return "axe"
    return "objectif" if "objectif" not in header.columns else "axe"


def is_note_row(text: str) -> bool:
    return fold(text).startswith(_NOTE_WORDS)


def context_section(lines: list[str], kind: str) -> str:
    """The heading before a table that names its axe (or objective): the last such line."""
    words = _AXE_WORDS if kind == "axe" else ("objectif",)
    for line in reversed(lines):
        if fold(line).startswith(words):
            return clean_cell(line)
    if kind == "axe":
        for line in reversed(lines):
            if 3 <= len(line) <= 120 and not line.rstrip().endswith((".", ":")) and not re.search(
                    r"\b(19|20)\d\d\s*[-–à]\s*(19|20)\d\d\b", line):
                return clean_cell(line)
    return ""


def is_repeated_header(row: list[str | None], header: Header) -> bool:
    fields = {field_of(c or "") for c in row} - {None}
    return "action" in fields and len(fields) >= max(2, len(header.columns) - 1)


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
