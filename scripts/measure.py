"""Run a command as its own process and measure it: wall time and peak memory (Linux/macOS)."""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass


@dataclass
class Measure:
    output: str
    seconds: float
    peak_mb: float
    code: int


def measure(command: list[str]) -> Measure:
    start = time.perf_counter()
    process = subprocess.Popen([str(c) for c in command], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.stdout.read().decode(errors="replace")
    _pid, status, usage = os.wait4(process.pid, 0)
    return Measure(output, time.perf_counter() - start, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status))
