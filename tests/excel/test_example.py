"""The example script runs and shows what it promises."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "excel_roundtrip.py"


def test_example_runs(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, str(EXAMPLE), str(tmp_path)], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    assert "(七)总计/自然人 = None" in out  # a formula over blank cells: no reported value
    assert "GD111" in out
    assert "GD102" in out
    assert "收到和处理政府信息公开申请情况!E5" in out
    assert "'=政策解读不够深入'" in out
    assert (tmp_path / "filled-2021.xlsx").exists()
