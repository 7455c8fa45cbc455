"""What a history file must hold for this version to read it: values of the types it wrote.

The history is a plain SQLite file that anyone can open and edit (the README says so). A value
edited by hand into what no consolidation writes — a progress in words, a date no calendar holds,
a plan that is not JSON — is found here, when the file is opened, rather than deep in a command.
The checks are queries over distinct values: a few milliseconds for years of periods.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

# column -> what its values must be (None always allowed)
_NUMBERS = ("avancement", "depenses")
_DATES = ("debut_reel", "fin_reelle")


def unreadable_value(connection: sqlite3.Connection) -> tuple[str, str] | None:
    """The first value this version could not read back, as ("table.column", its first characters); None
    when none."""
    columns = {row[1] for row in connection.execute("PRAGMA table_info(actions)")}
    for column in (c for c in _NUMBERS if c in columns):
        found = connection.execute(f"SELECT {column} FROM actions WHERE {column} IS NOT NULL AND "
                                   f"typeof({column}) NOT IN ('integer', 'real') LIMIT 1").fetchone()
        if found:
            return f"actions.{column}", str(found[0])[:30]
    for table, column in [*(("actions", c) for c in _DATES if c in columns), ("periodes", "fin_periode")]:
        for (value,) in connection.execute(f"SELECT DISTINCT {column} FROM {table} WHERE {column} IS NOT NULL "
                                           f"AND {column} != ''"):
            try:
                dt.date.fromisoformat(str(value))
            except ValueError:
                return f"{table}.{column}", str(value)[:30]
    for (text,) in connection.execute("SELECT plan_json FROM periodes"):
        try:
            data = json.loads(text)
        except (TypeError, ValueError, RecursionError):
            return "periodes.plan_json", str(text)[:30]
        if not isinstance(data, dict) or not {"parameters", "columns", "actions", "services"} <= set(data):
            return "periodes.plan_json", str(text)[:30]
    return None
