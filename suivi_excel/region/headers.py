"""The headers of the region's tables (`Municipalités`, `Par axe`, `Actions`, `Bons coups`), its key
figures and its own sheets, where the words are the region's; the words it shares are named in
`core/columns.py` (`MUNICIPALITY`, `COUNT`, `RATE`…) and `report/sheet_names.py`. The roll-up writes its
frames under these names, the workbook and `regrouper`'s summary read them back: each is spelt once."""

from __future__ import annotations

PLAN, SERVICES, SERVICES_ANSWERED, REPORT = "Plan", "Services", "Services qui ont répondu", "Rapport"
MUNICIPALITIES, PLANS = "Municipalités", "Plans"  # how many: an axe's municipalities, the region's plans
# the regional workbook's own sheets (the others are the report's: `report/sheet_names.py`)
MUNICIPALITIES_SHEET, GOOD_NEWS_SHEET = MUNICIPALITIES, "Bons coups"
