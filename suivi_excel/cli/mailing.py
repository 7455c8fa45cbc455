"""The `envoyer` commands' command-line part: gather with `mail/`, then send, save as drafts or just
show, and say what happened. Exit code 1 when a form was set aside or a message failed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import click

from suivi_excel.core.atomic import chosen_by
from suivi_excel.core.errors import EXIT_ERRORS_FOUND, SuiviError
from suivi_excel.mail.compose import Outgoing

WITHOUT_ADDRESS = "Sans adresse courriel dans la feuille Services (à joindre autrement) : "


@dataclass(frozen=True)
class Delivery:
    """How the messages leave, the options every `envoyer` command shares."""

    drafts: Path | None = None      # --brouillons: write .eml files there instead of sending
    trial: bool = False             # --essai: show what would be sent
    config: Path | None = None      # --config: SMTP settings file
    templates: Path | None = None   # --modeles: the coordinator's edited templates
    journal: Path | None = None     # --journal: the send log (default beside what is sent)
    sender: str | None = None       # --de


def send_forms(folder: Path, plan_path: Path | None, delivery: Delivery, *, reminder: bool = False,
               returns: Path | None = None, store: Path | None = None, deadline=None) -> None:
    """E-mail each service its form of `folder`; with `reminder`, only those that have not answered."""
    from suivi_excel.mail.outbox import find_forms, form_messages
    from suivi_excel.mail.recipients import answered_services, sender_address
    from suivi_excel.plan.reading import read_plan

    forms, refused = find_forms(folder)
    for line in refused:
        click.echo(click.style("Formulaire écarté : ", fg="yellow") + line)
    services = read_plan(plan_path).services if plan_path else None
    answered: set[str] | None = set()
    if reminder:
        answered = answered_services(forms, returns, store)
        if answered is None:
            click.echo(click.style(f"Aucun retour reconnu dans « {returns} » : tous les services sont relancés.",
                                   fg="yellow"))
            answered = set()
    outbox = form_messages(forms, sender_address(delivery.sender, delivery.config), reminder, answered,
                           delivery.templates, services, deadline)
    if outbox.skipped:
        click.echo(f"Déjà répondu, pas de relance : {', '.join(outbox.skipped)}")
    _unreachable(outbox)
    _dispatch(outbox.items, delivery, folder.parent)
    if refused:
        click.echo(f"{len(refused)} formulaire(s) écarté(s) : générez-les de nouveau, puis relancez la même commande.")
    if refused or outbox.refused:
        raise SystemExit(EXIT_ERRORS_FOUND)


def send_corrections(folder: Path, plan_path: Path | None, delivery: Delivery, store: Path | None = None) -> None:
    """E-mail each correction workbook of `folder` to its service, the problems listed in the body; never
    to a service whose latest return is `Complet` in the history (`store`, by default beside `folder`)."""
    from suivi_excel.mail.outbox import find_forms, form_messages
    from suivi_excel.mail.recipients import sender_address, still_to_fix
    from suivi_excel.plan.reading import read_plan

    forms, refused = find_forms(folder, nothing="no-correction-workbook")
    found = [form for form in forms if form.corrections]
    forms, complete, store = still_to_fix(found, folder, store)
    for form in complete:
        click.echo(click.style("Pas envoyé : ", fg="yellow") + f"{form.path.name} — le dernier retour de "
                   f"« {form.service} » pour {form.period} est complet ({store}).")
    for line in refused:
        click.echo(click.style("Classeur écarté : ", fg="yellow") + line)
    if found and not forms:
        click.echo("Aucun classeur de correction à envoyer : les services concernés ont tous un retour complet.")
        return
    if not forms:
        raise SuiviError.of("no-correction-workbook", folder=folder, set_aside="")
    services = read_plan(plan_path).services if plan_path else None
    outbox = form_messages(forms, sender_address(delivery.sender, delivery.config), False, set(),
                           delivery.templates, services)
    _unreachable(outbox)
    _dispatch(outbox.items, delivery, folder.parent)
    if refused or outbox.refused:
        raise SystemExit(EXIT_ERRORS_FOUND)


def send_report(report: Path, recipients: tuple[str, ...], delivery: Delivery) -> None:
    """E-mail the report to the committee, with a summary of its key figures."""
    from suivi_excel.mail.outbox import report_message
    from suivi_excel.mail.recipients import committee_addresses, sender_address

    addresses = committee_addresses(recipients)
    item = report_message(report, addresses, sender_address(delivery.sender, delivery.config), delivery.templates)
    _dispatch([item], delivery, report.parent)


def _unreachable(outbox) -> None:
    """Services that get no message: no address, or one that cannot be used (each named with why)."""
    if outbox.without_address:
        click.echo(click.style(WITHOUT_ADDRESS, fg="yellow") + ", ".join(outbox.without_address))
    for line in outbox.refused:
        click.echo(click.style("Adresse inutilisable, rien n'est envoyé à ce service : ", fg="yellow") + line)


def _dispatch(items: list[Outgoing], delivery: Delivery, beside: Path) -> None:
    from suivi_excel.mail.smtp import FAILED, SENT, SendLog, deliver, read_settings, write_drafts

    if not items:
        click.echo("Aucun message à envoyer.")
        return
    if delivery.trial:
        click.echo(f"Essai : {len(items)} message(s) seraient envoyés (rien n'est envoyé).")
        for item in items:
            size = item.attachment.stat().st_size // 1024
            click.echo(f"  → {', '.join(item.recipients)} : « {item.message['Subject']} » "
                       f"[{item.attachment.name}, {size} Ko]")
        return
    if delivery.drafts is not None:
        with chosen_by({delivery.drafts: "--brouillons"}):
            written = write_drafts(items, delivery.drafts)
        click.echo(f"{len(written)} brouillon(s) .eml écrits dans {delivery.drafts} : ouvrez-les dans Outlook ou "
                   "Thunderbird pour les envoyer.")
        return
    journal = delivery.journal or beside / "journal-envois.csv"
    settings = read_settings(delivery.config)
    log = SendLog(journal)
    log.check_writable()

    def show(outcome) -> None:
        who = ", ".join(outcome.item.recipients)
        label = outcome.item.service or "rapport"
        if outcome.status == SENT:
            extra = f" ({outcome.detail})" if outcome.detail else ""
            click.echo(f"  envoyé      {label} → {who}{extra}")
        elif outcome.status == FAILED:
            click.echo(click.style(f"  échec       {label} → {who} : {outcome.detail}", fg="red"))
        else:
            click.echo(f"  déjà envoyé {label} → {who} (voir le journal)")

    click.echo(f"Envoi par {settings.describe()} :")
    results = deliver(items, settings, log, show)
    failed = [r for r in results if r.status == FAILED]
    sent = sum(r.status == SENT for r in results)
    click.echo(f"{sent} envoyé(s), {len(failed)} échec(s), {len(results) - sent - len(failed)} déjà envoyé(s). "
               f"Journal : {journal}")
    if failed:
        click.echo("Relancez la même commande plus tard : seuls les messages en échec repartiront.")
        raise SystemExit(EXIT_ERRORS_FOUND)
