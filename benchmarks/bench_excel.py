"""Excel benchmarks: template generation, write_xlsx, read_xlsx against a bare openpyxl load of the
same bytes, and aggregating 200 unit workbooks.

Run: python benchmarks/bench_excel.py [--repeat 7] [--units 200]
Prints the median of repeated runs, and the machine.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import random
import resource
import statistics
import tempfile
import time
import timeit
from collections.abc import Callable
from pathlib import Path

import openpyxl

from gov_disclosure.excel import aggregate, read_xlsx, write_template, write_xlsx
from gov_disclosure.testing import random_report, sample_report


def median(fn: Callable[[], object], repeat: int, number: int = 1) -> float:
    return statistics.median(timeit.repeat(fn, number=number, repeat=repeat)) / number


def maxrss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--units", type=int, default=200)
    args = ap.parse_args()
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, openpyxl {openpyxl.__version__}"
    )
    for fmt in ("2021", "2019"):
        t = median(lambda fmt=fmt: write_template(None, fmt), args.repeat)  # type: ignore[misc]
        print(f"{fmt} write_template()            {t * 1e3:8.1f} ms")
        report = sample_report(fmt)  # type: ignore[arg-type]
        t = median(lambda report=report: write_xlsx(report), args.repeat)  # type: ignore[misc]
        print(f"{fmt} write_xlsx(sample)          {t * 1e3:8.1f} ms")
        data = write_xlsx(report)
        assert isinstance(data, bytes)
        bare = median(lambda data=data: openpyxl.load_workbook(io.BytesIO(data)), args.repeat)  # type: ignore[misc]
        ours = median(lambda data=data: read_xlsx(data), args.repeat)  # type: ignore[misc]
        print(f"{fmt} openpyxl.load_workbook()    {bare * 1e3:8.1f} ms")
        print(f"{fmt} read_xlsx()                 {ours * 1e3:8.1f} ms  = {ours / bare:.2f}x the bare load")

    with tempfile.TemporaryDirectory() as tmp:
        rng = random.Random("bench units")
        paths = []
        for i in range(args.units):
            paths.append(Path(tmp) / f"unit{i:03}.xlsx")
            write_xlsx(random_report(rng, "2021", year=2023), paths[-1])
        for n in sorted({args.units // 4, args.units // 2, args.units}):
            times = []
            for _ in range(3):
                start = time.perf_counter()
                result = aggregate(paths[:n], agency="某区人民政府")
                times.append(time.perf_counter() - start)
            assert len(result.units) == n
            print(
                f"aggregate({n} workbooks)        {statistics.median(times):8.2f} s  "
                f"(median of 3; peak RSS: main {maxrss_mb(resource.RUSAGE_SELF):.0f} MB, "
                f"largest worker {maxrss_mb(resource.RUSAGE_CHILDREN):.0f} MB)"
            )


if __name__ == "__main__":
    main()
