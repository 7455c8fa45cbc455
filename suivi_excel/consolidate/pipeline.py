"""The consolidation pipeline, the one that `verifier`, `consolider`, the demo and the reminders share:
find the returned files, read them in workers, consolidate.

Nothing heavy is imported when this module loads: the workers start reading first,
then pandas and the plan load here while they read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from suivi_excel.core.limits import DEFAULT_LIMITS, Limits
from suivi_excel.returns.pool import Reading, find_returns

if TYPE_CHECKING:
    from suivi_excel.consolidate.consolidation import Consolidation
    from suivi_excel.core.periods import Period
    from suivi_excel.plan.model import Plan


def consolidate(inputs: Iterable[str | Path], plan: Plan | Path | None = None, period: Period | None = None,
                limits: Limits = DEFAULT_LIMITS, progress: Callable[[str], None] | None = None,
                on_files: Callable[[int], None] | None = None) -> Consolidation:
    """Read, check and consolidate the returned files.

    Args:
        inputs: files and folders (searched recursively).
        plan: the plan to consolidate against, or the path of its workbook (read while the
            files are); by default the one the files carry.
        period: the period; by default the one the files were generated for.
        limits: bounds on what one file may cost.
        progress: called with each file name once read.
        on_files: called once with the number of files found, before reading.

    Returns:
        The Consolidation.

    Raises:
        SuiviError: when nothing can be consolidated (no file, no recognized form), or
            the plan workbook is refused.
    """
    paths, anomalies = find_returns(inputs)
    if on_files:
        on_files(len(paths))
    with Reading(paths, limits) as reading:
        from suivi_excel.consolidate.consolidation import (
            consolidate_reads,  # pandas, while the workers read
        )
        from suivi_excel.plan.reading import read_plan

        if isinstance(plan, Path):
            plan = read_plan(plan)
        reads = reading.results(progress)
    return consolidate_reads(reads, anomalies, plan, period)
