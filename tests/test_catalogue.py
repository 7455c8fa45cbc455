"""One catalogue of messages (`core/messages/`): every code the package uses is in it, every entry is
used, and the README's list of anomalies is the catalogue's."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from anomalies_readme import README, section, table  # noqa: E402

from suivi_excel.core.errors import SuiviError  # noqa: E402
from suivi_excel.core.messages import ANOMALIES, ERRORS, FILE_KINDS, IMPORT_NOTES, KIN_NOTICES, REFUSALS  # noqa: E402
from suivi_excel.core.messages.plan import PLAN_PROBLEMS  # noqa: E402
from suivi_excel.core.messages.mail import REASONS as MAIL_REASONS  # noqa: E402
from suivi_excel.core.messages.report import REASONS as REPORT_REASONS  # noqa: E402

SOURCE = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "suivi_excel").rglob("*.py")))


def test_the_readme_lists_every_anomaly_as_the_catalogue_says():
    assert section(README.read_text(encoding="utf-8")) == table(), "run: python scripts/anomalies_readme.py"


def test_every_code_raised_is_in_the_catalogue_and_every_entry_is_used():
    raised = set(re.findall(r'Anomaly\.of\(\s*"([^"]+)"', SOURCE))
    assert raised - set(ANOMALIES) == set()
    errors = set(re.findall(r'(?:SuiviError\.of|NothingUsable|NotAPeriod\.of)\(\s*"([^"]+)"', SOURCE))
    errors |= set(re.findall(r'\bERRORS\["([^"]+)"\]', SOURCE))  # said through click's own errors (cli/)
    assert errors - set(ERRORS) == set()
    reasons = set(re.findall(r'Refusal\.of\(\s*"[^"]+",\s*"([^"]+)"', SOURCE))
    reasons |= set(re.findall(r'(?:REFUSALS\[|MetaDamaged\.of\()\s*"([^"]+)"', SOURCE))
    assert reasons and reasons - set(REFUSALS) == set()
    problems = set(re.findall(r'_problem\(\s*"([^"]+)"', SOURCE))  # a problem of the plan workbook (plan/reading.py)
    assert problems - set(PLAN_PROBLEMS) == set()
    notes = set(re.findall(r'(?:Note\.of|groups\.add)\(\s*"([^"]+)"', SOURCE))  # what `importer` guessed (plan/)
    assert notes and notes - set(IMPORT_NOTES) == set()
    assert set(re.findall(r'REASONS\["([^"]+)"\]', SOURCE)) - {*REPORT_REASONS, *MAIL_REASONS} == set()
    kin = set(re.findall(r'kin_message\(\s*"([^"]+)"', SOURCE))  # the warning of history/kinship.py
    assert kin and kin - set(KIN_NOTICES) == set()
    # what a `workbook-*` or `reader-died` error names the file ({what}): the opener's default or argument
    given = r'(?:reader_died\(\s*\w+,\s*|open_workbook_checked\([^()]*(?:\(\w+\))?,\s*kind=|kind: str = )"([^"]+)"'
    kinds = set(re.findall(given, SOURCE))
    assert kinds == set(FILE_KINDS)
    # once where it is declared, at least once where it is used
    unused = [code for code in (*ANOMALIES, *ERRORS, *REFUSALS, *IMPORT_NOTES, *REPORT_REASONS, *MAIL_REASONS,
                                    *PLAN_PROBLEMS, *KIN_NOTICES)
              if SOURCE.count(f'"{code}"') < 2]
    assert unused == []


def test_a_library_error_carries_its_code_and_values_and_no_click():
    error = SuiviError.of("reader-died", what="le plan", path="plan.xlsx")
    assert (error.code, error.params, error.exit_code) == ("reader-died", {"what": "le plan", "path": "plan.xlsx"}, 2)
    assert str(error).startswith("le plan « plan.xlsx » fait échouer le programme de lecture")
    assert "click" not in {cls.__module__.split(".")[0] for cls in type(error).__mro__}


def test_a_refusal_carries_its_reason_as_data_and_says_it_as_before():
    import pickle

    from suivi_excel.core.limits import Refusal

    refusal = Refusal.of("file-too-large", "sheet-rows", "--lignes-max", sheet="Voirie", rows=20001, limit=20000)
    assert pickle.loads(pickle.dumps(refusal)) == refusal  # the reading workers send it back whole
    assert (refusal.code, refusal.why, dict(refusal.params), refusal.option) == (
        "file-too-large", "sheet-rows", {"sheet": "Voirie", "rows": 20001, "limit": 20000}, "--lignes-max")
    assert refusal.reason == "la feuille « Voirie » atteint la ligne 20001, plus que la limite de 20000"
    assert Refusal("file-encrypted").reason == ""


def test_a_damaged_form_and_a_bad_period_carry_their_code_and_values_like_a_refusal():
    import pickle

    from suivi_excel.core.periods import NotAPeriod, parse_period
    from suivi_excel.forms.metadata import MetaDamaged

    damage = pickle.loads(pickle.dumps(MetaDamaged.of("meta-period", period="2026-S9")))
    assert (damage.why, dict(damage.params)) == ("meta-period", {"period": "2026-S9"})
    assert str(damage) == REFUSALS["meta-period"].format(period="2026-S9")
    try:
        parse_period("2026-S3")
    except NotAPeriod as error:  # a ValueError, as every reader of a label expects
        said = pickle.loads(pickle.dumps(error))
    assert isinstance(said, ValueError) and (said.code, dict(said.params)) == ("period-semester", {"label": "2026-S3"})
    assert str(said) == "« 2026-S3 » : une année n'a que deux semestres (S1 et S2)."


def test_each_template_gets_every_value_it_names_where_it_is_filled():
    # a placeholder left out would raise KeyError in a user's run, on a path a test may never take; a template
    # used as it is (no .format) would show its braces to the user
    import ast
    import string

    assert REPORT_REASONS.keys().isdisjoint(MAIL_REASONS)
    anomalies = {code: template for code, (_severity, template) in ANOMALIES.items()}
    where = {"value", "file", "sheet", "cell"}  # an anomaly always has them (Anomaly.of's own arguments)
    # the call -> (its catalogue, the position of its code, the values it fills itself)
    calls = {"Note.of": (IMPORT_NOTES, 0, set()), "groups.add": (IMPORT_NOTES, 0, set()),
             "_problem": (PLAN_PROBLEMS, 0, set()), "SuiviError.of": (ERRORS, 0, set()),
             "NothingUsable": (ERRORS, 0, set()),  # never formatted: its template must name nothing
             "Anomaly.of": (anomalies, 0, where), "found.add": (anomalies, 0, where),
             "found.each": (anomalies, 2, where), "Refusal.of": (REFUSALS, 1, set()),
             "MetaDamaged.of": (REFUSALS, 0, set()), "NotAPeriod.of": (ERRORS, 0, set())}
    tables = {"ERRORS": ERRORS, "REFUSALS": REFUSALS, "IMPORT_NOTES": IMPORT_NOTES, "PLAN_PROBLEMS": PLAN_PROBLEMS,
              "REASONS": {**REPORT_REASONS, **MAIL_REASONS}, "KIN_NOTICES": KIN_NOTICES}

    def named(template: str) -> set[str]:
        return {name for _text, name, _spec, _conversion in string.Formatter().parse(template) if name}

    missing, seen = [], set()
    for path in sorted((ROOT / "suivi_excel").rglob("*.py")):
        if path.parent.name == "messages":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and ast.unparse(node.func) in calls:  # Kind.of("code", name=…)
                table, at, given = calls[ast.unparse(node.func)]
                if len(node.args) <= at or not isinstance(node.args[at], ast.Constant):
                    continue
                code, call = node.args[at].value, node
            elif (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id in tables
                  and isinstance(node.slice, ast.Constant)):  # TABLE["code"], .format(name=…) or as it is
                table, given, code = tables[node.value.id], set(), node.slice.value
                above = parents.get(node)
                formats = isinstance(above, ast.Attribute) and above.attr == "format"
                call = parents[above] if formats else None
            else:
                continue
            seen.add(code)
            if call is not None and any(k.arg is None for k in call.keywords):
                continue  # **params: checked where they are built
            filled = given | ({k.arg for k in call.keywords} if call is not None else set())
            if named(table[code]) - filled:
                missing.append(f"{path.relative_to(ROOT)}:{node.lineno} {code}: {sorted(named(table[code]) - filled)}")
    assert missing == []
    assert {"reader-crashed", "option-one-bilan-span", "meta-missing", "sheet-rows", "nothing-found"} <= seen


def test_every_anomaly_has_a_severity_the_report_can_order():
    from suivi_excel.core.anomalies import SEVERITY_ORDER

    assert {severity for severity, _template in ANOMALIES.values()} == set(SEVERITY_ORDER)


def test_only_the_merged_catalogue_is_called_errors():
    # each part names its errors after its speaker (PLAN_ERRORS…): importing a part's ERRORS gave a partial dict
    import importlib

    parts = sorted(p.stem for p in (ROOT / "suivi_excel" / "core" / "messages").glob("*.py") if p.stem != "__init__")
    assert [p for p in parts if hasattr(importlib.import_module(f"suivi_excel.core.messages.{p}"), "ERRORS")] == []
