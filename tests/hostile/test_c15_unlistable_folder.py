"""Class 15: ``check`` and ``export`` skipped a sub-folder that could not be listed without a word
(``os.walk`` without ``onerror``): its reports were neither checked nor counted, and the run could
pass. Such a folder is now reported as unreadable (exit code 2).

Two folders that cannot be listed: one without permission (mode 000; root lists it anyway, so that
case runs only as another user) and one whose path is longer than the system allows (ENAMETOOLONG,
which stops root too)."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile_limits import run_cli

from gov_disclosure import to_json
from gov_disclosure.batch import discover, iter_check
from gov_disclosure.testing import sample_report


def _corpus(tmp_path: Path) -> Path:
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "a.json").write_text(to_json(sample_report("2021")), encoding="utf-8")
    return d


def _too_deep(base: Path) -> Path:
    """Folders nested under ``base`` until their path is longer than PATH_MAX (made with dir_fd, so
    no call ever sees the long path); the deepest holds a report. Returns the first of them."""
    name = "深" * 80  # 240 bytes of UTF-8 a level
    fd = os.open(base, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for _ in range(20):  # 20 × 241 bytes > 4096
            os.mkdir(name, dir_fd=fd)
            nxt = os.open(name, os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
            os.close(fd)
            fd = nxt
        report = os.open("deep.json", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(report, to_json(sample_report("2019")).encode())
        os.close(report)
    finally:
        os.close(fd)
    return base / name


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[Path]:
    folder.chmod(0)
    try:
        yield folder
    finally:
        folder.chmod(0o755)


def test_a_path_too_long_to_list_is_reported(tmp_path: Path) -> None:
    d = _corpus(tmp_path)
    _too_deep(d)
    found = discover([d])
    assert found.unlistable, found
    assert "name is too long" in found.unlistable[0][1].en
    events = list(iter_check([d], jobs=1, pairs=False))
    unreadable = [e for e in events if getattr(e, "error", None)]
    assert [e.error_type for e in unreadable] == ["UnlistableFolder"]  # type: ignore[union-attr]
    out = run_cli("check", d, "--summary", "json", "--no-progress")
    assert out.rc == 2, out
    summary = json.loads(out.stdout)
    assert summary["unreadable"] == 1
    assert "深深深" in summary["unreadable_files"][0]["file"]
    export = run_cli("export", "--cells", d, "-o", tmp_path / "cells.csv")
    assert export.rc == 2, export
    assert "cannot list" in export.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root lists a folder of mode 000 anyway")
def test_a_folder_without_permission_is_reported(tmp_path: Path) -> None:
    d = _corpus(tmp_path)
    locked = d / "locked"
    locked.mkdir()
    (locked / "b.json").write_text(to_json(sample_report("2019")), encoding="utf-8")
    with _locked(locked):
        out = run_cli("check", d, "--summary", "json", "--no-progress")
        assert out.rc == 2, out
        assert "locked" in out.stdout
        export = run_cli("export", "--cells", d, "-o", tmp_path / "cells.csv")
        assert export.rc == 2, export
        assert "locked" in export.stderr


def test_a_readable_corpus_is_unchanged(tmp_path: Path) -> None:
    d = _corpus(tmp_path)
    assert discover([d]).unlistable == ()
    out = run_cli("check", d, "--no-progress")
    assert out.rc == 0, out
