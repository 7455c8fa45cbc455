"""Properties: any valid fill round-trips exactly; any garbage becomes a clean value or an anomaly."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pandas as pd
import pytest
from conftest import ROWS, actions_by_no, consolidate_cli, no_crash, sheet
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from suivi_excel.core.columns import STATUSES, TRACKING_COLUMNS
from suivi_excel.core.text import column_letter
from suivi_excel.core.values import READERS

pytestmark = pytest.mark.slow  # whole processes or many generated cases


def _cells(workbook) -> dict[tuple[str, str], str]:
    """(action number, tracking header) -> A1 cell, read from the generated workbook's own tabs."""
    found = {}
    book = openpyxl.load_workbook(workbook, read_only=True)
    tabs = {tab.title: list(tab.iter_rows(values_only=True)) for tab in book.worksheets}
    book.close()
    for rows in tabs.values():
        if not rows or "Statut" not in rows[0]:
            continue
        for offset, row in enumerate(rows[1:], start=2):
            for col, title in enumerate(rows[0]):
                found[(row[0], title)] = f"{column_letter(col)}{offset}"
    return found


SLOW = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
NUMBERS = [r[0] for r in ROWS]
OWNER = {r[0]: r[3] for r in ROWS}

# what a cell can hold once read: text (Excel allows tab and line breaks), numbers, booleans, dates
_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff") |
                st.sampled_from("\t\n"), max_size=40)
RAW = st.one_of(st.none(), _TEXT, st.integers(-10**12, 10**12), st.booleans(),
                st.floats(allow_nan=True, allow_infinity=True),
                st.datetimes(dt.datetime(1900, 1, 1), dt.datetime(2200, 1, 1)), st.dates())


@given(kind=st.sampled_from(sorted(READERS)), raw=RAW)
@settings(max_examples=2000, deadline=None)
def test_readers_never_raise_and_give_a_value_or_a_code(kind, raw):
    parsed = READERS[kind](raw)
    assert parsed.code is None or parsed.value is None or parsed.code in ("percent-rounded",)
    if kind == "percent" and parsed.value is not None:
        assert isinstance(parsed.value, int) and 0 <= parsed.value <= 100
    if kind == "money" and parsed.value is not None:
        assert parsed.value >= 0
    if kind == "status" and parsed.value is not None:
        assert parsed.value in STATUSES


_CLEAN_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp"),
                                    blacklist_characters="\ufffe\uffff"), min_size=1, max_size=30)
_MONEY = st.decimals(min_value=0, max_value=10**8, places=2).map(float)
_DATE = st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31)).map(lambda d: dt.datetime(d.year, d.month, d.day))
VALID = {
    "Statut": st.sampled_from(STATUSES), "Avancement (%)": st.integers(0, 100),
    "Date de début réelle": _DATE, "Date de fin réelle": _DATE, "Dépenses réelles ($)": _MONEY,
    "Résultat de l'indicateur": _CLEAN_TEXT, "Besoin de soutien": st.sampled_from(["Oui", "Non"]),
    "Obstacles": _CLEAN_TEXT, "Commentaires": _CLEAN_TEXT,
}
FILL = st.fixed_dictionaries({n: st.fixed_dictionaries({}, optional=VALID) for n in NUMBERS})


def _fill_as_text(source, target, values):
    """Type the values into each service's tab of the integrated workbook; strings as text cells."""
    book = openpyxl.load_workbook(source)
    for number, row_values in values.items():
        sheet = next(s for s in book.worksheets if s.title.startswith(OWNER[number][:31].strip()))
        header = [c.value for c in sheet[1]]
        row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(row=r, column=1).value == number)
        for title, value in row_values.items():
            cell = sheet.cell(row=row, column=header.index(title) + 1, value=value)
            if isinstance(value, str):
                cell.data_type = "s"
    target.parent.mkdir(parents=True, exist_ok=True)
    book.save(target)


@given(values=FILL)
@SLOW
def test_any_valid_fill_round_trips_exactly(forms, tmp_path_factory, values):
    folder = tmp_path_factory.mktemp("rt")
    _fill_as_text(forms.integrated, folder / "retours" / "tout.xlsx", values)
    consolidate_cli(folder / "retours", folder / "r.xlsx")
    actions = actions_by_no(folder / "r.xlsx")
    for number in NUMBERS:
        for column in TRACKING_COLUMNS:
            got = actions.loc[number, column.header]
            expected = values[number].get(column.header)
            if column.header == "Statut" and expected is None:
                expected = "Non renseigné"
            if expected is None:
                assert pd.isna(got), (number, column.header, got)
            elif isinstance(expected, dt.datetime):
                assert pd.Timestamp(got).to_pydatetime() == expected
            elif isinstance(expected, float):
                assert abs(float(got) - expected) < 0.005
            else:
                assert got == expected, (number, column.header, got, expected)


GARBAGE = st.fixed_dictionaries({n: st.fixed_dictionaries({}, optional={c.header: RAW.filter(
    lambda v: not (isinstance(v, float) and v != v)) for c in TRACKING_COLUMNS}) for n in NUMBERS})


@given(values=GARBAGE)
@SLOW
def test_garbage_in_any_tracking_cell_gives_a_clean_value_or_an_anomaly(forms, tmp_path_factory, values):
    folder = tmp_path_factory.mktemp("gb")
    for number, row_values in values.items():
        for title, value in list(row_values.items()):
            if isinstance(value, float) and abs(value) == float("inf"):
                row_values[title] = str(value)  # a cell cannot hold infinity; typed as text instead
    try:
        _fill_as_text(forms.integrated, folder / "retours" / "tout.xlsx", values)
    except (openpyxl.utils.exceptions.IllegalCharacterError, ValueError):
        return  # a value Excel itself would refuse to store
    result = consolidate_cli(folder / "retours", folder / "r.xlsx")
    assert no_crash(result)
    actions = actions_by_no(folder / "r.xlsx")
    anomalies = sheet(folder / "r.xlsx", "Anomalies")
    flagged = set(zip(anomalies["Feuille"].fillna(""), anomalies["Cellule"].fillna("")))
    cells = _cells(forms.integrated)
    for number, row_values in values.items():
        tab = forms.tabs[OWNER[number]]
        for title, value in row_values.items():
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            got = actions.loc[number, title]
            # either a clean value came out, or that very cell is named in Anomalies (a service's tab by the
            # service's whole name: Excel cuts tab names, not cells)
            if pd.isna(got) or got == "À vérifier":
                assert (OWNER[number], cells[(number, title)]) in flagged, (number, title, value, tab)
