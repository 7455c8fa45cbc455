"""The package's layout follows the data (README, « Pour les développeurs »): each stage imports only
from itself and the stages before it, so a newcomer reads the cycle from `ls suivi_excel`."""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

from suivi_excel.core import columns
from suivi_excel.report import sheet_names

PACKAGE = Path(__file__).resolve().parents[1] / "suivi_excel"
# the words stages pass each other: the tracking headers, the plan's, the Services sheet's, the parameters,
# the statuses, the columns consolidation adds and the counting tables' (`core/columns.py`), the report's
# sheet names (`report/sheet_names.py`, which the region's readers open)
STATUS_WORDS = {*columns.TRACKING_HEADERS, *(c.header for c in columns.PLAN_COLUMNS if len(c.header) > 2),
                *(c.header for c in columns.SERVICE_COLUMNS), *columns.PARAMETERS, columns.PLAN_ID,
                *columns.REPORT_STATUSES, columns.LATE, columns.SOURCE, columns.PERIOD, columns.RATE, columns.COUNT,
                *sheet_names.SHEET_NAMES}
STAGES = ("core", "plan", "forms", "returns", "consolidate", "history", "report", "region", "mail", "cli")


@functools.lru_cache(maxsize=None)
def _tree(path: Path) -> ast.Module:
    """A module's syntax tree, parsed once for all the checks below (they only read it)."""
    return ast.parse(path.read_text(encoding="utf-8"))


def _stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "suivi_excel" and parts[1] in STAGES else None


def _imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.ImportFrom) and node.module:
            found += [(node.lineno, node.module)]
            if node.module == "suivi_excel":
                found += [(node.lineno, f"suivi_excel.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
    return found


def test_every_module_sits_in_a_stage():
    loose = sorted(p.name for p in PACKAGE.glob("*.py") if p.name not in ("__init__.py", "__main__.py"))
    assert loose == []
    assert {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()} == set(STAGES)


def test_no_stage_imports_from_a_later_one():
    backwards = []
    for path in sorted(PACKAGE.rglob("*.py")):
        own = _stage("suivi_excel." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts))
        if own is None:
            continue
        for line, module in _imports(path):
            other = _stage(module)
            if other is not None and STAGES.index(other) > STAGES.index(own):
                backwards.append(f"{path.relative_to(PACKAGE)}:{line} imports {module}")
    assert backwards == []


def test_stage_packages_import_nothing_so_the_reading_workers_stay_light():
    for stage in STAGES:
        assert (PACKAGE / stage / "__init__.py").read_text().strip() == "", stage


def test_only_the_command_line_imports_click():
    # the library raises its own errors (core/errors.py); cli/ alone turns them into click's
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.relative_to(PACKAGE).parts[0] == "cli":
            continue
        found += [f"{path.relative_to(PACKAGE)}:{line}" for line, module in _imports(path)
                  if module.split(".")[0] == "click"]
    assert found == []


def test_platform_error_numbers_are_named():
    # `error.errno == errno.ELOOP`, not `== 40`: numbers differ between platforms and say nothing
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(_tree(path)):
            if (isinstance(node, ast.Compare) and isinstance(node.left, ast.Attribute)
                    and node.left.attr == "errno" and any(isinstance(c, ast.Constant) and isinstance(c.value, int)
                                                          for c in node.comparators)):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert found == []


def test_a_misdeclared_column_fails_at_import_not_in_a_form():
    # Excel refuses a validation whose title passes 32 characters or whose message passes 255
    import pytest

    from suivi_excel.core.columns import PlanColumn, TrackingColumn

    with pytest.raises(ValueError):
        TrackingColumn("Statut", "statut", 14, "", "")  # a kind misspelt
    with pytest.raises(ValueError):
        TrackingColumn("Statut", "status", 14, "é" * 256, "")
    with pytest.raises(ValueError):
        PlanColumn("No", True, "numero", 7)
    assert TrackingColumn("Statut", "status", 14, "é" * 255, "").prompt


# Where the words users read are declared: the catalogue of messages, the columns, each stage's workbook texts.
TEXT_MODULES = ("core/messages/", "core/columns.py")
SENTENCE = re.compile(r" : | ; |«|»|[.!?…]\s*$")
# what reads as punctuation but is no sentence: a regular expression, an SQL parameter (`WHERE plan = ?`)
PATTERN = re.compile(r"\(\?|\\[bsdw]|\[\^|= \?")


def _strings(tree: ast.AST):
    """Every string literal but docstrings and click's help texts (f-strings give their literal parts)."""
    skipped = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skipped.add(id(first.value))
        if isinstance(node, ast.keyword) and node.arg in ("help", "short_help", "epilog"):
            skipped.update(id(inner) for inner in ast.walk(node.value))
    return [node for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped]


def test_errors_come_from_the_catalogue():
    # `SuiviError.of(code, …)` fills a template of `core/messages`: no stage writes its own error sentence
    written = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "errors.py" and path.parent.name == "core":
            continue
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "SuiviError":
                written.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert written == [], "\n".join(written)


def test_no_user_sentence_outside_the_catalogues():
    # a sentence for users (three words or more, with French punctuation or an end) lives in `core/messages/`,
    # the column declarations or a stage's `texts.py`, where the next engineer finds it and can reword it.
    # `cli/` is the exception, on purpose: it is where the console speaks, and the lines it prints (what was
    # written, the next steps, warnings) are written there; its errors still come from the catalogue
    # (`SuiviError.of`, `ERRORS[...]`: test_errors_come_from_the_catalogue, test_catalogue.py)
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = str(path.relative_to(PACKAGE))
        if name.startswith(TEXT_MODULES) or path.stem.endswith("texts") or name.startswith("cli/"):
            continue
        for node in _strings(_tree(path)):
            text = node.value
            if len(re.findall(r"[^\W\d_]{2,}", text)) >= 3 and SENTENCE.search(text) and not PATTERN.search(text):
                found.append(f"{name}:{node.lineno}: {text[:60]!r}")
    assert found == [], "\n".join(found)


# where those words are declared; and the report's properties, a file format read back from reports written by
# earlier versions, spelt there as literals on purpose so that renaming a column never renames a property
NAMES_DECLARED = ("core/columns.py", "report/sheet_names.py", "report/properties.py")
# the same spelling, another thing: (module, word) and why it is not the name it looks like
SAME_WORD_ANOTHER_THING = {
    ("plan/model.py", "Actions"): "the plan workbook's own sheet, declared there, not the report's",
    ("plan/tables.py", "Responsable"): "a header a plan may give an action's lead, not the Services sheet's",
    ("core/text.py", "Service"): "the tab name given to a service whose name leaves nothing writable",
    ("report/texts.py", "Service"): "the dashboard's short header for `Service responsable` in its narrow lists",
}


def test_the_words_stages_pass_each_other_are_named_not_spelt():
    # `columns.STATUS`, `columns.DONE`…, not "Statut", "Réalisée": a typo fails at import, not in a user's report
    spelt = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = str(path.relative_to(PACKAGE))
        if name in NAMES_DECLARED:
            continue
        spelt += [f"{name}:{node.lineno}: {node.value!r}" for node in ast.walk(_tree(path))
                  if isinstance(node, ast.Constant) and node.value in STATUS_WORDS
                  and (name, node.value) not in SAME_WORD_ANOTHER_THING]
    assert spelt == [], "\n".join(spelt)
    # an exception whose word has left its module goes too, so that the list says only what is true
    stale = [f"{module}: {word!r}" for module, word in SAME_WORD_ANOTHER_THING
             if word not in {n.value for n in ast.walk(_tree(PACKAGE / module)) if isinstance(n, ast.Constant)}]
    assert stale == [], "\n".join(stale)


def test_the_fields_of_a_plan_import_are_named_not_spelt():
    # `Field.LEAD`, not "responsable": a spelt key that is misspelt reads "" (`cells.get("responsible", "")`)
    # and an action loses its lead without a word; only an Enum's own members say the words (`Field`, `Kind`).
    # A misspelt name (`Field.LAED`) fails here, even on a path no import test takes.
    from suivi_excel.plan.tables import Field

    keys = {f.value for f in Field}
    spelt = []
    for path in sorted((PACKAGE / "plan").glob("*.py")):
        tree = _tree(path)
        members = {id(node.value) for cls in ast.walk(tree) if isinstance(cls, ast.ClassDef)
                   and any(isinstance(base, ast.Name) and base.id == "Enum" for base in cls.bases)
                   for node in cls.body if isinstance(node, ast.Assign)}
        spelt += [f"plan/{path.name}:{node.lineno}: {node.value!r}" for node in ast.walk(tree)
                  if isinstance(node, ast.Constant) and node.value in keys and id(node) not in members]
        spelt += [f"plan/{path.name}:{node.lineno}: Field.{node.attr} is no field" for node in ast.walk(tree)
                  if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "Field"
                  and node.attr not in Field.__members__]
    assert spelt == [], "\n".join(spelt)


def test_every_package_is_shipped():
    # pyproject lists the packages (modeles/ is mapped into the package): one left out installs without it,
    # and the installed tool fails at its first import (tests/test_install.py builds the wheel, but is slow)
    import pytest

    tomllib = pytest.importorskip("tomllib")  # Python 3.11 and later
    listed = set(tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(PACKAGE.parent).parts) for p in PACKAGE.rglob("__init__.py")}
    assert found - listed == set()
