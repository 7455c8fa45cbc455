"""Benchmark `generer` and `consolider` as whole processes, next to references on the same files.

Sizes: S = 150 actions / 15 services, M = 600 / 60, L = 3,000 / 300 (a stress: 5x the
largest real plan). For each size, every per-service form is filled (not timed), then:
- generer: `suivi-excel generer --par-service`, next to "what users see": xlsxwriter writing
  the integrated workbook and each service's workbook with their rows, dropdowns and protection,
  and no hidden plan; and next to bare xlsxwriter writing the same cells and the plain plan JSON;
- consolider: `suivi-excel consolider`, next to the floor (python-calamine parsing every
  sheet of every returned file, nothing else), the naive script
  (`pandas.read_excel(engine="openpyxl")` on every sheet of every file, then `pd.concat`),
  and the bare report: a process that imports pandas and writes the cells of the report
  `consolider` wrote with bare xlsxwriter, the least any consolidation writing that
  report with this stack can cost.
Then the committee's bilan of the S plan (150 actions): `suivi-excel bilan --annee 2026 --sans-pdf` from
the history `consolider` wrote, next to the libraries alone (a process that imports pandas, matplotlib
and docxtpl, draws an empty chart and fills an empty template): the goal is under 3 s.
Then the regional roll-up: one municipality's report (50 actions, 8 services, made by
`consolider`) copied as N municipalities' (1,000 by default), each with its own name and plan in
its properties; `suivi-excel regrouper` next to the naive script (`pandas.read_excel` with its
default engine on each report's Actions sheet, `pd.concat`, counts per municipality and status,
`to_excel` of the result with its default engine).
Times are wall seconds of whole processes; memory is the peak resident set.

Run: python scripts/bench.py [--tailles S,M,L] [--regrouper 1000] [--dossier DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import os
import platform
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import measure  # noqa: E402

SIZES = {"S": (150, 15), "M": (600, 60), "L": (3000, 300)}
AXES = ["Aménagement et habitation", "Transport et mobilité", "Loisirs, culture et vie communautaire",
        "Sécurité", "Santé et services de proximité", "Information et participation citoyenne"]
STATUSES = ["Non débutée", "En cours", "Réalisée", "En continu", "Reportée", "Abandonnée"]

FLOOR = """
import sys
from pathlib import Path
from python_calamine import CalamineWorkbook
cells = 0
for path in sorted(Path(sys.argv[1]).rglob("*.xlsx")):
    book = CalamineWorkbook.from_path(str(path))
    for name in book.sheet_names:
        cells += sum(len(r) for r in book.get_sheet_by_name(name).to_python())
print(cells)
"""
NAIVE = """
import sys
from pathlib import Path
import pandas as pd
frames = []
for path in sorted(Path(sys.argv[1]).rglob("*.xlsx")):
    frames.extend(pd.read_excel(path, sheet_name=None, engine="openpyxl").values())
print(len(pd.concat(frames)))
"""
REPORT_CELLS = """
import pickle, sys
from python_calamine import CalamineWorkbook
book = CalamineWorkbook.from_path(sys.argv[1])
sheets = {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}
with open(sys.argv[2], "wb") as handle:
    pickle.dump(sheets, handle)
"""
BARE_REPORT = """
import pickle, sys
import pandas, xlsxwriter
with open(sys.argv[1], "rb") as handle:
    sheets = pickle.load(handle)
book = xlsxwriter.Workbook(sys.argv[2])
for name, rows in sheets.items():
    sheet = book.add_worksheet(name)
    for r, row in enumerate(rows):
        sheet.write_row(r, 0, row)
book.close()
"""
NAIVE_ROLLUP = """
import sys
from pathlib import Path
import pandas as pd
frames = []
for path in sorted(Path(sys.argv[1]).glob("*.xlsx")):
    frame = pd.read_excel(path, sheet_name="Actions")
    frame.insert(0, "Municipalité", path.stem)
    frames.append(frame)
actions = pd.concat(frames, ignore_index=True)
counts = actions.groupby(["Municipalité", "Statut"]).size().unstack(fill_value=0)
with pd.ExcelWriter(sys.argv[2]) as writer:
    counts.to_excel(writer, sheet_name="Municipalités")
    actions.to_excel(writer, sheet_name="Actions", index=False)
print(len(actions))
"""
BARE = """
import sys, json
from pathlib import Path
import xlsxwriter
sys.path.insert(0, sys.argv[3])
from suivi_excel.plan.reading import read_plan
plan = read_plan(sys.argv[1])
out = Path(sys.argv[2]); out.mkdir(parents=True, exist_ok=True)
payload = plan.to_json()
columns = list(plan.actions.columns) + ["Statut", "Avancement (%)", "Date de début réelle", "Date de fin réelle",
    "Dépenses réelles ($)", "Résultat de l'indicateur", "Besoin de soutien", "Obstacles", "Commentaires"]
rows = {s: [[str(v) if v is not None else "" for v in r] for r in plan.service_actions(s).itertuples(index=False)]
        for s in plan.services["Service"]}
def book(path, services):
    wb = xlsxwriter.Workbook(str(path))
    for index, service in enumerate(services):
        ws = wb.add_worksheet(f"S{index}")
        ws.write_row(0, 0, columns)
        for r, row in enumerate(rows[service], start=1):
            ws.write_row(r, 0, row)
    meta = wb.add_worksheet("meta")
    for i in range(0, len(payload), 30000):
        meta.write_string(0, i // 30000, payload[i:i + 30000])
    wb.close()
book(out / "integre.xlsx", list(rows))
for index, service in enumerate(rows):
    book(out / f"s{index}.xlsx", [service])
"""


USERS_SEE = """
import sys
from pathlib import Path
import xlsxwriter
sys.path.insert(0, sys.argv[3])
from suivi_excel.plan.reading import read_plan
plan = read_plan(sys.argv[1])
out = Path(sys.argv[2]); out.mkdir(parents=True, exist_ok=True)
tracking = ["Statut", "Avancement (%)", "Date de début réelle", "Date de fin réelle", "Dépenses réelles ($)",
            "Résultat de l'indicateur", "Besoin de soutien", "Obstacles", "Commentaires"]
rules = [{"validate": "list", "source": "=Listes!$A$2:$A$7"}, {"validate": "integer", "criteria": "between",
         "minimum": 0, "maximum": 100}, {"validate": "date", "criteria": ">=", "value": __import__("datetime").date(2000, 1, 1)},
         {"validate": "date", "criteria": ">=", "value": __import__("datetime").date(2000, 1, 1)},
         {"validate": "decimal", "criteria": ">=", "value": 0}, {"validate": "any"},
         {"validate": "list", "source": "=Listes!$B$2:$B$3"}, {"validate": "any"}, {"validate": "any"}]
columns = list(plan.actions.columns) + tracking
rows = {s: [[str(v) if v is not None else "" for v in r] for r in plan.service_actions(s).itertuples(index=False)]
        for s in plan.services["Service"]}
def book(path, services):
    wb = xlsxwriter.Workbook(str(path))
    locked, free = wb.add_format({"locked": True}), wb.add_format({"locked": False})
    wb.add_worksheet("Instructions").write_column(0, 0, ["Suivi du plan d'action"] * 30)
    for index, service in enumerate(services):
        ws = wb.add_worksheet(f"S{index}")
        ws.write_row(0, 0, columns)
        for r, row in enumerate(rows[service], start=1):
            ws.write_row(r, 0, row, locked)
        first = len(plan.actions.columns)
        for offset, rule in enumerate(rules):
            ws.set_column(first + offset, first + offset, 12, free)
            if rows[service]:
                ws.data_validation(1, first + offset, len(rows[service]), first + offset, rule)
        ws.protect()
    lists = wb.add_worksheet("Listes")
    lists.write_column(1, 0, ["Non débutée", "En cours", "Réalisée", "En continu", "Reportée", "Abandonnée"])
    lists.write_column(1, 1, ["Oui", "Non"])
    wb.close()
book(out / "integre.xlsx", list(rows))
for index, service in enumerate(rows):
    book(out / f"s{index}.xlsx", [service])
"""


def build_plan(folder: Path, actions: int, services: int) -> Path:
    from suivi_excel.plan.template import write_plan

    names = [f"Service {i:03d} — {AXES[i % 6].split(',')[0].lower()} et développement communautaire"
             for i in range(services)]
    rows = []
    for index in range(actions):
        axe = index % 6
        rows.append({"No": f"{axe + 1}.{index // 6 + 1}", "Axe": AXES[axe], "Objectif": f"Objectif {axe + 1}",
                     "Action": f"Action numéro {index} : offrir un service de proximité aux familles et aux aînés",
                     "Service responsable": names[index % services], "Partenaires": "Organismes du milieu",
                     "Début": 2025, "Fin": 2026 + index % 3, "Budget prévu ($)": 1000 * (index % 50),
                     "Indicateur": "Nombre de participants", "Cible": "100 personnes"})
    write_plan(folder / "plan.xlsx", rows, [{"Service": n, "Courriel": f"s{i}@ville.test"}
                                            for i, n in enumerate(names)],
               {"Municipalité": "Ville-Banc-d'essai", "Titre du plan": "Plan de mesure"})
    return folder / "plan.xlsx"


def _fill_one(args: tuple[str, str, int]) -> None:
    import openpyxl

    from suivi_excel.core.text import action_number
    from suivi_excel.forms.simulate import fill_form

    source, target, seed = args
    book = openpyxl.load_workbook(source, read_only=True)
    sheet = book.worksheets[1]
    numbers = [action_number(r[0]) for r in sheet.iter_rows(min_row=2, values_only=True) if r and r[0]]
    book.close()
    values = {}
    for offset, number in enumerate(numbers):
        status = STATUSES[(seed + offset) % 6]
        values[number] = {"Statut": status, "Avancement (%)": 100 if status == "Réalisée" else 40,
                          "Date de début réelle": dt.datetime(2026, 3, 1 + offset % 28),
                          "Dépenses réelles ($)": 1234.5, "Besoin de soutien": "Non",
                          "Résultat de l'indicateur": f"{40 + offset % 90} personnes",
                          "Commentaires": "Bonne participation des familles."}
        if offset % 7 == 0:
            values[number]["Bon coup"] = "Une liste d'attente dès la première semaine."
    fill_form(Path(source), Path(target), values, saved=dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc))


def fill_returns(forms: Path, returns: Path) -> int:
    returns.mkdir(parents=True, exist_ok=True)
    jobs = [(str(p), str(returns / f"retour-{i:03d}.xlsx"), i) for i, p in enumerate(sorted(forms.glob("*.xlsx")))]
    with multiprocessing.Pool(2) as pool:
        pool.map(_fill_one, jobs)
    return len(jobs)


def run_size(label: str, folder: Path, command: list[str]) -> list[tuple]:
    actions, services = SIZES[label]
    folder.mkdir(parents=True, exist_ok=True)
    plan = build_plan(folder, actions, services)
    python = sys.executable
    repo = str(Path(__file__).resolve().parents[1])
    rows = []
    gen = measure([*command, "generer", plan, "-p", "2026", "-o", folder / "suivi.xlsx", "--par-service",
                   folder / "envois", "--historique", folder / "h.sqlite"])
    assert gen.code == 0, gen.output
    bare = measure([python, "-c", BARE, plan, folder / "bare", repo])
    assert bare.code == 0, bare.output
    seen = measure([python, "-c", USERS_SEE, plan, folder / "vu", repo])
    assert seen.code == 0, seen.output
    count = fill_returns(folder / "envois", folder / "retours")
    con = measure([*command, "consolider", folder / "retours", "-o", folder / "rapport.xlsx", "--historique",
                   folder / "h.sqlite"])
    assert con.code == 0, con.output
    floor = measure([python, "-c", FLOOR, folder / "retours"])
    naive = measure([python, "-c", NAIVE, folder / "retours"])
    cells = measure([python, "-c", REPORT_CELLS, folder / "rapport.xlsx", folder / "rapport.pickle"])  # not timed
    assert cells.code == 0, cells.output
    report = measure([python, "-c", BARE_REPORT, folder / "rapport.pickle", folder / "rapport-nu.xlsx"])
    assert report.code == 0, report.output
    rows.append((label, f"{actions} actions / {services} services / {count} retours", gen, bare, seen, con, floor,
                 naive, report))
    return rows


LIBRARIES = """
import io, sys
import pandas, matplotlib
from matplotlib.figure import Figure
from docxtpl import DocxTemplate
figure = Figure()
axes = figure.subplots()
axes.barh([0, 1], [1, 2])
figure.savefig(io.BytesIO(), format="png", dpi=150)
document = DocxTemplate(sys.argv[1])
document.render({})
document.save(sys.argv[2])
"""


def run_bilan(folder: Path, command: list[str]) -> tuple:
    """The bilan of the plan consolidated in `folder`, next to its libraries alone."""
    import docx

    empty = folder / "vide.docx"
    docx.Document().save(str(empty))
    bilan = measure([*command, "bilan", "--annee", "2026", "--historique", folder / "h.sqlite", "-o",
                     folder / "bilan-2026.docx", "--sans-pdf", "--ecraser"])
    assert bilan.code == 0, bilan.output
    libraries = measure([sys.executable, "-c", LIBRARIES, empty, folder / "vide-rempli.docx"])
    assert libraries.code == 0, libraries.output
    return bilan, libraries


def copy_report(source: Path, target: Path, municipality: str) -> None:
    """The same report as another municipality's: its name and plan identity changed in its properties."""
    import re
    import zipfile

    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "docProps/custom.xml":
                for name, value in (("Municipalité", municipality), ("Identité du plan", f"id-{municipality}")):
                    data = re.sub(rf'(name="{name}"><vt:lpwstr>)[^<]*'.encode(), rb"\g<1>" + value.encode(), data)
            new.writestr(item, data)


def run_rollup(folder: Path, count: int, command: list[str]) -> tuple:
    folder.mkdir(parents=True, exist_ok=True)
    plan = build_plan(folder, 50, 8)
    gen = measure([*command, "generer", plan, "-p", "2026", "-o", folder / "suivi.xlsx", "--par-service",
                   folder / "envois", "--historique", folder / "h.sqlite"])
    assert gen.code == 0, gen.output
    fill_returns(folder / "envois", folder / "retours")
    con = measure([*command, "consolider", folder / "retours", "-o", folder / "rapport.xlsx", "--historique",
                   folder / "h.sqlite"])
    assert con.code == 0, con.output
    reports = folder / "rapports"
    reports.mkdir(exist_ok=True)
    for index in range(count):
        copy_report(folder / "rapport.xlsx", reports / f"rapport-{index:04d}.xlsx", f"Municipalité {index:04d}")
    os.sync()  # the copies just written are flushed before anything is timed
    rollup = measure([*command, "regrouper", reports, "-o", folder / "bilan-regional.xlsx"])
    assert rollup.code == 0, rollup.output
    naive = measure([sys.executable, "-c", NAIVE_ROLLUP, reports, folder / "naif.xlsx"])
    assert naive.code == 0, naive.output
    return count, count * 50, rollup, naive


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tailles", default="S,M,L")
    parser.add_argument("--dossier", type=Path)
    parser.add_argument("--regrouper", type=int, default=1000, help="rapports à regrouper (0 : aucun)")
    arguments = parser.parse_args()
    exe = shutil.which("suivi-excel")
    command = [exe] if exe else [sys.executable, "-m", "suivi_excel"]
    folder = arguments.dossier or Path(tempfile.mkdtemp(prefix="suivi-bench-"))
    help_run = min((measure([*command, "--help"]) for _ in range(5)), key=lambda m: m.seconds)
    results = []
    for label in arguments.tailles.split(","):
        results.extend(run_size(label.strip(), folder / label.strip(), command))
    print(f"Machine : {platform.machine()}, {multiprocessing.cpu_count()} cœurs, Python {platform.python_version()}, "
          f"{platform.system()} — dossier {folder}")
    print(f"suivi-excel --help : {help_run.seconds:.2f} s")
    print()
    print("| taille | données | generer | ce que voient les utilisateurs | ratio | xlsxwriter nu | consolider "
          "| plancher calamine | ratio | script naïf | naïf ÷ consolider | rapport nu | naïf ÷ rapport nu "
          "| mémoire max consolider | S de bout en bout |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for label, data, gen, bare, seen, con, floor, naive, report in results:
        end_to_end = f"{gen.seconds + con.seconds:.2f} s" if label == "S" else ""
        print(f"| {label} | {data} | {gen.seconds:.2f} s | {seen.seconds:.2f} s | {gen.seconds / seen.seconds:.2f}× "
              f"| {bare.seconds:.2f} s | {con.seconds:.2f} s | {floor.seconds:.2f} s "
              f"| {con.seconds / floor.seconds:.2f}× | {naive.seconds:.2f} s | {naive.seconds / con.seconds:.1f}× "
              f"| {report.seconds:.2f} s | {naive.seconds / report.seconds:.1f}× | {con.peak_mb:.0f} Mo | {end_to_end} |")
    if len(results) > 1:
        by_size = {r[0]: r for r in results}
        if "M" in by_size and "L" in by_size:
            print(f"\ngenerer de M à L : ×{by_size['L'][2].seconds / by_size['M'][2].seconds:.1f} "
                  f"(le plan : ×{SIZES['L'][0] / SIZES['M'][0]:.0f})")
    sizes = [label.strip() for label in arguments.tailles.split(",")]
    if sizes:
        label = min(sizes, key=lambda size: SIZES[size][0])
        bilan, libraries = run_bilan(folder / label, command)
        print()
        print("| bilan | actions | bilan (Word, sans PDF) | bibliothèques seules | ratio | objectif |")
        print("|---|---|---|---|---|---|")
        print(f"| {label} | {SIZES[label][0]} | {bilan.seconds:.2f} s | {libraries.seconds:.2f} s "
              f"| {bilan.seconds / libraries.seconds:.2f}× | moins de 3 s |")
    if arguments.regrouper:
        count, actions, rollup, naive = run_rollup(folder / "region", arguments.regrouper, command)
        print()
        print("| rapports | actions | regrouper | script naïf | naïf ÷ regrouper | mémoire max regrouper |")
        print("|---|---|---|---|---|---|")
        print(f"| {count} | {actions} | {rollup.seconds:.2f} s | {naive.seconds:.2f} s "
              f"| {naive.seconds / rollup.seconds:.1f}× | {rollup.peak_mb:.0f} Mo |")


if __name__ == "__main__":
    main()
