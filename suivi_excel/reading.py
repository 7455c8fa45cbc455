"""Read every returned file, on every core, while the caller gets on with other work.

Files are read in worker processes: besides using both cores, a file that
brings a worker down cannot take the run with it (it is read again alone, and
reported if it fails again). The workers are started as soon as the files are
known, so that they read while the main process loads pandas and the plan.
Nothing here imports pandas.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from suivi_excel.anomalies import Anomaly
from suivi_excel.errors import SuiviError
from suivi_excel.returns import FileRead, find_files, read_file
from suivi_excel.safety import Limits

# Measured with scripts/bench.py on 2 cores: a worker costs about 0.05 s to start (a
# fresh interpreter) and reading a return about 1 ms, so one worker per hundred files
# pays; reading in this process would be quicker still below a hundred files, but a
# file that brought the process down would take the whole run with it. Below
# POOL_FROM files, the files are read here. Batches keep passing results back cheap.
POOL_FROM = 12
_FILES_PER_WORKER = 100
_BATCHES_PER_WORKER = 8
_MAX_WORKERS = 4
_SHOWN_WHEN_NOTHING = 10

Progress = Callable[[str], None] | None


def nothing_usable(what: str, anomalies: list[Anomaly]) -> SuiviError:
    """The exit-2 error when no file can be used, naming what was wrong with each one."""
    lines = [f"{what} : vérifiez le dossier des retours (les fichiers doivent venir de « suivi-excel generer »)."]
    shown = [a for a in anomalies if a.file][:_SHOWN_WHEN_NOTHING]
    lines += [f"  - {a.file} : {a.problem}" for a in shown]
    if len(anomalies) > len(shown):
        lines.append(f"  … et {len(anomalies) - len(shown)} autre(s).")
    return SuiviError("\n".join(lines))


def find_returns(inputs: Iterable[str | Path]) -> tuple[list[tuple[Path, str]], list[Anomaly]]:
    """The files to read under `inputs` (`returns.find_files`).

    Raises:
        SuiviError: when there is not one .xlsx among them.
    """
    paths, anomalies = find_files(inputs)
    if not paths:
        raise nothing_usable("aucun fichier .xlsx trouvé dans les retours indiqués", anomalies)
    return paths, anomalies


def read_batch(items: list[tuple[Path, str]], limits: Limits) -> list[FileRead]:
    """Read a few files in a worker (top level: worker processes import it by name)."""
    return [read_file(path, name, limits) for path, name in items]


class Reading:
    """Files being read; `results()` waits for them. Use as a context manager.

    With many files, workers start reading at construction; with few (or one
    core), the files are read in this process by `results()`.
    """

    def __init__(self, paths: list[tuple[Path, str]], limits: Limits) -> None:
        self.paths = paths
        self.limits = limits
        self._pool: ProcessPoolExecutor | None = None
        self._batches: dict[Future, list[int]] = {}
        workers = min(os.cpu_count() or 1, _MAX_WORKERS, max(1, len(paths) // _FILES_PER_WORKER))
        if len(paths) < POOL_FROM or os.cpu_count() == 1:
            return
        try:
            self._pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
            size = max(1, len(paths) // (workers * _BATCHES_PER_WORKER))
            for start in range(0, len(paths), size):
                indexes = list(range(start, min(start + size, len(paths))))
                future = self._pool.submit(read_batch, [paths[i] for i in indexes], limits)
                self._batches[future] = indexes
        except (BrokenProcessPool, OSError):  # no processes to be had: read here
            self.close()

    def __enter__(self) -> Reading:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
            self._batches = {}

    def results(self, progress: Progress = None) -> list[FileRead]:
        """Every file's FileRead, in the order of `paths`; `progress(name)` after each file."""
        reads: dict[int, FileRead] = {}
        pooled = bool(self._batches)
        try:
            for future in as_completed(self._batches):
                try:
                    batch = future.result()
                except BrokenProcessPool:
                    continue  # its files are read again below, one by one
                for index, read in zip(self._batches[future], batch):
                    reads[index] = read
                    if progress:
                        progress(read.name)
        finally:
            self.close()
        for index, (path, name) in enumerate(self.paths):
            if index not in reads:  # never sent to a worker, or its worker died
                reads[index] = (_read_alone if pooled else read_file)(path, name, self.limits)
                if progress:
                    progress(name)
        return [reads[i] for i in range(len(self.paths))]


def _read_alone(path: Path, name: str, limits: Limits) -> FileRead:
    """Read one file in its own process; if that process dies, the file becomes an anomaly."""
    try:
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
            return pool.submit(read_file, path, name, limits).result()
    except BrokenProcessPool:
        read = FileRead(path, name)
        read.anomalies.append(Anomaly.of("file-unreadable", file=name, reason="sa lecture a fait échouer le "
                                                                          "programme de lecture"))
        return read
