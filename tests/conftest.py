"""Shared helpers: plans written from inline rows, forms filled like services do, reports read back."""

from __future__ import annotations

import datetime as dt
import email
import hashlib
import os
import posixpath
import shutil
import socket
import subprocess
import uuid
import zipfile
from email import policy
from pathlib import Path

import pytest

# The libraries and the package are imported where they are used: under `-n 2` the process that hands
# tests to the workers loads this file too, and the workers wait for it before they start.

LOISIRS = "Service des loisirs"
TP = "Travaux publics"
COMM = "Service des communications et des relations avec les citoyens"

HEADERS = ("No", "Axe", "Action", "Service responsable", "Début", "Fin", "Budget prévu ($)")
ROWS = [
    ("1.1", "Loisirs et culture", "Fête de quartier annuelle", LOISIRS, 2025, 2026, 5000),
    ("1.2", "Loisirs et culture", "Cours d'aquaforme pour aînés", LOISIRS, 2025, 2027, 3000),
    ("2.1", "Mobilité", "Trottoir vers l'école", TP, 2025, 2026, 100000),
    ("2.10", "Mobilité", "Feux piétons allongés", TP, 2026, 2026, 8000),
    ("3.1", "Information", "Bottin des ressources", COMM, 2025, 2025, 2500),
]
SERVICES = [
    {"Service": LOISIRS, "Responsable": "Ana", "Courriel": "loisirs@ville.test"},
    {"Service": TP, "Responsable": "Bob", "Courriel": "tp@ville.test"},
    {"Service": COMM, "Responsable": "Chloé", "Courriel": ""},
]
PARAMETERS = {"Municipalité": "Ville-Test", "Titre du plan": "Plan PFM-MADA 2025-2027",
              "Coordonnateur": "Dominique", "Courriel du coordonnateur": "coord@ville.test"}


def write_test_plan(path: Path, rows=ROWS, headers=HEADERS, services=SERVICES, parameters=PARAMETERS) -> Path:
    """A plan workbook holding exactly these headers and rows, as a coordinator might type it."""
    import openpyxl

    book = openpyxl.Workbook()
    actions = book.active
    actions.title = "Actions"
    actions.append(list(headers))
    for row in rows:
        actions.append(list(row))
        for cell in actions[actions.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # typed as text: "=1+1" stays those characters
    listing = book.create_sheet("Services")
    listing.append(["Service", "Responsable", "Courriel"])
    for service in services:
        listing.append([service.get("Service"), service.get("Responsable"), service.get("Courriel")])
    settings = book.create_sheet("Paramètres")
    settings.append(["Paramètre", "Valeur"])
    for name, value in parameters.items():
        settings.append([name, value])
    for sheet in (listing, settings):
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
    book.save(path)
    return path


@pytest.fixture(scope="session")
def made_once(tmp_path_factory):
    """`made_once(name, make, into)`: the folder `make(folder)` writes, made the first time `name` is asked
    for in this run, then copied into `into` (a test's own tmp_path) for every test that asks; gives back
    what `make` returned, its paths moved to the copy.

    For what several tests start from and none may change (a plan, its forms, a history): each test works
    on its own copy, so no test sees what another did. `make` must write nothing that names its folder.
    """
    made: dict[str, tuple[Path, object]] = {}

    def copy(name: str, make, into: Path):
        if name not in made:
            folder = tmp_path_factory.mktemp(name)
            made[name] = folder, make(folder)
        folder, result = made[name]
        # copyfile: each copy gets its own times and a mode from the umask, as a file just written does
        shutil.copytree(folder, into, dirs_exist_ok=True, copy_function=shutil.copyfile)
        return _moved(result, folder, into)

    return copy


def _moved(value, source: Path, target: Path):
    """`value` with every path under `source` pointing to the same place under `target`."""
    from suivi_excel.forms.generation import Generated

    if isinstance(value, Path):
        return target / value.relative_to(source) if value.is_relative_to(source) else value
    if isinstance(value, Generated):
        return Generated(_moved(value.integrated, source, target),
                         {s: _moved(p, source, target) for s, p in value.per_service.items()}, dict(value.tabs))
    if isinstance(value, tuple):
        return tuple(_moved(v, source, target) for v in value)
    return value


def _generate(plan: Path, folder: Path, options: Options | None = None) -> Generated:
    """The integrated workbook (suivi-2026.xlsx) and the per-service ones (envois/) of `plan`, in `folder`."""
    from suivi_excel.core.periods import parse_period
    from suivi_excel.forms.generation import Options, generate
    from suivi_excel.plan.reading import read_plan

    options = options or Options(parse_period("2026"))
    return generate(read_plan(plan), options, folder / f"suivi-{options.period.label}.xlsx", folder / "envois")


@pytest.fixture
def plan_path(tmp_path: Path, made_once) -> Path:
    return made_once("plan", lambda folder: write_test_plan(folder / "plan.xlsx"), tmp_path)


@pytest.fixture
def forms(tmp_path: Path, plan_path: Path, made_once) -> Generated:
    """The generated integrated workbook and per-service workbooks for period 2026, in this test's
    tmp_path (copies of those written once: generating them again for each test cost a tenth of a
    second each)."""
    return made_once("forms", lambda folder: _generate(write_test_plan(folder / "plan.xlsx"), folder), tmp_path)


def fill(forms, service: str, values: dict, target: Path, saved: dt.datetime | None = None) -> Path:
    """A service's return: its own workbook with `values` typed in."""
    from suivi_excel.forms.simulate import fill_form

    saved = saved or dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.timezone.utc)
    return fill_form(forms.per_service[service], target, values, saved=saved)


def run(*args: object):
    """Run the CLI in-process as a user would type it; exceptions are not swallowed."""
    from click.testing import CliRunner

    from suivi_excel.cli.commands import main

    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def no_crash(result) -> bool:
    """The command raised nothing of its own: it ended by an exit code, and not that of a defect (3)."""
    return (result.exception is None or isinstance(result.exception, SystemExit)) and result.exit_code != 3


def consolidate_cli(returns: Path, report: Path, *extra: str):
    result = run("consolider", returns, "-o", report, *extra)
    assert result.exit_code == 0, result.output
    return result


def sheet(path: Path, name: str) -> pd.DataFrame:
    """A sheet of a written workbook, read back as a user's script would (header in row 1)."""
    import pandas as pd

    # only empty cells are missing: a service may well type "NA" or "NULL" in a comment
    return pd.read_excel(path, sheet_name=name, dtype=object, engine="calamine", keep_default_na=False,
                         na_values=[""])


def actions_by_no(report: Path) -> pd.DataFrame:
    return sheet(report, "Actions").set_index("No", drop=False)


def anomalies(report: Path) -> pd.DataFrame:
    return sheet(report, "Anomalies").fillna("")


def digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) n'est pas installé ici")


def soffice_convert(source: Path, out_dir: Path, target: str = "xlsx") -> Path:
    """Open `source` in LibreOffice headless and save it as `target` in `out_dir`."""
    profile = out_dir / f".lo-{uuid.uuid4().hex}"
    out_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                    "--convert-to", target, "--outdir", str(out_dir), str(source)],
                   check=True, capture_output=True, timeout=180, env={**os.environ, "HOME": str(out_dir)})
    shutil.rmtree(profile, ignore_errors=True)
    converted = out_dir / (source.stem + "." + target.split(":")[0])
    assert converted.exists(), f"LibreOffice n'a rien écrit pour {source}"
    return converted


def _part(archive: zipfile.ZipFile, base: str, target: str) -> str:
    """A relationship's target as a zip part name, relative to the part `base`."""
    return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(posixpath.dirname(base),
                                                                                                target))


def _rels(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type's last word, target part) of a part."""
    from defusedxml import ElementTree

    name = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
    if name not in archive.namelist():
        return {}
    root = ElementTree.fromstring(archive.read(name))
    return {r.get("Id"): (r.get("Type").rsplit("/", 1)[-1], _part(archive, part, r.get("Target"))) for r in root}


def charts_of(path: Path, sheet_name: str) -> list[tuple[str, str]]:
    """The native charts a sheet shows, as Excel finds them in the file: (chart type, title) each."""
    from defusedxml import ElementTree

    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    chart_ns = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
    with zipfile.ZipFile(path) as archive:
        workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        sheet_id = next(s.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
                        for s in workbook.iter(f"{main}sheet") if s.get("name") == sheet_name)
        sheet_part = _rels(archive, "xl/workbook.xml")[sheet_id][1]
        found = []
        for kind, drawing in _rels(archive, sheet_part).values():
            if kind != "drawing":
                continue
            for chart_kind, chart in _rels(archive, drawing).values():
                if chart_kind != "chart":
                    continue
                root = ElementTree.fromstring(archive.read(chart))
                plot = root.find(f"{chart_ns}chart/{chart_ns}plotArea")
                kind_name = next(c.tag.split("}")[1] for c in plot if c.tag.endswith("Chart"))
                heading = root.find(f"{chart_ns}chart/{chart_ns}title")
                drawing_text = "{http://schemas.openxmlformats.org/drawingml/2006/main}t"
                title = "".join(t.text or "" for t in heading.iter(drawing_text)) if heading is not None else ""
                found.append((kind_name, title))
    return found


def hyperlinks_in(path: Path) -> list[str]:
    """Every hyperlink a workbook holds (cell links and link relationships), by part."""
    with zipfile.ZipFile(path) as archive:
        return [name for name in archive.namelist()
                if (name.startswith("xl/worksheets/") and b"<hyperlink" in archive.read(name))
                or (name.endswith(".rels") and b"relationships/hyperlink" in archive.read(name))]


def as_plain_user(command: list) -> list:
    """`command` run without the right to read or write what permissions forbid, even as root (CI runs as
    root, where a chmod alone proves nothing)."""
    if os.geteuid() != 0:
        return [str(part) for part in command]
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("root sans setpriv : les droits d'accès ne s'appliquent pas")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search", *map(str, command)]


def sheet_names_of(path: Path) -> list[str]:
    """The tabs of a workbook, in order, as Excel lists them (the file is closed again)."""
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return book.sheetnames
    finally:
        book.close()


class Mailbox:
    """An SMTP handler that keeps what it receives and can misbehave on purpose."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], email.message.EmailMessage]] = []
        self.refuse: set[str] = set()
        self.drop_on: int | None = None  # close the connection on this DATA (1-based)
        self.datas = 0

    async def handle_RCPT(self, server, session, envelope, address, options):
        if address in self.refuse:
            return "550 5.1.1 Adresse inconnue"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.datas += 1
        if self.drop_on == self.datas:
            server.transport.close()
            return "421 4.3.0 fermeture"
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append((list(envelope.rcpt_tos), message))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp(monkeypatch):
    from aiosmtpd.controller import Controller

    box = Mailbox()
    port = free_port()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    for key, value in {"HOST": "127.0.0.1", "PORT": str(port), "SECURITE": "aucune",
                       "FROM": "coord@ville.test"}.items():
        monkeypatch.setenv(f"SUIVI_SMTP_{key}", value)
    yield box
    controller.stop()
