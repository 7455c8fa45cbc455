"""Look at a file before any spreadsheet library parses it.

Returned files come by e-mail from outside. Before parsing, each one is
checked cheaply from its bytes and its zip directory: size, what it really is
(encrypted, legacy .xls, OpenDocument, HTML or CSV renamed), and how large it
would inflate. Only a plausible .xlsx within the limits reaches a parser.
"""

from __future__ import annotations

import errno
import functools
import os
import posixpath
import re
import stat
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from suivi_excel.core.errors import SuiviError
from suivi_excel.core.text import column_number

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_MARK = "EncryptionInfo".encode("utf-16-le")


@dataclass(frozen=True)
class Limits:
    """Bounds on what a returned file may cost; a coordinator can change them."""

    max_file_mb: float = 25.0  # size of the file on disk
    max_inflated_mb: float = 100.0  # total size once unzipped
    max_ratio: float = 200.0  # inflated / compressed, for any single part over 1 MB
    max_parts: int = 2000  # entries in the zip (thousands of sheets, padding)
    max_rows: int = 20000  # rows a returned tab may reach
    max_cells: int = 2_000_000  # rows x columns a tab may span (the reader allocates that grid)
    max_strings: int = 500_000  # shared strings (the reader keeps each one, about 70 bytes at least)


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class Refusal:
    """Why a file is not opened: an anomaly code and its reason in French."""

    code: str
    reason: str = ""
    option: str = ""


def _mb(size: float) -> str:
    return f"{size / 1_000_000:,.1f} Mo".replace(",", " ").replace(".", ",")


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
                return Refusal("file-not-xlsx", "classeur OpenDocument (.ods)")
    if "xl/workbook.xml" not in names:
        return Refusal("file-not-xlsx", "l'archive ne contient pas de classeur Excel")
    refusal = _scan_parts(path, entries, limits, keep, parsed)  # what is hostile is said as such first
    return refusal or (Refusal("file-unreadable", _NO_PACKAGE_RELS) if _PACKAGE_RELS not in names else None)


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
        return Refusal("file-unreadable", _NO_PACKAGE_RELS)  # Word and Excel need it; OpenDocument has none
    return refusal


_PACKAGE_RELS = "_rels/.rels"
_NO_PACKAGE_RELS = ("l'archive n'a pas la partie _rels/.rels que tout fichier Office contient (fichier endommagé "
                    "ou fabriqué)")


def _archive_entries(path: Path, limits: Limits) -> Refusal | list[zipfile.ZipInfo]:
    """The entries of a zip file within `limits`, judged from its bytes and directory only."""
    try:
        info = path.stat()
    except OSError as error:
        return Refusal("file-unreadable", os_reason(error))
    if stat.S_ISDIR(info.st_mode):
        return Refusal("file-not-xlsx", "c'est un dossier")
    if not stat.S_ISREG(info.st_mode):
        return Refusal("file-not-xlsx", "ce n'est pas un fichier ordinaire")
    if info.st_size == 0:
        return Refusal("file-unreadable", "le fichier est vide (0 octet)")
    if info.st_size > limits.max_file_mb * 1_000_000:
        return Refusal("file-too-large", f"{_mb(info.st_size)} sur disque, plus que la limite de "
                       f"{_mb(limits.max_file_mb * 1_000_000)}", "--taille-max")
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
            if head.startswith(OLE2_MAGIC):
                handle.seek(0)
                if _ENCRYPTION_MARK in handle.read(min(info.st_size, 4_000_000)):
                    return Refusal("file-encrypted")
                return Refusal("file-not-xlsx", "ancien format Excel 97-2003 (.xls)")
    except OSError as error:
        return Refusal("file-unreadable", os_reason(error))
    if not head.startswith(b"PK"):
        return Refusal("file-not-xlsx", _sniff_text(head))
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        return Refusal("file-unreadable", f"archive endommagée ou tronquée ({type(error).__name__})")
    if len(entries) > limits.max_parts:
        return Refusal("file-too-large", f"{len(entries)} parties dans l'archive, plus que la limite de "
                       f"{limits.max_parts}", "--parties-max")
    inflated = sum(e.file_size for e in entries)
    if inflated > limits.max_inflated_mb * 1_000_000:
        return Refusal("file-too-large", f"{_mb(inflated)} une fois décompressé, plus que la limite de "
                       f"{_mb(limits.max_inflated_mb * 1_000_000)}", "--decompresse-max")
    for entry in entries:
        if entry.file_size > 1_000_000 and entry.file_size > limits.max_ratio * max(entry.compress_size, 1):
            return Refusal("file-hostile", f"la partie {entry.filename} se décompresse "
                           f"{entry.file_size // max(entry.compress_size, 1)} fois (bombe de décompression ?)")
    return entries


_CHUNK = 1 << 20
_CELL_REF = re.compile(r"\s*([A-Za-z]{1,3})([0-9]{1,9})\s*")
_ROW_REF = re.compile(r"\s*([0-9]{1,9})\s*")
# a shared string (`<si>`), whatever its prefix: each costs the reader memory however short it is
_STRING = re.compile(rb"<(?:[^\s<>/:=!?]+:)?si(?=[\s>/])")


class _Stop(Exception):
    """Why the scan of a worksheet stops early: a reference no program writes, a limit passed."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.reason)
        self.refusal = refusal


class _SheetExtent:
    """How far a worksheet's cells reach, read as XML by expat: whatever the quotes, the namespace
    prefixes, the character references or the spacing, a cell's position is the one a reader sees.
    Positions may be implicit (a cell without `r` follows the previous one). The scan stops as soon
    as a limit is passed, so a huge sheet costs no more than its first cells past the limit."""

    def __init__(self, sheet: str, limits: Limits) -> None:
        from xml.parsers import expat

        self.sheet, self.limits = sheet, limits
        self.rows = self.columns = self.cells = 0
        self._row = self._column = 0
        self._parser = expat.ParserCreate(namespace_separator="}")
        self._parser.StartElementHandler = self._start
        self._parser.StartDoctypeDeclHandler = self._declaration
        self._parser.EntityDeclHandler = self._declaration
        self.error = expat.ExpatError

    def feed(self, data: bytes, final: bool = False) -> None:
        self._parser.Parse(data, final)

    def _declaration(self, *_args) -> None:
        raise _Stop(Refusal("file-hostile", f"la feuille {self.sheet} déclare une DTD (bombe XML ?), ce qu'Excel "
                            "n'écrit jamais"))

    def _reference(self, attributes: dict[str, str], pattern: re.Pattern) -> re.Match | None:
        value = attributes.get("r")
        if value is None:
            value = next((v for k, v in attributes.items() if k.endswith("}r")), None)
            if value is None:
                return None
        match = pattern.fullmatch(value)
        if match is None:
            raise _Stop(Refusal("file-hostile", f"la feuille {self.sheet} donne à une cellule la position "
                                f"illisible « {value[:40]} », ce qu'Excel n'écrit jamais"))
        return match

    def _start(self, name: str, attributes: dict[str, str]) -> None:
        # called for every element of the sheet: kept lean (a cell costs about 3 µs with its value)
        if name.endswith("}c") or name == "c":
            self.cells += 1
            found = self._reference(attributes, _CELL_REF) if attributes else None
            if found:
                self._column = _column(found.group(1))
                row = int(found.group(2))
                if row > self.rows:
                    self.rows = row
                    self._check()
            else:
                self._column += 1
            if self._column > self.columns or self.cells > self.limits.max_cells:
                self.columns = max(self.columns, self._column)
                self._check()
        elif name.endswith("}row") or name == "row":
            found = self._reference(attributes, _ROW_REF) if attributes else None
            self._row = int(found.group(1)) if found else self._row + 1
            self._column = 0
            if self._row > self.rows:
                self.rows = self._row
                self._check()

    def _check(self) -> None:
        refusal = self.refusal()
        if refusal is not None:
            raise _Stop(refusal)

    def refusal(self) -> Refusal | None:
        """The limit passed so far, if any."""
        limits = self.limits
        if self.rows > limits.max_rows:
            return Refusal("file-too-large", f"la feuille {self.sheet} atteint la ligne {self.rows}, plus que "
                           f"la limite de {limits.max_rows}", "--lignes-max")
        if max(self.rows * self.columns, self.cells) > limits.max_cells:
            return Refusal("file-too-large", f"la feuille {self.sheet} s'étend sur {self.rows} lignes et "
                           f"{self.columns} colonnes, plus que la limite de {limits.max_cells} cellules",
                           "--lignes-max")
        return None


_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


class _TableExtent(_SheetExtent):
    """How far the filled cells of an OpenDocument spreadsheet (`content.xml`) reach, repeats counted:
    one cell may stand for a million rows (`number-rows-repeated`) and the reader expands it. Empty
    repeated rows and cells, which LibreOffice writes down to the last row of every sheet, do not count."""

    def __init__(self, limits: Limits) -> None:
        super().__init__("content.xml", limits)
        self._parser.StartElementHandler = self._open
        self._parser.EndElementHandler = self._close
        self._repeat_rows = 1
        self._row_filled = False
        self._cell: tuple[int, bool] | None = None  # (columns repeated, filled) of the open cell

    def _open(self, name: str, attributes: dict[str, str]) -> None:
        if name == f"{_TABLE}table":
            self._row = self._column = 0
        elif name == f"{_TABLE}table-row":
            self._repeat_rows = _count(attributes.get(f"{_TABLE}number-rows-repeated"))
            self._row_filled = False
            self._column = 0
        elif name in (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"):
            self._cell = (_count(attributes.get(f"{_TABLE}number-columns-repeated")),
                          f"{_OFFICE}value-type" in attributes)
        elif self._cell is not None:  # a paragraph or anything inside the cell: it holds something
            self._cell = (self._cell[0], True)

    def _close(self, name: str) -> None:
        if name in (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell") and self._cell is not None:
            repeats, filled = self._cell
            self._column += repeats
            if filled:
                self._row_filled = True
                self.columns = max(self.columns, self._column)
                self.cells += repeats * self._repeat_rows
            self._cell = None
        elif name == f"{_TABLE}table-row":
            self._row += self._repeat_rows
            if self._row_filled:
                self.rows = max(self.rows, self._row)
                self._check()


def _count(text: str | None) -> int:
    try:
        return max(1, int(text)) if text else 1
    except ValueError:
        return 1


@functools.lru_cache(maxsize=4096)
def _column(letters: str) -> int:
    return column_number(letters)


_KEPT = ("docProps/core.xml", "docProps/custom.xml")
_WORKBOOK, _WORKBOOK_RELS = "xl/workbook.xml", "xl/_rels/workbook.xml.rels"
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _is_worksheet(name: str) -> bool:
    return name.startswith("xl/worksheets/") and name.endswith(".xml")


def sheet_targets(workbook_xml: bytes, rels_xml: bytes) -> list[tuple[str, str]]:
    """(sheet name, zip part) of every sheet a workbook declares, targets made absolute."""
    from defusedxml import ElementTree

    rels = ElementTree.fromstring(rels_xml)
    targets = {r.get("Id"): r.get("Target") or "" for r in rels.iter(f"{_PKG}Relationship")}
    found = []
    for sheet in ElementTree.fromstring(workbook_xml).iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_REL}id"), "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
        found.append((sheet.get("name") or "", part))
    return found


def _sheet_parts(small: dict[str, bytes], parsed: Callable[[str], bool] | None) -> tuple[set[str], set[str]]:
    """Parts the workbook declares as sheets, and those that only sheets nobody will parse point
    to; lower-cased, as readers look parts up ignoring case. When the workbook's parts cannot be
    followed, no part is skipped and only `xl/worksheets/` holds sheets."""
    try:
        targets = sheet_targets(small[_WORKBOOK], small[_WORKBOOK_RELS])
    except Exception:  # noqa: BLE001 - a part we cannot follow: check everything
        return set(), set()
    sheets = {part.lower() for _name, part in targets}
    if parsed is None:
        return sheets, set()
    needed = {part.lower() for name, part in targets if parsed(name)}
    return sheets, {part.lower() for name, part in targets if not parsed(name)} - needed


def _scan_order(entry: zipfile.ZipInfo) -> int:
    # the workbook and its relationships first: they tell which parts are sheets; worksheets last
    return 0 if entry.filename in (_WORKBOOK, _WORKBOOK_RELS) else 2 if _is_worksheet(entry.filename) else 1


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
    skipped: set[str] = set()
    names = {e.filename for e in entries}
    try:
        with zipfile.ZipFile(path) as archive:
            for entry in sorted(entries, key=_scan_order):
                if entry.is_dir():
                    continue
                name = entry.filename
                if sheets is None and _scan_order(entry):
                    sheets, skipped = _sheet_parts(small, parsed)
                is_sheet = _is_worksheet(name) or (sheets is not None and name.lower() in sheets)
                if is_sheet and name.lower() in skipped:
                    continue
                extent = (_SheetExtent(name.rsplit("/", 1)[-1], limits) if is_sheet else
                          _TableExtent(limits) if name == "content.xml" and "mimetype" in names else None)
                strings = 0
                wanted = (name in _KEPT and keep is not None) or name in (_WORKBOOK, _WORKBOOK_RELS)
                whole: list[bytes] = []
                carry = b""
                with archive.open(entry) as stream:
                    is_xml = None  # decided on the first bytes, whatever the part's name
                    while True:
                        chunk = stream.read(_CHUNK)
                        if is_xml is None:
                            is_xml, refusal = _xml_kind(name, chunk)
                            if refusal is not None:
                                return refusal
                        data = carry + chunk
                        cut = data.rfind(b"<") if chunk else -1  # keep an unfinished tag for the next chunk
                        complete, carry = (data[:cut], data[cut:]) if cut > 0 else (data, b"")
                        if is_xml and (b"<!DOCTYPE" in complete or b"<!ENTITY" in complete):
                            return Refusal("file-hostile", f"la partie {name} déclare une DTD (bombe XML ?), "
                                           "ce qu'Excel n'écrit jamais")
                        if extent is not None:
                            try:
                                extent.feed(complete, final=not chunk)
                            except _Stop as stop:
                                return stop.refusal
                            except extent.error as error:
                                return Refusal("file-unreadable", f"la feuille {name.rsplit('/', 1)[-1]} n'est pas "
                                               f"du XML valide ({error})")
                        elif is_xml:
                            strings += len(_STRING.findall(complete))
                            if strings > limits.max_strings:
                                count = f"{limits.max_strings:,}".replace(",", " ")
                                return Refusal("file-too-large", f"la partie {name} contient plus de {count} "
                                               "textes (un formulaire en compte quelques milliers)", "--lignes-max")
                        if wanted:
                            whole.append(complete)
                        if not chunk:
                            break
                if wanted:
                    (keep if name in _KEPT else small)[name] = b"".join(whole)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError, NotImplementedError) as error:
        return Refusal("file-unreadable", f"archive endommagée : {_zip_reason(error)}")
    return None


_WIDE_MARKS = (b"\xff\xfe", b"\xfe\xff", b"<\0", b"\0<", b"\0\0\xfe\xff", b"\0\0\0<")


def _xml_kind(name: str, head: bytes) -> tuple[bool, Refusal | None]:
    """Whether a part is XML, judged from its first bytes rather than its name (a reader follows
    the workbook's relationships to any name); XML in UTF-16 or UTF-32, which Excel and
    LibreOffice never write and a byte scan cannot read, is refused."""
    start = head.lstrip(b" \t\r\n")
    if start.startswith(_WIDE_MARKS):
        return True, Refusal("file-hostile", f"la partie {name} est en UTF-16 ou UTF-32, ce qu'Excel "
                             "n'écrit jamais")
    return start.startswith((b"<", b"\xef\xbb\xbf")), None


def _zip_reason(error: Exception) -> str:
    text = str(error)
    if "CRC" in text:
        return "contrôle CRC faux : contenu altéré ou taille déclarée mensongère"
    if "password" in text.lower() or "encrypted" in text.lower():
        return "partie chiffrée"
    return type(error).__name__


def _sniff_text(head: bytes) -> str:
    lowered = head.lower()
    if lowered.startswith((b"<!doc", b"<html", b"<?xml", b"<tabl", b"\xef\xbb\xbf<")):
        return "page HTML ou XML renommée en .xlsx"
    return "fichier texte ou d'un autre format renommé en .xlsx"


def os_reason(error: OSError) -> str:
    """Why a file or folder cannot be read, in French."""
    if isinstance(error, PermissionError):
        return "accès refusé"
    if isinstance(error, FileNotFoundError):
        return "fichier introuvable"
    if error.errno == errno.ELOOP:  # a symbolic link that points back to itself
        return "lien symbolique en boucle"
    return os.strerror(error.errno) if error.errno else str(error)


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


def reader_died(path: Path, what: str = "le fichier") -> SuiviError:
    """The exit-2 error for a file whose reading brought the reader's process down."""
    return SuiviError.of("reader-died", what=what, path=path)
