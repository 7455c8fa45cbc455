"""The `envoyer` commands: gather, then send, save as drafts, or just show."""

from __future__ import annotations

import os
import re
from pathlib import Path

import click

from suivi_excel.core.errors import EXIT_ERRORS_FOUND, SuiviError
from suivi_excel.core.text import is_email
from suivi_excel.mail.compose import Outgoing, mailbox
from suivi_excel.mail.smtp import (
    FAILED,
    SENT,
    SendLog,
    deliver,
    read_config,
    read_settings,
    write_drafts,
)


def _sender(option: str | None, config: Path | None) -> str:
    if option:
        return option
    if os.environ.get("SUIVI_SMTP_FROM"):
        return os.environ["SUIVI_SMTP_FROM"]
    return read_config(config).get("from", "") if config is not None else ""


def _answered(forms, returns: Path | None, store: Path | None) -> set[str]:
    """The services whose return has arrived, from the returns folder or the history.

    Raises:
        SuiviError: when neither is given, the folder cannot be read, or the history lacks the period.
    """
    from suivi_excel.core.periods import parse_period

    period = parse_period(forms[0].period)
    if returns is not None:
        from suivi_excel.consolidate.pipeline import consolidate
        from suivi_excel.returns.file import find_files

        unreadable = [a for a in find_files([returns])[1] if a.code == "folder-unreadable"]
        if unreadable:
            raise SuiviError("sans les retours, impossible de savoir qui a répondu ; rien n'est envoyé.\n"
                             + "\n".join(f"  - {a.file} : {a.problem}" for a in unreadable))
        try:
            return set(consolidate([returns], forms[0].plan, period).answered)
        except SuiviError:
            click.echo(click.style(f"Aucun retour reconnu dans « {returns} » : tous les services sont relancés.",
                                   fg="yellow"))
            return set()
    if store is not None:
        from suivi_excel.history.store import history_rows

        rows = history_rows(store, forms[0].plan.identity)
        rows = rows[rows["Période"] == period.label]
        if rows.empty:
            raise SuiviError(f"l'historique « {store} » ne contient pas la période {period.label} : "
                             "utilisez plutôt --retours DOSSIER.")
        # a status kept from an earlier period (a silent service's finished action) is no answer
        with_source = set(rows.loc[(rows["Statut"] != "Non renseigné") & (rows["_source"].fillna("") != ""), "No"])
        owners = dict(zip(forms[0].plan.actions["No"], forms[0].plan.actions["Service responsable"]))
        return {owners[n] for n in with_source if n in owners}
    raise SuiviError("--relance a besoin de savoir qui a répondu : donnez --retours DOSSIER (les fichiers "
                     "reçus) ou --historique FICHIER (si la période est consolidée).")


def send_forms(folder: Path, plan_path: Path | None, reminder: bool, returns: Path | None, store: Path | None,
               deadline, drafts: Path | None, trial: bool, config: Path | None, templates: Path | None,
               journal: Path | None, sender: str | None) -> None:
    from suivi_excel.mail.outbox import find_forms, form_messages
    from suivi_excel.plan.reading import read_plan

    forms, refused = find_forms(folder)
    for line in refused:
        click.echo(click.style("Formulaire écarté : ", fg="yellow") + line)
    services = read_plan(plan_path).services if plan_path else None
    answered = _answered(forms, returns, store) if reminder else set()
    outbox = form_messages(forms, _sender(sender, config), reminder, answered, templates, services, deadline)
    if outbox.skipped:
        click.echo(f"Déjà répondu, pas de relance : {', '.join(outbox.skipped)}")
    _unreachable(outbox)
    _dispatch(outbox.items, drafts, trial, config, journal or folder.parent / "journal-envois.csv")
    if refused:
        click.echo(f"{len(refused)} formulaire(s) écarté(s) : générez-les de nouveau, puis relancez la même commande.")
    if refused or outbox.refused:
        raise SystemExit(EXIT_ERRORS_FOUND)


def send_corrections(folder: Path, plan_path: Path | None, drafts: Path | None, trial: bool, config: Path | None,
                     templates: Path | None, journal: Path | None, sender: str | None,
                     store: Path | None = None) -> None:
    """E-mail each correction workbook of `folder` to its service, the problems listed in the body; never
    to a service whose latest return is `Complet` in the history (`store`, by default beside `folder`)."""
    from suivi_excel.mail.outbox import find_forms, form_messages
    from suivi_excel.plan.reading import read_plan

    forms, refused = find_forms(folder)
    found = [form for form in forms if form.corrections]
    forms = _still_to_fix(found, folder, store)
    for line in refused:
        click.echo(click.style("Classeur écarté : ", fg="yellow") + line)
    if found and not forms:
        click.echo("Aucun classeur de correction à envoyer : les services concernés ont tous un retour complet.")
        return
    if not forms:
        raise SuiviError(f"aucun classeur de correction dans « {folder} » : indiquez le dossier écrit par "
                         "« suivi-excel consolider … --corrections DOSSIER ».")
    services = read_plan(plan_path).services if plan_path else None
    outbox = form_messages(forms, _sender(sender, config), False, set(), templates, services)
    _unreachable(outbox)
    _dispatch(outbox.items, drafts, trial, config, journal or folder.parent / "journal-envois.csv")
    if refused or outbox.refused:
        raise SystemExit(EXIT_ERRORS_FOUND)


def _still_to_fix(forms: list, folder: Path, store: Path | None) -> list:
    """The correction workbooks whose service's latest return, as the history knows it, is not `Complet`."""
    from suivi_excel.history.states import return_states
    from suivi_excel.history.store import DEFAULT_NAME

    store = store or folder.resolve().parent / DEFAULT_NAME
    if not store.exists():
        return forms
    states: dict[tuple[str, str], dict[str, str]] = {}
    kept = []
    for form in forms:
        key = (form.plan.identity, form.period)
        if key not in states:
            states[key] = return_states(store, *key)
        if states[key].get(form.service) == "Complet":
            click.echo(click.style("Pas envoyé : ", fg="yellow") + f"{form.path.name} — le dernier retour de "
                       f"« {form.service} » pour {form.period} est complet ({store}).")
            continue
        kept.append(form)
    return kept


def send_report(report: Path, recipients: tuple[str, ...], drafts: Path | None, trial: bool,
                config: Path | None, templates: Path | None, journal: Path | None, sender: str | None) -> None:
    from suivi_excel.mail.outbox import report_message

    addresses = [a.strip() for value in recipients for a in re.split(r"[,;]", value) if a.strip()]
    wrong = [a for a in addresses if not is_email(a)]
    if wrong:
        raise SuiviError(f"adresse(s) invalide(s) : {', '.join(wrong)}.")
    addresses = [mailbox(a).addr_spec for a in addresses]  # refuses, naming it, one no server accepts
    item = report_message(report, addresses, _sender(sender, config), templates)
    _dispatch([item], drafts, trial, config, journal or report.parent / "journal-envois.csv")


def _unreachable(outbox) -> None:
    """Services that get no message: no address, or one that cannot be used (each named with why)."""
    if outbox.without_address:
        click.echo(click.style("Sans adresse courriel dans la feuille Services (à joindre autrement) : ",
                               fg="yellow") + ", ".join(outbox.without_address))
    for line in outbox.refused:
        click.echo(click.style("Adresse inutilisable, rien n'est envoyé à ce service : ", fg="yellow") + line)


def _dispatch(items: list[Outgoing], drafts: Path | None, trial: bool, config: Path | None, journal: Path) -> None:
    if not items:
        click.echo("Aucun message à envoyer.")
        return
    if trial:
        click.echo(f"Essai : {len(items)} message(s) seraient envoyés (rien n'est envoyé).")
        for item in items:
            size = item.attachment.stat().st_size // 1024
            click.echo(f"  → {', '.join(item.recipients)} : « {item.message['Subject']} » "
                       f"[{item.attachment.name}, {size} Ko]")
        return
    if drafts is not None:
        written = write_drafts(items, drafts)
        click.echo(f"{len(written)} brouillon(s) .eml écrits dans {drafts} : ouvrez-les dans Outlook ou "
                   "Thunderbird pour les envoyer.")
        return
    settings = read_settings(config)
    log = SendLog(journal)

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
