"""GD602 and GD613–GD616: what the report's text says compared with its tables.

Reports say in words what the tables say in figures ("共受理政府信息公开申请3119件",
"行政复议351件", "未收到政府信息公开申请", and in the 2021 wording "本年度共收到…申请…件，上年结转…件，
办结…件，结转下年度…件"). :func:`statements` finds such statements; :func:`check` (the GD602 rule's
check) reports each one the tables contradict, quoting the sentence. GD613–GD616 compare what the text
says without a number: every application answered (结转下年度 above zero), a case of 行政复议/行政诉讼
(table 4 all zero), the 信息处理费 statement of section 六 (2021 format).

Text extracted from a PDF or a Word export breaks sentences across lines; the lines of a paragraph
are joined before matching (:func:`paragraphs`), never across a heading, a list item or a table row.

Layer: rules. Imports only :mod:`gov_disclosure.core` and the rule base.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from functools import cache
from typing import TYPE_CHECKING, Final

import attrs

from ..core.findings import CellRef, Finding, NotAssessable
from ..core.messages import Message
from ..core.messages import rules as m
from ..core.model import Report
from ..core.values import chinese_number
from ..core.vocabulary import SECTIONS, location_label

if TYPE_CHECKING:
    from ._base import Context, Rule

__all__ = [
    "Statement",
    "check",
    "check_all_answered",
    "check_case_not_in_table",
    "check_fee_agrees",
    "check_fee_stated",
    "statements",
]


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
#: what every pattern of _PATTERNS holds: the last character of a number (_N) and its unit (_UNIT)
_NUMBER_UNIT: Final = re.compile(r"[\d零〇一二两三四五六七八九十百千]\s*[件个条次起宗份]")

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
        re.compile(
            rf"(?:结转(?:至|到)?下一?年度?|转(?:入)?下一?年度?){_GAP}(?:共计|共|为|的有|有)?{_N}{_UNIT}"
        ),
    ),
    (
        "applications/total/total",
        _HANDLED,
        (),
        re.compile(
            rf"(?:共|累计|已|全部)?办结(?:了)?(?:政府信息公开|信息公开)?(?:申请)?(?:共计|共|为)?{_N}{_UNIT}"
        ),
    ),
)
_NONE_APPLICATIONS = re.compile(rf"(?:未|没有|无)(?:收到|受理|接收|接到|新收){_GAP}申请")
_NONE_APPEALS = re.compile(r"(?:未|没有|无)(?:发生|收到|出现|涉及|产生)?[^。；;]{0,20}?(行政复议|行政诉讼)")


#: what a sentence that states a figure of the tables holds (every pattern below needs one of these)
_SAYS_A_FIGURE: Final = re.compile("申请|复议|诉讼|结转|转下|转入下|办结")
#: what NFKC changes that the patterns need changed: full-width digits, a full-width comma between
#: digits (3，119), the ideographic space (the patterns take full-width punctuation as it is); one
#: class first, so that the search skips to the digits and spaces
_NEEDS_NFKC: Final = re.compile(r"[\d\u3000](?:(?<=[\uff10-\uff19\u3000])|，\d)")
#: a digit before a full-width comma (3，119 needs NFKC; a line break may part them)
_DIGIT_COMMA: Final = re.compile(r"\d\s*，\s*\d")
#: what makes NFKC change a sentence (_NEEDS_NFKC), a digit before a full-width comma aside
_NFKC_CHARS: Final = "\u3000０１２３４５６７８９"
_UNITS: Final = "件个条次起宗份"
_NUMERALS: Final = frozenset("零〇一二两三四五六七八九十百千")


def _may_state(text: str) -> bool:
    """Whether a sentence of a section may state a figure: a necessary condition, cheap where it fails
    (``in`` and ``find``). A sentence is a piece of the section's text less line breaks and the white
    space around them, and is matched as it is unless :data:`_NEEDS_NFKC` finds something in it (a
    full-width digit or space, 3，119), which the section then holds too: then it may (NFKC changes what
    it likes). As it is, a statement holds a number and its unit (every pattern of :data:`_PATTERNS`:
    a digit or a Chinese numeral, white space, a unit), or a denial (未, 没有, 无)."""
    for c in "未没无":
        if c in text:
            return True
    for c in _NFKC_CHARS:
        if c in text:
            return True
    if "，" in text and _DIGIT_COMMA.search(text):
        return True
    for unit in _UNITS:
        at = text.find(unit, 1)  # a unit at the very start has no number before it
        while at > 0:
            before = at - 1
            while before > 0 and text[before].isspace():  # \s is what isspace() accepts
                before -= 1
            c = text[before]
            if c in _NUMERALS or c.isdecimal():  # \d is what isdecimal() accepts
                return True
            at = text.find(unit, at + 1)
    return False


def statements(report: Report) -> list[Statement]:
    """Every statement of a table figure found in the report's text (lines of a paragraph joined)."""
    found: list[Statement] = []
    for sec in SECTIONS:
        text = getattr(report.sections, sec.key)
        if not text or not _SAYS_A_FIGURE.search(text):
            continue
        if not _may_state(text):
            continue  # no sentence of it holds a unit (after a number), or a denial
        for paragraph in paragraphs(text):
            for mt in _SENTENCE.finditer(paragraph):
                sentence = mt.group(0).strip()
                if sentence and _SAYS_A_FIGURE.search(sentence):
                    found.extend(_in_sentence(sentence, sec.key))
    return found


#: how a sentence (or a heading) ends a line
_LINE_END: Final = ("。", "！", "？", "!", "?", "；", ";", "：", ":")
#: the start of a heading or a list item: 一、 （一） 1. 1、 第一
_ITEM_START: Final = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．](?!\d)|第[一二三四五六七八九十]+)"
)
#: a line of a table: numbers apart from each other, or cells apart by runs of spaces
_TABULAR: Final = re.compile(r"\d\s+[+\-]?\d|\S\s{2,}\S|\t")


def paragraphs(text: str) -> list[str]:
    """A section's text as paragraphs: a line that does not end a sentence is joined with the next
    (a sentence broken across lines by a PDF or a Word export), unless the next one starts a heading
    or a list item, or either is a line of a table; a heading's own line is never joined."""
    if "\n" not in text:  # one line: one paragraph
        line = text.strip()
        return [line] if line else []
    out: list[str] = []
    joinable = False
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            joinable = False
            continue
        starts_item = _ITEM_START.match(line) is not None
        # a line of a table has whitespace inside (the stripped line splits in two): else no regex
        tabular = len(line.split(None, 1)) > 1 and _TABULAR.search(line) is not None
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
    """The statements of one sentence (matched in its NFKC form where that matters, quoted as found)."""
    sentence = unicodedata.normalize("NFKC", quoted) if _NEEDS_NFKC.search(quoted) else quoted
    said: set[str] = set()
    # every pattern of _PATTERNS matches a number followed by its unit: a sentence without one (most)
    # needs none of them tried
    for what, addresses, alternatives, pattern in _PATTERNS if _NUMBER_UNIT.search(sentence) else ():
        if what in said:
            continue
        mt = pattern.search(sentence)
        if mt is None:
            continue
        n = chinese_number(mt.group(1))
        if n is None:
            continue
        said.add(what)
        yield Statement(what, addresses, n, quoted, section, alternatives)
    if "applications/new/total" not in said and _NONE_APPLICATIONS.search(sentence):
        said.add("applications/new/total")
        yield Statement("applications/new/total", _NEW, 0, quoted, section)
    for mt in _NONE_APPEALS.finditer(sentence):
        # "未发生…行政复议、行政诉讼": both are said to be none
        rest = sentence[mt.start() :]
        for word, what, addresses in (
            ("行政复议", "appeals/review/total", _REVIEW),
            ("行政诉讼", "appeals/suit/total", _SUIT),
        ):
            if word in rest[: mt.end() - mt.start() + 8] and what not in said:
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
        shown = Message(
            " + ".join(location_label(a, r.format, "en") for a in st.addresses),
            " + ".join(location_label(a, r.format, "zh") for a in st.addresses),
        )
        yield rule.emit(
            m.PROSE_CONTRADICTS,
            {"said": st.number, "table": table, "cells": shown, "sentence": st.sentence},
            location=location,
            cells=[CellRef(a, r.cell(a)) for a in st.addresses],
            expected=table,
            found=st.number,
            raw=st.sentence,
        )


# -- GD613–GD616: more of what the text says against the tables ------------------------------------

_CLAUSE: Final = re.compile(r"[^，,。；;！？!?\n]+")
#: "every application was dealt with": 均已办结, 全部按时答复, 所有申请均已按要求办理完成
_ALL_DONE: Final = re.compile(
    r"(?:均|全部|都|全都|悉数)(?<![未没不].)(?<![未没不]..)(?:已经?|已)?"
    r"(?:按时|按期|依法|及时|按要求|按照要求|按规定|在法定期限内|在法定期限|在规定时限内|在规定期限内)?"
    r"(?:予以|进行了?)?(?:办结|办理完毕|办理完成|办理完结|处理完毕|答复完毕|答复)(?!率)"
)
_CARRIED_FORWARD_ROW: Final = "applications/carried_forward"
#: a clause that tells a case happened: an event verb shortly before 行政复议 or 行政诉讼 (not the
#: title of a section: 行政复议和行政诉讼情况) …
_CASE: Final = re.compile(
    r"(?:发生|收到|受理|涉及|被申请|被提起|被起诉|被诉|应诉|出现)[^，,。；;、]{0,12}?(行政复议|行政诉讼)(?!情况)"
)
#: … unless it denies it, or speaks of the right to one or of how to get one
_NOT_A_CASE: Final = re.compile(
    r"[未没无不零]|0\s*件|权利|权益|救济|渠道|途径|告知|可以|可依法|有权|如对|若对|如不服|不服|依法申请|情况表"
)
_NUMBER: Final = re.compile(r"\d|[一二两三四五六七八九十]+\s*(?:件|起|宗|个|次)")
_APPEALS_CELLS: Final = {
    word: tuple(
        f"appeals/{g}/{c}" for g in groups for c in ("upheld", "corrected", "other", "pending", "total")
    )
    for word, groups in (("行政复议", ("review",)), ("行政诉讼", ("suit_direct", "suit_after_review")))
}
_APPEALS_WORDS: Final = re.compile("行政复议|行政诉讼")
#: what the 2021 format asks section 六 to state (收取信息处理费 …)
_FEE_WORDS: Final = ("处理费", "收费", "收取费用", "费用")
#: the text says no fee notice was issued, or that no charging happened at all
_NO_FEE_NOTICE: Final = re.compile(
    r"(?:未|没有|无)(?:向申请人)?(?:发出|出具|下发|送达|开具|发送)?[^。；;，,]{0,8}?(?:收费|缴费)通知"
    r"|(?:未|没有|无)(?:发生|产生|涉及|出现)[^。；;，,]{0,14}?收费(?:事项|情况|行为|事宜)?"
)
_UNPAID_FEE: Final = "applications/other.unpaid_fee"


def _row_positive(ctx: Context, row: str) -> int | None:
    """How many the row counts in all (its 总计, or failing that the sum of its known cells) when
    that is certainly above zero, else None."""
    value = ctx.value
    addresses = _row_cells(row)
    total = value(addresses[-1])
    if type(total) is int:
        return total if total > 0 else None
    return sum(v for a in addresses[:-1] if isinstance(v := value(a), int) and v > 0) or None


def _row_refs(ctx: Context, row: str) -> tuple[CellRef, ...]:
    return tuple(CellRef(a, ctx.value(a)) for a in _row_cells(row))


_COLUMNS: Final = (
    "natural_person",
    "business",
    "research",
    "nonprofit",
    "legal_service",
    "other_org",
    "total",
)


@cache
def _row_cells(row: str) -> tuple[str, ...]:
    return tuple(f"{row}/{c}" for c in _COLUMNS)


def _clauses(ctx: Context) -> Iterator[tuple[str, str, str]]:
    """(section, sentence, clause) for every clause of the report's text."""
    for key, sentence in ctx.text.sentences():
        for c in _CLAUSE.finditer(sentence):
            yield key, sentence, c.group(0)


def check_all_answered(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """GD613: 结转下年度继续办理 above zero while the text says every application was dealt with."""
    carried = _row_positive(ctx, _CARRIED_FORWARD_ROW)
    if carried is None or not ctx.text.has(_ALL_DONE):
        return
    for key, sentence, clause in _clauses(ctx):
        if "结转" in clause or "申请" not in sentence or not _ALL_DONE.search(clause):
            continue
        yield rule.emit(
            m.ALL_ANSWERED,
            {"carried": carried, "sentence": sentence},
            location=f"sections/{key}",
            cells=_row_refs(ctx, _CARRIED_FORWARD_ROW),
            found=carried,
            raw=sentence,
        )
        return  # one sentence says it; the table is the same


def check_case_not_in_table(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """GD614: table 4 counts no 行政复议 (or no 行政诉讼) while the text tells of one, without a number
    (a number stated is GD602's)."""
    value = ctx.value
    none: dict[str, list[CellRef]] = {}
    for word, addresses in _APPEALS_CELLS.items():
        if all(value(a) == 0 for a in addresses):  # a case counted, or a cell missing: nothing to say
            none[word] = [CellRef(a, 0) for a in addresses]
    if not none or not ctx.text.has(_APPEALS_WORDS):
        return
    for key, sentence, clause in _clauses(ctx):
        for case in _CASE.finditer(clause):
            word = case.group(1)
            if word not in none or _NOT_A_CASE.search(clause) or _NUMBER.search(clause):
                continue
            refs = none.pop(word)
            yield rule.emit(
                m.CASE_NOT_IN_TABLE,
                {"what": word, "sentence": sentence},
                location=f"sections/{key}",
                cells=refs,
                raw=sentence,
            )


def check_fee_stated(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """GD615: the 2021 format's section 六 states the 信息处理费 charged."""
    r = ctx.report
    if r.format != "2021":
        return
    text = "".join(r.sections.other.split())
    if not any(w in text for w in _FEE_WORDS):
        yield rule.emit(m.FEE_NOT_STATED, location="sections/other")


def check_fee_agrees(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """GD616: the text says no fee notice was issued (or nothing was charged at all) while table 3
    counts applications dropped because the applicant did not pay a fee notice."""
    r = ctx.report
    if r.format != "2021":
        return
    unpaid = _row_positive(ctx, _UNPAID_FEE)
    if unpaid is None:
        return
    keys = [s.key for s in SECTIONS if "收费" in (t := getattr(r.sections, s.key)) or "缴费" in t]
    if not any(_NO_FEE_NOTICE.search(ctx.text.joined(k)) for k in keys):
        return
    for key, sentence in ctx.text.sentences():
        if key in keys and _NO_FEE_NOTICE.search(sentence):
            yield rule.emit(
                m.FEE_CONTRADICTS,
                {"count": unpaid, "sentence": sentence},
                location=f"sections/{key}",
                cells=_row_refs(ctx, _UNPAID_FEE),
                found=unpaid,
                raw=sentence,
            )
            return
