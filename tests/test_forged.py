"""Forged hidden sheets (SPEC §9): the checksum of `_suivi` is easy to recompute, so whatever a forger
puts in it — a period no calendar holds, JSON nested without end, a service that is not text, a plan
that is not one — the commands that read the file end with an Erreur naming it, never a traceback."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
import xlsxwriter
from conftest import TP, no_crash, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from suivi_excel.core.tabs import TAB_META, TAB_PLAN
from suivi_excel.forms.metadata import FORMAT, _checksum, packed_plan
from suivi_excel.plan.model import plan_version
from suivi_excel.plan.reading import read_plan

pytestmark = pytest.mark.slow  # many generated cases, each through the CLI

HEADER = ["No", "Action", "Statut", "Avancement (%)"]
IDENTITY = [""]  # the real plan's, set by the fixture: a forger copies it from any form


def forge(target: Path, plan_json: str, period: str, kind: str, tabs: object, deadline: str = "",
          corrections: object = (), version: str | None = None, identity: str = "") -> Path:
    """A workbook laid out as `generer` writes one, with hidden sheets chosen by the forger: the checksum
    and the plan's version recomputed so that they match, as anyone reading the code can."""
    book = xlsxwriter.Workbook(str(target))
    sheet = book.add_worksheet(TP)
    sheet.write_row(0, 0, HEADER)
    sheet.write_row(1, 0, ["2.1", "Trottoir", "En cours", 40])
    tabs_json = tabs if isinstance(tabs, str) else json.dumps(tabs)
    version = version or plan_version(plan_json)
    identity = identity or IDENTITY[0]
    rows = [("suivi-excel", FORMAT), ("plan", identity), ("version", version), ("periode", period),
            ("genere_le", "2026-01-01T00:00:00"), ("type", kind), ("echeance", deadline), ("onglets", tabs_json),
            ("corrections", json.dumps(list(corrections))),
            ("controle", _checksum(identity, version, period, kind, tabs_json))]
    meta = book.add_worksheet(TAB_META)
    for row, (key, value) in enumerate(rows):
        meta.write_string(row, 0, key)
        for col, start in enumerate(range(0, max(len(value), 1), 30000), start=1):
            meta.write_string(row, col, value[start:start + 30000])
    plan_sheet = book.add_worksheet(TAB_PLAN)
    for row, chunk in enumerate(packed_plan(plan_json)):
        plan_sheet.write_string(row, 0, chunk)
    book.close()
    return target


def deep(levels: int) -> str:
    return "[" * levels + "]" * levels


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    folder = tmp_path_factory.mktemp("forge")
    from conftest import write_test_plan

    plan = read_plan(write_test_plan(folder / "plan.xlsx"))
    IDENTITY[0] = plan.identity
    return folder, plan.to_json()


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=8),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                                      max_size=3), max_leaves=8)
periods = st.sampled_from(["2026", "garbage", "2099-T9", "2026-S3", "", "0000", "2026-T4", "99999"]) | st.text(max_size=10)
kinds = st.sampled_from(["service", "integre", "autre", ""])
services = st.sampled_from([TP, "", "_Interne"]) | json_values
tab_lists = st.lists(st.fixed_dictionaries({"tab": st.sampled_from([TP, "Autre"]) | json_values,
                                            "service": services}), max_size=2) | json_values
deadlines = st.sampled_from(["", "2027-01-15", "demain", "2027-02-30"]) | st.text(max_size=10)


def _plan_texts(real_json: str):
    plan = json.loads(real_json)
    broken = dict(plan, actions=[[{"a": 1}] * len(row) for row in plan["actions"]])
    return st.sampled_from([real_json, json.dumps(broken), deep(200_000), '{"date": "x"}', "[]", "null",
                            json.dumps(dict(plan, columns=[1, 2]))]) | json_values.map(json.dumps)


def _check(folder: Path, name: str) -> None:
    returns = folder / "retours"
    for command in (["verifier", returns], ["consolider", returns, "-o", folder / "r.xlsx"]):
        result = run(*command)
        assert no_crash(result), (command[0], result.output)
        assert result.exit_code in (0, 1, 2), result.output
        assert name in result.output, result.output


@settings(max_examples=int(os.environ.get("FORGE_EXAMPLES", "40")), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_forged_hidden_sheet_is_one_error_naming_its_file(real, tmp_path_factory, data):
    folder, real_json = real
    work = tmp_path_factory.mktemp("cas")
    (work / "retours").mkdir()
    plan_json = data.draw(_plan_texts(real_json))
    forge(work / "retours" / "forge.xlsx", plan_json, data.draw(periods), data.draw(kinds), data.draw(tab_lists),
          data.draw(deadlines), data.draw(st.lists(json_values, max_size=2)))
    _check(work, "forge.xlsx")


@pytest.mark.parametrize("case", ["garbage", "2099-T9", "deep-tabs", "deep-plan", "service-dict", "deadline"])
def test_each_forgery_the_issue_names_is_an_error_naming_the_file(real, tmp_path, case):
    _folder, real_json = real
    (tmp_path / "retours").mkdir()
    target = tmp_path / "retours" / "forge.xlsx"
    tabs = [{"tab": TP, "service": TP}]
    arguments = {"garbage": (real_json, "garbage", "service", tabs),
                 "2099-T9": (real_json, "2099-T9", "service", tabs),
                 "deep-tabs": (real_json, "2026", "service", deep(200_000)),
                 "deep-plan": (deep(200_000), "2026", "service", tabs),
                 "service-dict": (real_json, "2026", "service", [{"tab": TP, "service": {"nom": TP}}]),
                 "deadline": (real_json, "2026", "service", tabs, "demain")}[case]
    forge(target, *arguments)
    _check(tmp_path, "forge.xlsx")
    drafts = run("envoyer", "formulaires", tmp_path / "retours", "--brouillons", tmp_path / "brouillons")
    assert no_crash(drafts) and drafts.exit_code in (0, 2), drafts.output
    shutil.rmtree(tmp_path / "brouillons", ignore_errors=True)
