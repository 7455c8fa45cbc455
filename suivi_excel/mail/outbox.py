"""What to send: each service its form (or a reminder), the report to the committee.

The per-service forms carry the whole plan (services, e-mail addresses,
coordinator) and their period, so a folder of forms is enough; `--plan` may
give a newer Services sheet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from suivi_excel.core.columns import COORDINATOR, COORDINATOR_EMAIL, SERVICE, SERVICE_EMAIL, SERVICE_PERSON
from suivi_excel.core.errors import SuiviError
from suivi_excel.core.inputs import find_files
from suivi_excel.core.messages.mail import REASONS
from suivi_excel.core.text import french_date
from suivi_excel.forms.metadata import PER_SERVICE, MetaDamaged
from suivi_excel.mail import texts
from suivi_excel.mail.compose import (
    Outgoing,
    build_message,
    file_digest,
    load_template,
    mailbox,
    render,
)
from suivi_excel.plan.model import Plan
from suivi_excel.core.isolation import Isolated
from suivi_excel.returns.file import carried_meta, read_file
from suivi_excel.returns.pool import crashed


@dataclass
class Form:
    """A per-service form found in the folder to send."""

    path: Path
    service: str
    period: str
    deadline: str
    plan: Plan
    corrections: list[list[str]] = field(default_factory=list)  # (cell, problem): a correction workbook
    to_complete: bool = False  # a correction workbook asking only for missing answers


@dataclass
class Outbox:
    items: list[Outgoing] = field(default_factory=list)
    without_address: list[str] = field(default_factory=list)  # services with no e-mail in the plan
    skipped: list[str] = field(default_factory=list)  # services that already answered (reminders)
    refused: list[str] = field(default_factory=list)  # "service : why" for an address that cannot be used


def find_forms(folder: Path, nothing: str = "no-form-to-send") -> tuple[list[Form], list[str]]:
    """The per-service forms under `folder`, one per service (the newest when several); `nothing` is the
    error said when there is none (the forms of `generer`, or the correction workbooks of `consolider`).

    Returns:
        The forms, and a French line for each form that cannot be sent as it is (hidden
        data edited or unreadable), naming its file.

    Raises:
        SuiviError: when the folder holds no form that can be sent.
    """
    paths, _ = find_files([folder])
    forms: dict[str, Form] = {}
    refused: list[str] = []
    plans: dict[str, Plan] = {}  # every form carries the whole plan: build it once per version
    with Isolated(read_file, paths, crashed) as reading:  # a file that kills its reader is only skipped
        reads = reading.results()
    for (path, name), read in zip(paths, reads):
        damaged = any(a.code == "meta-damaged" for a in read.anomalies)
        if not damaged and (read.meta is None or read.meta.kind != PER_SERVICE or len(read.meta.tabs) != 1):
            continue  # not a per-service form (the integrated workbook, another file)
        try:
            meta = carried_meta(read)  # each form's hidden plan is checked, not only the first one's
            plan = plans.get(meta.plan_version) or plans.setdefault(meta.plan_version, meta.plan(name))
        except Exception as error:  # noqa: BLE001 - any damage to a form: name it, send the others
            refused.append(REASONS["form-damaged"].format(file=name, why=error) if isinstance(error, MetaDamaged)
                           else REASONS["form-unreadable"].format(file=name, error=type(error).__name__))
            continue
        form = Form(path, read.meta.tabs[0].service, read.meta.period, read.meta.deadline, plan,
                    read.meta.corrections, read.meta.to_complete)
        known = forms.get(form.service)
        if known is None or path.stat().st_mtime > known.path.stat().st_mtime:
            forms[form.service] = form
    if not forms:
        raise SuiviError.of(nothing, folder=folder, set_aside="".join(f"\n  - {line}" for line in refused))
    return sorted(forms.values(), key=lambda f: f.service), refused


def _placeholders(plan: Plan, period: str, deadline: str) -> dict[str, str]:
    params = plan.parameters
    when = french_date(dt.date.fromisoformat(deadline)) if deadline else texts.NO_DEADLINE
    return {"municipalite": plan.municipality or texts.NO_MUNICIPALITY, "plan": plan.title, "periode": period,
            "echeance": when, "coordonnateur": params.get(COORDINATOR, ""),
            "courriel_coordonnateur": params.get(COORDINATOR_EMAIL, "")}


def form_messages(forms: list[Form], sender: str, reminder: bool, answered: set[str] = frozenset(),
                  templates: Path | None = None, services: pd.DataFrame | None = None,
                  deadline: dt.date | None = None) -> Outbox:
    """One message per service: its form attached, to the `Courriel` of the Services sheet.

    Args:
        forms: the per-service forms.
        sender: the From address.
        reminder: write reminders, only for services not in `answered`.
        answered: services whose return has arrived.
        templates: folder of edited templates (the shipped ones by default).
        services: a newer Services sheet (from `--plan`), else the one the forms carry.
        deadline: overrides the deadline recorded in the forms.
    """
    kind = "correction" if forms and forms[0].corrections else "relance" if reminder else "formulaire"
    subject_template, body_template = load_template(kind, templates)
    outbox = Outbox()
    for form in forms:
        if reminder and form.service in answered:
            outbox.skipped.append(form.service)
            continue
        listing = services if services is not None else form.plan.services
        row = listing[listing[SERVICE] == form.service]
        email = str(row[SERVICE_EMAIL].iloc[0]).strip() if len(row) and row[SERVICE_EMAIL].iloc[0] else ""
        if not email:
            outbox.without_address.append(form.service)
            continue
        values = _placeholders(form.plan, form.period, deadline.isoformat() if deadline else form.deadline)
        values.update(service=form.service, a_faire=texts.TO_COMPLETE if form.to_complete else texts.TO_FIX,
                      responsable=(str(row[SERVICE_PERSON].iloc[0]).strip() or "") if len(row) else "",
                      problemes="\n".join(texts.PROBLEM_AT_CELL.format(cell=cell, problem=text) if cell
                                           else texts.PROBLEM.format(problem=text) for cell, text in form.corrections))
        if not values["responsable"]:
            values["responsable"] = texts.NO_PERSON
        coordinator = form.plan.parameters.get(COORDINATOR_EMAIL, "")
        try:
            email = mailbox(email).addr_spec  # an accented domain as servers read it
        except SuiviError as error:  # this service is reached another way; the others get theirs
            outbox.refused.append(f"{form.service} : {error.message}")
            continue
        message = build_message(sender or coordinator, form.plan.parameters.get(COORDINATOR, ""), [email],
                                render(subject_template, values), render(body_template, values), form.path,
                                reply_to=coordinator, sender_from="sender" if sender else "coordinator")
        outbox.items.append(Outgoing(kind, form.period, form.service, [email], message, form.path,
                                     file_digest(form.path)))
    return outbox


def report_message(report: Path, recipients: list[str], sender: str, templates: Path | None = None) -> Outgoing:
    """The report for the committee, with a short summary of the key figures in the body."""
    from suivi_excel.report.summary import read_report_summary

    summary = read_report_summary(report)
    subject_template, body_template = load_template("rapport", templates)
    values = {"municipalite": summary.municipality or texts.NO_MUNICIPALITY, "plan": summary.plan,
              "periode": summary.period, "resume": "\n".join(texts.SUMMARY_LINE.format(line=line)
                                                             for line in summary.lines),
              "coordonnateur": summary.coordinator, "courriel_coordonnateur": summary.coordinator_email,
              "echeance": "", "service": "", "responsable": ""}
    sender_from = "sender" if sender else "coordinator"
    sender = sender or summary.coordinator_email
    if not sender:
        raise SuiviError.of("report-no-sender")
    message = build_message(sender, summary.coordinator, recipients, render(subject_template, values),
                            render(body_template, values), report, reply_to=summary.coordinator_email,
                            sender_from=sender_from)
    return Outgoing("rapport", summary.period, "", recipients, message, report, file_digest(report))
