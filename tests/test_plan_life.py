"""The plan's whole life (SPEC §13): identity, silent services, late without news, pre-fills, corrections."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from conftest import COMM, LOISIRS, PARAMETERS, ROWS, SERVICES, TP, actions_by_no, run, write_test_plan

from suivi_excel.core.periods import parse_period
from suivi_excel.forms.generation import per_service_file_names
from suivi_excel.forms.simulate import fill_form
from suivi_excel.plan.template import write_plan

UTC = dt.timezone.utc


def tool_plan(path: Path, parameters=PARAMETERS) -> Path:
    """The test plan as `modele`/`importer` write it: with an `Identifiant du plan`."""
    actions = [{"No": n, "Axe": a, "Action": t, "Service responsable": s, "Début": b, "Fin": e, "Budget prévu ($)": m}
               for n, a, t, s, b, e, m in ROWS]
    return write_plan(path, actions, SERVICES, dict(parameters))


def set_parameter(plan: Path, name: str, value: str) -> None:
    """The coordinator edits a line of `Paramètres` (or adds it)."""
    book = openpyxl.load_workbook(plan)
    sheet = book["Paramètres"]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == name:
            row[1].value = value
            break
    else:
        sheet.append([name, value])
    book.save(plan)


def period_cycle(tmp: Path, plan: Path, period: str, answers: dict[str, dict], store: Path, *extra: str):
    """generer (pre-filled from `store`), the services in `answers` type their values, consolider.

    Returns the generer output, the consolider output and the report."""
    out = tmp / period
    made = run("generer", plan, "-p", period, "-o", out / "suivi.xlsx", "--par-service", out / "envois",
               "--historique", store)
    assert made.exit_code == 0, made.output
    year = int(period[:4])
    for service, values in answers.items():
        form = out / "envois" / per_service_file_names([service], parse_period(period))[service]
        fill_form(form, out / "retours" / form.name, values, saved=dt.datetime(year, 12, 15, tzinfo=UTC))
    report = out / "rapport.xlsx"
    done = run("consolider", out / "retours", "-o", report, "--historique", store, *extra)
    assert done.exit_code == 0, done.output
    return made.output, done.output, report


FIRST = {TP: {"2.1": {"Statut": "En cours", "Avancement (%)": 40}, "2.10": {"Statut": "Non débutée"}},
         LOISIRS: {"1.1": {"Statut": "Réalisée", "Avancement (%)": 100}, "1.2": {"Statut": "En cours"}},
         COMM: {"3.1": {"Statut": "En cours"}}}


def test_a_corrected_title_keeps_the_plan_its_history_and_its_pre_fills(tmp_path):
    plan = tool_plan(tmp_path / "plan.xlsx")
    store = tmp_path / "h.sqlite"
    period_cycle(tmp_path, plan, "2025", FIRST, store)
    set_parameter(plan, "Titre du plan", "Plan PFM-MADA 2025-2027 (corrigé)")
    set_parameter(plan, "Municipalité", "Ville-Test-sur-Mer")
    made, _done, report = period_cycle(tmp_path, plan, "2026", {TP: {"2.1": {"Avancement (%)": 70}}}, store)
    assert "Pré-remplissage : 5 action(s)" in made
    form = tmp_path / "2026" / "envois" / per_service_file_names([TP], parse_period("2026"))[TP]
    cells = {row[0]: row for row in openpyxl.load_workbook(form)[TP].iter_rows(min_row=2, values_only=True)}
    assert "En cours" in cells["2.1"] and 40 in cells["2.1"]
    history = openpyxl.load_workbook(report)["Historique"]
    assert {row[0] for row in history.iter_rows(min_row=2, values_only=True)} == {"2025", "2026"}


def test_the_identifier_is_written_apart_and_locked(tmp_path):
    assert run("modele", tmp_path / "p.xlsx").exit_code == 0
    sheet = openpyxl.load_workbook(tmp_path / "p.xlsx")["Paramètres"]
    rows = {r[0].value: r[1] for r in sheet.iter_rows(min_row=2) if r[0].value}
    cell = rows["Identifiant du plan"]
    assert len(cell.value) == 10 and cell.protection.locked and cell.font.i and cell.comment is not None
    assert sheet.protection.sheet and not rows["Titre du plan"].protection.locked
    assert run("modele", tmp_path / "q.xlsx").exit_code == 0
    other = {r[0].value: r[1].value for r in openpyxl.load_workbook(tmp_path / "q.xlsx")["Paramètres"].iter_rows(
        min_row=2) if r[0].value}
    assert other["Identifiant du plan"] != cell.value


def test_a_plan_without_identifier_under_a_new_title_is_told_how_to_link_its_history(tmp_path):
    plan = write_test_plan(tmp_path / "plan.xlsx")  # written by hand or by an earlier version: no identifier
    store = tmp_path / "h.sqlite"
    period_cycle(tmp_path, plan, "2025", FIRST, store)
    set_parameter(plan, "Titre du plan", "Plan PFM-MADA 2025-2027 corrigé")
    first = run("generer", plan, "-p", "2026", "-o", tmp_path / "elsewhere" / "s.xlsx")
    assert "aucun historique" in first.output and "--historique" in first.output  # a blank pre-fill says so
    made = run("generer", plan, "-p", "2026", "-o", tmp_path / "s.xlsx", "--historique", store)
    assert made.exit_code == 0, made.output
    assert "Pré-remplissage :" not in made.output
    assert "contient les périodes 2025" in made.output and "5 des 5 actions" in made.output
    identity = made.output.split("inscrivez « ")[1].split(" »")[0]
    assert "Identifiant du plan" in made.output and "ne sont pas pré-remplis" in made.output
    set_parameter(plan, "Identifiant du plan", identity)
    linked = run("generer", plan, "-p", "2026", "-o", tmp_path / "s2.xlsx", "--historique", store)
    assert "Pré-remplissage : 5 action(s)" in linked.output and "Attention" not in linked.output


@pytest.mark.slow  # two periods; the same rule has a quick test through generer
def test_consolider_says_when_the_history_knows_the_plan_under_another_identity(tmp_path):
    plan = write_test_plan(tmp_path / "plan.xlsx")
    store = tmp_path / "h.sqlite"
    period_cycle(tmp_path, plan, "2025", FIRST, store)
    set_parameter(plan, "Titre du plan", "Autre titre")
    _made, done, report = period_cycle(tmp_path, plan, "2026", {TP: {"2.1": {"Statut": "Réalisée",
                                                                               "Avancement (%)": 100}}}, store)
    assert "contient les périodes 2025" in done and "Identifiant du plan" in done
    assert actions_by_no(report).loc["2.1", "Statut"] == "Réalisée"


def prefill_rules(sheet) -> dict[str, str]:
    """Cell -> the value that keeps it looking pre-filled (an "equal to" conditional format in italic)."""
    found = {}
    for area in sheet.conditional_formatting:
        for rule in area.rules:
            if rule.operator == "equal" and rule.dxf is not None and rule.dxf.font is not None and rule.dxf.font.i:
                for cells in area.sqref.ranges:
                    found[cells.coord] = rule.formula[0]
    return found


def test_pre_filled_forms_carry_the_state_not_the_remarks_and_say_so(tmp_path):
    plan = tool_plan(tmp_path / "plan.xlsx")
    store = tmp_path / "h.sqlite"
    first = {TP: {"2.1": {"Statut": "En cours", "Avancement (%)": 40, "Date de début réelle": dt.datetime(2025, 3, 1),
                          "Dépenses réelles ($)": 1200, "Résultat de l'indicateur": "300 m",
                          "Besoin de soutien": "Oui", "Obstacles": "Neige", "Commentaires": "Bon coup : le CPE aide"}}}
    period_cycle(tmp_path, plan, "2025", first, store)
    made = run("generer", plan, "-p", "2026", "-o", tmp_path / "s.xlsx", "--historique", store)
    assert "dernier état connu (période(s) 2025" in made.output
    book = openpyxl.load_workbook(tmp_path / "s.xlsx")
    tab = book[TP]
    header = {c.value: c.column_letter for c in tab[1]}
    row = {h: tab[f"{col}2"].value for h, col in header.items()}
    assert (row["Statut"], row["Avancement (%)"], row["Date de début réelle"], row["Dépenses réelles ($)"],
            row["Résultat de l'indicateur"]) == ("En cours", 40, dt.datetime(2025, 3, 1), 1200, "300 m")
    assert row["Besoin de soutien"] is None and row["Obstacles"] is None and row["Commentaires"] is None
    rules = prefill_rules(tab)
    assert rules[f"{header['Statut']}2"] == '"En cours"' and rules[f"{header['Avancement (%)']}2"] == "40"
    assert f"{header['Statut']}3" not in rules  # 2.10 had no value: nothing pre-filled, nothing marked
    assert tab[f"{header['Avancement (%)']}2"].font.i is False  # the look is the rule's: a typed value looks typed
    text = " ".join(str(c.value) for c in book["Instructions"]["A"] if c.value)
    assert "viennent du suivi de la période 2025" in text and "mettez-les à jour" in text
    assert "italique sur fond bleu pâle" in text
    blank = run("generer", plan, "-p", "2026", "-o", tmp_path / "v.xlsx", "--historique", store, "--vierge")
    assert blank.exit_code == 0
    assert "Valeurs déjà inscrites" not in " ".join(
        str(c.value) for c in openpyxl.load_workbook(tmp_path / "v.xlsx")["Instructions"]["A"] if c.value)


def dashboard_list(report: Path, title: str) -> list[tuple]:
    """The rows of a dashboard list (its header first), found by its title as the committee reads it."""
    rows = list(openpyxl.load_workbook(report)["Tableau de bord"].iter_rows(values_only=True))
    start = next(i for i, r in enumerate(rows) if isinstance(r[0], str) and r[0].startswith(title + " ("))
    found = []
    for row in rows[start + 1:]:
        if row[0] is None:
            break
        found.append(tuple(v for v in row[:7]))
    return found


def test_a_silent_service_keeps_what_it_reported(tmp_path):
    plan = tool_plan(tmp_path / "plan.xlsx")
    store = tmp_path / "h.sqlite"
    first = {LOISIRS: {"1.1": {"Statut": "Réalisée", "Avancement (%)": 100, "Dépenses réelles ($)": 4800,
                               "Obstacles": "Pluie", "Besoin de soutien": "Oui"},
                       "1.2": {"Statut": "En cours", "Avancement (%)": 50}},
             TP: {"2.1": {"Statut": "En cours"}, "2.10": {"Statut": "Non débutée"}},
             COMM: {"3.1": {"Statut": "Réalisée", "Avancement (%)": 100}}}
    period_cycle(tmp_path, plan, "2025", first, store)
    second = {TP: {"2.1": {"Statut": "Réalisée", "Avancement (%)": 100}, "2.10": {"Statut": "En cours"}},
              COMM: {"3.1": {"Statut": "Réalisée", "Avancement (%)": 100}}}
    _made, done, report = period_cycle(tmp_path, plan, "2026", second, store)
    actions = actions_by_no(report)
    done_11 = actions.loc["1.1"]
    assert (done_11["Statut"], done_11["Dernier statut connu"], done_11["Depuis"], done_11["Avancement (%)"],
            done_11["Dépenses réelles ($)"], done_11["En retard"]) == ("Réalisée", "Réalisée", "2025", 100, 4800, "Non")
    assert pd_blank(done_11["Obstacles"]) and pd_blank(done_11["Besoin de soutien"]) and pd_blank(done_11["Source"])
    going = actions.loc["1.2"]
    assert (going["Statut"], going["Dernier statut connu"], going["Depuis"]) == ("Non renseigné", "En cours", "2025")
    assert pd_blank(going["Avancement (%)"])
    assert pd_blank(actions.loc["2.1", "Dernier statut connu"])  # reported this period
    # 1.1, 2.1 and 3.1 done of 5: the silent service's finished action counts
    assert "Taux de réalisation : 60 %" in done
    dashboard = openpyxl.load_workbook(report)["Tableau de bord"]
    figures = {r[0]: r[1] for r in dashboard.iter_rows(max_col=2, values_only=True) if r[0]}
    assert figures["Taux de réalisation (réalisées ou en continu)"] == 0.6
    assert ("1.2 — Cours d'aquaforme pour aînés", LOISIRS, "Non renseigné", "En cours (2025)") not in [
        r[:4] for r in dashboard_list(report, "Actions en retard")]  # due in 2027: not late yet


def pd_blank(value) -> bool:
    return value is None or value == "" or value != value


def test_late_without_news_is_late_and_listed_with_the_service_to_call(tmp_path):
    plan = tool_plan(tmp_path / "plan.xlsx")
    answers = {TP: {"2.1": {"Statut": "En cours"}, "2.10": {"Statut": "Réalisée", "Avancement (%)": 100}},
               LOISIRS: {"1.2": {"Statut": "En cours"}}}  # 1.1 (due 2026) left blank; COMM (3.1, due 2025) silent
    _made, done, report = period_cycle(tmp_path, plan, "2026", answers, tmp_path / "h.sqlite")
    late = actions_by_no(report)["En retard"].to_dict()
    assert late == {"1.1": "Oui", "1.2": "Non", "2.1": "Oui", "2.10": "Non", "3.1": "Oui"}
    listed = dashboard_list(report, "Actions en retard")
    assert listed[0][:4] == ("Action", "Service", "Statut", "Dernier statut connu")
    assert ("3.1 — Bottin des ressources", COMM, "Non renseigné", "Aucun") in [r[:4] for r in listed]
    assert "en retard : 3" in done


def test_lists_leave_out_support_for_finished_actions_and_obstacles_of_done_ones(tmp_path):
    plan = tool_plan(tmp_path / "plan.xlsx")
    answers = {TP: {"2.1": {"Statut": "Abandonnée", "Besoin de soutien": "Oui", "Obstacles": "Coûts"},
                    "2.10": {"Statut": "Réalisée", "Avancement (%)": 100, "Obstacles": "Neige tardive"}},
               LOISIRS: {"1.1": {"Statut": "En cours", "Besoin de soutien": "Oui", "Obstacles": "Personnel"}}}
    _made, done, report = period_cycle(tmp_path, plan, "2026", answers, tmp_path / "h.sqlite")
    support = [r[0] for r in dashboard_list(report, "Actions qui ont besoin de soutien")[1:]]
    obstacles = [r[0] for r in dashboard_list(report, "Obstacles signalés")[1:]]
    assert support == ["1.1 — Fête de quartier annuelle"]
    assert obstacles == ["1.1 — Fête de quartier annuelle", "2.1 — Trottoir vers l'école"]
    assert "besoin de soutien : 1" in done


def hatched_series(report: Path, title: str) -> list[str]:
    """The names of the series a dashboard chart draws hatched (a pattern fill), found by the chart's title."""
    import zipfile

    from defusedxml import ElementTree

    ns = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
          "a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
    with zipfile.ZipFile(report) as archive:
        for name in archive.namelist():
            if not name.startswith("xl/charts/chart"):
                continue
            root = ElementTree.fromstring(archive.read(name))
            heading = "".join(t.text or "" for t in root.iterfind("c:chart/c:title//a:t", ns))
            if heading != title:
                continue
            names = []
            for series in root.iterfind(".//c:ser", ns):
                if series.find("c:spPr/a:pattFill", ns) is not None:
                    label = series.find("c:tx", ns)
                    formula = label.find(".//c:f", ns) if label is not None else None
                    text = label.find(".//c:v", ns) if label is not None else None
                    names.append((text.text if text is not None else "") or (formula.text if formula is not None
                                                                           else ""))
            return names
    raise AssertionError(f"pas de graphique « {title} »")


def test_charts_tell_not_reported_apart_from_no_progress(tmp_path):
    plan = tool_plan(tmp_path / "plan.xlsx")
    answers = {TP: {"2.1": {"Statut": "Non débutée"}, "2.10": {"Statut": "Non débutée"}},
               LOISIRS: {"1.1": {"Statut": "Réalisée", "Avancement (%)": 100}}}  # COMM (axe Information) silent
    _made, _done, report = period_cycle(tmp_path, plan, "2026", answers, tmp_path / "h.sqlite")
    axes = openpyxl.load_workbook(report, data_only=True)["Par axe"]
    header = [c.value for c in axes[1]]
    rows = {r[0]: dict(zip(header, r)) for r in axes.iter_rows(min_row=2, values_only=True)}
    # Mobilité: nothing moved; Information: nobody answered; both 0 % done, told apart by the unreported share
    assert (rows["Mobilité"]["Taux de réalisation"], rows["Mobilité"]["Part non renseignée"]) == (0, 0)
    assert (rows["Information"]["Taux de réalisation"], rows["Information"]["Part non renseignée"]) == (0, 1)
    assert rows["Loisirs et culture"]["Part non renseignée"] == 0.5
    assert hatched_series(report, "Taux de réalisation par axe") == ["Part non renseignée"]
    assert hatched_series(report, "État des actions par service") == ["Non renseigné"]
    assert hatched_series(report, "Où en sont les actions") == []  # a doughnut hatches a point, not a series


def test_correction_workbooks_that_no_longer_apply_leave_the_folder_and_are_never_sent(tmp_path):
    import shutil

    plan = tool_plan(tmp_path / "plan.xlsx")
    assert run("generer", plan, "-p", "2026", "-o", tmp_path / "suivi.xlsx", "--par-service",
               tmp_path / "envois").exit_code == 0
    forms = {s: tmp_path / "envois" / n for s, n in per_service_file_names([TP, LOISIRS, COMM],
                                                                           parse_period("2026")).items()}
    returns, folder = tmp_path / "retours", tmp_path / "corrections"
    first = dt.datetime(2026, 12, 1, tzinfo=UTC)
    fill_form(forms[TP], returns / "tp.xlsx", {"2.1": {"Statut": "En cours"}, "2.10": {"Statut": "Réalisée",
                                                                                        "Avancement (%)": 100}},
              saved=first)
    fill_form(forms[LOISIRS], returns / "loisirs.xlsx", {"1.1": {"Statut": "Presque fini"}, "1.2": {"Statut": "En cours"}},
              saved=first)
    fill_form(forms[COMM], returns / "comm.xlsx", {"3.1": {"Commentaires": "On s'en occupe"}}, saved=first)
    folder.mkdir()
    (folder / "notes du coordonnateur.xlsx").write_bytes(forms[TP].read_bytes())  # a user's own file
    done = run("consolider", returns, "-o", tmp_path / "rapport.xlsx", "--corrections", folder)
    assert done.exit_code == 0 and "Classeurs de correction : 2" in done.output
    names = per_service_file_names([LOISIRS, COMM], parse_period("2026"), "correction")
    assert {p.name for p in folder.iterdir()} == {*names.values(), "notes du coordonnateur.xlsx"}
    old_loisirs = shutil.copy(folder / names[LOISIRS], tmp_path / "ancien.xlsx")
    # the library fixes its return from its correction workbook; COMM still has not
    fill_form(folder / names[LOISIRS], returns / "loisirs-corrige.xlsx", {"1.1": {"Statut": "Réalisée",
                                                                                   "Avancement (%)": 100}},
              saved=dt.datetime(2026, 12, 8, tzinfo=UTC))
    again = run("consolider", returns, "-o", tmp_path / "rapport.xlsx", "--corrections", folder)
    assert again.exit_code == 0, again.output
    assert "Classeurs de correction : 1" in again.output and "retirés (ils ne s'appliquent plus) : 1" in again.output
    assert {p.name for p in folder.iterdir()} == {names[COMM], "notes du coordonnateur.xlsx"}
    # a stale workbook put back (an old copy) is not sent: the library's latest return is complete
    shutil.copy(old_loisirs, folder / "ancienne correction.xlsx")
    sent = run("envoyer", "corrections", folder, "--essai")
    assert sent.exit_code == 0, sent.output
    assert "Pas envoyé : ancienne correction.xlsx" in sent.output and "loisirs@ville.test" not in sent.output
    assert f"à joindre autrement) : {COMM}" in sent.output  # the one still to fix (it has no address)
    # a correction workbook saved by someone since it was written is left in place, and named
    fill_form(folder / names[COMM], folder / names[COMM], {"3.1": {"Obstacles": "note"}},
              saved=dt.datetime(2026, 12, 9, tzinfo=UTC))
    fill_form(forms[COMM], returns / "comm2.xlsx", {"3.1": {"Statut": "En cours"}},
              saved=dt.datetime(2026, 12, 10, tzinfo=UTC))
    last = run("consolider", returns, "-o", tmp_path / "rapport.xlsx", "--corrections", folder)
    assert "laissés en place" in last.output and names[COMM] in last.output
    assert (folder / names[COMM]).exists() and (folder / "notes du coordonnateur.xlsx").exists()


@pytest.mark.slow  # two consolidations and a roll-up, like the other regional tests
def test_municipalities_sharing_a_model_plan_stay_apart_in_the_regional_roll_up(tmp_path):
    reports = tmp_path / "rapports"
    for town in ("Ville-A", "Ville-B"):
        # an MRC hands every municipality the same model plan: the same identifier
        plan = tool_plan(tmp_path / f"{town}.xlsx", {"Municipalité": town, "Titre du plan": "Plan MADA 2025-2027",
                                                     "Identifiant du plan": "0a1b2c3d4e"})
        _made, _done, report = period_cycle(tmp_path / town, plan, "2026", FIRST, tmp_path / town / "h.sqlite")
        reports.mkdir(exist_ok=True)
        report.rename(reports / f"{town}.xlsx")
    rolled = run("regrouper", reports, "-o", tmp_path / "region.xlsx")
    assert rolled.exit_code == 0, rolled.output
    towns = [r[0] for r in openpyxl.load_workbook(tmp_path / "region.xlsx")["Municipalités"].iter_rows(
        min_row=2, values_only=True) if r[0]]
    assert {"Ville-A", "Ville-B"} <= set(towns)


def test_a_plan_imported_again_over_itself_keeps_its_identifier(tmp_path):
    source = Path(__file__).parents[1] / "modeles" / "plan-adopte-imprimable.xlsx"
    assert run("importer", source, "-o", tmp_path / "plan.xlsx").exit_code == 0

    def identifier(path: Path) -> str:
        rows = openpyxl.load_workbook(path)["Paramètres"].iter_rows(values_only=True)
        return next(value for name, value, *_ in rows if name == "Identifiant du plan")

    first = identifier(tmp_path / "plan.xlsx")
    again = run("importer", source, "-o", tmp_path / "plan.xlsx", "--ecraser")
    assert again.exit_code == 0 and f"Identifiant du plan conservé : {first}" in again.output
    assert identifier(tmp_path / "plan.xlsx") == first
    assert run("importer", source, "-o", tmp_path / "autre.xlsx").exit_code == 0
    assert identifier(tmp_path / "autre.xlsx") != first  # another file is another plan
