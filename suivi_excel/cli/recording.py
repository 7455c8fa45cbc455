"""A period's end: the history records it and the report is written, the period committed only once its
report is in place. The history and the report are two stages; the command that runs both joins them."""

from __future__ import annotations

from pathlib import Path

from suivi_excel.consolidate.consolidation import Consolidation
from suivi_excel.core.atomic import ensure_folder
from suivi_excel.history import store as history
from suivi_excel.history.carry import carry_forward
from suivi_excel.report.workbook import write_report


def record_and_report(result: Consolidation, report: Path, store: Path | None = None) -> Path:
    """Record the period in the history and write the report with its evolution; the period is
    committed to the history only once the report is in place (a failed write leaves both as they were).

    Args:
        result: the consolidation.
        report: the report to write.
        store: the history file; by default beside the report.

    Returns:
        The history file used.
    """
    store = store or history.default_path(report)
    ensure_folder(store.parent)  # beside a report whose folder the report's write would create
    carry_forward(result, store)
    history.record(store, result, then=lambda connection: write_report(
        result, report, history.rows_of(connection, result.plan.identity, up_to=result.period)))
    return store
