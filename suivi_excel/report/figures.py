"""The key figures of a report: what the dashboard, the summary, the e-mail and the roll-up show first.

Apart from `indicators` (which computes them with pandas) so that what only carries them, such as
the readers of reports working in other processes, loads no pandas.
"""

from __future__ import annotations

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
