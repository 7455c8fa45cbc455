"""What a file handed over may cost (`Limits`, which a coordinator can change) and why one is refused
(`Refusal`: an anomaly code, the code of its reason in `messages.REFUSALS` with the reason's values, and the
option that raises the limit)."""

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
    """Why a file is not opened: an anomaly code and its reason, as data (it crosses process boundaries).

    Args:
        code: the anomaly code (`file-too-large`, `file-hostile`…).
        why: the code of the reason in `messages.REFUSALS` ("" when the anomaly says it all).
        params: the values of the reason's placeholders, as (name, value) pairs.
        option: the option of the command line that raises the limit passed, if any.
    """

    code: str
    why: str = ""
    params: tuple[tuple[str, object], ...] = ()
    option: str = ""

    @classmethod
    def of(cls, code: str, why: str = "", option: str = "", **params: object) -> Refusal:
        """The refusal `code` for the reason `why` of the catalogue, its placeholders filled by `params`."""
        return cls(code, why, tuple(params.items()), option)

    @property
    def reason(self) -> str:
        """The reason in French, which fills the anomaly's {reason}."""
        from suivi_excel.core.messages import REFUSALS

        return REFUSALS[self.why].format(**dict(self.params)) if self.why else ""


def megabytes(size: float) -> str:
    return f"{size / 1_000_000:,.1f} Mo".replace(",", " ").replace(".", ",")
