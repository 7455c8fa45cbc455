"""Correction workbooks that no longer apply leave the folder `consolider --corrections` owns (§13).

Once a service's corrected return makes it `Complet`, its earlier correction workbook must not be sent
again. Only what `consolider` wrote is removed: a file named as it names correction workbooks, whose
hidden data say it is one, of this plan, for this period or an earlier one, never saved since it was
written (a file someone opened and saved is left where it is, and named). Files of other plans, later
periods and anything else in the folder are left alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from suivi_excel.core.periods import parse_period
from suivi_excel.forms.generation import per_service_file_names
from suivi_excel.forms.metadata import PER_SERVICE
from suivi_excel.returns.file import read_file

_WRITE_SLACK = dt.timedelta(minutes=2)  # between the generation stamp and the workbook's own saved time


@dataclass
class Cleanup:
    removed: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)  # would no longer apply, but were saved since written


def remove_stale(folder: Path, plan_id: str, period_label: str, current: set[Path]) -> Cleanup:
    """Remove from `folder` the correction workbooks of `plan_id` that no longer apply.

    Args:
        folder: the folder given to `consolider --corrections`.
        plan_id: the consolidated plan's identity.
        period_label: the consolidated period; its workbooks and those of earlier periods are considered.
        current: the workbooks this run just wrote (kept).

    Returns:
        What was removed, and what would have been but was saved by someone since.
    """
    done = Cleanup()
    period = parse_period(period_label)
    if not folder.is_dir():
        return done
    for path in sorted(folder.glob("correction-*.xlsx")):
        if path in current or not path.is_file():
            continue
        read = read_file(path, path.name)
        meta = read.meta
        if meta is None or meta.kind != PER_SERVICE or not meta.corrections or len(meta.tabs) != 1:
            continue
        if meta.plan_id != plan_id:
            continue
        try:
            its_period = parse_period(meta.period)
        except ValueError:
            continue
        service = meta.tabs[0].service
        if its_period > period or path.name != per_service_file_names([service], its_period, "correction")[service]:
            continue
        if not _untouched(meta.generated_at, read.saved):
            done.kept.append(path)
            continue
        path.unlink()
        done.removed.append(path)
    return done


def _untouched(generated_at: str, saved: dt.datetime | None) -> bool:
    """Whether the workbook's own saved time is still the one it was written with."""
    try:
        written = dt.datetime.fromisoformat(generated_at)
    except ValueError:
        return False
    if saved is None:
        return True  # xlsxwriter writes one; a program that saves the file writes its own
    return abs(saved - written) <= _WRITE_SLACK
