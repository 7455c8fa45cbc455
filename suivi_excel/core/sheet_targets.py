"""Which parts of a workbook's zip are its sheets: `xl/workbook.xml` names them, its relationships
point at their parts. Used to bound a file's sheets and to read its document properties."""

from __future__ import annotations

import posixpath
from collections.abc import Callable

WORKBOOK, WORKBOOK_RELS = "xl/workbook.xml", "xl/_rels/workbook.xml.rels"
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def is_worksheet(name: str) -> bool:
    return name.startswith("xl/worksheets/") and name.endswith(".xml")


def sheet_targets(workbook_xml: bytes, rels_xml: bytes) -> list[tuple[str, str]]:
    """(sheet name, zip part) of every sheet a workbook declares, targets made absolute."""
    from defusedxml import ElementTree

    rels = ElementTree.fromstring(rels_xml)
    targets = {r.get("Id"): r.get("Target") or "" for r in rels.iter(f"{_PKG}Relationship")}
    found = []
    for sheet in ElementTree.fromstring(workbook_xml).iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_REL}id"), "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
        found.append((sheet.get("name") or "", part))
    return found


def sheet_parts(small: dict[str, bytes], parsed: Callable[[str], bool] | None) -> tuple[set[str], set[str]]:
    """Parts the workbook declares as sheets, and those that only sheets nobody will parse point
    to; lower-cased, as readers look parts up ignoring case. When the workbook's parts cannot be
    followed, no part is skipped and only `xl/worksheets/` holds sheets."""
    try:
        targets = sheet_targets(small[WORKBOOK], small[WORKBOOK_RELS])
    except Exception:  # noqa: BLE001 - a part we cannot follow: check everything
        return set(), set()
    sheets = {part.lower() for _name, part in targets}
    if parsed is None:
        return sheets, set()
    needed = {part.lower() for name, part in targets if parsed(name)}
    return sheets, {part.lower() for name, part in targets if not parsed(name)} - needed
