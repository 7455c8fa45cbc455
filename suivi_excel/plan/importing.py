"""Turn the plan a municipality adopted (Excel as printed, Word, PDF) into a plan workbook `generer` accepts.

The tables of the source are read in order (`sources`), each one understood (`tables`): its
header, its sections, its actions. Then the plan is settled as a whole: the years (from the
title, `--debut` or the year columns), the lead service of each action and its partners,
the numbers. Every interpretation goes to the `À vérifier` sheet with its source place; what
the plan said and has no column of ours is kept in extra columns. The source is only read.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from suivi_excel.core.errors import SuiviError
from suivi_excel.core.text import fold
from suivi_excel.core.values import parse_money
from suivi_excel.plan.responsible import alone, split_responsible
from suivi_excel.plan.schedule import (
    is_tick,
    plan_years,
    read_schedule,
    relative_ranks,
    unusual_tick,
)
from suivi_excel.plan.sources import Source, SourceTable, read_source
from suivi_excel.plan.tables import (
    Header,
    Note,
    RawAction,
    clean_cell,
    context_section,
    fill_covered,
    find_header,
    header_cut_by_page,
    header_notes,
    is_note_row,
    is_repeated_header,
    section_kind,
    single_text,
)

SCHEDULE_SOURCE = "Échéancier (texte du plan)"
RESPONSIBLE_SOURCE = "Responsable(s) (texte du plan)"
BUDGET_SOURCE = "Budget (texte du plan)"
SHEET_SOURCE = "Feuille du plan"
NO_SERVICE = "À déterminer"
NO_AXE = "Axe à préciser"
_CAPITALIZED = r"[A-ZÉÈÀÂÎÔÛ][\w'’\-]*"
_MUNICIPALITY = re.compile(r"\b((?:Ville|Municipalité|Municipalite|MRC|Village|Paroisse|Canton|Cité)\s+"
                           rf"(?:de la |de l'|de l’|des |du |de |d'|d’){_CAPITALIZED}(?:[\s-]{_CAPITALIZED})*)")


@dataclass
class ImportedPlan:
    """The plan as imported: rows for the `Actions` sheet, the services, parameters and the notes."""

    source: Path
    actions: list[dict[str, object]]
    extra_columns: list[str]
    services: list[str]
    parameters: dict[str, str]
    notes: list[Note] = field(default_factory=list)
    years: tuple[int, int] | None = None

    @property
    def axes(self) -> list[str]:
        return list(dict.fromkeys(str(a["Axe"]) for a in self.actions))


def import_plan(path: Path, first_year: int | None = None) -> ImportedPlan:
    """Read an adopted plan and settle it as a plan of `suivi-excel`.

    Args:
        path: the source (.xlsx, .xlsm, .ods, .docx or .pdf).
        first_year: the plan's first year (`--debut`), for schedules written `An 1`, `An 2`…

    Returns:
        The imported plan.

    Raises:
        SuiviError: exit 2, naming the file, when it holds no plan table or cannot be read.
    """
    source = read_source(path)
    notes: list[Note] = []
    raw = _actions_of(source, notes)
    if not raw:
        raise SuiviError(f"aucun tableau de plan d'action trouvé dans « {path.name} » : il faut un tableau dont "
                         "l'en-tête nomme au moins les actions (Action, Moyen d'action, Mesure…) et une autre "
                         "colonne (Axe, Objectif, Responsable, Échéancier…). Rien n'a été écrit.")
    opening = source.opening or next((t.before[:4] for t in source.tables if t.before), [])
    lines = opening + [line for table in source.tables for line in table.before]
    years = _plan_years(first_year, lines, raw, notes, path)
    known = alone([action.cells.get("responsable", "") for action in raw])
    services: list[str] = []
    rows = [_settle(action, years, known, services, notes) for action in raw]
    _number(rows, notes)
    extras = _extra_columns(rows, source)
    return ImportedPlan(path, rows, extras, services, _parameters(opening, lines), notes, years)


# -- reading the tables ------------------------------------------------------------------------------


def _actions_of(source: Source, notes: list[Note]) -> list[RawAction]:
    found: list[RawAction] = []
    header: Header | None = None
    axe = objectif = ""
    previous_sheet = None
    told: set[tuple[str, str]] = set()
    pending: list[Note] = []
    header_table: SourceTable | None = None  # where `header` was found
    previous_table: SourceTable | None = None
    for table in source.tables:
        own, before_this = find_header(table), previous_table
        previous_table = table
        sheet_changed = table.sheet != previous_sheet and table.sheet != ""
        previous_sheet = table.sheet
        if own is None:
            if header is None or sheet_changed or not _continues(table, header):
                if any(any(c for c in row) for row in table.rows):
                    notes.append(Note(table.origin, "tableau sans en-tête reconnu : ignoré"))
                continue
            start = 0
            follows = before_this is header_table and table.rows
            whole = header_cut_by_page(header_table, header, table.rows[0]) if follows else None
            if whole is not None:  # the page ended on the header: its words end on this page
                header, start = whole, 1
                notes.append(Note(table.where(0, None), "en-tête coupé par le saut de page : complété par "
                                  "cette ligne", " | ".join(c for c in table.rows[0] if c)))
                notes.extend(header_notes(header_table, header, told))
            notes.append(Note(table.origin, "tableau sans en-tête : lu comme la suite du tableau précédent"))
        else:
            header, header_table, start = own, table, own.first_data
            if start < len(table.rows):  # a header alone at the foot of a page is told once completed
                notes.extend(header_notes(table, header, told))
            table.before = table.before + _rows_above(table, own)
            heading = context_section(table.before, "axe")
            axe = heading or ("" if sheet_changed else axe)
            objectif = context_section(table.before, "objectif")
            if heading and "axe" not in header.columns:  # said once an action takes it
                pending.append(Note(table.origin, "axe lu dans le texte qui précède le tableau", heading))
        axe, objectif = _rows(table, header, start, axe, objectif, found, notes, pending)
    return found


def _continues(table: SourceTable, header: Header) -> bool:
    """A table without a header continues the previous one (a PDF page) when its columns line up."""
    width = max((len(row) for row in table.rows), default=0)
    return abs(width - header.width) <= 1


def _rows_above(table: SourceTable, header: Header) -> list[str]:
    """The title rows above a sheet's header, as lines of text."""
    above = []
    for row in table.rows[:header.first_data - (2 if header.years or header.ranks else 1)]:
        text = single_text(row) or " ".join(c for c in (clean_cell(x) for x in row) if c)
        if text:
            above.append(clean_cell(text))
    return above


def _rows(table: SourceTable, header: Header, start: int, axe: str, objectif: str, found: list[RawAction],
          notes: list[Note], pending: list[Note]) -> tuple[str, str]:
    """Read the actions of a table from `start`, under the running axe and objective; returns them as
    the table leaves them. `pending` holds a note to give once an action relies on what it says."""
    columns = header.columns
    for r in range(start, len(table.rows)):
        if r > start:
            fill_covered(table.rows[r], table.rows[r - 1])
        elif start == 0 and found and found[-1].table is not table:
            _carry_over_page(table.rows[r], found[-1], columns)
        row = table.rows[r]
        where = table.where(r, None)
        if not any((c or "").strip() for c in row):
            continue
        if is_repeated_header(row, header):
            continue
        lone = single_text(row)
        if lone is not None:
            text = clean_cell(lone)
            if is_note_row(lone):
                notes.append(Note(where, "ligne de note : laissée de côté", text))
                continue
            kind = section_kind(text, header)
            if kind == "axe":
                axe, objectif = text, ""
                pending.clear()
            else:
                objectif = text
            notes.append(Note(where, f"ligne de section lue comme {'un axe' if kind == 'axe' else 'un objectif'}",
                              text))
            continue
        cells = {name: clean_cell(_raw(row, col)) for name, col in columns.items()}
        if "responsable" in columns:
            cells["responsable"] = _raw(row, columns["responsable"]).strip()
        if table.paged and cells.get("no"):
            cells["no"] = re.sub(r"\s+", "", cells["no"])  # a narrow column wraps `3.10` as `3.1` / `0`
        top_of_page = r == start == 0
        if found and not cells.get("no") and (
                (not cells.get("action") and (found[-1].table is table or top_of_page))
                or (table.paged and _cut_by_page(cells, found[-1], top_of_page, row, header))):
            _continue_previous(found[-1], cells, notes, where)  # a row the page break cut in two
            for name in ("axe", "objectif"):  # the rows below, under the same merged cell, take it whole
                if name in columns and columns[name] < len(row):
                    row[columns[name]] = getattr(found[-1], name)
            continue
        if not cells.get("action"):
            notes.append(Note(where, "ligne sans action : laissée de côté", " | ".join(v for v in cells.values() if v)))
            continue
        ticked = [c for c in sorted({**header.years, **header.ranks}) if is_tick(_cell(row, c))]
        odd = [_cell(row, c) for c in ticked if unusual_tick(_cell(row, c))]
        if odd:
            notes.append(Note(where, "marque inhabituelle dans une colonne d'année, lue comme cochée",
                              ", ".join(odd)))
        if pending and not cells.get("axe"):
            notes.extend(pending)
        pending.clear()
        found.append(RawAction(
            where, cells, cells.get("axe") or axe, cells.get("objectif") or objectif,
            [header.titles[c] for c in ticked], [header.years[c] for c in ticked if c in header.years],
            [header.ranks[c] for c in ticked if c in header.ranks],
            {title: clean_cell(_raw(row, col)) for col, title in header.extras.items()},
            table, r))
    return axe, objectif


def _carry_over_page(row: list[str | None], previous: RawAction, columns: dict[str, int]) -> None:
    """The first row of a page continues the merges of the page before: cells it marks as covered take
    the text above, and an empty axe or objective cell (a merged cell goes on, its text stays on the
    page before) takes the previous action's."""
    fill_covered(row, previous.table.rows[previous.row])
    for name in ("axe", "objectif"):
        col = columns.get(name)
        if col is not None and col < len(row) and not (row[col] or "").strip():
            row[col] = getattr(previous, name)


def _cell(row: list[str | None], col: int) -> str:
    return clean_cell(row[col]) if col < len(row) and row[col] else ""


def _raw(row: list[str | None], col: int) -> str:
    return str(row[col]) if col < len(row) and row[col] else ""


def _ticked(row: list[str | None], header: Header) -> bool:
    return any(is_tick(_cell(row, c)) for c in {**header.years, **header.ranks})


def _joined(first: str, rest: str) -> str:
    """Two pieces of a cell a page break cut: a word cut after its hyphen is joined back without a space."""
    if first.endswith("-") and not first.endswith(" -"):
        return first + rest
    return f"{first} {rest}".strip()


def _cut_by_page(cells: dict[str, str], previous: RawAction, first_of_page: bool, row: list[str | None],
                 header: Header) -> bool:
    """Whether a PDF row is the end of the previous action, cut by a page break: in a numbered plan,
    a row without a number; otherwise text only, starting in lower case at the top of a page."""
    if cells.get("no"):
        return False
    if "no" in header.columns and previous.cells.get("no"):
        return first_of_page or not cells.get("responsable")
    if _ticked(row, header) or any(cells.get(n) for n in ("echeancier", "debut", "fin")):
        return False
    return first_of_page and (cells.get("action", "")[:1].islower() or not cells.get("responsable"))


def _continue_previous(action: RawAction, cells: dict[str, str], notes: list[Note], where: str) -> None:
    for name, text in cells.items():
        if not text:
            continue
        if name in ("axe", "objectif"):
            if text != getattr(action, name):  # the page before may have carried it whole already
                setattr(action, name, _joined(getattr(action, name), text))
        else:
            action.cells[name] = _joined(action.cells.get(name, ""), text)
    notes.append(Note(where, "ligne rattachée à l'action précédente (suite de son texte)",
                      " | ".join(v for v in cells.values() if v)))


# -- settling the plan -------------------------------------------------------------------------------


def _plan_years(first_year: int | None, lines: list[str], raw: list[RawAction], notes: list[Note],
                path: Path) -> tuple[int, int] | None:
    titled = plan_years(lines)
    ticked = sorted({y for a in raw for y in a.tick_years})
    if first_year is not None:
        last = titled[1] if titled and titled[1] >= first_year else None
        ranks = [r for a in raw for r in a.tick_ranks] + [_max_rank(a.cells.get("echeancier", "")) for a in raw]
        last = last or first_year + max([r for r in ranks if r] or [1]) - 1
        notes.append(Note(path.name, "première année du plan donnée par --debut", str(first_year)))
        return first_year, max(last, first_year)
    if titled:
        notes.append(Note(path.name, f"années du plan lues dans le titre : {titled[0]} à {titled[1]}",
                          next(line for line in lines if str(titled[0]) in line)))
        return titled
    if ticked:
        notes.append(Note(path.name, f"années du plan déduites des colonnes d'années : {ticked[0]} à {ticked[-1]}"))
        return ticked[0], ticked[-1]
    return None


def _max_rank(text: str) -> int:
    ranks = relative_ranks(fold(text))
    return max(ranks) if ranks else 0


def _settle(action: RawAction, years: tuple[int, int] | None, known: Counter, services: list[str],
            notes: list[Note]) -> dict[str, object]:
    cells = action.cells
    where = action.where
    row: dict[str, object] = {"No": cells.get("no", ""), "Axe": action.axe, "Objectif": action.objectif,
                              "Action": cells["action"]}
    if not action.axe:
        row["Axe"] = NO_AXE
        notes.append(Note(where, f"aucun axe trouvé : « {NO_AXE} » inscrit", cells["action"]))
    written = cells.get("responsable", "")
    names = split_responsible(written, known)
    if not names:
        names = [NO_SERVICE]
        notes.append(Note(where, f"aucun responsable : « {NO_SERVICE} » inscrit", cells["action"]))
    elif len(names) > 1:
        notes.append(Note(where, f"responsable partagé : « {names[0]} » mène l'action, "
                          f"{', '.join(f'« {n} »' for n in names[1:])} en partenaires", written))
        row[RESPONSIBLE_SOURCE] = clean_cell(written)
    lead = _service(names[0], services, notes, where)
    row["Service responsable"] = lead
    partners = names[1:] + ([cells["partenaires"]] if cells.get("partenaires") else [])
    row["Partenaires"] = "; ".join(partners)
    row.update(_schedule(action, years, notes))
    row["Indicateur"] = cells.get("indicateur", "")
    row["Cible"] = cells.get("cible", "")
    budget_text = cells.get("budget", "")
    if budget_text:
        money = parse_money(budget_text)
        row["Budget prévu ($)"] = money.value if not money.code else None
        if money.code:
            row[BUDGET_SOURCE] = budget_text
            notes.append(Note(where, "budget sans montant lisible : gardé en texte", budget_text))
    row.update(action.extras)
    if action.table.sheet:
        row[SHEET_SOURCE] = action.table.sheet  # dropped when the plan has one sheet
    row["_where"] = where
    return row


def _service(name: str, services: list[str], notes: list[Note], where: str) -> str:
    """The plan's spelling of a lead service: the first seen, whatever case and accents later ones use."""
    for known in services:
        if fold(known) == fold(name):
            if known != name:
                notes.append(Note(where, f"service écrit autrement ailleurs : lu comme « {known} »", name))
            return known
    services.append(name)
    return name


def _schedule(action: RawAction, years: tuple[int, int] | None, notes: list[Note]) -> dict[str, object]:
    cells, where = action.cells, action.where
    first, last = years if years else (None, None)
    out: dict[str, object] = {}
    written = cells.get("echeancier", "")
    if action.ticks:
        out[SCHEDULE_SOURCE] = ", ".join(action.ticks)
        found = list(action.tick_years) + [first + r - 1 for r in action.tick_ranks if first is not None]
        if found:
            out["Début"], out["Fin"] = min(found), max(found)
        elif action.tick_ranks:
            notes.append(Note(where, "années relatives sans première année du plan : précisez --debut",
                              out[SCHEDULE_SOURCE]))
    if written:
        out[SCHEDULE_SOURCE] = "; ".join(dict.fromkeys(t for t in (out.get(SCHEDULE_SOURCE, ""), written) if t))
        read = read_schedule(written, first, last)
        if read.start is not None and "Début" not in out:
            out["Début"], out["Fin"] = read.start, read.end
            if read.how in ("relatif", "continu"):
                notes.append(Note(where, f"échéancier « {written} » lu comme {read.start} à {read.end}", written))
        elif read.how == "sans plan":
            notes.append(Note(where, "échéancier relatif ou continu sans années du plan connues : précisez "
                              "--debut ANNÉE", written))
        elif read.how == "illisible":
            notes.append(Note(where, "échéancier sans année lisible : Début et Fin laissés vides", written))
    for name, header in (("debut", "Début"), ("fin", "Fin")):
        text = cells.get(name, "")
        if text:
            year = read_schedule(text, first, last)
            out[header] = (year.start if header == "Début" else year.end) if year.start is not None else text
    if isinstance(out.get("Début"), int) and isinstance(out.get("Fin"), int) and out["Fin"] < out["Début"]:
        notes.append(Note(where, "fin avant le début dans l'échéancier : à corriger", f"{out['Début']}–{out['Fin']}"))
    return out


def _number(rows: list[dict[str, object]], notes: list[Note]) -> None:
    """Keep the plan's numbers; number the others axe.rank; make duplicates unique."""
    axes = list(dict.fromkeys(str(r["Axe"]) for r in rows))
    taken = {str(r["No"]) for r in rows if r["No"]}
    rank: dict[str, int] = {}
    for row in rows:
        axe = str(row["Axe"])
        rank[axe] = rank.get(axe, 0) + 1
        if row["No"]:
            continue
        match = re.match(r"^\s*(?:axe|orientation|volet|champ d'action)?\s*(\d+)\b", fold(axe))
        index = match.group(1) if match else str(axes.index(axe) + 1)
        number, n = f"{index}.{rank[axe]}", rank[axe]
        while number in taken:
            n += 1
            number = f"{index}.{n}"
        row["No"] = number
        taken.add(number)
        notes.append(Note(str(row["_where"]), f"action sans numéro : numérotée {number}", str(row["Action"]),
                          number))
    seen: dict[str, int] = {}
    for row in rows:
        number = str(row["No"])
        if number in seen:
            seen[number] += 1
            new = f"{number}-{seen[number]}"
            while new in taken:
                seen[number] += 1
                new = f"{number}-{seen[number]}"
            notes.append(Note(str(row["_where"]), f"numéro déjà pris par une autre action : renuméroté {new}",
                              number, new))
            row["No"] = new
            taken.add(new)
        else:
            seen[number] = 1
    by_where = {str(r["_where"]): str(r["No"]) for r in rows}
    notes[:] = [n if n.number or n.where not in by_where else Note(n.where, n.what, n.text, by_where[n.where])
                for n in notes]


def _extra_columns(rows: list[dict[str, object]], source: Source) -> list[str]:
    declared = {"No", "Axe", "Objectif", "Action", "Service responsable", "Partenaires", "Début", "Fin",
                "Budget prévu ($)", "Indicateur", "Cible", "_where"}
    sheets = {t.sheet for t in source.tables if t.sheet}
    extras: list[str] = []
    for row in rows:
        if len(sheets) <= 1:
            row.pop(SHEET_SOURCE, None)
        for key in list(row):
            if key not in declared and key not in extras:
                extras.append(key)
    for row in rows:
        row.pop("_where", None)
    ordered = [c for c in (SCHEDULE_SOURCE, RESPONSIBLE_SOURCE, BUDGET_SOURCE, SHEET_SOURCE) if c in extras]
    return ordered + [c for c in extras if c not in ordered]


def _parameters(opening: list[str], lines: list[str]) -> dict[str, str]:
    parameters: dict[str, str] = {}
    title = _title(opening)
    if title:
        parameters["Titre du plan"] = title
    for line in lines:
        match = _MUNICIPALITY.search(line)
        if match:
            parameters["Municipalité"] = match.group(1).strip(" -–—,")
            break
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

    checks = [(note.where, note.number, note.what, note.text) for note in imported.notes]
    return write_plan(output, imported.actions, [{"Service": s} for s in imported.services], imported.parameters,
                      imported.extra_columns, checks)
