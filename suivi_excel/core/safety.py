"""Look at a file before any spreadsheet library parses it.

Returned files come by e-mail from outside. Before parsing, each one is
checked cheaply from its bytes and its zip directory: size, what it really is
(encrypted, legacy .xls, OpenDocument, HTML or CSV renamed), and how large it
would inflate. Only a plausible .xlsx within the limits reaches a parser.

This module inspects the zip and inflates each part once; what a file may cost is `limits`, how far
a sheet's XML reaches is `sheet_extent`, which parts are sheets is `sheet_targets`.
"""

from __future__ import annotations

import errno
import os
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path

from suivi_excel.core.errors import SuiviError
from suivi_excel.core.limits import DEFAULT_LIMITS, Limits, Refusal, megabytes
from suivi_excel.core.messages import FILE_KINDS
from suivi_excel.core.sheet_extent import CHUNK, SHARED_STRING, SheetExtent, Stop, TableExtent
from suivi_excel.core.sheet_targets import WORKBOOK, WORKBOOK_RELS, is_worksheet, sheet_parts, sheet_targets


OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_MARK = "EncryptionInfo".encode("utf-16-le")


def inspect_file(path: Path, limits: Limits = DEFAULT_LIMITS, keep: dict[str, bytes] | None = None,
                 parsed: Callable[[str], bool] | None = None) -> Refusal | None:
    """Check that `path` is a plausible .xlsx within `limits`, without parsing it.

    Args:
        path: the file.
        limits: the bounds.
        keep: when given, receives the bytes of small parts read on the way
            (`docProps/core.xml`), so that nobody opens the archive again for them.
        parsed: when given, tells by name which worksheets the caller will parse; the
            parts of the others are not inflated (their sizes are still bounded). A
            caller that later parses one of them must inspect the file again.

    Returns:
        None when it may be opened, else the Refusal to report.
    """
    checked = _archive_entries(path, limits)
    if isinstance(checked, Refusal):
        return checked
    entries = checked
    names = {e.filename for e in entries}
    if "mimetype" in names:
        with zipfile.ZipFile(path) as archive:
            if b"opendocument" in archive.read("mimetype")[:100]:
                return Refusal.of("file-not-xlsx", "opendocument")
    if "xl/workbook.xml" not in names:
        return Refusal.of("file-not-xlsx", "no-workbook")
    refusal = _scan_parts(path, entries, limits, keep, parsed)  # what is hostile is said as such first
    return refusal or (Refusal.of("file-unreadable", "no-package-rels") if _PACKAGE_RELS not in names else None)


def inspect_archive(path: Path, limits: Limits = DEFAULT_LIMITS) -> Refusal | None:
    """Check any zip-based document (Word, OpenDocument, Excel) with the same bounds as a returned
    file, every part inflated once and scanned, before a library parses it.

    Returns:
        None when it may be opened, else the Refusal (its reason in French).
    """
    checked = _archive_entries(path, limits)
    if isinstance(checked, Refusal):
        return checked
    refusal = _scan_parts(path, checked, limits)
    names = {e.filename for e in checked}
    if refusal is None and _PACKAGE_RELS not in names and "mimetype" not in names:
        return Refusal.of("file-unreadable", "no-package-rels")  # Word and Excel need it; OpenDocument has none
    return refusal


_PACKAGE_RELS = "_rels/.rels"


def _archive_entries(path: Path, limits: Limits) -> Refusal | list[zipfile.ZipInfo]:
    """The entries of a zip file within `limits`, judged from its bytes and directory only."""
    try:
        info = path.stat()
    except OSError as error:
        return os_refusal(error)
    if stat.S_ISDIR(info.st_mode):
        return Refusal.of("file-not-xlsx", "folder")
    if not stat.S_ISREG(info.st_mode):
        return Refusal.of("file-not-xlsx", "not-a-file")
    if info.st_size == 0:
        return Refusal.of("file-unreadable", "empty")
    if info.st_size > limits.max_file_mb * 1_000_000:
        return Refusal.of("file-too-large", "file-size", "--taille-max", size=megabytes(info.st_size),
                          limit=megabytes(limits.max_file_mb * 1_000_000))
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
            if head.startswith(OLE2_MAGIC):
                handle.seek(0)
                if _ENCRYPTION_MARK in handle.read(min(info.st_size, 4_000_000)):
                    return Refusal("file-encrypted")
                return Refusal.of("file-not-xlsx", "xls")
    except OSError as error:
        return os_refusal(error)
    if not head.startswith(b"PK"):
        return Refusal.of("file-not-xlsx", _sniff_text(head))
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        return Refusal.of("file-unreadable", "zip-damaged", error=type(error).__name__)
    if len(entries) > limits.max_parts:
        return Refusal.of("file-too-large", "zip-parts", "--parties-max", count=len(entries), limit=limits.max_parts)
    inflated = sum(e.file_size for e in entries)
    if inflated > limits.max_inflated_mb * 1_000_000:
        return Refusal.of("file-too-large", "zip-inflated", "--decompresse-max", size=megabytes(inflated),
                          limit=megabytes(limits.max_inflated_mb * 1_000_000))
    for entry in entries:
        if entry.file_size > 1_000_000 and entry.file_size > limits.max_ratio * max(entry.compress_size, 1):
            return Refusal.of("file-hostile", "zip-bomb", part=entry.filename,
                              ratio=entry.file_size // max(entry.compress_size, 1))
    return entries


_KEPT = ("docProps/core.xml", "docProps/custom.xml")
def _scan_order(entry: zipfile.ZipInfo) -> int:
    # the workbook and its relationships first: they tell which parts are sheets; worksheets last
    return 0 if entry.filename in (WORKBOOK, WORKBOOK_RELS) else 2 if is_worksheet(entry.filename) else 1


def _scan_parts(path: Path, entries: list[zipfile.ZipInfo], limits: Limits,
                keep: dict[str, bytes] | None = None, parsed: Callable[[str], bool] | None = None
                ) -> Refusal | None:
    """Inflate every part once, as a stream, before any parser sees it.

    Python's zipfile stops at each part's declared size and checks its CRC, so a
    part that lies about its size is caught here instead of inflating without
    end inside the parser. XML parts, told by their first bytes whatever their name, may not
    declare a DTD (entity bombs) nor come in UTF-16 or UTF-32.
    Worksheets may not reach past `max_rows` nor span more than `max_cells`:
    the reader allocates the whole grid up to the furthest cell, and a single
    cell at XFD1048576 aborts the process (seen with python-calamine 0.9).
    The workbook's own parts come first: they tell which parts are sheets (whatever
    their names) and which of them `parsed` leaves out.
    """
    small: dict[str, bytes] = {}
    sheets: set[str] | None = None
    labels: dict[str, str] = {}  # zip part -> the tab's name a user sees, once the workbook is read
    skipped: set[str] = set()
    names = {e.filename for e in entries}
    try:
        with zipfile.ZipFile(path) as archive:
            for entry in sorted(entries, key=_scan_order):
                if entry.is_dir():
                    continue
                name = entry.filename
                if sheets is None and _scan_order(entry):
                    sheets, skipped = sheet_parts(small, parsed)
                    labels = _tab_names(small)
                is_sheet = is_worksheet(name) or (sheets is not None and name.lower() in sheets)
                if is_sheet and name.lower() in skipped:
                    continue
                extent = (SheetExtent(labels.get(name.lower(), name.rsplit("/", 1)[-1]), limits) if is_sheet else
                          TableExtent(limits) if name == "content.xml" and "mimetype" in names else None)
                strings = 0
                wanted = (name in _KEPT and keep is not None) or name in (WORKBOOK, WORKBOOK_RELS)
                whole: list[bytes] = []
                carry = b""
                with archive.open(entry) as stream:
                    is_xml = None  # decided on the first bytes, whatever the part's name
                    while True:
                        chunk = stream.read(CHUNK)
                        if is_xml is None:
                            is_xml, refusal = _xml_kind(name, chunk)
                            if refusal is not None:
                                return refusal
                        data = carry + chunk
                        cut = data.rfind(b"<") if chunk else -1  # keep an unfinished tag for the next chunk
                        complete, carry = (data[:cut], data[cut:]) if cut > 0 else (data, b"")
                        if is_xml and (b"<!DOCTYPE" in complete or b"<!ENTITY" in complete):
                            return Refusal.of("file-hostile", "part-dtd", part=name)
                        if extent is not None:
                            try:
                                extent.feed(complete, final=not chunk)
                            except Stop as stop:
                                return stop.refusal
                            except extent.error as error:
                                return Refusal.of("file-unreadable", "sheet-not-xml",
                                                  sheet=labels.get(name.lower(), name.rsplit("/", 1)[-1]),
                                                  error=str(error))
                        elif is_xml:
                            strings += len(SHARED_STRING.findall(complete))
                            if strings > limits.max_strings:
                                count = f"{limits.max_strings:,}".replace(",", " ")
                                return Refusal.of("file-too-large", "part-strings", "--lignes-max", part=name,
                                                  count=count)
                        if wanted:
                            whole.append(complete)
                        if not chunk:
                            break
                if wanted:
                    (keep if name in _KEPT else small)[name] = b"".join(whole)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError, NotImplementedError) as error:
        return _zip_refusal(error)
    return None


_WIDE_MARKS = (b"\xff\xfe", b"\xfe\xff", b"<\0", b"\0<", b"\0\0\xfe\xff", b"\0\0\0<")


def _xml_kind(name: str, head: bytes) -> tuple[bool, Refusal | None]:
    """Whether a part is XML, judged from its first bytes rather than its name (a reader follows
    the workbook's relationships to any name); XML in UTF-16 or UTF-32, which Excel and
    LibreOffice never write and a byte scan cannot read, is refused."""
    start = head.lstrip(b" \t\r\n")
    if start.startswith(_WIDE_MARKS):
        return True, Refusal.of("file-hostile", "part-wide", part=name)
    return start.startswith((b"<", b"\xef\xbb\xbf")), None


def _zip_refusal(error: Exception) -> Refusal:
    text = str(error)
    if "CRC" in text:
        return Refusal.of("file-unreadable", "zip-crc")
    if "password" in text.lower() or "encrypted" in text.lower():
        return Refusal.of("file-unreadable", "zip-encrypted-part")
    return Refusal.of("file-unreadable", "zip-broken", error=type(error).__name__)


def _sniff_text(head: bytes) -> str:
    """What a file that is no zip seems to be, as the code of the reason (`messages.REFUSALS`)."""
    lowered = head.lower()
    if lowered.startswith((b"<!doc", b"<html", b"<?xml", b"<tabl", b"\xef\xbb\xbf<")):
        return "renamed-markup"
    return "renamed-other"


# the system's errors a coordinator meets, said in French rather than in the system's English
_SAID = {errno.EROFS: "read-only", errno.ENOTDIR: "not-a-folder", errno.EISDIR: "is-a-folder",
         errno.EEXIST: "exists", errno.ENOSPC: "disk-full", errno.ENAMETOOLONG: "name-too-long"}


def os_refusal(error: OSError) -> Refusal:
    """Why a file or folder cannot be read: the reason of its `file-unreadable` refusal."""
    if isinstance(error, PermissionError):
        return Refusal.of("file-unreadable", "access-denied")
    if isinstance(error, FileNotFoundError):
        return Refusal.of("file-unreadable", "not-found")
    if error.errno == errno.ELOOP:  # a symbolic link that points back to itself
        return Refusal.of("file-unreadable", "symlink-loop")
    if error.errno in _SAID:
        return Refusal.of("file-unreadable", _SAID[error.errno])
    return Refusal.of("file-unreadable", "os-error", error=os.strerror(error.errno) if error.errno else str(error))


def os_reason(error: OSError) -> str:
    """Why a file or folder cannot be read, in French."""
    return os_refusal(error).reason


def read_every_sheet(path: Path) -> None:
    """Parse every sheet of a workbook and drop the values: run apart (`isolation.survives`) to learn
    whether the reader lives through this file before it is read in the command's own process."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    try:
        for name in book.sheet_names:
            book.get_sheet_by_name(name).to_python()
    finally:
        book.close()


def reader_died(path: Path, kind: str = "file") -> SuiviError:
    """The exit-2 error for a file whose reading brought the reader's process down; `kind` (a key of
    `messages.FILE_KINDS`) says what the file was read as."""
    return SuiviError.of("reader-died", what=FILE_KINDS[kind], path=path)


def _tab_names(small: dict[str, bytes]) -> dict[str, str]:
    """Zip part (lower-cased) -> the name of its tab, so that a refusal names « Travaux publics », not
    `sheet3.xml`; empty when the workbook's parts cannot be followed."""
    try:
        targets = sheet_targets(small[WORKBOOK], small[WORKBOOK_RELS])
    except Exception:  # noqa: BLE001 - damaged parts: the part's own name will do
        return {}
    return {part.lower(): " ".join(name.split())[:31] for name, part in targets if name.strip()}
