"""Run a reader on a file in a child process with a deadline and an address-space limit, and report
what happened, how long it took and its peak memory: for the tests of hostile input, where a reader
that misbehaves must fail the test, not the machine."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

_CHILD = r"""
import json, resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
from {module} import {function} as read
t = time.process_time()
try:
    read(sys.argv[1])
    outcome = {{"error": None}}
except Exception as exc:
    outcome = {{"error": type(exc).__name__, "message": str(exc)}}
outcome["cpu"] = time.process_time() - t
with open("/proc/self/status") as f:
    for line in f:
        if line.startswith("VmHWM:"):
            outcome["peak_mib"] = int(line.split()[1]) / 1024
print(json.dumps(outcome))
"""


def run_bounded(
    path: Path, *, reader: str = "gov_disclosure.io:read_report", deadline: float = 60, limit_mib: int = 1024
) -> dict[str, Any]:
    """``reader`` (``module:function``) on ``path`` in a child process: ``{"error": class name or
    None, "message", "cpu", "peak_mib", "seconds"}``. A child that overruns ``deadline`` or dies
    (the address-space limit) fails the calling test with what it printed."""
    module, function = reader.split(":")
    code = _CHILD.format(limit=limit_mib * 1024 * 1024, module=module, function=function)
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=deadline
    )
    seconds = time.monotonic() - start
    assert done.returncode == 0, f"the reader died: {done.stderr[-2000:]}"
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["seconds"] = seconds
    return result
