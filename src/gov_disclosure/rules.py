"""The rule catalogue (FORMAT.md §6) and :func:`validate`.

Each rule is an object with a stable code, a severity, a title in English and Chinese, and (except
for the reader-only rules) a check that yields *every* finding it can make, each naming its cells.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from typing import Final, Literal, TypeAlias

import attrs

from .findings import CellRef, Finding, NotAssessable, Number, Severity, ValidationReport, merge_findings
from .model import Report
from .prose import check as _check_prose
from .similarity import check as _check_similarity
from .values import Amount, Cell, format_cell, is_missing, parse_cell
from .vocabulary import (
    APPEALS_COLUMNS,
    APPEALS_GROUPS,
    APPLICATIONS_COLUMNS,
    DEADLINES,
    CellKind,
    CellSpec,
    FormatKey,
    format_for_year,
    spec,
)

__all__ = ["RULES", "MissingPolicy", "Rule", "validate"]

MissingPolicy: TypeAlias = Literal["not-assessable", "zero"]
Scope: TypeAlias = Literal["reader", "cell", "table", "report", "cross-year"]


@attrs.define
class Context:
    """What every check sees: the report (its cells computed once), last year's, the policy."""

    report: Report
    previous: Report | None
    missing: MissingPolicy
    not_assessable: list[NotAssessable] = attrs.Factory(list)
    values: dict[str, Cell] = attrs.field(init=False)
    #: the cells a cell rule may have something to say about (missing, negative, an amount, or read
    #: from non-canonical text), with their raw text: the clean majority is skipped once, here
    unusual: tuple[tuple[CellSpec, Cell, str | None], ...] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        raw = self.report.raw
        values: dict[str, Cell] = {}
        unusual = []
        for c, v in self.report.cells():
            values[c.address] = v
            if v is None or c.address in raw or type(v) is not int or v < 0:
                unusual.append((c, v, raw.get(c.address)))
        self.values, self.unusual = values, tuple(unusual)


Check: TypeAlias = Callable[["Rule", Context], Iterator[Finding]]


@attrs.frozen
class Rule:
    """One rule of the catalogue."""

    code: str
    severity: Severity
    scope: Scope
    title: str
    title_zh: str
    check: Check | None = attrs.field(default=None, repr=False, eq=False)

    def finding(
        self,
        detail: str,
        detail_zh: str,
        *,
        location: str | None = None,
        cells: Sequence[CellRef] = (),
        expected: Number | None = None,
        found: Number | None = None,
        source: str | None = None,
        raw: str | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """A finding of this rule; the message is the title followed by the detail."""
        return Finding(
            code=self.code,
            severity=severity or self.severity,
            message=f"{self.title}: {detail}",
            message_zh=f"{self.title_zh}：{detail_zh}",
            location=location,
            cells=tuple(cells),
            expected=expected,
            found=found,
            source=source,
            raw=raw,
        )


# -- helpers -------------------------------------------------------------------------------------


def _ref(r: Report, address: str) -> CellRef:
    return CellRef(address, r.cell(address))


def _balance(
    rule: Rule,
    ctx: Context,
    location: str,
    reported: Sequence[str],
    parts: Sequence[str],
    what: str,
    what_zh: str,
) -> Iterator[Finding]:
    """Check sum(reported) == sum(parts); the computed side is ``expected``."""
    values = ctx.values
    found = expected = 0
    missing: list[str] = []
    for a in reported:
        v = values[a]
        if isinstance(v, int):
            found += v
        elif v is None:
            missing.append(a)
    for a in parts:
        v = values[a]
        if isinstance(v, int):
            expected += v
        elif v is None:
            missing.append(a)
    if missing and ctx.missing == "not-assessable":
        ctx.not_assessable.append(NotAssessable(rule.code, location, tuple(missing)))
        return
    if expected != found:
        yield rule.finding(
            f"{what}: reported {found}, computed {expected}",
            f"{what_zh}：填报{found}，计算应为{expected}",
            location=location,
            cells=[CellRef(a, values[a]) for a in (*reported, *parts)],
            expected=expected,
            found=found,
        )


def _prev_ref(address: str, value: Cell) -> CellRef:
    return CellRef(f"previous:{address}", value)


# -- cell rules ----------------------------------------------------------------------------------


def _check_missing(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for c, v, raw in ctx.unusual:
        if v is None and (raw is None or is_missing(raw)):
            yield rule.finding(
                f"{c.row_label} / {c.column_label} is blank" + (f" ({raw!r})" if raw else ""),
                f"{c.row_label}/{c.column_label}未填写" + (f"（“{raw}”）" if raw else ""),
                location=c.address,
                cells=[CellRef(c.address, None)],
                raw=raw,
            )


def _check_text(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for c, v, raw in ctx.unusual:
        if v is None and raw is not None and parse_cell(raw, c.kind).problem == "GD102":
            yield rule.finding(
                f"{c.row_label} / {c.column_label} holds {raw!r}, not a number",
                f"{c.row_label}/{c.column_label}填写的“{raw}”不是数字",
                location=c.address,
                cells=[CellRef(c.address, None)],
                raw=raw,
            )


def _check_range(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for c, v, raw in ctx.unusual:
        if v is None and raw is not None and parse_cell(raw, c.kind).problem == "GD103":
            yield rule.finding(
                f"{c.row_label} / {c.column_label} holds {raw!r}, not a whole number",
                f"{c.row_label}/{c.column_label}填写的“{raw}”不是整数",
                location=c.address,
                cells=[CellRef(c.address, None)],
                raw=raw,
            )
        negative = (isinstance(v, int) and v < 0 and c.kind is CellKind.COUNT) or (
            isinstance(v, Amount) and v.value < 0
        )
        if negative:
            yield rule.finding(
                f"{c.row_label} / {c.column_label} is negative ({format_cell(v)})",
                f"{c.row_label}/{c.column_label}为负数（{format_cell(v)}）",
                location=c.address,
                cells=[CellRef(c.address, v)],
                raw=raw,
            )


def _check_units(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for c, v, raw in ctx.unusual:
        if isinstance(v, Amount):
            if v.unit is None:
                yield rule.finding(
                    f"{c.row_label} / {c.column_label} {format_cell(v)} has no unit (元 or 万元?)",
                    f"{c.row_label}/{c.column_label}“{format_cell(v)}”未注明单位（元还是万元？）",
                    location=c.address,
                    cells=[CellRef(c.address, v)],
                    raw=raw,
                )
            elif c.unit is not None and v.unit != c.unit:
                yield rule.finding(
                    f"{c.row_label} / {c.column_label} is given in {v.unit}, the format asks {c.unit}",
                    f"{c.row_label}/{c.column_label}的单位与表头规定的单位不一致",
                    location=c.address,
                    cells=[CellRef(c.address, v)],
                    raw=raw,
                )
        elif v is not None and raw is not None and parse_cell(raw, c.kind).problem == "GD104":
            yield rule.finding(
                f"{c.row_label} / {c.column_label} carried a unit ({raw!r}); read as {v}",
                f"{c.row_label}/{c.column_label}数字带有单位（“{raw}”），按{v}读取",
                location=c.address,
                cells=[CellRef(c.address, v)],
                raw=raw,
            )


# -- table rules ---------------------------------------------------------------------------------

_PARTS: Final = tuple(c.key for c in APPLICATIONS_COLUMNS if c.key != "total")


@attrs.frozen
class _Sum:
    """One sum a rule checks: sum(reported) == sum(parts), located and described."""

    location: str
    reported: tuple[str, ...]
    parts: tuple[str, ...]
    what: str
    what_zh: str


def _sum_check(sums: Callable[[FormatKey], tuple[_Sum, ...]]) -> Check:
    """A check over the sums of a format (computed once per format, not per report)."""

    def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
        for s in sums(ctx.report.format):
            yield from _balance(rule, ctx, s.location, s.reported, s.parts, s.what, s.what_zh)

    return check


@cache
def _row_totals(format: FormatKey) -> tuple[_Sum, ...]:
    return tuple(
        _Sum(
            f"applications/{row.key}/total",
            (f"applications/{row.key}/total",),
            tuple(f"applications/{row.key}/{k}" for k in _PARTS),
            f"row {row.key}",
            f"“{row.label}”行",
        )
        for row in spec(format).applications_rows
    )


@cache
def _result_totals(format: FormatKey) -> tuple[_Sum, ...]:
    return tuple(
        _Sum(
            f"applications/total/{col.key}",
            (f"applications/total/{col.key}",),
            tuple(f"applications/{k}/{col.key}" for k in spec(format).result_rows),
            f"column {col.key}",
            f"“{col.label}”列",
        )
        for col in APPLICATIONS_COLUMNS
    )


@cache
def _carry_balances(format: FormatKey) -> tuple[_Sum, ...]:
    return tuple(
        _Sum(
            f"applications/balance/{col.key}",
            (f"applications/total/{col.key}", f"applications/carried_forward/{col.key}"),
            (f"applications/new/{col.key}", f"applications/carried_over/{col.key}"),
            f"column {col.key}: (total + carried_forward) vs (new + carried_over)",
            f"“{col.label}”列：第三项加第四项之和应等于第一项加第二项之和",
        )
        for col in APPLICATIONS_COLUMNS
    )


@cache
def _appeals_totals(format: FormatKey) -> tuple[_Sum, ...]:
    return tuple(
        _Sum(
            f"appeals/{g.key}/total",
            (f"appeals/{g.key}/total",),
            tuple(f"appeals/{g.key}/{c.key}" for c in APPEALS_COLUMNS if c.key != "total"),
            f"{g.key} 总计",
            f"{g.label}总计",
        )
        for g in APPEALS_GROUPS
    )


def _check_published_le_total(rule: Rule, ctx: Context) -> Iterator[Finding]:
    r = ctx.report
    if r.format != "2019":
        return
    for row in r.spec.block("art20_1").rows:
        base = f"proactive/art20_1.{row.key}"
        pub_a, tot_a = f"{base}/published", f"{base}/total"
        pub, tot = r.cell(pub_a), r.cell(tot_a)
        missing = tuple(a for a, v in ((pub_a, pub), (tot_a, tot)) if v is None)
        if missing and ctx.missing == "not-assessable":
            ctx.not_assessable.append(NotAssessable(rule.code, pub_a, missing))
            continue
        pub_n = pub if isinstance(pub, int) else 0
        tot_n = tot if isinstance(tot, int) else 0
        if pub_n > tot_n:
            yield rule.finding(
                f"{row.label}: 本年新公开数量 {pub_n} exceeds 对外公开总数量 {tot_n}",
                f"{row.label}：本年新公开数量{pub_n}大于对外公开总数量{tot_n}",
                location=pub_a,
                cells=[CellRef(pub_a, pub), CellRef(tot_a, tot)],
                expected=tot_n,
                found=pub_n,
            )


_ITEM_BLOCKS: Final = ("art20_5", "art20_6", "art20_8")


def _check_items_not_negative(rule: Rule, ctx: Context) -> Iterator[Finding]:
    r = ctx.report
    if r.format != "2019":
        return
    for b in _ITEM_BLOCKS:
        for row in r.spec.block(b).rows:
            base = f"proactive/{b}.{row.key}"
            prev, change = r.cell(f"{base}/previous_items"), r.cell(f"{base}/change")
            if not isinstance(prev, int) or not isinstance(change, int):
                continue  # a missing cell: GD101 says so; a sign needs both numbers
            if prev + change < 0:
                yield rule.finding(
                    f"{row.label}: 上一年项目数量 {prev} + 本年增/减 {change} = {prev + change} < 0",
                    f"{row.label}：上一年项目数量{prev}加本年增/减{change}为负数",
                    location=f"{base}/change",
                    cells=[_ref(r, f"{base}/previous_items"), _ref(r, f"{base}/change")],
                    found=prev + change,
                )


# -- report rules --------------------------------------------------------------------------------


def _check_format_year(rule: Rule, ctx: Context) -> Iterator[Finding]:
    r = ctx.report
    if r.year is None:
        return
    want = format_for_year(r.year)
    if r.format != want:
        yield rule.finding(
            f"a {r.year} report must use the {want} format, not {r.format}",
            f"{r.year}年度报告应使用{want}年版格式，而不是{r.format}年版",
            location="format",
        )


def _check_published_after_year(rule: Rule, ctx: Context) -> Iterator[Finding]:
    r = ctx.report
    if r.year is None or r.published_on is None:
        return
    start = dt.date(r.year + 1, 1, 1)
    if r.published_on < start:
        yield rule.finding(
            f"dated {r.published_on.isoformat()}, before the {r.year} reporting period ended",
            f"落款日期{r.published_on.isoformat()}早于{r.year}年度统计期结束",
            location="published_on",
        )


def _check_deadline(rule: Rule, ctx: Context) -> Iterator[Finding]:
    r = ctx.report
    if r.year is None or r.published_on is None:
        return
    if r.agency_kind is None:
        ctx.not_assessable.append(NotAssessable(rule.code, "published_on", ("agency_kind",)))
        return
    month, day = DEADLINES[r.agency_kind]
    deadline = dt.date(r.year + 1, month, day)
    if r.published_on > deadline:
        yield rule.finding(
            f"dated {r.published_on.isoformat()}, after the {r.agency_kind} deadline {deadline.isoformat()}",
            f"落款日期{r.published_on.isoformat()}晚于法定期限{deadline.isoformat()}",
            location="published_on",
        )


def _check_identity(rule: Rule, ctx: Context) -> Iterator[Finding]:
    r = ctx.report
    if r.year is None:
        yield rule.finding("the reporting year is unknown", "报告年度不明", location="year")
    if not (r.agency or "").strip():
        yield rule.finding("the issuing agency is unknown", "报告机关不明", location="agency")


REQUIRED_SECTIONS: Final[dict[str, str]] = {
    "overview": "一、总体情况",
    "problems": "五、存在的主要问题及改进情况",
}


def _check_sections(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for key, heading in REQUIRED_SECTIONS.items():
        if not getattr(ctx.report.sections, key).strip():
            yield rule.finding(
                f"section {heading} ({key}) is missing or empty",
                f"缺少“{heading}”部分或该部分无内容",
                location=f"sections/{key}",
            )


# -- cross-year rules ----------------------------------------------------------------------------


def _check_carry_over(rule: Rule, ctx: Context) -> Iterator[Finding]:
    r, p = ctx.report, ctx.previous
    assert p is not None
    for col in APPLICATIONS_COLUMNS:
        this_a = f"applications/carried_over/{col.key}"
        last_a = f"applications/carried_forward/{col.key}"
        this, last = r.cell(this_a), p.cell(last_a)
        if (this is None or last is None) and ctx.missing == "not-assessable":
            missing = (this_a,) * (this is None) + (f"previous:{last_a}",) * (last is None)
            ctx.not_assessable.append(NotAssessable(rule.code, this_a, missing))
            continue
        this_n, last_n = this if isinstance(this, int) else 0, last if isinstance(last, int) else 0
        if this_n != last_n:
            yield rule.finding(
                f"column {col.key}: carried over {this_n}, but last year's report carried forward {last_n}",
                f"“{col.label}”列：上年结转{this_n}，与上一年度报告的结转下年度{last_n}不一致",
                location=this_a,
                cells=[CellRef(this_a, this), _prev_ref(last_a, last)],
                expected=last_n,
                found=this_n,
            )


def _running(
    rule: Rule,
    ctx: Context,
    address: str,
    previous_terms: Sequence[tuple[str, int]],
    this_terms: Sequence[tuple[str, int]],
    what: str,
    what_zh: str,
) -> Iterator[Finding]:
    """this[address] == Σ sign·previous[a] + Σ sign·this[a]."""
    r, p = ctx.report, ctx.previous
    assert p is not None
    refs = [CellRef(address, r.cell(address))]
    refs += [_prev_ref(a, p.cell(a)) for a, _ in previous_terms]
    refs += [CellRef(a, r.cell(a)) for a, _ in this_terms]
    missing = tuple(ref.address for ref in refs if ref.value is None)
    if missing and ctx.missing == "not-assessable":
        ctx.not_assessable.append(NotAssessable(rule.code, address, missing))
        return

    def n(v: Cell) -> int:
        return v if isinstance(v, int) else 0

    expected = sum(sign * n(p.cell(a)) for a, sign in previous_terms) + sum(
        sign * n(r.cell(a)) for a, sign in this_terms
    )
    found = n(r.cell(address))
    if expected != found:
        yield rule.finding(
            f"{what}: reported {found}, last year's figures give {expected}",
            f"{what_zh}：填报{found}，按上一年度报告推算应为{expected}",
            location=address,
            cells=refs,
            expected=expected,
            found=found,
        )


def _check_in_force(rule: Rule, ctx: Context) -> Iterator[Finding]:
    r, p = ctx.report, ctx.previous
    assert p is not None
    if r.format != "2021" or p.format != "2021":
        return
    for row in r.spec.block("art20_1").rows:
        base = f"proactive/art20_1.{row.key}"
        yield from _running(
            rule,
            ctx,
            f"{base}/in_force",
            [(f"{base}/in_force", 1)],
            [(f"{base}/issued", 1), (f"{base}/repealed", -1)],
            f"{row.label} 现行有效件数",
            f"{row.label}现行有效件数",
        )


def _check_items(rule: Rule, ctx: Context) -> Iterator[Finding]:
    r, p = ctx.report, ctx.previous
    assert p is not None
    if r.format != "2019" or p.format != "2019":
        return
    for b in _ITEM_BLOCKS:
        for row in r.spec.block(b).rows:
            base = f"proactive/{b}.{row.key}"
            yield from _running(
                rule,
                ctx,
                f"{base}/previous_items",
                [(f"{base}/previous_items", 1), (f"{base}/change", 1)],
                [],
                f"{row.label} 上一年项目数量",
                f"{row.label}上一年项目数量",
            )


# -- the catalogue -------------------------------------------------------------------------------

E, W = Severity.ERROR, Severity.WARNING

RULES: Final[dict[str, Rule]] = {
    r.code: r
    for r in (
        Rule("GD101", W, "cell", "missing cell", "单元格未填写", _check_missing),
        Rule("GD102", E, "cell", "not a number", "单元格内容不是数字", _check_text),
        Rule("GD103", E, "cell", "negative or not a whole number", "数值为负数或不是整数", _check_range),
        Rule("GD104", W, "cell", "unit problem", "单位问题", _check_units),
        Rule("GD105", E, "reader", "row does not fit the columns", "行的数值个数与表格列数不符"),
        Rule("GD106", W, "reader", "text that could not be placed", "无法归位的内容"),
        Rule(
            "GD201",
            E,
            "table",
            "总计 ≠ sum of the applicants",
            "总计不等于各申请人之和",
            _sum_check(_row_totals),
        ),
        Rule(
            "GD202",
            E,
            "table",
            "（七）总计 ≠ sum of the results",
            "（七）总计不等于各办理结果之和",
            _sum_check(_result_totals),
        ),
        Rule("GD203", E, "table", "勾稽关系 broken", "勾稽关系不成立", _sum_check(_carry_balances)),
        Rule(
            "GD301",
            E,
            "table",
            "appeals group total",
            "行政复议、行政诉讼总计不符",
            _sum_check(_appeals_totals),
        ),
        Rule(
            "GD401",
            W,
            "table",
            "published exceeds total",
            "本年新公开数量大于对外公开总数量",
            _check_published_le_total,
        ),
        Rule("GD402", E, "table", "negative item count", "项目数量为负", _check_items_not_negative),
        Rule("GD501", E, "report", "format does not fit the year", "格式版本与年度不符", _check_format_year),
        Rule(
            "GD502",
            E,
            "report",
            "dated before the year ended",
            "落款日期早于统计期结束",
            _check_published_after_year,
        ),
        Rule("GD503", W, "report", "published after the legal deadline", "晚于法定期限发布", _check_deadline),
        Rule("GD504", E, "report", "year or agency unknown", "年度或机关不明", _check_identity),
        Rule("GD601", E, "report", "required section missing", "缺少必备部分", _check_sections),
        Rule("GD602", W, "report", "prose contradicts the table", "正文数字与表格不符", _check_prose),
        Rule(
            "GD701",
            E,
            "cross-year",
            "carried over ≠ last year's carried forward",
            "上年结转与上一年度结转下年度不一致",
            _check_carry_over,
        ),
        Rule(
            "GD702",
            W,
            "cross-year",
            "现行有效件数 does not follow from last year",
            "现行有效件数与上一年度不衔接",
            _check_in_force,
        ),
        Rule(
            "GD703",
            W,
            "cross-year",
            "上一年项目数量 does not follow from last year",
            "上一年项目数量与上一年度不衔接",
            _check_items,
        ),
        Rule(
            "GD704",
            W,
            "cross-year",
            "text repeats last year's report",
            "文字部分与上一年度报告大量重复",
            _check_similarity,
        ),
    )
}


def validate(
    report: Report,
    previous: Report | None = None,
    *,
    missing: MissingPolicy = "not-assessable",
    findings: Iterable[Finding] = (),
    extra_rules: Iterable[Rule] = (),
) -> ValidationReport:
    """Check a report against every rule of the catalogue and return all findings.

    - ``previous``: last year's report of the same agency; enables the cross-year rules (GD7xx).
    - ``missing``: ``"not-assessable"`` (default) skips a sum that involves a missing cell and lists
      it in ``not_assessable``; ``"zero"`` counts missing cells as 0.
    - ``findings``: findings a reader already made (with file positions); a validator finding on the
      same code and location is then left out, so nothing is said twice.
    - ``extra_rules``: rules from other modules (e.g. the prose checks of GD602).
    """
    if missing not in ("not-assessable", "zero"):
        raise ValueError(f"missing must be 'not-assessable' or 'zero', not {missing!r}")
    ctx = Context(report, previous, missing)
    out: list[Finding] = []
    cross_year_ok = previous is not None and (
        report.year is None or previous.year is None or previous.year == report.year - 1
    )
    if previous is not None and not cross_year_ok:
        ctx.not_assessable.append(NotAssessable("GD701", "year", ("previous.year",)))
    for rule in (*RULES.values(), *extra_rules):
        if rule.check is None:
            continue
        if rule.scope == "cross-year" and not cross_year_ok:
            continue
        out.extend(rule.check(rule, ctx))
    return ValidationReport(merge_findings(tuple(findings), out), tuple(ctx.not_assessable))
