"""The history of periods, in one SQLite file that anyone can query.

Tables (documented in the README):
- `periodes`: one row per plan and period consolidated (when, with which plan);
- `actions`: one row per action and period: number, stable key, service, axe and
  the clean tracking values, `en_retard` and `source`;
- `provenance`: where each value came from (file, sheet, cell, raw value);
- `anomalies`: the anomalies of the period.

An action's `cle` (key) stays the same when the plan renumbers it (column
`Ancien No` of the plan), so history follows the action, not its number.
Consolidating a period again replaces it, inside one transaction; SQLite's
locking serializes two runs writing at once.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from suivi_excel.core.columns import (
    ACTION,
    ACTUAL_END,
    ACTUAL_START,
    AXE,
    COMMENTS,
    GOOD_NEWS,
    LATE,
    LEAD,
    NUMBER,
    OBSTACLES,
    PERIOD,
    PERIOD_REMARKS,
    PROGRESS,
    RESULT,
    SOURCE,
    SPENT,
    STATUS,
    SUPPORT,
    TARGET_MET,
    TRACKING_HEADERS,
)
from suivi_excel.core.errors import SuiviError
from suivi_excel.core.messages.errors import HISTORY_REASONS
from suivi_excel.core.periods import Period, parse_period
from suivi_excel.history.checks import unreadable_value
from suivi_excel.history.lastknown import Known, last_known
from suivi_excel.plan.model import Plan

DEFAULT_NAME = "suivi-historique.sqlite"
SCHEMA_VERSION = 2  # 2: actions.cible_atteinte and actions.bon_coup (added to a format-1 file on write)
_COLUMNS = {  # tracking header -> SQL column
    STATUS: "statut", PROGRESS: "avancement", ACTUAL_START: "debut_reel", ACTUAL_END: "fin_reelle", SPENT: "depenses",
    RESULT: "resultat", TARGET_MET: "cible_atteinte", SUPPORT: "besoin_soutien", OBSTACLES: "obstacles",
    GOOD_NEWS: "bon_coup", COMMENTS: "commentaires",
}
assert list(_COLUMNS) == list(TRACKING_HEADERS)  # read back in this order under those headers
# columns added after the first histories were written: added to an older file when it is written to,
# read as empty from one that was not
_ADDED = {"cible_atteinte": "TEXT", "bon_coup": "TEXT"}
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS periodes (
    plan TEXT NOT NULL, periode TEXT NOT NULL, fin_periode TEXT NOT NULL, consolide_le TEXT NOT NULL,
    version_plan TEXT NOT NULL, plan_json TEXT NOT NULL, PRIMARY KEY (plan, periode));
CREATE TABLE IF NOT EXISTS actions (
    plan TEXT NOT NULL, periode TEXT NOT NULL, no TEXT NOT NULL, cle TEXT NOT NULL, ordre INTEGER NOT NULL,
    service TEXT, axe TEXT, action TEXT,
    {", ".join(f"{c} {'INTEGER' if c == 'avancement' else 'REAL' if c == 'depenses' else 'TEXT'}"
               for c in _COLUMNS.values())},
    en_retard TEXT, source TEXT, PRIMARY KEY (plan, periode, no));
CREATE TABLE IF NOT EXISTS provenance (
    plan TEXT NOT NULL, periode TEXT NOT NULL, no TEXT NOT NULL, colonne TEXT NOT NULL,
    fichier TEXT, feuille TEXT, cellule TEXT, valeur_brute TEXT);
CREATE TABLE IF NOT EXISTS anomalies (
    plan TEXT NOT NULL, periode TEXT NOT NULL, code TEXT, gravite TEXT, fichier TEXT, feuille TEXT,
    cellule TEXT, valeur TEXT, probleme TEXT);
CREATE INDEX IF NOT EXISTS actions_cle ON actions (plan, cle);
CREATE INDEX IF NOT EXISTS provenance_periode ON provenance (plan, periode);
CREATE INDEX IF NOT EXISTS anomalies_periode ON anomalies (plan, periode);
PRAGMA user_version = {SCHEMA_VERSION};
"""


def default_path(beside: Path) -> Path:
    """The history file kept next to a report or a tracking workbook."""
    return Path(beside).parent / DEFAULT_NAME


@contextmanager
def connect(path: Path, write: bool = False) -> Iterator[sqlite3.Connection]:
    """Open the history; `write` takes the write lock at once so concurrent runs wait in turn."""
    if not write and not Path(path).exists():
        raise FileNotFoundError(path)
    try:
        connection = sqlite3.connect(str(path), timeout=120, isolation_level=None)
    except sqlite3.Error as error:
        raise SuiviError.of("history-cannot-open", path=path, why=_said(error)) from None
    try:
        connection.execute("PRAGMA busy_timeout = 120000")
        _check_readable(connection, path)
        if write:
            connection.executescript(_SCHEMA)
            connection.execute("BEGIN IMMEDIATE")
            _add_columns(connection)  # inside the transaction: a failed write leaves the file as it was
        yield connection
        if write:
            connection.execute("COMMIT")
    except sqlite3.DatabaseError as error:
        if write and connection.in_transaction:
            connection.execute("ROLLBACK")
        if write and _cannot_open(error):
            raise SuiviError.of("history-cannot-write", path=path, why=_said(error)) from None
        raise SuiviError.of("history-unreadable", path=path, why=_said(error)) from None
    except BaseException:
        if write and connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    finally:
        connection.close()


# SQLite's primary result codes (sqlite3 names them from Python 3.11; the values are SQLite's own)
_REASONS_BY_CODE = {26: "not-a-database", 11: "damaged", 5: "busy", 6: "busy", 8: "read-only", 14: "cannot-open",
                    13: "disk-full"}
_REASONS_BY_TEXT = {"file is not a database": "not-a-database", "no such table": "not-ours",
                    "no such column": "not-ours", "malformed": "damaged", "locked": "busy", "readonly": "read-only",
                    "unable to open": "cannot-open", "disk is full": "disk-full"}


def _said(error: sqlite3.Error) -> str:
    """Why SQLite refused the history, in French (SQLite's own English words only for a rarer case)."""
    text = str(error)
    found = next((why for words, why in _REASONS_BY_TEXT.items() if words in text), None)
    code = getattr(error, "sqlite_errorcode", None)  # Python 3.11 and later
    if found is None and code is not None:
        found = _REASONS_BY_CODE.get(code & 0xFF)
    return HISTORY_REASONS[found] if found else text


def _cannot_open(error: sqlite3.Error) -> bool:
    """SQLite could not open or create the file (SQLITE_CANTOPEN, any extended code): a place problem."""
    code = getattr(error, "sqlite_errorcode", None)  # Python 3.11 and later
    if code is None:
        return "unable to open" in str(error)
    return code & 0xFF == sqlite3.SQLITE_CANTOPEN


def _check_readable(connection: sqlite3.Connection, path: Path) -> None:
    """Refuse, before anything is read or written, a history this version cannot understand: one
    written by a newer version (its schema is not ours to overwrite) or holding a period label
    that is not a period.

    Raises:
        SuiviError: naming the file and what to do; nothing is changed.
    """
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise SuiviError.of("history-newer", path=path, version=version, ours=SCHEMA_VERSION)
    try:
        labels = [row[0] for row in connection.execute("SELECT DISTINCT periode FROM periodes")]
    except sqlite3.OperationalError:  # a new, empty history
        return
    for label in labels:
        try:
            parse_period(label)
        except ValueError:
            raise SuiviError.of("history-bad-period", path=path, label=str(label)[:40]) from None
    odd = unreadable_value(connection) if labels else None
    if odd:
        raise SuiviError.of("history-bad-value", path=path, column=odd[0], value=odd[1])


def _add_columns(connection: sqlite3.Connection) -> None:
    """Give a history written by an earlier version the tracking columns added since."""
    present = {row[1] for row in connection.execute("PRAGMA table_info(actions)")}
    for name, kind in _ADDED.items():
        if name not in present:
            connection.execute(f"ALTER TABLE actions ADD COLUMN {name} {kind}")


def _tracking_sql(connection: sqlite3.Connection, prefix: str = "") -> str:
    """The tracking columns to select, in header order; a column an older file lacks reads as NULL."""
    present = {row[1] for row in connection.execute("PRAGMA table_info(actions)")}
    return ", ".join(prefix + c if c in present else "NULL" for c in _COLUMNS.values())


def _sql_value(value: object) -> object:
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return value


_DATES = (ACTUAL_START, ACTUAL_END)  # stored as ISO text


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _dates_read(frame: pd.DataFrame) -> pd.DataFrame:
    """The date columns of rows read from the store, as dates."""
    for header in _DATES:
        frame[header] = [_date(v) for v in frame[header]]
    return frame


def _keys(connection: sqlite3.Connection, plan: Plan, period: Period) -> dict[str, str]:
    """Current number -> stable key, following `Ancien No` from the latest earlier period."""
    previous = latest_before(connection, plan.identity, period)
    known: dict[str, str] = {}
    if previous is not None:
        known = dict(connection.execute("SELECT no, cle FROM actions WHERE plan = ? AND periode = ?",
                                        (plan.identity, previous.label)).fetchall())
    keys = {}
    old_numbers = plan.former_numbers
    for number in plan.actions[NUMBER]:
        former = old_numbers.get(number)
        if former and former in known:
            keys[number] = known[former]
        elif number in known and number not in old_numbers.values():
            keys[number] = known[number]
        else:
            # a new action: its number is its key, unless a renumbered action already carries
            # that key (a number reused in the revision), then the period makes it unique
            keys[number] = number if number not in known.values() else f"{number}@{period.label}"
    return keys


def latest_before(connection: sqlite3.Connection, plan_id: str, period: Period) -> Period | None:
    """The latest period recorded for the plan that ends before `period` ends."""
    labels = [r[0] for r in connection.execute("SELECT periode FROM periodes WHERE plan = ?", (plan_id,))]
    earlier = [p for p in map(parse_period, labels) if p < period]
    return max(earlier) if earlier else None


def record(path: Path, result, then: Callable[[sqlite3.Connection], object] | None = None) -> None:
    """Record a consolidation (rows, provenance, anomalies), replacing that period if present.

    `then(connection)` runs once the rows are in, before they are committed: the period is kept
    only if it returns (a report written in place), and the history is left as it was if it raises.
    """
    plan, period = result.plan, result.period
    with connect(path, write=True) as connection:
        keys = _keys(connection, plan, period)
        where = (plan.identity, period.label)
        for table in ("periodes", "actions", "provenance", "anomalies"):
            connection.execute(f"DELETE FROM {table} WHERE plan = ? AND periode = ?", where)
        connection.execute("INSERT INTO periodes VALUES (?, ?, ?, ?, ?, ?)",
                           (*where, period.end.isoformat(), dt.datetime.now().isoformat(timespec="seconds"),
                            plan.version, plan.to_json()))
        rows = []
        for order, action in enumerate(result.actions.to_dict("records")):
            rows.append((*where, action[NUMBER], keys[action[NUMBER]], order, action[LEAD],
                         action[AXE], action[ACTION], *(_sql_value(action[h]) for h in _COLUMNS),
                         action[LATE], action[SOURCE]))
        marks = ", ".join("?" * len(rows[0])) if rows else ""
        if rows:  # columns named: an older file has the added ones last
            names = ("plan, periode, no, cle, ordre, service, axe, action, " + ", ".join(_COLUMNS.values())
                     + ", en_retard, source")
            connection.executemany(f"INSERT INTO actions ({names}) VALUES ({marks})", rows)
        connection.executemany("INSERT INTO provenance VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                               [(*where, *p) for p in result.provenance])
        connection.executemany("INSERT INTO anomalies VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               [(*where, a.code, a.severity, a.file, a.sheet, a.cell, a.value, a.problem)
                                for a in result.anomalies])
        if then is not None:
            then(connection)


def history_rows(path: Path, plan_id: str, up_to: Period | None = None) -> pd.DataFrame:
    """One row per action and period (`Période`, `No`, then the tracking columns), oldest first.

    The hidden columns `_cle`, `_fin` and `En retard` help the evolution charts and lists.
    """
    try:
        with connect(path) as connection:
            return rows_of(connection, plan_id, up_to)
    except FileNotFoundError:
        return pd.DataFrame(columns=_ROWS_COLUMNS)


_ROWS_COLUMNS = [PERIOD, NUMBER, *TRACKING_HEADERS, LATE, "_cle", "_fin", "_ordre", "_source"]


def rows_of(connection: sqlite3.Connection, plan_id: str, up_to: Period | None = None) -> pd.DataFrame:
    """`history_rows` read through an open connection (inside `record`, before its commit)."""
    columns = _ROWS_COLUMNS
    data = connection.execute(
        f"SELECT a.periode, a.no, {_tracking_sql(connection, 'a.')}, a.en_retard, "
        "a.cle, p.fin_periode, a.ordre, a.source FROM actions a JOIN periodes p USING (plan, periode) "
        "WHERE a.plan = ? ORDER BY p.fin_periode, a.ordre", (plan_id,)).fetchall()
    frame = _dates_read(pd.DataFrame(data, columns=columns, dtype=object))
    if up_to is not None:
        frame = frame[frame["_fin"] <= up_to.end.isoformat()]
    return frame.reset_index(drop=True)


def known_states(path: Path, plan: Plan, period: Period) -> dict[str, Known]:
    """The last known state of each action before `period` (`lastknown`), by the plan's current numbers;
    {} when the history is missing or holds no earlier period of this plan."""
    try:
        with connect(path) as connection:
            if latest_before(connection, plan.identity, period) is None:
                return {}
            keys = _keys(connection, plan, period)
            rows = rows_of(connection, plan.identity)
    except FileNotFoundError:
        return {}
    rows = rows[[parse_period(label) < period for label in rows[PERIOD]]]
    by_key = last_known(rows)
    return {number: by_key[key] for number, key in keys.items() if key in by_key}


def prefill_values(path: Path, plan: Plan, period: Period) -> tuple[dict[str, dict[str, object]], dict[str, str]]:
    """What the forms of `period` are pre-filled with: the last known state of each action (status,
    progress, dates, spending, result), not the period's own remarks (`PERIOD_REMARKS`).

    Returns:
        Number -> header -> value, and number -> the period those values come from.
    """
    values, periods = {}, {}
    for number, known in known_states(path, plan, period).items():
        state = {h: v for h, v in known.values.items() if h not in PERIOD_REMARKS}
        if state:
            values[number], periods[number] = state, known.since
    return values, periods


def periods_of_year(path: Path, year: int) -> list[tuple[str, Period]]:
    """(plan id, period) recorded for `year`, oldest first."""
    try:
        with connect(path) as connection:
            data = connection.execute("SELECT plan, periode FROM periodes").fetchall()
    except FileNotFoundError:
        return []
    found = [(plan, parse_period(label)) for plan, label in data]
    return sorted([(p, q) for p, q in found if q.year == year], key=lambda item: item[1])


def load_period(path: Path, plan_id: str, period: Period) -> tuple[Plan, pd.DataFrame, list[tuple]]:
    """The plan, the consolidated actions and the anomalies of a recorded period."""
    with connect(path) as connection:
        plan_json = connection.execute("SELECT plan_json FROM periodes WHERE plan = ? AND periode = ?",
                                       (plan_id, period.label)).fetchone()[0]
        data = connection.execute(
            f"SELECT no, {_tracking_sql(connection)}, en_retard, source FROM actions "
            "WHERE plan = ? AND periode = ? ORDER BY ordre", (plan_id, period.label)).fetchall()
        anomalies = connection.execute(
            "SELECT code, gravite, fichier, feuille, cellule, valeur, probleme FROM anomalies "
            "WHERE plan = ? AND periode = ?", (plan_id, period.label)).fetchall()
    plan = Plan.from_json(plan_json)
    tracking = _dates_read(pd.DataFrame(data, columns=[NUMBER, *TRACKING_HEADERS, LATE, SOURCE],
                                        dtype=object))
    actions = plan.actions.merge(tracking, on=NUMBER, how="left")
    return plan, actions, anomalies
