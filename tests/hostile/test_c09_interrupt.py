"""Class 9: Ctrl-C on ``check`` printed click's "Aborted!" and exited 1, the code for "errors
found". Every command now says "interrupted" (in the command's language) and exits 130 (128 +
SIGINT, as a shell reports it), without a traceback, and its worker processes are gone."""

from __future__ import annotations

import os
import random
import signal
import sys
import time
from pathlib import Path

import pytest
from hostile_limits import start_limited

from gov_disclosure.testing import sample_report
from gov_disclosure.text import write_text


def _slow_corpus(tmp_path: Path, n: int = 1500) -> Path:
    """``n`` names for one text report with a long section (hard links: one file on disk)."""
    rng = random.Random(9)
    prose = "\n".join("".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(120)) + "。" for _ in range(1500))
    text = write_text(sample_report("2021")).replace("六、其他需要报告的事项", "六、其他需要报告的事项\n" + prose)
    d = tmp_path / "corpus"
    d.mkdir()
    first = d / "r00000.txt"
    first.write_text(text, encoding="utf-8")
    for i in range(1, n):
        os.link(first, d / f"r{i:05d}.txt")
    return d


def _children(pid: int) -> set[int]:
    out: set[int] = set()
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    for k in map(int, f.read().split()):
                        if k not in out:
                            out.add(k)
                            todo.append(k)
        except OSError:
            pass
    return out


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_ctrl_c_on_check(tmp_path: Path, lang: str) -> None:
    corpus = _slow_corpus(tmp_path)
    proc = start_limited(
        [sys.executable, "-m", "gov_disclosure", "check", str(corpus), "-j", "2", "--no-progress", "--lang", lang]
    )
    try:
        deadline = time.monotonic() + 60
        while len(_children(proc.pid)) < 2 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.1)  # the workers are running
        time.sleep(1.0)
        assert proc.poll() is None, "the run ended before it was interrupted: make the corpus larger"
        workers = _children(proc.pid)
        os.killpg(proc.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole foreground group
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    stderr = err.decode("utf-8", "replace")
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr, stderr
    assert ("已中断" if lang == "zh" else "interrupted") in stderr
    assert "Aborted" not in stderr
    time.sleep(0.5)
    alive = [w for w in workers if Path(f"/proc/{w}").exists() and "zombie" not in _state(w)]
    assert alive == [], alive


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/status").read_text().split("State:")[1].split("\n")[0].lower()
    except (OSError, IndexError):
        return "zombie"
