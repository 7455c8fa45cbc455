"""Read the actions out of an adopted plan's tables, in document order, under the axe and objective that run.

Each table is a fiche (label | value, an action each) or a table with a header (`tables`); its rows
are typed (`rows`). The axe and the objective run down the document: a heading before a table, a
section row, a cell of an axe or objective column (written only on a group's first row, or merged)
give them, and they carry down until the next one. A table without a header whose columns line up
continues the previous one (a PDF page), so does a page that repeats the header. A section row with
no action under it is not a section: it is set aside and said. Nothing is settled here (years,
services, numbers): `settle` does that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from suivi_excel.core.text import fold

from suivi_excel.plan.pages import cell_text, carry_over_page, continue_previous, cut_by_page, unwrap, vocabulary
from suivi_excel.plan.rows import (
    AXE_WORDS,
    Kind,
    RawAction,
    Row,
    classify,
    context_section,
    line_kind,
    names_the_plan,
    section_kind,
)
from suivi_excel.plan.schedule import is_tick, unusual_tick
from suivi_excel.plan.sources import Source, SourceTable
from suivi_excel.plan.tables import (
    FIELD_HEADERS,
    NAMES,
    SECTIONS,
    Field,
    bare_label,
    field_of,
    Fiche,
    Header,
    Note,
    clean_cell,
    continues_header,
    fiches,
    fill_covered,
    find_header,
    header_cut_by_page,
    header_notes,
    mark_services,
    single_text,
)


@dataclass
class Reading:
    """What the tables said: the actions, the notes, the lines read for legends, the header cells."""

    actions: list[RawAction] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # legends, notes and text around the tables
    structure: set[tuple[int, int, int]] = field(default_factory=set)  # (id(table), row, col or -1): header cells
    carried: dict[Field, list[str]] = field(default_factory=dict)  # axe or objective -> where it was carried


@dataclass
class _Running:
    """The axe and objective that run down the document, and the sections not yet used by an action."""

    axe: str = ""
    objectif: str = ""
    pending: list[tuple[Row, Field]] = field(default_factory=list)
    before_pending: tuple[str, str] = ("", "")
    heading_note: Note | None = None
    fresh: bool = False  # the objective was set since the last action (an axe cell that changes keeps it)

    def enter(self, lines: list[str], headings: set[str], reset: bool, origin: str) -> None:
        """A new table: the heading before it gives the axe (the objective restarts), or the objective."""
        axe, objectif = context_section(lines, Field.AXE, headings), context_section(lines, Field.OBJECTIVE)
        if axe:
            self.axe, self.objectif = axe, objectif
            self.heading_note = Note.of("axe-from-heading", origin, axe)
            self.fresh = bool(objectif)
        elif objectif:
            self.objectif, self.fresh = objectif, True
        elif reset:
            self.axe = self.objectif = ""

    def section(self, row: Row, kind: Field) -> None:
        if not self.pending:
            self.before_pending = (self.axe, self.objectif)
        if kind is Field.AXE:
            self.axe, self.objectif = row.text, ""
        else:
            self.objectif, self.fresh = row.text, True
        self.pending.append((row, kind))

    def used(self, notes: list[Note]) -> None:
        for row, kind in self.pending:
            code = "section-as-axe" if kind is Field.AXE else "section-as-objective"
            notes.append(Note.of(code, row.where, row.text))
        self.pending.clear()

    def unused(self, notes: list[Note]) -> None:
        """Sections no action followed (footnotes, a subtitle): set aside, the running ones restored."""
        for row, _kind in self.pending:
            notes.append(Note.of("section-unused", row.where, row.text))
        if self.pending:
            self.axe, self.objectif = self.before_pending
        self.pending.clear()


def read_tables(source: Source) -> Reading:
    """Every action of the source's tables, with the notes a coordinator should check."""
    reading = _Walk(source)
    return reading.run()


class _Walk:
    def __init__(self, source: Source) -> None:
        self.source = source
        self.out = Reading()
        self.running = _Running()
        self.header: Header | None = None
        self.header_table: SourceTable | None = None
        self.told: set[tuple[str, str]] = set()
        self.vocabulary = vocabulary(source)

    def run(self) -> Reading:
        previous_sheet = None
        previous: SourceTable | None = None
        for table in self.source.tables:
            sheet_changed = table.sheet != previous_sheet and table.sheet != ""
            previous_sheet = table.sheet
            self.out.lines.extend(table.before)
            records = fiches(table)
            if records:
                self.running.unused(self.out.notes)
                self.running.enter(table.before, table.headings, sheet_changed, table.origin)
                self._fiches(table, records)
                self.header = None
            else:
                self._table(table, previous, sheet_changed)
            previous = table
        self.running.unused(self.out.notes)
        self.out.lines.extend(self.source.after)
        return self.out

    # -- a table with a header, or the next page of one ------------------------------------------

    def _table(self, table: SourceTable, previous: SourceTable | None, sheet_changed: bool) -> None:
        header = self.header
        own = find_header(table)
        again = False
        if own is None:
            if header is None or sheet_changed or not _continues(table, header):
                self.running.unused(self.out.notes)
                self._set_aside(table)
                return
            start = 0
            follows = previous is self.header_table and table.rows
            whole = header_cut_by_page(self.header_table, header, table.rows[0]) if follows else None
            if whole is not None:  # the page ended on the header: its words end on this page
                self.header, start = whole, 1
                self.out.structure.add((id(table), 0, -1))
                self.out.notes.append(Note.of("header-cut-by-page", table.where(0, None),
                                              " | ".join(c for c in table.rows[0] if c)))
                self.out.notes.extend(header_notes(self.header_table, whole, self.told))
            self.out.notes.append(Note.of("table-continued", table.origin))
            if any(context_section(table.before, kind, table.headings) for kind in SECTIONS):
                self.running.unused(self.out.notes)  # a heading before it gives this part its own axe
                self.running.enter(table.before, table.headings, False, table.origin)
        else:
            captions = [] if table.sheet else self._captions(table, own)
            again = (header is not None and not sheet_changed and own.signature == header.signature
                     and previous is not None and (table.paged or not table.before) and not captions)
            mark_services(table, own)
            self.header, self.header_table, start = own, table, own.first_data
            for r in range(own.first_data - (2 if own.first_data >= 2 and _two_rows(table, own) else 1),
                           own.first_data):
                self.out.structure.add((id(table), r, -1))
            if start < len(table.rows):  # a header alone at the foot of a page is told once completed
                self.out.notes.extend(header_notes(table, own, self.told))
            above = self._rows_above(table, own)
            table.before = table.before + above
            table.headings = table.headings | set(captions)  # a table's own caption row names its axe
            self.out.lines.extend(above)
            if not again:
                self.running.unused(self.out.notes)
                self.running.enter(table.before, table.headings, sheet_changed, table.origin)
                if sheet_changed and not self.running.axe and Field.AXE not in own.columns and fold(
                        table.sheet).startswith(AXE_WORDS):  # a sheet per axe, named after it
                    self.running.axe = table.sheet
                    self.running.heading_note = Note.of("axe-from-sheet", table.origin, table.sheet)
            elif any(context_section(table.before, kind) for kind in SECTIONS):
                self.running.enter(table.before, table.headings, False, table.origin)
        self._rows(table, start, own is None or again)

    def _rows_above(self, table: SourceTable, header: Header) -> list[str]:
        """The title rows above a sheet's header, as lines (set aside, and said)."""
        above = []
        top = header.first_data - (2 if _two_rows(table, header) else 1)
        for r, row in enumerate(table.rows[:top]):
            text = single_text(row) or " ".join(c for c in (clean_cell(x) for x in row) if c)
            if text:
                above.append(clean_cell(text))
                self.out.notes.append(Note.of("title-row-set-aside", table.where(r, None), clean_cell(text)))
        return above

    @staticmethod
    def _captions(table: SourceTable, header: Header) -> list[str]:
        """Rows above a document table's header whose one text spans the whole table (`FAMILLE ET PETITE
        ENFANCE`), unless they name the plan itself (its title, its years)."""
        top = header.first_data - (2 if _two_rows(table, header) else 1)
        found = []
        for row in table.rows[:top]:
            text = single_text(row)
            spans = text is not None and sum((c or "").strip() == text.strip() or c is None for c in row) == len(row)
            if spans and line_kind(clean_cell(text)) is Kind.SECTION and not names_the_plan(text):
                found.append(clean_cell(text))
        return found

    def _set_aside(self, table: SourceTable) -> None:
        texts = [" | ".join(dict.fromkeys(clean_cell(c) for c in row if c and c.strip())) for row in table.rows]
        texts = [t for t in texts if t]
        if texts:
            self.out.lines.extend(texts)
            self.out.notes.append(Note.of("table-set-aside", table.origin, " / ".join(texts)))

    def _rows(self, table: SourceTable, start: int, continued: bool) -> None:
        """The rows of a table from `start`; `continued` when it goes on from the previous one (a page)."""
        header = self.header
        assert header is not None
        found = self.out.actions
        for r in range(start, len(table.rows)):
            if r > start:
                fill_covered(table.rows[r], table.rows[r - 1])
            elif continued and found and found[-1].table is not table:
                carry_over_page(table.rows[r], found[-1], header.columns)
            row = classify(table, r, header)
            if row.kind is Kind.BLANK:
                continue
            if row.kind is Kind.HEADER:
                self.out.structure.add((id(table), r, -1))
                continue
            if row.kind is Kind.SECTION:
                self.running.section(row, section_kind(row.text, header, self.running.axe))
                continue
            if row.kind in (Kind.NOTE, Kind.LEGEND):
                self.out.lines.append(row.text)
                code = "legend-read" if row.kind is Kind.LEGEND else "note-set-aside"
                self.out.notes.append(Note.of(code, row.where, row.text))
                continue
            self._action_row(row, continued and r == start)

    def _action_row(self, row: Row, top_of_page: bool) -> None:
        header, table, r = self.header, row.table, row.index
        assert header is not None
        found, notes = self.out.actions, self.out.notes
        columns = header.columns
        cells = {name: clean_cell(_raw(row.cells, col)) for name, col in columns.items()}
        raw = {name: _raw(row.cells, columns[name]).strip() for name in NAMES if name in columns}
        if table.paged and cells.get(Field.NUMBER):
            cells[Field.NUMBER] = re.sub(r"\s+", "", cells[Field.NUMBER])  # a narrow column wraps `3.10`: `3.1` / `0`
        if found and (
                (not cells.get(Field.NUMBER) and row.kind is Kind.PARTIAL and (found[-1].table is table or top_of_page))
                or (table.paged and cut_by_page(cells, found[-1], top_of_page, row.cells, header))):
            continue_previous(found[-1], cells, raw, notes, row.where)  # a row the page break cut in two
            for name in SECTIONS:  # the rows below, under the same merged cell, take it whole
                if name in columns and columns[name] < len(row.cells):
                    row.cells[columns[name]] = getattr(found[-1], name)
            return
        if row.kind is Kind.PARTIAL:
            notes.append(Note.of("row-without-action", row.where, " | ".join(v for v in cells.values() if v)))
            return
        unwrap(cells, raw, notes, row.where, self.vocabulary)
        axe, objectif = self._carried(cells, columns, row.where)
        ticked = [c for c in sorted(header.periods) if is_tick(cell_text(row.cells, c))]
        marks_at = [i for i, c in enumerate(ticked)  # a mark merged over several columns is written once
                    if unusual_tick(cell_text(row.cells, c)) and (r, c) not in table.merged]
        marks = [cell_text(row.cells, ticked[i]) for i in marks_at]
        if self.running.heading_note is not None and not cells.get(Field.AXE):
            notes.append(self.running.heading_note)
        self.running.heading_note = None
        self.running.used(notes)
        found.append(RawAction(
            row.where, cells, raw, axe, objectif, [header.periods[c] for c in ticked],
            {title: clean_cell(_raw(row.cells, col)) for col, title in header.extras.items()},
            table, r, header.combined, marks, marks_at,
            {title: fold(cell_text(row.cells, col)) for col, title in header.services.items() if cell_text(row.cells, col)}))

    def _carried(self, cells: dict[Field, str], columns: dict[Field, int], where: str) -> tuple[str, str]:
        """The action's axe and objective: its own cells, else those running (a group's first row, a heading)."""
        running = self.running
        for name in SECTIONS:
            if cells.get(name):
                if name is Field.AXE and cells[name] != running.axe and not running.fresh:
                    running.objectif = ""  # a new axe starts without the previous axe's objective
                setattr(running, name, cells[name])
            elif name in columns and getattr(running, name):
                self.out.carried.setdefault(name, []).append(where)
        running.fresh = False
        return running.axe, running.objectif

    # -- a fiche per action -----------------------------------------------------------------------

    def _fiches(self, table: SourceTable, records: list[Fiche]) -> None:
        for r in {r for fiche in records for r in fiche.rows}:
            self.out.structure.add((id(table), r, 0))  # the label; its value is the action's
        labelled = {r for fiche in records for r in fiche.rows}
        for r, row in enumerate(table.rows):
            text = single_text(row)
            if r not in labelled and text:
                self.out.notes.append(Note.of("fiche-row-unlabelled", table.where(r, None), clean_cell(text)))
        for fiche in records:
            cells = dict(fiche.cells)
            if fiche.number and not cells.get(Field.NUMBER):
                cells[Field.NUMBER] = fiche.number
            axe, objectif = self._carried(cells, {}, fiche.where)
            if self.running.heading_note is not None and not cells.get(Field.AXE):
                self.out.notes.append(self.running.heading_note)
            self.running.heading_note = None
            self.out.actions.append(RawAction(fiche.where, cells, {k: v for k, v in fiche.raw.items()
                                                                   if k in NAMES},
                                              axe, objectif, [], fiche.extras, table, fiche.rows[0]))
        labels = {r: clean_cell(table.rows[r][0]) for fiche in records for r in fiche.rows}
        for r, label in labels.items():
            if ("fiche", label) not in self.told:
                self.told.add(("fiche", label))
                name = field_of(bare_label(label))
                note = Note.of("fiche-label-read-as", table.where(r, 0), label, header=FIELD_HEADERS[name]) if name \
                    else Note.of("fiche-label-kept", table.where(r, 0), label, label=label)
                self.out.notes.append(note)


def _two_rows(table: SourceTable, header: Header) -> bool:
    """Whether the header took two rows (the row before `first_data` continues the one above it)."""
    top = header.first_data - 2
    if top < 0:
        return False
    return continues_header(table.rows[top], table.rows[top + 1])


def _continues(table: SourceTable, header: Header) -> bool:
    """A table without a header continues the previous one (a PDF page) when its columns line up."""
    width = max((len(row) for row in table.rows), default=0)
    return abs(width - header.width) <= 1


def _raw(row: list[str | None], col: int) -> str:
    return str(row[col]) if col < len(row) and row[col] else ""
