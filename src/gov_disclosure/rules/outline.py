"""GD603–GD607: the outline — the six sections' headings present, in order, numbered 一 … 六, no extra
top-level heading, no numbering that starts again or skips.

They read :attr:`Report.outline <gov_disclosure.core.model.Report.outline>`, the top-level headings as
the file printed them (readers of documents fill it). A report without an outline (a workbook, a JSON
document without one) leaves these checks not assessable.

Layer: rules. Imports only :mod:`gov_disclosure.core` and :mod:`._base`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import Final

import attrs

from ..core.findings import Finding, NotAssessable
from ..core.messages import rules as m
from ..core.model import Heading
from ..core.values import chinese_number
from ..core.vocabulary import SECTIONS
from ._base import Context, Rule
from .sections import REQUIRED_SECTIONS

__all__ = [
    "OVERVIEW_TOPICS",
    "check_extra",
    "check_numbering",
    "check_numbers",
    "check_order",
    "check_present",
    "heading_number",
]

_ORDER: Final = {s.key: i for i, s in enumerate(SECTIONS)}
_HEADINGS: Final = {s.key: s.heading for s in SECTIONS}
_NUMERALS: Final = "一二三四五六七八九十"
#: the number of a top-level heading: 一、 五. 5、 5. 第五部分 (with or without a separator)
_NUMBER: Final = re.compile(
    r"^\s*(?:第(?P<part>[一二三四五六七八九十]{1,3})部分|(?P<cn>[一二三四五六七八九十]{1,3})(?![年月日])"
    r"|(?P<ar>\d{1,2})(?![\d年月日.．]\d))\s*[、.．，,:：]?"
)
#: words that make an unknown top-level heading a topic of 一、总体情况 (the 2021 format's five
#: aspects and the work reports put under them: 工作机制, 队伍建设, 培训 …)
OVERVIEW_TOPICS: Final = (
    "主动公开",
    "依申请",
    "申请公开",
    "信息管理",
    "平台",
    "监督",
    "保障",
    "机制",
    "制度建设",
    "组织领导",
    "队伍",
    "培训",
    "考核",
    "政策解读",
    "回应关切",
)


@attrs.frozen
class _Entry:
    heading: Heading
    number: int | None
    token: str  #: the number as printed ("五、", "5、", "第五部分"), "" when unnumbered
    chinese: bool  #: numbered with a Chinese numeral followed by 、 (as the format does)
    under: str | None  #: the section this heading stands in (its own, or the last one above it)


@lru_cache(maxsize=4096)  # headings repeat from report to report
def heading_number(text: str) -> tuple[int | None, str, bool]:
    """(number, the number as printed, whether it is printed as the format does: 五、)."""
    t = unicodedata.normalize("NFKC", text).strip()
    mt = _NUMBER.match(t)
    if mt is None or not mt.group(0).strip():
        return None, "", False
    token = mt.group(0).strip()
    if mt.group("ar"):
        return int(mt.group("ar")), token, False
    n = chinese_number(mt.group("part") or mt.group("cn"))
    return n, token, bool(mt.group("cn")) and token.endswith("、")


@attrs.frozen
class _Outline:
    entries: tuple[_Entry, ...]
    #: the first heading of each section, in document order
    firsts: tuple[tuple[str, _Entry], ...]


@lru_cache(maxsize=1024)  # outlines repeat from report to report (the official headings)
def _parse(outline: tuple[Heading, ...]) -> _Outline:
    entries = []
    under: str | None = None
    for h in outline:
        under = h.section or under
        number, token, chinese = heading_number(h.text)
        entries.append(_Entry(h, number, token, chinese, under))
    firsts: dict[str, _Entry] = {}
    for e in entries:
        key = e.heading.section
        if key is not None and key not in firsts:
            firsts[key] = e
    return _Outline(tuple(entries), tuple(firsts.items()))


def _location(e: _Entry) -> str:
    return f"sections/{e.under}" if e.under else "outline"


def _outline(rule: Rule, ctx: Context) -> _Outline | None:
    """The parsed outline, or None (and the check not assessable) when the report has none."""
    if not ctx.report.outline:
        ctx.not_assessable.append(NotAssessable(rule.code, "outline", ("outline",)))
        return None
    parsed: _Outline | None = ctx.memo.get("outline")
    if parsed is None:  # once per validation: hashing the outline for the cache is not free
        parsed = ctx.memo["outline"] = _parse(ctx.report.outline)
    return parsed


def check_present(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """GD603: each of the six sections has its heading (a required section with no text: GD601)."""
    outline = _outline(rule, ctx)
    if outline is None:
        return
    found = {e.heading.section for e in outline.entries}
    for sec in SECTIONS:
        if sec.key in found:
            continue
        if sec.key in REQUIRED_SECTIONS and not getattr(ctx.report.sections, sec.key).strip():
            continue  # GD601 says it
        yield rule.emit(m.HEADING_MISSING, {"heading": sec.heading}, location=f"sections/{sec.key}")


def check_order(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """GD604: the sections come in the format's order (by the first heading of each)."""
    outline = _outline(rule, ctx)
    if outline is None:
        return
    latest: _Entry | None = None
    for key, e in outline.firsts:
        if latest is not None and _ORDER[key] < _ORDER[latest.heading.section or ""]:
            yield rule.emit(
                m.HEADING_OUT_OF_ORDER,
                {"heading": _HEADINGS[key], "found": e.heading.text, "after": latest.heading.text},
                location=f"sections/{key}",
            )
        elif latest is None or _ORDER[key] > _ORDER[latest.heading.section or ""]:
            latest = e


def check_numbers(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """GD605: each section's heading is numbered as the format numbers it (一、 … 六、)."""
    outline = _outline(rule, ctx)
    if outline is None:
        return
    for key, e in outline.firsts:
        want = f"{_NUMERALS[_ORDER[key]]}、"
        if e.number is None:
            yield rule.emit(
                m.HEADING_UNNUMBERED, {"found": e.heading.text, "want": want}, location=f"sections/{key}"
            )
        elif e.number != _ORDER[key] + 1 or not e.chinese:
            yield rule.emit(
                m.HEADING_NUMBERED,
                {"found": e.heading.text, "number": e.token, "want": want},
                location=f"sections/{key}",
            )


def check_extra(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """GD606: a top-level heading that is none of the six sections (often a topic of 总体情况)."""
    outline = _outline(rule, ctx)
    if outline is None:
        return
    for e in outline.entries:
        if e.heading.section is not None:
            continue
        text = "".join(e.heading.text.split())
        topic = any(w in text for w in OVERVIEW_TOPICS)
        yield rule.emit(
            m.SUBHEADING_AS_SECTION if topic else m.EXTRA_SECTION,
            {"found": e.heading.text},
            location=_location(e),
        )


def check_numbering(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """GD607: the top-level numbering neither goes back (starts again) nor skips a number."""
    outline = _outline(rule, ctx)
    if outline is None:
        return
    previous: _Entry | None = None
    for e in outline.entries:
        if e.number is None:
            continue
        if previous is not None and previous.number is not None:
            if e.number <= previous.number:
                yield rule.emit(
                    m.NUMBERING_RESTARTS,
                    {"found": e.heading.text, "previous": previous.heading.text},
                    location=_location(e),
                )
            elif e.number > previous.number + 1:
                yield rule.emit(
                    m.NUMBERING_SKIPS,
                    {"found": e.heading.text, "previous": previous.heading.text},
                    location=_location(e),
                )
        previous = e
