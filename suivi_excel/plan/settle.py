"""Settle the actions read from an adopted plan into rows of the plan workbook (§3).

The plan as a whole decides: its years (the title, `--debut`, a legend `An 1 : 2025`, the years
ticked), the years of its terms (its legend `Court terme : 2025`, or `--termes`), the lead service
of each action and its partners (names seen alone elsewhere tell a separator from a name), the
numbers. Every guess is a `Note`; a guess that changed several actions names them all, and what
probably needs a correction is marked `probable`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

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
    START,
    TARGET,
)
from suivi_excel.core.messages.import_notes import ACTIONS, AND_MORE, IMPORT_NOTES, ONE_ACTION, QUOTED, TERM_YEARS
from suivi_excel.core.text import fold
from suivi_excel.core.values import parse_money
from suivi_excel.plan.responsible import alone, looks_like_several, split_lines, split_responsible
from suivi_excel.plan.rows import RawAction, looks_like_header_or_note
from suivi_excel.plan.schedule import (
    READ_ONGOING,
    READ_RELATIVE,
    READ_UNREADABLE,
    READ_WITHOUT_FIRST_YEAR,
    TERMS,
    legend_first_year,
    legend_terms,
    plan_years,
    read_schedule,
    relative_ranks,
    term_of,
)
from suivi_excel.plan.tables import LEAD_MARKS, Field, Note, clean_cell
from suivi_excel.plan.texts import BUDGET_SOURCE, NO_AXE, NO_SERVICE, RESPONSIBLE_SOURCE, SCHEDULE_SOURCE, SHEET_SOURCE

MANY_SERVICES = 12  # a municipality has about a dozen services; more leads are probably partners read as leads
DECLARED = tuple(c.header for c in PLAN_COLUMNS)


@dataclass
class PlanRow:
    """One action of the written plan: its values by header, and where the plan said it."""

    where: str
    values: dict[str, object]

    @property
    def number(self) -> str:
        return str(self.values.get(NUMBER, ""))


@dataclass
class Settled:
    rows: list[PlanRow]
    services: list[str]
    years: tuple[int, int] | None
    notes: list[Note] = field(default_factory=list)


class _Groups:
    """Guesses that changed several actions: one note each (a code of `IMPORT_NOTES` and its values), naming
    every action it changed."""

    def __init__(self) -> None:
        self.items: dict[tuple[str, tuple, bool, str], list[str]] = {}

    def add(self, code: str, where: str, probable: bool = True, text: str = "", **params: object) -> None:
        self.items.setdefault((code, tuple(params.items()), probable, text), []).append(where)

    def notes(self, numbers: dict[str, str]) -> list[Note]:
        out = []
        for (code, params, probable, text), wheres in self.items.items():
            named = ", ".join(dict.fromkeys(numbers.get(w, "") for w in wheres if numbers.get(w)))
            place = wheres[0] if len(wheres) == 1 else AND_MORE.format(first=wheres[0], more=len(wheres) - 1)
            what = IMPORT_NOTES[code].format(**dict(params))
            what = ONE_ACTION.format(what=what) if len(wheres) == 1 else ACTIONS.format(what=what, count=len(wheres))
            out.append(Note(place, what, text, named, probable, code))
        return out


def settle(raw: list[RawAction], lines: list[str], path: Path, first_year: int | None,
           terms: dict[str, tuple[int, int]] | None, carried: dict[Field, list[str]]) -> Settled:
    """Settle the actions of a plan.

    Args:
        raw: the actions as read, in plan order.
        lines: every text of the plan outside its actions (titles, headings, legends, notes).
        path: the source, for the notes.
        first_year: `--debut`.
        terms: `--termes`, term -> (first, last year).
        carried: `Reading.carried`, the actions whose axe or objective came from a row above.
    """
    notes: list[Note] = []
    groups = _Groups()
    years = _plan_years(first_year, lines, raw, notes, path)
    term_years = _term_years(terms, lines, notes, path)
    known = alone([a.raw.get(Field.LEAD, a.cells.get(Field.LEAD, "")) for a in raw])
    partners_known = alone([line for a in raw for line in a.raw.get(Field.PARTNERS, "").split("\n")], certain=True)
    partners_known.update(alone([a.raw.get(Field.LEAD, "") for a in raw], certain=True))
    one_per_line = any("\n" in a.raw.get(Field.PARTNERS, "") for a in raw)  # the plan's way with partners
    services: list[str] = []
    rows = []
    for action in raw:
        row = _settle(action, years, term_years, known, partners_known, one_per_line, services, notes, groups)
        rows.append(row)
    _axe_names(rows, lines, groups)
    numbers = _number(rows, notes)
    for name, code in ((Field.AXE, "axe-carried-down"), (Field.OBJECTIVE, "objective-carried-down")):
        for where in carried.get(name, []):
            groups.add(code, where, probable=False)
    _flags(rows, services, groups)
    settled_notes = [n if n.number or n.where not in numbers else replace(n, number=numbers[n.where]) for n in notes]
    return Settled(rows, services, years, groups.notes(numbers) + settled_notes)


# -- years -------------------------------------------------------------------------------------------


def _plan_years(first_year: int | None, lines: list[str], raw: list[RawAction], notes: list[Note],
                path: Path) -> tuple[int, int] | None:
    titled = plan_years(lines)
    ticked = sorted({y for a in raw for p in a.periods for y in (p.start, p.end) if y is not None})
    ranked = [p.rank for a in raw for p in a.periods if p.rank] + [_max_rank(a.cells.get(Field.SCHEDULE, ""))
                                                                  for a in raw]
    legend = legend_first_year(lines)
    if first_year is None and legend is not None:
        first_year = legend
        notes.append(Note.of("first-year-from-legend", path.name, str(legend)))
    elif first_year is not None:
        notes.append(Note.of("first-year-given", path.name, str(first_year)))
    if first_year is not None:
        last = titled[1] if titled and titled[1] >= first_year else None
        last = last or first_year + max([r for r in ranked if r] or [1]) - 1
        return first_year, max(last, first_year)
    if titled:
        notes.append(Note.of("years-from-title", path.name, next(line for line in lines if str(titled[0]) in line),
                             first=titled[0], last=titled[1]))
        return titled
    if ticked:
        notes.append(Note.of("years-from-ticks", path.name, first=ticked[0], last=ticked[-1]))
        return ticked[0], ticked[-1]
    return None


def _term_years(given: dict[str, tuple[int, int]] | None, lines: list[str], notes: list[Note],
                path: Path) -> dict[str, tuple[int, int]]:
    if given:
        notes.append(Note.of("terms-given", path.name, " ; ".join(TERM_YEARS.format(term=t, first=a, last=b)
                                                                  for t, (a, b) in given.items())))
        return given
    found = legend_terms(lines)
    if found:
        legend = next((line for line in lines if legend_terms([line])), "")
        notes.append(Note.of("terms-from-legend", path.name, legend))
    return found


def _max_rank(text: str) -> int:
    ranks = relative_ranks(fold(text))
    return max(ranks) if ranks else 0


# -- one action --------------------------------------------------------------------------------------


def _settle(action: RawAction, years: tuple[int, int] | None, terms: dict[str, tuple[int, int]], known: Counter,
            partners_known: Counter, one_per_line: bool, services: list[str], notes: list[Note],
            groups: _Groups) -> PlanRow:
    cells, where = action.cells, action.where
    values: dict[str, object] = {NUMBER: cells.get(Field.NUMBER, ""), AXE: action.axe, OBJECTIVE: action.objectif,
                                 ACTION: cells[Field.ACTION]}
    if not action.axe:
        values[AXE] = NO_AXE
        groups.add("no-axe", where, placeholder=NO_AXE)
    written = action.raw.get(Field.LEAD, cells.get(Field.LEAD, ""))
    written = "" if is_placeholder(written) else written
    names, in_parentheses = split_responsible(written, known, action.combined)
    if not names and action.roles:  # a matrix: the service marked R leads, those marked P or C are partners
        leads = [s for s, mark in action.roles.items() if mark in LEAD_MARKS]
        names = leads + [s for s, mark in action.roles.items() if mark not in LEAD_MARKS]
        groups.add("roles-from-matrix", where, probable=False)
        if len(leads) != 1:
            groups.add("matrix-no-single-lead", where)
    if not names:
        names = [NO_SERVICE]
        groups.add("no-lead", where, placeholder=NO_SERVICE)
    elif written and (len(names) > 1 or in_parentheses):
        weak = not re.search(r"[/;\n+&\u2028]", written) and not in_parentheses
        guessed = weak and not all(known[fold(n)] > 0 for n in names)
        as_written = "\n".join(clean_cell(line) for line in written.split("\n") if line.strip())  # its lines kept
        notes.append(Note.of("shared-lead", where, as_written, probable=guessed, lead=names[0],
                             partners=", ".join(QUOTED.format(name=n) for n in names[1:] + in_parentheses)))
        values[RESPONSIBLE_SOURCE] = as_written
    values[LEAD] = _service(names[0], services, notes, where)
    partner_cell = action.raw.get(Field.PARTNERS, cells.get(Field.PARTNERS, ""))
    if is_placeholder(partner_cell):  # `—`, `s.o.`, `Aucun`: the plan says there is none
        groups.add("partners-none", where, probable=False, text=clean_cell(partner_cell))
        partner_cell = ""
    listed, uncertain = split_lines(partner_cell, partners_known, one_per_line) if partner_cell else ([], False)
    if len(listed) > 1:
        groups.add("partners-one-per-line", where, probable=False)
    if uncertain:
        notes.append(Note.of("partners-uncertain", where, "; ".join(listed), probable=True))
    values[PARTNERS] = "; ".join(names[1:] + in_parentheses + listed)
    values.update(_schedule(action, years, terms, notes, groups))
    for name, header, code in ((Field.INDICATOR, INDICATOR, "indicator-none"),
                               (Field.TARGET, TARGET, "target-none")):
        text = cells.get(name, "")
        values[header] = "" if is_placeholder(text) else text
        if text and is_placeholder(text):
            groups.add(code, where, probable=False, text=text)
    budget_text = cells.get(Field.BUDGET, "")
    if budget_text:
        money = parse_money(budget_text)
        values[BUDGET] = money.value if not money.code else None
        if money.code:
            values[BUDGET_SOURCE] = budget_text
            notes.append(Note.of("budget-kept-as-text", where, budget_text))
    values.update(action.extras)
    if action.table.sheet:
        values[SHEET_SOURCE] = action.table.sheet  # dropped when the plan has one sheet
    if action.marks:
        groups.add("unusual-tick", where, probable=False, text=", ".join(dict.fromkeys(action.marks)))
    return PlanRow(where, values)


_PLACEHOLDERS = {"-", "--", "—", "–", "s.o.", "s/o", "so", "n/a", "na", "aucun", "aucune", "nil", "x", "."}


def is_placeholder(text: str) -> bool:
    """A cell that says there is nothing (`—`, `s.o.`, `Aucun`), not a name."""
    return fold(clean_cell(text)) in _PLACEHOLDERS


def _service(name: str, services: list[str], notes: list[Note], where: str) -> str:
    """The plan's spelling of a lead service: the first seen, whatever case and accents later ones use."""
    for known in services:
        if fold(known) == fold(name):
            if known != name:
                notes.append(Note.of("service-spelt-otherwise", where, name, service=known))
            return known
    services.append(name)
    return name


def _schedule(action: RawAction, years: tuple[int, int] | None, terms: dict[str, tuple[int, int]],
              notes: list[Note], groups: _Groups) -> dict[str, object]:
    cells, where = action.cells, action.where
    first, last = years if years else (None, None)
    out: dict[str, object] = {}
    written = cells.get(Field.SCHEDULE, "")
    if action.periods:  # the columns ticked, then the marks that say more than a tick (`En continu`, `T2`)
        out[SCHEDULE_SOURCE] = ", ".join(p.label for p in action.periods) + (
            f" : {', '.join(action.marks)}" if action.marks else "")
        spans, missing = [], []
        for period in action.periods:
            if period.start is not None:
                spans.append((period.start, period.end))
            elif period.rank is not None and first is not None:
                spans.append((first + period.rank - 1,) * 2)
            elif period.term is not None and period.term in terms:
                spans.append(terms[period.term])
            else:
                missing.append(period)
        if missing and any(p.term for p in missing):
            groups.add("term-columns-without-years", where)
        elif missing:
            groups.add("ranks-without-first-year", where)
        if spans and not missing:
            out[START], out[END] = min(s for s, _ in spans), max(e for _, e in spans)
            if any(p.term for p in action.periods):
                groups.add("terms-ticked", where, probable=False)
    if written:
        out[SCHEDULE_SOURCE] = "; ".join(dict.fromkeys(t for t in (out.get(SCHEDULE_SOURCE, ""), written) if t))
        read = read_schedule(written, first, last)
        term = term_of(fold(written))
        if read.how == READ_UNREADABLE and term in terms:
            out.setdefault(START, terms[term][0])
            out.setdefault(END, terms[term][1])
            notes.append(Note.of("schedule-read-as", where, written, written=written, first=terms[term][0],
                                 last=terms[term][1]))
        elif read.start is not None and START not in out:
            out[START], out[END] = read.start, read.end
            if read.how in (READ_RELATIVE, READ_ONGOING):
                notes.append(Note.of("schedule-read-as", where, written, written=written, first=read.start,
                                     last=read.end))
        elif read.how == READ_WITHOUT_FIRST_YEAR:
            groups.add("schedule-without-years", where)
        elif read.how == READ_UNREADABLE and term in TERMS:
            groups.add("schedule-term-without-years", where)
        elif read.how == READ_UNREADABLE:
            notes.append(Note.of("schedule-unreadable", where, written, probable=True))
    for name, header in ((Field.START, START), (Field.END, END)):
        text = cells.get(name, "")
        if text:
            year = read_schedule(text, first, last)
            out[header] = (year.start if header == START else year.end) if year.start is not None else text
    if isinstance(out.get(START), int) and isinstance(out.get(END), int) and out[END] < out[START]:
        notes.append(Note.of("schedule-end-first", where, f"{out[START]}–{out[END]}", probable=True))
    if not out.get(START) and not out.get(END) and not action.periods and not written:
        groups.add("no-schedule", where)
    return out


# -- the plan as a whole -----------------------------------------------------------------------------


def _number(rows: list[PlanRow], notes: list[Note]) -> dict[str, str]:
    """Keep the plan's numbers; number the others axe.rank; make duplicates unique. Returns where -> number."""
    axes = list(dict.fromkeys(str(r.values[AXE]) for r in rows))
    taken = {r.number for r in rows if r.values[NUMBER]}
    rank: dict[str, int] = {}
    for row in rows:
        axe = str(row.values[AXE])
        rank[axe] = rank.get(axe, 0) + 1
        if row.values[NUMBER]:
            continue
        match = re.match(r"^\s*(?:axe|orientation|volet|champ d'action)?\s*(\d+)\b", fold(axe))
        index = match.group(1) if match else str(axes.index(axe) + 1)
        number, n = f"{index}.{rank[axe]}", rank[axe]
        while number in taken:
            n += 1
            number = f"{index}.{n}"
        row.values[NUMBER] = number
        taken.add(number)
        notes.append(Note.of("numbered", row.where, str(row.values[ACTION]), number, assigned=number))
    seen: dict[str, int] = {}
    for row in rows:
        number = row.number
        if number in seen:
            seen[number] += 1
            new = f"{number}-{seen[number]}"
            while new in taken:
                seen[number] += 1
                new = f"{number}-{seen[number]}"
            notes.append(Note.of("renumbered", row.where, number, new, probable=True, assigned=new))
            row.values[NUMBER] = new
            taken.add(new)
        else:
            seen[number] = 1
    return {r.where: r.number for r in rows}


_AXE_LINE = re.compile(r"^\s*(?:axe|orientation|volet|champ d'action)\s*(\d+|[a-z])\s*[:—–\-.]\s*\S")
_AXE_CODE = re.compile(r"^\s*(?:axe|orientation|volet)?\s*(\d+|[a-z])\s*$")


def _axe_names(rows: list[PlanRow], lines: list[str], groups: _Groups) -> None:
    """An axe written as its number (`1`, `Axe 2`) takes the name the plan gives it elsewhere
    (`Axe 1 : Loisirs et culture`, a paragraph or a legend); without one, it is flagged."""
    names: dict[str, str] = {}
    for line in lines:
        match = _AXE_LINE.match(fold(line))
        if match:
            names.setdefault(match.group(1), clean_cell(line))
    for row in rows:
        code = _AXE_CODE.match(fold(str(row.values[AXE])))
        if code is None:
            continue
        if code.group(1) in names:
            groups.add("axe-named", row.where, probable=False, text=f"{row.values[AXE]} → {names[code.group(1)]}")
            row.values[AXE] = names[code.group(1)]
        else:
            groups.add("axe-only-number", row.where, text=str(row.values[AXE]))


def _flags(rows: list[PlanRow], services: list[str], groups: _Groups) -> None:
    """What looks wrong in the result: a service name that holds partners, too many leads, an axe that
    reads like a header or a note."""
    for row in rows:
        lead = str(row.values[LEAD])
        if looks_like_several(lead):
            groups.add("lead-looks-like-several", row.where, text=lead)
        axe = str(row.values[AXE])
        if axe != NO_AXE and looks_like_header_or_note(axe):
            groups.add("axe-looks-like-header", row.where, text=axe)
    if len(services) > MANY_SERVICES:
        for row in rows:
            groups.add("many-leads", row.where, text=", ".join(services), count=len(services))
