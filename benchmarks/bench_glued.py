"""Run-together crawler text: read_text of a report whose cells run together (``get_text()`` of its
page, gov_disclosure.testing.crawler_text) next to read_text of the same report unglued (write_text,
one cell per line), on one core.

Run: python benchmarks/bench_glued.py [--reports 40] [--repeat 5]
Prints, per set of reports, the median CPU time per report of both readings and their ratio, the
time spent in the splitter itself (reading/runs.py settle), and the share of filled cells placed.
Sets: generated reports (dense numbers: most rows need the sums), the same with their tables each on
one line, generated reports with two numbers broken, and sparse reports (most cells 0, as in real
reports).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import time
from collections.abc import Callable

from gov_disclosure import Report
from gov_disclosure.reading import runs
from gov_disclosure.testing import crawler_text, random_report
from gov_disclosure.text import read_text, write_text


def cpu_per_call(fn: Callable[[], object], n: int, repeat: int) -> float:
    """Median over ``repeat`` runs of the CPU time of ``fn`` divided by ``n`` (the reports it reads)."""
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        times.append((time.process_time() - t0) / n)
    return statistics.median(times)


def sparse(rng: random.Random) -> Report:
    """A valid report whose applications table is mostly zeros (as real reports are)."""
    r = random_report(rng)
    cells = r.cell_map()
    for a in list(cells):
        if a.startswith("applications/") and not a.endswith(("/natural_person", "/total")):
            cells[a] = 0
    for row in r.spec.applications_rows:
        cells[f"applications/{row.key}/total"] = cells[f"applications/{row.key}/natural_person"]
    return r.with_cells(cells)


def broken(r: Report, rng: random.Random) -> Report:
    cells = r.cell_map()
    for a in rng.sample(
        [a for a, v in cells.items() if isinstance(v, int) and a.startswith("applications/")], 2
    ):
        cells[a] = int(cells[a] or 0) + rng.choice((1, 9, 10))  # type: ignore[call-overload]
    return r.with_cells(cells)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--reports", type=int, default=40)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; CPU time per report, median of {args.repeat} runs"
    )
    rng = random.Random("bench glued")
    dense = [random_report(rng) for _ in range(args.reports)]
    sets: list[tuple[str, list[Report], bool]] = [
        ("generated", dense, False),
        ("generated, tables on one line", dense, True),
        ("generated, 2 numbers broken", [broken(r, rng) for r in dense], False),
        ("sparse (mostly 0)", [sparse(rng) for _ in range(args.reports)], False),
    ]
    settle = runs.settle
    spent = [0.0]

    def timed_settle(*a: object, **k: object) -> list[runs.Outcome]:
        t0 = time.process_time()
        try:
            return settle(*a, **k)  # type: ignore[arg-type]
        finally:
            spent[0] += time.process_time() - t0

    for name, reports, one_line in sets:
        glued = [crawler_text(r, one_line=one_line) for r in reports]
        plain = [write_text(r, layout="lines") for r in reports]
        n = len(reports)
        for text in glued[:2] + plain[:2]:
            read_text(text=text)  # warm the caches
        t_plain = cpu_per_call(lambda texts=plain: [read_text(text=t) for t in texts], n, args.repeat)  # type: ignore[misc]
        runs.settle = timed_settle  # type: ignore[assignment]
        spent[0] = 0.0
        t_glued = cpu_per_call(lambda texts=glued: [read_text(text=t) for t in texts], n, args.repeat)  # type: ignore[misc]
        t_settle = spent[0] / (n * args.repeat)
        runs.settle = settle  # type: ignore[assignment]
        filled = placed = 0
        for r, text in zip(reports, glued, strict=True):
            back, _ = read_text(text=text)
            for a, v in r.cell_map().items():
                if v is not None:
                    filled += 1
                    placed += back.cell(a) is not None
                    assert back.cell(a) in (None, v), (name, a)
        print(
            f"{name:<32} plain {t_plain * 1e3:6.1f} ms  run together {t_glued * 1e3:6.1f} ms "
            f"(x{t_glued / t_plain:4.1f}; splitter {t_settle * 1e3:5.1f} ms)  placed {placed / filled:.1%}"
        )


if __name__ == "__main__":
    main()
