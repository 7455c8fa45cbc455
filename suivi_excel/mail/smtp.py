"""Send messages over SMTP, or save them as drafts, keeping a send log.

Settings come from the environment (SUIVI_SMTP_HOST, _PORT, _SECURITE, _USER,
_PASSWORD, _FROM) or an INI file (section [smtp]); the environment wins. The
password is kept in memory only: never written, never printed.

The send log is a CSV file (it opens in Excel): one line per message tried.
A message whose kind, period, recipients and attachment are already logged as
sent is not sent again, so a run can be repeated after a failure.
"""

from __future__ import annotations

import configparser
import csv
import datetime as dt
import os
import smtplib
import socket
import ssl
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from suivi_excel.core.atomic import atomic_path
from suivi_excel.core.errors import SuiviError
from suivi_excel.core.messages.mail import REASONS
from suivi_excel.core.text import file_stems
from suivi_excel.mail.compose import Outgoing
from suivi_excel.mail.journal import day_of, read_journal, safe_cell, same, write_journal

SECURITIES = {"starttls": 587, "ssl": 465, "aucune": 25}
SENT, FAILED, ALREADY_SENT = "envoyé", "échec", "déjà envoyé"  # a message's outcome
DIGEST_MARK = "sha256:"  # a digest of digits only would become a number once Excel saved the journal
LOG_HEADERS = ("horodatage", "type", "periode", "service", "destinataires", "fichier", "empreinte", "statut",
               "detail")


@dataclass
class SmtpSettings:
    host: str
    port: int
    security: str
    user: str = ""
    password: str = field(default="", repr=False)
    sender: str = ""
    timeout: float = 30.0

    def describe(self) -> str:
        """For messages: never the password."""
        who = f"{self.user}@" if self.user else ""
        return f"{who}{self.host}:{self.port} ({self.security})"


_CONFIG_KEYS = {"serveur": "host", "hote": "host", "host": "host", "port": "port", "securite": "securite",
                "utilisateur": "user", "user": "user", "mot_de_passe": "password", "password": "password",
                "expediteur": "from", "from": "from"}


def read_config(config: Path) -> dict[str, str]:
    """The [smtp] section of a settings file, keys in English (host, port, securite, user, password, from).

    Raises:
        SuiviError: when the file cannot be read, has no [smtp] section or a key we do not know
            (a misspelt key would otherwise be silently ignored).
    """
    parser = configparser.ConfigParser()
    try:
        with open(config, encoding="utf-8") as handle:
            parser.read_file(handle)
    except UnicodeDecodeError:
        raise SuiviError.of("smtp-config-not-utf8", path=config) from None
    except OSError as error:
        raise SuiviError.of("smtp-config-unreadable", path=config, why=error.strerror) from None
    except configparser.Error as error:
        if getattr(error, "lineno", None):
            raise SuiviError.of("smtp-config-garbled-line", path=config, line=error.lineno) from None
        raise SuiviError.of("smtp-config-garbled", path=config) from None
    if not parser.has_section("smtp"):
        raise SuiviError.of("smtp-config-no-section", path=config)
    unknown = [key for key in parser["smtp"] if key not in _CONFIG_KEYS]
    if unknown:
        raise SuiviError.of("smtp-config-unknown-keys", path=config, keys=", ".join(unknown))
    return {_CONFIG_KEYS[key]: value.strip() for key, value in parser["smtp"].items()}


def read_settings(config: Path | None = None, environ: Mapping[str, str] = os.environ) -> SmtpSettings:
    """SMTP settings from an INI file's [smtp] section, overridden by SUIVI_SMTP_* variables.

    Raises:
        SuiviError: when no host is given, the file is broken or a value is invalid.
    """
    values: dict[str, str] = read_config(config) if config is not None else {}
    for key in ("host", "port", "securite", "user", "password", "from"):
        if environ.get(f"SUIVI_SMTP_{key.upper()}"):
            values[key] = environ[f"SUIVI_SMTP_{key.upper()}"]
    if not values.get("host"):
        raise SuiviError.of("smtp-no-server")
    security = values.get("securite", "starttls").lower()
    if security not in SECURITIES:
        raise SuiviError.of("smtp-security-unknown", security=security)
    try:
        port = int(values.get("port") or SECURITIES[security])
    except ValueError:
        raise SuiviError.of("smtp-port-invalid", port=values["port"]) from None
    return SmtpSettings(values["host"], port, security, values.get("user", ""), values.get("password", ""),
                        values.get("from", ""))


class SendLog:
    """The CSV log of messages tried; appended line by line, flushed to disk after each."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._sent: set[tuple[str, ...]] = set()
        if path.exists():
            try:
                records, own_format = read_journal(path, LOG_HEADERS)
            except OSError as error:
                raise SuiviError.of("journal-unreadable", path=path, why=error.strerror) from None
            if not own_format:  # re-saved by a spreadsheet program: back to its own format before adding to it
                write_journal(path, LOG_HEADERS, records)
            for row in records:
                if same(row["statut"], SENT):
                    self._sent.add(self._key(row["type"], row["periode"], row["destinataires"],
                                             row["empreinte"], day_of(row["horodatage"])))

    @staticmethod
    def _key(kind: str, period: str, recipients: str, digest: str, day: str) -> tuple[str, ...]:
        # a reminder may be sent again another day; anything else only once (cells compared as a
        # spreadsheet program may have saved them: case, spaces, Unicode form)
        digest = digest.removeprefix(DIGEST_MARK)
        return tuple(" ".join(v.split()).casefold() for v in (kind, period, recipients, digest,
                                                                day if kind == "relance" else ""))

    def already_sent(self, item: Outgoing) -> bool:
        today = dt.date.today().isoformat()
        return self._key(item.kind, item.period, ", ".join(item.recipients), item.digest, today) in self._sent

    def check_writable(self) -> None:
        """Stop before anything is sent when the journal cannot be written: a message sent and not
        noted would be sent again by the next run."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(self.path, "a", encoding="utf-8"):
                pass
        except OSError as error:
            raise SuiviError.of("journal-unwritable", path=self.path, why=error.strerror) from None

    def record(self, item: Outgoing, status: str, detail: str = "") -> None:
        now = dt.datetime.now().isoformat(timespec="seconds")
        new = not self.path.exists() or self.path.stat().st_size == 0
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(self.path, "a", encoding="utf-8-sig" if new else "utf-8", newline="") as handle:
                writer = csv.writer(handle, delimiter=";")
                if new:
                    writer.writerow(LOG_HEADERS)
                writer.writerow([safe_cell(v) for v in (now, item.kind, item.period, item.service,
                                                        ", ".join(item.recipients), item.attachment.name,
                                                        DIGEST_MARK + item.digest, status, detail)])
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as error:
            if status == SENT:
                raise SuiviError.of("journal-not-updated-after-sending", path=self.path, why=error.strerror,
                                    recipients=", ".join(item.recipients)) from None
            raise SuiviError.of("journal-not-updated", path=self.path, why=error.strerror) from None
        if status == SENT:
            self._sent.add(self._key(item.kind, item.period, ", ".join(item.recipients), item.digest, now[:10]))


@dataclass
class Delivery:
    item: Outgoing
    status: str  # SENT | FAILED | ALREADY_SENT
    detail: str = ""


def _connect(settings: SmtpSettings) -> smtplib.SMTP:
    if settings.security == "ssl":
        client: smtplib.SMTP = smtplib.SMTP_SSL(settings.host, settings.port, timeout=settings.timeout,
                                                context=ssl.create_default_context())
    else:
        client = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
        if settings.security == "starttls":
            client.starttls(context=ssl.create_default_context())
    if settings.user:
        client.login(settings.user, settings.password)
    return client


def _reason(error: BaseException) -> str:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        refused = "; ".join(f"{address} : {code} {text.decode(errors='replace') if isinstance(text, bytes) else text}"
                            for address, (code, text) in error.recipients.items())
        return REASONS["smtp-address-refused"].format(refused=refused)
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return REASONS["smtp-auth-refused"]
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return REASONS["smtp-disconnected"]
    if isinstance(error, smtplib.SMTPResponseException):
        text = error.smtp_error.decode(errors="replace") if isinstance(error.smtp_error, bytes) else error.smtp_error
        return REASONS["smtp-refused"].format(code=error.smtp_code, text=text)
    if isinstance(error, (socket.timeout, TimeoutError)):
        return REASONS["smtp-timeout"]
    if isinstance(error, (ConnectionError, OSError)):
        return REASONS["smtp-unreachable"].format(why=error.strerror or error)
    return type(error).__name__


def deliver(items: list[Outgoing], settings: SmtpSettings, log: SendLog,
            progress: Callable[[Delivery], None] | None = None) -> list[Delivery]:
    """Send each message; a failure is logged and the others still go.

    A dropped connection is reopened for the next message. Messages already in
    the log as sent are skipped.
    """
    results: list[Delivery] = []
    client: smtplib.SMTP | None = None
    try:
        for item in items:
            if log.already_sent(item):
                outcome = Delivery(item, ALREADY_SENT)
            else:
                try:
                    if client is None:
                        client = _connect(settings)
                    refused = client.send_message(item.message, from_addr=settings.sender or None,
                                                  to_addrs=item.recipients)
                    detail = REASONS["smtp-some-refused"].format(addresses=", ".join(refused)) if refused else ""
                    outcome = Delivery(item, SENT, detail)
                except (smtplib.SMTPException, OSError) as error:
                    outcome = Delivery(item, FAILED, _reason(error))
                    if not isinstance(error, smtplib.SMTPRecipientsRefused):
                        _close(client)
                        client = None  # reconnect for the next message
                    else:
                        _reset(client)
                log.record(item, outcome.status, outcome.detail)
            results.append(outcome)
            if progress:
                progress(outcome)
    finally:
        _close(client)
    return results


def _reset(client: smtplib.SMTP | None) -> None:
    try:
        if client is not None:
            client.rset()
    except (smtplib.SMTPException, OSError):
        pass


def _close(client: smtplib.SMTP | None) -> None:
    if client is None:
        return
    try:
        client.quit()
    except (smtplib.SMTPException, OSError):
        client.close()


def _draft_name(item: Outgoing) -> str:
    """`formulaire - Service des loisirs`; a message to no service is named by its attachment (`rapport-2026`)."""
    if item.service:
        return f"{item.kind} - {item.service}"
    stem = item.attachment.stem if item.attachment is not None else ""
    return stem if stem.casefold().startswith(item.kind.casefold()) else f"{item.kind} - {stem}" if stem else item.kind


def write_drafts(items: list[Outgoing], folder: Path) -> list[Path]:
    """Save each message as an .eml draft that Outlook or Thunderbird opens ready to send.

    Names come from the kind and the service, shortened for Windows and kept unique, so one
    draft never replaces another of the same run; each is written whole or not at all.
    """
    stems = file_stems([_draft_name(item) for item in items], 72)
    written = []
    for item, stem in zip(items, stems):
        message = item.message
        if "X-Unsent" not in message:
            message["X-Unsent"] = "1"  # Outlook opens it as a draft, with a Send button
        target = folder / f"{stem}.eml"
        with atomic_path(target) as temporary:
            temporary.write_bytes(message.as_bytes())
        written.append(target)
    return written
