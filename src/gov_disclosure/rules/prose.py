"""GD602: numbers stated in the report's text compared with its tables.

Reports say in words what the tables say in figures ("共受理政府信息公开申请3119件",
"行政复议351件", "未收到政府信息公开申请", and in the 2021 wording "本年度共收到…申请…件，上年结转…件，
办结…件，结转下年度…件"). :func:`statements` finds such statements; :func:`check` (the GD602 rule's
check) reports each one the tables contradict, quoting the sentence.

Text extracted from a PDF or a Word export breaks sentences across lines; the lines of a paragraph
are joined before matching (:func:`paragraphs`), never across a heading, a list item or a table row.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Final

import attrs

from ..core.findings import CellRef, Finding, NotAssessable
from ..core.model import Report
from ..core.values import chinese_number
from ..core.vocabulary import SECTIONS

if TYPE_CHECKING:
    from ._base import Context, Rule

__all__ = ["Statement", "check", "statements"]


@attrs.frozen
class Statement:
    """A number the text states about a table figure.

    ``what`` names the figure: ``applications/new/total``, ``appeals/review/total`` or
    ``appeals/suit/total`` (both suit groups); ``addresses`` are the cells it is the sum of.
    """

    what: str
    addresses: tuple[str, ...]
    number: int
    sentence: str
    section: str
    #: other cell sets the statement may also mean (受理 may include last year's carried-over)
    alternatives: tuple[tuple[str, ...], ...] = ()


_NEW = ("applications/new/total",)
_CARRIED_OVER = ("applications/carried_over/total",)
_HANDLED = ("applications/total/total",)
_CARRIED_FORWARD = ("applications/carried_forward/total",)
_NEW_OR_ALL = ("applications/new/total", "applications/carried_over/total")
_REVIEW = ("appeals/review/total",)
_SUIT = ("appeals/suit_direct/total", "appeals/suit_after_review/total")

_N = r"(\d{1,3}(?:,\d{3})+|\d+|[零〇一二两三四五六七八九十百千]+)"
_UNIT = r"\s*(?:件|个|条|次|起|宗|份)"
_GAP = r"[^。；;，,：:]{0,24}?"
_SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")

_PATTERNS: Final[tuple[tuple[str, tuple[str, ...], tuple[tuple[str, ...], ...], re.Pattern[str]], ...]] = (
    (
        "applications/new/total",
        _NEW,
        (_NEW_OR_ALL,),
        re.compile(
            rf"(?:收到|受理|接收|接到|新收){_GAP}(?:公开)?申请{_GAP}(?:共计|共|总计|合计|为)?{_N}{_UNIT}"
        ),
    ),
    (
        "applications/new/total",
        _NEW,
        (_NEW_OR_ALL,),
        re.compile(rf"(?:共|累计)?(?:收到|受理|接收|接到|新收){_GAP}{_N}{_UNIT}{_GAP}(?:信息)?公开申请"),
    ),
    (
        "appeals/review/total",
        _REVIEW,
        (),
        re.compile(rf"行政复议(?:案件|申请)?{_GAP}(?:共计|共|为)?{_N}{_UNIT}"),
    ),
    ("appeals/suit/total", _SUIT, (), re.compile(rf"行政诉讼(?:案件)?{_GAP}(?:共计|共|为)?{_N}{_UNIT}")),
    (
        "applications/carried_over/total",
        _CARRIED_OVER,
        (),
        re.compile(rf"上一?年(?:度)?结转{_GAP}(?:共计|共|为)?{_N}{_UNIT}"),
    ),
    (
        "applications/carried_forward/total",
        _CARRIED_FORWARD,
        (),
        re.compile(rf"(?:结转(?:至|到)?下一?年度?|转(?:入)?下一?年度?){_GAP}(?:共计|共|为|的有|有)?{_N}{_UNIT}"),
    ),
    (
        "applications/total/total",
        _HANDLED,
        (),
        re.compile(rf"(?:共|累计|已|全部)?办结(?:了)?(?:政府信息公开|信息公开)?(?:申请)?(?:共计|共|为)?{_N}{_UNIT}"),
    ),
)
_NONE_APPLICATIONS = re.compile(rf"(?:未|没有|无)(?:收到|受理|接收|接到|新收){_GAP}申请")
_NONE_APPEALS = re.compile(r"(?:未|没有|无)(?:发生|收到|出现|涉及|产生)?[^。；;]{0,20}?(行政复议|行政诉讼)")


def statements(report: Report) -> list[Statement]:
    """Every statement of a table figure found in the report's text (lines of a paragraph joined)."""
    found: list[Statement] = []
    for sec in SECTIONS:
        for paragraph in paragraphs(getattr(report.sections, sec.key)):
            for m in _SENTENCE.finditer(paragraph):
                sentence = m.group(0).strip()
                if sentence:
                    found.extend(_in_sentence(sentence, sec.key))
    return found


#: how a sentence (or a heading) ends a line
_LINE_END: Final = ("。", "！", "？", "!", "?", "；", ";", "：", ":")
#: the start of a heading or a list item: 一、 （一） 1. 1、 第一
_ITEM_START: Final = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．](?!\d)|第[一二三四五六七八九十]+)")
#: a line of a table: numbers apart from each other, or cells apart by runs of spaces
_TABULAR: Final = re.compile(r"\d\s+[+\-]?\d|\S\s{2,}\S|\t")


def paragraphs(text: str) -> list[str]:
    """A section's text as paragraphs: a line that does not end a sentence is joined with the next
    (a sentence broken across lines by a PDF or a Word export), unless the next one starts a heading
    or a list item, or either is a line of a table; a heading's own line is never joined."""
    out: list[str] = []
    joinable = False
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            joinable = False
            continue
        starts_item = _ITEM_START.match(line) is not None
        tabular = _TABULAR.search(line) is not None
        if joinable and out and not starts_item and not tabular:
            prev = out[-1]
            sep = " " if prev[-1:].isascii() and line[:1].isascii() and prev[-1:].isalnum() else ""
            out[-1] = prev + sep + line
        else:
            out.append(line)
        last = out[-1]
        heading = starts_item and len(line) <= 30 and not any(ch in line for ch in "。，,；;")
        joinable = not last.endswith(_LINE_END) and not tabular and not heading
    return out


def _in_sentence(quoted: str, section: str) -> Iterator[Statement]:
    """The statements of one sentence (matched in its NFKC form, quoted as found)."""
    sentence = unicodedata.normalize("NFKC", quoted)
    said: set[str] = set()
    for what, addresses, alternatives, pattern in _PATTERNS:
        if what in said:
            continue
        m = pattern.search(sentence)
        if m is None:
            continue
        n = chinese_number(m.group(1))
        if n is None:
            continue
        said.add(what)
        yield Statement(what, addresses, n, quoted, section, alternatives)
    if "applications/new/total" not in said and _NONE_APPLICATIONS.search(sentence):
        said.add("applications/new/total")
        yield Statement("applications/new/total", _NEW, 0, quoted, section)
    for m in _NONE_APPEALS.finditer(sentence):
        # "未发生…行政复议、行政诉讼": both are said to be none
        rest = sentence[m.start() :]
        for word, what, addresses in (
            ("行政复议", "appeals/review/total", _REVIEW),
            ("行政诉讼", "appeals/suit/total", _SUIT),
        ):
            if word in rest[: m.end() - m.start() + 8] and what not in said:
                said.add(what)
                yield Statement(what, addresses, 0, quoted, section)


def _sum(report: Report, addresses: Sequence[str]) -> int | None:
    total = 0
    for a in addresses:
        v = report.cell(a)
        if not isinstance(v, int):
            return None
        total += v
    return total


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """GD602: each statement in the text that the tables contradict, quoting the sentence."""
    r = ctx.report
    for st in statements(r):
        table = _sum(r, st.addresses)
        location = f"sections/{st.section}"
        if table is None:
            missing = tuple(a for a in st.addresses if not isinstance(r.cell(a), int))
            ctx.not_assessable.append(NotAssessable(rule.code, location, missing))
            continue
        if table == st.number:
            continue
        if any(_sum(r, alt) == st.number for alt in st.alternatives):
            continue
        shown = " + ".join(st.addresses)
        yield rule.finding(
            f"the text says {st.number}, the table has {table} ({shown}): “{st.sentence}”",
            f"正文称{st.number}，表格为{table}：“{st.sentence}”",
            location=location,
            cells=[CellRef(a, r.cell(a)) for a in st.addresses],
            expected=table,
            found=st.number,
            raw=st.sentence,
        )
