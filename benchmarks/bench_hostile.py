"""Hostile and broken input (issue 14): one representative case per class, each run in a child
process with a deadline and an address-space limit (tests/hostile/hostile_limits.py, the harness of
the tests), printing a table of class → outcome → time → peak RSS.

Run: python benchmarks/bench_hostile.py [--only 1,2,6] [--deadline 60] [--memory-mib 4096]
         [--code-path SRC]

The inputs are made once by this interpreter (tests/hostile/hostile_generators.py); the children
import gov_disclosure from ``--code-path`` when given (e.g. a checkout of main's ``src``, for the
"before" column), else as installed. Time is the child's wall time (interpreter start included, about
0.3 s); peak RSS is ``ru_maxrss`` of the child and the descendants it waited for (pdftotext). Linux.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "hostile"))

import hostile_generators as g  # noqa: E402
from hostile_limits import Outcome, run_cli, run_limited, run_python, start_limited  # noqa: E402

_READ = r"""
def case(path):
    from collections import Counter
    from gov_disclosure import read_report, validate
    report, findings = read_report(path)
    v = validate(report, findings=findings)
    codes = Counter(f.code for f in v.findings)
    return {"cells": sum(x is not None for _, x in report.cells()), "agency": (report.agency or "")[:12],
            "agency_len": len(report.agency or ""), "year": report.year, "valid": v.valid,
            "codes": dict(codes.most_common(4)),
            "new_np": report.cell("applications/new/natural_person") if report.format == "2021" else None,
            "total": report.cell("applications/new/total") if report.format == "2021" else None,
            "overview_has_fffd": "\ufffd" in report.sections.overview}
"""


def said(out: Outcome) -> str:
    if out.timed_out:
        return f"killed at the deadline ({out.wall:.0f} s)"
    if out.result is not None:
        r = out.result
        if "raised" in r:
            return f"{r['raised']}{'' if r['typed'] else ' (UNTYPED)'}: {r['message'][:90]}"
        return ", ".join(f"{k}={v}" for k, v in r["returned"].items())
    lines = [ln for ln in out.stderr.strip().splitlines() if ln.strip()]
    tb = " TRACEBACK" if out.traceback else ""
    return f"exit {out.rc}{tb}: {(lines[-1] if lines else '')[:110]}"


class Bench:
    def __init__(self, args: argparse.Namespace, work: Path) -> None:
        self.args, self.work = args, work
        self.env = dict(os.environ)
        if args.code_path:
            self.env["PYTHONPATH"] = str(Path(args.code_path).resolve())
        self.kw: dict[str, Any] = {"deadline": args.deadline, "memory_mib": args.memory_mib, "env": self.env}

    def read(self, path: Path) -> Outcome:
        return run_python(_READ, path, **self.kw)

    def cli(self, *argv: Any, **more: Any) -> Outcome:
        return run_cli(*argv, **{**self.kw, **more})


def cases(b: Bench, w: Path) -> list[tuple[str, str, Callable[[], Outcome]]]:
    c: list[tuple[str, str, Callable[[], Outcome]]] = [
        ("1", "text: first line of 100,000 Han chars (read)", lambda: b.read(g.gen_01_title_text(w, 100_000))),
        ("1", "HTML: 100,000-char paragraph before the title", lambda: b.read(g.gen_01_title_html(w, 100_000))),
        ("1", "DOCX: 300,000-char paragraph before the title", lambda: b.read(g.gen_01_title_docx(w, 300_000))),
        ("2", "HTML: 999 colspan=200 cells + 10,000 empty rows", lambda: b.read(g.gen_02_html_spans(w, 999, 10_000))),
        ("5", "PDF: 1 page, stream inflating to 300 MB", lambda: b.read(g.gen_05_pdf_flate(w, 300))),
        ("5", "PDF: 500 pages writing 90 MB of text", lambda: b.read(g.gen_05_pdf_wide(w))),
        ("6", "JSON count of 10,000 digits: validate", lambda: b.cli("validate", g.gen_06_json_bigint(w))),
        ("6", "JSON two 4,300-digit counts: validate", lambda: b.cli("validate", g.gen_06_json_two_4300(w))),
        ("6", "JSON year 10^30: validate", lambda: b.cli("validate", g.gen_06_json_year(w, "1" + "0" * 30))),
        ("6", "JSON agency \\ud800: render", lambda: b.cli("render", g.gen_06_json_surrogate(w), "-o", w / "s.docx")),
        ("7", "HTML <meta charset=idna>: read", lambda: b.cli("read", g.gen_07_html_charset(w, "idna"))),
        ("8", "render: agency of 300 characters", lambda: b.cli("render", g.gen_08_long_agency(w), "-o", w / "a.docx")),
        ("9", "Ctrl-C on check -j 2", lambda: interrupt(b, w)),
        ("10", "HTML: value in a nested <table>", lambda: b.read(g.gen_10_html_nested(w))),
        ("10", "DOCX (anyone's): value in a nested table", lambda: b.read(g.gen_10_docx_nested(w, False))),
        ("11", "text: 一、总体情况 quoted in section 二", lambda: b.read(g.gen_11_heading_in_text(w, "txt", "proactive", "一、总体情况"))),
        ("11", "HTML: appeals table under 300 <div>", lambda: b.read(g.gen_11_html_deep(w, 300))),
        ("12", "XLSX: total formula over 3 blank cells", lambda: b.read(g.gen_12_formula_blanks(w))),
        ("13", "XLSX: count cell holding '21 8'", lambda: b.read(g.gen_13_xlsx_spaced_number(w))),
        ("14", "text: UTF-8 with one 0xFF byte", lambda: b.read(g.gen_14_bad_utf8(w))),
        ("15", "check: a folder too deep to list", lambda: unlistable(b, w)),
        ("16", "write_docx, longest one-line sections: read", lambda: longest(b, w)),
        ("17", "export --cells of formula-like text", lambda: injection(b, w)),
        ("18", "to-xlsx over an old file, disk full", lambda: full_disk(b, w)),
    ]
    return c


def interrupt(b: Bench, w: Path) -> Outcome:
    d = w / "c09"
    d.mkdir(exist_ok=True)
    src = d / "r00000.json"
    src.write_text(g.to_json(g.base()), encoding="utf-8")
    for i in range(1, 3000):
        os.link(src, d / f"r{i:05d}.json")  # 3,000 names, one file on disk
    start = time.perf_counter()
    proc = start_limited(
        [sys.executable, "-m", "gov_disclosure", "check", str(d), "-j", "2", "--no-progress"],
        memory_mib=b.args.memory_mib,
        env=b.env,
    )
    time.sleep(2.5)
    os.killpg(proc.pid, signal.SIGINT)
    try:
        out, err = proc.communicate(timeout=60)
    except Exception:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
    return Outcome(proc.returncode, False, time.perf_counter() - start, 0.0, out.decode(), err.decode())


def unlistable(b: Bench, w: Path) -> Outcome:
    d = w / "c15"
    d.mkdir(exist_ok=True)
    (d / "a.json").write_text(g.to_json(g.base()), encoding="utf-8")
    name = "深" * 80
    fd = os.open(d, os.O_RDONLY | os.O_DIRECTORY)
    for _ in range(20):
        os.mkdir(name, dir_fd=fd)
        nxt = os.open(name, os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
        os.close(fd)
        fd = nxt
    os.close(fd)
    return b.cli("check", d, "--no-progress", "--summary", "json")


def longest(b: Bench, w: Path) -> Outcome:
    import attrs

    from gov_disclosure.docx import write_docx

    r = g.base()
    text = "本" * 100_000
    keys = ("overview", "proactive", "applications", "appeals", "problems", "other")
    r = attrs.evolve(r, sections=attrs.evolve(r.sections, **dict.fromkeys(keys, text)))
    p = w / "c16-longest.docx"
    write_docx(r, p)
    return b.read(p)


def injection(b: Bench, w: Path) -> Outcome:
    d = g.gen_17_injection(w)
    target = w / "c17.csv"
    out = b.cli("export", "--cells", d, "-o", target)
    data = target.read_bytes() if target.exists() else b""
    text = data.decode("utf-8-sig", "replace")
    risky = sum(1 for line in text.splitlines() for f in line.split(",") if f.startswith(("=", "+", "@", '"=')))
    bom = data.startswith(b"\xef\xbb\xbf")
    out.stdout = f"BOM {bom}, formula-like fields {risky}"
    return out


def full_disk(b: Bench, w: Path) -> Outcome:
    d = g.gen_18_inputs(w)
    target = d / "out.xlsx"
    target.write_bytes(b"OLD GOOD CONTENT\n")
    code = (
        "import resource, sys, signal; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
        "resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096)); "
        "from gov_disclosure.cli import main; sys.argv = ['gov-disclosure'] + sys.argv[1:]; main()"
    )
    out = run_limited([sys.executable, "-c", code, "to-xlsx", str(d / "r.json"), "-o", str(target)], **b.kw)
    out.stdout = f"old file {'kept' if target.read_bytes().startswith(b'OLD') else 'LOST'}"
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", default="")
    ap.add_argument("--deadline", type=float, default=60.0)
    ap.add_argument("--memory-mib", type=float, default=4096.0)
    ap.add_argument("--code-path", default=None, help="import gov_disclosure from here in the children")
    ap.add_argument("--json", type=Path, default=None, help="also write the rows here")
    args = ap.parse_args()
    only = {x.strip() for x in args.only.split(",") if x.strip()}
    work = Path(tempfile.mkdtemp(prefix="bench-hostile-"))
    bench = Bench(args, work)
    rows = []
    print(f"children import from {args.code_path or 'the installed package'}; deadline {args.deadline:g} s; "
          f"RLIMIT_AS {args.memory_mib:g} MiB; load {os.getloadavg()[0]:.1f}", flush=True)
    try:
        for cls, name, run in cases(bench, work):
            if only and cls not in only:
                continue
            out = run()
            outcome = said(out) if out.result is not None or out.timed_out else (
                f"exit {out.rc}{' TRACEBACK' if out.traceback else ''}; "
                + (out.stdout.strip().splitlines() or [""])[-1][:60] + " | "
                + ((out.stderr.strip().splitlines() or [""])[-1])[:90]
            )
            rows.append({"class": cls, "case": name, "outcome": outcome, "time_s": round(out.wall, 2),
                         "peak_rss_mib": round(out.maxrss_mib)})
            print(f"[{cls:>2}] {name}: {outcome} — {out.wall:.2f} s, {out.maxrss_mib:,.0f} MiB", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("\n| class | case | outcome | time (s) | peak RSS (MiB) |\n|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['class']} | {r['case']} | {r['outcome'].replace('|', '/')} | {r['time_s']} | {r['peak_rss_mib']} |")
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
