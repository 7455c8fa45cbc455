"""Where the shipped models live (example plan, message templates).

`modeles/` sits at the top of the repository so that coordinators find it; a
regular install copies it into the package (`suivi_excel/modeles/`). An
editable install or a source checkout reads it in place.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]
_CANDIDATES = (_PACKAGE / "modeles", _PACKAGE.parent / "modeles")  # installed, then source checkout


def models_dir() -> Path:
    """The folder holding `plan-exemple.xlsx` and the message templates."""
    for folder in _CANDIDATES:
        if (folder / "plan-exemple.xlsx").is_file():
            return folder
    return _CANDIDATES[-1]


def example_plan() -> Path:
    return models_dir() / "plan-exemple.xlsx"
