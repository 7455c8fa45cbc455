"""A result against its target: `14 ateliers` of `20 ateliers` is 70 % of the target.

Targets are free text in the plan (`20 ateliers`, `1 000 exemplaires`, `75 %`, `Un bottin à jour`).
Only where both the target and the result start with a number is the share computed; the units
after the numbers are not compared (services write `14` as often as `14 ateliers`).
"""

from __future__ import annotations

import math
import re

from suivi_excel.core.columns import TARGET_NO, TARGET_PARTLY, TARGET_YES

# a number at the start: 1000, 1 000 (any space as thousands separator), 1,5 or 1.5, 62 %
_LEADING = re.compile(r"^\s*(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,](\d+))?(?![\d/])")


def leading_number(value: object) -> float | None:
    """The number a target or a result starts with, or None (`Un bottin`, `2026-03-15`, empty)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value) if math.isfinite(value) else None
    match = _LEADING.match(str(value))
    if not match:
        return None
    text = str(value)[match.end():]
    if text[:1] in ("-",) and text[1:2].isdigit():  # a date or a range, not a quantity
        return None
    whole = re.sub(r"\D", "", match.group(1))
    return float(f"{whole}.{match.group(2)}" if match.group(2) else whole)


def target_share(target: object, result: object) -> float | None:
    """The result as a share of the target (0.7 for 70 %), or None when either has no number or the
    target is zero."""
    wanted, reached = leading_number(target), leading_number(result)
    if wanted is None or reached is None or wanted <= 0:
        return None
    return reached / wanted


def answer_for(share: float) -> str:
    """What `Cible atteinte` says for a share: 100 % or more `Oui`, above zero `En partie`, else `Non`."""
    if share >= 1 - 1e-9:
        return TARGET_YES
    return TARGET_PARTLY if share > 0 else TARGET_NO


def contradicts(answer: object, share: float | None) -> bool:
    """True when a service's `Oui`, `En partie` or `Non` says otherwise than the numbers."""
    if share is None or answer not in (TARGET_YES, TARGET_PARTLY, TARGET_NO):
        return False
    return answer != answer_for(share)
