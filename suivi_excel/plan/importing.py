"""Turn the plan a municipality adopted (Excel as printed, Word, PDF) into a plan workbook `generer` accepts.

Three steps: the source's tables are read (`sources`), the actions read out of them under the
axe and objective that run (`extract`, which types each row with `rows`), then the plan is settled
as a whole (`settle`: years, terms, services, numbers). A self-test (`coverage`) then checks that
every word of the source's tables is in the written plan or said to be set aside. Every
interpretation goes to the `À vérifier` sheet with its source place, what probably needs a
correction first. The source is only read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from suivi_excel.core.columns import AXE, MUNICIPALITY, PLAN_TITLE, SERVICE
from suivi_excel.core.errors import SuiviError
from suivi_excel.core.text import fold
from suivi_excel.plan import coverage
from suivi_excel.plan.extract import read_tables
from suivi_excel.plan.settle import DECLARED, PlanRow, settle
from suivi_excel.plan.sources import SOFT_BREAK, Source, read_source
from suivi_excel.plan.tables import Note
from suivi_excel.plan.texts import BUDGET_SOURCE, RESPONSIBLE_SOURCE, SCHEDULE_SOURCE, SHEET_SOURCE

_CAPITALIZED = r"[A-ZÉÈÀÂÎÔÛ][\w'’\-]*"
_MUNICIPALITY = re.compile(r"\b((?:Ville|Municipalité|Municipalite|MRC|Village|Paroisse|Canton|Cité)\s+"
                           rf"(?:de la |de l'|de l’|des |du |de |d'|d’){_CAPITALIZED}(?:[\s-]{_CAPITALIZED})*)")
# the notes that confirm how a header was read: after the rest
_ROUTINE_LAST = ("header-read-as", "column-kept", "fiche-label-read-as", "fiche-label-kept")


@dataclass
class ImportedPlan:
    """The plan as imported: rows for the `Actions` sheet, the services, parameters and the notes."""

    source: Path
    rows: list[PlanRow]
    extra_columns: list[str]
    services: list[str]
    parameters: dict[str, str]
    notes: list[Note] = field(default_factory=list)
    years: tuple[int, int] | None = None

    @property
    def actions(self) -> list[dict[str, object]]:
        return [row.values for row in self.rows]

    @property
    def axes(self) -> list[str]:
        return list(dict.fromkeys(str(a[AXE]) for a in self.actions))

    @property
    def to_correct(self) -> list[Note]:
        return [n for n in self.notes if n.probable]


def import_plan(path: Path, first_year: int | None = None,
                terms: dict[str, tuple[int, int]] | None = None) -> ImportedPlan:
    """Read an adopted plan and settle it as a plan of `suivi-excel`.

    Args:
        path: the source (.xlsx, .xlsm, .ods, .docx or .pdf).
        first_year: the plan's first year (`--debut`), for schedules written `An 1`, `An 2`…
        terms: the years of its terms (`--termes`), for schedules by `Court terme`, `Moyen terme`…

    Returns:
        The imported plan, its notes in the order a coordinator checks them.

    Raises:
        SuiviError: exit 2, naming the file, when it holds no plan table or cannot be read.
    """
    source = read_source(path)
    cells = coverage.snapshot(source)
    reading = read_tables(source)
    if not reading.actions:
        raise SuiviError.of("no-plan-table", name=path.name)
    opening = source.opening or _first_lines(source)
    lines = opening + reading.lines
    settled = settle(reading.actions, lines, path, first_year, terms, reading.carried)
    numbers = {row.where: row.number for row in settled.rows}
    notes = [n if n.number or n.where not in numbers else replace(n, number=numbers[n.where])
             for n in reading.notes] + settled.notes
    plan = ImportedPlan(path, settled.rows, _extra_columns(settled.rows, source), settled.services,
                        _parameters(opening, lines), notes, settled.years)
    plan.notes = coverage.missing(cells, reading.structure, coverage.written_words(_written(plan))) + plan.notes
    plan.notes = _ordered([_plain(n) for n in plan.notes])
    return plan


def _first_lines(source: Source) -> list[str]:
    """A workbook's opening: the lines of text alone at the top of its first sheet (a cover, a title)."""
    from suivi_excel.plan.tables import clean_cell, single_text

    lines = []
    for row in source.tables[0].rows[:8] if source.tables else []:
        text = single_text(row)
        if text:
            lines.append(clean_cell(text))
        elif any((c or "").strip() for c in row):
            break
    return lines[:4]


def _written(plan: ImportedPlan) -> list[object]:
    """Everything the plan workbook will hold, for the self-test."""
    texts: list[object] = list(DECLARED) + plan.extra_columns + plan.services + list(plan.parameters.values())
    for row in plan.actions:
        texts.extend(row.values())
    for note in plan.notes:
        texts.extend((note.what, note.text))
    return texts


def _plain(note: Note) -> Note:
    """A note's text on one line: a PDF's uncertain line breaks read as spaces, not glued words."""
    text = note.text.replace(SOFT_BREAK, " ").replace("\n", " / ")
    return note if text == note.text else replace(note, text=text)


def _ordered(notes: list[Note]) -> list[Note]:
    """What probably needs a correction first, routine confirmations of the header last; else plan order."""
    def rank(note: Note) -> int:
        return 0 if note.probable else 2 if note.code in _ROUTINE_LAST else 1

    return sorted(notes, key=rank)


def _extra_columns(rows: list[PlanRow], source: Source) -> list[str]:
    sheets = {t.sheet for t in source.tables if t.sheet}
    extras: list[str] = []
    for row in rows:
        if len(sheets) <= 1:
            row.values.pop(SHEET_SOURCE, None)
        for key in row.values:
            if key not in DECLARED and key not in extras:
                extras.append(key)
    ordered = [c for c in (SCHEDULE_SOURCE, RESPONSIBLE_SOURCE, BUDGET_SOURCE, SHEET_SOURCE) if c in extras]
    return ordered + [c for c in extras if c not in ordered]


def _parameters(opening: list[str], lines: list[str]) -> dict[str, str]:
    parameters: dict[str, str] = {}
    title = _title(opening)
    for line in lines:
        match = _MUNICIPALITY.search(line)
        if match:
            parameters[MUNICIPALITY] = match.group(1).strip(" -–—,")
            break
    municipality = parameters.get(MUNICIPALITY, "")
    if title and municipality:  # forms show `title — municipality`: a title that ends with it loses it
        shorter = re.sub(r"[\s,:;\-–—]*(?:\b(?:de la|de l'|de l’|du|de|des|à la|pour la)\s+)?" + re.escape(municipality)
                         + r"[\s.]*$", "", title, flags=re.IGNORECASE).strip()
        shorter = re.sub(r"^\s*" + re.escape(municipality) + r"[\s,:;\-–—]+", "", shorter, flags=re.IGNORECASE)
        if shorter and fold(shorter) != fold(title):
            title = shorter
    if title:
        parameters[PLAN_TITLE] = title
    return parameters


def _title(opening: list[str]) -> str:
    """The plan's title: the first opening line that names a plan or a policy, with a years line after it."""
    for index, line in enumerate(opening):
        if re.search(r"\b(plan|politique|mada|pfm)\b", fold(line)):
            following = opening[index + 1] if index + 1 < len(opening) else ""
            if following and re.fullmatch(r"\s*(19|20)\d\d\s*[-–à]\s*(19|20)\d\d\s*", following):
                return f"{line} {following}"
            return line
    return opening[0] if opening else ""


def write_imported(imported: ImportedPlan, output: Path) -> Path:
    """Write the imported plan as a plan workbook, its `À vérifier` sheet first (atomically)."""
    from suivi_excel.plan.template import write_plan

    checks = [(note.where, note.number, note.what, note.text, note.probable) for note in imported.notes]
    return write_plan(output, imported.actions, [{SERVICE: s} for s in imported.services], imported.parameters,
                      imported.extra_columns, checks)
