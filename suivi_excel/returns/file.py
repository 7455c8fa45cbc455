"""Read returned files (found by `core.inputs.find_files`): recognize them, and pull the raw values of each service tab.

Nothing here judges values; that is `validation`. A file that cannot be read
becomes an anomaly and the run goes on. Files are opened read-only and never
written. Values are read with python-calamine (fast, no formats needed: the
readers of `values` interpret them).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from suivi_excel.core.anomalies import Anomaly
from suivi_excel.core.columns import NUMBER, PLAN_COLUMNS, STATUS, TRACKING_COLUMNS, find_column
from suivi_excel.core.messages import REFUSALS
from suivi_excel.core.rawsheet import (
    quiet_native_stderr,
    reraise_interrupts,
    sheet_rows,
)
from suivi_excel.core.limits import DEFAULT_LIMITS, Limits
from suivi_excel.core.safety import inspect_file
from suivi_excel.core.saved import saved_time
from suivi_excel.core.tabs import RESERVED_TABS, TAB_META, TAB_PLAN
from suivi_excel.core.text import action_number, cell_ref, is_blank
from suivi_excel.forms.metadata import PER_SERVICE, Meta, MetaDamaged, read_meta

_HEADER_SEARCH_ROWS = 10
_NO_COLUMN = PLAN_COLUMNS[0]


@dataclass
class TabRead:
    """The raw content of one service tab of a returned file."""

    file: str  # the name shown in anomalies
    sheet: str
    service: str
    saved: dt.datetime | None
    header_row: int  # 0-based
    columns: dict[str, int]  # tracking header (and "No") -> 0-based column
    rows: list[int] = field(default_factory=list)  # 0-based row of each action line
    numbers: list[str] = field(default_factory=list)
    raw: dict[str, list[object]] = field(default_factory=dict)  # tracking header -> values
    prefill: str = ""  # digest of the values the form was pre-filled with ("" for a blank form)
    own_form: bool = True  # from a per-service workbook, not a copy of the integrated one
    correction: bool = False  # from a correction workbook (`consolider --corrections`)

    @property
    def filled(self) -> bool:
        return any(not is_blank(v) for values in self.raw.values() for v in values)

    def cell(self, header: str, index: int) -> str:
        return cell_ref(self.rows[index], self.columns[header])


@dataclass
class FileRead:
    """A returned file: its metadata, its service tabs, and what went wrong reading it."""

    path: Path
    name: str
    meta: Meta | None = None
    saved: dt.datetime | None = None
    tabs: list[TabRead] = field(default_factory=list)
    anomalies: list[Anomaly] = field(default_factory=list)
    # tabs laid out like a form in a file without usable metadata (a tab copied into
    # a new workbook): consolidation may still place them by their action numbers
    orphans: list[TabRead] = field(default_factory=list)
    why_orphan: Anomaly | None = None
    orphan_notes: list[Anomaly] = field(default_factory=list)  # header problems of those tabs
    limits: Limits = DEFAULT_LIMITS  # those it was read within, for reading its plan later

    @property
    def recognized(self) -> bool:
        return self.meta is not None


def read_file(path: Path, name: str, limits: Limits = DEFAULT_LIMITS) -> FileRead:
    """Read one returned file; never raises for a bad file (the problem is an anomaly).

    Args:
        path: the file.
        name: how to name it in anomalies.
        limits: bounds on size, inflation and rows.

    Returns:
        The FileRead; `meta` is None when the file is not a suivi-excel workbook.
    """
    result = FileRead(path, name, limits=limits)
    parts: dict[str, bytes] = {}
    refusal = inspect_file(path, limits, parts, parsed=_read_here)
    if refusal is not None:
        result.anomalies.append(Anomaly.of(refusal.code, file=name, reason=refusal.reason,
                                           option=refusal.option))
        return result
    from python_calamine import CalamineWorkbook

    try:
        with quiet_native_stderr():
            book = CalamineWorkbook.from_path(str(path))
        sheet_names = list(book.sheet_names)
    except BaseException as error:  # noqa: BLE001 - see _reraise_interrupts
        reraise_interrupts(error)
        result.anomalies.append(Anomaly.of("file-unreadable", file=name, reason=_short(error)))
        return result
    try:
        result.saved = saved_time(parts.get("docProps/core.xml"))
        problem = None
        if TAB_META not in sheet_names:
            problem = Anomaly.of("file-unrelated", file=name)
        else:
            try:
                result.meta = read_meta(sheet_rows(book, path, TAB_META))
            except MetaDamaged as error:
                problem = Anomaly.of("meta-damaged", file=name, sheet=TAB_META, reason=str(error))
        if problem is None:
            _read_tabs(book, sheet_names, result)  # the plan's JSON is loaded from one file only: `plan_of`
        else:
            result.why_orphan = problem
            result.orphans = _read_orphans(book, sheet_names, result)
            if not result.orphans:
                result.anomalies.append(problem)
    except BaseException as error:  # noqa: BLE001 - a part that breaks the parser midway
        reraise_interrupts(error)
        result.meta = None
        result.tabs = []
        result.anomalies.append(Anomaly.of("file-unreadable", file=name, reason=_short(error)))
    finally:
        close = getattr(book, "close", None)
        if close:
            close()
    return result


def _short(error: BaseException) -> str:
    """Why the reader gave up, in French: its own message is English, and says nothing to a service."""
    return REFUSALS["reader-failed"].format(error=type(error).__name__)


def _is_service_tab(sheet_name: str) -> bool:
    return sheet_name not in RESERVED_TABS and not sheet_name.startswith("_")


def _read_here(sheet_name: str) -> bool:
    """The sheets `read_file` may parse: all but the plan's JSON (a tab named with a leading "_" by an
    earlier version may be a service's)."""
    return sheet_name != TAB_PLAN


def _read_tabs(book, sheet_names: list[str], result: FileRead) -> None:
    meta = result.meta
    assert meta is not None
    plan = None
    for sheet_name in sheet_names:
        info = meta.tab_for(sheet_name)
        if not _is_service_tab(sheet_name) and (info is None or sheet_name in RESERVED_TABS):
            continue  # the workbook's own tabs; a service's tab is read whatever its name
        rows = sheet_rows(book, result.path, sheet_name)  # size already bounded by safety.inspect_file
        tab = _read_tab(rows, result, sheet_name, info.service if info else "")
        if tab is None:
            continue
        tab.prefill = info.prefill if info else ""
        tab.own_form = meta.kind == PER_SERVICE
        tab.correction = bool(meta.corrections)
        if info is None:
            # a renamed tab: recognize the service from the action numbers it holds
            plan = plan or plan_of(result)
            tab.service = service_of_numbers(plan, tab.numbers)
            if not tab.service:
                if tab.filled:
                    result.anomalies.append(Anomaly.of("tab-unknown", file=result.name, sheet=sheet_name,
                                                       value=sheet_name))
                continue
        result.tabs.append(tab)


def plan_of(read: FileRead):
    """The plan a recognized file carries (read again: `read_file` neither parses nor keeps it).

    Raises:
        MetaDamaged, ValueError: when it cannot be read any more.
    """
    return carried_meta(read).plan(read.name)


def carried_meta(read: FileRead) -> Meta:
    """A recognized file's metadata with the plan it carries, whose integrity is checked.

    The file is checked whole first: `read_file` left the plan's sheet unchecked.

    Raises:
        MetaDamaged, ValueError: when it cannot be read any more, or the plan was edited.
    """
    from python_calamine import CalamineWorkbook

    refusal = inspect_file(read.path, read.limits)
    if refusal is not None:
        raise MetaDamaged.of(refusal.why or "refused-on-rereading", **dict(refusal.params))
    with quiet_native_stderr():
        book = CalamineWorkbook.from_path(str(read.path))
    plan_rows = sheet_rows(book, read.path, TAB_PLAN) if TAB_PLAN in book.sheet_names else []
    meta = read_meta(sheet_rows(book, read.path, TAB_META), plan_rows)
    meta.check_plan()
    return meta


def _read_orphans(book, sheet_names: list[str], result: FileRead) -> list[TabRead]:
    """Form-like tabs of a file without metadata; silent when a tab is not form-like."""
    found = []
    for sheet_name in sheet_names:
        if not _is_service_tab(sheet_name):
            continue
        scratch = FileRead(result.path, result.name, saved=result.saved)
        tab = _read_tab(sheet_rows(book, result.path, sheet_name), scratch, sheet_name, "")
        if tab is not None and tab.numbers and STATUS in tab.columns:
            result.orphan_notes.extend(scratch.anomalies)
            found.append(tab)
    return found


def service_of_numbers(plan, numbers: list[str]) -> str:
    """The service most of `numbers` belong to (more than half of them), or ""."""
    counts: dict[str, int] = {}
    for number in numbers:
        if number in plan.owners:
            counts[plan.owners[number]] = counts.get(plan.owners[number], 0) + 1
    if not counts:
        return ""
    best = max(counts, key=counts.get)
    return best if counts[best] * 2 > len(numbers) else ""


def _find_header(rows: list[list[object]]) -> tuple[int, dict[str, int]] | None:
    for index, row in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        for col, value in enumerate(row):
            if is_blank(value):
                continue
            if NUMBER not in columns and find_column(value, (_NO_COLUMN,)) is not None:
                columns[NUMBER] = col
                continue
            column = find_column(value, TRACKING_COLUMNS)
            if column is not None and column.header not in columns:
                columns[column.header] = col
        if len(columns) >= 2 and any(h != NUMBER for h in columns):
            return index, columns
    return None


def _read_tab(rows: list[list[object]], result: FileRead, sheet: str, service: str) -> TabRead | None:
    found = _find_header(rows)
    if found is None:
        if any(not is_blank(v) for row in rows for v in row):
            result.anomalies.append(Anomaly.of("no-action-column", file=result.name, sheet=sheet, cell="A1"))
        return None
    header_row, columns = found
    tab = TabRead(result.name, sheet, service, result.saved, header_row, columns)
    if NUMBER not in columns:
        result.anomalies.append(Anomaly.of("no-action-column", file=result.name, sheet=sheet,
                                           cell=cell_ref(header_row, 0)))
        return None
    for column in TRACKING_COLUMNS:
        if column.header not in columns and not column.optional:  # forms of earlier versions lack some
            result.anomalies.append(Anomaly.of("header-missing", file=result.name, sheet=sheet,
                                               cell=f"{header_row + 1}:{header_row + 1}", value=column.header))
    tab.raw = {header: [] for header in columns if header != NUMBER}
    no_col = columns[NUMBER]
    for index in range(header_row + 1, len(rows)):
        row = rows[index]
        number = action_number(row[no_col]) if no_col < len(row) else ""
        values = {h: (row[c] if c < len(row) else None) for h, c in columns.items() if h != NUMBER}
        if not number and all(is_blank(v) for v in values.values()):
            continue
        tab.rows.append(index)
        tab.numbers.append(number)
        for header, value in values.items():
            tab.raw[header].append(None if is_blank(value) else value)
    return tab
