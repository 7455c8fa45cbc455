"""What went well, as a committee and the public read it: the targets reached and the bons coups.

The dashboard shows them as a *Cibles* block and a *Bons coups* list; the bilan (`report/document`)
writes them per axe. Both read the consolidated actions, where `Cible atteinte` is the service's
answer or, when it left it empty, the one deduced from the numbers (`core/targets`).
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from suivi_excel.core.columns import (
    ACTION,
    GOOD_NEWS,
    LEAD,
    NUMBER,
    RESULT,
    TARGET,
    TARGET_CHOICES,
    TARGET_MET,
    TARGET_NA,
)
from suivi_excel.core.targets import answer_for, target_share
from suivi_excel.core.text import is_blank, percent_text
from suivi_excel.report import texts
from suivi_excel.report.texts import TARGET_LABELS

SHARE = "Part de la cible"


def _filled(series: pd.Series) -> pd.Series:
    return ~series.map(is_blank)


def with_target(actions: pd.DataFrame) -> pd.DataFrame:
    """The actions whose plan gives a `Cible`."""
    if TARGET not in actions.columns:
        return actions.iloc[0:0]
    return actions[_filled(actions[TARGET])]


def answers(actions: pd.DataFrame) -> pd.Series:
    """Each action's `Cible atteinte`: the service's answer, or the one its numbers give (an action carried
    from an earlier period keeps its result, not that period's answer), else None."""
    typed = actions[TARGET_MET] if TARGET_MET in actions.columns else pd.Series([None] * len(actions),
                                                                               index=actions.index)
    typed = typed.where(typed.isin(TARGET_CHOICES), None).astype(object)
    if TARGET not in actions.columns or RESULT not in actions.columns:
        return typed
    for index in typed.index[typed.isna()]:
        share = target_share(actions.at[index, TARGET], actions.at[index, RESULT])
        if share is not None:
            typed.at[index] = answer_for(share)
    return typed


def target_counts(actions: pd.DataFrame) -> dict[str, int]:
    """Among the actions with a target: how many reached it, partly, not, without object, no result yet."""
    found = answers(with_target(actions))
    return {label: int((found == answer).sum()) if answer else int(found.isna().sum())
            for answer, label in TARGET_LABELS.items()}


def target_rows(actions: pd.DataFrame) -> pd.DataFrame:
    """The actions with a target and a result or an answer: target, result, share (as text) and answer."""
    targeted = with_target(actions)
    targeted = targeted.assign(**{TARGET_MET: answers(targeted)})
    shown = targeted[_filled(targeted[RESULT]) | targeted[TARGET_MET].isin(TARGET_CHOICES)].copy()
    shares = [target_share(t, r) for t, r in zip(shown[TARGET], shown[RESULT])]
    shown[SHARE] = [percent_text(s) if s is not None else "" for s in shares]
    return shown


def good_news(actions: pd.DataFrame) -> pd.DataFrame:
    """The actions whose service told a bon coup this period."""
    if GOOD_NEWS not in actions.columns:
        return actions.iloc[0:0]
    return actions[_filled(actions[GOOD_NEWS])]


def dashboard_block(sheet, row: int, actions: pd.DataFrame, formats, write_list: Callable[..., int]) -> int:
    """The dashboard's Cibles block and Bons coups list, from `row`; returns the next free row.

    Args:
        sheet: the dashboard.
        row: where to start.
        actions: the consolidated actions.
        formats: the report's formats.
        write_list: the dashboard's list writer (`sheet, row, formats, title, frame, columns, empty`), so
            these lists look and print like the others.
    """
    targeted = with_target(actions)
    sheet.write_string(row, 0, texts.TARGETS.format(count=len(targeted)), formats.heading)
    sheet.write_blank(row, 1, None, formats.heading)
    row += 1
    for label, count in target_counts(actions).items():
        if label == TARGET_LABELS[TARGET_NA] and not count:
            continue
        sheet.write_string(row, 0, label, formats.label)
        sheet.write_number(row, 1, count, formats.figure)
        row += 1
    row += 1
    rows = target_rows(actions)
    row = write_list(sheet, row, formats, texts.TARGET_RESULTS, rows,
                     [NUMBER, ACTION, TARGET, RESULT, SHARE, TARGET_MET],
                     texts.NO_TARGET_RESULT)
    return write_list(sheet, row, formats, texts.GOOD_NEWS_LIST, good_news(actions), [NUMBER, ACTION, GOOD_NEWS, LEAD],
                      texts.NO_GOOD_NEWS)
