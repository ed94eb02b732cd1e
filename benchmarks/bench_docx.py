"""DOCX benchmark: write_docx and read_docx of a typical report, and read_docx as a ratio to just
opening the file with python-docx and iterating its tables (target: ≤ 1.5×).

Run: python benchmarks/bench_docx.py [--repeat 30]
Prints the median of ``--repeat`` runs (after one warm-up) and the machine. Documents measured:
our own output for the 2019 and 2021 sample reports, and the official 2021 blank filled in with
python-docx (a document by someone else, 250 kB of WPS-styled XML).
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import sys
from pathlib import Path

from timing import median_ms

import docx
from gov_disclosure.core.values import format_cell
from gov_disclosure.core.vocabulary import APPLICATIONS_COLUMNS
from gov_disclosure.docx import read_docx, write_docx
from gov_disclosure.testing import sample_report

ROOT = Path(__file__).resolve().parents[1]


def python_docx_baseline(data: bytes) -> int:
    """What a python-docx user does at the least: open the file, iterate every table's cells."""
    document = docx.Document(io.BytesIO(data))
    n = 0
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                n += len(cell.text)
    return n


def filled_official() -> bytes:
    """The official 2021 blank with a sample report's values typed into its cells."""
    report = sample_report("2021")
    document = docx.Document(str(ROOT / "tests" / "data" / "official-blank-2021.docx"))
    table = document.tables[1]
    rows = list(table.rows)[3:]
    for layout, row in zip(report.spec.applications_rows, rows, strict=True):
        for cell, c in zip(row.cells[3:], APPLICATIONS_COLUMNS, strict=True):
            cell.text = format_cell(report.cell(f"applications/{layout.key}/{c.key}"))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}")
    print(
        f"python {sys.version.split()[0]}, python-docx {docx.__version__ if hasattr(docx, '__version__') else '?'}"
    )
    print(f"median of {args.repeat} runs\n")
    print(
        "python-docx: docx.Document() and every cell of every table via rows/cells; open: Document() alone\n"
    )
    print(f"{'document':<28}{'write_docx':>12}{'read_docx':>12}{'python-docx':>13}{'ratio':>8}{'open':>11}")
    cases: list[tuple[str, bytes, float | None]] = []
    for fmt in ("2019", "2021"):
        report = sample_report(fmt)  # type: ignore[arg-type]
        write_ms = median_ms(lambda r=report: write_docx(r), args.repeat)
        cases.append((f"our {fmt} report", write_docx(report), write_ms))
    cases.append(("official blank, filled", filled_official(), None))
    for name, data, write_ms in cases:
        read_ms = median_ms(lambda d=data: read_docx(d), args.repeat)
        base_ms = median_ms(lambda d=data: python_docx_baseline(d), args.repeat)
        open_ms = median_ms(lambda d=data: docx.Document(io.BytesIO(d)), args.repeat)
        written = f"{write_ms:9.1f} ms" if write_ms is not None else f"{'-':>12}"
        print(
            f"{name:<28}{written}{read_ms:9.1f} ms{base_ms:10.1f} ms{read_ms / base_ms:7.2f}×{open_ms:8.1f} ms"
        )


if __name__ == "__main__":
    main()
