"""Issue 13, start-up: wall time of short commands, each a fresh process (median of ``--runs``), and
what ``import gov_disclosure.cli`` spends its time on (``python -X importtime``).

Commands (run from the tree's root, so ``examples/reports/sample-2021.json`` resolves):

    python -c pass                                   (the interpreter alone: the floor)
    python -c "import gov_disclosure"
    python -c "import gov_disclosure.cli"
    gov-disclosure --help
    gov-disclosure validate examples/reports/sample-2021.json

``gov-disclosure`` is the console script next to the interpreter. Wall time and CPU time (user +
system from wait4, which the machine's load changes less) are both printed. Each command runs twice before it
is timed (warm file cache and __pycache__), then ``--runs`` times, commands interleaved round by round
so a change in machine load touches them all alike.

Bytecode cache: the environment of these sessions sets PYTHONDONTWRITEBYTECODE=1, so a source tree
installed in editable mode is compiled again at every start. By default the variable is removed for
the measured commands (a user's normal case: .pyc written once, then reused); ``--no-pyc-cache``
keeps it set and removes the package's own __pycache__ folders first (every start then compiles the
package's modules, as a fresh editable install in this environment does; dependencies keep theirs).

``--python`` (repeatable) measures several interpreters (e.g. the venvs of two trees) in one run and
prints each one's times as a ratio to the first's (the issue's target: ``--help`` and ``validate``
≤ 0.7× today). ``--root`` (one per ``--python``, in order) is the tree the examples are read from
[the tree gov_disclosure is imported from].

Run: python benchmarks/bench_startup.py [--runs 20] [--python PY ...] [--root DIR ...] [--no-pyc-cache]
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

SAMPLE = "examples/reports/sample-2021.json"


def commands(python: str) -> list[tuple[str, list[str]]]:
    script = str(Path(python).parent / "gov-disclosure")
    return [
        ("python -c pass", [python, "-c", "pass"]),
        ("import gov_disclosure", [python, "-c", "import gov_disclosure"]),
        ("import gov_disclosure.cli", [python, "-c", "import gov_disclosure.cli"]),
        ("gov-disclosure --help", [script, "--help"]),
        ("gov-disclosure validate sample-2021.json", [script, "validate", SAMPLE]),
    ]


def tree_of(python: str, env: dict[str, str]) -> Path:
    out = subprocess.run(
        [
            python,
            "-c",
            "import gov_disclosure, pathlib; print(pathlib.Path(gov_disclosure.__file__).resolve())",
        ],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        timeout=60,
    )
    # <root>/src/gov_disclosure/__init__.py
    return Path(out.stdout.strip()).parents[2]


def drop_package_pyc(python: str, env: dict[str, str]) -> int:
    """Remove the __pycache__ folders of the gov_disclosure package ``python`` imports (only those:
    the dependencies keep the .pyc pip wrote), so that with PYTHONDONTWRITEBYTECODE=1 every process
    compiles the package again, as in a fresh editable install under this environment."""
    import shutil

    out = subprocess.run(
        [python, "-c", "import gov_disclosure, pathlib; print(pathlib.Path(gov_disclosure.__file__).parent)"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        timeout=60,
    )
    n = 0
    for d in Path(out.stdout.strip()).rglob("__pycache__"):
        shutil.rmtree(d)
        n += 1
    return n


def wall(argv: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """Wall time and CPU time (user + system, of the process and its children) of one run."""
    t = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):  # validate: 0 valid (1 would be errors found)
        raise RuntimeError(f"{argv} exited {proc.returncode}")
    return elapsed, usage.ru_utime + usage.ru_stime


_LINE = re.compile(r"import time:\s+(\d+)\s+\|\s+(\d+)\s+\|(\s*)(\S+)")


def importtime(
    python: str, env: dict[str, str], cwd: Path, runs: int
) -> tuple[dict[str, float], dict[str, float]]:
    """Median self and cumulative microseconds per module over ``runs`` runs of -X importtime."""
    selfs: dict[str, list[int]] = defaultdict(list)
    cums: dict[str, list[int]] = defaultdict(list)
    for _ in range(runs):
        out = subprocess.run(
            [python, "-X", "importtime", "-c", "import gov_disclosure.cli"],
            capture_output=True,
            text=True,
            env=env,
            cwd=cwd,
            timeout=120,
            check=True,
        )
        for line in out.stderr.splitlines():
            m = _LINE.match(line)
            if m:
                selfs[m.group(4)].append(int(m.group(1)))
                cums[m.group(4)].append(int(m.group(2)))
    return (
        {k: statistics.median(v) for k, v in selfs.items()},
        {k: statistics.median(v) for k, v in cums.items()},
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--importtime-runs", type=int, default=7)
    ap.add_argument("--python", action="append", help="interpreter(s) to measure [this one]")
    ap.add_argument("--root", action="append", type=Path, help="tree of each --python (for the examples)")
    ap.add_argument("--no-pyc-cache", action="store_true", help="keep PYTHONDONTWRITEBYTECODE=1 set")
    args = ap.parse_args()
    pythons = args.python or [sys.executable]
    env = dict(os.environ)
    if not args.no_pyc_cache:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    roots = args.root or [tree_of(py, env) for py in pythons]
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f}")
    print(
        f"bytecode cache: {'off (PYTHONDONTWRITEBYTECODE=1)' if args.no_pyc_cache else 'on (.pyc written and reused)'}; "
        f"median of {args.runs} runs after 2 warm-ups, commands interleaved"
    )
    medians: list[dict[str, float]] = []
    cpu_medians: list[dict[str, float]] = []
    for py, root in zip(pythons, roots, strict=True):
        if args.no_pyc_cache:
            drop_package_pyc(py, env)
        cmds = commands(py)
        for _, argv in cmds:
            for _ in range(2):
                wall(argv, env, root)
        times: dict[str, list[float]] = defaultdict(list)
        cpus: dict[str, list[float]] = defaultdict(list)
        for _ in range(args.runs):
            for name, argv in cmds:
                w, c = wall(argv, env, root)
                times[name].append(w)
                cpus[name].append(c)
        med = {name: statistics.median(v) * 1e3 for name, v in times.items()}
        cpu = {name: statistics.median(v) * 1e3 for name, v in cpus.items()}
        medians.append(med)
        cpu_medians.append(cpu)
        print(f"\n== {py} (tree {root})")
        floor = med["python -c pass"]
        for name, _ in cmds:
            lo, hi = min(times[name]) * 1e3, max(times[name]) * 1e3
            print(
                f"  {name:<42}{med[name]:8.1f} ms  (min {lo:.1f}, max {hi:.1f}; minus interpreter "
                f"{med[name] - floor:6.1f} ms)  CPU {cpu[name]:6.1f} ms"
            )
        selfs, cums = importtime(py, env, root, args.importtime_runs)
        total = cums.get("gov_disclosure.cli", 0.0)
        print(
            f"  -X importtime, median of {args.importtime_runs}: import gov_disclosure.cli cumulative {total / 1e3:.1f} ms"
        )
        per_pkg: dict[str, float] = defaultdict(float)
        for m, v in selfs.items():
            per_pkg[m.split(".")[0]] += v
        print("    self time summed per top-level package (every module of it, wherever imported):")
        for m, v in sorted(per_pkg.items(), key=lambda kv: kv[1], reverse=True)[:12]:
            print(f"      {v / 1e3:7.1f} ms  {m}")
        print("    cumulative time of some imports (as first imported):")
        for m in (
            "importlib.metadata",
            "rich",
            "rich.console",
            "rich.table",
            "click",
            "attrs",
            "cattrs",
            "gov_disclosure",
            "gov_disclosure.export",
            "gov_disclosure.batch",
            "gov_disclosure.rules",
        ):
            if m in cums:
                print(f"      {cums[m] / 1e3:7.1f} ms  {m}")
        print("    top 10 modules by self time:")
        for m, s in sorted(selfs.items(), key=lambda kv: kv[1], reverse=True)[:10]:
            print(f"      {s / 1e3:7.1f} ms  {m}")
    if len(medians) > 1:
        print("\nratio to the first interpreter:")
        for py, med, cpu in zip(pythons[1:], medians[1:], cpu_medians[1:], strict=True):
            for name in med:
                print(
                    f"  {py}: {name:<42} wall {med[name] / medians[0][name]:6.2f}x   "
                    f"CPU {cpu[name] / cpu_medians[0][name]:6.2f}x"
                )
    print(f"\nload average at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
