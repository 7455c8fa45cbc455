"""The region's tables pass their headers from the roll-up to the workbook and to `regrouper`'s summary by
name (`region/headers.py`), and the readers of the municipalities' reports stay light."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from suivi_excel.region import headers

PACKAGE = Path(__file__).resolve().parents[1] / "suivi_excel"
REGION_WORDS = {value for name, value in vars(headers).items() if name.isupper() and isinstance(value, str)}


def test_the_region_s_headers_are_spelt_only_where_they_are_declared():
    # a header spelt again in the roll-up, the workbook or the summary would be a key a typo breaks
    spelt = []
    for path in sorted([*(PACKAGE / "region").glob("*.py"), *(PACKAGE / "cli").glob("*.py")]):
        if path.name == "headers.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        spelt += [f"{path.relative_to(PACKAGE)}:{node.lineno}: {node.value!r}" for node in ast.walk(tree)
                  if isinstance(node, ast.Constant) and node.value in REGION_WORDS]
    assert spelt == [], "\n".join(spelt)


def test_the_readers_of_reports_load_no_pandas():
    # each report is read in a worker process (core/isolation): pandas would cost each one its import time
    code = "import sys, suivi_excel.region.reports; print('pandas' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
