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


_EMAIL = re.compile(r"[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+")


def is_email(text: str) -> bool:
    """True for one plausible e-mail address (a list separated by commas or semicolons is not one)."""
    return _EMAIL.fullmatch(text.strip()) is not None


def is_blank(value: object) -> bool:
    """True for the values a spreadsheet shows as an empty cell."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, str) and not _SPACES.sub("", value):
        return True
    return False


# characters XML 1.0 cannot carry (C0 controls but tab and line breaks; the two non-characters): a cell
# holding one (`_x0007_` in the file) would make every workbook written from it unreadable
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def writable(text: str) -> str:
    """`text` without the characters a workbook, an e-mail or a document cannot carry."""
    return _UNWRITABLE.sub("", text)


def clean_text(value: object) -> str:
    """A cell as display text: blanks become "", numbers lose a useless ".0", control characters go."""
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
    return writable(str(value)).strip()


def action_number(value: object) -> str:
    """An action number as text: `2.10` stays `2.10`, `12` typed as a number is `12`."""
    return clean_text(value)


_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
SHEET_NAME_MAX = 31


def _unique(bases: list[str], limit: int, taken: set[str], tidy=lambda name: name) -> list[str]:
    """Each base cut to `limit` characters, kept unique (ignoring case) by a ` (2)` suffix fitted
    inside the limit; `taken` holds the names already used, casefolded, and grows."""
    result = []
    for base in bases:
        candidate = tidy(base[:limit])
        counter = 2
        while candidate.casefold() in taken:
            suffix = f" ({counter})"
            candidate = tidy(base[: limit - len(suffix)]) + suffix
            counter += 1
        taken.add(candidate.casefold())
        result.append(candidate)
    return result


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
    # a leading "_" is left out: readers take such tabs for the workbook's own hidden ones
    bases = [_SPACES.sub(" ", _SHEET_FORBIDDEN.sub("-", writable(name))).strip().strip("'").lstrip("_").strip()
             or "Service" for name in names]
    taken = {n.casefold() for n in reserved} | {"history"}
    return _unique(bases, SHEET_NAME_MAX, taken, lambda name: name.rstrip().strip("'"))


_FILE_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(1, 10)} | {
    f"lpt{i}" for i in range(1, 10)
}


def file_stems(names: list[str], limit: int = 80) -> list[str]:
    """File name stems for `names`, in order, each safe on every system and unique ignoring case
    (two names cut at the same length get a ` (2)` suffix), so no output replaces another."""
    bases = [_SPACES.sub(" ", _FILE_FORBIDDEN.sub("-", unicodedata.normalize("NFC", name))).strip()
             for name in names]
    return _unique(bases, limit, set(), _safe_stem)


def _safe_stem(stem: str) -> str:
    stem = stem.rstrip(" .") or "service"
    return f"_{stem}" if stem.split(".")[0].casefold() in _WINDOWS_RESERVED else stem


def column_number(letters: str) -> int:
    """The 1-based column number of Excel column letters (A -> 1, AB -> 28), case ignored."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


_CELL_REF = re.compile(r"\$?([A-Za-z]{0,3})\$?(\d{0,7})")


def split_ref(ref: str) -> tuple[int, int]:
    """(row, column), 1-based, of the first cell an A1 reference names: `B12` -> (12, 2).

    A whole row or column gives 0 for what it spans (`1:1` -> (1, 0), `C:C` -> (0, 3));
    a reference that names no cell (blank, a sheet name) gives (0, 0).
    """
    match = _CELL_REF.fullmatch(str(ref).strip().split(":")[0])
    if not match:
        return 0, 0
    letters, digits = match.groups()
    return int(digits) if digits else 0, column_number(letters) if letters else 0


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


MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")


def french_date(day: dt.date) -> str:
    """`1er mars 2027`, `15 janvier 2027`: a date as a Québec reader writes it."""
    return f"{'1er' if day.day == 1 else day.day} {MONTHS[day.month - 1]} {day.year}"


def money_text(amount: float) -> str:
    """`12 345 $` the Québec way (narrow no-break space between thousands)."""
    return f"{amount:,.0f}".replace(",", "\u202f") + " $"


def percent_text(rate: float) -> str:
    """A rate from 0 to 1 as `45 %`."""
    return f"{rate * 100:.0f} %"


PROGRAM = "suivi-excel"
_SPECIAL = set(" '\"$`!*?&;|<>()[]{}#~")


def _word(word: object) -> str:
    # double quotes read the same in a Windows console, PowerShell and a Unix shell
    text = str(word)
    return f'"{text}"' if _SPECIAL & set(text) else text


def command_line(*words: object) -> str:
    """A command of suivi-excel as the coordinator types it: a word quoted only where a shell needs it."""
    return " ".join([PROGRAM, *(_word(w) for w in words)])
