"""Where the shipped models live (example plan, message templates).

`modeles/` sits at the top of the repository so that coordinators find it; a
regular install copies it into the package as `suivi_excel.modeles`. An
editable install or a source checkout reads it in place.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def models_dir() -> Path:
    """The folder holding `plan-exemple.xlsx` and the message templates."""
    try:
        installed = Path(str(resources.files("suivi_excel.modeles")))
        if (installed / "plan-exemple.xlsx").is_file():
            return installed
    except (ModuleNotFoundError, TypeError):
        pass
    return Path(__file__).resolve().parents[1] / "modeles"


def example_plan() -> Path:
    return models_dir() / "plan-exemple.xlsx"
