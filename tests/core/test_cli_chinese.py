"""In Chinese, everything the command line says is Chinese.

Every command runs with ``--lang zh`` on good and bad input (and a few through ``GOV_DISCLOSURE_LANG``
and the locale, in a subprocess); every line it prints for a person fails the test when an English
word is left once the allowed tokens are taken out. Data (JSON or CSV on stdout, what a program reads)
is not a message and is not checked.

The allowed tokens, exactly (:data:`ALLOWED`, applied in order):

- paths and addresses: anything with a ``/`` or ``\\`` in it, a file name or a bare suffix of the kinds
  the tool reads or writes (``r.json``, ``.xlsx``), a spreadsheet position (``依申请公开!D7``);
- codes: finding codes (``GD301``, ``GD7xx``, ``GD701–GD704``) and finding ids (``GD201-3f9a2c1b7d04``);
- what the user types: options (``-o``, ``--output-format``), the program and its command names, the
  values of choice options (``text``, ``json``, ``not-assessable`` …), environment variables
  (``GOV_DISCLOSURE_LANG``, ``LANG``), install commands (``pip install "gov-disclosure[excel]"``,
  ``apt-get install poppler-utils``), quoted text (values quoted from the input or to be typed);
- names: of formats and programs (:data:`NAMES`: Excel, WPS, LibreOffice, JSON, PDF, pdftotext …);
- numbers, ranges (``x>=1``, ``0<x<=1``) and the ``?`` of an unknown value.

What remains must hold no run of two or more Latin letters.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import attrs
import click
import pytest
from click.testing import CliRunner

from gov_disclosure import to_json
from gov_disclosure.cli import main
from gov_disclosure.testing import sample_report

DATA = Path(__file__).parent.parent / "data"

#: names of formats, programs and systems, written as they are in Chinese text too
NAMES = (
    "JSON Lines", "JSON Schema", "JSON", "CSV", "HTML", "PDF", "XML", "DTD", "Parquet", "Excel", "WPS",
    "Word", "LibreOffice", "Office", "OCR", "UTF-8", "BOM", "GB/T", "pyarrow", "polars", "poppler",
    "pdftotext", "pdftoppm", "PDFium", "soffice", "Debian", "Ubuntu", "macOS", "Windows", "libreoffice.org", "zip", "A4",
    "lxml", "openpyxl", "python-docx", "仿宋_GB2312",
)  # fmt: skip
SUFFIXES = "json|jsonl|ndjson|xlsx|xls|docx|doc|html|htm|pdf|txt|csv|parquet|zip|odt|md"


def _choices() -> set[str]:
    out: set[str] = set()
    for cmd in [main, *main.commands.values()]:
        for p in cmd.params:
            if isinstance(p.type, click.Choice):
                out.update(str(c) for c in p.type.choices)
    return out


def _allowed() -> list[re.Pattern[str]]:
    words = sorted({*NAMES, *main.commands, *_choices()}, key=len, reverse=True)
    return [
        re.compile(r"(?:pip|apt-get|brew) install [\w\"\[\].-]+"),  # install commands
        re.compile(r"“[^”]*”|‘[^’]*’|\"[^\"]*\"|'[^']*'"),  # quoted text
        re.compile(r"python -m gov_disclosure|gov-disclosure(?:\[\w+\])?|gov_disclosure(?:\.\w+)*"),
        re.compile(r"\S*[/\\]\S*"),  # paths and addresses
        re.compile(rf"[\w.-]*\.(?:{SUFFIXES})\b"),  # file names and suffixes
        re.compile(r"\S+![A-Z]{1,3}\d+"),  # a spreadsheet position
        re.compile(r"GD\d{3}-[0-9a-f]{12}(?:\.\d+)?"),  # finding ids
        re.compile(r"GD\d(?:\d\d|xx)"),  # codes
        re.compile(r"(?<![\w-])--?[a-z][a-z0-9-]*"),  # options
        re.compile(r"\b(?:GOV_DISCLOSURE_LANG|LANG|LC_ALL)\b"),
        re.compile(r"(?<![A-Za-z])(?:" + "|".join(re.escape(w) for w in words) + r")(?![A-Za-z])"),
        re.compile(r"\d*<?=?x[<>]=?\d*"),  # ranges: x>=1, 0<x<=1
    ]


ALLOWED = _allowed()
ENGLISH = re.compile(r"[A-Za-z]{2,}")


def english_words(line: str) -> list[str]:
    """The English words of a line once the allowed tokens are taken out."""
    text = click.unstyle(line)
    for pattern in ALLOWED:
        text = pattern.sub(" ", text)
    return ENGLISH.findall(text)


def test_the_allowed_tokens_are_exactly_these() -> None:
    assert english_words("错误：/tmp/a b.json: 空文件（0字节）") == []
    assert english_words("  GD301 错误 表四 · 行政复议 · 总计 (appeals/review/total) [依申请公开!D7]") == []
    assert english_words("运行“gov-disclosure validate --help”查看帮助。 [默认：not-assessable]") == []
    assert (
        english_words('需要 pdftotext（apt-get install poppler-utils），或 pip install "gov-disclosure[pdf]"')
        == []
    )
    assert english_words("  -j, --jobs 整数   [x>=1] [默认：0.9; 0<x<=1]") == []
    assert english_words("错误：cannot open: No such file") == ["cannot", "open", "No", "such", "file"]
    assert english_words("通过: 0 errors") == ["errors"]
    assert english_words("VALID：0个错误") == ["VALID"]
    assert english_words("表二 · proactive disclosure") == ["proactive", "disclosure"]


# -- the inputs -----------------------------------------------------------------------------------


@attrs.frozen
class Case:
    args: tuple[str, ...]
    data_on_stdout: bool = False  #: stdout carries data (JSON, CSV): only stderr is a message


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("zh")
    r21 = sample_report("2021")
    last = attrs.evolve(r21, year=2020)
    bad = r21.with_cells({"appeals/review/total": 999, "applications/new/business": None})
    out = {
        "good": r21,
        "last": last,
        "bad": bad,
        "two_back": attrs.evolve(r21, year=2019),
        "other": attrs.evolve(last, agency="杭州市西湖区人民政府"),
    }
    paths = {}
    for name, r in out.items():
        paths[name] = d / f"{name}.json"
        paths[name].write_text(to_json(r), encoding="utf-8")
    paths["empty"] = d / "empty.txt"
    paths["empty"].write_bytes(b"")
    paths["zip"] = d / "broken.xlsx"
    paths["zip"].write_bytes(b"PK\x03\x04 truncated")
    paths["prose"] = d / "prose.txt"
    paths["prose"].write_text("今天天气很好。\n明天也好。\n", encoding="utf-8")
    paths["binary"] = d / "blob.docx"
    paths["binary"].write_bytes(b"\x00\x01\x02\x03" * 50)
    paths["missing"] = d / "missing.json"
    paths["erqi"] = DATA / "erqi-sci-2020.txt"
    folder = d / "folder"
    folder.mkdir()
    for name in ("good", "last", "bad", "zip", "empty"):
        shutil.copy(paths[name], folder / paths[name].name)
    shutil.copy(paths["good"], folder / "copy.json")  # a duplicate of agency and year
    (folder / "notes.odt").write_bytes(b"x")  # skipped
    paths["folder"] = folder
    paths["emptydir"] = d / "nothing"
    paths["emptydir"].mkdir()
    paths["out"] = d / "out"
    paths["out"].mkdir()
    return paths


def cases(f: dict[str, Path]) -> Iterator[Case]:
    o = f["out"]
    s = {k: str(v) for k, v in f.items()}
    yield Case(("--help",))
    yield Case(("--version",))
    for name in main.commands:
        yield Case((name, "--help"))
    yield Case(("no-such-command",))
    yield Case(("validate",))
    yield Case(("validate", s["good"], "--no-such-option"))
    yield Case(("validate", s["good"], "--missing", "sometimes"))
    yield Case(("check", s["folder"], "-j", "0"))
    # validate
    for name in ("good", "bad", "empty", "zip", "prose", "binary", "missing", "erqi"):
        yield Case(("validate", s[name]))
    yield Case(("validate", str(DATA / "real" / "hongze-gov-2023.pdf")))  # a real PDF
    yield Case(("validate", s["good"], "--previous", s["last"]))
    yield Case(("validate", s["good"], "--previous", s["two_back"]))
    yield Case(("validate", s["good"], "--previous", s["other"]))
    yield Case(("validate", s["good"], "--output", "text"))  # the deprecated name
    # read
    yield Case(("read", s["bad"]), data_on_stdout=True)
    yield Case(("read", s["erqi"], "-o", f"{o}/erqi.json"))
    yield Case(("read", s["zip"]), data_on_stdout=True)
    yield Case(("read", s["good"], "-o", "/nonexistent/dir/x.json"))
    yield Case(("read", s["good"], "-o", f"{o}/x.txt"))
    # export
    yield Case(("export", "--cells", s["folder"], "-o", f"{o}/cells.csv"))
    yield Case(("export", "--cells", s["folder"]), data_on_stdout=True)
    yield Case(("export", "--cells", s["emptydir"]), data_on_stdout=True)
    yield Case(("export", "--cells", s["good"], "--output-format", "parquet"), data_on_stdout=True)
    # schema, sample, rules
    yield Case(("schema",), data_on_stdout=True)
    yield Case(("sample", "--format", "2019"), data_on_stdout=True)
    yield Case(("rules",))
    # check
    yield Case(("check", s["folder"], "-j", "1"))
    yield Case(("check", s["folder"], "-j", "1", "--no-pairs", "--findings", f"{o}/findings.csv"))
    yield Case(("check", s["folder"], "-j", "1", "--findings", "-"), data_on_stdout=True)
    yield Case(("check", s["good"], s["last"]))
    yield Case(("check", s["emptydir"]))
    yield Case(("check", s["good"], "--findings", f"{o}/findings.xlsx"))
    yield Case(("check", s["good"], "--similarity", "0.8"))  # the deprecated name
    # compare
    yield Case(("compare", s["last"], s["good"]))
    yield Case(("compare", s["good"], s["last"]))
    yield Case(("compare", s["two_back"], s["good"]))
    yield Case(("compare", s["other"], s["good"]))
    yield Case(("compare", s["zip"], s["good"]))
    # excel
    yield Case(("template", "-o", f"{o}/t.xlsx"))
    yield Case(("template", "-o", f"{o}/t.docx"))
    yield Case(("to-xlsx", s["good"], "-o", f"{o}/good.xlsx"))
    yield Case(("to-xlsx", s["bad"], "-o", f"{o}/bad.xlsx"))
    yield Case(("to-xlsx", s["missing"], "-o", f"{o}/m.xlsx"))
    yield Case(("to-xlsx", s["good"], "-o", f"{o}/y.csv"))
    # render
    yield Case(("render", s["good"], "-o", f"{o}/good.docx"))
    yield Case(("render", s["bad"], "-o", f"{o}/bad.docx"))
    yield Case(("render", s["good"], "-o", f"{o}/r.odt"))
    yield Case(("render", s["good"], "-o", f"{o}/f.docx", "--title-font", " "))


def review_cases(f: dict[str, Path]) -> Iterator[Case]:
    o = f["out"]
    s = {k: str(v) for k, v in f.items()}
    fixes = o / "fixes.csv"
    fixes.write_text(
        "file,cell,value,note\n"
        "bad.json,applications/new/business,3,按原件\n"
        "nowhere.docx,applications/new/total,1,\n"
        "bad.json,applications/nowhere/total,1,\n",
        encoding="utf-8",
    )
    decisions = o / "decisions.csv"
    decisions.write_text("问题编号,处理意见,备注\nGD201-0123456789ab,已确认,\nGD301-000000000000,也许,\n", encoding="utf-8")
    yield Case(("check", s["folder"], "-j", "1", "--review", f"{o}/review.xlsx", "--html", f"{o}/review.html"))
    yield Case(("check", s["folder"], "-j", "1", "--decisions", f"{o}/review.xlsx", "--fixes", str(fixes)))
    yield Case(("check", s["folder"], "-j", "1", "--decisions", str(decisions)))
    yield Case(("check", s["folder"], "--review", f"{o}/review.csv"))
    yield Case(("check", s["folder"], "--decisions", s["prose"]))
    yield Case(("validate", s["bad"], "--fixes", str(fixes), "--decisions", f"{o}/review.xlsx"))
    yield Case(("annotate", s["bad"], "-o", f"{o}/bad-checked.docx"))
    yield Case(("annotate", s["bad"], "-o", s["bad"]))
    yield Case(("annotate", s["bad"], "-o", f"{o}/x.xlsx"))
    yield Case(("annotate", s["zip"], "-o", f"{o}/zip.xlsx"))
    yield Case(("annotate", s["erqi"], "-o", f"{o}/erqi.docx"))
    yield Case(("export", "--indicators", s["folder"], "-o", f"{o}/ind.csv"))
    yield Case(("export", "--indicators", s["folder"]), data_on_stdout=True)
    yield Case(("export", s["folder"]))


def aggregate_cases(f: dict[str, Path]) -> Iterator[Case]:
    o = f["out"]
    good, bad = f"{o}/good.xlsx", f"{o}/bad.xlsx"
    yield Case(("aggregate", good, bad, "-o", f"{o}/sum.xlsx", "--agency", "某区"))
    yield Case(("aggregate", good, good, "-o", f"{o}/sum.xlsx", "--agency", "某区"))
    yield Case(("aggregate", good, str(f["zip"]), "-o", f"{o}/sum.xlsx", "--agency", "某区"))
    yield Case(("aggregate", good, "-o", f"{o}/sum.xlsx", "--agency", " "))
    yield Case(("aggregate", good, "-o", f"{o}/sum.csv", "--agency", "某区"))
    yield Case(("aggregate", good, f"{o}/t.xlsx", "-o", f"{o}/sum.xlsx", "--agency", "某区"))


def _lines(result: click.testing.Result, case: Case) -> list[str]:
    out = result.stderr.splitlines()
    if not case.data_on_stdout:
        out += result.stdout.splitlines()
    return out


def test_every_command_speaks_chinese(files: dict[str, Path]) -> None:
    runner = CliRunner()
    problems: list[str] = []
    seen = 0
    for case in [*cases(files), *aggregate_cases(files), *review_cases(files)]:
        result = runner.invoke(main, [*case.args, "--lang", "zh"], prog_name="gov-disclosure")
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            problems.append(f"{' '.join(case.args)}: raised {result.exception!r}")
            continue
        for line in _lines(result, case):
            seen += 1
            words = english_words(line)
            if words:
                problems.append(f"{' '.join(case.args)}: {words}: {line.strip()[:200]}")
    assert seen > 500  # the cases did print
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize(
    ("env", "args"),
    [
        ({"GOV_DISCLOSURE_LANG": "zh"}, ["validate", "{bad}"]),
        ({"GOV_DISCLOSURE_LANG": "zh"}, ["check", "{folder}", "-j", "1"]),
        ({"LANG": "zh_CN.UTF-8"}, ["validate", "{zip}"]),
        ({"LANG": "zh_CN.UTF-8"}, ["check", "--help"]),
        ({"LC_ALL": "zh_CN.UTF-8"}, ["compare", "{other}", "{good}"]),
    ],
)
def test_the_environment_makes_it_chinese_in_a_subprocess(
    files: dict[str, Path], env: dict[str, str], args: list[str]
) -> None:
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in ("GOV_DISCLOSURE_LANG", "LANG", "LC_ALL", "LC_MESSAGES")
    }
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "gov_disclosure",
            *(a.format(**{k: str(v) for k, v in files.items()}) for a in args),
        ],
        capture_output=True,
        text=True,
        env={**base, "PYTHONIOENCODING": "utf-8", **env},
        timeout=300,
        check=False,
    )
    lines = [*proc.stdout.splitlines(), *proc.stderr.splitlines()]
    assert lines
    assert "Traceback" not in proc.stderr
    assert [(w, ln) for ln in lines if (w := english_words(ln))] == []
    assert any(re.search(r"[\u4e00-\u9fff]", ln) for ln in lines)


def test_the_cells_of_a_finding_are_named_in_words() -> None:
    """A row that does not fit (GD105) lists its cells by their column names (自然人=∅), not by
    addresses a clerk cannot read; cells of another row or group keep the part of their name that
    the finding's location does not say."""
    data = Path(__file__).parent.parent / "data" / "erqi-sci-2020.txt"
    result = CliRunner().invoke(main, ["validate", str(data), "--lang", "zh"], prog_name="gov-disclosure")
    lines = [line.strip() for line in result.output.splitlines() if line.strip().startswith("单元格：")]
    assert lines, result.output
    assert "单元格：自然人=∅ 商业企业=∅ 科研机构=∅ 社会公益组织=∅ 法律服务机构=∅ 其他=∅ 总计=∅" in lines
    assert any(line.startswith("单元格：行政复议 · 结果维持=∅") for line in lines)
    assert not any("applications/" in line or "appeals/" in line for line in lines)
