"""suivi-excel: follow up municipal action plans (PFM, MADA) in Excel workbooks.

The package follows the data: plan -> workbook -> returns -> validation ->
consolidation -> report -> mail, with the history beside them.
"""

__version__ = "0.1.0"
