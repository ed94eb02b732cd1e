"""GD801–GD803: text lint a reader of the report notices — a doubled character or word, ASCII
punctuation inside Chinese sentences, an unmatched bracket or quote. Information only; one finding
per section and code, quoting the first place and counting the others.

False alarms are the risk: Chinese doubles characters rightly (常常, 人人, 年年, 方方面面) and two words
often share a character where they meet (部门门户, 会议议程, 公开开展). So GD801 looks only for

- a doubled *function character* (的的, 了了, 也也 …, :data:`DOUBLED_CHARACTERS`) outside the
  contexts where the doubling is right (的的确确, 目的的, 为了了解, 不了了之: :data:`DOUBLED_ALLOWED`);
- a doubled *word* of two to six Chinese characters (工作工作, 政府信息公开政府信息公开), except a
  word that starts with 一 (一个一个, 一步一步) and the reduplicated verbs of :data:`DOUBLED_ALLOWED`.

GD802 flags ``, ; : ? !`` between two Chinese characters (spaces allowed), ``(`` right after one and
``)`` right before one. GD803 matches （ and (, ） and ), 《 》, “ ”, 【〔[ and 】〕] within a section;
a closing bracket after a list number at the start of a clause (``1）``, ``一)``) opens nothing and
is not reported. The texts are read with PDF line breaks inside a sentence dropped
(:func:`gov_disclosure.rules._text.joined`), and only their lines of prose: a line with no punctuation
at all (a heading, the header text of a table a reader left in the section) or a Markdown table row
is not linted.

Tested for false alarms on the real reports in ``tests/data/`` (``tests/core/test_rules_text.py``).

Layer: rules. Imports only :mod:`gov_disclosure.core` and :mod:`._base`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ..core.findings import Finding
from ..core.messages import Message
from ..core.messages import rules as m
from ._base import Context, Rule

__all__ = [
    "DOUBLED_ALLOWED",
    "DOUBLED_CHARACTERS",
    "check_ascii",
    "check_doubled",
    "check_unmatched",
]

_CJK: Final = "\u3400-\u4dbf\u4e00-\u9fff"
#: function characters that are never doubled in a sentence (outside :data:`DOUBLED_ALLOWED`)
DOUBLED_CHARACTERS: Final = "的了也都就还将被把或"
#: doublings that are right: the text around a doubled character, and reduplicated words
DOUBLED_ALLOWED: Final = (
    "的的确",
    "目的的",
    "了了解",
    "了了之",
    "研究研究",
    "讨论讨论",
    "学习学习",
    "商量商量",
    "考虑考虑",
    "了解了解",
)
#: a doubled function character, or a doubled word (the lookahead first finds a character that comes
#: again two to six places on, which most places are not: twice as fast as trying every length)
_DOUBLED: Final = re.compile(rf"([{DOUBLED_CHARACTERS}])\1|(?=([{_CJK}]).{{1,5}}\2)([{_CJK}]{{2,6}}?)\3")
_ASCII: Final = re.compile(rf"(?<=[{_CJK}])[ \t]*(?:([,;:?!])(?=[ \t]*[{_CJK}])|(\())|(\))(?=[ \t]*[{_CJK}])")
_ASCII_MARKS: Final = re.compile(r"[,;:?!()]")
_BRACKETS: Final = re.compile(r"[（(）)《》“”【〔\[】〕\]]")
_FAMILY: Final = {
    "（": ("round", True),
    "(": ("round", True),
    "）": ("round", False),
    ")": ("round", False),
    "《": ("title", True),
    "》": ("title", False),
    "“": ("quote", True),
    "”": ("quote", False),
    "【": ("square", True),
    "〔": ("square", True),
    "[": ("square", True),
    "】": ("square", False),
    "〕": ("square", False),
    "]": ("square", False),
}
#: a list number closed by a bracket at the start of a clause: 1） 一) a)
_LIST_NUMBER: Final = re.compile(
    r"(?:^|(?<=[\s。；;：:，,、]))(?:\d{1,2}|[一二三四五六七八九十]{1,3}|[a-zA-Z①-⑳])[)）]"
)


def _quote(text: str, start: int, end: int) -> str:
    return " ".join(text[max(0, start - 8) : end + 8].split())


def _more(n: int) -> Message:
    if n <= 0:
        return Message("", "")
    return Message(m.AND_MORE.en.format(n=n), m.AND_MORE.zh.format(n=n))


def _doubled(text: str) -> tuple[tuple[int, int], ...]:
    out = []
    for mt in _DOUBLED.finditer(text):
        s, e = mt.span()
        if mt.group(1):
            around = text[max(0, s - 1) : e + 1]
            if any(a in around for a in DOUBLED_ALLOWED):
                continue
        else:
            word = mt.group(3)
            if word[0] == "一" or word + word in DOUBLED_ALLOWED:
                continue
        out.append((s, e))
    return tuple(out)


def _texts(ctx: Context) -> tuple[tuple[str, str], ...]:
    """(section key, its lines of prose) of each section that has any, once per validation for the
    three lints."""
    out: tuple[tuple[str, str], ...] | None = ctx.memo.get("lint")
    if out is None:
        view = ctx.text
        out = ctx.memo["lint"] = tuple((k, t) for k in view.present() if (t := view.prose(k)))
    return out


def check_doubled(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for key, text in _texts(ctx):
        hits = _doubled(text)
        if hits:
            s, e = hits[0]
            yield rule.emit(
                m.DOUBLED,
                {"quote": _quote(text, s, e), "more": _more(len(hits) - 1)},
                location=f"sections/{key}",
                raw=text[s:e],
            )


def check_ascii(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for key, text in _texts(ctx):
        hits = list(_ASCII.finditer(text)) if _ASCII_MARKS.search(text) else []
        if hits:
            first = hits[0]
            mark = first.group(1) or first.group(2) or first.group(3)
            yield rule.emit(
                m.ASCII_PUNCTUATION,
                {"mark": mark, "quote": _quote(text, *first.span()), "more": _more(len(hits) - 1)},
                location=f"sections/{key}",
                raw=mark,
            )


def _unmatched(text: str) -> list[int]:
    """The positions of the brackets and quotes that have no partner, in text order."""
    if _BRACKETS.search(text) is None:
        return []
    stacks: dict[str, list[int]] = {}
    lone: list[int] = []
    markers: set[int] | None = None
    for mt in _BRACKETS.finditer(text):
        family, opens = _FAMILY[mt.group(0)]
        stack = stacks.setdefault(family, [])
        if opens:
            stack.append(mt.start())
        elif stack:
            stack.pop()
        else:
            if markers is None:
                markers = {x.end() - 1 for x in _LIST_NUMBER.finditer(text)}
            if mt.start() not in markers:
                lone.append(mt.start())
    for stack in stacks.values():
        lone.extend(stack)
    return sorted(lone)


def check_unmatched(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for key, text in _texts(ctx):
        lone = _unmatched(text)
        if lone:
            at = lone[0]
            yield rule.emit(
                m.UNMATCHED,
                {"mark": text[at], "quote": _quote(text, at, at + 1), "more": _more(len(lone) - 1)},
                location=f"sections/{key}",
                raw=text[at],
            )
