"""Read back what a report says about itself, to write the e-mail that carries it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from suivi_excel.core.columns import PLAN_TOTAL, REPORT_STATUSES, SERVICE, YES
from suivi_excel.core.errors import SuiviError
from suivi_excel.core.isolation import survives
from suivi_excel.core.messages.report import REASONS
from suivi_excel.core.safety import inspect_file, read_every_sheet, reader_died
from suivi_excel.core.text import money_text, percent_text
from suivi_excel.report import properties as props
from suivi_excel.report import texts
from suivi_excel.report.figures import KeyFigures, plausible


@dataclass
class ReportSummary:
    period: str
    plan: str
    municipality: str
    lines: list[str] = field(default_factory=list)
    coordinator: str = ""
    coordinator_email: str = ""


def read_report_summary(path: Path) -> ReportSummary:
    """Period, plan and a few lines of key figures, as the report's properties give them.

    Raises:
        SuiviError: when the file is not a report written by `suivi-excel consolider`.
    """
    refusal = inspect_file(path)
    if refusal is not None:
        raise SuiviError.of("report-unreadable-file", path=path, reason=refusal.reason or REASONS["report-encrypted"])
    not_a_report = SuiviError.of("report-not-ours", path=path)
    try:
        found = props.read_properties(path)
    except Exception:  # noqa: BLE001 - a damaged properties part: not one of our reports
        raise not_a_report from None
    if props.PERIOD not in found:
        raise not_a_report
    try:
        figures = props.figures_from(found)
    except (ValueError, TypeError, OverflowError):
        figures = None
    if figures is None or not plausible(figures):  # edited by hand: the sheets tell the truth
        if not survives(read_every_sheet, path):
            raise reader_died(path, "report")
        try:
            figures = figures_from_sheets(path)
        except Exception:  # noqa: BLE001 - pandas and calamine raise their own types on damaged sheets
            raise not_a_report from None
    statuses = ", ".join(texts.SUMMARY_STATUS.format(count=figures.by_status[s], status=s)
                         for s in REPORT_STATUSES if figures.by_status[s])
    values = {"actions": figures.actions, "statuses": statuses, "rate": percent_text(figures.completion_rate),
              "late": figures.late, "support": figures.support_needed, "answered": figures.services_answered,
              "services": figures.services_total, "spent": money_text(figures.spent),
              "budget": money_text(figures.budget_planned)}
    lines = [line.format(**values) for line in texts.SUMMARY_LINES]
    return ReportSummary(str(found[props.PERIOD]), str(found.get(props.PLAN, "")),
                         str(found.get(props.MUNICIPALITY, "")), lines, str(found.get(props.COORDINATOR, "")),
                         str(found.get(props.COORDINATOR_EMAIL, "")))


def figures_from_sheets(path: Path) -> KeyFigures:
    """Key figures computed again from the sheets, for reports written before they were properties."""
    import pandas as pd

    from suivi_excel.report.indicators import key_figures
    from suivi_excel.report.sheet_names import ACTIONS, BY_SERVICE
    from suivi_excel.report.sheets import RETURN_RECEIVED

    read = {"dtype": object, "engine": "calamine", "keep_default_na": False, "na_values": [""]}
    actions = pd.read_excel(path, sheet_name=ACTIONS, **read)
    services = pd.read_excel(path, sheet_name=BY_SERVICE, **read)
    services = services[services[SERVICE] != PLAN_TOTAL]
    return key_figures(actions, len(services), int((services[RETURN_RECEIVED] == YES).sum()))
