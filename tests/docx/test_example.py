"""The example script runs and says what it did."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from gov_disclosure.docx import read_docx

ROOT = Path(__file__).parents[2]


def test_write_docx_example(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "write_docx.py"), str(tmp_path / "out.docx")],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "identical=True" in result.stdout
    assert "GD101" in result.stdout
    report, _ = read_docx(tmp_path / "out.docx")
    assert report.cell("appeals/suit_direct/pending") is None
