"""Reading benchmarks: read_text and read_html of a typical report, on one core.

Run: python benchmarks/bench_read.py [--repeat 7] [--number 50]
Prints the median time per report over repeated runs (reports per second), and the machine.
Cases: the two real samples (tests/data) and generated reports of both formats written by
write_text (three table layouts) and write_html.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import timeit
from collections.abc import Callable
from pathlib import Path

from gov_disclosure.html import read_html, write_html
from gov_disclosure.testing import random_report
from gov_disclosure.text import read_text, write_text

DATA = Path(__file__).parent.parent / "tests" / "data"


def median_per_call(fn: Callable[[], object], number: int, repeat: int) -> float:
    times = timeit.repeat(fn, number=number, repeat=repeat)
    return statistics.median(times) / number


def cases() -> list[tuple[str, Callable[[], object]]]:
    out: list[tuple[str, Callable[[], object]]] = []
    for name in ("dinghai-econ-2020.txt", "erqi-sci-2020.txt"):
        text = (DATA / name).read_text(encoding="utf-8")
        out.append((f"read_text {name}", lambda t=text: read_text(text=t)))  # type: ignore[misc]
    for fmt in ("2019", "2021"):
        r = random_report(random.Random(fmt), fmt)  # type: ignore[arg-type]
        for layout in ("cells", "tsv", "lines"):
            text = write_text(r, layout=layout)  # type: ignore[arg-type]
            out.append((f"read_text {fmt} {layout}", lambda t=text: read_text(text=t)))  # type: ignore[misc]
        page = write_html(r)
        out.append((f"read_html {fmt}", lambda p=page: read_html(html=p)))  # type: ignore[misc]
        out.append((f"write_text+write_html {fmt}", lambda r=r: (write_text(r), write_html(r))))  # type: ignore[misc]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--number", type=int, default=50)
    args = ap.parse_args()
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    for name, fn in cases():
        t = median_per_call(fn, args.number, args.repeat)
        print(f"{name:<34} {t * 1e3:8.2f} ms per report  ({1 / t:,.0f}/s)")


if __name__ == "__main__":
    main()
