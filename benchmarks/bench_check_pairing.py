"""Issue 13, pairing: ``gov-disclosure check`` of 4,000 .json files at ``-j 1``: reports per second
(target ≥ 1.5× today's rate), and the share of the run spent pairing (target: pairing no longer
~45 % of it).

Corpus: N reports (N/5 agencies × 5 consecutive years, from ``gov_disclosure.testing.random_report``,
about 1 in 10 with a broken total; as benchmarks/bench_batch.py), as .json, made once in ``--dir``.
With 5 years per agency there are 4 pairs per agency (N × 4/5 pairs).

1. CLI: ``gov-disclosure check DIR -j 1 --no-progress --summary json``, wall and CPU time (wait4),
   median of ``--runs`` fresh processes; reports/s = files / wall (and files / CPU-s, which depends
   less on the machine's load).
2. Stages, in a fresh process, no profiler: ``batch.iter_check([DIR], jobs=1, on_progress=...)``
   with every event consumed; the time the "pairs" stage starts (pairing up + checking every pair)
   against the whole run: the share of the run spent on pairs.
3. cProfile of the same (one run): cumulative time of ``batch.check_pair`` (rebuilds both Reports from
   ``CrossYearData`` and runs GD701–GD704), of ``CrossYearData.report`` inside it, and of
   ``batch.pair_up``, as shares of the whole run (profiler overhead inflates small functions).

``--python`` (repeatable): measure with several interpreters in one run (e.g. two trees' venvs);
each interpreter's reports/s is also printed as a ratio to the first's. Bytecode cache on.

Run: python benchmarks/bench_check_pairing.py [--n 4000] [--runs 3] [--dir DIR] [--python PY ...]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench_batch import generate  # the same corpus as bench_batch.py

_STAGES = r"""
import json, sys, time
from gov_disclosure import batch
marks, cpu_marks = {}, {}
t0, c0 = time.perf_counter(), time.process_time()
def on_progress(stage, done, total):
    if stage not in marks:
        marks[stage] = time.perf_counter() - t0
        cpu_marks[stage] = time.process_time() - c0
s = batch.Summary()
for e in batch.iter_check([sys.argv[1]], jobs=1, on_progress=on_progress):
    s.add(e)
end, cpu_end = time.perf_counter() - t0, time.process_time() - c0
print(json.dumps({"seconds": end, "pairs_start": marks.get("pairs", end), "cpu": cpu_end,
                  "cpu_pairs_start": cpu_marks.get("pairs", cpu_end), "files": s.files, "pairs": s.pairs,
                  "findings": sum(s.codes.values())}))
"""

_PROFILE = r"""
import cProfile, json, pstats, sys
from gov_disclosure import batch
def run():
    for _ in batch.iter_check([sys.argv[1]], jobs=1):
        pass
prof = cProfile.Profile()
prof.runcall(run)
st = pstats.Stats(prof)
total = st.total_tt
def cum(name, file_part):
    return sum(v[3] for (f, _l, n), v in st.stats.items() if n == name and file_part in f)
print(json.dumps({
    "total": total,
    "check_pair": cum("check_pair", "batch"),
    "cross_year_data_report": cum("report", "batch"),
    "pair_up": cum("pair_up", "batch"),
    "check_file": cum("check_file", "batch"),
    "from_cells": cum("from_cells", "model"),
}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=4000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--dir", type=Path, default=Path("/tmp/bench-check"))
    ap.add_argument("--python", action="append")
    ap.add_argument("--no-profile", action="store_true")
    args = ap.parse_args()
    pythons = args.python or [sys.executable]
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    t = time.perf_counter()
    corpus = generate(args.dir / f"json-{args.n}", args.n, ("json",)) / "json"
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f}")
    print(f"corpus: {args.n} .json in {corpus} ({time.perf_counter() - t:.0f} s to make or reuse)")
    first_rate = None
    for py in pythons:
        print(f"\n== {py}")
        script = str(Path(py).parent / "gov-disclosure")
        argv = [script, "check", str(corpus), "-j", "1", "--no-progress", "--summary", "json"]
        walls, cpus = [], []
        out_file = args.dir / "summary.json"
        for _ in range(args.runs):
            t = time.perf_counter()
            with open(out_file, "wb") as fh:
                proc = subprocess.Popen(argv, stdout=fh, stderr=subprocess.DEVNULL, env=env)
                _, status, usage = os.wait4(proc.pid, 0)
            walls.append(time.perf_counter() - t)
            cpus.append(usage.ru_utime + usage.ru_stime)
            proc.returncode = os.waitstatus_to_exitcode(status)
            if proc.returncode not in (0, 1):
                raise RuntimeError(f"check exited {proc.returncode}")
        summary = json.loads(out_file.read_text(encoding="utf-8"))
        w = statistics.median(walls)
        c = statistics.median(cpus)
        rate = args.n / w
        print(
            f"  CLI check -j 1: {w:.2f} s wall (median of {args.runs}; runs {', '.join(f'{x:.2f}' for x in walls)}) = "
            f"{rate:.0f} reports/s; CPU {c:.2f} s = {args.n / c:.0f} reports/CPU-s; {summary['files']} files, "
            f"{summary['pairs']} pairs, {sum(summary['findings'].values())} findings"
        )
        if first_rate is None:
            first_rate = rate
        else:
            print(f"  reports/s ratio to the first interpreter: {rate / first_rate:.2f}x")
        out = subprocess.run(
            [py, "-c", _STAGES, str(corpus)],
            capture_output=True,
            text=True,
            check=True,
            env=env,
            timeout=3600,
        )
        s = json.loads(out.stdout)
        share = (s["seconds"] - s["pairs_start"]) / s["seconds"]
        cpu_share = (s["cpu"] - s["cpu_pairs_start"]) / s["cpu"]
        print(
            f"  stages (iter_check, jobs=1, in-process, no profiler): {s['seconds']:.2f} s, files stage "
            f"{s['pairs_start']:.2f} s, pairs stage {s['seconds'] - s['pairs_start']:.2f} s = {share:.0%} of the run"
            f" (CPU: {s['cpu']:.2f} s, pairs {s['cpu'] - s['cpu_pairs_start']:.2f} s = {cpu_share:.0%})"
        )
        if not args.no_profile:
            out = subprocess.run(
                [py, "-c", _PROFILE, str(corpus)],
                capture_output=True,
                text=True,
                check=True,
                env=env,
                timeout=3600,
            )
            p = json.loads(out.stdout)
            tot = p["total"]
            print(
                f"  cProfile ({tot:.1f} s profiled): check_pair {p['check_pair'] / tot:.0%} (of which "
                f"CrossYearData.report {p['cross_year_data_report'] / tot:.0%}, Report.from_cells overall "
                f"{p['from_cells'] / tot:.0%}), pair_up {p['pair_up'] / tot:.1%}, check_file {p['check_file'] / tot:.0%}"
            )
    print(f"\nload average at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
