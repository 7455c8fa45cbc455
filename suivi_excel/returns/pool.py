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

from suivi_excel.core.anomalies import Anomaly
from suivi_excel.core.errors import SuiviError
from suivi_excel.core.safety import Limits
from suivi_excel.returns.file import FileRead, find_files, read_file

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
        if len(paths) >= POOL_FROM and (os.cpu_count() or 1) > 1:
            self._pool, self._batches = self._start(list(range(len(paths))))

    def __enter__(self) -> Reading:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def results(self, progress: Progress = None) -> list[FileRead]:
        """Every file's FileRead, in the order of `paths`; `progress(name)` after each file."""
        if self._pool is None:
            reads = {}
            for index, (path, name) in enumerate(self.paths):
                reads[index] = read_file(path, name, self.limits)
                if progress:
                    progress(name)
        else:
            try:
                reads = _collect(self._batches, progress)
            finally:
                self.close()
            missing = [i for i in range(len(self.paths)) if i not in reads]
            if missing:
                reads.update(self._recover(missing, progress))
        return [reads[i] for i in range(len(self.paths))]

    def _start(self, indexes: list[int]) -> tuple[ProcessPoolExecutor | None, dict[Future, list[int]]]:
        """A pool reading the files at `indexes` in batches; (None, {}) when no process can be had."""
        workers = min(os.cpu_count() or 1, _MAX_WORKERS, max(1, len(indexes) // _FILES_PER_WORKER))
        size = max(1, len(indexes) // (workers * _BATCHES_PER_WORKER))
        pool = None
        try:
            pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
            batches = {}
            for start in range(0, len(indexes), size):
                batch = indexes[start:start + size]
                batches[pool.submit(read_batch, [self.paths[i] for i in batch], self.limits)] = batch
            return pool, batches
        except (BrokenProcessPool, OSError):
            if pool is not None:
                pool.shutdown(wait=False, cancel_futures=True)
            return None, {}

    def _recover(self, indexes: list[int], progress: Progress) -> dict[int, FileRead]:
        """Files whose worker died, with the file that killed it among them somewhere.

        Each half is read again by fresh workers; the half that dies again is halved
        in turn, down to the one file read alone and reported. A few rounds, rather
        than one process per file.
        """
        if len(indexes) == 1:
            path, name = self.paths[indexes[0]]
            read = _read_alone(path, name, self.limits)
            if progress:
                progress(name)
            return {indexes[0]: read}
        reads: dict[int, FileRead] = {}
        middle = len(indexes) // 2
        for half in (indexes[:middle], indexes[middle:]):
            pool, batches = self._start(half)
            if pool is None:
                got: dict[int, FileRead] = {}
            else:
                try:
                    got = _collect(batches, progress)
                finally:
                    pool.shutdown(wait=True, cancel_futures=True)
            reads.update(got)
            missing = [i for i in half if i not in got]
            if missing:
                reads.update(self._recover(missing, progress))
        return reads


def _collect(batches: dict[Future, list[int]], progress: Progress) -> dict[int, FileRead]:
    """The reads of every batch that came back; those of a dead worker are left out."""
    reads: dict[int, FileRead] = {}
    for future in as_completed(batches):
        try:
            batch = future.result()
        except BrokenProcessPool:
            continue
        for index, read in zip(batches[future], batch):
            reads[index] = read
            if progress:
                progress(read.name)
    return reads


def _read_alone(path: Path, name: str, limits: Limits) -> FileRead:
    """Read one file in its own process; if that process dies, the file becomes an anomaly."""
    try:
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
            return pool.submit(read_file, path, name, limits).result()
    except (BrokenProcessPool, OSError):
        read = FileRead(path, name)
        read.anomalies.append(Anomaly.of("file-unreadable", file=name, reason="sa lecture a fait échouer le "
                                                                          "programme de lecture"))
        return read
