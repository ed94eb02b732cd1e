"""Issue 13, write_template: its time as a ratio to a bare openpyxl workbook with the same cells
(values and formulas as written, no styles, no data validation, no defined names) saved to bytes
(target ≤ 2×). Also write_xlsx of the sample report against a bare workbook with its cells.

The bare workbook's cells are taken, outside the timing, from what write_template / write_xlsx
wrote: every non-empty cell of every sheet (value or formula text), sheet titles in order. The bare
writer is ``Workbook()``, ``create_sheet(title)``, ``ws.cell(row, col, value)`` for each, then
``wb.save(BytesIO())``. Median of ``--repeat`` runs after one warm-up each. ``--profile`` adds a
cProfile of write_template (top functions by cumulative time).

Run: python benchmarks/bench_xlsx_write.py [--repeat 15] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import platform
import pstats
from collections.abc import Callable
from typing import Any

import openpyxl
from timing import CPU_TIMES, median_ms

from gov_disclosure.excel import write_template, write_xlsx
from gov_disclosure.testing import sample_report

Cells = list[tuple[str, list[tuple[int, int, Any]]]]


def cells_of(data: bytes) -> Cells:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    out: Cells = []
    for ws in wb.worksheets:
        cells = [(c.row, c.column, c.value) for row in ws.iter_rows() for c in row if c.value is not None]
        out.append((ws.title, cells))
    return out


def bare_write(cells: Cells) -> bytes:
    wb = openpyxl.Workbook()
    assert wb.active is not None
    wb.remove(wb.active)
    for title, values in cells:
        ws = wb.create_sheet(title)
        for row, col, value in values:
            ws.cell(row, col, value)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    print(
        f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"openpyxl {openpyxl.__version__}; load average {os.getloadavg()[0]:.2f}"
    )
    print(f"median of {args.repeat} runs after a warm-up\n")
    print(f"{'what':<26}{'cells':>7}{'ours':>11}{'bare openpyxl':>16}{'ratio':>8}{'CPU ratio':>11}")
    for fmt in ("2021", "2019"):
        report = sample_report(fmt)  # type: ignore[arg-type]
        cases: list[tuple[str, Callable[[], object]]] = [
            (f"write_template {fmt}", lambda fmt=fmt: write_template(None, fmt)),  # type: ignore[misc]
            (f"write_xlsx(sample {fmt})", lambda r=report: write_xlsx(r)),  # type: ignore[misc]
        ]
        for name, fn in cases:
            data = fn()
            assert isinstance(data, bytes)
            cells = cells_of(data)
            n = sum(len(v) for _, v in cells)
            ours = median_ms(fn, args.repeat)
            ours_cpu = CPU_TIMES[-1]
            bare = median_ms(lambda c=cells: bare_write(c), args.repeat)  # type: ignore[misc]
            bare_cpu = CPU_TIMES[-1]
            print(
                f"{name:<26}{n:>7}{ours:>8.1f} ms{bare:>13.1f} ms{ours / bare:>7.2f}x{ours_cpu / bare_cpu:>11.2f}x"
            )
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        for _ in range(10):
            write_template(None, "2021")
        prof.disable()
        st = pstats.Stats(prof)
        total = st.total_tt  # type: ignore[attr-defined]
        print(
            f"\ncProfile of 10 x write_template(2021): {total:.2f} s (profiled); top 15 by cumulative time:"
        )
        rows = sorted(st.stats.items(), key=lambda kv: kv[1][3], reverse=True)  # type: ignore[attr-defined]
        for (file, line, name), (_cc, nc, _tt, ct, _callers) in rows[:15]:
            short = file.split("site-packages/")[-1].split("src/")[-1]
            print(f"  {ct / total:5.0%}  {nc:>8} calls  {short}:{line} {name}")


if __name__ == "__main__":
    main()
