"""The files a user hands over, found under the files and folders named on the command line.

Used by every stage that reads what a user gives: returns (`consolider`, `verifier`), the forms to
send (`envoyer`), the reports to gather (`regrouper`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from suivi_excel.core.anomalies import Anomaly
from suivi_excel.core.safety import os_reason

EXTENSIONS = (".xlsx", ".xlsm")
# spreadsheets a service might send that we cannot read: each one is reported
OTHER_SPREADSHEETS = (".xls", ".xlsb", ".ods", ".csv", ".numbers", ".xltx", ".xltm", ".fods")


def find_files(inputs: Iterable[str | Path]) -> tuple[list[tuple[Path, str]], list[Anomaly]]:
    """Every workbook under `inputs`, with the name to show for it.

    Folders are searched recursively for .xlsx/.xlsm; Excel lock files (`~$…`) are
    skipped silently. A file given explicitly with another extension, or an input
    that does not exist, becomes an anomaly.

    Returns:
        (path, display name) pairs in a stable order, and the anomalies.
    """
    found: list[tuple[Path, str]] = []
    anomalies: list[Anomaly] = []
    seen: set[str] = set()

    def add(path: Path, shown: str) -> None:
        key = os.path.normcase(os.path.abspath(path))
        if key not in seen:
            seen.add(key)
            found.append((path, shown))

    for item in inputs:
        root = Path(item)
        if root.is_dir() and root.suffix.lower() not in EXTENSIONS:
            unreadable: list[OSError] = []
            for path in sorted(_walk(root, unreadable.append)):
                shown = path.relative_to(root).as_posix()
                if path.suffix.lower() in EXTENSIONS:
                    add(path, shown)
                elif path.suffix.lower() in OTHER_SPREADSHEETS:
                    anomalies.append(Anomaly.of("file-not-xlsx", file=shown, reason=f"format {path.suffix}"))
                else:
                    anomalies.append(Anomaly.of("file-ignored", file=shown))
            for error in unreadable:
                folder = Path(error.filename or root)
                shown = folder.relative_to(root).as_posix() if folder != root else str(root)
                anomalies.append(Anomaly.of("folder-unreadable", file=shown, reason=os_reason(error)))
        elif root.exists() or root.is_symlink():
            if root.name.startswith("~$"):
                continue
            if root.suffix.lower() in EXTENSIONS:
                add(root, root.name)
            else:
                anomalies.append(Anomaly.of("file-not-xlsx", file=root.name,
                                            reason=f"extension {root.suffix or 'absente'}"))
        else:
            anomalies.append(Anomaly.of("path-missing", file=str(item)))  # a typo, not a service's file
    return found, anomalies


def _walk(root: Path, on_error: Callable[[OSError], None]) -> Iterator[Path]:
    # os.walk does not follow symbolic links to folders, so link loops cannot trap it; a folder
    # it cannot list goes to `on_error` rather than being skipped in silence
    for folder, _dirs, files in os.walk(root, onerror=on_error):
        for name in files:
            if name.startswith(("~$", ".")):  # Excel lock files, hidden files (.DS_Store…)
                continue
            yield Path(folder) / name
        for name in _dirs:
            if name.lower().endswith(EXTENSIONS):
                yield Path(folder) / name  # a folder named like a workbook is reported
