"""Class 18: every output was written in place (truncated first): killed mid-write or on a full
disk, the old good file was gone and a broken one left; ``export --cells r.json -o r.json``
destroyed its input. Every output (CLI and library) is now written to a temporary file in the same
folder and renamed over the target when complete; an output path equal to an input is refused."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import hostile_generators as g
import pytest
from hostile_limits import run_cli, run_limited, run_python

_OLD = b"OLD GOOD CONTENT\n"

_COMMANDS: dict[str, tuple] = {  # type: ignore[type-arg]
    "render": (["render", "{d}/r.json", "-o", "{out}"], "o.docx"),
    "to-xlsx": (["to-xlsx", "{d}/r.json", "-o", "{out}"], "o.xlsx"),
    "read -o": (["read", "{d}/r.json", "-o", "{out}"], "o.json"),
    "export -o": (["export", "--cells", "{d}/r.json", "-o", "{out}"], "o.csv"),
    "template -o": (["template", "-o", "{out}"], "t.xlsx"),
    "check --findings": (["check", "{d}/bad.json", "--findings", "{out}", "--no-progress"], "f.csv", 256),
    "aggregate -o": (
        ["aggregate", "{d}/unit0.xlsx", "{d}/unit1.xlsx", "--agency", "某区人民政府", "-o", "{out}"],
        "a.xlsx",
    ),
}


def _fsize_limited(argv: list[str], limit: int) -> list[str]:
    """The command with RLIMIT_FSIZE of ``limit`` bytes, smaller than its output: the write fails
    past it, as on a full disk."""
    code = (
        "import resource, sys, signal; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
        f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit})); "
        "from gov_disclosure.cli import main; sys.argv = ['gov-disclosure'] + sys.argv[1:]; main()"
    )
    return ["-c", code, *argv]


@pytest.mark.parametrize("name", list(_COMMANDS))
def test_a_failed_write_keeps_the_old_file(tmp_path: Path, name: str) -> None:
    d = g.gen_18_inputs(tmp_path)
    argv, fname, *limit = _COMMANDS[name]
    target = d / f"out-{fname}"
    target.write_bytes(_OLD)
    args = [a.replace("{d}", str(d)).replace("{out}", str(target)) for a in argv]
    out = run_limited([sys.executable, *_fsize_limited(args, limit[0] if limit else 4096)])
    assert not out.traceback, out
    assert target.read_bytes() == _OLD, out  # the old file, whole
    assert not [p for p in d.iterdir() if p.name.startswith(".") and p.name.endswith(".tmp")]


@pytest.mark.parametrize("name", list(_COMMANDS))
def test_a_good_write_replaces_the_old_file(tmp_path: Path, name: str) -> None:
    d = g.gen_18_inputs(tmp_path)
    argv, fname, *_ = _COMMANDS[name]
    target = d / f"out-{fname}"
    target.write_bytes(_OLD)
    out = run_cli(*(a.replace("{d}", str(d)).replace("{out}", str(target)) for a in argv))
    assert out.rc in (0, 1), out
    assert target.read_bytes() != _OLD
    assert target.stat().st_size > 100


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "--cells", "{src}", "-o", "{src}"],
        ["read", "{src}", "-o", "{src}"],
        ["check", "{src}", "--findings", "{src}"],
    ],
)
def test_an_output_that_is_an_input_is_refused(tmp_path: Path, argv: list[str]) -> None:
    d = g.gen_18_inputs(tmp_path)
    src = d / "same.json"
    src.write_bytes((d / "r.json").read_bytes())
    before = src.read_bytes()
    out = run_cli(*(a.replace("{src}", str(src)) for a in argv))
    assert out.rc == 2, out
    assert not out.traceback, out
    assert src.read_bytes() == before
    json.loads(before)


_LIBRARY = r"""
def case(folder):
    import resource, signal
    from pathlib import Path
    from gov_disclosure.testing import sample_report
    from gov_disclosure.docx import write_docx
    from gov_disclosure.excel import write_template, write_xlsx
    from gov_disclosure.batch import write_cells
    d = Path(folder)
    r = sample_report("2021")
    (d / "r.json").write_text(__import__("gov_disclosure").to_json(r), encoding="utf-8")
    targets = {"docx": d / "o.docx", "xlsx": d / "o.xlsx", "template": d / "t.xlsx", "cells": d / "c.csv"}
    for t in targets.values():
        t.write_bytes(b"OLD")
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
    raised = {}
    for name, fn in {
        "docx": lambda: write_docx(r, targets["docx"]),
        "xlsx": lambda: write_xlsx(r, targets["xlsx"]),
        "template": lambda: write_template(targets["template"]),
        "cells": lambda: write_cells([d / "r.json"], targets["cells"], jobs=1),
    }.items():
        try:
            fn()
        except OSError as exc:
            raised[name] = type(exc).__name__
    return {"kept": {k: t.read_bytes() == b"OLD" for k, t in targets.items()}, "raised": raised}
"""


def test_the_library_writers_are_atomic(tmp_path: Path) -> None:
    out = run_python(_LIBRARY, tmp_path)
    assert out.result is not None, out
    got = out.result["returned"]
    assert all(got["kept"].values()), got
    assert set(got["raised"]) == set(got["kept"]), got


def test_the_library_refuses_an_output_that_is_an_input(tmp_path: Path) -> None:
    from gov_disclosure.batch import write_cells
    from gov_disclosure.core.errors import ArgumentError
    from gov_disclosure.excel import aggregate, write_summary

    d = g.gen_18_inputs(tmp_path)
    src = d / "r.json"
    before = src.read_bytes()
    with pytest.raises(ArgumentError, match="input"):
        write_cells([src], src, jobs=1)
    assert src.read_bytes() == before
    units = [d / "unit0.xlsx", d / "unit1.xlsx"]
    unit_before = units[0].read_bytes()
    result = aggregate(units, agency="某区人民政府")
    with pytest.raises(ArgumentError, match="input"):
        write_summary(result, units[0])
    assert units[0].read_bytes() == unit_before
