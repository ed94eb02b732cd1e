"""The hostile-input tests (issue 14): generators in ``hostile_generators``, the limited child process
in ``hostile_limits``; this folder is put on ``sys.path`` so the test modules import them by name."""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)
