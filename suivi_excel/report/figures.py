"""The key figures of a report: what the dashboard, the summary, the e-mail and the roll-up show first.

Apart from `indicators` (which computes them with pandas) so that what only carries them, such as
the readers of reports working in other processes, loads no pandas.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class KeyFigures:
    actions: int
    by_status: dict[str, int]
    late: int
    completion_rate: float
    services_total: int
    services_answered: int
    budget_planned: float
    spent: float
    support_needed: int


def plausible(figures: KeyFigures, actions: int | None = None) -> bool:
    """Whether key figures read from a report's properties (easy to edit) hold together: counts whole
    and not negative, amounts finite, statuses adding up to the actions, no more services that answered
    than services; and, when `actions` is given (the rows of its Actions sheet), as many actions."""
    counts = [figures.actions, figures.late, figures.services_total, figures.services_answered,
              figures.support_needed, *figures.by_status.values()]
    amounts = [figures.completion_rate, figures.budget_planned, figures.spent]
    return (all(isinstance(c, int) and not isinstance(c, bool) and c >= 0 for c in counts)
            and all(math.isfinite(a) and a >= 0 for a in amounts) and figures.completion_rate <= 1
            and figures.actions == sum(figures.by_status.values()) and (actions is None or figures.actions == actions)
            and max(figures.late, figures.support_needed) <= figures.actions
            and figures.services_answered <= figures.services_total)
