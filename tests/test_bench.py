"""The benchmark still runs (size S) and prints its table; its timings are not judged here."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import sheet_names_of

pytestmark = pytest.mark.slow  # whole processes or many generated cases

BENCH = Path(__file__).resolve().parents[1] / "scripts" / "bench.py"


def test_benchmark_runs_at_size_s_and_prints_figures(tmp_path):
    done = subprocess.run([sys.executable, BENCH, "--tailles", "S", "--regrouper", "45", "--dossier", tmp_path],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    row = next(line for line in done.stdout.splitlines() if line.startswith("| S |"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[1] == "150 actions / 15 services / 15 retours"
    assert all(re.fullmatch(r"\d+\.\d\d s", c) for c in (cells[2], cells[3], cells[5], cells[6], cells[7], cells[9],
                                                         cells[11], cells[14]))
    assert re.fullmatch(r"\d+ Mo", cells[13])
    assert re.search(r"suivi-excel --help : \d+\.\d\d s", done.stdout)
    # the report it consolidated is a real one
    assert (tmp_path / "S" / "rapport.xlsx").stat().st_size > 10_000
    # and the bare report holds the same sheets

    assert sheet_names_of(tmp_path / "S" / "rapport-nu.xlsx") == \
        sheet_names_of(tmp_path / "S" / "rapport.xlsx")
    # the bilan of the 150 actions, a real Word document
    bilan = next(line for line in done.stdout.splitlines() if line.startswith("| S | 150 |"))
    cells = [c.strip() for c in bilan.strip("|").split("|")]
    assert re.fullmatch(r"\d+\.\d\d s", cells[2]) and re.fullmatch(r"\d+\.\d\d s", cells[3])
    assert zipfile.is_zipfile(tmp_path / "S" / "bilan-2026.docx")
    # the roll-up of 45 reports, read by worker processes, next to the naive script
    rollup = next(line for line in done.stdout.splitlines() if line.startswith("| 45 |"))
    cells = [c.strip() for c in rollup.strip("|").split("|")]
    assert cells[1] == "2250" and re.fullmatch(r"\d+\.\d\d s", cells[2]) and re.fullmatch(r"\d+ Mo", cells[5])
    assert sheet_names_of(tmp_path / "region" / "bilan-regional.xlsx")[0] == "Tableau de bord"
