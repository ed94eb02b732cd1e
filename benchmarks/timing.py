"""Timing for the benchmark scripts (imported by them: they run as ``python benchmarks/NAME.py``)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

CPU_TIMES: list[float] = []  #: the CPU-time median (ms) of each median_ms call, the last one last


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    """Median wall time (ms) of ``repeat`` calls after a warm-up; the median CPU time of the same calls
    (time.process_time, which the machine's load changes less) is left in CPU_TIMES[-1]."""
    fn()
    times, cpu = [], []
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        fn()
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    CPU_TIMES.append(statistics.median(cpu) * 1e3)
    return statistics.median(times) * 1e3
