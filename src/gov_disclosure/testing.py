"""Builders for tests — yours and ours: sample reports and hypothesis strategies.

``sample_report`` needs nothing beyond the core. The ``*_reports`` strategies need hypothesis
(``pip install "gov-disclosure[testing]"``); it is imported only when a strategy is asked for.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from .core.errors import MissingExtraError
from .core.model import AgencyKind, Heading, Report, Sections
from .core.values import Amount, Cell
from .core.vocabulary import (
    APPEALS_COLUMNS,
    APPEALS_GROUPS,
    APPLICATIONS_COLUMNS,
    DEADLINES,
    SECTIONS,
    CellKind,
    FormatKey,
    format_for_year,
    spec,
)
from .rules import Config, validate

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = [
    "any_reports",
    "crawler_text",
    "random_report",
    "report_pairs",
    "sample_pair",
    "sample_report",
    "valid_reports",
]

_AGENCIES = (
    "舟山市定海区经济和信息化局",
    "郑州市二七区科学技术局",
    "杭州市西湖区人民政府",
    "成都市武侯区市场监督管理局",
    "广州市天河区教育局",
)
_PARTS = tuple(c.key for c in APPLICATIONS_COLUMNS if c.key != "total")

# -- the prose of a sample report: each section speaks of what its heading names ---------------------

#: 一、总体情况: one paragraph per aspect the 2021 format asks it to cover, each drawn from a few
#: wordings (a next year's report draws other ones, as a report that is not a copy does). No brackets,
#: no table label in the prose: the readers' tests rewrite those in the tables (（一） as (一) …)
_OVERVIEW: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    (
        "在主动公开方面，",
        (
            "围绕群众关注关切，及时主动公开政策文件、财政预决算和重点领域信息。",
            "坚持以公开为常态、不公开为例外，主动公开法定主动公开内容和重要政策文件。",
            "聚焦优化营商环境，集中发布惠企政策，做好政策解读和热点回应。",
        ),
    ),
    (
        "在依申请公开方面，",
        (
            "规范依申请公开办理流程，严格按照法定时限答复申请人。",
            "完善申请登记、审核、答复各环节工作规范，提高答复质量。",
            "畅通申请受理渠道，加强与申请人的沟通，依法保障申请人合法权益。",
        ),
    ),
    (
        "在政府信息管理方面，",
        (
            "落实公文公开属性源头认定制度，严格执行信息发布保密审查。",
            "及时更新政府信息公开指南和公开目录，规范信息发布审核流程。",
            "开展政策文件清理，动态调整主动公开基本目录。",
        ),
    ),
    (
        "在平台建设方面，",
        (
            "加强政府网站和政务新媒体建设，拓宽信息公开渠道。",
            "优化政府信息公开专栏设置，提升网站检索和互动功能。",
            "推进政务公开专区建设，为群众查阅信息提供便利。",
        ),
    ),
    (
        "在监督保障方面，",
        (
            "将政务公开工作纳入年度绩效考核，强化责任落实。",
            "组织开展政务公开业务培训，提升工作人员业务能力。",
            "主动接受社会监督，认真听取群众意见建议。",
        ),
    ),
)
_PROACTIVE: Final = (
    "通过政府网站、政务新媒体等渠道主动公开政府信息，做好重要政策的解读工作。",
    "按照主动公开基本目录，及时公开机构职能、规划计划和行政执法信息。",
    "加强主动公开信息的更新维护，确保公开内容准确、完整。",
)
_APPLICATIONS: Final = (
    "本机关依法规范办理政府信息公开申请，在法定期限内作出答复，答复内容和形式符合规定。",
    "本机关严格执行依申请公开办理流程，加强与申请人的沟通，依法保障申请人的知情权。",
    "本机关完善依申请公开登记、审核和答复各环节工作，答复文书规范、告知事项完整。",
)
_APPEALS: Final = (
    "本机关依法做好政府信息公开行政复议、行政诉讼相关工作，认真分析案件反映的问题。",
    "本机关重视政府信息公开行政复议、行政诉讼工作，及时总结经验，改进依申请公开工作。",
)
_PROBLEMS: Final = (
    "政策解读的形式还不够丰富，解读质量有待进一步提高。",
    "部分公开内容更新不够及时，信息公开的时效性还需加强。",
    "工作人员业务水平参差不齐，依申请公开答复的规范性有待提升。",
)
_IMPROVEMENTS: Final = (
    "下一步将丰富政策解读形式，运用图表、视频等方式提升解读效果。",
    "下一步将建立信息更新提醒机制，定期检查栏目内容，确保及时更新。",
    "下一步将加强业务培训和案例研讨，提高答复文书的规范性。",
)


def _pick(rng: random.Random, choices: tuple[str, ...], avoid: str) -> str:
    """One of the wordings, another than last year's text used when there is another."""
    fresh = [c for c in choices if c not in avoid]
    return rng.choice(fresh or list(choices))


def _prose(
    rng: random.Random,
    format: FormatKey,
    year: int,
    agency: str,
    cells: dict[str, Cell],
    previous: Report | None,
) -> Sections:
    """The six sections of a sample report: each speaks of what its heading names and passes every
    text rule."""
    last = previous.sections if previous is not None else Sections()
    overview = [
        f"根据《中华人民共和国政府信息公开条例》规定，现公布{agency}{year}年政府信息公开工作年度报告。"
        f"本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"
    ]
    overview.append("本年度，本机关扎实推进主动公开和依申请公开工作，加强政府信息管理和平台建设，强化监督保障。")
    # two of the aspects in a few words each (a next year's report picks others, as one that is not a
    # copy does); kept short, so the tables start where a short report's do
    for label, choices in rng.sample(_OVERVIEW, 2):
        overview.append(label + _pick(rng, choices, last.overview))

    proactive = f"{year}年，本机关" + _pick(rng, _PROACTIVE, last.proactive)
    # no figure of the tables in the text: a test that changes a cell then has only the tables' rules
    # to say so (the prose rules are tested on texts of their own)
    applications = _pick(rng, _APPLICATIONS, last.applications)
    appeals = _pick(rng, _APPEALS, last.appeals)

    first = rng.randrange(len(_PROBLEMS))
    problems = (
        "存在的主要问题："
        + _PROBLEMS[first]
        + _pick(rng, _PROBLEMS[:first] + _PROBLEMS[first + 1 :], "")
        + "\n改进情况："
        + _IMPROVEMENTS[first]
    )
    other = ("本年度未收取信息处理费。" if format == "2021" else "") + "无其他需要报告的事项。"
    return Sections(
        overview="\n".join(overview),
        proactive=proactive,
        applications=applications,
        appeals=appeals,
        problems=problems,
        other=other,
    )


#: the outline of a sample report: the six official headings
OUTLINE: Final = tuple(Heading(sec.heading, sec.key) for sec in SECTIONS)


def random_report(
    rng: random.Random,
    format: FormatKey | None = None,
    *,
    year: int | None = None,
    previous: Report | None = None,
    big: bool = False,
) -> Report:
    """A *valid* report (every rule passes) drawn from ``rng``, with prose that speaks of what each
    heading names and states the tables' figures as the tables have them.

    With ``previous``, the report is the next year's of the same agency and agrees with it on every
    cross-year rule (GD701–GD705): running counts carried on, each count within a factor of two of
    last year's, other wordings than last year's. ``big`` draws larger counts.
    """
    for _ in range(100):
        report = _draw(rng, format, year=year, previous=previous, big=big)
        if previous is None or not _anomalies(report, previous):
            return report
    raise AssertionError("no report without a year-on-year anomaly in 100 draws")  # pragma: no cover


def _anomalies(report: Report, previous: Report) -> bool:
    """Whether GD705 (a count far from last year's) has something to say about the pair."""
    return bool(validate(report, previous, config=_ANOMALIES_ONLY).findings)


_ANOMALIES_ONLY: Final = Config(select=("GD705",))


def _draw(
    rng: random.Random,
    format: FormatKey | None,
    *,
    year: int | None,
    previous: Report | None,
    big: bool,
) -> Report:
    if previous is not None:
        assert previous.year is not None
        year = previous.year + 1
    if year is None:
        year = rng.choice((2019, 2020)) if format == "2019" else rng.randint(2021, 2025)
        if format is None:
            year = rng.randint(2019, 2025)
    format = format_for_year(year)
    s = spec(format)
    hi = 5000 if big else 30

    def n(high: int = hi) -> int:
        return rng.randint(0, high) if rng.random() < 0.7 else 0

    cells: dict[str, Cell] = {}
    prev_cell = previous.cell if previous is not None else None
    last_cells = previous.cell_map() if previous is not None else {}

    def near(address: str, high: int) -> int:
        """Last year's count of the cell, halved to doubled (plus one); a fresh draw without one."""
        last = last_cells.get(address)
        if not isinstance(last, int) or last < 0:
            return n(high)
        return rng.randint((last + 1) // 2, 2 * last + 1)

    # proactive
    for b in s.proactive:
        for r in b.rows:
            base = f"proactive/{b.key}.{r.key}"
            if format == "2019" and b.key == "art20_1":
                total = near(f"{base}/total", hi * 10)
                cells[f"{base}/made"] = near(f"{base}/made", hi)
                new_ones = near(f"{base}/published", total) if previous is not None else rng.randint(0, total)
                cells[f"{base}/published"] = min(new_ones, total)
                cells[f"{base}/total"] = total
            elif format == "2019" and b.key in ("art20_5", "art20_6", "art20_8"):
                if prev_cell is not None and previous is not None and previous.format == "2019":
                    p_items = prev_cell(f"{base}/previous_items")
                    p_change = prev_cell(f"{base}/change")
                    assert isinstance(p_items, int)
                    assert isinstance(p_change, int)
                    items = p_items + p_change
                else:
                    items = n()
                cells[f"{base}/previous_items"] = items
                cells[f"{base}/change"] = rng.randint(-items, hi)
                if b.key != "art20_8":
                    cells[f"{base}/decisions"] = near(f"{base}/decisions", hi * 10)
            elif format == "2021" and b.key == "art20_1":
                repealed = n(5)
                if prev_cell is not None and previous is not None and previous.format == "2021":
                    last = prev_cell(f"{base}/in_force")
                    assert isinstance(last, int)
                    repealed = min(repealed, last)
                    issued = near(f"{base}/issued", 10)
                    in_force = last + issued - repealed
                else:
                    issued = n(10)
                    in_force = issued + n(50)
                cells[f"{base}/issued"] = issued
                cells[f"{base}/repealed"] = repealed
                cells[f"{base}/in_force"] = in_force
            else:
                for c in b.columns:
                    if c.kind is CellKind.AMOUNT:
                        unit = "wan_yuan" if c.unit else rng.choice(("yuan", "wan_yuan"))
                        places = rng.choice((0, 2, 4))
                        value = Decimal(rng.randint(0, 10**7)).scaleb(-places)
                        cells[f"{base}/{c.key}"] = Amount(value, unit)  # type: ignore[arg-type]
                    else:
                        cells[f"{base}/{c.key}"] = near(f"{base}/{c.key}", hi * 10)

    # applications: per applicant column, results then carry-over, all sums consistent
    result_rows = s.result_rows
    totals: dict[str, dict[str, int]] = {}
    for col in _PARTS:
        results = {
            k: near(f"applications/{k}/{col}", hi if col == "natural_person" else hi // 5 + 1)
            for k in result_rows
        }
        total = sum(results.values())
        if prev_cell is not None:
            carried_over = prev_cell(f"applications/carried_forward/{col}")
            assert isinstance(carried_over, int)
        else:
            carried_over = n(5)
        carried_forward = max(0, carried_over - total) + n(5)
        new = total + carried_forward - carried_over
        totals[col] = {
            **results,
            "total": total,
            "new": new,
            "carried_over": carried_over,
            "carried_forward": carried_forward,
        }
    for row in s.applications_rows:
        assert row.key is not None
        row_sum = 0
        for col in _PARTS:
            v = totals[col][row.key]
            cells[f"applications/{row.key}/{col}"] = v
            row_sum += v
        cells[f"applications/{row.key}/total"] = row_sum

    for g in APPEALS_GROUPS:
        parts = {c.key: near(f"appeals/{g.key}/{c.key}", 10) for c in APPEALS_COLUMNS if c.key != "total"}
        for k, v in parts.items():
            cells[f"appeals/{g.key}/{k}"] = v
        cells[f"appeals/{g.key}/total"] = sum(parts.values())

    agency = previous.agency if previous is not None and previous.agency else rng.choice(_AGENCIES)
    # the kind of agency is left to the validator to infer from the name, as for a report read from a
    # document (which does not print it); it decides the deadline the signature date keeps
    kind: AgencyKind = "government" if agency.endswith("人民政府") else "department"
    month, day = DEADLINES[kind]
    start = dt.date(year + 1, 1, 1)
    deadline = dt.date(year + 1, month, day)
    published = start + dt.timedelta(days=rng.randint(0, (deadline - start).days))
    return Report.from_cells(
        format,
        cells,
        year=year,
        agency=agency,
        published_on=published,
        sections=_prose(rng, format, year, agency, cells, previous),
        outline=OUTLINE,
    )


def sample_report(format: FormatKey = "2021") -> Report:
    """A complete, valid sample report with realistic numbers (the same every time)."""
    return random_report(random.Random(f"gov-disclosure sample {format}"), format)


def sample_pair(format: FormatKey = "2021") -> tuple[Report, Report]:
    """(last year's, this year's) sample reports of one agency, both of ``format``, that pass every
    rule together (the same every time)."""
    rng = random.Random(f"gov-disclosure pair {format}")
    last = random_report(rng, format, year=2019 if format == "2019" else 2022)
    return last, random_report(rng, previous=last)


def crawler_text(report: Report, *, one_line: bool = False) -> str:
    """The report's web page (:func:`gov_disclosure.html.write_html`) as a crawler's ``get_text()``
    leaves it: the page's text nodes joined with nothing between them, so the cells of a table row
    run together (``1.属于国家秘密0000000``) and lines break only where the page source breaks them
    (between rows). ``one_line``: the page's tables are written without line breaks, so each table
    comes out on one line. Needs lxml (``pip install "gov-disclosure[html]"``)."""
    import re

    from .html import write_html

    try:
        from lxml import html as lxml_html
    except ImportError:  # pragma: no cover - write_html's package needs lxml too
        raise MissingExtraError("gov_disclosure.testing.crawler_text", "html") from None
    page = write_html(report)
    if one_line:
        page = re.sub(r"<table.*?</table>", lambda m: m.group(0).replace("\n", ""), page, flags=re.S)
    text: str = lxml_html.document_fromstring(page).text_content()  # type: ignore[attr-defined]
    return text


# -- hypothesis strategies -----------------------------------------------------------------------


def _hypothesis() -> Any:
    try:
        from hypothesis import strategies
    except ImportError:  # pragma: no cover - depends on the environment
        raise MissingExtraError("gov_disclosure.testing strategies", "testing") from None
    return strategies


def valid_reports(format: FormatKey | None = None, *, big: bool = False) -> SearchStrategy[Report]:
    """Reports that pass every rule (of the given format, or either)."""
    st = _hypothesis()
    strategy: SearchStrategy[Report] = st.randoms(use_true_random=False).map(
        lambda rng: random_report(rng, format, big=big)
    )
    return strategy


def report_pairs(format: FormatKey | None = None) -> SearchStrategy[tuple[Report, Report]]:
    """(last year's, this year's) reports of one agency that agree on every cross-year rule."""
    st = _hypothesis()

    def pair(rng: random.Random) -> tuple[Report, Report]:
        if format == "2019":
            year = 2019
        elif format == "2021":
            year = rng.randint(2021, 2024)
        else:
            year = rng.randint(2019, 2024)
        last = random_report(rng, year=year)
        return last, random_report(rng, previous=last)

    strategy: SearchStrategy[tuple[Report, Report]] = st.randoms(use_true_random=False).map(pair)
    return strategy


def any_reports(format: FormatKey | None = None) -> SearchStrategy[Report]:
    """Reports of the right *shape* whose content is anything a reader may meet: missing cells,
    broken sums, negative counts, raw texts, amounts with many digits or no unit, odd text."""
    st = _hypothesis()
    from .core.values import format_cell

    formats = st.just(format) if format else st.sampled_from(("2019", "2021"))
    text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=40)

    @st.composite  # type: ignore[untyped-decorator]
    def build(draw: Any) -> Report:
        f: FormatKey = draw(formats)
        s = spec(f)
        cells: dict[str, Cell] = {}
        raw: dict[str, str] = {}
        for c in s.cells:
            if c.kind is CellKind.AMOUNT:
                # a header that prints its unit (2021: 万元) always gives one; the 2019 header none
                units = ("yuan", "wan_yuan") if c.unit else (None, "yuan", "wan_yuan")
                value: Cell = draw(
                    st.none()
                    | st.builds(
                        Amount,
                        st.decimals(
                            allow_nan=False,
                            allow_infinity=False,
                            places=draw(st.integers(0, 8)),
                            min_value=-(10**12),
                            max_value=10**12,
                        ),
                        st.sampled_from(units),
                    )
                )
            else:
                value = draw(st.none() | st.integers(-(10**6), 10**9))
            cells[c.address] = value
            # raw text as a reader would keep it: a missing marker or stray text where the value is
            # missing, a count written with a suffix
            if draw(st.integers(0, 9)) == 0:
                if value is None:
                    raw[c.address] = draw(st.sampled_from(("/", "-", "—", "无", "abc", "1.5")))
                elif isinstance(value, int):
                    raw[c.address] = format_cell(value) + draw(st.sampled_from(("件", "元")))
        year = draw(st.none() | st.integers(2015, 2035))
        return Report.from_cells(
            f,
            cells,
            year=year,
            agency=draw(st.none() | text),
            agency_kind=draw(st.sampled_from((None, "department", "government"))),
            published_on=draw(st.none() | st.dates(dt.date(2015, 1, 1), dt.date(2036, 12, 31))),
            sections=Sections(*(draw(text) for _ in range(6))),
            raw=raw,
        )

    strategy: SearchStrategy[Report] = build()
    return strategy
