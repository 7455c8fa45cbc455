"""What a file handed over may cost (`Limits`, which a coordinator can change) and why one is refused
(`Refusal`, an anomaly code, its reason and the option that raises the limit)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Bounds on what a returned file may cost; a coordinator can change them."""

    max_file_mb: float = 25.0  # size of the file on disk
    max_inflated_mb: float = 100.0  # total size once unzipped
    max_ratio: float = 200.0  # inflated / compressed, for any single part over 1 MB
    max_parts: int = 2000  # entries in the zip (thousands of sheets, padding)
    max_rows: int = 20000  # rows a returned tab may reach
    max_cells: int = 2_000_000  # rows x columns a tab may span (the reader allocates that grid)
    max_strings: int = 500_000  # shared strings (the reader keeps each one, about 70 bytes at least)


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class Refusal:
    """Why a file is not opened: an anomaly code and its reason in French."""

    code: str
    reason: str = ""
    option: str = ""


def megabytes(size: float) -> str:
    return f"{size / 1_000_000:,.1f} Mo".replace(",", " ").replace(".", ",")
