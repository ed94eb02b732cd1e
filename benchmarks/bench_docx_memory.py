"""Issue 13, DOCX workers: memory of reading many .docx files, and what one read_docx leaves in
reference cycles.

Measured (each in a fresh process, so peaks are its own):

1. cycles: after a warm-up read, ``read_docx(path)`` with automatic collection disabled during the
   read, then ``gc.collect()``: the number of unreachable objects it found (its return value); then the same under ``gc.DEBUG_SAVEALL``:
   ``len(gc.garbage)``, the most common types in it and the number of distinct lxml trees those
   objects hold (each ``_Element`` reachable from a cyclic object, counted by its root). Median over
   ``--reads`` files. Also: how many times the archive is opened per read (``zipfile.ZipFile``
   constructions, counted by wrapping ``ZipFile.__init__``) and how many entry reads
   (``ZipFile.open``) it makes, against the number of entries in the archive (= passes over the zip).
2. loop: one process reads all N files with ``read_docx`` in a loop, gc as default: RSS after the
   imports (the baseline in the same process), peak RSS (VmHWM) and RSS every N/10 files; the same
   again with ``gc.collect()`` after every file (what the cycles cost: ratio of the two peaks).
3. check worker: ``batch.iter_check([corpus], jobs=2)`` (what ``gov-disclosure check -j 2`` runs),
   the peak RSS (VmHWM) of each worker process sampled every 0.1 s from /proc; the largest is printed.

Corpus: N reports from ``gov_disclosure.testing.random_report`` (both formats, seeded) written with
``gov_disclosure.docx.write_docx``; kept in ``--dir`` between runs.

Run: python benchmarks/bench_docx_memory.py [--n 1000] [--dir DIR] [--reads 5] [--python PYTHON ...]
``--python``: run the measurements with these interpreters (e.g. the venvs of two trees) in one run,
the corpus written once with the interpreter running this script. Linux only (/proc).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import time
from pathlib import Path

_CYCLES = r"""
import gc, io, json, statistics, sys, zipfile
from collections import Counter
from lxml import etree
from gov_disclosure.docx import read_docx

paths = sys.argv[1:]
opens = [0]
_init = zipfile.ZipFile.__init__
def counting_init(self, *a, **k):
    opens[0] += 1
    return _init(self, *a, **k)
zipfile.ZipFile.__init__ = counting_init
entry_reads = [0]
_open = zipfile.ZipFile.open
def counting_open(self, name, mode="r", *a, **k):
    if mode == "r":
        entry_reads[0] += 1
    return _open(self, name, mode, *a, **k)
zipfile.ZipFile.open = counting_open

read_docx(paths[0])  # warm-up: imports, caches
gc.collect()
found, saved, trees, zips, reads, entries, types = [], [], [], [], [], [], Counter()
for p in paths[1:]:
    opens[0] = entry_reads[0] = 0
    with zipfile.ZipFile(p) as z:
        entries.append(len(z.infolist()))
    opens[0] = entry_reads[0] = 0
    gc.disable()  # no automatic collection during the read: the explicit one finds every cycle
    result = read_docx(p)
    zips.append(opens[0])
    reads.append(entry_reads[0])
    del result
    found.append(gc.collect())
    gc.enable()
for p in paths[1:]:
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    result = read_docx(p)
    del result
    gc.collect()
    gc.set_debug(0)
    saved.append(len(gc.garbage))
    roots = set()
    for obj in gc.garbage:
        types[type(obj).__qualname__] += 1
        for ref in gc.get_referents(obj):
            if isinstance(ref, etree._Element):
                roots.add(id(ref.getroottree().getroot()))
    trees.append(len(roots))
    gc.garbage.clear()
n = len(paths) - 1
print(json.dumps({
    "gc_collect_found": statistics.median(found), "gc_collect_found_all": found,
    "saveall_garbage": statistics.median(saved), "lxml_trees_held": statistics.median(trees),
    "zip_opens_per_read": statistics.median(zips),
    "entry_reads_per_read": statistics.median(reads), "entries_in_archive": statistics.median(entries),
    "top_types": [(t, round(c / n)) for t, c in types.most_common(8)],
}))
"""

_LOOP = r"""
import gc, json, sys
from gov_disclosure.docx import read_docx

def status(key):
    with open("/proc/self/status") as f:
        return next(int(x.split()[1]) for x in f if x.startswith(key)) / 1024

collect = sys.argv[1] == "collect"
paths = sys.argv[2:]
base = status("VmRSS")
samples = []
step = max(1, len(paths) // 10)
for i, p in enumerate(paths, 1):
    read_docx(p)
    if collect:
        gc.collect()
    if i % step == 0:
        samples.append(round(status("VmRSS"), 1))
print(json.dumps({"rss_after_imports": base, "peak": status("VmHWM"), "rss_end": status("VmRSS"),
                  "rss_every_tenth": samples, "files": len(paths)}))
"""

_CHECK = r"""
import json, os, sys, threading, time
from gov_disclosure import batch

def hwm(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            return next(int(x.split()[1]) for x in f if x.startswith("VmHWM")) / 1024
    except (OSError, StopIteration):
        return 0.0

workers, names, done = {}, {}, threading.Event()
def sample():
    me = str(os.getpid())
    while not done.is_set():
        for task in os.listdir(f"/proc/{me}/task"):
            try:
                kids = open(f"/proc/{me}/task/{task}/children").read().split()
            except OSError:
                continue
            for kid in kids:
                if kid not in names:
                    try:
                        cmd = open(f"/proc/{kid}/cmdline", "rb").read()
                    except OSError:
                        continue
                    names[kid] = "resource_tracker" if b"resource_tracker" in cmd else "worker"
                workers[kid] = max(workers.get(kid, 0.0), hwm(kid))
        time.sleep(0.1)

threading.Thread(target=sample, daemon=True).start()
jobs = int(sys.argv[1])
t = time.perf_counter()
s = batch.Summary()
with open(os.devnull, "w", encoding="utf-8") as out:
    for e in batch.write_findings(batch.iter_check(sys.argv[2:], jobs=jobs), out, kind="csv"):
        s.add(e)
elapsed = time.perf_counter() - t
done.set()
print(json.dumps({"seconds": elapsed, "files": s.files, "read": s.read, "unreadable": s.unreadable,
                  "parent_peak": hwm("self"),
                  "worker_peaks": sorted((v for k, v in workers.items() if names.get(k) == "worker"), reverse=True),
                  "other_children": sorted((names.get(k, "?"), v) for k, v in workers.items() if names.get(k) != "worker")}))
"""


def generate(root: Path, n: int) -> list[Path]:
    from gov_disclosure.docx import write_docx
    from gov_disclosure.testing import random_report

    root.mkdir(parents=True, exist_ok=True)
    marker = root / f".generated-{n}"
    paths = [root / f"r{i:05d}.docx" for i in range(n)]
    if marker.exists():
        return paths
    rng = random.Random(f"bench_docx_memory {n}")
    for p in paths:
        write_docx(random_report(rng), p)
    marker.write_text("", encoding="utf-8")
    return paths


def run(python: str, code: str, *args: str) -> dict:
    out = subprocess.run(
        [python, "-c", code, *args], capture_output=True, text=True, check=True, timeout=3600
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--dir", type=Path, default=Path("/tmp/bench-docx-memory"))
    ap.add_argument("--reads", type=int, default=5, help="files measured for the cycles (median)")
    ap.add_argument("--python", action="append", help="interpreter(s) to measure with [this one]")
    ap.add_argument("--skip", action="append", default=[], choices=["cycles", "loop", "check"])
    args = ap.parse_args()
    pythons = args.python or [sys.executable]
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"load average at start: {os.getloadavg()[0]:.2f}")
    t = time.perf_counter()
    paths = generate(args.dir / f"docx-{args.n}", args.n)
    print(
        f"corpus: {len(paths)} .docx in {paths[0].parent} ({time.perf_counter() - t:.0f} s to make or reuse)"
    )
    results = {}
    for py in pythons:
        res: dict[str, object] = {}
        print(f"\n== {py}")
        if "cycles" not in args.skip:
            c = run(py, _CYCLES, *map(str, paths[: args.reads + 1]))
            res["cycles"] = c
            print(
                f"one read_docx (median of {args.reads}): gc.collect() found {c['gc_collect_found']:.0f} "
                f"unreachable objects; DEBUG_SAVEALL: {c['saveall_garbage']:.0f} objects in gc.garbage, "
                f"holding {c['lxml_trees_held']:.0f} lxml trees; zipfile.ZipFile opened "
                f"{c['zip_opens_per_read']:.0f}x per read, its entries read {c['entry_reads_per_read']:.0f} times "
                f"for {c['entries_in_archive']:.0f} entries ({c['entry_reads_per_read'] / c['entries_in_archive']:.1f} passes)"
            )
            print("  most common types per read:", ", ".join(f"{t} {n}" for t, n in c["top_types"]))
        if "loop" not in args.skip:
            d = run(py, _LOOP, "default", *map(str, paths))
            g = run(py, _LOOP, "collect", *map(str, paths))
            res["loop_gc_default"], res["loop_gc_collect_each"] = d, g
            for label, m in (("gc default", d), ("gc.collect() each file", g)):
                print(
                    f"read_docx loop over {m['files']} files, {label:<22}: RSS after imports "
                    f"{m['rss_after_imports']:.1f} MiB, peak {m['peak']:.1f} MiB (+{m['peak'] - m['rss_after_imports']:.1f}),"
                    f" end {m['rss_end']:.1f} MiB"
                )
                print(f"  RSS every {max(1, m['files'] // 10)} files: {m['rss_every_tenth']}")
            print(f"  peak ratio default / collect-each: {d['peak'] / g['peak']:.2f}x")
        if "check" not in args.skip:
            k = run(py, _CHECK, "2", str(paths[0].parent))
            res["check_j2"] = k
            print(
                f"check -j 2 of {k['files']} .docx ({k['read']} read, {k['unreadable']} unreadable) in "
                f"{k['seconds']:.1f} s: worker peak RSS {', '.join(f'{w:.1f}' for w in k['worker_peaks'])} MiB; "
                f"parent {k['parent_peak']:.1f} MiB; other children: "
                + (", ".join(f"{n} {v:.1f} MiB" for n, v in k["other_children"]) or "none")
            )
        results[py] = res
    print(f"\nload average at the end: {os.getloadavg()[0]:.2f}")
    print("JSON " + json.dumps(results))


if __name__ == "__main__":
    main()
