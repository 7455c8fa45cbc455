"""Hidden metadata carried by every generated workbook (very hidden sheet `_suivi`).

They identify the plan (identity and version), the period, the kind of
workbook and each service tab, and they carry the whole plan as JSON so that a
returned file is understood without the plan file and whatever its name.
A checksum over them tells when someone edited them. The plan's JSON (up to
megabytes) sits apart in the very hidden sheet `_plan`, so that reading a
returned file does not mean parsing it: one file is enough to learn the plan.
Format 1 kept it in `_suivi`; such forms are still read.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import hashlib
import json
import zlib
from dataclasses import dataclass, field

from suivi_excel.core.messages import REFUSALS
from suivi_excel.core.periods import parse_period
from suivi_excel.core.tabs import TAB_META, TAB_PLAN

FORMAT = "3"  # 3: the plan packed (deflate + base64) in `_plan`; 2: plain JSON there; 1: in `_suivi`
_READ_FORMATS = {"1", "1.0", "2", "2.0", "3", "3.0"}
_PACKED = "zlib64:"
_MAX_PLAN_BYTES = 64_000_000  # a plan of 150 actions is some 100 kB of JSON; far beyond is a bomb
_CHUNK = 30000  # Excel holds at most 32,767 characters in a cell
# what a workbook is: the integrated workbook (every service tab) or one service's own
INTEGRATED, PER_SERVICE = KINDS = ("integre", "service")
_TAB_KEYS = {"tab", "service", "prefill"}


@dataclass
class TabInfo:
    """A service tab of a generated workbook."""

    tab: str
    service: str
    prefill: str = ""  # digest of pre-filled tracking values, "" for a blank form


@dataclass
class Meta:
    """What a generated workbook says about itself."""

    plan_id: str
    plan_version: str
    period: str
    generated_at: str
    kind: str  # INTEGRATED or PER_SERVICE
    tabs: list[TabInfo] = field(default_factory=list)
    plan_json: str = ""
    deadline: str = ""  # ISO date of the return deadline, "" when none was given
    corrections: list[list[str]] = field(default_factory=list)  # (cell, problem) of a correction workbook
    to_complete: bool = False  # a correction workbook asking only for missing answers (« À compléter »)

    def plan(self, source: str = ""):
        """The plan carried by the workbook (a `plan.Plan`)."""
        from suivi_excel.plan.model import (
            Plan,  # pandas: only when a plan is really needed
        )

        self.check_plan()
        _check_plan_shape(_loads(self.plan_json, "meta-plan-unreadable"))
        try:
            return Plan.from_json(self.plan_json, source)
        except (ValueError, KeyError, TypeError, IndexError, AttributeError):
            raise MetaDamaged.of("meta-plan-unreadable") from None

    def check_plan(self) -> None:
        """Check that the carried plan is the one the workbook was generated from.

        Raises:
            MetaDamaged: when it was edited by hand.
        """
        from suivi_excel.plan.model import plan_version

        if plan_version(self.plan_json) != self.plan_version:
            raise MetaDamaged.of("meta-plan-edited")

    def tab_for(self, name: str) -> TabInfo | None:
        return next((t for t in self.tabs if t.tab == name), None)


class MetaDamaged(ValueError):
    """The metadata sheet exists but cannot be trusted: the damage as data, like a `Refusal` — `why`, a code
    of `messages.REFUSALS`, and the values of its placeholders — said in French by str() (it fills
    `meta-damaged`'s {reason})."""

    def __init__(self, why: str, params: tuple[tuple[str, object], ...] = ()) -> None:
        super().__init__(why, params)  # the arguments again: whole through pickling (the reading workers)
        self.why = why
        self.params = params

    @classmethod
    def of(cls, why: str, **params: object) -> MetaDamaged:
        """The damage `why` of the catalogue (`messages.REFUSALS`), its placeholders filled by `params`."""
        return cls(why, tuple(params.items()))

    @property
    def reason(self) -> str:
        """The damage in French."""
        return REFUSALS[self.why].format(**dict(self.params))

    def __str__(self) -> str:
        return self.reason


def _loads(text: str, why: str) -> object:
    """JSON from a hidden sheet; nested without end or broken, it is damage `why` (a forger can recompute
    the checksum, so nothing in these sheets is trusted as it is)."""
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        raise MetaDamaged.of(why) from None


_SCALARS = (str, int, float, bool, type(None))


def _is_cell(value: object) -> bool:
    return isinstance(value, _SCALARS) or (isinstance(value, dict) and list(value) == ["date"]
                                           and isinstance(value["date"], str))


def _check_plan_shape(data: object) -> None:
    """The carried plan is laid out as `Plan.to_json` writes it: a table of plain cells whose action
    numbers and services are text.

    Raises:
        MetaDamaged: otherwise.
    """
    from suivi_excel.core.columns import LEAD, NUMBER, SERVICE_COLUMNS

    def fail() -> MetaDamaged:
        return MetaDamaged.of("meta-plan-unreadable")

    if not isinstance(data, dict) or not isinstance(data.get("parameters"), dict):
        raise fail()
    columns, actions, services = data.get("columns"), data.get("actions"), data.get("services")
    if not (isinstance(columns, list) and all(isinstance(c, str) for c in columns) and len(set(columns)) == len(columns)
            and NUMBER in columns and LEAD in columns):
        raise fail()
    if not all(isinstance(k, str) and isinstance(v, _SCALARS) for k, v in data["parameters"].items()):
        raise fail()
    text_columns = [columns.index(NUMBER), columns.index(LEAD)]
    if not (isinstance(actions, list) and all(isinstance(row, list) and len(row) == len(columns)
                                              and all(_is_cell(v) for v in row)
                                              and all(isinstance(row[i], str) for i in text_columns)
                                              for row in actions)):
        raise fail()
    if not (isinstance(services, list) and all(isinstance(row, list) and len(row) == len(SERVICE_COLUMNS)
                                               and all(isinstance(v, _SCALARS) for v in row)
                                               and isinstance(row[0], str) for row in services)):
        raise fail()


def _checksum(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:24]


def write_meta(workbook, meta: Meta) -> None:
    """Add the very hidden `_suivi` and `_plan` sheets to an xlsxwriter workbook."""
    sheet = workbook.add_worksheet(TAB_META)
    tabs_json = json.dumps([t.__dict__ for t in meta.tabs], ensure_ascii=False)
    rows = [
        ("suivi-excel", FORMAT),
        ("plan", meta.plan_id),
        ("version", meta.plan_version),
        ("periode", meta.period),
        ("genere_le", meta.generated_at),
        ("type", meta.kind),
        ("echeance", meta.deadline),
        ("onglets", tabs_json),
        ("corrections", json.dumps(meta.corrections, ensure_ascii=False)),
        ("a_completer", "oui" if meta.to_complete else ""),
        # the plan's JSON is covered through its version (a hash of it), checked in `plan()`
        ("controle", _checksum(meta.plan_id, meta.plan_version, meta.period, meta.kind, tabs_json)),
    ]
    for row, (key, value) in enumerate(rows):
        sheet.write_string(row, 0, key)
        for col, start in enumerate(range(0, max(len(value), 1), _CHUNK), start=1):  # a cell holds 32,767
            sheet.write_string(row, col, value[start:start + _CHUNK])
    sheet.very_hidden()
    plan_sheet = workbook.add_worksheet(TAB_PLAN)
    for row, chunk in enumerate(packed_plan(meta.plan_json)):
        plan_sheet.write_string(row, 0, chunk)
    plan_sheet.very_hidden()


@functools.lru_cache(maxsize=4)
def packed_plan(plan_json: str) -> tuple[str, ...]:
    """The plan's JSON as the `_plan` sheet holds it: deflated, in base64, in cell-sized chunks.

    Every workbook of a generation carries the same plan: it is packed once (the cache), and
    packed it is a fraction of the JSON to write, escape and zip in each workbook.
    """
    packed = _PACKED + base64.b64encode(zlib.compress(plan_json.encode("utf-8"), 6)).decode("ascii")
    return tuple(packed[i:i + _CHUNK] for i in range(0, len(packed), _CHUNK)) or ("",)


def unpacked_plan(text: str) -> str:
    """The plan's JSON from the `_plan` sheet's text, packed (format 3) or plain (format 2).

    Raises:
        MetaDamaged: when the packed text does not decode.
    """
    if not text.startswith(_PACKED):
        return text
    inflater = zlib.decompressobj()
    try:
        plain = inflater.decompress(base64.b64decode(text[len(_PACKED):], validate=True), _MAX_PLAN_BYTES)
        json_text = plain.decode("utf-8")
    except (ValueError, zlib.error, UnicodeDecodeError):
        raise MetaDamaged.of("meta-plan-edited") from None
    if inflater.unconsumed_tail:
        raise MetaDamaged.of("meta-plan-bomb")
    return json_text


def read_meta(rows: list[list[object]], plan_rows: list[list[object]] | None = None) -> Meta:
    """Rebuild the metadata from the cell values of the `_suivi` sheet.

    Args:
        rows: the `_suivi` sheet's cells.
        plan_rows: the `_plan` sheet's cells, to assemble the plan's JSON (`plan()` needs
            it); None leaves it out. Format-1 forms carry it in `_suivi` instead.

    Raises:
        MetaDamaged: when a key is missing, the JSON is broken or the checksum differs.
    """
    table: dict[str, list[str]] = {}
    for row in rows:
        if row and isinstance(row[0], str) and row[0]:
            table[row[0]] = ["" if v is None else str(v) for v in row[1:]]

    def one(key: str) -> str:
        if key not in table or not table[key]:
            raise MetaDamaged.of("meta-missing", key=key)
        return table[key][0]

    if one("suivi-excel") not in _READ_FORMATS:
        raise MetaDamaged.of("meta-format")
    plan_json = ""
    if plan_rows is not None:
        plan_json = "".join(table.get("plan_json", [])) or unpacked_plan("".join(
            str(row[0]) for row in plan_rows if row and isinstance(row[0], str)))
    tabs_json = one("onglets") and "".join(table["onglets"])  # chunked over cells when long
    meta = Meta(one("plan"), one("version"), one("periode"), one("genere_le"), one("type"),
                plan_json=plan_json, deadline=(table.get("echeance") or [""])[0])
    expected = _checksum(meta.plan_id, meta.plan_version, meta.period, meta.kind, tabs_json)
    if one("controle") != expected:
        raise MetaDamaged.of("meta-edited")
    # the checksum is easy to recompute: every value is checked for what it must be
    try:
        meta.period = parse_period(meta.period).label
    except ValueError:
        raise MetaDamaged.of("meta-period", period=meta.period[:20]) from None
    if meta.kind not in KINDS:
        raise MetaDamaged.of("meta-kind", kind=meta.kind[:20])
    tabs = _loads(tabs_json, "meta-tabs-unreadable")
    if not (isinstance(tabs, list) and all(isinstance(t, dict) and set(t) <= _TAB_KEYS and {"tab", "service"} <= set(t)
                                           and all(isinstance(v, str) for v in t.values()) for t in tabs)):
        raise MetaDamaged.of("meta-tabs-unreadable")
    meta.tabs = [TabInfo(**t) for t in tabs]
    try:
        dt.date.fromisoformat(meta.deadline or "2000-01-01")
    except ValueError:
        meta.deadline = ""  # only shown in the instructions and e-mails: an unreadable one is left out
    try:  # what a correction workbook asks to fix: only its e-mail needs it
        found = _loads("".join(table.get("corrections", [])) or "[]", "meta-corrections-unreadable")
        meta.corrections = [[str(cell), str(text)] for cell, text in found]
    except (MetaDamaged, ValueError, TypeError):
        meta.corrections = []
    meta.to_complete = "".join(table.get("a_completer", [])) == "oui"
    return meta


def now_iso() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")
