"""PDF benchmark: read_pdf of a real 5-page report next to bare ``pdftotext -layout`` on the same file.

Run: python benchmarks/bench_pdf.py [--repeat 7] [--number 10]
Prints the median time per file of each, and the ratio read_pdf / pdftotext (the baseline is
measured in the same run). The file: the real WPS report of tests/data/real (5 pages, ruled tables
on pages 2-4); read_pdf as it runs and without pdftotext on the PATH (PDFium alone, as on Windows).
The bare pdftotext includes starting the program. read_pdf is measured warm (imports done): the
first call of a process also imports PDFium's bindings (about 50 ms).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import timeit
from collections.abc import Callable
from pathlib import Path

from gov_disclosure.pdf import read_pdf

ROOT = Path(__file__).parent.parent
REAL = ROOT / "tests" / "data" / "real" / "hongze-gov-2023.pdf"


def median_per_call(fn: Callable[[], object], number: int, repeat: int) -> float:
    fn()  # warm: imports, caches
    times = timeit.repeat(fn, number=number, repeat=repeat)
    return statistics.median(times) / number


def pdftotext(path: Path, exe: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp, "out.txt")
        subprocess.run([exe, "-layout", "-enc", "UTF-8", "-q", str(path), str(out)], check=True, timeout=60)
        out.read_bytes()


def without_poppler(fn: Callable[[], object]) -> Callable[[], object]:
    def run() -> object:
        saved = os.environ.get("PATH", "")
        os.environ["PATH"] = ""
        try:
            return fn()
        finally:
            os.environ["PATH"] = saved

    return run


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--number", type=int, default=10)
    args = ap.parse_args()
    exe = shutil.which("pdftotext")
    if exe is None:
        sys.exit("needs poppler's pdftotext for the baseline")
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    for name, path in (("real WPS report, 5 pages", REAL),):
        base = median_per_call(lambda p=path: pdftotext(p, exe), args.number, args.repeat)  # type: ignore[misc]
        ours = median_per_call(lambda p=path: read_pdf(p), args.number, args.repeat)  # type: ignore[misc]
        alone = median_per_call(without_poppler(lambda p=path: read_pdf(p)), args.number, args.repeat)  # type: ignore[misc]
        print(f"{name}:")
        print(f"  pdftotext -layout            {base * 1e3:7.1f} ms")
        print(f"  read_pdf                     {ours * 1e3:7.1f} ms   {ours / base:4.2f}x pdftotext")
        print(f"  read_pdf without pdftotext   {alone * 1e3:7.1f} ms   {alone / base:4.2f}x pdftotext")


if __name__ == "__main__":
    main()
