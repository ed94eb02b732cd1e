"""Batch benchmark: 1,000 generated reports (.json/.xlsx/.docx/.txt in equal shares, agencies in
consecutive years so that the cross-year rules run) checked end to end, as `gov-disclosure check`
does: reports/s, peak memory, -j 1 vs -j 2; reports/s per core per format; memory vs number of files.

Run: python benchmarks/bench_batch.py [--n 1000] [--repeat 3] [--dir DIR] [--quick]
Each measurement runs in a fresh process (so peak memory is its own) and prints the median of
``--repeat`` runs. ``--dir`` keeps the generated corpus between runs (generation takes a minute or
two: writing .xlsx/.docx is the slow part). ``--quick``: 200 reports, 1 repeat (a smoke run).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import attrs

from gov_disclosure import Report, to_json
from gov_disclosure.testing import random_report

FORMATS = ("json", "txt", "xlsx", "docx")
YEARS = 5  #: consecutive years per agency

#: run in a fresh process: check PATHS with -j JOBS as the CLI does, print time and peak memory
_RUN = """
import json, os, resource, sys, threading, time
from gov_disclosure import batch


def hwm(pid):  # peak resident memory of a process (of its own image, unlike ru_maxrss after exec)
    try:
        with open(f"/proc/{pid}/status") as f:
            return next(int(x.split()[1]) for x in f if x.startswith("VmHWM")) / 1024
    except (OSError, StopIteration):
        return 0.0


workers, done = {}, threading.Event()


def sample():  # the peak memory of each worker process, sampled while it runs
    me = str(os.getpid())
    while not done.is_set():
        for task in os.listdir(f"/proc/{me}/task"):
            try:
                kids = open(f"/proc/{me}/task/{task}/children").read().split()
            except OSError:
                continue
            for kid in kids:
                workers[kid] = max(workers.get(kid, 0.0), hwm(kid))
        time.sleep(0.2)


threading.Thread(target=sample, daemon=True).start()
paths, jobs = sys.argv[1:-1], int(sys.argv[-1])
t = time.perf_counter()
r0 = resource.getrusage(resource.RUSAGE_SELF)
s = batch.Summary()
with open(os.devnull, "w", encoding="utf-8") as out:
    for e in batch.write_findings(batch.iter_check(paths, jobs=jobs), out, kind="csv"):
        s.add(e)
elapsed = time.perf_counter() - t
done.set()
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({
    "seconds": elapsed, "files": s.files, "read": s.read, "pairs": s.pairs, "unreadable": s.unreadable,
    "findings": sum(s.codes.values()),
    "cpu": me.ru_utime + me.ru_stime - r0.ru_utime - r0.ru_stime + kids.ru_utime + kids.ru_stime,
    "parent_mib": hwm("self"),
    "worker_mib": max(workers.values(), default=0.0),
}))
"""


def write(report: Report, path: Path, fmt: str) -> None:
    if fmt == "json":
        path.write_text(to_json(report), encoding="utf-8")
    elif fmt == "txt":
        from gov_disclosure.text import write_text

        path.write_text(write_text(report), encoding="utf-8")
    elif fmt == "xlsx":
        from gov_disclosure.excel import write_xlsx

        write_xlsx(report, path)
    else:
        from gov_disclosure.docx import write_docx

        write_docx(report, path)


def generate(root: Path, n: int, formats: tuple[str, ...] = FORMATS) -> Path:
    """``n`` reports of n/YEARS agencies in consecutive years; the format of a report is
    (agency + year) mod len(formats), each format in its own folder; about 1 in 10 reports has a
    broken total."""
    marker = root / f".generated-{n}-{'-'.join(formats)}"
    if marker.exists():
        return root
    rng = random.Random(f"bench_batch {n}")
    for fmt in formats:
        (root / fmt).mkdir(parents=True, exist_ok=True)
    made = 0
    agency = 0
    while made < n:
        name = f"测试市第{agency + 1}区教育局"
        report = attrs.evolve(
            random_report(rng, year=2019),
            agency=name,
            agency_kind="department",
            published_on=dt.date(2020, 1, 20),
        )
        for y in range(min(YEARS, n - made)):
            if rng.random() < 0.1:
                total = report.cell("appeals/review/total")
                assert isinstance(total, int)
                report = report.with_cells({"appeals/review/total": total + 1})
            fmt = formats[(agency + y) % len(formats)]
            write(report, root / fmt / f"{agency:05d}-{report.year}.{fmt}", fmt)
            made += 1
            report = random_report(rng, previous=report)
        agency += 1
    marker.write_text("", encoding="utf-8")
    return root


def run(paths: list[Path], jobs: int, repeat: int) -> dict[str, float]:
    """Median over ``repeat`` fresh processes."""
    runs = []
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, "-c", _RUN, *map(str, paths), str(jobs)],
            capture_output=True,
            text=True,
            check=True,
        )
        runs.append(json.loads(out.stdout))
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    med["reports_per_s"] = med["files"] / med["seconds"]
    med["reports_per_cpu_s"] = med["files"] / med["cpu"]
    return med


def line(label: str, m: dict[str, float]) -> str:
    return (
        f"{label:<14} {m['files']:>5.0f} files {m['seconds']:>7.2f} s {m['reports_per_s']:>7.1f} reports/s"
        f" {m['reports_per_cpu_s']:>7.1f} reports/CPU-s   peak: parent {m['parent_mib']:>5.1f} MiB,"
        f" worker {m['worker_mib']:>5.1f} MiB"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--dir", type=Path, default=None, help="keep the generated corpora here")
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    if args.quick:
        args.n, args.repeat = 200, 1
    base = args.dir or Path(tempfile.mkdtemp(prefix="bench_batch-"))
    print(
        f"machine: {platform.platform()}, {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"median of {args.repeat} runs, each in a fresh process; corpora in {base}")
    print(
        f"load average at start: {os.getloadavg()[0]:.2f} (other processes share the cores: compare "
        "reports/CPU-s, which does not depend on them)\n"
    )

    t = time.perf_counter()
    mixed = generate(base / f"mixed-{args.n}", args.n)
    print(f"generated {args.n} mixed reports in {time.perf_counter() - t:.0f} s (or reused)\n")

    print("End to end, mixed .json/.txt/.xlsx/.docx (check + pairs + findings written):")
    one = run([mixed], 1, args.repeat)
    print(line("  -j 1", one))
    two = run([mixed], 2, args.repeat)
    print(line("  -j 2", two))
    print(
        f"  scaling -j 1 → -j 2: {one['seconds'] / two['seconds']:.2f}x "
        f"({one['pairs']:.0f} pairs, {one['findings']:.0f} findings, {one['unreadable']:.0f} unreadable)\n"
    )

    print("Per format, -j 1 (reports/s per core):")
    for fmt in FORMATS:
        print(line(f"  .{fmt}", run([mixed / fmt], 1, args.repeat)))
    print()

    print("Memory vs number of files (.json only, -j 2):")
    for n in (args.n // 4, args.n, args.n * 4, args.n * 16):
        corpus = generate(base / f"json-{n}", n, ("json",))
        print(line(f"  {n} files", run([corpus], 2, args.repeat)))
    print(f"\nload average at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
