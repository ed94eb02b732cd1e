"""Issue 13, start-up of workers: ``gov-disclosure check`` of 20 .json files with ``-j 1`` against
``-j 2`` and the default (target: no slower than ``-j 1``: a run whose estimated work does not pay
for starting workers stays in-process, see ``gov_disclosure.batch._workers``), wall time of the whole command,
each run a fresh process; median of ``--runs``, the variants interleaved round by round.

Corpus: 20 reports (4 agencies × 5 consecutive years, from ``gov_disclosure.testing.random_report``,
about 1 in 10 with a broken total), as .json (``gov_disclosure.to_json``), made once in ``--dir``.
Command: ``gov-disclosure check DIR [-j N] --no-progress --summary json`` (output discarded; exit
code 0 or 1 expected). Wall time, and CPU time of the command and its workers (wait4).

``--python`` (repeatable): measure with several interpreters in one run (e.g. two trees' venvs).
The bytecode cache is on (PYTHONDONTWRITEBYTECODE removed for the commands, see bench_startup.py);
``--no-pyc-cache`` keeps it set and removes the package's own __pycache__ folders first (every
process, spawned workers included, then compiles the package: a fresh editable install here).

Run: python benchmarks/bench_check_jobs.py [--runs 11] [--n 20] [--dir DIR] [--python PY ...] [--no-pyc-cache]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from bench_batch import generate  # the same corpus as bench_batch.py
from bench_startup import drop_package_pyc


def wall(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system of the command and its worker processes) of one run."""
    t = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{argv} exited {proc.returncode}")
    return elapsed, usage.ru_utime + usage.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--dir", type=Path, default=Path("/tmp/bench-check"))
    ap.add_argument("--python", action="append")
    ap.add_argument("--no-pyc-cache", action="store_true", help="keep PYTHONDONTWRITEBYTECODE=1 set")
    args = ap.parse_args()
    pythons = args.python or [sys.executable]
    env = dict(os.environ)
    if not args.no_pyc_cache:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    corpus = generate(args.dir / f"json-{args.n}", args.n, ("json",)) / "json"
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f}")
    print(f"corpus: {args.n} .json in {corpus}; median of {args.runs} runs after 1 warm-up, interleaved")
    print(f"bytecode cache: {'off (PYTHONDONTWRITEBYTECODE=1)' if args.no_pyc_cache else 'on'}")
    first: dict[str, float] = {}
    for py in pythons:
        if args.no_pyc_cache:
            drop_package_pyc(py, env)
        script = str(Path(py).parent / "gov-disclosure")
        base = [script, "check", str(corpus), "--no-progress", "--summary", "json"]
        variants = {"-j 1": [*base, "-j", "1"], "-j 2": [*base, "-j", "2"], "default -j": base}
        for argv in variants.values():
            wall(argv, env)
        times: dict[str, list[float]] = defaultdict(list)
        cpus: dict[str, list[float]] = defaultdict(list)
        for _ in range(args.runs):
            for name, argv in variants.items():
                w, c = wall(argv, env)
                times[name].append(w)
                cpus[name].append(c)
        med = {k: statistics.median(v) * 1e3 for k, v in times.items()}
        cpu = {k: statistics.median(v) * 1e3 for k, v in cpus.items()}
        print(f"\n== {py}")
        for name in variants:
            print(
                f"  check {args.n} .json {name:<11}{med[name]:8.1f} ms wall  (min {min(times[name]) * 1e3:.1f})"
                f"  {cpu[name]:8.1f} ms CPU (all processes)"
            )
        print(
            f"  wall ratio -j 2 / -j 1: {med['-j 2'] / med['-j 1']:.2f}x;  default / -j 1: {med['default -j'] / med['-j 1']:.2f}x"
            f"   (CPU: {cpu['-j 2'] / cpu['-j 1']:.2f}x, {cpu['default -j'] / cpu['-j 1']:.2f}x)"
        )
        if not first:
            first = med
        else:
            print(
                "  ratio to the first interpreter: " + ", ".join(f"{k} {med[k] / first[k]:.2f}x" for k in med)
            )
    print(f"\nload average at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
