"""Issue 13, read_xlsx: its time as a ratio to openpyxl's own read-only load of the same workbook
with every cell of every sheet iterated (target ≤ 0.6×), and where read_xlsx's time goes.

Workbooks: ``write_xlsx`` of the 2021 and 2019 sample reports (``gov_disclosure.testing.sample_report``)
and of a ``random_report(big=True)``. Baseline, measured in the same run on the same bytes:

    wb = openpyxl.load_workbook(BytesIO(data), read_only=True)
    for ws in wb.worksheets: for row in ws.iter_rows(): for cell in row: cell.value
    wb.close()

Also read_xlsx of the same workbook with every ``<conditionalFormatting>`` and ``<dataValidations>``
element removed from its sheets: the difference is the time spent on what read_xlsx does not use.
Median of ``--repeat`` runs after one warm-up each. ``--profile`` adds a cProfile of read_xlsx
(one workbook, 20 reads): the top functions by cumulative time.

Run: python benchmarks/bench_xlsx_read.py [--repeat 21] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import platform
import pstats
import random
import re
import statistics
import zipfile

import openpyxl
from timing import CPU_TIMES, median_ms

from gov_disclosure.excel import read_xlsx, write_xlsx
from gov_disclosure.testing import random_report, sample_report


def bare_read_only(data: bytes) -> int:
    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    n = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if getattr(cell, "value", None) is not None:
                    n += 1
    wb.close()
    return n


_CF = re.compile(rb"<conditionalFormatting\b.*?</conditionalFormatting>", re.S)
_DV = re.compile(rb"<dataValidations\b.*?</dataValidations>", re.S)


def strip_cf_dv(data: bytes) -> bytes:
    """The same workbook without conditional formatting and data validation in its sheets."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            body = src.read(info)
            if info.filename.startswith("xl/worksheets/"):
                body = _DV.sub(b"", _CF.sub(b"", body))
            zf.writestr(info, body)
    return out.getvalue()


def profile(data: bytes) -> None:
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(20):
        read_xlsx(data)
    prof.disable()
    st = pstats.Stats(prof)
    total = st.total_tt  # type: ignore[attr-defined]
    stats = st.stats  # type: ignore[attr-defined]

    print(f"  cProfile of 20 x read_xlsx: total {total:.2f} s (profiled)")
    print("    top 12 by cumulative time:")
    rows = sorted(stats.items(), key=lambda kv: kv[1][3], reverse=True)
    for (file, line, name), (_cc, nc, _tt, ct, _callers) in rows[:12]:
        short = file.split("site-packages/")[-1].split("src/")[-1]
        print(f"      {ct / total:5.0%}  {nc:>7} calls  {short}:{line} {name}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=21)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    print(
        f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"openpyxl {openpyxl.__version__}; load average {os.getloadavg()[0]:.2f}"
    )
    print(f"median of {args.repeat} runs after a warm-up\n")
    cases = [
        ("sample 2021", sample_report("2021")),
        ("sample 2019", sample_report("2019")),
        ("random big 2021", random_report(random.Random("bench_xlsx_read"), "2021", big=True)),
    ]
    print(
        f"{'workbook':<18}{'bytes':>8}{'read_xlsx':>12}{'openpyxl ro+iter':>18}{'ratio':>8}"
        f"{'read_xlsx w/o CF+DV':>21}{'CF+DV share':>13}{'CPU ratio':>11}{'CF+DV CPU share':>16}"
    )
    ratios: list[float] = []
    cpu_ratios: list[float] = []
    for name, report in cases:
        data = write_xlsx(report)
        assert isinstance(data, bytes)
        ours = median_ms(lambda d=data: read_xlsx(d), args.repeat)  # type: ignore[misc]
        ours_cpu = CPU_TIMES[-1]
        bare = median_ms(lambda d=data: bare_read_only(d), args.repeat)  # type: ignore[misc]
        bare_cpu = CPU_TIMES[-1]
        lean_data = strip_cf_dv(data)
        lean = median_ms(lambda d=lean_data: read_xlsx(d), args.repeat)  # type: ignore[misc]
        lean_cpu = CPU_TIMES[-1]
        ratios.append(ours / bare)
        cpu_ratios.append(ours_cpu / bare_cpu)
        print(
            f"{name:<18}{len(data):>8}{ours:>9.1f} ms{bare:>15.1f} ms{ours / bare:>7.2f}x"
            f"{lean:>18.1f} ms{(ours - lean) / ours:>12.0%}{ours_cpu / bare_cpu:>11.2f}x"
            f"{(ours_cpu - lean_cpu) / ours_cpu:>16.0%}"
        )
    print(
        f"\nread_xlsx / openpyxl read-only load+iterate: {statistics.median(ratios):.2f}x wall, "
        f"{statistics.median(cpu_ratios):.2f}x CPU (median of the cases)"
    )
    if args.profile:
        print()
        data = write_xlsx(sample_report("2021"))
        assert isinstance(data, bytes)
        profile(data)


if __name__ == "__main__":
    main()
