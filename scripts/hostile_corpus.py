"""A corpus of hostile and broken returned files, built from generators (nothing committed).

Used by tests/test_hostile.py and by `python scripts/hostile_corpus.py`, which runs
`suivi-excel verifier` on each case as its own process and prints the anomaly,
the wall time and the peak memory.
"""

from __future__ import annotations

import base64
import datetime as dt
import os
import re
import shutil
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import openpyxl  # noqa: E402
import xlsxwriter  # noqa: E402
from measure import measure  # noqa: E402

from suivi_excel.core.periods import parse_period  # noqa: E402
from suivi_excel.forms.generation import Options, generate  # noqa: E402
from suivi_excel.forms.simulate import fill_form, set_saved_time  # noqa: E402
from suivi_excel.plan.reading import read_plan  # noqa: E402
from suivi_excel.plan.template import write_plan  # noqa: E402

SERVICE = "Travaux publics"
OTHER = "Loisirs"
SHEET_XML = "xl/worksheets/sheet2.xml"  # the service tab of a per-service form (set by build_plan)
PLAN_XML = "xl/worksheets/sheet6.xml"  # its very hidden plan sheet (set by build_plan)
LAST_CELL = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
GOOD_VALUES = {"2.1": {"Statut": "En cours", "Avancement (%)": 40}, "2.2": {"Statut": "Réalisée"},
               "2.3": {"Statut": "Non débutée"}}
SAVED = dt.datetime(2026, 12, 1, 12, tzinfo=dt.timezone.utc)


@dataclass
class Case:
    """One hostile file and what must become of it."""

    name: str
    file: str  # path inside the corpus folder
    expect: set[str]  # anomaly codes of which at least one must name the file (empty: none expected)
    statuses: dict[str, str] = field(default_factory=dict)  # values that must still be consolidated
    root_defeats: bool = False  # running as root makes the file readable anyway


def build_plan(folder: Path) -> tuple[Path, object]:
    """A small plan of two services and its forms for period 2026."""
    actions = [{"No": n, "Axe": "Mobilité", "Action": f"Action {n}", "Service responsable": SERVICE,
                "Début": 2025, "Fin": 2026} for n in ("2.1", "2.2", "2.3")]
    actions.append({"No": "1.1", "Axe": "Loisirs", "Action": "Fête", "Service responsable": OTHER})
    plan = write_plan(folder / "plan.xlsx", actions, [{"Service": SERVICE}, {"Service": OTHER}],
                      {"Municipalité": "Corpusville", "Titre du plan": "Plan hostile"})
    forms = generate(read_plan(plan), Options(parse_period("2026")), folder / "suivi.xlsx", folder / "envois")
    _find_parts(forms.per_service[SERVICE])
    return plan, forms


def _find_parts(form: Path) -> None:
    """The zip parts of the service tab and of the hidden plan in a per-service form, found in the form
    itself (the tabs before them change as the forms gain some)."""
    global SHEET_XML, PLAN_XML

    from suivi_excel.core.sheet_targets import sheet_targets
    from suivi_excel.core.tabs import TAB_PLAN

    with zipfile.ZipFile(form) as archive:
        parts = dict(sheet_targets(archive.read("xl/workbook.xml"), archive.read("xl/_rels/workbook.xml.rels")))
    SHEET_XML, PLAN_XML = parts[SERVICE], parts[TAB_PLAN]


def _good(forms, target: Path, values=GOOD_VALUES) -> Path:
    return fill_form(forms.per_service[SERVICE], target, values, saved=SAVED)


def _rezip(source: Path, target: Path, edit: Callable[[str, bytes], bytes | None] = lambda n, d: d,
           extra: dict[str, bytes] | None = None) -> Path:
    """Copy a zip part by part; `edit` may change or drop (None) each part."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = edit(item.filename, old.read(item.filename))
            if data is not None:
                new.writestr(item.filename, data)
        for name, data in (extra or {}).items():
            new.writestr(name, data)
    return target


def _in_sheet(forms, target: Path, replace: Callable[[bytes], bytes]) -> Path:
    source = _good(forms, target.with_suffix(".src.xlsx"))
    _rezip(source, target, lambda n, d: replace(d) if n == SHEET_XML else d)
    source.unlink()
    return target


def _zeros_deflated(megabytes: int) -> tuple[bytes, int]:
    """A raw deflate stream of `megabytes` MB of zeros, built without compressing them all."""
    block = b"\0" * (1 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    unit = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)  # independent of what precedes
    crc = 0
    for _ in range(megabytes):
        crc = zlib.crc32(block, crc)
    return unit * megabytes + b"\x03\x00", crc


def _raw_zip(target: Path, parts: list[tuple[str, bytes, int, int, int]], aliases: list[str] = ()) -> Path:
    """Write a zip by hand: parts are (name, data, method, crc, declared size); aliases are extra
    central-directory names pointing at the first part's data (overlapping entries)."""
    body, directory, offsets = bytearray(), bytearray(), []
    for name, data, method, crc, size in parts:
        offsets.append(len(body))
        raw = name.encode()
        body += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0, crc, len(data), size, len(raw), 0)
        body += raw + data
    entries = [(p[0], p, o) for p, o in zip(parts, offsets)] + [(a, parts[0], offsets[0]) for a in aliases]
    for name, (_n, data, method, crc, size), offset in entries:
        raw = name.encode()
        directory += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0, crc, len(data),
                                 size, len(raw), 0, 0, 0, 0, 0, offset) + raw
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(directory), len(body), 0)
    target.write_bytes(bytes(body + directory + end))
    return target


_SST = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_SST_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
_L2 = rb'<c r="L2"[^>]*?(/>|>.*?</c>)'


def _shared_strings(forms, target: Path, part: str = "xl/sharedStrings.xml", prefix: bytes = b"",
                    encoding: str = "utf-8", strings: bytes = b"") -> Path:
    """A good return whose status in L2 is a shared string, as Excel and LibreOffice write them;
    `prefix` goes after the XML declaration of the strings part, which is named `part`."""
    source = _good(forms, target.with_suffix(".src.xlsx"))
    strings = (f'<?xml version="1.0" encoding="{encoding.upper()}"?>'.encode() + prefix +
               b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
               b"<si><t>En cours</t></si>" + strings + b"</sst>").decode().encode(encoding)
    short = part.split("/", 1)[1]

    def edit(name: str, data: bytes) -> bytes:
        if name == SHEET_XML:
            return re.sub(_L2, b'<c r="L2" t="s"><v>0</v></c>', data, count=1)
        if name == "[Content_Types].xml":
            return data.replace(b"</Types>", f'<Override PartName="/{part}" ContentType="{_SST}"/></Types>'.encode())
        if name == "xl/_rels/workbook.xml.rels":
            return data.replace(b"</Relationships>", f'<Relationship Type="{_SST_REL}" Target="{short}" '
                                f'Id="rId99"/></Relationships>'.encode())
        return data

    _rezip(source, target, edit, extra={part: strings})
    source.unlink()
    return target


def _after_declaration(data: bytes, inserted: bytes) -> bytes:
    end = data.index(b"?>") + 2 if data.startswith(b"<?xml") else 0
    return data[:end] + inserted + data[end:]


_WORKBOOK = b'<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'


def build_corpus(folder: Path) -> tuple[Path, list[Case]]:
    """Write every case into `folder` / "retours"; returns the plan path and the cases."""
    folder.mkdir(parents=True, exist_ok=True)
    plan, forms = build_plan(folder)
    out = folder / "retours"
    out.mkdir(exist_ok=True)
    cases: list[Case] = []

    def case(name: str, file: str, expect: set[str], **kw) -> Path:
        cases.append(Case(name, file, expect, **kw))
        return out / file

    _good(forms, case("retour valide (témoin)", "temoin.xlsx", set(), statuses={"2.1": "En cours"}))

    # -- bombs and sizes
    zeros, crc = _zeros_deflated(300)
    _raw_zip(case("bombe zip : 300 Ko qui se déclarent 3 Go (entrées superposées)", "bombe-zip.xlsx",
                  {"file-too-large"}),
             [("xl/worksheets/sheet1.xml", zeros, 8, crc, 300 << 20), ("xl/workbook.xml", _WORKBOOK, 0,
                                                                       zlib.crc32(_WORKBOOK), len(_WORKBOOK))],
             aliases=[f"xl/worksheets/sheet{i}.xml" for i in range(2, 11)])
    _raw_zip(case("bombe zip à taille déclarée mensongère", "bombe-menteuse.xlsx", {"file-unreadable"}),
             [("xl/workbook.xml", _WORKBOOK, 0, zlib.crc32(_WORKBOOK), len(_WORKBOOK)),
              ("xl/worksheets/sheet1.xml", zeros[: 60 * len(zeros) // 300] + b"\x03\x00", 8, crc, 1000)])
    lol = b'<!DOCTYPE lolz [<!ENTITY lol "lol">' + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10)) + b"]>"
    source = _good(forms, out / "tmp-xml.xlsx")
    _rezip(source, case("bombe XML (entités)", "bombe-xml.xlsx", {"file-hostile"}),
           lambda n, d: lol + d if n == "xl/workbook.xml" else d)
    # every part a reader parses is checked, whatever it is named and however it is encoded
    _shared_strings(forms, case("chaînes partagées, comme les écrit Excel (témoin)", "chaines-partagees.xlsx",
                                set(), statuses={"2.1": "En cours"}))
    _shared_strings(forms, case("bombe XML dans sharedStrings.xml", "bombe-chaines.xlsx", {"file-hostile"}),
                    prefix=lol)
    _shared_strings(forms, case("bombe XML dans une table de chaînes au nom en majuscules",
                                "bombe-chaines-nom.xlsx", {"file-hostile"}), part="xl/Strings.XML", prefix=lol)
    _shared_strings(forms, case("bombe XML dans une table de chaînes en UTF-16", "bombe-chaines-utf16.xlsx",
                                {"file-hostile"}), prefix=lol, encoding="utf-16")
    _rezip(source, case("bombe XML dans styles.xml", "bombe-styles.xlsx", {"file-hostile"}),
           lambda n, d: _after_declaration(d, lol) if n == "xl/styles.xml" else d)
    _rezip(source, case("bombe XML dans l'onglet du service", "bombe-onglet.xlsx", {"file-hostile"}),
           lambda n, d: _after_declaration(d, lol) if n == SHEET_XML else d)
    # the service's tab stored under a name outside xl/worksheets/ is still bounded
    _rezip(source, case("onglet du service hors de xl/worksheets, jusqu'à XFD1048576", "onglet-deplace.xlsx",
                        {"file-too-large"}),
           lambda n, d: (None if n == SHEET_XML else
                         d.replace(f'Target="/{SHEET_XML}"'.encode(), b'Target="/xl/donnees.bin"')
                         if n == "xl/_rels/workbook.xml.rels" else d),
           extra={"xl/donnees.bin": zipfile.ZipFile(source).read(SHEET_XML).replace(b"</sheetData>", LAST_CELL)})
    source.unlink()
    _in_sheet(forms, case("feuille qui atteint la ligne 1 000 000", "million-lignes.xlsx", {"file-too-large"}),
              lambda d: d.replace(b"</sheetData>", b'<row r="1000000"><c r="A1000000" t="inlineStr"><is><t>x'
                                  b"</t></is></c></row></sheetData>"))
    _in_sheet(forms, case("cellule en XFD1048576", "derniere-cellule.xlsx", {"file-too-large"}),
              lambda d: d.replace(b"</sheetData>", LAST_CELL))
    # the same cell written as XML allows, every way a byte pattern could miss it (read as XML, not as bytes)
    main_ns = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    for label, file, cell in [
        ("guillemets simples", "guillemets-simples.xlsx",
         b"<row r='1048576'><c r='XFD1048576' t='inlineStr'><is><t>x</t></is></c></row>"),
        ("préfixe d'espace de noms", "prefixe.xlsx",
         b'<x:row xmlns:x="' + main_ns + b'" r="1048576"><x:c r="XFD1048576" t="inlineStr"><x:is><x:t>x</x:t>'
         b"</x:is></x:c></x:row>"),
        ("espaces autour de =", "espaces.xlsx",
         b'<row r = "1048576"><c r =\n"XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'),
        ("référence de caractère", "reference-caractere.xlsx",
         b'<row r="1048576"><c r="&#88;FD1048576" t="inlineStr"><is><t>x</t></is></c></row>'),
        ("> dans un attribut avant r", "chevron.xlsx",
         b'<row r="1048576"><c cm=">" r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'),
    ]:
        _in_sheet(forms, case(f"cellule en XFD1048576, {label}", file, {"file-too-large"}),
                  lambda d, cell=cell: d.replace(b"</sheetData>", cell + b"</sheetData>"))
    _in_sheet(forms, case("position de cellule illisible", "position-illisible.xlsx", {"file-hostile"}),
              lambda d: d.replace(b'<c r="L2"', b'<c r="L$2"', 1))
    many = b"".join(b"<si><t>%d</t></si>" % i for i in range(600_000))
    _shared_strings(forms, case("600 000 chaînes partagées (mémoire du lecteur)", "chaines-innombrables.xlsx",
                                {"file-too-large"}), strings=many)
    # the hidden plan sheet is parsed only when the plan must come from this file, and checked then
    source = _good(forms, out / "tmp-plan.xlsx")
    _rezip(source, case("cellule en XFD1048576 dans la feuille cachée du plan", "plan-piege.xlsx", set(),
                        statuses={"2.2": "Réalisée"}),
           lambda n, d: d.replace(b"</sheetData>", LAST_CELL) if n == PLAN_XML else d)
    # a packed plan that would inflate to 100 MB: bounded when the plan must come from this file
    squeezer, megabyte = zlib.compressobj(9), b"\0" * (1 << 20)  # built a megabyte at a time: the
    deflated = b"".join(squeezer.compress(megabyte) for _ in range(100)) + squeezer.flush()  # parent stays small
    inflating = "zlib64:" + base64.b64encode(deflated).decode()
    cells = "".join(f'<row r="{i + 1}"><c r="A{i + 1}" t="inlineStr"><is><t>{inflating[i * 30000:(i + 1) * 30000]}'
                    f"</t></is></c></row>" for i in range(-(-len(inflating) // 30000)))
    _rezip(source, case("plan caché qui se décompresse en 100 Mo", "plan-gonfle.xlsx", set(),
                        statuses={"2.2": "Réalisée"}),
           lambda n, d: re.sub(rb"<sheetData>.*</sheetData>|<sheetData/>", f"<sheetData>{cells}</sheetData>".encode(),
                               d, flags=re.S) if n == PLAN_XML else d)
    # …and a tab that points at that sheet under another case cannot slip past the check
    _rezip(source, case("onglet du service pointé sur la feuille piégée (autre casse)", "lien-piege.xlsx",
                        {"file-too-large"}),
           lambda n, d: (d.replace(b"</sheetData>", LAST_CELL) if n == PLAN_XML else
                         d.replace(f'Target="/{SHEET_XML}"'.encode(),
                                   f'Target="/{PLAN_XML.replace("sheet", "SHEET")}"'.encode())
                         if n == "xl/_rels/workbook.xml.rels" else d))
    source.unlink()
    _in_sheet(forms, case("feuille de 16 384 colonnes sur 5 000 lignes", "tres-large.xlsx", {"file-too-large"}),
              lambda d: d.replace(b"</sheetData>", b'<row r="5000"><c r="XFD5000" t="inlineStr"><is><t>x'
                                  b"</t></is></c></row></sheetData>"))
    _in_sheet(forms, case("dimension mensongère (A1:XFD1048576), contenu normal", "dimension.xlsx", set(),
                          statuses={"2.2": "Réalisée"}),
              lambda d: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', d))
    big = case("table de chaînes énormes (20 × 2,5 Mo)", "chaines-enormes.xlsx", {"file-unrelated"})
    book = xlsxwriter.Workbook(str(big))
    sheet = book.add_worksheet("Feuil1")
    for row in range(20):
        sheet.write_string(row, 0, chr(65 + row) * 2_500_000)
    book.close()
    sheets = [(f"xl/worksheets/sheet{i}.xml", b"<worksheet/>", 0, zlib.crc32(b"<worksheet/>"), 11)
              for i in range(1, 3001)]
    _raw_zip(case("3 000 feuilles", "milliers-de-feuilles.xlsx", {"file-too-large"}),
             [("xl/workbook.xml", _WORKBOOK, 0, zlib.crc32(_WORKBOOK), len(_WORKBOOK)), *sheets])
    huge = case("fichier de 30 Mo", "trop-gros.xlsx", {"file-too-large"})
    with open(huge, "wb") as handle:
        handle.write(b"PK\x03\x04")
        handle.truncate(30_000_000)  # sparse: costs no disk

    # -- not a workbook, or not one we can read
    from msoffcrypto.format.ooxml import OOXMLFile

    source = _good(forms, out / "tmp-clair.xlsx")
    with open(source, "rb") as plain, open(case("classeur protégé par mot de passe", "chiffre.xlsx",
                                                {"file-encrypted"}), "wb") as locked:
        OOXMLFile(plain).encrypt("secret", locked)
    source.unlink()
    case("ancien format .xls renommé .xlsx", "ancien.xlsx", {"file-not-xlsx"}).write_bytes(
        bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 4000)
    case("ancien format .xls", "ancien.xls", {"file-not-xlsx"}).write_bytes(
        bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 4000)
    with zipfile.ZipFile(case("classeur OpenDocument renommé", "libre.xlsx", {"file-not-xlsx"}), "w") as ods:
        ods.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        ods.writestr("content.xml", "<office:document-content/>")
    case("page HTML renommée", "page.xlsx", {"file-not-xlsx"}).write_text(
        "<!DOCTYPE html><html><body><table><tr><td>Statut</td></tr></table></body></html>")
    case("CSV renommé", "export.xlsx", {"file-not-xlsx"}).write_text("No;Statut\n2.1;En cours\n")
    case("CSV", "export.csv", {"file-not-xlsx"}).write_text("No;Statut\n2.1;En cours\n")
    book = xlsxwriter.Workbook(str(case("classeur vide", "vide.xlsx", {"file-unrelated"})))
    book.close()
    case("zéro octet", "zero.xlsx", {"file-unreadable"}).write_bytes(b"")
    source = _good(forms, out / "tmp-tronque.xlsx")
    data = source.read_bytes()
    source.unlink()
    case("zip tronqué", "tronque.xlsx", {"file-unreadable"}).write_bytes(data[: len(data) * 2 // 3])
    source = _good(forms, out / "tmp-rels.xlsx")
    _rezip(source, case("classeur sans _rels/.rels", "sans-rels.xlsx", {"file-unreadable"}),
           lambda n, d: None if n == "_rels/.rels" else d)
    source.unlink()
    with zipfile.ZipFile(case("zip sans classeur", "archive.xlsx", {"file-not-xlsx"}), "w") as archive:
        archive.writestr("lisez-moi.txt", "rien ici")
    case("dossier nommé x.xlsx", "dossier.xlsx", {"file-not-xlsx"}).mkdir()
    locked = _good(forms, case("fichier illisible (droits)", "illisible.xlsx", {"file-unreadable"},
                               root_defeats=True))
    locked.chmod(0)
    os.mkfifo(case("tube nommé .xlsx (bloquerait une lecture)", "tube.xlsx", {"file-not-xlsx"}))
    os.symlink("boucle.xlsx", case("lien symbolique en boucle", "boucle.xlsx", {"file-unreadable"}))
    os.symlink("absent.xlsx", case("lien symbolique brisé", "brise.xlsx", {"file-unreadable"}))

    # -- read for values, nothing run or followed
    source = _good(forms, out / "tmp-macro.xlsx")
    _rezip(source, case("classeur avec macros (.xlsm)", "macros.xlsm", set(), statuses={"2.1": "En cours"}),
           extra={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"Attribute VB_Name = \"Module1\"\nShell \"calc\""})
    source.unlink()
    link = '<c r="L3" t="str"><f>[1]Feuil1!$A$1</f><v>Réalisée</v></c>'.encode()
    _in_sheet(forms, case("liaison externe (valeur en cache lue, lien non suivi)", "liaison.xlsx", set(),
                          statuses={"2.2": "Réalisée"}),
              lambda d: re.sub(rb'<c r="L3"[^>]*?(/>|>.*?</c>)', link, d, count=1))
    formula = '<c r="L2" t="str"><f>"En "&amp;"cours"</f><v>En cours</v></c>'.encode()
    _in_sheet(forms, case("valeurs collées en formules", "formules.xlsx", set(), statuses={"2.1": "En cours"}),
              lambda d: re.sub(rb'<c r="L2"[^>]*?(/>|>.*?</c>)', formula, d, count=1))

    # -- forms damaged by hand (as a service would in Excel)
    def edited(name: str, file: str, expect: set[str], change: Callable, **kw) -> None:
        target = _good(forms, case(name, file, expect, **kw))
        book = openpyxl.load_workbook(target)
        change(book)
        book.save(target)
        set_saved_time(target, SAVED)

    edited("en-tête renommé", "entete-renomme.xlsx", {"header-missing"},
           lambda b: b[SERVICE].cell(row=1, column=12, value="Situation"))
    edited("en-tête effacé", "entete-efface.xlsx", {"header-missing"},
           lambda b: setattr(b[SERVICE].cell(row=1, column=13), "value", None))
    edited("ligne supprimée", "ligne-supprimee.xlsx", {"actions-missing"}, lambda b: b[SERVICE].delete_rows(3))
    edited("ligne insérée avec un numéro inconnu", "ligne-inseree.xlsx", {"action-unknown"},
           lambda b: (b[SERVICE].insert_rows(3), b[SERVICE].cell(row=3, column=1, value="9.9"),
                      b[SERVICE].cell(row=3, column=12, value="En cours")))
    edited("numéro en double", "doublon.xlsx", {"action-duplicate"},
           lambda b: b[SERVICE].cell(row=3, column=1, value="2.1"))
    edited("cellules fusionnées", "fusion.xlsx", set(), lambda b: b[SERVICE].merge_cells("L4:M4"),
           statuses={"2.1": "En cours"})
    edited("nombre énorme collé dans une date (le lecteur rapide abandonne)", "date-enorme.xlsx",
           {"date-unreadable"}, lambda b: b[SERVICE].cell(row=2, column=14, value=-106_751_991_169),
           statuses={"2.1": "En cours"})
    edited("données cachées supprimées", "sans-meta.xlsx", {"meta-recovered"}, lambda b: b.remove(b["_suivi"]),
           statuses={"2.2": "Réalisée"})
    edited("données cachées modifiées", "meta-modifiee.xlsx", {"meta-recovered"},
           lambda b: b["_suivi"].cell(row=4, column=2, value="2027"), statuses={"2.2": "Réalisée"})

    def copied(book):
        """What a service does when it pastes its tab's values into a new workbook."""
        rows = list(book[SERVICE].iter_rows(values_only=True))
        for name in list(book.sheetnames):
            book.remove(book[name])
        fresh = book.create_sheet("Feuil1")
        for row in rows:
            fresh.append(row)

    edited("onglet recopié dans un classeur neuf", "recopie.xlsx", {"meta-recovered"}, copied,
           statuses={"2.3": "Non débutée"})
    return plan, cases


def main() -> None:
    import tempfile

    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with tempfile.TemporaryDirectory() as temporary:
        # built in a process of its own: each measured process starts from this one, whose size the
        # system would count in every peak memory below
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
            plan, cases = pool.submit(build_corpus, Path(temporary)).result()
        exe = shutil.which("suivi-excel") or sys.executable
        base = [exe] if exe.endswith("suivi-excel") else [exe, "-m", "suivi_excel"]
        print(f"{'cas':<58} {'temps':>7} {'mémoire':>9}  anomalie")
        worst_time = worst_memory = 0.0
        for item in cases:
            run = measure([*base, "verifier", str(Path(temporary) / "retours" / item.file),
                           "--plan", str(plan), "--periode", "2026"])
            output, seconds, peak = run.output, run.seconds, run.peak_mb
            name = Path(item.file).name
            lines = [line.strip() for line in output.splitlines() if name in line]
            broken = "Traceback" in output or "panicked" in output or "backtrace" in output
            shown = "TRACE D'ERREUR AFFICHÉE" if broken else (lines[0] if lines else "aucune anomalie")
            worst_time, worst_memory = max(worst_time, seconds), max(worst_memory, peak)
            print(f"{item.name[:58]:<58} {seconds:6.2f}s {peak:7.0f} Mo  {shown[:110]}")
        print(f"\n{len(cases)} cas ; pire temps {worst_time:.2f} s ; pire mémoire {worst_memory:.0f} Mo "
              f"(processus complet « suivi-excel verifier »)")


if __name__ == "__main__":
    main()
