"""Read every returned file in worker processes, while the caller gets on with other work.

Files are read by `core.isolation.Isolated`: besides using both cores, a file that brings its
reader down (an abort, not an exception) cannot take the run with it, whatever the number of files:
it is read again alone and reported. The workers start as soon as the files are known, so that they
read while the main process loads pandas and the plan. Nothing here imports pandas.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from suivi_excel.core.anomalies import Anomaly
from suivi_excel.core.errors import NothingUsable
from suivi_excel.core.inputs import find_files
from suivi_excel.core.isolation import Isolated
from suivi_excel.core.messages import REFUSALS
from suivi_excel.core.limits import Limits
from suivi_excel.returns.file import FileRead, read_file

Progress = Callable[[str], None] | None


def find_returns(inputs: Iterable[str | Path]) -> tuple[list[tuple[Path, str]], list[Anomaly]]:
    """The files to read under `inputs` (`core.inputs.find_files`).

    Raises:
        NothingUsable: when there is not one .xlsx among them.
    """
    paths, anomalies = find_files(inputs)
    if not paths:
        raise NothingUsable("nothing-found", anomalies)
    return paths, anomalies


def crashed(path: Path, name: str, _limits: Limits | None = None) -> FileRead:
    """What stands for a file whose reading brought its process down (top level: workers pickle it)."""
    read = FileRead(path, name)
    read.anomalies.append(Anomaly.of("file-unreadable", file=name, reason=REFUSALS["reader-crashed"]))
    return read


class Reading:
    """Files being read by workers from construction on; `results()` waits for them. Use as a context manager."""

    def __init__(self, paths: list[tuple[Path, str]], limits: Limits) -> None:
        self.paths = paths
        self._work = Isolated(read_file, [(path, name, limits) for path, name in paths], crashed)

    def __enter__(self) -> Reading:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        self._work.close()

    def results(self, progress: Progress = None) -> list[FileRead]:
        """Every file's FileRead, in the order of `paths`; `progress(name)` after each file."""
        return self._work.results((lambda _index, read: progress(read.name)) if progress else None)
