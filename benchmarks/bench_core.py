"""Core benchmarks: validate() of a full 2021 report, and the JSON round trip.

Run: python benchmarks/bench_core.py [--repeat 7] [--number 2000]
Prints the median time per call over repeated runs, and the machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import timeit
from collections.abc import Callable

from gov_disclosure import from_json, to_json, validate
from gov_disclosure.testing import random_report


def median_per_call(fn: object, number: int, repeat: int) -> float:
    times = timeit.repeat(fn, number=number, repeat=repeat)  # type: ignore[arg-type]
    return statistics.median(times) / number


def cases(fmt: str) -> list[tuple[str, Callable[[], object]]]:
    rng = random.Random(fmt)
    last = random_report(rng, fmt)  # type: ignore[arg-type]
    report = random_report(rng, previous=last)  # next year's: the cross-year rules run in full
    text = to_json(report)
    return [
        ("validate()", lambda: validate(report)),
        ("validate(previous=…)", lambda: validate(report, last)),
        ("to_json()", lambda: to_json(report)),
        ("from_json()", lambda: from_json(text)),
        ("JSON round trip", lambda: from_json(to_json(report))),
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--number", type=int, default=2000)
    args = ap.parse_args()
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    for fmt in ("2021", "2019"):
        for name, fn in cases(fmt):
            t = median_per_call(fn, args.number, args.repeat)
            print(f"{fmt} {name:<22} {t * 1e3:8.3f} ms per report  ({1 / t:,.0f}/s)")


if __name__ == "__main__":
    main()
