"""Run a reader over the files a user hands over, in worker processes, so that a parser that dies
(an abort, a segfault: not an exception) takes only its own file with it.

`Isolated(function, items, crashed)` calls `function(*item)` for each item in workers, which start
at once (the caller gets on with other work meanwhile); `results()` gives every result in order.
A worker that dies loses its batch: the batch is read again by fresh workers, halved until the one
item that kills its reader is alone, and `crashed(*item)` stands for its result. `survives()` runs
a single call apart, for a command that reads one file (a plan, a document to import).

Workers are forked where that is safe and quick (Linux: a few milliseconds, nothing imported
again), started afresh elsewhere (Windows, macOS: spawn).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from typing import Generic, TypeVar

R = TypeVar("R")

# Measured on 2 cores (scripts/bench.py): reading a return costs about 1 ms, so one worker per
# hundred items; batches keep passing results back cheap.
_ITEMS_PER_WORKER = 100
_BATCHES_PER_WORKER = 8
MAX_WORKERS = 4

Progress = Callable[[object], None] | None


def context():
    """The start method of workers: fork on Linux (quick, and safe: nothing here runs threads), spawn
    elsewhere (macOS frameworks and Windows do not survive a fork)."""
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def can_start_workers() -> bool:
    """Whether this process may start processes: a daemonic one (a `multiprocessing.Pool` worker that
    calls us) may not, and then reads in place, unguarded."""
    return not multiprocessing.current_process().daemon


def run_batch(function: Callable[..., R], items: list[tuple]) -> list[R]:
    """Call `function` on a few items in a worker (top level: spawned workers import it by name)."""
    return [function(*item) for item in items]


class Isolated(Generic[R]):
    """`function(*item)` for every item, in workers started at construction. Use as a context manager.

    Args:
        function: a top-level function (workers may have to import it by name).
        items: argument tuples.
        crashed: what stands for the result of an item whose reader brought its process down.
        workers: at most this many processes (by default one per hundred items, up to MAX_WORKERS).
    """

    def __init__(self, function: Callable[..., R], items: Sequence[tuple], crashed: Callable[..., R],
                 workers: int | None = None) -> None:
        self.function, self.items, self.crashed = function, list(items), crashed
        self._limit = workers
        self._pool: ProcessPoolExecutor | None = None
        self._batches: dict[Future, list[int]] = {}
        if self.items:
            self._pool, self._batches = self._start(list(range(len(self.items))))

    def __enter__(self) -> Isolated[R]:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def results(self, progress: Callable[[int, R], None] | None = None) -> list[R]:
        """Every item's result, in the order of `items`; `progress(index, result)` as each arrives."""
        if self._pool is None and self.items:  # no process could be had: read here, unguarded
            done = {}
            for index, item in enumerate(self.items):
                done[index] = self.function(*item)
                if progress:
                    progress(index, done[index])
            return [done[i] for i in range(len(self.items))]
        try:
            done = _collect(self._batches, progress)
        finally:
            self.close()
        missing = [i for i in range(len(self.items)) if i not in done]
        if missing:
            done.update(self._recover(missing, progress))
        return [done[i] for i in range(len(self.items))]

    def _start(self, indexes: list[int]) -> tuple[ProcessPoolExecutor | None, dict[Future, list[int]]]:
        """A pool working on the items at `indexes` in batches; (None, {}) when no process can be had."""
        workers = min(os.cpu_count() or 1, MAX_WORKERS, max(1, len(indexes) // _ITEMS_PER_WORKER))
        if self._limit:
            workers = min(workers, self._limit)
        size = max(1, len(indexes) // (workers * _BATCHES_PER_WORKER))
        pool = None
        if not can_start_workers():
            return None, {}
        try:
            pool = ProcessPoolExecutor(workers, mp_context=context())
            batches = {}
            for start in range(0, len(indexes), size):
                batch = indexes[start:start + size]
                batches[pool.submit(run_batch, self.function, [self.items[i] for i in batch])] = batch
            return pool, batches
        except (BrokenProcessPool, OSError):
            if pool is not None:
                pool.shutdown(wait=False, cancel_futures=True)
            return None, {}

    def _recover(self, indexes: list[int], progress) -> dict[int, R]:
        """Items whose worker died, with the item that killed it among them somewhere: each half is
        run again by fresh workers, the half that dies again is halved in turn, down to the one item
        run alone, whose result is `crashed(*item)` if it dies again."""
        if len(indexes) == 1:
            index = indexes[0]
            result = _alone(self.function, self.items[index], self.crashed)
            if progress:
                progress(index, result)
            return {index: result}
        done: dict[int, R] = {}
        middle = len(indexes) // 2
        for half in (indexes[:middle], indexes[middle:]):
            pool, batches = self._start(half)
            got: dict[int, R] = {}
            if pool is not None:
                try:
                    got = _collect(batches, progress)
                finally:
                    pool.shutdown(wait=True, cancel_futures=True)
            done.update(got)
            missing = [i for i in half if i not in got]
            if missing:
                done.update(self._recover(missing, progress))
        return done


def _collect(batches: dict[Future, list[int]], progress) -> dict:
    """The results of every batch that came back; those of a dead worker are left out."""
    done = {}
    for future in as_completed(batches):
        try:
            results = future.result()
        except BrokenProcessPool:
            continue
        for index, result in zip(batches[future], results):
            done[index] = result
            if progress:
                progress(index, result)
    return done


def _alone(function: Callable[..., R], item: tuple, crashed: Callable[..., R]) -> R:
    if not can_start_workers():
        return function(*item)
    try:
        with ProcessPoolExecutor(1, mp_context=context()) as pool:
            return pool.submit(function, *item).result()
    except (BrokenProcessPool, OSError):
        return crashed(*item)


def _probe(function: Callable[..., object], item: tuple) -> bool:
    """Run `function(*item)` and report that the process lived; what it raised is the caller's to see.
    The probe's process says nothing: a native reader's panic message is for no one's screen."""
    with open(os.devnull, "w") as quiet:
        os.dup2(quiet.fileno(), 2)
    try:
        function(*item)
    except BaseException:  # noqa: BLE001 - a panic of a native reader is a BaseException; the caller
        pass  # reads the file again and meets the same exception, which it knows how to report
    return True


def survives(function: Callable[..., object], *item: object) -> bool:
    """Whether `function(*item)` runs without bringing its process down, run in a process of its own.

    For a command that reads one file the user handed over: the file is read there first, and only
    read here if that process lived. Costs a fork (a few ms on Linux) plus the read itself.
    """
    if not can_start_workers():
        return True  # read here, unguarded
    try:
        with ProcessPoolExecutor(1, mp_context=context()) as pool:
            return pool.submit(_probe, function, item).result()
    except BrokenProcessPool:
        return False
    except OSError:
        return True  # no process can be had: read here, unguarded
