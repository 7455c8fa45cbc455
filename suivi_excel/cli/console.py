"""What the commands print: progress over files and summaries that fit on one screen."""

from __future__ import annotations

import shutil
import sys
import textwrap
from pathlib import Path

import click

from suivi_excel.core.anomalies import ERROR, INFO, WARNING, Anomaly, severities
from suivi_excel.core.columns import (
    ACTION,
    BUDGET,
    LEAD,
    MUNICIPALITY,
    PLAN_TITLE,
    REPORT_STATUSES,
    SERVICE,
    SERVICE_EMAIL,
)
from suivi_excel.plan.texts import EXAMPLE_ACTION

_INDENT = 16  # two spaces, the severity (13) and a space
_SUMMARY_LINES = 9  # the anomalies' share of a 24-line screen, after the figures and before what comes next


class FileProgress:
    """A progress bar over the returned files, on standard error."""

    def __init__(self) -> None:
        self._bar = None

    def __enter__(self) -> "FileProgress":
        return self

    def start(self, total: int) -> None:
        if not sys.stderr.isatty():
            return  # a log file or a pipe gets the summary, not a half-drawn bar
        self._bar = click.progressbar(length=total, label="Lecture des retours", file=sys.stderr,
                                      show_pos=True, width=30, item_show_func=lambda name: name and name[-40:])
        self._bar.__enter__()

    def advance(self, name: str) -> None:
        if self._bar is not None:
            self._bar.update(1, name)

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)


def _where(anomaly: Anomaly) -> str:
    sheet = (anomaly.sheet + (f"!{anomaly.cell}" if anomaly.cell else "")) if anomaly.sheet else ""
    if not anomaly.file:
        return f"onglet {sheet}" if sheet else "plan"
    return f"{anomaly.file} › {sheet}" if sheet else anomaly.file


def _line(anomaly: Anomaly, width: int) -> str:
    """An anomaly on as many lines as the terminal needs (never cut: it says what to do), the
    continuation lines indented under the text; `width` 0 writes it on one line (a log, a pipe)."""
    colour = {ERROR: "red", WARNING: "yellow", INFO: "blue"}[anomaly.severity]
    head = click.style(f"{anomaly.severity:<13}", fg=colour)
    text = f"{_where(anomaly)} : {anomaly.problem}"
    if width and len(text) > width - _INDENT:
        text = ("\n" + " " * _INDENT).join(textwrap.wrap(text, max(width - _INDENT, 30), break_long_words=False,
                                                         break_on_hyphens=False))
    return f"  {head} {text}"


def _count_text(anomalies: list[Anomaly]) -> str:
    counts = severities(anomalies)
    return (f"{counts[ERROR]} erreur(s), {counts[WARNING]} avertissement(s), {counts[INFO]} info(s)")


def generated(plan, result, per_service: Path | None) -> None:
    actions = len(plan.actions)
    click.echo(f"Classeur de suivi écrit : {result.integrated} ({len(result.tabs)} onglets de service, "
               f"{actions} actions)")
    if per_service is not None:
        click.echo(f"Classeurs par service : {len(result.per_service)} fichiers dans {per_service}")
    if plan.unused_services:
        click.echo("Services sans action (aucun onglet) : " + ", ".join(plan.unused_services))
    no_email = [s for s, e in zip(plan.services[SERVICE], plan.services[SERVICE_EMAIL])
                if not e and s in result.tabs]
    if no_email:
        click.echo("Services sans courriel dans le plan (envoi manuel) : " + ", ".join(no_email))
    if (plan.actions[ACTION] == EXAMPLE_ACTION[ACTION]).any():  # the blank plan of `modele`, not yet filled
        click.echo(click.style(f"Le plan contient encore l'action d'exemple de « suivi-excel modele » "
                               f"(« {EXAMPLE_ACTION[ACTION]} ») : remplacez-la par les actions de votre plan, puis "
                               "relancez generer avec --ecraser.", fg="yellow"))


def imported(plan, output: Path) -> None:
    """What the import found, and what the coordinator should check before `generer`."""

    click.echo(click.style(f"Plan écrit : {output}", bold=True) + f" (lu dans {plan.source.name})")
    if plan.parameters:
        click.echo(" — ".join(plan.parameters.get(k, "") for k in (MUNICIPALITY, PLAN_TITLE)
                              if plan.parameters.get(k)))
    years = f" ; années {plan.years[0]} à {plan.years[1]}" if plan.years else " ; années du plan inconnues"
    click.echo(f"Actions : {len(plan.actions)} ; axes : {len(plan.axes)}{years}")
    shown = ", ".join(plan.services[:6]) + (f" et {len(plan.services) - 6} autre(s)" if len(plan.services) > 6 else "")
    click.echo(f"Services responsables : {len(plan.services)} ({shown})")
    first = plan.to_correct
    if first:
        click.echo(click.style(f"À corriger probablement : {len(first)} point(s), en tête de l'onglet « À vérifier » :",
                               fg="yellow", bold=True))
        for note in first[:8]:
            concerned = f" — actions {note.number}" if note.number else ""
            click.echo(f"  • {note.what}{concerned}"[:220])
        if len(first) > 8:
            click.echo(f"  … et {len(first) - 8} autre(s)")
    kinds: dict[str, list] = {}  # the routine confirmations by kind (their code), each shown by a whole sentence
    for note in plan.notes:
        if not note.probable:
            kinds.setdefault(note.code or note.what, []).append(note)
    click.echo(f"À confirmer : {sum(map(len, kinds.values()))} interprétation(s), détaillées dans l'onglet "
               "« À vérifier » :")
    for notes in sorted(kinds.values(), key=len, reverse=True)[:8]:
        alike = all(note.what == notes[0].what for note in notes)
        click.echo(f"  {len(notes):>4} × {notes[0].what}" + ("" if alike else " (par exemple)"))
    click.echo("Vérifiez le plan (et ajoutez les courriels des services dans la feuille Services), puis : "
               f"suivi-excel generer {output} --periode ANNÉE --par-service envois/")


def regional(region, output: Path) -> None:
    """What the roll-up gathered, on one screen."""
    from suivi_excel.core.text import percent_text
    from suivi_excel.region.rollup import regional_figures

    figures = regional_figures(region)
    totals = figures.totals
    click.echo(click.style(f"Bilan régional écrit : {output}", bold=True))
    click.echo(f"Rapports regroupés : {figures.plans} ({figures.municipalities} municipalité(s)) — période(s) "
               f"{', '.join(region.periods)}")
    click.echo(f"Actions : {totals.actions} — taux de réalisation : {percent_text(totals.completion_rate)} — en "
               f"retard : {totals.late} — besoin de soutien : {totals.support_needed}")
    click.echo(f"Axes de la région : {len(region.axes)}")
    if region.anomalies:
        click.echo(f"Anomalies : {_count_text(region.anomalies)} (onglet Anomalies)")
        width = shutil.get_terminal_size((120, 24)).columns
        _first_anomalies(region.anomalies, width, _SUMMARY_LINES)


def _files_line(result) -> str:
    # a spreadsheet that could not be read (.ods, .xls) was received too; a file is retained when a service's
    # values were taken from it, whatever the reason another was not (refused, another period, superseded)
    received = {r.name for r in result.files} | {a.file for a in result.anomalies if a.code == "file-not-xlsx"}
    retained = {values.tab.file for values in result.retained.values()}
    return (f"Fichiers reçus : {len(received)} ({len(retained)} retenu(s), {len(received - retained)} écarté(s) : "
            "voir les anomalies)" if received - retained else
            f"Fichiers reçus : {len(received)} (tous retenus)")


def verification(result) -> None:
    """Every anomaly, grouped by file, then the counts."""
    width = shutil.get_terminal_size((120, 24)).columns
    click.echo(f"Période {result.period.label} — {result.plan.title}")
    click.echo(_files_line(result))
    for anomaly in result.anomalies:
        click.echo(_line(anomaly, 0 if not sys.stdout.isatty() else width))
    if not result.anomalies:
        click.echo("Aucun problème trouvé.")
    click.echo(f"Bilan : {_count_text(result.anomalies)}.")
    returns_states(result, detailed=True)


def returns_states(result, detailed: bool = False) -> None:
    """How many returns are complete, and (detailed) the state of each service's return."""
    from suivi_excel.consolidate.review import COMPLETE, counts, review

    states = review(result)
    count = counts(states)
    others = " — ".join(f"{state.lower()} : {n}" for state, n in count.items() if state != COMPLETE and n)
    click.echo(f"Retours complets : {count[COMPLETE]} sur {len(states)}" + (f" ({others})" if others else ""))
    if detailed:
        width = max((len(s.service) for s in states), default=10)
        for state in states:
            detail = (f"{state.reported}/{state.actions} actions renseignées, {state.errors} erreur(s)"
                      if state.file else f"{state.actions} actions")
            click.echo(f"  {state.state:<11} {state.service:<{min(width, 60)}}  {detail}")


def consolidation(result, report: Path) -> None:
    """A one-screen summary of the consolidation."""
    from suivi_excel.core.text import money_text, percent_text
    from suivi_excel.report.indicators import key_figures

    width = shutil.get_terminal_size((120, 24)).columns
    figures = key_figures(result.actions, len(result.tabs), len(result.answered))
    plan = result.plan
    click.echo(click.style(f"Rapport écrit : {report}", bold=True))
    click.echo(f"Période {result.period.label} — " + " — ".join(p for p in (plan.municipality, plan.title) if p))
    click.echo(_files_line(result))
    missing = result.missing
    line = f"Services qui ont répondu : {figures.services_answered} sur {figures.services_total}"
    if missing:
        shown = ", ".join(missing[:4]) + (f" et {len(missing) - 4} autres" if len(missing) > 4 else "")
        line += f" (sans retour : {shown})"
    click.echo(line)
    returns_states(result)
    statuses = " · ".join(f"{s} {figures.by_status[s]}" for s in REPORT_STATUSES if figures.by_status[s])
    click.echo(f"Actions : {figures.actions} — {statuses}")
    click.echo(f"Taux de réalisation : {percent_text(figures.completion_rate)} — en retard : {figures.late} — "
               f"besoin de soutien : {figures.support_needed}")
    click.echo(spending_line(result, figures.spent))
    click.echo(f"Anomalies : {_count_text(result.anomalies)} (détail dans l'onglet Anomalies du rapport)")
    _first_anomalies(result.anomalies, width, _SUMMARY_LINES)


def _first_anomalies(anomalies: list[Anomaly], width: int, lines: int) -> None:
    """The first anomalies, each whole (wrapped), as many as `lines` screen lines hold, so the summary
    fits on one screen; then how many more the report lists."""
    shown = 0
    for anomaly in anomalies:
        text = _line(anomaly, width)
        needed = text.count("\n") + 1
        if needed > lines:
            break
        click.echo(text)
        lines -= needed
        shown += 1
    if len(anomalies) > shown:
        click.echo(f"  … et {len(anomalies) - shown} autre(s) dans l'onglet Anomalies.")


def spending_line(result, spent: float) -> str:
    """Spending compared with what compares: the budget planned for the actions of the services that
    answered (the services that did not answer declared nothing), over the whole plan."""
    from suivi_excel.core.text import money_text
    from suivi_excel.report.indicators import numbers

    actions = result.actions
    answered = actions[actions[LEAD].isin(result.answered)]
    budget = float(numbers(answered[BUDGET]).sum())
    return (f"Dépenses déclarées : {money_text(spent)} ; budget prévu des actions des services qui ont répondu "
            f"(toutes années) : {money_text(budget)}")
