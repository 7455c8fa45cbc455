"""The reading rules (README, « Ce que remplissent les services »), one reader at a time, on values as
spreadsheets return them."""

from __future__ import annotations

import datetime as dt

import pytest

from suivi_excel.core.periods import parse_period
from suivi_excel.core.values import (
    parse_date,
    parse_money,
    parse_percent,
    parse_status,
    parse_yesno,
)


@pytest.mark.parametrize("typed", ["realisee", "RÉALISÉE", " Réalisée ", "réa lisée", "Realisee\u00a0"])
def test_status_typed_ignoring_case_accents_and_spaces_is_read(typed):
    assert parse_status(typed) == (("Réalisée", None, ()))


@pytest.mark.parametrize("typed", ["Terminé", "fini", "100", "En cours?!x"])
def test_unknown_status_is_an_error(typed):
    assert parse_status(typed).code == "status-unknown"
    assert parse_status(typed).value is None


def test_empty_status_is_no_value():
    assert parse_status(None).value is None and parse_status("  ").code is None


@pytest.mark.parametrize("raw, expected", [
    (45, 45), (45.0, 45), (0.45, 45), (0.075, 8), ("60 %", 60), ("60%", 60), ("0,45", 45),
    (100, 100), (0, 0), (1, 1), ("  75 ", 75)])
def test_progress_is_a_whole_number_and_fractions_are_percentages(raw, expected):
    assert parse_percent(raw).value == expected


@pytest.mark.parametrize("raw", [150, -5, "120 %", 100.6])
def test_progress_out_of_range_is_empty_with_error(raw):
    parsed = parse_percent(raw)
    assert parsed.value is None and parsed.code == "percent-out-of-range"


def test_progress_unreadable_text_is_an_error():
    assert parse_percent("la moitié").code == "percent-unreadable"


@pytest.mark.parametrize("raw", [dt.datetime(2026, 3, 15), dt.date(2026, 3, 15), "2026-03-15", "15/03/2026",
                                 "15 mars 2026", "15 Mars 2026", 46096, "2026-03-15 00:00:00"])
def test_dates_in_every_accepted_form_are_read(raw):
    assert parse_date(raw).value == dt.date(2026, 3, 15)


def test_first_of_month_in_words_is_read():
    assert parse_date("1er août 2026").value == dt.date(2026, 8, 1)


@pytest.mark.parametrize("raw", ["mars", "31/02/2026", "bientôt", "2026/15/03", 12.5])
def test_unreadable_dates_are_errors(raw):
    assert parse_date(raw) == (None, "date-unreadable", ())


@pytest.mark.parametrize("raw, expected", [
    (1234.56, 1234.56), ("1 234,56 $", 1234.56), ("1\u00a0234,56 $", 1234.56), ("1\u202f234,56\u00a0$", 1234.56),
    ("1234.56", 1234.56), ("1,234.56", 1234.56), ("2 500 $", 2500.0), ("0", 0.0), ("12,5", 12.5)])
def test_money_in_french_format_is_read(raw, expected):
    assert parse_money(raw).value == pytest.approx(expected)


def test_negative_money_is_refused():
    assert parse_money(-10).code == "money-negative" and parse_money("-1 000 $").value is None


def test_unreadable_money_is_refused():
    assert parse_money("beaucoup").code == "money-unreadable"


@pytest.mark.parametrize("raw, expected", [("oui", "Oui"), ("NON", "Non"), (" Oui ", "Oui")])
def test_yes_no_matched_like_statuses(raw, expected):
    assert parse_yesno(raw).value == expected


def test_yes_no_other_value_is_an_error():
    assert parse_yesno("peut-être").code == "yesno-unknown"


@pytest.mark.parametrize("label, end", [("2026", dt.date(2026, 12, 31)), ("2026-S1", dt.date(2026, 6, 30)),
                                        ("2026-T3", dt.date(2026, 9, 30)), ("2026-t1", dt.date(2026, 3, 31)),
                                        ("2026 S2", dt.date(2026, 12, 31))])
def test_period_end_date_follows_its_label(label, end):
    assert parse_period(label).end == end


@pytest.mark.parametrize("label", ["2026-S3", "26", "2026-Q1", "T1-2026", ""])
def test_bad_period_is_refused_in_french(label):
    with pytest.raises(ValueError, match="période|semestres"):
        parse_period(label)


def test_periods_sort_chronologically_whatever_their_length():
    labels = ["2026-T4", "2026", "2025-T4", "2026-S1", "2026-T3", "2025-S2"]
    ordered = sorted(parse_period(label) for label in labels)
    assert [p.label for p in ordered] == ["2025-S2", "2025-T4", "2026-S1", "2026-T3", "2026", "2026-T4"]
    assert parse_period("2026-T4") > parse_period("2026-S1") and max(ordered).label == "2026-T4"
