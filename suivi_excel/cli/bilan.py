"""`suivi-excel bilan`: the committee's bilan as a Word document and its PDF (or, given a .xlsx name,
the bilan's workbook), from the history alone."""

from __future__ import annotations

from pathlib import Path

import click

from suivi_excel.cli import next_steps
from suivi_excel.core.errors import SuiviError
from suivi_excel.core.periods import Period

_PDF_HOW = ("installez LibreOffice (libreoffice.org) et relancez la commande, ou ouvrez le document dans Word "
            "et choisissez Fichier › Enregistrer sous › PDF")


def run_bilan(year: int | None, period: Period | None, whole_plan: bool, store: Path, output: Path | None,
              template: Path | None, pdf: bool, replace: bool = False) -> None:
    """Gather the bilan from the history, write it, say what was written and what comes next.

    Raises:
        SuiviError: nothing in the history for that span, a broken template, a bad output name.
    """
    from suivi_excel.report.bilan_data import PERIOD, PLAN, YEAR, Span

    span = Span(PLAN) if whole_plan else Span(PERIOD, period=period) if period else Span(YEAR, year=year)
    if output is not None and output.suffix.lower() == ".xlsx":
        if output.exists() and not replace:  # a workbook someone may have edited, or another one (the plan)
            raise SuiviError.of("bilan-exists", path=output)
        return _workbook(span, store, output)
    if output is not None and output.suffix.lower() != ".docx":
        raise SuiviError.of("bilan-not-docx", name=output.name)
    from suivi_excel.report.bilan_data import gather
    from suivi_excel.report.document import write_document, write_pdf

    data = gather(store, span)
    output = output or Path(data.file_name)
    if output.exists() and not replace:  # a document the committee may have retouched
        raise SuiviError.of("bilan-exists", path=output)
    write_document(data, output, template)
    click.echo(click.style(f"Bilan écrit : {output}", bold=True))
    figures = data.figures
    click.echo(f"{data.plan.municipality or data.plan.title} — situation à la fin de {data.last.label} : "
               f"{figures.actions} actions, taux de réalisation de {round(figures.completion_rate * 100)} %, "
               f"{len(data.good_news)} bon(s) coup(s).")
    written = None
    if pdf:
        target = output.with_suffix(".pdf")
        try:  # without LibreOffice, says `pdf-no-libreoffice`
            written = write_pdf(output, target)
            click.echo(f"PDF balisé (accessible) écrit : {written}")
        except SuiviError as error:
            click.echo(f"PDF non écrit : {error.message} ; pour l'obtenir, {_PDF_HOW}.")
    again = ["--plan"] if whole_plan else ["--periode", period.label] if period else ["--annee", year]
    next_steps.after_bilan(output, written, again)


def _workbook(span, store: Path, output: Path) -> None:
    """The bilan's workbook (the dashboard and sheets of the year's last period): years only."""
    from suivi_excel.report.bilan import write_annual_review
    from suivi_excel.report.bilan_data import YEAR

    if span.kind != YEAR:
        raise SuiviError.of("bilan-workbook-for-a-year")
    result, periods = write_annual_review(store, span.year, output)
    click.echo(click.style(f"Classeur du bilan annuel écrit : {output}", bold=True))
    click.echo(f"Périodes de {span.year} : {', '.join(p.label for p in periods)} — situation à la fin de "
               f"{result.period.label} : {len(result.actions)} actions.")
    next_steps.after_review(output, result.period.label)
