"""The regional roll-up (README, « Un bilan régional »): an MRC's picture from its municipalities' reports."""

from __future__ import annotations

import email
import re
import zipfile
from email import policy
from pathlib import Path

import pytest
from conftest import LOISIRS, ROWS, TP, charts_of, no_crash, run, sheet, write_test_plan

from suivi_excel.core.periods import parse_period
from suivi_excel.forms.generation import Options, generate
from suivi_excel.forms.simulate import fill_form
from suivi_excel.plan.reading import read_plan

pytestmark = pytest.mark.slow  # three municipalities' whole cycles


def _municipality(base: Path, name: str, period: str, values: dict, axes: dict | None = None,
                  extra: tuple | None = None) -> Path:
    """A municipality's own cycle, through consolider: its plan, its returns, its report."""
    folder = base / f"{name}-{period}"
    folder.mkdir(parents=True)
    rows = [(r[0], (axes or {}).get(r[1], r[1]), *r[2:]) for r in ROWS] + ([extra] if extra else [])
    plan = read_plan(write_test_plan(folder / "plan.xlsx", rows=rows,
                                     parameters={"Municipalité": name, "Titre du plan": f"Plan MADA de {name}"}))
    forms = generate(plan, Options(parse_period(period)), folder / "suivi.xlsx", folder / "envois")
    for service, typed in values.items():
        fill_form(forms.per_service[service], folder / "retours" / f"{service[:6]}.xlsx", typed)
    report = base / "rapports" / f"{name.lower().replace(' ', '-')}-{period}.xlsx"
    result = run("consolider", folder / "retours", "-o", report, "--historique", folder / "h.sqlite")
    assert result.exit_code == 0, result.output
    return report


@pytest.fixture(scope="module")
def region(tmp_path_factory):
    base = tmp_path_factory.mktemp("mrc")
    reports = {
        "A": _municipality(base, "Ville A", "2026", {TP: {"2.1": {"Statut": "Réalisée"}, "2.10": {"Statut": "En cours",
                                                                                             "Besoin de soutien": "Oui"}}}),
        "A-S1": _municipality(base, "Ville A", "2026-S1", {TP: {"2.1": {"Statut": "En cours"}}}),
        "B": _municipality(base, "Village B", "2026", {LOISIRS: {"1.1": {"Statut": "Réalisée"},
                                                                  "1.2": {"Statut": "En continu"}}},
                           axes={"Loisirs et culture": "Axe 1 — LOISIRS ET CULTURE", "Mobilité": "2. Mobilité"},
                           extra=("4.1", "Sécurité", "Brigadiers scolaires", TP, 2026, 2026, 1000)),
    }
    (base / "rapports" / "notes-de-reunion.xlsx").write_bytes((base / "Ville A-2026" / "plan.xlsx").read_bytes())
    return base, reports


def test_the_latest_report_of_each_municipality_is_rolled_up_with_its_own_figures(region, tmp_path):
    base, reports = region
    result = run("regrouper", base / "rapports", "-o", tmp_path / "bilan.xlsx", "--titre", "MRC des Essais")
    assert result.exit_code == 0, result.output
    bilan = tmp_path / "bilan.xlsx"
    municipalities = sheet(bilan, "Municipalités").set_index("Municipalité")
    assert list(municipalities.index) == ["Village B", "Ville A"]
    assert municipalities.loc["Ville A", "Période"] == "2026"  # 2026 ends after 2026-S1
    for name, key in (("Ville A", "A"), ("Village B", "B")):
        own = sheet(reports[key], "Actions")
        row = municipalities.loc[name]
        assert row["Actions"] == len(own)
        for status, count in own["Statut"].value_counts().items():
            assert row[status] == count, (name, status)
        assert row["Taux de réalisation"] == pytest.approx(own["Statut"].isin(["Réalisée", "En continu"]).mean())
        assert row["Besoin de soutien"] == (own["Besoin de soutien"] == "Oui").sum()
        assert row["Rapport"] == reports[key].name
    problems = sheet(bilan, "Anomalies").fillna("")
    refused = problems[problems["Fichier"] == "notes-de-reunion.xlsx"]
    assert list(refused["Gravité"]) == ["Erreur"]
    superseded = problems[problems["Fichier"] == reports["A-S1"].name]
    assert "2026-S1" in superseded.iloc[0]["Problème"] and reports["A"].name in superseded.iloc[0]["Problème"]
    actions = sheet(bilan, "Actions")
    assert list(actions.columns[:3]) == ["Municipalité", "Plan", "No"] and len(actions) == 11
    assert [kind for kind, _ in charts_of(bilan, "Tableau de bord")] == ["barChart", "barChart"]
    assert "Rapports regroupés : 2 (2 municipalité(s))" in result.output


def test_axes_are_gathered_by_name_whatever_their_numbering_or_case(region, tmp_path):
    base, _reports = region
    assert run("regrouper", base / "rapports", "-o", tmp_path / "bilan.xlsx").exit_code == 0
    axes = sheet(tmp_path / "bilan.xlsx", "Par axe").set_index("Axe")
    assert set(axes.index) == {"Loisirs et culture", "Mobilité", "Information", "Sécurité"}
    assert axes.loc["Loisirs et culture", "Municipalités"] == 2 and axes.loc["Loisirs et culture", "Actions"] == 4
    assert axes.loc["Loisirs et culture", "Taux de réalisation"] == pytest.approx(0.5)
    assert axes.loc["Sécurité", "Municipalités"] == 1


def test_a_table_of_axes_maps_local_axes_to_the_regions(region, tmp_path):
    base, _reports = region
    table = tmp_path / "axes.csv"
    table.write_text("Axe local;Axe régional\nLoisirs et culture;Vie sociale\nInformation;Vie sociale\n"
                     "Mobilité;Transport\n", encoding="cp1252")  # Excel for Windows' own CSV
    assert run("regrouper", base / "rapports", "-o", tmp_path / "bilan.xlsx", "--axes", table).exit_code == 0
    axes = sheet(tmp_path / "bilan.xlsx", "Par axe").set_index("Axe")
    assert axes.loc["Vie sociale", "Actions"] == 6 and axes.loc["Transport", "Actions"] == 4
    assert "Sécurité" in axes.index
    # a table none of whose local axes is an axe of the reports (the columns swapped): said, nothing written
    table.write_text("Vie sociale;Loisirs et culture\nTransport;Mobilité\n", encoding="utf-8")
    result = run("regrouper", base / "rapports", "-o", tmp_path / "b2.xlsx", "--axes", table)
    assert no_crash(result) and result.exit_code == 2, result.output
    assert "aucun axe des rapports (par exemple" in result.output and not (tmp_path / "b2.xlsx").exists()


def test_a_period_can_be_chosen_and_municipalities_without_it_are_named(region, tmp_path):
    base, reports = region
    result = run("regrouper", base / "rapports", "-o", tmp_path / "s1.xlsx", "--periode", "2026-S1")
    assert result.exit_code == 0, result.output
    municipalities = sheet(tmp_path / "s1.xlsx", "Municipalités")
    assert list(municipalities["Municipalité"]) == ["Ville A"] and list(municipalities["Période"]) == ["2026-S1"]
    problems = sheet(tmp_path / "s1.xlsx", "Anomalies").fillna("")
    assert "Village B" in " ".join(problems["Problème"])
    result = run("regrouper", base / "rapports", "-o", tmp_path / "t3.xlsx", "--periode", "2026-T3")
    assert result.exit_code == 2 and "aucun rapport" in result.output and not (tmp_path / "t3.xlsx").exists()


def test_a_report_of_an_earlier_version_is_still_read(region, tmp_path):
    base, reports = region
    folder = tmp_path / "anciens"
    folder.mkdir()
    older = folder / "ancien.xlsx"
    kept = ("Période", "Plan", "Municipalité", "Coordonnateur", "Courriel du coordonnateur")
    with zipfile.ZipFile(reports["A"]) as source, zipfile.ZipFile(older, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "docProps/custom.xml":
                data = re.sub(rb'<property [^>]*name="([^"]*)"[^>]*>.*?</property>',
                              lambda m: m.group(0) if m.group(1).decode() in kept else b"", data)
            target.writestr(item, data)
    assert run("regrouper", folder, "-o", tmp_path / "bilan.xlsx").exit_code == 0
    row = sheet(tmp_path / "bilan.xlsx", "Municipalités").iloc[0]
    assert row["Municipalité"] == "Ville A" and row["Actions"] == 5 and row["Réalisée"] == 1


def test_the_regional_workbook_goes_by_e_mail_like_any_report(region, tmp_path):
    base, _reports = region
    assert run("regrouper", base / "rapports", "-o", tmp_path / "bilan.xlsx", "--titre", "MRC des Essais").exit_code == 0
    result = run("envoyer", "rapport", tmp_path / "bilan.xlsx", "--a", "prefet@mrc.test", "--de", "mrc@mrc.test",
                 "--brouillons", tmp_path / "b")
    assert result.exit_code == 0, result.output
    draft = email.message_from_bytes(next((tmp_path / "b").glob("*.eml")).read_bytes(), policy=policy.default)
    text = draft.get_body(("plain",)).get_content()
    assert "- 11 actions" in text and "Taux de réalisation : 27 %" in text  # 3 done of 11
    assert draft["To"] == "prefet@mrc.test"


def _edited(source: Path, target: Path, part: str, change) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename)
            new.writestr(item.filename, change(data) if item.filename == part else data)
    return target


def _property(data: bytes, name: str, kind: str, value: str) -> bytes:
    return re.sub(rf'(name="{re.escape(name)}"><vt:)\w+>[^<]*</vt:\w+>'.encode(),
                  rf"\g<1>{kind}>{value}</vt:{kind}>".encode(), data)


def test_damaged_or_edited_reports_and_two_of_one_period_are_each_one_anomaly(region, tmp_path):
    import datetime as dt

    from suivi_excel.forms.simulate import set_saved_time

    from conftest import no_crash

    base, reports = region
    folder = tmp_path / "rapports"
    source = reports["B"]
    _edited(source, folder / "styles-abimes.xlsx", "xl/styles.xml", lambda d: b"<styleSheet><pas-fini")

    def other(data: bytes, name: str) -> bytes:  # another municipality, so that none replaces another
        return _property(_property(data, "Municipalité", "lpwstr", name), "Identité du plan", "lpwstr", name)

    _edited(source, folder / "infini.xlsx", "docProps/custom.xml",
            lambda d: other(_property(_property(d, "Actions", "i4", "1e400"), "Taux de réalisation", "r8", "inf"),
                            "Infini"))
    _edited(source, folder / "chiffres-faux.xlsx", "docProps/custom.xml",
            lambda d: other(_property(_property(d, "Actions", "i4", "-5"), "Services qui ont répondu", "i4", "999"),
                            "Faux"))
    recent = _edited(reports["A"], folder / "a-recent.xlsx", "xl/styles.xml", lambda d: d)
    older = _edited(reports["A"], folder / "z-ancien.xlsx", "xl/styles.xml", lambda d: d)
    set_saved_time(recent, dt.datetime(2027, 1, 20, 12, tzinfo=dt.timezone.utc))
    set_saved_time(older, dt.datetime(2027, 1, 5, 12, tzinfo=dt.timezone.utc))
    result = run("regrouper", folder, "-o", tmp_path / "bilan.xlsx")
    assert no_crash(result) and result.exit_code == 0, result.output
    found = sheet(tmp_path / "bilan.xlsx", "Anomalies").fillna("").set_index("Fichier")
    assert found.loc["styles-abimes.xlsx", "Gravité"] == "Erreur"
    assert "Rapport illisible" in found.loc["styles-abimes.xlsx", "Problème"]
    assert "ne correspondent pas à ses feuilles" in found.loc["chiffres-faux.xlsx", "Problème"]
    assert "enregistré le" in found.loc["z-ancien.xlsx", "Problème"] and "a-recent.xlsx" in found.loc["z-ancien.xlsx",
                                                                                                     "Problème"]
    rows = sheet(tmp_path / "bilan.xlsx", "Municipalités").set_index("Municipalité")
    assert rows.loc["Ville A", "Rapport"] == "a-recent.xlsx"
    own = sheet(source, "Actions")
    done = own["Statut"].isin(["Réalisée", "En continu"]).sum() / len(own)
    for name in ("Infini", "Faux"):  # the figures of their own sheets, whatever the properties said
        assert rows.loc[name, "Actions"] == len(own)
        assert rows.loc[name, "Taux de réalisation"] == pytest.approx(done)


def test_two_reports_of_a_period_saved_within_a_minute_are_told_apart_by_their_seconds(region, tmp_path):
    # the anomaly says which report is kept by when each was saved: to the minute, both would read alike
    import datetime as dt

    from suivi_excel.forms.simulate import set_saved_time

    _base, reports = region
    folder = tmp_path / "rapports"
    later = _edited(reports["A"], folder / "a-second.xlsx", "xl/styles.xml", lambda d: d)
    earlier = _edited(reports["A"], folder / "z-premier.xlsx", "xl/styles.xml", lambda d: d)
    saved = {name: dt.datetime(2027, 1, 20, 12, 0, second, tzinfo=dt.timezone.utc) for name, second in
             (("later", 40), ("earlier", 5))}
    set_saved_time(later, saved["later"])
    set_saved_time(earlier, saved["earlier"])
    result = run("regrouper", folder, "-o", tmp_path / "bilan.xlsx")
    assert result.exit_code == 0, result.output
    found = sheet(tmp_path / "bilan.xlsx", "Anomalies").fillna("").set_index("Fichier")
    problem = found.loc["z-premier.xlsx", "Problème"]
    shown = {name: stamp.astimezone().strftime("%Y-%m-%d %H:%M:%S") for name, stamp in saved.items()}
    assert f"celui enregistré le {shown['later']} (a-second.xlsx) est retenu" in problem
    assert f"enregistré le {shown['earlier']}, ne l'est pas" in problem


def test_a_report_without_its_actions_sheet_says_so_plainly(region, tmp_path):
    _base, reports = region
    folder = tmp_path / "rapports"
    _edited(reports["A"], folder / "sans-actions.xlsx", "xl/workbook.xml",
            lambda d: d.replace(b'name="Actions"', b'name="Actions (copie)"'))
    result = run("regrouper", folder, "-o", tmp_path / "bilan.xlsx")
    assert result.exit_code == 2, result.output  # nothing else to gather
    assert "sans-actions.xlsx : Rapport illisible (onglet « Actions » absent) : il n'est pas regroupé" in result.output


def test_an_axes_table_past_the_bounds_is_refused_before_any_reader(region, tmp_path):
    import xlsxwriter
    from conftest import no_crash

    base, _reports = region
    table = tmp_path / "axes.xlsx"
    book = xlsxwriter.Workbook(str(table))
    sheet_ = book.add_worksheet()
    sheet_.write_row(0, 0, ["Loisirs et culture", "Loisirs"])
    sheet_.write(1048575, 16383, "x")  # XFD1048576: the reader would ask for the whole grid
    book.close()
    result = run("regrouper", base / "rapports", "-o", tmp_path / "bilan.xlsx", "--axes", table)
    assert no_crash(result) and result.exit_code == 2, result.output
    assert "axes.xlsx" in result.output and "1048576" in result.output
    assert not (tmp_path / "bilan.xlsx").exists()


def test_a_report_whose_properties_were_edited_is_summed_up_from_its_sheets(region, tmp_path):
    from conftest import no_crash

    _base, reports = region
    edited = _edited(reports["B"], tmp_path / "rapport.xlsx", "docProps/custom.xml",
                     lambda d: _property(_property(d, "Actions", "r8", "inf"), "Services", "i4", "-3"))
    result = run("envoyer", "rapport", edited, "--a", "comite@ville.test", "--brouillons", tmp_path / "b",
                 "--de", "coord@ville.test")
    assert no_crash(result) and result.exit_code == 0, result.output
    [draft] = (tmp_path / "b").glob("*.eml")
    body = email.message_from_bytes(draft.read_bytes(), policy=policy.default).get_body(("plain",)).get_content()
    assert f"{len(sheet(reports['B'], 'Actions'))} actions" in body and "inf" not in body
