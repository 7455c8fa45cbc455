"""Readers for the values people type in a spreadsheet, one per kind of column.

Every reader takes a raw cell value (as python-calamine or openpyxl returns it)
and gives back `Parsed(value, code, details)`: the clean value (None when the
cell is empty or unreadable) and, when something is wrong, the anomaly code of
`messages.ANOMALIES` with its placeholders. Readers never raise.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections.abc import Iterable
from typing import NamedTuple

import numpy as np

from suivi_excel.core.columns import NO, STATUSES, TARGET_CHOICES, YES
from suivi_excel.core.text import clean_text, fold, is_blank, match_key


class Parsed(NamedTuple):
    value: object
    code: str | None = None
    details: tuple[tuple[str, object], ...] = ()


EMPTY = Parsed(None)
_STATUS_BY_KEY = {match_key(s): s for s in STATUSES}
_YESNO_BY_KEY = {match_key(YES): YES, match_key(NO): NO}
_TARGET_BY_KEY = {match_key(c): c for c in TARGET_CHOICES} | {"partiellement": "En partie", "so": "Sans objet",
                                                            "na": "Sans objet"}


def _number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return None if isinstance(value, float) and not math.isfinite(value) else float(value)
    return None


def parse_choice(raw: object, choices: dict[str, str], code: str) -> Parsed:
    if is_blank(raw):
        return EMPTY
    found = choices.get(match_key(clean_text(raw)))
    return Parsed(found) if found else Parsed(None, code)


def parse_status(raw: object) -> Parsed:
    """A status from the dropdown, or typed ignoring case, accents and spaces."""
    return parse_choice(raw, _STATUS_BY_KEY, "status-unknown")


def parse_yesno(raw: object) -> Parsed:
    """`Oui` or `Non`, matched like statuses."""
    return parse_choice(raw, _YESNO_BY_KEY, "yesno-unknown")


def parse_target(raw: object) -> Parsed:
    """`Oui`, `En partie`, `Non` or `Sans objet`, matched like statuses (`s/o` and `partiellement` too)."""
    return parse_choice(raw, _TARGET_BY_KEY, "target-unknown")


_DECIMAL_TEXT = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
_SEPARATORS = re.compile(r"[\s\u00a0\u202f\u2007']")


def read_decimal(text: str) -> float | None:
    """A number written the French or the English way: `1 234,56`, `1234.56`, `1,234.56`."""
    compact = _SEPARATORS.sub("", text)
    if "," in compact and "." in compact:
        # the last separator is the decimal mark, the other groups thousands
        if compact.rfind(",") > compact.rfind("."):
            compact = compact.replace(".", "").replace(",", ".")
        else:
            compact = compact.replace(",", "")
    elif compact.count(",") == 1:
        compact = compact.replace(",", ".")
    if not _DECIMAL_TEXT.match(compact):
        return None
    try:
        return float(compact)
    except ValueError:
        return None


def parse_percent(raw: object) -> Parsed:
    """Progress as a whole number 0–100; a fraction strictly between 0 and 1 is a percentage."""
    if is_blank(raw):
        return EMPTY
    number = _number(raw)
    explicit_percent = False
    if number is None and isinstance(raw, str):
        text = raw.strip()
        explicit_percent = text.endswith("%")
        number = read_decimal(text.rstrip("%").strip())
    if number is None:
        return Parsed(None, "percent-unreadable")
    if 0 < number < 1 and not explicit_percent:
        # Excel turns "45 %" typed in a General cell into 0.45
        number *= 100
    if number < 0 or number > 100:
        return Parsed(None, "percent-out-of-range")
    rounded = int(math.floor(number + 0.5))
    if abs(rounded - number) > 1e-6:
        return Parsed(rounded, "percent-rounded", (("rounded", rounded),))
    return Parsed(rounded)


_MONTHS = {
    "janvier": 1, "janv": 1, "jan": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3, "mar": 3,
    "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8,
    "septembre": 9, "sept": 9, "sep": 9, "octobre": 10, "oct": 10, "novembre": 11, "nov": 11,
    "decembre": 12, "dec": 12,
}
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
_WORDS = re.compile(r"^(\d{1,2})(?:er)?\s+([a-z]+)\.?\s+(\d{4})$")
# Excel serial numbers of 1 January 1990 and 31 December 2100
_SERIAL_MIN, _SERIAL_MAX = 32874, 73415
_EXCEL_EPOCH = dt.date(1899, 12, 30)


def _date_or_none(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def read_date_text(text: str) -> dt.date | None:
    """`2026-03-15`, `15/03/2026` (day first), `15 mars 2026`, `1er mars 2026`; else None."""
    text = fold(text)
    if match := _ISO.match(text):
        return _date_or_none(*(int(g) for g in match.groups()))
    if match := _DMY.match(text):
        day, month, year = (int(g) for g in match.groups())
        return _date_or_none(year + 2000 if year < 100 else year, month, day)
    if match := _WORDS.match(text):
        month = _MONTHS.get(match.group(2))
        if month:
            return _date_or_none(int(match.group(3)), month, int(match.group(1)))
    return None


def parse_date(raw: object) -> Parsed:
    """A real date, an Excel serial number in a date column, or a date written as text."""
    if is_blank(raw):
        return EMPTY
    if isinstance(raw, dt.datetime):
        return Parsed(raw.date())
    if isinstance(raw, dt.date):
        return Parsed(raw)
    number = _number(raw)
    if number is not None:
        if _SERIAL_MIN <= number <= _SERIAL_MAX:
            return Parsed(_EXCEL_EPOCH + dt.timedelta(days=int(number)))
        return Parsed(None, "date-unreadable")
    found = read_date_text(str(raw))
    return Parsed(found) if found else Parsed(None, "date-unreadable")


_CURRENCY = re.compile(r"(\$|\bcad\b|\bdollars?\b|\bca\b)", re.IGNORECASE)


def parse_money(raw: object) -> Parsed:
    """An amount: a number, or French text such as `1 234,56 $`; negative is refused."""
    if is_blank(raw):
        return EMPTY
    number = _number(raw)
    if number is None and isinstance(raw, str):
        number = read_decimal(_CURRENCY.sub("", raw).strip())
    if number is None:
        return Parsed(None, "money-unreadable")
    if number < 0:
        return Parsed(None, "money-negative")
    return Parsed(round(number, 2))


def parse_text(raw: object) -> Parsed:
    """Free text, trimmed; numbers and dates are shown as a person would read them."""
    if is_blank(raw):
        return EMPTY
    return Parsed(clean_text(raw))


READERS = {
    "status": parse_status,
    "percent": parse_percent,
    "date": parse_date,
    "money": parse_money,
    "text": parse_text,
    "yesno": parse_yesno,
    "target": parse_target,
}


def days(values: Iterable[object]) -> np.ndarray:
    """Dates as numpy days, NaT for empty ones, to compare whole columns at once.

    Days, not pandas timestamps: those stop in 2262, and a date is whatever year
    someone typed.
    """
    return np.asarray(list(values), dtype="datetime64[D]")


def values_digest(values: dict[str, dict[str, object]]) -> str:
    """A fingerprint of clean tracking values, equal for equal values however they were stored."""
    items = sorted((number, header, repr(value)) for number, row in values.items()
                   for header, value in row.items() if value is not None)
    return hashlib.sha256(repr(items).encode()).hexdigest()[:24] if items else ""
