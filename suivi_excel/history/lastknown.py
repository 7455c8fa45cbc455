"""What was last known of each action before a period (§13): for pre-fills and silent services.

The last known state of an action is its latest reported status (one a service can choose) with the
values reported with it, and `since`: the period it was reported in. A final status (`Réalisée`,
`Abandonnée`) carried over unchanged from period to period keeps the period it was first reported in.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from suivi_excel.core.columns import FINAL_STATUSES, PERIOD, STATUS, STATUSES, TRACKING_HEADERS
from suivi_excel.core.text import is_blank


@dataclass
class Known:
    """The last known state of one action."""

    status: str | None
    since: str  # the period the status (or, without one, the values) was reported in
    values: dict[str, object] = field(default_factory=dict)  # every tracking value of that period, blanks left out


def last_known(rows: pd.DataFrame) -> dict[str, Known]:
    """Key (`_cle`) -> last known state, from history rows (`store.rows_of`) of earlier periods, oldest first.

    Rows without a status a service can choose (`Non renseigné`, `À vérifier`) are skipped, unless the
    action never had one: then its latest values are kept, without status.
    """
    known: dict[str, Known] = {}
    for record in rows.to_dict("records"):
        key, status = record["_cle"], record[STATUS]
        values = {h: record[h] for h in TRACKING_HEADERS if h in record and not is_blank(record[h])}
        previous = known.get(key)
        if status in STATUSES:
            values[STATUS] = status
            same_run = previous is not None and previous.status == status and status in FINAL_STATUSES
            known[key] = Known(status, previous.since if same_run else record[PERIOD], values)
        else:
            values.pop(STATUS, None)
            if values and (previous is None or previous.status is None):
                known[key] = Known(None, record[PERIOD], values)
    return known
