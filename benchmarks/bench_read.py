"""Reading benchmarks: read_text, read_markdown and read_html of a typical report, on one core.

Run: python benchmarks/bench_read.py [--repeat 7] [--number 50] [--timer wall|cpu]
Prints the median time per report over repeated runs (reports per second), its ratio to the
baseline measured in the same run (read_text of the 2021 report as plain text, one cell per line),
and the machine. Cases: the real samples (tests/data, tests/data/real) and generated reports of both
formats written by write_text (three table layouts), write_markdown (pipe and HTML tables) and
write_html. Aim: Markdown at 300 reports/s or more.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import time
import timeit
from collections.abc import Callable
from pathlib import Path

from gov_disclosure.html import read_html, write_html
from gov_disclosure.markdown import read_markdown, write_markdown
from gov_disclosure.testing import random_report
from gov_disclosure.text import read_text, write_text

DATA = Path(__file__).parent.parent / "tests" / "data"
#: the case every other is compared with
BASELINE = "read_text 2021 lines"


def median_per_call(fn: Callable[[], object], number: int, repeat: int, timer: str = "wall") -> float:
    clock = time.process_time if timer == "cpu" else time.perf_counter
    times = timeit.repeat(fn, number=number, repeat=repeat, timer=clock)
    return statistics.median(times) / number


def cases() -> list[tuple[str, Callable[[], object]]]:
    out: list[tuple[str, Callable[[], object]]] = []
    for name in ("dinghai-econ-2020.txt", "erqi-sci-2020.txt"):
        text = (DATA / name).read_text(encoding="utf-8")
        out.append((f"read_text {name}", lambda t=text: read_text(text=t)))  # type: ignore[misc]
    real = (DATA / "real" / "shanghai-stcsm-2024.md").read_text(encoding="utf-8")
    out.append(("read_markdown shanghai-stcsm-2024.md", lambda t=real: read_markdown(text=t)))  # type: ignore[misc]
    out.append(("read_text shanghai-stcsm-2024.md", lambda t=real: read_text(text=t)))  # type: ignore[misc]
    for fmt in ("2019", "2021"):
        r = random_report(random.Random(fmt), fmt)  # type: ignore[arg-type]
        for layout in ("cells", "tsv", "lines"):
            text = write_text(r, layout=layout)  # type: ignore[arg-type]
            out.append((f"read_text {fmt} {layout}", lambda t=text: read_text(text=t)))  # type: ignore[misc]
        for tables in ("pipe", "html"):
            md = write_markdown(r, tables=tables)  # type: ignore[arg-type]
            out.append((f"read_markdown {fmt} {tables}", lambda t=md: read_markdown(text=t)))  # type: ignore[misc]
        page = write_html(r)
        out.append((f"read_html {fmt}", lambda p=page: read_html(html=p)))  # type: ignore[misc]
        out.append((f"write_text+write_html {fmt}", lambda r=r: (write_text(r), write_html(r))))  # type: ignore[misc]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--number", type=int, default=50)
    ap.add_argument(
        "--timer",
        choices=("wall", "cpu"),
        default="wall",
        help="wall clock, or this process's CPU time (steadier on a machine shared with other work)",
    )
    args = ap.parse_args()
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    all_cases = cases()
    for _, fn in all_cases:
        fn()  # warm the label caches, as a long run has them
    print(f"timer: {args.timer}; load average: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    timed = [(name, median_per_call(fn, args.number, args.repeat, args.timer)) for name, fn in all_cases]
    base = dict(timed)[BASELINE]
    for name, t in timed:
        print(f"{name:<38} {t * 1e3:8.2f} ms per report  ({1 / t:7,.0f}/s)  {t / base:5.2f}x baseline")


if __name__ == "__main__":
    main()
