"""Running a piece of work in a child process with a deadline and an address-space limit.

Every hostile-input test runs the library or the CLI through :func:`run_python` or :func:`run_cli`:
the child gets ``RLIMIT_AS`` (so a memory blow-up ends in ``MemoryError`` instead of taking the
machine), its own session (so the whole process group is killed at the deadline: a hang fails the
test instead of hanging the suite), and its peak RSS is measured (``ru_maxrss`` of ``wait4``: the
child and the descendants it waited for, e.g. ``pdftotext``). The deadline is a bound far above what
a linear reader needs, never a timing assert. Linux only (``resource``, process groups).
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

import attrs

#: the defaults: a hang is anything over a minute; 1.5 GiB of address space is ample for one report
DEADLINE = 60.0
MEMORY_MIB = 1536


@attrs.define
class Outcome:
    """What a limited child did."""

    rc: int | None  #: exit code; negative: killed by that signal
    timed_out: bool
    wall: float  #: seconds
    maxrss_mib: float  #: peak resident memory of the child and its waited-for descendants
    stdout: str
    stderr: str
    result: Any = None  #: what a :func:`run_python` snippet returned (JSON), None otherwise

    @property
    def traceback(self) -> bool:
        return "Traceback (most recent call last)" in self.stderr

    def __str__(self) -> str:
        return (
            f"rc={self.rc} timed_out={self.timed_out} wall={self.wall:.1f}s rss={self.maxrss_mib:.0f}MiB\n"
            f"--- stdout\n{self.stdout[-3000:]}\n--- stderr\n{self.stderr[-3000:]}"
        )


def _drain(stream: IO[bytes], buf: list[bytes], cap: int = 4 << 20) -> None:
    size = 0
    for chunk in iter(lambda: stream.read(65536), b""):
        if size < cap:
            buf.append(chunk[: cap - size])
            size += len(chunk)
    stream.close()


def _limits(memory_mib: float | None) -> Any:
    def limits() -> None:
        if memory_mib is not None:
            n = int(memory_mib * 2**20)
            resource.setrlimit(resource.RLIMIT_AS, (n, n))
        # SIGINT as a terminal's foreground command has it: a test run started in the background of
        # a non-interactive shell (a CI script's `cmd &`) inherits SIGINT ignored, and so would the
        # command under test, which then rightly ignores Ctrl-C (as nohup'd commands do)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})

    return limits


def start_limited(
    argv: list[str], *, memory_mib: float | None = MEMORY_MIB, env: Mapping[str, str] | None = None
) -> subprocess.Popen[bytes]:
    """Start ``argv`` as :func:`run_limited` does (address-space limit, its own session: the caller
    signals or kills the whole group) and return it running, for a test that acts on it mid-run."""
    return subprocess.Popen(
        argv,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=_limits(memory_mib),
        start_new_session=True,
        env=dict(env) if env is not None else None,
    )


def run_limited(
    argv: list[str],
    *,
    deadline: float = DEADLINE,
    memory_mib: float | None = MEMORY_MIB,
    env: Mapping[str, str] | None = None,
    cwd: str | os.PathLike[str] | None = None,
    stdin: bytes | None = None,
) -> Outcome:
    """Run ``argv`` with an address-space limit of ``memory_mib`` MiB, killed with its process group
    at ``deadline`` seconds."""

    start = time.perf_counter()
    proc = subprocess.Popen(
        argv,
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=_limits(memory_mib),
        start_new_session=True,
        env=dict(env) if env is not None else None,
        cwd=cwd,
    )
    if stdin is not None:
        assert proc.stdin is not None
        proc.stdin.write(stdin)
        proc.stdin.close()
    out: list[bytes] = []
    err: list[bytes] = []
    assert proc.stdout is not None
    assert proc.stderr is not None
    threads = [
        threading.Thread(target=_drain, args=(proc.stdout, out), daemon=True),
        threading.Thread(target=_drain, args=(proc.stderr, err), daemon=True),
    ]
    for t in threads:
        t.start()
    timed_out = False
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - start > deadline:
            timed_out = True
            _kill_group(proc.pid)
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.02)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    _kill_group(proc.pid)  # anything the child left behind in its group
    for t in threads:
        t.join(10)
    stdout = b"".join(out).decode("utf-8", "replace")
    stderr = b"".join(err).decode("utf-8", "replace")
    return Outcome(proc.returncode, timed_out, wall, usage.ru_maxrss / 1024, stdout, stderr)


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


_WRAPPER = r"""
import json, sys
def _main():
    ns = {}
    exec(compile(sys.argv[1], "<snippet>", "exec"), ns)
    try:
        value = {"returned": ns["case"](*sys.argv[2:])}
    except BaseException as exc:
        from gov_disclosure import GovDisclosureError
        value = {"raised": type(exc).__name__, "typed": isinstance(exc, GovDisclosureError),
                 "message": str(exc)[:2000]}
    sys.stdout.write("\nRESULT " + json.dumps(value, ensure_ascii=False, default=str) + "\n")
_main()
"""


def run_python(code: str, *args: str | os.PathLike[str], **kw: Any) -> Outcome:
    """Run ``code`` (which defines ``case(*args)``) in a limited child; ``Outcome.result`` is
    ``{"returned": value}`` or ``{"raised": name, "typed": bool, "message": str}``."""
    outcome = run_limited([sys.executable, "-c", _WRAPPER, code, *map(str, args)], **kw)
    for line in reversed(outcome.stdout.splitlines()):
        if line.startswith("RESULT "):
            outcome.result = json.loads(line[7:])
            break
    return outcome


def run_cli(*argv: str | os.PathLike[str], **kw: Any) -> Outcome:
    """``python -m gov_disclosure ARGV`` in a limited child."""
    return run_limited([sys.executable, "-m", "gov_disclosure", *map(str, argv)], **kw)


def read_in_child(path: str | os.PathLike[str], **kw: Any) -> Outcome:
    """``read_report(path)`` in a limited child; the result holds the cells placed, the agency, the
    year and the finding codes (or the exception raised)."""
    return run_python(READ_SUMMARY, path, **kw)


READ_SUMMARY = r"""
def case(path):
    from collections import Counter
    from gov_disclosure import read_report, validate
    report, findings = read_report(path)
    result = validate(report, findings=findings)
    return {
        "cells": {c.address: (v if v is None or isinstance(v, int) else str(v)) for c, v in report.cells()},
        "agency": report.agency, "year": report.year, "format": report.format,
        "sections": {k: getattr(report.sections, k) for k in ("overview", "proactive", "applications",
                     "appeals", "problems", "other")},
        "codes": dict(Counter(f.code for f in result.findings)),
        "findings": [{"code": f.code, "location": f.location, "message": f.message, "source": f.source,
                      "severity": f.severity.value} for f in result.findings][:500],
        "valid": result.valid,
    }
"""


def cells_of(report: Any) -> dict[str, Any]:
    """A report's cells as :data:`READ_SUMMARY` gives them (amounts as their repr)."""
    return {c.address: (v if v is None or isinstance(v, int) else str(v)) for c, v in report.cells()}


def repo_root() -> Path:
    return Path(__file__).resolve().parents[2]
