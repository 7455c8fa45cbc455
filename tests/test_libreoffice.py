"""What a real spreadsheet program does with our workbooks (LibreOffice headless)."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pandas as pd
import pytest
from conftest import (
    COMM,
    LOISIRS,
    TP,
    actions_by_no,
    anomalies,
    consolidate_cli,
    fill,
    needs_soffice,
    soffice_convert,
)

from suivi_excel.core.columns import REPORT_STATUSES
from suivi_excel.forms.simulate import fill_form

pytestmark = [needs_soffice, pytest.mark.slow]

VALUES = {
    TP: {"2.1": {"Statut": "En cours", "Avancement (%)": 40, "Date de début réelle": dt.datetime(2026, 2, 3),
                 "Dépenses réelles ($)": 1234.5, "Besoin de soutien": "Oui", "Obstacles": "Neige l'hiver"},
         "2.10": {"Statut": "Réalisée", "Avancement (%)": 100, "Date de fin réelle": dt.datetime(2026, 6, 30)}},
    LOISIRS: {"1.1": {"Statut": "En continu", "Commentaires": "Bon coup : 2 000 personnes"},
              "1.2": {"Statut": "Reportée"}},
}


def test_return_resaved_by_libreoffice_consolidates_to_the_same_values(tmp_path, forms):
    direct, resaved = tmp_path / "direct", tmp_path / "resaved"
    for service, values in VALUES.items():
        filled = fill(forms, service, values, direct / f"{service}.xlsx")
        soffice_convert(filled, resaved)
    consolidate_cli(direct, tmp_path / "a.xlsx")
    consolidate_cli(resaved, tmp_path / "b.xlsx")
    columns = ["No", "Statut", "Avancement (%)", "Date de début réelle", "Date de fin réelle",
               "Dépenses réelles ($)", "Besoin de soutien", "Obstacles", "Commentaires", "En retard"]
    a = actions_by_no(tmp_path / "a.xlsx")[columns]
    b = actions_by_no(tmp_path / "b.xlsx")[columns]
    pd.testing.assert_frame_equal(a, b)
    assert not (anomalies(tmp_path / "b.xlsx")["Gravité"] == "Erreur").any()


def test_integrated_workbook_recalculated_by_libreoffice_counts_like_the_consolidation(tmp_path, forms):
    step = fill_form(forms.integrated, tmp_path / "s1.xlsx", VALUES[TP], tab=TP)
    step = fill_form(step, tmp_path / "s2.xlsx", VALUES[LOISIRS], tab=LOISIRS)
    filled = fill_form(step, tmp_path / "retours" / "tout.xlsx", {"3.1": {"Statut": "Abandonnée"}},
                       tab=forms.tabs[COMM])
    recalculated = soffice_convert(filled, tmp_path / "lo")
    summary = openpyxl.load_workbook(recalculated, data_only=True)["Sommaire"]
    rows = list(summary.iter_rows(min_row=4, values_only=True))
    header = list(rows[0])
    counts = {r[0]: dict(zip(header[1:], r[1:])) for r in rows[1:] if r[0]}
    consolidate_cli(tmp_path / "retours", tmp_path / "r.xlsx")
    actions = actions_by_no(tmp_path / "r.xlsx")
    for service in (TP, LOISIRS, COMM):
        expected = actions[actions["Service responsable"] == service]["Statut"].value_counts()
        for status in REPORT_STATUSES:
            assert counts[service][status] == expected.get(status, 0), (service, status)
    overall = actions["Statut"].value_counts()
    assert counts["Ensemble du plan"]["Actions"] == 5
    assert counts["Ensemble du plan"]["Réalisée"] == overall.get("Réalisée", 0)
    assert counts["Ensemble du plan"]["Taux de réalisation"] == 0.4  # 2.10 done, 1.1 continuous


def test_report_and_forms_open_in_libreoffice_and_convert_to_pdf(tmp_path, forms):
    fill(forms, TP, VALUES[TP], tmp_path / "retours" / "tp.xlsx")
    consolidate_cli(tmp_path / "retours", tmp_path / "rapport.xlsx")
    for source in (tmp_path / "rapport.xlsx", forms.integrated):
        pdf = soffice_convert(source, tmp_path / "pdf", "pdf")
        assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000
