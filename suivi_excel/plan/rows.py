"""What each row of an adopted plan's table is: a header, a section, an action, a note, a legend.

A row is typed once (`Row`), by weighing what it holds rather than trusting one clue: a text
alone across the table is a section (`AXE 1 — …`, `Objectif 1.2 : …`) unless it reads as a note
(a footnote mark, `Source :`, a sentence) or a legend (`Court terme : 2025`, `● : année prévue`);
whether a section really is one is settled by the rows after it (`extract`: a section with no
action under it is set aside). An action is what the plan says of one action, with the rows
and the place it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from suivi_excel.core.columns import AXE, OBJECTIVE
from suivi_excel.core.text import fold
from suivi_excel.plan.schedule import Period, legend_first_year, legend_terms
from suivi_excel.plan.sources import SourceTable
from suivi_excel.plan.tables import Field, Header, clean_cell, is_header_word, is_repeated_header, single_text

# the first words of a section row, a heading or a sheet's name that give an axe, or an objective
AXE_WORDS = (fold(AXE), "orientation", "champ d", "volet", "theme", "thematique", "enjeu", "grand objectif")
OBJECTIVE_WORDS = (fold(OBJECTIVE),)
_NOTE_START = ("*", "note", "n.b", "nb :", "source", "total", "†", "¹", "²", "³", "(1)", "(2)", "1)", "remarque",
               "mise a jour", "adopte", "version", "page ")
_TOTALS = ("total", "sous-total", "grand total", "montant total", "sommaire")
_SENTENCE_WORDS = 14  # a section is a title; a longer text ending with a period is a note


class Kind(Enum):
    BLANK = "vide"
    HEADER = "en-tête"
    SECTION = "section"
    NOTE = "note"
    LEGEND = "légende"
    ACTION = "action"
    PARTIAL = "partielle"  # cells without an action's text: the end of a cut row, or set aside


@dataclass
class Row:
    """A row of a source table, typed: where it is, its cells, what it is, its one text when it has one."""

    table: SourceTable
    index: int
    cells: list[str | None]
    kind: Kind
    text: str = ""

    @property
    def where(self) -> str:
        return self.table.where(self.index, None)


@dataclass
class RawAction:
    """An action as the plan gives it, before its years, services and number are settled."""

    where: str
    cells: dict[Field, str]  # field -> text on one line
    raw: dict[Field, str]  # field -> text as written, its lines kept (`tables.NAMES`: responsible and partners)
    axe: str
    objectif: str
    periods: list[Period]  # the schedule columns ticked
    extras: dict[str, str]
    table: SourceTable
    row: int
    combined: bool = False  # `Responsable (partenaires)`
    marks: list[str] = field(default_factory=list)  # unusual ticks, as written
    marks_at: list[int] = field(default_factory=list)  # for each of `marks`, its index in `periods`
    roles: dict[str, str] = field(default_factory=dict)  # service column -> its mark (`R`, `P`), a matrix's


def classify(table: SourceTable, index: int, header: Header) -> Row:
    """Type one row of a table under its header."""
    cells = table.rows[index]
    if not any((c or "").strip() for c in cells):
        return Row(table, index, cells, Kind.BLANK)
    if is_repeated_header(cells, header):
        return Row(table, index, cells, Kind.HEADER)
    texts = {(c or "").strip() for c in cells} - {""}
    if len(texts) == 1 and is_legend(next(iter(texts))):  # `R = responsable, P = partenaire`, wherever it sits
        text = clean_cell(next(iter(texts)))
        return Row(table, index, cells, Kind.LEGEND, text)
    lone = single_text(cells)
    if lone is not None:
        text = clean_cell(lone)  # a footnote's mark (`* `) is a bullet to clean_cell: the kind reads it first
        return Row(table, index, cells, line_kind(lone.strip()), text)
    action = header.columns.get(Field.ACTION)
    filled = action is not None and action < len(cells) and (cells[action] or "").strip()
    first = next(clean_cell(c) for c in cells if (c or "").strip())
    if fold(first).startswith(_TOTALS) and not filled:  # `Total | … | 25 000 $`: a sum, not an action's end
        return Row(table, index, cells, Kind.NOTE, " | ".join(dict.fromkeys(clean_cell(c) for c in cells if c)))
    return Row(table, index, cells, Kind.ACTION if filled else Kind.PARTIAL)


def line_kind(text: str) -> Kind:
    """What a line of text alone is: a legend, a note, or a section."""
    folded = fold(text)
    if is_legend(text):
        return Kind.LEGEND
    if folded.startswith(AXE_WORDS + OBJECTIVE_WORDS):
        return Kind.SECTION
    words = len(text.split())
    if folded.startswith(_NOTE_START) or words > 2 * _SENTENCE_WORDS or (
            text.rstrip().endswith(".") and words >= _SENTENCE_WORDS):
        return Kind.NOTE
    return Kind.SECTION


def is_legend(text: str) -> bool:
    """A legend: the years of the terms or ranks, or what a tick mark means."""
    folded = fold(text)
    return bool(legend_terms([text]) or legend_first_year([text]) or folded.startswith("legende")
                or re.match(r"^\s*[x✓✔●•■▪√]\s*[:=]", folded)
                or len(re.findall(r"(?:^|[\s,;(])[^\W\d_]{1,3}\s*[=:]\s*[^\W\d_]", folded)) >= 2)  # R = resp., P = part.


def section_kind(text: str, header: Header | None, axe: str) -> Field:
    """The axe or the objective, for a section's text: by its first word, its numbering (`1.2` is an
    objective under axe `1`), else by the columns the table lacks and whether an axe runs."""
    folded = fold(text)
    if folded.startswith(AXE_WORDS):
        return Field.AXE
    if folded.startswith(OBJECTIVE_WORDS):
        return Field.OBJECTIVE
    if re.match(r"^\s*\d+\s*\.\s*\d+\b", folded):
        return Field.OBJECTIVE
    if re.match(r"^\s*(?:\d+|[ivx]+)\s*[.)\-–—:]\s*\D", folded):
        return Field.AXE
    columns = header.columns if header is not None else {}
    if Field.AXE not in columns and (Field.OBJECTIVE in columns or not axe):
        return Field.AXE
    return Field.OBJECTIVE if Field.OBJECTIVE not in columns else Field.AXE


def context_section(lines: list[str], kind: Field, headings: set[str] | frozenset = frozenset()) -> str:
    """The line before a table that names its axe (or objective): the last one that says so by its first
    word; for the axe, else the last heading of the document's own (a Word heading style)."""
    words = AXE_WORDS if kind is Field.AXE else OBJECTIVE_WORDS
    for line in reversed(lines):
        if fold(line).startswith(words):
            return clean_cell(line)
    if kind is Field.AXE:
        for line in reversed(lines):
            if (line in headings and line_kind(line) is Kind.SECTION and not fold(line).startswith(OBJECTIVE_WORDS)
                    and not names_the_plan(line)):
                return clean_cell(line)
    return ""


def names_the_plan(text: str) -> bool:
    """A title line of the plan itself (`Plan d'action 2025-2027`, `Municipalité de …`), not an axe."""
    return bool(re.search(r"\b(plan|politique|mada|pfm)\b|\b20\d\d\b|^(ville|municipalite|mrc|village|paroisse|"
                          r"canton) d", fold(text)))


def looks_like_header_or_note(text: str) -> bool:
    """An axe that reads like a header (`Échéancier`) or a note (`* Coûts estimés`) is suspect."""
    return is_header_word(text) or line_kind(text) in (Kind.NOTE, Kind.LEGEND)
