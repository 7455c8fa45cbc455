"""A report's properties are a file format: `envoyer rapport` and `regrouper` read them back from reports
written by earlier versions, so a report written today carries the names an older report carries."""

from __future__ import annotations

from pathlib import Path

from suivi_excel.consolidate.pipeline import consolidate
from suivi_excel.core import columns
from suivi_excel.report import properties as props
from suivi_excel.report.workbook import write_report

FIXTURES = Path(__file__).parent / "fixtures" / "v1"
# the names of a report of version 2 (tests/fixtures/v1/rapport-2026.xlsx), in the order they are written
NAMES_OF_VERSION_2 = [
    "Rapport suivi-excel", "Période", "Fin de période", "Plan", "Municipalité", "Identité du plan", "Coordonnateur",
    "Courriel du coordonnateur", "Actions", "Actions en retard", "Besoin de soutien", "Taux de réalisation",
    "Services", "Services qui ont répondu", "Budget prévu ($)", "Dépenses réelles ($)", "Statut : Non débutée",
    "Statut : En cours", "Statut : Réalisée", "Statut : En continu", "Statut : Reportée", "Statut : Abandonnée",
    "Statut : À vérifier", "Statut : Non renseigné", "Retours : Complet", "Retours : Incomplet",
    "Retours : À corriger", "Retours : Non reçu"]


def test_a_report_written_today_carries_the_property_names_of_an_older_report(tmp_path):
    older = props.read_properties(FIXTURES / "rapport-2026.xlsx")
    assert list(older) == NAMES_OF_VERSION_2
    today = write_report(consolidate([FIXTURES / "retours"]), tmp_path / "rapport.xlsx")
    written = props.read_properties(today)
    assert list(written) == NAMES_OF_VERSION_2
    # the figures of both read back under those names (`late` depends on the day the report is written)
    assert props.figures_from(written).by_status == props.figures_from(older).by_status
    assert props.figures_from(older).by_status[columns.DONE] == 2


def test_every_status_has_its_property():
    # a status added to the columns without a property name here would be left out of every report
    figures = props.figures_from(props.read_properties(FIXTURES / "rapport-2026.xlsx"))
    assert list(figures.by_status) == list(columns.REPORT_STATUSES)


def test_the_key_figures_of_an_older_report_are_written_back_under_the_same_names():
    # what `regrouper` writes for the region (figure_properties) is what it reads from a municipality's report
    older = props.read_properties(FIXTURES / "rapport-2026.xlsx")
    figures = props.figures_from(older)
    assert props.figure_properties(figures) == {name: older[name] for name in NAMES_OF_VERSION_2[8:24]}
