"""When a workbook was last saved, as its own properties say: two copies of a service's return
(`consolider`), or two reports of one period (`regrouper`), are told apart by it."""

from __future__ import annotations

import datetime as dt


def saved_time(core_xml: bytes | None) -> dt.datetime | None:
    """The workbook's own last-saved time (docProps/core.xml `dcterms:modified`), in UTC."""
    from defusedxml import ElementTree

    if not core_xml:
        return None
    try:
        root = ElementTree.fromstring(core_xml)
    except Exception:  # a missing or odd part just means "unknown"
        return None
    for element in root:
        if element.tag.endswith("}modified") and element.text:
            text = element.text.strip().replace("Z", "+00:00")
            try:
                stamp = dt.datetime.fromisoformat(text)
            except ValueError:
                return None
            if stamp.tzinfo is None:
                stamp = stamp.replace(tzinfo=dt.timezone.utc)
            return stamp.astimezone(dt.timezone.utc)
    return None


def saved_text(stamp: dt.datetime | None) -> str:
    """A last-saved time (`saved_time`) as an anomaly says it, in local time, or that it is unknown: two copies
    of a return, or two reports of one period, are told apart by it."""
    if stamp is None:
        return "date inconnue"
    return stamp.astimezone().strftime("%Y-%m-%d %H:%M:%S")
