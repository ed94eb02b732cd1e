"""Core benchmarks: validate() of full reports with every rule, against the rule set of before issue 12
(GD101–GD704 only) measured in the same run; and the JSON round trip.

Run: python benchmarks/bench_core.py [--repeat 7] [--reports 300]

validate() runs over a few hundred *different* generated reports (realistic prose in every section),
one after the other, so that no cache of one report's text helps the next; the figure is the median
over ``--repeat`` runs of the CPU time per report (``time.process_time``: this process on one core,
what other processes take from the machine does not count), the runs of the old and the new rule set
alternating. Budget (issue 12): every rule ≤ 0.2 ms per 2021 report; with last year's report ≤ 0.5
ms. The ratio to the old rule set, measured in the same run, is what to compare across machines.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import time
from collections.abc import Callable, Sequence

from gov_disclosure import RULES, Report, from_json, to_json, validate
from gov_disclosure.rules import Config
from gov_disclosure.testing import random_report

#: the codes of before issue 12: the baseline
OLD = Config(
    select=tuple(
        c for c in RULES if c <= "GD704" and c not in {"GD505", *(f"GD{n}" for n in range(603, 617))}
    )
)


def per_call(fns: Sequence[Callable[[], object]], calls: int, repeat: int) -> list[float]:
    """For each function (each makes ``calls`` calls), the median over ``repeat`` runs of the CPU
    seconds per call; the functions' runs alternate, so a slower moment of the machine hits all."""
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(repeat):
        for i, fn in enumerate(fns):
            t0 = time.process_time()
            fn()
            times[i].append((time.process_time() - t0) / calls)
    return [statistics.median(t) for t in times]


def reports(fmt: str, n: int) -> tuple[list[Report], list[tuple[Report, Report]]]:
    rng = random.Random(fmt)
    singles = [random_report(rng, fmt) for _ in range(n)]  # type: ignore[arg-type]
    pairs = []
    for _ in range(n):
        last = random_report(rng, fmt)  # type: ignore[arg-type]
        pairs.append((last, random_report(rng, previous=last)))
    return singles, pairs


def run_validate(singles: Sequence[Report], config: Config | None) -> Callable[[], object]:
    def run() -> None:
        for r in singles:
            validate(r, config=config)

    return run


def run_pairs(pairs: Sequence[tuple[Report, Report]], config: Config | None) -> Callable[[], object]:
    def run() -> None:
        for last, this in pairs:
            validate(this, last, config=config)

    return run


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--reports", type=int, default=300)
    args = ap.parse_args()
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.2f}"
    )
    n, repeat = args.reports, args.repeat
    for fmt in ("2021", "2019"):
        singles, pairs = reports(fmt, n)
        rows = [
            (
                "validate(), every rule",
                run_validate(singles, None),
                "validate(), GD101–GD704",
                run_validate(singles, OLD),
            ),
            (
                "validate(previous=…), every rule",
                run_pairs(pairs, None),
                "validate(previous=…), GD101–GD704",
                run_pairs(pairs, OLD),
            ),
        ]
        for name, fn, base_name, base in rows:
            fn(), base()  # warm up
            t_base, t = per_call([base, fn], n, repeat)
            print(f"{fmt} {base_name:<36} {t_base * 1e3:7.3f} ms per report")
            print(f"{fmt} {name:<36} {t * 1e3:7.3f} ms per report  (×{t / t_base:.2f} the old rule set)")
        text = [to_json(r) for r in singles]
        t_to, t_from = per_call(
            [lambda rs=singles: [to_json(r) for r in rs], lambda ts=text: [from_json(x) for x in ts]],  # type: ignore[misc]
            n,
            repeat,
        )
        print(f"{fmt} {'to_json()':<36} {t_to * 1e3:7.3f} ms per report")
        print(f"{fmt} {'from_json()':<36} {t_from * 1e3:7.3f} ms per report")


if __name__ == "__main__":
    main()
