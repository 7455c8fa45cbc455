"""Compose the e-mails: forms to services, reminders, the report to the committee.

Texts come from editable templates (`modeles/courriel-*.txt`): a first line
`Objet : …`, then the body. `{name}` placeholders are replaced; any other brace
is left as written, so a coordinator cannot break a template by typing one.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import mimetypes
import re
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.headerregistry import Address
from email.utils import formatdate, make_msgid
from pathlib import Path

from suivi_excel.core.errors import SuiviError
from suivi_excel.core.messages.mail import ADDRESS_FIXES
from suivi_excel.core.resources import models_dir
from suivi_excel.core.safety import os_reason
from suivi_excel.core.text import is_email, writable

TEMPLATES = {"formulaire": "courriel-formulaire.txt", "relance": "courriel-relance.txt",
             "correction": "courriel-correction.txt",
             "rapport": "courriel-rapport.txt"}
# the {fields} each message fills (mail/outbox.py): a template naming another one is refused before anything
# is sent, rather than reach every service with the field written raw
_COMMON_FIELDS = ("municipalite", "plan", "periode", "echeance", "coordonnateur", "courriel_coordonnateur",
                  "service", "responsable")
_FORM_FIELDS = (*_COMMON_FIELDS, "a_faire", "problemes")
FIELDS = {"formulaire": _FORM_FIELDS, "relance": _FORM_FIELDS, "correction": _FORM_FIELDS,
          "rapport": (*_COMMON_FIELDS, "resume")}
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_BRACED = re.compile(r"\{([^{}]*)\}")  # what a template's author meant as a field, well formed or not
_SUBJECT = re.compile(r"^\s*objet\s*:\s*(.*)$", re.IGNORECASE)


@dataclass
class Outgoing:
    """One message ready to send or to save as a draft."""

    kind: str  # formulaire | relance | correction | rapport
    period: str
    service: str  # "" for the report
    recipients: list[str]
    message: EmailMessage
    attachment: Path
    digest: str = field(default="")


def load_template(kind: str, folder: Path | None = None) -> tuple[str, str]:
    """(subject, body) of a template, from `folder` or the shipped `modeles/`.

    A template saved by the Windows Notepad in "ANSI" (cp1252) is read as such.

    Raises:
        SuiviError: for a template that cannot be read, has no subject line, or names a field this
            message does not fill (or a lone brace), naming the line.
    """
    path = (folder or models_dir()) / TEMPLATES[kind]
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SuiviError.of("template-unreadable", path=path, why=os_reason(error)) from None
    try:
        # Notepad's « Unicode » is UTF-16 with its byte-order mark
        text = data.decode("utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise SuiviError.of("template-encoding", path=path) from None
    _check_fields(path, text, FIELDS[kind])
    first, _, body = text.partition("\n")
    match = _SUBJECT.match(first)
    if not match:
        raise SuiviError.of("template-no-subject", path=path)
    return match.group(1).strip(), body.strip("\n") + "\n"


def _check_fields(path: Path, text: str, known: tuple[str, ...]) -> None:
    listed = ", ".join(f"{{{name}}}" for name in known)
    for number, line in enumerate(text.splitlines(), start=1):
        for match in _BRACED.finditer(line):
            if match.group(1) not in known:
                raise SuiviError.of("template-unknown-field", path=path, field=match.group(0), line=number,
                                    known=listed)
        rest = _BRACED.sub("", line)
        if "{" in rest or "}" in rest:
            raise SuiviError.of("template-lone-brace", path=path, line=number, text=line.strip()[:80], known=listed)


def render(template: str, values: dict[str, str]) -> str:
    """Replace the known `{name}` placeholders; leave anything else untouched."""
    return _PLACEHOLDER.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), template)


def as_html(text: str) -> str:
    """A plain-text body as simple HTML: paragraphs, and lists for lines starting with a dash."""
    parts = []
    for block in re.split(r"\n\s*\n", text.strip()):
        # runs of "- " lines become lists, other runs paragraphs
        for is_item, run in itertools.groupby(block.splitlines(), lambda line: line.lstrip().startswith("- ")):
            lines = list(run)
            if is_item:
                parts.append("<ul>" + "".join(f"<li>{html.escape(l.lstrip()[2:])}</li>" for l in lines) + "</ul>")
            else:
                parts.append("<p>" + "<br>".join(html.escape(line) for line in lines) + "</p>")
    return ("<!DOCTYPE html><html lang=\"fr-CA\"><head><meta charset=\"utf-8\"></head>"
            "<body style=\"font-family: Calibri, Arial, sans-serif; font-size: 11pt\">" + "".join(parts) +
            "</body></html>")


def one_line(text: str) -> str:
    """A name or a subject as a header carries it: on one line (a cell's Alt+Enter becomes a space),
    without control characters."""
    return " ".join(writable(str(text)).split())


def mailbox(address: str, name: str = "", where: str = "services") -> Address:
    """An address as a header carries it: the display name quoted as the e-mail standard wants (a
    comma in it stays in it), an accented domain encoded (IDNA, `exemple.québec` →
    `exemple.xn--qubec-csa`).

    Args:
        where: where the address came from (`messages.mail.ADDRESS_FIXES`: services, coordinator, sender,
            committee), so a refusal says where to correct it.

    Raises:
        SuiviError: for an address no server accepts as it is (accents before the @), naming it.
    """
    fix = ADDRESS_FIXES[where]
    address = one_line(address)
    local, at, domain = address.rpartition("@")
    if not (at and local and domain) or not is_email(address):
        raise SuiviError.of("address-invalid", address=address)
    try:
        local.encode("ascii")
    except UnicodeEncodeError:
        raise SuiviError.of("address-accented", address=address, fix=fix) from None
    try:
        ascii_domain = domain.encode("idna").decode("ascii")
        return Address(display_name=one_line(name), username=local, domain=ascii_domain)
    except (UnicodeError, ValueError, IndexError):
        raise SuiviError.of("address-bad-domain", address=address, fix=fix) from None


def build_message(sender: str, sender_name: str, recipients: list[str], subject: str, body: str,
                  attachment: Path, reply_to: str = "", sender_from: str = "sender") -> EmailMessage:
    """A MIME message: plain text and HTML alternatives, the workbook attached under its own name.

    `sender_from` says where the sender's address came from (`mailbox`'s `where`): the sender given
    (option, variable, configuration) or the plan's coordinator; the reply-to is the coordinator's.

    Raises:
        SuiviError: when an address cannot be used (`mailbox`).
    """
    message = EmailMessage()
    origin = mailbox(sender, sender_name, sender_from)
    message["From"] = origin
    message["To"] = [mailbox(r) for r in recipients]
    if reply_to and one_line(reply_to) != one_line(sender):
        message["Reply-To"] = mailbox(reply_to, where="coordinator")
    message["Subject"] = one_line(subject)
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=origin.domain or None)
    message.set_content(writable(body))
    message.add_alternative(as_html(writable(body)), subtype="html")
    data = attachment.read_bytes()
    kind = XLSX_TYPE if attachment.suffix.lower() == ".xlsx" else (
        mimetypes.guess_type(attachment.name)[0] or "application/octet-stream")
    main, sub = kind.split("/")
    message.add_attachment(data, maintype=main, subtype=sub, filename=attachment.name)
    return message


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
