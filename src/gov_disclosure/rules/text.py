"""GD608–GD612: what the text must say and must not say — 总体情况 covering the 2021 format's five
aspects, a problems section with substance, no section that only repeats its heading, no copy of last
year's or another agency's report.

The texts are read as the readers keep them: PDF line breaks inside a sentence are dropped before
matching (:func:`joined`); full-width digits and punctuation match as their ASCII forms (the patterns
say both); sentences are quoted as found.

Layer: rules. Imports only :mod:`gov_disclosure.core` and :mod:`._base`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ..core.findings import Finding
from ..core.messages import rules as m
from ..core.vocabulary import SECTIONS
from ._base import Context, Rule
from ._text import joined, substance

__all__ = [
    "ASPECTS",
    "NONE_WORDS",
    "PLACEHOLDERS",
    "check_aspects",
    "check_hollow",
    "check_other_agency",
    "check_problems",
    "check_stale_year",
    "joined",
    "substance",
]

#: the five aspects the 2021 format asks 一、总体情况 to cover, each with the words that show it is
#: covered (any one is enough: real reports word them freely)
ASPECTS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("主动公开", ("主动公开",)),
    ("依申请公开", ("依申请", "申请公开", "公开申请")),
    ("政府信息管理", ("信息管理", "发布审核", "审核发布", "公开属性", "保密审查", "公开目录", "公开指南")),
    ("平台建设", ("平台", "网站", "新媒体", "公开专区", "公开栏")),
    ("监督保障", ("监督", "保障", "考核", "培训", "督查", "评议", "责任追究")),
)
_ASPECT_PATTERNS: Final = tuple((aspect, re.compile("|".join(words))) for aspect, words in ASPECTS)
#: what a problems section says when it says nothing (compared without spaces and punctuation)
NONE_WORDS: Final = frozenset({"无", "暂无", "没有", "无问题", "暂无问题", "无此项", "略", "无相关情况"})
#: the official template's placeholder texts, which a section left as the template left it holds
PLACEHOLDERS: Final = ("政府信息公开工作年度报告格式模板", "文字描述收取信息处理费情况在此处报告", "文字描述")

_HEADING_NUMBER: Final = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}|\d{1,2}|第[一二三四五六七八九十]{1,3}部分)"
)


# -- GD608: 总体情况 covers the five aspects (2021 format) ------------------------------------------


def check_aspects(rule: Rule, ctx: Context) -> Iterator[Finding]:
    r = ctx.report
    if r.format != "2021" or not r.sections.overview.strip():
        return  # the 2019 format asks nothing of it; an empty 总体情况 is GD601's
    if len(r.sections.overview) <= _HOLLOW_MAX and _hollow("overview", ctx.text.substance("overview")):
        return  # GD610 says it
    text = ctx.text.joined("overview")  # a word a PDF broke over two lines is whole again
    for aspect, pattern in _ASPECT_PATTERNS:
        if not pattern.search(text):
            yield rule.emit(m.ASPECT_MISSING, {"aspect": aspect}, location="sections/overview")


# -- GD609: 五、存在的主要问题及改进情况 with substance ------------------------------------------------


def check_problems(rule: Rule, ctx: Context) -> Iterator[Finding]:
    text = ctx.report.sections.problems
    core = ctx.text.substance("problems")
    if not core or _hollow("problems", core):
        return  # empty: GD601; only the heading or the template's placeholder: GD610
    shown = " ".join(text.split())
    if core in NONE_WORDS:
        yield rule.emit(m.PROBLEMS_NONE, {"text": shown}, location="sections/problems")
    elif len(core) < ctx.config.problems_min_chars:
        yield rule.emit(
            m.PROBLEMS_SHORT,
            {"text": shown, "chars": len(core), "minimum": ctx.config.problems_min_chars},
            location="sections/problems",
        )


# -- GD610: a section that only repeats its heading -----------------------------------------------

_BODIES: Final = {s.key: substance(re.sub(r"^[一二三四五六]、", "", s.heading)) for s in SECTIONS}


def _hollow(key: str, core: str) -> bool:
    """Whether a section's substance is its heading and/or the template's placeholders and nothing
    else (无其他需要报告的事项 says something: 无; a lone page number repeats nothing)."""
    rest = _HEADING_NUMBER.sub("", core)
    found = _BODIES[key] in rest or any(p in rest for p in PLACEHOLDERS)
    if not found:
        return False
    rest = rest.replace(_BODIES[key], "")
    for p in PLACEHOLDERS:
        rest = rest.replace(p, "")
    return not rest


#: no section longer than this is only its heading and the placeholders (however spaced out)
_HOLLOW_MAX: Final = 160


#: what a hollow section holds at least one of (its heading's words, a placeholder's), to look for
#: before its substance is worked out
_HOLLOW_HINTS: Final = {
    key: (*re.split(r"[、]", re.sub(r"^[一二三四五六]、", "", h)), "文字描述", "格式模板")
    for key, h in ((s.key, s.heading) for s in SECTIONS)
}
#: the same as one search each
_HOLLOW_HINT: Final = {
    key: re.compile("|".join(map(re.escape, hints))) for key, hints in _HOLLOW_HINTS.items()
}


def check_hollow(rule: Rule, ctx: Context) -> Iterator[Finding]:
    sections = ctx.report.sections
    for sec in SECTIONS:
        text = getattr(sections, sec.key)
        if not text or len(text) > _HOLLOW_MAX or not _HOLLOW_HINT[sec.key].search(text):
            continue
        core = ctx.text.substance(sec.key)
        if core and _hollow(sec.key, core):
            yield rule.emit(
                m.SECTION_HOLLOW,
                {"heading": sec.heading, "text": " ".join(text.split())},
                location=f"sections/{sec.key}",
            )


# -- GD611: last year spoken of as the current year ------------------------------------------------

#: a sentence that opens with a year as the time of what it tells: "2023年，我局…", "2023年度本机关…"
_OPENS_WITH_YEAR: Final = re.compile(
    r"^(?:(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[、.])[^，。\d]{0,14}?[。：:]?)?"
    r"\s*(\d{4})\s*年度?\s*"
    r"(?:[，,]|(?:我|本)(?:局|委|厅|办|区|县|市|镇|乡|街道|单位|部门|机关|中心|院|会|署))"
)
#: the statistical period stated: 统计期限自2023年1月1日起至2023年12月31日止
_PERIOD: Final = re.compile(
    r"统计(?:期限|周期|时限|时间|区间|期间)[^。]{0,12}?(\d{4})\s*年\s*[1１]\s*月\s*[1１]\s*日"
)
#: a sentence that compares years is no stale copy
_COMPARES: Final = (
    "同比",
    "相比",
    "比较",
    "较上年",
    "上一年",
    "上年",
    "去年",
    "增长",
    "下降",
    "减少",
    "持平",
)


def check_stale_year(rule: Rule, ctx: Context) -> Iterator[Finding]:
    r = ctx.report
    if r.year is None:
        return
    stale = str(r.year - 1)
    if not any(stale in getattr(r.sections, s.key) for s in SECTIONS):
        return
    current = str(r.year)
    for key, sentence in ctx.text.sentences():
        if stale not in sentence:
            continue
        mt = _OPENS_WITH_YEAR.match(sentence)  # \d: full-width digits too
        hit = mt is not None and int(mt.group(1)) == r.year - 1
        if hit and (current in sentence or any(w in sentence for w in _COMPARES)):
            hit = False
        if not hit:
            period = _PERIOD.search(sentence)
            hit = period is not None and int(period.group(1)) == r.year - 1
        if hit:
            yield rule.emit(
                m.STALE_YEAR,
                {"year": r.year, "stale": stale, "sentence": sentence},
                location=f"sections/{key}",
                raw=sentence,
            )


# -- GD612: another agency named as the one reporting ----------------------------------------------

_NAME: Final = r"([^，,。；;、：:“”《》（）()\s\d]{3,30}?)"
#: the places where a report names the agency it is the report of, each with a text it holds (a match
#: is looked for only in a section that holds that text)
_SELF_NAMED: Final = (
    (
        "公布",
        re.compile(
            rf"现(?:将|予以?|就)?公布{_NAME}\s*(?:\d{{4}}|[〇一二三四五六七八九]{{4}})\s*年度?\s*(?:政府)?信息公开"
        ),
    ),
    ("报告由", re.compile(rf"本(?:年度)?报告由{_NAME}(?:根据|依据|按照|依照|编制|制作|负责)")),
    (
        "政府信息公开工作年度报告",
        re.compile(rf"^{_NAME}\s*\d{{4}}\s*年度?政府信息公开工作年度报告[。.]?$", re.M),
    ),
)
_SELF_NAMING: Final = re.compile("公布|报告")
#: words that name no agency in particular
_GENERIC: Final = (
    "本机关",
    "本单位",
    "本部门",
    "我局",
    "我委",
    "我办",
    "我区",
    "我县",
    "我市",
    "本局",
    "本委",
)
_PLACE_WORDS: Final = frozenset("省市区县镇乡街道")


def _distinct(named: str, own: str) -> bool:
    """Whether two agency names are certainly two agencies: neither name's characters (places aside)
    are among the other's (so 市科委 is 上海市科学技术委员会, 经信局 is 定海区经济和信息化局, and
    洪泽区人民政府办公室 may speak for 洪泽区人民政府)."""
    a = set(substance(named)) - _PLACE_WORDS
    b = set(substance(own)) - _PLACE_WORDS
    return bool(a) and bool(b) and not a <= b and not b <= a


_END: Final = re.compile("[。！？!?；;\n]")


def _sentence_at(text: str, pos: int) -> tuple[int, int]:
    """The span of the sentence of ``text`` that holds ``pos`` (its end mark included)."""
    start = (
        max(
            text.rfind("。", 0, pos),
            text.rfind("！", 0, pos),
            text.rfind("？", 0, pos),
            text.rfind("!", 0, pos),
            text.rfind("?", 0, pos),
            text.rfind("；", 0, pos),
            text.rfind(";", 0, pos),
            text.rfind("\n", 0, pos),
        )
        + 1
    )
    end = _END.search(text, pos)
    return start, (end.start() + 1 if end else len(text))


def _matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``; a pattern that starts with ``^`` (multi-line) is tried at the start
    of each line only, not at every position."""
    if not pattern.pattern.startswith("^"):
        yield from pattern.finditer(text)
        return
    pos = 0
    while True:
        mt = pattern.match(text, pos)
        if mt is not None:
            yield mt
            pos = mt.end()  # a match is never empty; as finditer, look on from its end
            if text[pos - 1] == "\n":
                continue  # a line starts there
        line = text.find("\n", pos)
        if line < 0:
            return
        pos = line + 1


def check_other_agency(rule: Rule, ctx: Context) -> Iterator[Finding]:
    r = ctx.report
    own = (r.agency or "").strip()
    if not own:
        return
    for sec in SECTIONS:
        raw = getattr(r.sections, sec.key)
        if not raw or not _SELF_NAMING.search(raw):
            continue
        text = ctx.text.joined(sec.key)
        # each sentence is decided by the first pattern (in _SELF_NAMED's order) that names an agency
        hits = sorted(
            (_sentence_at(text, mt.start()), i, mt.group(1).strip())
            for i, (held, pattern) in enumerate(_SELF_NAMED)
            if held in text
            for mt in _matches(pattern, text)
        )
        decided: set[tuple[int, int]] = set()
        for span, _, named in hits:
            if span in decided:
                continue
            decided.add(span)
            if named.startswith(_GENERIC) or not _distinct(named, own):
                continue  # the sentence names the agency itself (or none in particular)
            sentence = text[span[0] : span[1]].strip()
            yield rule.emit(
                m.OTHER_AGENCY,
                {"named": named, "agency": own, "sentence": sentence},
                location=f"sections/{sec.key}",
                raw=sentence,
            )
