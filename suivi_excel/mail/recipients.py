"""Who gets a message: the sender's address, the services that already answered, the corrections still
due, the committee's addresses. The library part of the `envoyer` commands; `cli/mailing.py` prints."""

from __future__ import annotations

import os
import re
from pathlib import Path

from suivi_excel.core.columns import LEAD, NOT_REPORTED, NUMBER, PERIOD, STATUS
from suivi_excel.core.errors import SuiviError, listed_files
from suivi_excel.core.text import is_email
from suivi_excel.mail.compose import mailbox
from suivi_excel.mail.smtp import read_config


def sender_address(option: str | None, config: Path | None) -> str:
    """The sender: the option, else `SUIVI_SMTP_FROM`, else the config file's `from`, else empty."""
    if option:
        return option
    if os.environ.get("SUIVI_SMTP_FROM"):
        return os.environ["SUIVI_SMTP_FROM"]
    return read_config(config).get("from", "") if config is not None else ""


def answered_services(forms: list, returns: Path | None, store: Path | None) -> set[str] | None:
    """The services whose return has arrived, from the returns folder or the history.

    Args:
        forms: the forms found in the folder to send (`outbox.find_forms`), at least one.
        returns: the folder of the returns received, or None.
        store: the history, or None (used when `returns` is None).

    Returns:
        The services that answered; None when the returns folder holds no recognized return.

    Raises:
        SuiviError: when neither is given, the folder cannot be read, or the history lacks the period.
    """
    from suivi_excel.core.periods import parse_period

    period = parse_period(forms[0].period)
    if returns is not None:
        from suivi_excel.consolidate.pipeline import consolidate
        from suivi_excel.core.inputs import find_files

        unreadable = [a for a in find_files([returns])[1] if a.code == "folder-unreadable"]
        if unreadable:
            raise SuiviError.of("reminder-returns-unreadable",
                                files="\n".join(listed_files(unreadable)))
        try:
            return set(consolidate([returns], forms[0].plan, period).answered)
        except SuiviError:
            return None
    if store is not None:
        from suivi_excel.history.store import history_rows

        rows = history_rows(store, forms[0].plan.identity)
        rows = rows[rows[PERIOD] == period.label]
        if rows.empty:
            raise SuiviError.of("reminder-history-lacks-period", path=store, period=period.label)
        # a status kept from an earlier period (a silent service's finished action) is no answer
        with_source = set(rows.loc[(rows[STATUS] != NOT_REPORTED) & (rows["_source"].fillna("") != ""), NUMBER])
        owners = dict(zip(forms[0].plan.actions[NUMBER], forms[0].plan.actions[LEAD]))
        return {owners[n] for n in with_source if n in owners}
    raise SuiviError.of("reminder-needs-answers")


def still_to_fix(forms: list, folder: Path, store: Path | None) -> tuple[list, list, Path]:
    """Split correction workbooks by their service's latest return, as the history knows it.

    Args:
        forms: correction workbooks found in `folder`.
        folder: where they are; the history defaults to the one beside it.
        store: the history, or None for the default.

    Returns:
        (to send, already `Complet`, the history consulted).
    """
    from suivi_excel.consolidate.review import COMPLETE
    from suivi_excel.history.states import return_states
    from suivi_excel.history.store import DEFAULT_NAME

    store = store or folder.resolve().parent / DEFAULT_NAME
    if not store.exists():
        return forms, [], store
    states: dict[tuple[str, str], dict[str, str]] = {}
    kept, complete = [], []
    for form in forms:
        key = (form.plan.identity, form.period)
        if key not in states:
            states[key] = return_states(store, *key)
        (complete if states[key].get(form.service) == COMPLETE else kept).append(form)
    return kept, complete, store


def committee_addresses(recipients: tuple[str, ...]) -> list[str]:
    """The addresses given (repeated option, or separated by commas or semicolons), all checked.

    Raises:
        SuiviError: naming every address that is not one, or when none is given.
    """
    addresses = [a.strip() for value in recipients for a in re.split(r"[,;]", value) if a.strip()]
    if not addresses:  # --a "" or --a " , ": a message to nobody
        raise SuiviError.of("addresses-none")
    wrong = [a for a in addresses if not is_email(a)]
    if wrong:
        raise SuiviError.of("addresses-invalid", addresses=", ".join(wrong))
    return [mailbox(a, where="committee").addr_spec for a in addresses]  # refuses, naming it, one no server accepts
