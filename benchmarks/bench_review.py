"""Review benchmark: ``check --review --html`` over 500 generated reports next to plain ``check`` (aim
≤ 1.3×; prints the ratio and the size of the page and the workbook), and ``annotate`` of a real-size
DOCX next to ``read_docx`` of it.

Run: python benchmarks/bench_review.py [--n 500] [--repeat 3] [--jobs 2] [--dir DIR] [--quick]
The corpus is bench_batch's (.json/.txt/.xlsx/.docx in equal shares, agencies in consecutive years so
that pairs are checked; about 1 report in 10 with a broken total) with, in addition, a cell written as
text in 1 report in 5, so the workbook and the page have findings to show. Each ``check`` runs as the
command line in a fresh process; the median of ``--repeat`` runs is printed. ``--quick``: 100 reports,
1 repeat (a smoke run).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timing import median_ms

HERE = Path(__file__).resolve().parent


def _bench_batch() -> object:
    spec = importlib.util.spec_from_file_location("bench_batch", HERE / "bench_batch.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def corpus(base: Path, n: int) -> Path:
    """bench_batch's corpus of ``n`` reports, with a cell written as text (不详) in 1 report in 5."""
    root = base / f"review-{n}"
    marker = root / ".texts"
    bb: object = _bench_batch()
    bb.generate(root, n)  # type: ignore[attr-defined]
    if marker.exists():
        return root
    from gov_disclosure.io import read_report

    rng = random.Random("bench_review")
    for path in sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith(".")):
        if rng.random() >= 0.2:
            continue
        report, _ = read_report(path)
        broken = report.with_cells(
            {"applications/granted/business": None}, raw={"applications/granted/business": "不详"}
        )
        bb.write(broken, path, path.suffix[1:])  # type: ignore[attr-defined]
    marker.write_text("", encoding="utf-8")
    return root


def check(root: Path, jobs: int, extra: list[str], workdir: Path) -> float:
    """Seconds of one ``gov-disclosure check`` in a fresh process."""
    cmd = [
        sys.executable,
        "-m",
        "gov_disclosure",
        "check",
        str(root),
        "-j",
        str(jobs),
        "--no-progress",
        "--findings",
        str(workdir / "findings.csv"),
        "--lang",
        "zh",
        *extra,
    ]
    t = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=3600)
    elapsed = time.perf_counter() - t
    if proc.returncode not in (0, 1):
        raise SystemExit(f"check failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--dir", type=Path, default=None, help="keep the generated corpus here")
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    if args.quick:
        args.n, args.repeat = 100, 1
    base = args.dir or Path(tempfile.mkdtemp(prefix="bench_review-"))
    work = Path(tempfile.mkdtemp(prefix="bench_review-out-"))
    print(
        f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"load average {os.getloadavg()[0]:.2f}"
    )
    t = time.perf_counter()
    root = corpus(base, args.n)
    print(f"corpus: {args.n} reports in {root} ({time.perf_counter() - t:.0f} s to generate, or reused)")
    print(f"median of {args.repeat} runs of the command line, -j {args.jobs}\n")

    review, page = work / "review.xlsx", work / "review.html"
    plain, full = [], []
    for _ in range(args.repeat):  # interleaved, so a change of load hits both alike
        plain.append(check(root, args.jobs, [], work))
        full.append(check(root, args.jobs, ["--review", str(review), "--html", str(page)], work))
    p, f = statistics.median(plain), statistics.median(full)
    print(f"check                   {p:8.2f} s")
    print(f"check --review --html   {f:8.2f} s   ratio {f / p:.2f}× (aim ≤ 1.3×)")
    print(
        f"page {page.stat().st_size / 1024:.0f} KB ({page.stat().st_size / args.n / 1024:.1f} KB per report), "
        f"workbook {review.stat().st_size / 1024:.0f} KB\n"
    )

    from bench_docx import filled_official  # type: ignore[import-not-found]

    from gov_disclosure.docx import read_docx
    from gov_disclosure.review import annotate
    from gov_disclosure.testing import sample_report

    real = work / "official.docx"
    real.write_bytes(filled_official())
    ours = work / "ours.docx"
    from gov_disclosure.docx import write_docx

    report = sample_report("2021")
    ours.write_bytes(write_docx(report.with_cells({"applications/new/total": 1})))
    repeat = max(args.repeat * 5, 5)
    print(f"annotate vs read_docx, median of {repeat} runs:")
    for name, path in (
        ("official blank, filled (WPS XML)", real),
        ("our 2021 report, one total broken", ours),
    ):
        read_ms = median_ms(lambda p=path: read_docx(p), repeat)
        out = work / f"annotated-{path.name}"
        done = annotate(path, out)
        ann_ms = median_ms(lambda p=path, o=out: annotate(p, o), repeat)
        print(
            f"  {name:<36} {path.stat().st_size / 1024:5.0f} KB, {len(done.findings):3d} findings: "
            f"read_docx {read_ms:6.1f} ms, annotate {ann_ms:6.1f} ms ({ann_ms / read_ms:.2f}×)"
        )


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    main()
