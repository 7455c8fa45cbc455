"""Text helpers shared by every reader and writer: loose matching, action numbers, safe names."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata

_SPACES = re.compile(r"[\s\u00a0\u202f\u2007]+")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Return `text` without accents, case-folded, with runs of spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", bare).strip().casefold()


def match_key(text: object) -> str:
    """Key used to match headers and typed choices: no accents, case, spaces or punctuation.

    `"Réalisée "`, `"realisee"` and `"R E A L I S E E"` all give `"realisee"`.
    """
    if text is None:
        return ""
    return _NOT_ALNUM.sub("", fold(str(text)).replace("œ", "oe").replace("æ", "ae"))


def is_blank(value: object) -> bool:
    """True for the values a spreadsheet shows as an empty cell."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, str) and not _SPACES.sub("", value):
        return True
    return False


def clean_text(value: object) -> str:
    """A cell as display text: blanks become "", numbers lose a useless ".0"."""
    if is_blank(value):
        return ""
    if isinstance(value, bool):
        return "VRAI" if value else "FAUX"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def action_number(value: object) -> str:
    """An action number as text: `2.10` stays `2.10`, `12` typed as a number is `12`."""
    return clean_text(value)


_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_MAX = 31


def sheet_names(names: list[str], reserved: set[str] = frozenset()) -> list[str]:
    """Excel-valid, unique tab names for `names`, in order.

    Args:
        names: the wanted names (service names).
        reserved: names already used in the workbook (compared case-insensitively).

    Returns:
        One name per input, at most 31 characters, without `[]:*?/\\`, not starting
        or ending with an apostrophe, unique even when two long names share their
        first 31 characters (a ` (2)` suffix is then fitted inside the limit).
    """
    taken = {n.casefold() for n in reserved} | {"history"}
    result = []
    for name in names:
        base = _SPACES.sub(" ", _SHEET_FORBIDDEN.sub("-", name)).strip().strip("'").strip()
        base = base or "Service"
        candidate = base[:SHEET_NAME_MAX].rstrip().strip("'")
        counter = 2
        while candidate.casefold() in taken:
            suffix = f" ({counter})"
            candidate = base[: SHEET_NAME_MAX - len(suffix)].rstrip().strip("'") + suffix
            counter += 1
        taken.add(candidate.casefold())
        result.append(candidate)
    return result


_FILE_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(1, 10)} | {
    f"lpt{i}" for i in range(1, 10)
}


def file_stem(name: str, limit: int = 80) -> str:
    """A file name stem that Windows, macOS and Linux all accept, readable (accents kept)."""
    stem = _SPACES.sub(" ", _FILE_FORBIDDEN.sub("-", unicodedata.normalize("NFC", name))).strip()
    stem = stem[:limit].rstrip(" .") or "service"
    if stem.split(".")[0].casefold() in _WINDOWS_RESERVED:
        stem = f"_{stem}"
    return stem


def column_letter(index: int) -> str:
    """Excel column letters for a 0-based column index (0 -> A, 27 -> AB)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell_ref(row0: int, col0: int) -> str:
    """A1 reference for 0-based row and column indexes."""
    return f"{column_letter(col0)}{row0 + 1}"
