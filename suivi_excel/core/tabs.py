"""Names of the tabs every generated workbook has, besides one tab per service.

A service tab never takes one of these names (`text.sheet_names` reserves them),
and a reader tells a service tab from the others by them.
"""

from __future__ import annotations

TAB_INSTRUCTIONS = "Instructions"
TAB_SUMMARY = "Sommaire"
TAB_LISTS = "Listes"
TAB_META = "_suivi"
TAB_PLAN = "_plan"  # the plan's JSON, apart: only one returned file needs to be read for it
TAB_PRINT = "À imprimer"  # a per-service form's answers one page wide, to print (never read back)
RESERVED_TABS = frozenset({TAB_INSTRUCTIONS, TAB_SUMMARY, TAB_LISTS, TAB_META, TAB_PLAN, TAB_PRINT})
