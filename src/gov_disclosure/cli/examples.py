"""Running and showing the examples of the rule documentation (``rules/docs/<CODE>/``): for
``gov-disclosure rules CODE``, ``docs/rules.md`` and the tests, which all run the same examples.

Layer: cli. Builds the examples from :mod:`gov_disclosure.testing`'s sample reports, reads ``text``
examples with :mod:`gov_disclosure.text` and checks ``files`` examples with :mod:`gov_disclosure.batch`.
"""

from __future__ import annotations

import re
import tempfile
from functools import cache
from pathlib import Path
from typing import Literal

import attrs

from ..batch import check_paths
from ..core.findings import Finding, Severity
from ..core.messages import Lang
from ..core.messages import cli as M
from ..core.messages import review as R
from ..core.messages import rules as m
from ..core.model import Report
from ..core.serialize import to_json
from ..core.values import format_cell
from ..core.vocabulary import SECTIONS, location_label
from ..rules import validate
from ..rules.ruledocs import Example, Patch, rule_doc
from ..testing import crawler_text, sample_pair, sample_report
from ..text import read_text, write_text

__all__ = [
    "SCOPES",
    "SEVERITIES",
    "ExampleRun",
    "describe",
    "finding_lines",
    "rule_text",
    "run_example",
    "severity_word",
]

#: the scopes of the rules (``Rule.scope``), in words
SCOPES = {
    "cell": M.SCOPE_CELL,
    "reader": M.SCOPE_READER,
    "table": M.SCOPE_TABLE,
    "report": M.SCOPE_REPORT,
    "cross-year": M.SCOPE_CROSS_YEAR,
    "batch": M.SCOPE_BATCH,
    "review": R.SCOPE_REVIEW,
}
SEVERITIES = {"error": M.SEVERITY_ERROR, "warning": M.SEVERITY_WARNING, "info": M.SEVERITY_INFO}

Which = Literal["bad", "good"]
_HEADINGS = {s.key: s.heading for s in SECTIONS}
_SEVERITY = {
    Severity.ERROR: M.SEVERITY_ERROR,
    Severity.WARNING: M.SEVERITY_WARNING,
    Severity.INFO: M.SEVERITY_INFO,
}


def severity_word(severity: Severity, lang: Lang) -> str:
    return _SEVERITY[severity](lang)


@attrs.frozen
class ExampleRun:
    """An example run: the report(s) it is made of (None for a ``files`` example) and every finding."""

    report: Report | None
    previous: Report | None
    base: Report  #: the sample report it starts from (this year's)
    base_previous: Report | None
    findings: tuple[Finding, ...]


def _bases(example: Example) -> tuple[Report, Report | None]:
    if example.kind == "pair":
        last, this = sample_pair(example.format)
        return this, last
    return sample_report(example.format), None


@cache
def run_example(code: str, which: Which) -> ExampleRun:
    """Run the bad or good example of a code as a user would: validate the report (or pair), read the
    text back, or check the two files together. Every finding of every code is returned."""
    example = getattr(rule_doc(code), which)
    this, last = _bases(example)
    if example.kind in ("report", "pair"):
        report, previous = example.build(this, last)
        return ExampleRun(report, previous, this, last, validate(report, previous).findings)
    if example.kind == "described":
        return ExampleRun(None, None, this, None, ())
    if example.kind == "fixes":
        from ..core.fixes import HandFix, apply_fixes

        report = example.this.apply(this)
        fixes = [
            HandFix(a, t.format(value=this.cell_text(a) if this.spec.has_cell(a) else ""), n)
            for a, t, n in example.fixes
        ]
        fixed, read = apply_fixes(report, [], fixes)
        return ExampleRun(fixed, None, this, None, validate(fixed, findings=read).findings)
    if example.kind == "text":
        text = crawler_text(this) if example.crawler else write_text(this)
        if example.flow:  # one block per cell, as plain pdftotext writes a PDF
            text = "\n\n".join(line.strip() for line in text.split("\n") if line.strip()) + "\n"
        for pattern, replacement in example.text:
            text, n = re.subn(pattern, replacement, text, count=1)
            if n != 1:
                raise ValueError(f"rules/docs/{code}/{which}.toml: {pattern!r} matches nothing")
        report, read = read_text(text.encode("utf-8"))
        return ExampleRun(report, None, this, None, validate(report, findings=read).findings)
    other = example.this.apply(this)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "report.json").write_text(to_json(this), encoding="utf-8")
        (folder / "report-v2.json").write_text(to_json(other), encoding="utf-8")
        result = check_paths([folder], jobs=1, pairs=True)
        findings = [f for d in result.duplicates for f in d.findings()]
        findings += [f for r in result.results for f in r.findings]
        # the paths of the temporary folder mean nothing once it is gone
        findings = [
            attrs.evolve(f, message=f.message.replace(tmp, "…"), message_zh=f.message_zh.replace(tmp, "…"))
            for f in findings
        ]
    return ExampleRun(None, None, this, None, tuple(findings))


def _value(v: object) -> str:
    return format_cell(v) if v is not None else ""  # type: ignore[arg-type]


def _patch_lines(patch: Patch, base: Report, built: Report | None, lang: Lang) -> list[str]:
    out: list[str] = []
    blank = m.DOC_BLANK(lang)
    after = built or patch.apply(base)
    for key in patch.fields:
        old, new = getattr(base, key), getattr(after, key)
        shown = [blank if v is None or v == "" else str(v) for v in (old, new)]
        out.append(
            m.DOC_CHANGE(lang, where=location_label(key, base.format, lang), old=shown[0], new=shown[1])
        )
    for address in patch.addresses(base):
        where = location_label(address, base.format, lang)
        if address in patch.raw:
            out.append(m.DOC_RAW(lang, where=where, raw=patch.raw[address]))
        else:
            old, new = _value(base.cell(address)) or blank, _value(after.cell(address)) or blank
            out.append(m.DOC_CHANGE(lang, where=where, old=old, new=new))
    for key in patch.copy:
        out.append(m.DOC_TEXT_COPIED(lang, where=_HEADINGS[key]))
    for key in patch.sections:
        out.append(m.DOC_TEXT_SET(lang, where=_HEADINGS[key], text=getattr(after.sections, key)))
    for key, text in patch.append.items():
        added = getattr(after.sections, key).rsplit("\n", 1)[-1] if text else text
        out.append(m.DOC_TEXT_ADDED(lang, where=_HEADINGS[key], text=added))
    if patch.outline is not None:
        out.append(m.DOC_OUTLINE(lang, headings=" | ".join(t for t, _ in patch.outline)))
    return out


def describe(code: str, which: Which, lang: Lang) -> list[str]:
    """The example in words: what it starts from and what was changed (indented lines)."""
    example: Example = getattr(rule_doc(code), which)
    run = run_example(code, which)
    base = run.base
    if example.kind == "pair":
        head = m.DOC_PAIR(lang, last=(base.year or 0) - 1, year=base.year, format=example.format)
    elif example.kind == "text":
        head = m.DOC_TEXT(lang, format=example.format)
    elif example.kind == "files":
        head = m.DOC_FILES(lang)
    elif example.kind == "fixes":
        head = m.DOC_FIXES(lang, format=example.format)
    elif example.kind == "described":
        return [
            example.summary(
                lang, year=base.year, last=(base.year or 0) - 1, next=(base.year or 0) + 1, agency=""
            )
        ]
    else:
        head = m.DOC_SAMPLE(lang, format=example.format)
    year = base.year or 0
    lines = [example.summary(lang, year=year, last=year - 1, next=year + 1, agency=base.agency or ""), ""]
    previous_lines = (
        _patch_lines(example.previous, run.base_previous, run.previous, lang)
        if example.kind == "pair" and run.base_previous is not None
        else []
    )
    if example.kind in ("report", "pair", "files"):
        this_lines = _patch_lines(example.this, base, run.report, lang)
    elif example.kind == "fixes":
        this_lines = [
            *_patch_lines(example.this, base, None, lang),
            *(
                m.DOC_FIX_LINE(
                    lang,
                    where=location_label(a, base.format, lang),
                    text=t.format(value=base.cell_text(a) if base.spec.has_cell(a) else ""),
                    note=n,
                )
                for a, t, n in example.fixes
            ),
        ]
    else:
        this_lines = [m.DOC_EDIT(lang, old=a, new=b) for a, b in example.text]
    if not (previous_lines or this_lines):
        lines.append(f"{head}, {m.DOC_AS_IS(lang)}" if lang == "en" else f"{head}，{m.DOC_AS_IS(lang)}")
        return lines
    lines.append(f"{head} {m.DOC_WITH(lang)}" if lang == "en" else f"{head}{m.DOC_WITH(lang)}")
    if previous_lines:
        lines.append("  " + m.DOC_LAST_YEAR(lang))
        lines += [f"    {x}" for x in previous_lines]
    if example.kind == "files":
        lines.append("  " + m.DOC_SECOND_FILE(lang))
        lines += [f"    {x}" for x in this_lines]
    else:
        lines += [f"  {x}" for x in this_lines]
    return lines


def finding_lines(code: str, which: Which, lang: Lang) -> list[str]:
    """What validate says about the example under the code: its findings, or that it passes."""
    run = run_example(code, which)
    if getattr(rule_doc(code), which).kind == "described":
        return []
    own = [f for f in run.findings if f.code == code]
    if not own:
        return [m.DOC_PASSES(lang, code=code)]
    fmt = run.base.format
    out = [m.DOC_FINDS(lang)]
    for f in own:
        where = location_label(f.location, fmt, lang) if f.location else ""
        message = f.message_zh if lang == "zh" else f.message
        out.append(f"  {f.code} {severity_word(f.severity, lang)} {where}".rstrip())
        out.append(f"    {message}")
    return out


def rule_text(code: str, lang: Lang) -> str:
    """What ``gov-disclosure rules CODE`` prints (and docs/rules.md shows), in ``lang``."""
    from ..rules import RULES

    rule = RULES[code]
    doc = rule_doc(code)
    title = rule.title_zh if lang == "zh" else rule.title
    scope = SCOPES[rule.scope](lang)
    lines = [f"{code} · {severity_word(rule.severity, lang)} · {scope} · {title}", ""]

    def block(heading: str, body: list[str]) -> None:
        lines.append(heading)
        lines.extend(f"  {x}" if x else "" for x in body)
        lines.append("")

    block(m.DOC_DEFINITION(lang), [doc.definition(lang)])
    block(m.DOC_READS(lang), [doc.reads(lang)])
    block(m.DOC_BAD(lang), [*describe(code, "bad", lang), *finding_lines(code, "bad", lang)])
    block(m.DOC_FIX(lang), [doc.fix(lang)])
    block(m.DOC_GOOD(lang), [*describe(code, "good", lang), *finding_lines(code, "good", lang)])
    return "\n".join(lines).rstrip() + "\n"
