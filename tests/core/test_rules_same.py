"""The faster ways of the validator give what the ways they replaced gave (issue 12's benchmark).

Each test holds the replaced code as it was (the reference) and compares it with what replaced it, on
texts made of the pieces the rules look for (numbers and units, denials, full-width digits and spaces,
line breaks inside sentences, brackets, doubled words, agency names …) and on reports of any content
(:func:`gov_disclosure.testing.any_reports`: missing cells, broken sums, negative counts, raw texts).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

import attrs
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from gov_disclosure import RULES, Report, Sections
from gov_disclosure.core.findings import Finding
from gov_disclosure.core.values import Cell
from gov_disclosure.core.vocabulary import SECTIONS, CellKind, CellSpec
from gov_disclosure.rules import _text, lint, prose, text
from gov_disclosure.rules._base import Context, balance
from gov_disclosure.rules.catalogue import CHECKS
from gov_disclosure.rules.sums import appeals_totals, carry_balances, result_totals, row_totals
from gov_disclosure.testing import any_reports, valid_reports

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: what the rules look for, and what may fool a shortcut
PIECES = (
    *"""申请 收到 受理 新收 共 共计 件 个 条 次 起 宗 份 条例 案件 未 没有 没 有 无 行政复议 行政诉讼 结转 下年度
    办结 均已办结 转入下一年度 3 12 3119 3,119 3，119 3， 119 １２ ０ ① ㈠ ⼀ 一 二 十 百 两 年 2021 2020年， 公布
    现公布 报告由 本报告由 本 现 政府信息公开工作年度报告 杭州市西湖区人民政府 某某局 市科委 我局 ， 。 ； ： 、 , ; :
    ? ! | （ ） ( ) 《 》 “ ” 【 】 的 的的 了 工作 工作工作 公开 信息 一、 （二） 1. 2、 a) _ 主动公开 总体情况
    存在的主要问题及改进情况 文字描述 格式模板 其他需要报告的事项 \U00020000 \u0301 \u3400 \u4dbf \u33ff \ua000
    \u9fff""".split(),  # noqa: SIM905  (a list of words as words)
    *("\n", "\n\n", " ", "  ", "\t", "\u3000", " \n", "\n "),
)
#: the parts of a sentence that states (or seems to state) a figure
_NEGATIONS = ("", "", "未", "没有", "无", "没\n有", "不")
_VERBS = ("", "收到", "受理", "新收", "发生", "涉及", "收\n到", "接收")
_TOPICS = (
    "申请",
    "公开申请",
    "行政复议",
    "行政诉讼",
    "上年结转",
    "结转下年度",
    "办结",
    "条例",
    "案件",
    "收费通知",
)
_GAPS = ("", "", "政府信息公开", "共", "共计", "为", "，", "\n", " ", "\u3000", " \n ")
_NUMBERS = ("", "3", "12", "3,119", "3，119", "3，\n119", "１２", "十二", "两", "①", "0", "2021")
_UNITS = ("", "件", "个", "条", "次", "起", "宗", "份", "项", "年")
_ENDS = ("", "。", "；", "，", "\n", "。\n", "！")
sentences = st.tuples(
    *(st.sampled_from(x) for x in (_NEGATIONS, _VERBS, _GAPS, _TOPICS, _GAPS, _NUMBERS, _GAPS, _UNITS, _ENDS))
).map("".join)
#: how a line may start and end (a sub-heading, a number, a Chinese character at the edge of the ranges)
_LINE_STARTS = ("", "", "（一）", "(2)", "一、", "十二.", "1.", "12、", "第三", " ", "|", "\u3000")
_LINE_ENDS = (
    "",
    "。",
    "，",
    "、",
    "“",
    "”",
    "（",
    "）",
    "《",
    "》",
    ",",
    "(",
    ")",
    "：",
    "；",
    "\u3400",
    "\u33ff",
    "\u4dbf",
    "\u9fff",
    "\ua000",
    "a",
    "1",
    " ",
)
lines = st.tuples(
    st.sampled_from(_LINE_STARTS),
    st.sampled_from(PIECES) | st.text(max_size=4) | sentences,
    st.sampled_from(_LINE_ENDS),
).map("".join)
#: a report naming an agency as its own (or another's)
_NAMES = ("杭州市西湖区人民政府", "某某局", "市科委", "我局", "本机关", "上海市科学技术委员会", "a b")
naming = st.tuples(
    st.sampled_from(("", "现公布", "现将", "本报告由", "本年度报告由", "\n", "一.")),
    st.sampled_from(_NAMES),
    st.sampled_from(("", " ", "\n", "\u3000")),
    st.sampled_from(("2021", "二〇二一", "", "21")),
    st.sampled_from(("年", "年度", "")),
    st.sampled_from(("政府信息公开工作年度报告", "政府信息公开", "根据", "编制", "")),
    st.sampled_from(("", "。", ".", "\n", "\n\n")),
).map("".join)
texts = st.one_of(
    st.lists(st.sampled_from(PIECES) | st.text(max_size=3) | sentences | naming, max_size=30).map("".join),
    st.lists(lines, max_size=8).map("\n".join),
    st.lists(sentences | lines | naming, max_size=8).map("".join),
)


# -- the cells, read once per validation ---------------------------------------------------------


def reference_unusual(r: Report) -> tuple[tuple[CellSpec, Cell, str | None], ...]:
    raw = r.raw
    return tuple(
        (c, v, raw.get(c.address))
        for c, v in r.cells()
        if v is None or type(v) is not int or v < 0 or c.address in raw
    )


@st.composite
def changed_reports(draw: st.DrawFn) -> Report:
    """A valid report with a few cells changed (to a number near zero or below, a big one, missing) and
    a few raw texts: the sums broken, the counts still whole numbers or not."""
    r: Report = draw(valid_reports())
    cells = [c for c in r.spec.cells if c.kind is not CellKind.AMOUNT]
    changed = draw(st.lists(st.sampled_from(cells), max_size=4))
    values = st.sampled_from((None, -1, 0, 1, -7, 10**9)) | st.integers(-3, 3)
    raw = draw(st.lists(st.sampled_from(cells), max_size=2))
    return r.with_cells({c.address: draw(values) for c in changed}, raw={c.address: "12件" for c in raw})


reports = any_reports() | valid_reports() | changed_reports()


@SETTINGS
@given(reports)
def test_the_context_reads_the_cells_as_before(r: Report) -> None:
    ctx = Context(r, None, "not-assessable")
    assert ctx.unusual == reference_unusual(r)
    ctx = Context(r, None, "not-assessable")
    assert ctx.values == {c.address: v for c, v in r.cells()}
    assert ctx.cells == [v for _, v in r.cells()]
    assert ctx.plain_counts == all(type(v) is int for c, v in r.cells() if c.kind is not CellKind.AMOUNT)
    assert all(ctx.value(a) == v for a, v in ctx.values.items())


# -- the sums ------------------------------------------------------------------------------------


def reference_sums(code: str, ctx: Context) -> Iterator[Finding]:
    sums = {"GD201": row_totals, "GD202": result_totals, "GD203": carry_balances, "GD301": appeals_totals}[
        code
    ]
    rule = RULES[code]
    for s in sums(ctx.report.format):
        yield from balance(rule, ctx, s.location, s.reported, s.parts, s.message, {"label": s.label})


@SETTINGS
@given(reports, st.sampled_from(["not-assessable", "zero"]))
def test_the_sums_are_checked_as_before(r: Report, missing: str) -> None:
    for code in ("GD201", "GD202", "GD203", "GD301"):
        ours, theirs = Context(r, None, missing), Context(r, None, missing)  # type: ignore[arg-type]
        assert list(CHECKS[code](RULES[code], ours)) == list(reference_sums(code, theirs))
        assert ours.not_assessable == theirs.not_assessable


# -- the text as the text rules read it ------------------------------------------------------------

_OPEN_END = re.compile(r"[\u3400-\u9fff，、“”（）《》,(]$")


def reference_joined(text: str) -> str:
    if "\n" not in text:
        return text.strip()
    out: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        if (
            out
            and _OPEN_END.search(out[-1])
            and not (len(out[-1]) <= 24 and _text._SUBHEADING.match(out[-1]))
        ):
            out[-1] += line
        else:
            out.append(line)
    return "\n".join(out)


@SETTINGS
@given(texts)
def test_joined_and_substance_as_before(t: str) -> None:
    assert _text.joined(t) == reference_joined(t)
    assert _text.substance(t) == re.sub(r"[\s\u3000\W_]+", "", t)


@SETTINGS
@given(texts)
def test_the_hollow_hints_as_before(t: str) -> None:
    for key, hints in text._HOLLOW_HINTS.items():
        assert bool(text._HOLLOW_HINT[key].search(t)) == any(h in t for h in hints)


# -- GD602: the statements of a figure ---------------------------------------------------------------

_TABULAR = re.compile(r"\d\s+[+\-]?\d|\S\s{2,}\S|\t")


def reference_paragraphs(text: str) -> list[str]:
    out: list[str] = []
    joinable = False
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            joinable = False
            continue
        starts_item = prose._ITEM_START.match(line) is not None
        tabular = _TABULAR.search(line) is not None
        if joinable and out and not starts_item and not tabular:
            prev = out[-1]
            sep = " " if prev[-1:].isascii() and line[:1].isascii() and prev[-1:].isalnum() else ""
            out[-1] = prev + sep + line
        else:
            out.append(line)
        last = out[-1]
        heading = starts_item and len(line) <= 30 and not any(ch in line for ch in "。，,；;")
        joinable = not last.endswith(prose._LINE_END) and not tabular and not heading
    return out


_NEEDS_NFKC = re.compile(r"[\uff10-\uff19\u3000]|\d，\d")


def reference_in_sentence(quoted: str, section: str) -> Iterator[prose.Statement]:
    sentence = unicodedata.normalize("NFKC", quoted) if _NEEDS_NFKC.search(quoted) else quoted
    said: set[str] = set()
    for what, addresses, alternatives, pattern in prose._PATTERNS:
        if what in said:
            continue
        mt = pattern.search(sentence)
        if mt is None:
            continue
        n = prose.chinese_number(mt.group(1))
        if n is None:
            continue
        said.add(what)
        yield prose.Statement(what, addresses, n, quoted, section, alternatives)
    if "applications/new/total" not in said and prose._NONE_APPLICATIONS.search(sentence):
        said.add("applications/new/total")
        yield prose.Statement("applications/new/total", prose._NEW, 0, quoted, section)
    for mt in prose._NONE_APPEALS.finditer(sentence):
        rest = sentence[mt.start() :]
        for word, what, addresses in (
            ("行政复议", "appeals/review/total", prose._REVIEW),
            ("行政诉讼", "appeals/suit/total", prose._SUIT),
        ):
            if word in rest[: mt.end() - mt.start() + 8] and what not in said:
                said.add(what)
                yield prose.Statement(what, addresses, 0, quoted, section)


def reference_statements(t: str) -> list[prose.Statement]:
    found: list[prose.Statement] = []
    if not t or not prose._SAYS_A_FIGURE.search(t):
        return found
    for paragraph in reference_paragraphs(t):
        for mt in prose._SENTENCE.finditer(paragraph):
            sentence = mt.group(0).strip()
            if sentence and prose._SAYS_A_FIGURE.search(sentence):
                found.extend(reference_in_sentence(sentence, "applications"))
    return found


@SETTINGS
@given(texts)
@example("件收到申请3件")  # a unit at the very start, a statement after it
@example("份\n收到申请 3\n件。")
def test_paragraphs_and_statements_as_before(t: str) -> None:
    assert prose.paragraphs(t) == reference_paragraphs(t)
    assert bool(prose._NEEDS_NFKC.search(t)) == bool(_NEEDS_NFKC.search(t))
    r = attrs.evolve(_SAMPLE, sections=Sections(applications=t))
    assert prose.statements(r) == reference_statements(t)


_SAMPLE = Report.blank("2021", year=2021, agency="杭州市西湖区人民政府")


# -- GD612: another agency named -------------------------------------------------------------------

_ENDS = "。！？!?；;\n"


def reference_sentence_at(text: str, pos: int) -> tuple[int, int]:
    start = max(text.rfind(c, 0, pos) for c in _ENDS) + 1
    ends = [i for i in (text.find(c, pos) for c in _ENDS) if i >= 0]
    return start, (min(ends) + 1 if ends else len(text))


@SETTINGS
@given(texts)
def test_the_self_naming_sentences_as_before(t: str) -> None:
    for held, pattern in text._SELF_NAMED:
        ours = [m.span() for m in text._matches(pattern, t)] if held in t else []
        assert ours == [m.span() for m in pattern.finditer(t)]
    for pos in range(len(t) + 1):
        assert text._sentence_at(t, pos) == reference_sentence_at(t, pos)


# -- GD801–GD803: the lints --------------------------------------------------------------------------

_CJK = "\u3400-\u4dbf\u4e00-\u9fff"
_DOUBLED = re.compile(rf"([{lint.DOUBLED_CHARACTERS}])\1|(?=([{_CJK}]).{{1,5}}\2)([{_CJK}]{{2,6}}?)\3")


def reference_doubled(text: str) -> tuple[tuple[int, int], ...]:
    out = []
    for mt in _DOUBLED.finditer(text):
        s, e = mt.span()
        if mt.group(1):
            around = text[max(0, s - 1) : e + 1]
            if any(a in around for a in lint.DOUBLED_ALLOWED):
                continue
        else:
            word = mt.group(3)
            if word[0] == "一" or word + word in lint.DOUBLED_ALLOWED:
                continue
        out.append((s, e))
    return tuple(out)


def reference_unmatched(text: str) -> list[int]:
    stacks: dict[str, list[int]] = {}
    lone: list[int] = []
    markers: set[int] | None = None
    for mt in lint._BRACKETS.finditer(text):
        family, opens = lint._FAMILY[mt.group(0)]
        stack = stacks.setdefault(family, [])
        if opens:
            stack.append(mt.start())
        elif stack:
            stack.pop()
        else:
            if markers is None:
                markers = {x.end() - 1 for x in lint._LIST_NUMBER.finditer(text)}
            if mt.start() not in markers:
                lone.append(mt.start())
    for stack in stacks.values():
        lone.extend(stack)
    return sorted(lone)


def reference_lints(r: Report) -> list[Finding]:
    """GD801, GD802, GD803 as they were: each section with text, its prose scanned."""
    out: list[Finding] = []
    view = _text.TextView(r.sections)
    doubled, ascii, unmatched = RULES["GD801"], RULES["GD802"], RULES["GD803"]
    for sec in SECTIONS:
        if not getattr(r.sections, sec.key):
            continue
        t = view.prose(sec.key)
        hits = reference_doubled(t)
        if hits:
            s, e = hits[0]
            out.append(
                doubled.emit(
                    lint.m.DOUBLED,
                    {"quote": lint._quote(t, s, e), "more": lint._more(len(hits) - 1)},
                    location=f"sections/{sec.key}",
                    raw=t[s:e],
                )
            )
    for sec in SECTIONS:
        if not getattr(r.sections, sec.key):
            continue
        t = view.prose(sec.key)
        found = list(lint._ASCII.finditer(t)) if lint._ASCII_MARKS.search(t) else []
        if found:
            first = found[0]
            mark = first.group(1) or first.group(2) or first.group(3)
            out.append(
                ascii.emit(
                    lint.m.ASCII_PUNCTUATION,
                    {
                        "mark": mark,
                        "quote": lint._quote(t, *first.span()),
                        "more": lint._more(len(found) - 1),
                    },
                    location=f"sections/{sec.key}",
                    raw=mark,
                )
            )
    for sec in SECTIONS:
        if not getattr(r.sections, sec.key):
            continue
        t = view.prose(sec.key)
        lone = reference_unmatched(t)
        if lone:
            at = lone[0]
            out.append(
                unmatched.emit(
                    lint.m.UNMATCHED,
                    {"mark": t[at], "quote": lint._quote(t, at, at + 1), "more": lint._more(len(lone) - 1)},
                    location=f"sections/{sec.key}",
                    raw=t[at],
                )
            )
    return out


@SETTINGS
@given(st.lists(texts, min_size=6, max_size=6))
def test_the_lints_as_before(six: list[str]) -> None:
    r = attrs.evolve(_SAMPLE, sections=Sections(*six))
    ctx = Context(r, None, "not-assessable")
    ours = [f for code in ("GD801", "GD802", "GD803") for f in CHECKS[code](RULES[code], ctx)]
    assert ours == reference_lints(r)
