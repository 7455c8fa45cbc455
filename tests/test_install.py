"""A regular install (not editable) ships modeles/ and runs the demo, as the README's first command does."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # whole processes or many generated cases

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_ships_the_models_and_the_installed_demo_runs(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                    tmp_path / "wheel", ROOT], check=True, capture_output=True, timeout=300)
    wheel = next((tmp_path / "wheel").glob("suivi_excel-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for model in ("plan-exemple.xlsx", "courriel-formulaire.txt", "courriel-relance.txt", "courriel-rapport.txt"):
        assert f"suivi_excel/modeles/{model}" in names
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", tmp_path / "site",
                    wheel], check=True, capture_output=True, timeout=300)
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}
    done = subprocess.run([sys.executable, "-m", "suivi_excel", "demo", tmp_path / "essai"], capture_output=True,
                          text=True, env=env, cwd=tmp_path, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "essai" / "rapport-2026.xlsx").exists()
    located = subprocess.run([sys.executable, "-c", "import suivi_excel.core.resources as r; print(r.models_dir())"],
                             capture_output=True, text=True, env=env, cwd=tmp_path, check=True).stdout.strip()
    assert Path(located) == tmp_path / "site" / "suivi_excel" / "modeles"
