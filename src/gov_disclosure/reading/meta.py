"""What a report says about itself outside the tables: title, sections, signature.

Shared by the DOCX, HTML and text readers (they all see a report as a list of paragraphs):

- :func:`parse_title` — agency and year from the title (二七区科学技术局 2020 年政府信息公开工作 年度报告),
- :func:`parse_date` — a Chinese date (2021年1月8日, 二〇二一年一月八日, 2021-01-08),
- :func:`find_signature` — the agency and date under the report (落款),
- :func:`section_spans` / :func:`split_sections` — the six sections, matched loosely (renumbered
  5、存在的主要问题…, reworded 存在的问题及改进情况, repeated, missing);
- :func:`is_furniture` — lines that are page furniture, never the report's words: converter markers
  (正文), crawler labels (标题: 来源: 发布时间:), page numbers, markup. Agency, year and date are never
  read from them (a crawler's ``标题:`` label is taken off and the title behind it read).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from functools import lru_cache
from typing import Final

import attrs

from ..core.codes import CODES
from ..core.errors import FileTooLargeError, NoTablesError, ReadError
from ..core.findings import Finding
from ..core.messages import Message
from ..core.messages import errors as E
from ..core.messages import reading as msg
from ..core.model import Heading, Report, Sections, agency_kind_of, cut_section, section_problem
from ..core.values import chinese_number
from ..core.vocabulary import FORMATS, SECTIONS, FormatKey, format_for_year
from .engine import Grid, label_prefix, match_label, read_grids

__all__ = [
    "MAX_PARAGRAPHS",
    "MAX_TITLE_CHARS",
    "Assembled",
    "SectionSpan",
    "agency_kind_of",
    "assemble",
    "assemble_anchored",
    "find_signature",
    "fit_sections",
    "is_furniture",
    "match_heading",
    "outline",
    "parse_date",
    "parse_title",
    "plausible_agency",
    "section_spans",
    "signature",
    "split_run_on",
    "split_sections",
    "without_furniture",
    "year_of_period",
]

_CN_CHARS: Final = "〇○零OＯ一二三四五六七八九十"


_NUM = rf"(?:\d{{1,4}}|[{_CN_CHARS}]{{1,4}})"
_DATE = re.compile(
    rf"(?P<y>\d{{4}}|[{_CN_CHARS}]{{4}})\s*年\s*(?P<m>{_NUM})\s*月\s*(?P<d>{_NUM})\s*[日号]"
    rf"|(?P<y2>\d{{4}})\s*[-./]\s*(?P<m2>\d{{1,2}})\s*[-./]\s*(?P<d2>\d{{1,2}})(?!\d)"
)


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def format_date(date: dt.date) -> str:
    """A date as printed under the signature (GB/T 9704: Arabic numerals): 2021年1月8日."""
    return f"{date.year}年{date.month}月{date.day}日"


def parse_date(text: str) -> dt.date | None:
    """The first date in ``text`` (2021年1月8日, 二〇二一年一月八日, 2021-01-08), or None."""
    m = _DATE.search(_norm(text))
    if not m:
        return None
    y, mo, d = (
        (m.group("y"), m.group("m"), m.group("d"))
        if m.group("y")
        else (m.group("y2"), m.group("m2"), m.group("d2"))
    )
    year, month, day = chinese_number(y), chinese_number(mo), chinese_number(d)
    if year is None or month is None or day is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


#: a crawler's or CMS's label in front of a value (标题：…, 来源：…, 发布时间：…)
_FURNITURE_LABEL: Final = re.compile(
    r"^\s*[【\[]?\s*(?:标\s*题|题\s*目|题名|名\s*称|文章标题|来\s*源|信息来源|稿源|发布时间|发布日期|发文日期|成文日期|"
    r"生成日期|更新时间|更新日期|录入时间|索\s*引\s*号|发布机构|发文机关|发文字号|文\s*号|主题分类|"
    r"主\s*题\s*词|所属机构|公开方式|公开范围|浏览次数|点击数|点击量|访问量|阅读量|浏览量|作\s*者|责任编辑|编\s*辑|"
    r"链\s*接|原文链接|原文地址|URL|网址|字\s*号|字\s*体|分享到|打\s*印|关\s*闭)\s*[:：]",
    re.I,
)
#: labels whose value is the title itself (the title is read behind them)
_TITLE_LABEL: Final = re.compile(r"^\s*[【\[]?\s*(?:标\s*题|题\s*目|题名|名\s*称|文章标题)\s*[:：]\s*")
#: a whole line that a converter or a page adds: 正文, 目录, a page number, a print/close link
_FURNITURE_LINE: Final = re.compile(
    r"^\s*(?:正\s*文|目\s*录|\[?TOC\]?|（?正文）?|"
    r"[-—–－]+\s*\d{1,4}\s*[-—–－]+|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|"
    r"\d{1,4}\s*/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?|"
    r"[【\[](?:字体|打印|关闭|返回|收藏|分享|顶部)[^】\]]*[】\]].*|(?:<[^>]*>\s*)+|[#*>|_=\-\s]+)\s*$",
    re.I,
)
#: a page number, a converter marker or a line of markup is far shorter than this
_MAX_FURNITURE_LINE: Final = 200
_MARKUP: Final = re.compile(r"<[^<>]{0,400}>|&(?:nbsp|amp|lt|gt|quot|#\d{1,6});")


def is_furniture(line: str) -> bool:
    """True for a line that is page furniture, not the report's words: a converter marker (正文),
    a crawler's or CMS's label line (标题:…, 来源:…, 发布时间:…), a page number, markup alone."""
    t = _norm(line).strip()
    # a whole line of furniture is short (and the pattern is quadratic in a run of spaces)
    whole = len(t) <= _MAX_FURNITURE_LINE and _FURNITURE_LINE.match(t) is not None
    return bool(t) and (whole or _FURNITURE_LABEL.match(t) is not None)


def without_furniture(line: str) -> str:
    """A line with what page furniture puts around the report's words taken off: markup, and a
    ``标题:`` label (whose value is the title); a line that is all furniture gives ``""``."""
    t = _MARKUP.sub("", line)
    m = _TITLE_LABEL.match(_norm(t))
    if m:
        return _norm(t)[m.end() :]
    return "" if is_furniture(t) else t


#: a title is a line or two (the longest seen: some 60 characters); text longer than this (spaces
#: removed) is a paragraph, never a title, and is not searched
MAX_TITLE_CHARS: Final = 200
#: how a title ends (政府信息公开工作年度报告 and its variants)
_TITLE_END = re.compile(r"政府信息公开(?:工作)?(?:年度)?(?:工作)?报告")
#: the reporting year (2020年, 二〇二〇年度)
_TITLE_YEAR = re.compile(rf"(?:\d{{4}}|[{_CN_CHARS}]{{4}})年度?")


def parse_title(text: str) -> tuple[str | None, int | None]:
    """Agency and year from a report's title; None for what the title does not say. Markup and a
    crawler's ``标题:`` label are taken off first; an agency that still looks like page furniture
    (a converter marker, a label, a tag) is None.

    The title is the first year (2020年) that a 政府信息公开…报告 follows; the agency is the text
    before the year, else the text between the year and 政府信息公开. Linear in the text, and text
    longer than :data:`MAX_TITLE_CHARS` is not a title.
    """
    t = re.sub(r"\s+", "", _norm(without_furniture(text) or ""))
    if len(t) > MAX_TITLE_CHARS:
        return None, None
    ends = [m.start() for m in _TITLE_END.finditer(t)]
    if not ends:
        return None, None
    y = _TITLE_YEAR.search(t, 0, ends[-1])
    if y is None:
        return None, None
    digits = y.group(0).removesuffix("度").removesuffix("年")
    year = chinese_number(digits)
    if year is not None and not 1990 <= year <= 2100:
        year = None
    end = next(e for e in ends if e >= y.end())
    pre, post = _clean_agency(t[: y.start()]), _clean_agency(t[y.end() : end])
    agency = pre or post
    return agency if plausible_agency(agency) else None, year


def _clean_agency(text: str) -> str:
    t = text.strip("《》“”\"':：的-— ")
    t = t.removesuffix("关于").removesuffix("的")
    # a converter marker run into the title (正文2024年…)
    t = re.sub(r"^(?:正文|目录)+", "", t)
    return t.strip("《》“”\"':：的-— ")


#: characters an agency's name is made of (besides Chinese): brackets and dots of names such as
#: 中共XX委（XX区委）办公室, 黔东南州·凯里市
_NAME_CHARS: Final = re.compile(r"^[\u3400-\u9fff0-9A-Za-z（）()·．.、\-—]+$")


def plausible_agency(name: str | None) -> bool:
    """Whether ``name`` can be an agency's name as printed: two to forty characters, Chinese, no
    markup, no label (no colon), no sentence punctuation, not page furniture."""
    if not name:
        return False
    n = "".join(_norm(name).split())
    cjk = len(re.findall(r"[\u3400-\u9fff]", n))
    return (
        2 <= len(n) <= 40
        and _NAME_CHARS.match(n) is not None
        and re.search(r"[\u3400-\u9fff]{2}", n) is not None
        and cjk * 2 > len(n)  # mostly Chinese: not a telephone number, a code or a date
        and _CONTACT.search(n) is None
        and not is_furniture(n)
    )


#: words of a contact line (联系电话, 地址, 邮编 …), never of an agency's name
_CONTACT: Final = re.compile(r"电话|传真|邮编|邮箱|地址|网址|热线|联系人")


_DATE_LINE = re.compile(
    rf"^\s*(?:\d{{4}}|[{_CN_CHARS}]{{4}})\s*年.*[日号]\s*$|^\s*\d{{4}}[-./]\d{{1,2}}[-./]\d{{1,2}}\s*$"
)


def find_signature(paragraphs: Sequence[str]) -> tuple[str | None, dt.date | None]:
    """The signature at the end (落款): the issuing body and the date, each None when absent."""
    agency, date, _ = signature(paragraphs)
    return agency, date


def signature(paragraphs: Sequence[str]) -> tuple[str | None, dt.date | None, int | None]:
    """The signature at the end: (agency, date, index of its first paragraph).

    Looks at the last non-empty paragraphs (page furniture such as a crawler's 发布时间: left out)
    for a date line and, just above it, a short line that names the issuing body (only if it can be
    an agency's name). Returns ``(None, None, None)`` when there is no signature.
    """
    seen = 0
    for i in range(len(paragraphs) - 1, -1, -1):
        p = paragraphs[i].strip()
        if not p or is_furniture(p):
            continue
        seen += 1
        if seen > 4:
            break
        m = _DATE.search(_norm(p))
        at_end = m is not None and m.end() >= len(_norm(p).rstrip()) - 1
        prefix = _norm(p)[: m.start()].strip() if m else ""
        dated_line = _DATE_LINE.match(_norm(p)) is not None or (
            at_end and prefix.endswith((":", "：")) and len(prefix) <= 8  # 日期：2021年1月8日
        )
        if dated_line and len(p) <= 30:
            date = parse_date(p)
            j = i - 1
            while j >= 0 and (not paragraphs[j].strip() or is_furniture(paragraphs[j])):
                j -= 1
            if j >= 0:
                above = paragraphs[j].strip()
                if (
                    len(above) <= 40
                    and not above.endswith(("。", "；", ";", "：", ":"))
                    and match_heading(above) is None
                    and parse_date(above) is None
                    and plausible_agency(above)
                ):
                    return above, date, j
            return None, date, i
        # agency and date on one line
        if (
            m
            and at_end
            and len(p) <= 60
            and prefix
            and not prefix.endswith(("。", "，", ",", ":", "："))
            and plausible_agency(prefix)
        ):
            return prefix, parse_date(p), i
    return None, None, None


# -- sections ----------------------------------------------------------------------------------

_HEADING_NUMBER = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,2}|\d{1,2}|第[一二三四五六七八九十]{1,2}部分)\s*[、.，,．:：]?\s*"
)
#: loose keywords per section (reading only), tried after an exact match of the heading's body
_HEADING_WORDS: Final[dict[str, tuple[tuple[str, ...], ...]]] = {
    "overview": (("总体情况",), ("总体",), ("概述",)),
    "proactive": (("主动公开",),),
    "applications": (("申请",), ("依申请",)),
    "appeals": (("行政复议",), ("行政诉讼",)),
    "problems": (("问题",), ("改进",)),
    "other": (("其他", "事项"),),
}
#: how a reworded heading ends (存在的问题及改进情况, 其他需要报告的事项, 依申请公开情况)
_HEADING_ENDINGS: Final = ("情况", "事项", "问题", "措施", "概述", "总体", "公开")
_HEADINGS: Final = {s.key: s.heading for s in SECTIONS}
_BODIES: Final = {s.key: re.sub(r"^[一二三四五六]、", "", s.heading) for s in SECTIONS}


@lru_cache(maxsize=16384)
def match_heading(text: str) -> str | None:
    """The section key a paragraph is the heading of, or None.

    A heading is a short line starting with a top-level number (一、 5、 3. 第三部分), or exactly an
    official heading's wording; bracketed numbers （一） are sub-headings and never match.
    """
    stripped = _MD_MARKERS.sub("", text.strip()).strip()
    if len(stripped) < 4 or len(stripped) > 60 or "\t" in stripped:
        return None  # too short or long for a heading, or a table row flattened with tabs
    key = _heading_key(re.sub(r"\s+", "", _norm(stripped)))
    if key is not None and _is_table_label(stripped):
        return None  # a row label of the tables (二、上年结转政府信息公开申请数量)
    return key


#: Markdown around a heading: ``## 五、…``, ``**五、…**``
_MD_MARKERS: Final = re.compile(r"^#{1,6}\s*|^\*\*|\*\*$|^__|__$")


def _heading_key(t: str) -> str | None:
    if not t or len(t) > 40 or t.startswith("(") or t.endswith(("。", "；", ";")):
        return None
    m = _HEADING_NUMBER.match(t)
    body = t[m.end() :] if m and m.group(0) else t
    for key, official in _BODIES.items():
        if body == _norm(official):
            return key
    if not (m and m.group(0)):
        return None
    if len(body) > 30:
        return None
    if not body.endswith(_HEADING_ENDINGS):
        return None  # 3.补正后申请内容仍… is a table label, not a heading
    for key, alternatives in _HEADING_WORDS.items():
        for words in alternatives:
            if all(w in body for w in words):
                return key
    return None


def _is_table_label(text: str) -> bool:
    """Row labels of the tables look like headings (二、上年结转政府信息公开申请数量), and so do
    their beginnings when a label wraps."""
    return any(match_label(text, f) for f in FORMATS) or label_prefix(text)


_OTHER_HEADING = re.compile(r"^[一二三四五六七八九十]{1,2}、[^。；;，,]{2,18}$")


@lru_cache(maxsize=16384)
def _is_other_heading(text: str) -> bool:
    """A top-level heading (七、主要工作做法) that is none of the six sections."""
    t = text.strip()
    return len(t) <= 21 and "\t" not in t and bool(_OTHER_HEADING.match(t)) and not _is_table_label(t)


@attrs.frozen
class SectionSpan:
    """A section found among the paragraphs: heading at ``start``, body up to ``end`` (exclusive).

    ``inline``: the section has no heading of its own and starts with a sub-heading that names it
    (（一）主要问题 where 五、存在的主要问题及改进情况 is missing): that paragraph is part of the body."""

    key: str
    start: int
    end: int
    inline: bool = False

    @property
    def body(self) -> int:
        """Where the section's text starts."""
        return self.start if self.inline else self.start + 1


def section_spans(
    paragraphs: Sequence[str], end: int | None = None
) -> tuple[list[SectionSpan], list[Finding]]:
    """Where each section's heading is (in document order; a repeated heading gives two spans and
    a GD106 finding). ``end`` is where the body of the last section stops (the signature).

    The six headings come in the format's order: of the lines that look like headings, the longest
    run in that order is taken (the earliest on a tie), so a line inside a section's text that
    looks like another section's heading (三、收到和处理政府信息公开申请情况 quoted in the overview)
    stays text of its section, with a GD106 finding, and does not split the sections (which moved a
    table out of its section, unread). A heading repeated within its own section starts a second
    span of that section (the texts are joined)."""
    stop = len(paragraphs) if end is None else end
    heads: list[tuple[int, str]] = []
    findings: list[Finding] = []
    for i in range(stop):
        key = match_heading(paragraphs[i])
        if key is None:
            if _is_other_heading(paragraphs[i]):
                findings.append(
                    CODES["GD106"].finding(
                        f"a section that is not in the format: {paragraphs[i].strip()!r} "
                        "(its text is kept in the section before it)",
                        f"格式中没有的部分：“{paragraphs[i].strip()}”（其内容并入前一部分）",
                        source=f"paragraph {i + 1}",
                        raw=paragraphs[i].strip(),
                    )
                )
            continue
        heads.append((i, key))
    kept = _in_order(heads)
    final: list[tuple[int, str]] = []
    for n, (i, key) in enumerate(heads):
        current = final[-1][1] if final else None
        if n in kept or key == current:
            if key == current:
                findings.append(
                    CODES["GD106"].finding(
                        f"the heading of section {key} appears again: {paragraphs[i].strip()!r}",
                        f"“{_HEADINGS[key]}”部分的标题重复出现：“{paragraphs[i].strip()}”",
                        location=f"sections/{key}",
                        source=f"paragraph {i + 1}",
                        raw=paragraphs[i].strip(),
                    )
                )
            final.append((i, key))
            continue
        inside = msg.IN_SECTION.both(heading=_HEADINGS[current]) if current else msg.BEFORE_SECTIONS.both()
        findings.append(
            CODES["GD106"].finding(
                *msg.HEADING_OUT_OF_ORDER.both(
                    heading=_HEADINGS[key], inside=Message(*inside), line=paragraphs[i].strip()
                ),
                location=f"sections/{current}" if current else None,
                source=f"paragraph {i + 1}",
                raw=paragraphs[i].strip(),
            )
        )
    seen = {k for _, k in final}
    inline: set[int] = set()
    if "problems" not in seen:
        # the problems section without its heading, told by its first sub-heading (（一）主要问题),
        # after the tables' sections and before 六、其他需要报告的事项
        after = max((i for i, k in final if k in ("proactive", "applications", "appeals")), default=None)
        before = min((i for i, k in final if k == "other" and (after is None or i > after)), default=stop)
        if after is not None:
            found = next((i for i in range(after + 1, before) if _PROBLEMS_SUBHEADING.match(paragraphs[i])), None)
            if found is not None:
                final = sorted([*final, (found, "problems")])
                inline.add(found)
    spans = [
        SectionSpan(key, i, final[n + 1][0] if n + 1 < len(final) else stop, i in inline)
        for n, (i, key) in enumerate(final)
    ]
    return spans, findings


_ORDER: Final = {s.key: n for n, s in enumerate(SECTIONS)}


def _in_order(heads: Sequence[tuple[int, str]]) -> set[int]:
    """The indices (into ``heads``) of the longest run of headings in the format's order (strictly
    increasing section number), the earliest such run on a tie (a heading repeated later is then a
    second span of its section)."""
    n = len(heads)
    order = [_ORDER[key] for _, key in heads]
    longest = [1] * n  # the longest run starting at each heading
    best_from = [0] * len(SECTIONS)  # the longest run starting at a later heading of each section
    for j in range(n - 1, -1, -1):  # linear: six sections
        longest[j] = 1 + max(best_from[order[j] + 1 :], default=0)
        best_from[order[j]] = max(best_from[order[j]], longest[j])
    kept: set[int] = set()
    need = max(longest, default=0)
    last = -1
    for j in range(n):
        if need and longest[j] == need and order[j] > last:
            kept.add(j)
            last = order[j]
            need -= 1
    return kept


_PROBLEMS_SUBHEADING: Final = re.compile(
    r"^\s*(?:#{1,6}\s*)?[(（]\s*一\s*[)）]\s*[、.．]?\s*(?:存在的?)?(?:主要)?(?:问题|不足)[^。；;]{0,12}$"
)


def split_sections(paragraphs: Sequence[str], end: int | None = None) -> tuple[Sections, list[Finding]]:
    """The six sections' text from a report's paragraphs (tables left in as their text).

    Text before the first heading (after the title) is kept at the start of ``overview`` so nothing
    is dropped; a repeated section's texts are joined.
    """
    spans, findings = section_spans(paragraphs, end)
    texts: dict[str, list[str]] = {s.key: [] for s in SECTIONS}
    for span in spans:
        texts[span.key].extend(paragraphs[span.body : span.end])
    sections, too_long = fit_sections({k: join_paragraphs(v) for k, v in texts.items()})
    return sections, findings + too_long


def fit_sections(texts: Mapping[str, str]) -> tuple[Sections, list[Finding]]:
    """The six sections from their texts, each within the model's bounds: a longer one is cut, with
    a GD106 finding that says how much was kept (a real section is far shorter)."""
    findings: list[Finding] = []
    fitted: dict[str, str] = {}
    for key, text in texts.items():
        problem = section_problem(text)
        fitted[key] = cut_section(text) if problem else text
        if problem:
            findings.append(
                CODES["GD106"].finding(
                    *msg.SECTION_TOO_LONG.both(heading=_HEADINGS[key], problem=problem, kept=len(fitted[key])),
                    location=f"sections/{key}",
                )
            )
    return Sections(**fitted), findings


def outline(paragraphs: Sequence[str], end: int | None = None) -> tuple[Heading, ...]:
    """The top-level headings up to ``end``, as printed, in document order: each section's heading
    (with its key) and every other top-level heading (七、主要工作做法: key None)."""
    out = []
    for p in paragraphs[: len(paragraphs) if end is None else end]:
        key = match_heading(p)
        if key is not None or _is_other_heading(p):
            out.append(Heading(_MD_MARKERS.sub("", p.strip()).strip(), key))
    return tuple(out)


def join_paragraphs(paragraphs: Sequence[str]) -> str:
    """Paragraphs as one section text: blank ones dropped, each stripped, one per line."""
    return "\n".join(p.strip() for p in paragraphs if p.strip())


# -- assembling a report -------------------------------------------------------------------------

#: a report has a few hundred paragraphs; far more is not a report (and would be slow to read)
MAX_PARAGRAPHS: Final = 50_000

@attrs.frozen
class Assembled:
    """What :func:`assemble_anchored` found, with where it found it.

    ``sources``: the grid source of every table cell placed (``table 2, row 5, cell 3``);
    ``places``: the index in ``paragraphs`` of the title (``title``, also ``year`` and ``format``),
    the signature's agency line (``agency``; the title when there is no signature), its date
    (``published_on``) and each section's heading (``sections/<key>``), where found."""

    report: Report
    findings: list[Finding]
    sources: Mapping[str, str]
    places: Mapping[str, int]


def assemble(
    paragraphs: Sequence[str],
    grids: Sequence[Grid],
    *,
    format: FormatKey | None = None,
    findings: Sequence[Finding] = (),
    unordered: Collection[int] = (),
) -> tuple[Report, list[Finding]]:
    """A report from its paragraphs (the text outside the tables, in document order) and its
    tables as grids: title → agency and year, headings → sections, signature → date, grids →
    cells (:func:`gov_disclosure.reading.engine.read_grids`; ``unordered`` as there).

    Page furniture (:func:`is_furniture`) is never the title, the agency or the date. The agency is
    the signature's (the full name) or else the title's; where neither can be an agency's name with
    certainty it is left unknown, with a GD504 finding that says what was seen. Without a year in
    the title, the statistical period stated in the text gives it (统计期限自2024年1月1日…).

    Raises :class:`~gov_disclosure.core.errors.NoTablesError` when none of the three statistical
    tables is found (nothing to check: a reading failure, not a report of blank cells), and
    :class:`~gov_disclosure.core.errors.ReadError` when neither the tables nor the title say which
    format or year it is (not a report).
    """
    done = assemble_anchored(paragraphs, grids, format=format, findings=findings, unordered=unordered)
    return done.report, done.findings


def assemble_anchored(
    paragraphs: Sequence[str],
    grids: Sequence[Grid],
    *,
    format: FormatKey | None = None,
    findings: Sequence[Finding] = (),
    unordered: Collection[int] = (),
) -> Assembled:
    """:func:`assemble`, also saying where in the paragraphs and grids each part was found (indexes
    of the ``paragraphs`` given, also where a long line was cut at its headings)."""
    if len(paragraphs) > MAX_PARAGRAPHS:
        raise FileTooLargeError(E.TOO_MANY_PARAGRAPHS, n=len(paragraphs), limit=MAX_PARAGRAPHS)
    paragraphs, origin = _split_run_on(paragraphs)
    out: list[Finding] = list(findings)
    sig_agency, published_on, sig_index = signature(paragraphs)
    spans, span_findings = section_spans(paragraphs, sig_index)
    out.extend(span_findings)
    first = spans[0].start if spans else (sig_index if sig_index is not None else len(paragraphs))
    head_at = [i for i in range(first) if without_furniture(paragraphs[i]).strip()]
    head = [without_furniture(paragraphs[i]) for i in head_at]
    title_agency, year, title_lines = None, None, 0
    title_at: int | None = None
    seen_title: str | None = None
    # the title: one to three lines (it may wrap), among the first lines (page furniture such as
    # 索引号 or 发布日期 may come first)
    for start, n in ((s, n) for s in range(min(len(head), 8)) for n in (1, 2, 3)):
        if start + n <= len(head):
            seen_title = "".join(head[start : start + n])
            title_agency, year = parse_title(seen_title)
            if year is not None:
                head = head[start:]
                title_lines = n
                title_at = head_at[start]
                break
    if year is None:
        seen_title = None
        year = year_of_period(paragraphs)
    if sig_index is None and title_agency:
        # a signature without a date: the last line repeats the title's agency
        last = max((i for i, p in enumerate(paragraphs) if p.strip()), default=None)
        if last is not None and last >= first and "".join(paragraphs[last].split()) == title_agency:
            sig_agency, sig_index = title_agency, last
            spans, _ = section_spans(paragraphs, sig_index)
    texts: dict[str, list[str]] = {s.key: [] for s in SECTIONS}
    texts["overview"].extend(head[title_lines:] if title_lines else head)
    for span in spans:
        texts[span.key].extend(paragraphs[span.body : span.end])
    sections, too_long = fit_sections({k: join_paragraphs(v) for k, v in texts.items()})
    out.extend(too_long)

    reading = read_grids(grids, format=format, unordered=unordered)
    fmt = format or reading.format
    if fmt is None:
        if year is None:
            raise ReadError(E.NOT_A_REPORT)
        fmt = format_for_year(year)
        reading = read_grids(grids, format=fmt, unordered=unordered)
    if not reading.tables:
        raise NoTablesError(msg.NO_TABLES)
    out.extend(reading.findings)
    agency = sig_agency or title_agency
    if agency is None:
        en, zh = (
            msg.AGENCY_NOT_IN_TITLE.both(title=seen_title)
            if seen_title
            else msg.AGENCY_NOT_FOUND.both()
        )
        out.append(CODES["GD504"].finding(en, zh, location="agency", raw=seen_title))
    report = Report.from_cells(
        fmt,
        reading.cells,
        year=year,
        agency=agency,
        published_on=published_on,  # the kind of agency is not printed: GD503 infers it, saying so
        sections=sections,
        raw=reading.raw,
        outline=outline(paragraphs, sig_index),
    )
    places: dict[str, int] = {}
    if title_at is not None:
        places.update(title=title_at, year=title_at, format=title_at, agency=title_at)
    if sig_index is not None:
        if sig_agency:
            places["agency"] = sig_index
        dated = next((i for i in range(sig_index, len(paragraphs)) if parse_date(paragraphs[i])), None)
        if dated is not None:
            places["published_on"] = dated
    for span in spans:
        places.setdefault(f"sections/{span.key}", span.start)
    return Assembled(report, out, reading.sources, {k: origin[i] for k, i in places.items()})


_PERIOD: Final = re.compile(
    r"统计(?:期限|周期|期间|时限|时段|时间|区间|范围)?[^。；;]{0,16}?(\d{4})\s*年\s*0?1\s*月\s*0?1\s*日"
)


def year_of_period(paragraphs: Sequence[str]) -> int | None:
    """The reporting year from the statistical period the text states (本报告所列数据的统计期限自
    2024年1月1日起至2024年12月31日止), when the title does not say it."""
    for p in paragraphs[:60]:
        m = _PERIOD.search(_norm(p))
        if m:
            year = int(m.group(1))
            return year if 1990 <= year <= 2100 else None
    return None


#: a section heading inside a long line of text (crawler text that lost its line breaks)
_RUN_ON_HEADING: Final = re.compile(r"[一二三四五六七八九十]{1,2}、")


def split_run_on(paragraphs: Sequence[str]) -> list[str]:
    """Paragraphs with section headings that stand inside a long line (a page's text taken without
    its line breaks: ``…工作水平。二、主动公开政府信息情况 第二十条…``) put on lines of their own.

    A line is split only where a heading of the six sections stands (the words up to its first
    情况 / 事项 / 问题 … make a heading) and only when it holds two such headings or more."""
    return _split_run_on(paragraphs)[0]


def _split_run_on(paragraphs: Sequence[str]) -> tuple[list[str], list[int]]:
    """:func:`split_run_on`, and for each paragraph out the index of the one it came from."""
    out: list[str] = []
    origin: list[int] = []
    for n, p in enumerate(paragraphs):
        if len(p) < 200:
            out.append(p)
            origin.append(n)
            continue
        cuts: list[tuple[int, int]] = []
        keys: set[str] = set()
        for m in _RUN_ON_HEADING.finditer(p):
            if cuts and m.start() < cuts[-1][1]:
                continue
            # where the heading ends: an official heading's words if they stand there, else the
            # longest heading before the first sentence punctuation
            found: list[tuple[int, str, bool]] = []
            for end in range(m.end() + 2, min(len(p), m.end() + 30) + 1):
                if p[end - 1] in "。，,；;：:！？":
                    break
                if p[end - 1] not in "况项题施述体开":
                    continue
                key = match_heading(p[m.start() : end])
                if key is not None:
                    body = re.sub(r"\s+", "", p[m.end() : end])
                    found.append((end, key, body == _norm(_BODIES[key])))
            if found:
                end, key, _ = next((f for f in found if f[2]), found[-1])
                cuts.append((m.start(), end))
                keys.add(key)
        if len(keys) < 2:
            out.append(p)
            origin.append(n)
            continue
        at = 0
        for a, b in cuts:
            if p[at:a].strip():
                out.append(p[at:a].strip())
            out.append(p[a:b])
            at = b
        if p[at:].strip():
            out.append(p[at:].strip())
        origin.extend([n] * (len(out) - len(origin)))
    return out, origin
