"""Builders for tests — yours and ours: sample reports and hypothesis strategies.

``sample_report`` needs nothing beyond the core. The ``*_reports`` strategies need hypothesis
(``pip install "gov-disclosure[testing]"``); it is imported only when a strategy is asked for.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .core.errors import MissingExtraError
from .core.model import AgencyKind, Report, Sections
from .core.values import Amount, Cell
from .core.vocabulary import (
    APPEALS_COLUMNS,
    APPEALS_GROUPS,
    APPLICATIONS_COLUMNS,
    DEADLINES,
    CellKind,
    FormatKey,
    format_for_year,
    spec,
)

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = [
    "any_reports",
    "crawler_text",
    "random_report",
    "report_pairs",
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
_SENTENCES = (
    "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，持续推进政务公开工作。",
    "围绕群众关注关切，及时主动公开政策文件和工作动态。",
    "依法规范办理政府信息公开申请，按时答复申请人。",
    "加强政府网站和政务新媒体建设，拓宽公开渠道。",
    "政策解读质量有待进一步提高，公开内容的时效性还需加强。",
    "下一步将加强培训，完善制度，提升政务公开工作水平。",
)
_PARTS = tuple(c.key for c in APPLICATIONS_COLUMNS if c.key != "total")


def _text(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(_SENTENCES) for _ in range(n))


def random_report(
    rng: random.Random,
    format: FormatKey | None = None,
    *,
    year: int | None = None,
    previous: Report | None = None,
    big: bool = False,
) -> Report:
    """A *valid* report (every rule passes) drawn from ``rng``.

    With ``previous``, the report is the next year's of the same agency and agrees with it on every
    cross-year rule (GD701–GD703). ``big`` draws larger counts.
    """
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

    # proactive
    for b in s.proactive:
        for r in b.rows:
            base = f"proactive/{b.key}.{r.key}"
            if format == "2019" and b.key == "art20_1":
                total = n(hi * 10)
                cells[f"{base}/made"] = n()
                cells[f"{base}/published"] = rng.randint(0, total)
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
                    cells[f"{base}/decisions"] = n(hi * 10)
            elif format == "2021" and b.key == "art20_1":
                repealed = n(5)
                if prev_cell is not None and previous is not None and previous.format == "2021":
                    last = prev_cell(f"{base}/in_force")
                    assert isinstance(last, int)
                    repealed = min(repealed, last)
                    issued = n(10)
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
                        cells[f"{base}/{c.key}"] = n(hi * 10)

    # applications: per applicant column, results then carry-over, all sums consistent
    result_rows = s.result_rows
    totals: dict[str, dict[str, int]] = {}
    for col in _PARTS:
        results = {k: n(hi if col == "natural_person" else hi // 5 + 1) for k in result_rows}
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
        parts = {c.key: n(10) for c in APPEALS_COLUMNS if c.key != "total"}
        for k, v in parts.items():
            cells[f"appeals/{g.key}/{k}"] = v
        cells[f"appeals/{g.key}/total"] = sum(parts.values())

    agency = previous.agency if previous is not None and previous.agency else rng.choice(_AGENCIES)
    kind: AgencyKind = "government" if agency.endswith("人民政府") else "department"
    month, day = DEADLINES[kind]
    start = dt.date(year + 1, 1, 1)
    deadline = dt.date(year + 1, month, day)
    published = start + dt.timedelta(days=rng.randint(0, (deadline - start).days))
    sections = Sections(
        overview=_text(rng, rng.randint(1, 4)),
        proactive=_text(rng, rng.randint(0, 1)),
        applications=_text(rng, rng.randint(0, 1)),
        appeals="",
        problems=_text(rng, rng.randint(1, 3)),
        other="本年度未收取信息处理费。" if format == "2021" else "无。",
    )
    return Report.from_cells(
        format,
        cells,
        year=year,
        agency=agency,
        agency_kind=kind,
        published_on=published,
        sections=sections,
    )


def sample_report(format: FormatKey = "2021") -> Report:
    """A complete, valid sample report with realistic numbers (the same every time)."""
    return random_report(random.Random(f"gov-disclosure sample {format}"), format)


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
