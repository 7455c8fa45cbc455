"""The send journal as a spreadsheet program leaves it: read whatever Excel saved it as, written so
that opening it runs nothing.

A coordinator opens `journal-envois.csv` in Excel, and Excel may save it again: in Windows-1252
rather than UTF-8, with `,` rather than `;` between columns, dates rewritten. Each of these once
made the journal unreadable or, worse, made every message look unsent. The journal is read from its
bytes (UTF-8, UTF-16 or Windows-1252; `;`, `,` or tab), and rewritten in its own format before
anything is added to it. A cell that would start a formula (`=`, `+`, `-`, `@`) is written behind an
apostrophe, which Excel shows as text and which is taken off again on reading.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from pathlib import Path

from suivi_excel.core.atomic import atomic_path

DELIMITER = ";"
ENCODING = "utf-8-sig"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """A cell as text that a spreadsheet program shows and never evaluates."""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def plain_cell(text: str) -> str:
    """A cell read back: without the apostrophe `safe_cell` put before a formula-like text."""
    return text[1:] if text.startswith("'") and text[1:].startswith(_FORMULA_START) else text


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8-sig"), ENCODING
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def _key(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip().casefold()


def read_journal(path: Path, headers: tuple[str, ...]) -> tuple[list[dict[str, str]], bool]:
    """The rows of a journal, keyed by `headers`, and whether the file is in the journal's own format
    (UTF-8 with `;`); a journal that is not (re-saved by a spreadsheet program) should be rewritten."""
    text, encoding = _decode(path.read_bytes())
    first = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = list(reader)
    if not rows:
        return [], encoding == ENCODING and delimiter == DELIMITER
    found = [_key(plain_cell(h)) for h in rows[0]]
    columns = {h: found.index(_key(h)) for h in headers if _key(h) in found}
    records = [{h: plain_cell(row[i]).strip() if i < len(row) else "" for h, i in columns.items()}
               for row in rows[1:] if any(cell.strip() for cell in row)]
    for record in records:
        for header in headers:
            record.setdefault(header, "")
    return records, encoding == ENCODING and delimiter == DELIMITER


def write_journal(path: Path, headers: tuple[str, ...], records: list[dict[str, str]]) -> None:
    """Write the whole journal in its own format, atomically (a failed write leaves the old one)."""
    with atomic_path(path) as temporary:
        with open(temporary, "w", encoding=ENCODING, newline="") as handle:
            writer = csv.writer(handle, delimiter=DELIMITER)
            writer.writerow(headers)
            for record in records:
                writer.writerow([safe_cell(record.get(h, "")) for h in headers])


_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})|(\d{1,2})/(\d{1,2})/(\d{4})")


def day_of(stamp: str) -> str:
    """The ISO day of a journal time stamp, whether written by us (ISO) or rewritten by Excel (day first)."""
    match = _DAY.search(stamp)
    if match is None:
        return ""
    if match.group(1):
        return f"{match.group(1)}-{match.group(2)}-{match.group(3)}"
    return f"{match.group(6)}-{int(match.group(5)):02d}-{int(match.group(4)):02d}"


def same(text: str, expected: str) -> bool:
    """Whether a cell says `expected`, whatever case or Unicode form a program saved it in."""
    return _key(text) == _key(expected)
