"""Write the README's table of anomalies from the catalogue (`suivi_excel/core/messages/`).

    python scripts/anomalies_readme.py        # rewrites the table between its two markers

`tests/test_catalogue.py` fails when the README and the catalogue disagree.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
BEGIN = "<!-- anomalies : début — tableau écrit par scripts/anomalies_readme.py, ne pas modifier à la main -->"
END = "<!-- anomalies : fin -->"


def table() -> str:
    """The Markdown table: one row per code, its severity and its message with each value shown as « … »."""
    sys.path.insert(0, str(README.parent))
    from suivi_excel.core.messages import ANOMALIES

    rows = ["| code | gravité | message |", "|---|---|---|"]
    for code, (severity, template) in ANOMALIES.items():
        text = re.sub(r"\{[a-z_]+\}", "…", template).replace("|", "\\|")
        rows.append(f"| `{code}` | {severity} | {text} |")
    return "\n".join(rows)


def section(text: str) -> str:
    """What the README holds between the markers."""
    return text.split(BEGIN, 1)[1].split(END, 1)[0].strip()


def main() -> None:
    text = README.read_text(encoding="utf-8")
    before, rest = text.split(BEGIN, 1)
    after = rest.split(END, 1)[1]
    README.write_text(f"{before}{BEGIN}\n{table()}\n{END}{after}", encoding="utf-8")


if __name__ == "__main__":
    main()
