"""Class 5: pdftotext ran with no memory limit (a 1 MB PDF whose stream inflates to 300 MB took
11 GB) and its output was size-checked only after it ended (written to a temporary file first). It
now runs under PDFTOTEXT_MEMORY and its output is read from a pipe, the program stopped when it
passes PDFTOTEXT_MAX_OUTPUT."""

from __future__ import annotations

import shutil
from pathlib import Path

import hostile_generators as g
import pytest
from hostile_limits import run_python

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")

_PDF_TEXT = r"""
def case(path, tmp):
    import os, threading, time
    os.environ["TMPDIR"] = tmp
    import tempfile
    tempfile.tempdir = tmp
    peak = [0]
    done = threading.Event()
    def watch():
        while not done.is_set():
            total = 0
            for root, _, names in os.walk(tmp):
                for n in names:
                    try:
                        total += os.stat(os.path.join(root, n)).st_size
                    except OSError:
                        pass
            peak[0] = max(peak[0], total)
            time.sleep(0.005)
    threading.Thread(target=watch, daemon=True).start()
    from gov_disclosure import GovDisclosureError
    from gov_disclosure.pdf import pdf_text
    try:
        text = pdf_text(path)
        outcome = {"chars": len(text)}
    except GovDisclosureError as exc:
        outcome = {"error": type(exc).__name__, "message": str(exc)}
    done.set()
    time.sleep(0.02)
    return {**outcome, "temp_peak": peak[0]}
"""


def test_a_decompression_bomb_is_stopped_by_the_memory_limit(tmp_path: Path) -> None:
    path = g.gen_05_pdf_flate(tmp_path, 300)
    work = tmp_path / "tmp"
    work.mkdir()
    out = run_python(_PDF_TEXT, path, work, deadline=180, memory_mib=2048)
    assert not out.timed_out, out
    assert out.result is not None, out
    got = out.result["returned"]
    assert got.get("error") == "UnsafeFileError", got
    assert "memory" in got["message"]
    assert out.maxrss_mib < 700, out  # pdftotext's peak included (wait4 of the child)


def test_the_output_is_checked_while_it_is_written(tmp_path: Path) -> None:
    path = g.gen_05_pdf_wide(tmp_path)
    work = tmp_path / "tmp"
    work.mkdir()
    out = run_python(_PDF_TEXT, path, work, deadline=180)
    assert not out.timed_out, out
    assert out.result is not None, out
    got = out.result["returned"]
    assert got.get("error") == "FileTooLargeError", got
    # no output file: only the PDF itself is ever copied to the temporary folder
    assert got["temp_peak"] <= path.stat().st_size + 4096, got
