"""How every workbook suivi-excel writes is opened with XlsxWriter (plan, forms, report, region)."""

from __future__ import annotations

# text stays text (never a formula, a link or a number); parts are assembled in memory, not in temp files
WORKBOOK_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False,
                    "in_memory": True}
