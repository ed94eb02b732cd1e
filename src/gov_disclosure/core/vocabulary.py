"""The format's vocabulary: every table, block, row and column of both format versions.

This module is the single place where the official Chinese labels, the stable ASCII keys and the
order of the report format are spelled (FORMAT.md §1–§4). Readers, writers, rules and docs all take
labels and order from here.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from functools import cache
from typing import Final, Literal, TypeAlias

import attrs

__all__ = [
    "APPEALS_COLUMNS",
    "APPEALS_GROUPS",
    "APPLICATIONS_COLUMNS",
    "APPLICATIONS_HEADER",
    "FORMATS",
    "SECTIONS",
    "AppealsGroupSpec",
    "Block",
    "CellKind",
    "CellSpec",
    "Column",
    "FormatKey",
    "FormatSpec",
    "LayoutRow",
    "Row",
    "Section",
    "Unit",
    "format_for_year",
    "location_label",
    "spec",
]

FormatKey: TypeAlias = Literal["2019", "2021"]
#: the unit of an amount: 元 or 万元
Unit: TypeAlias = Literal["yuan", "wan_yuan"]
FORMATS: Final[tuple[FormatKey, ...]] = ("2019", "2021")

TABLES: Final[tuple[str, ...]] = ("proactive", "applications", "appeals")
TABLE_TITLES: Final[dict[str, str]] = {
    "proactive": "主动公开政府信息情况",
    "applications": "收到和处理政府信息公开申请情况",
    "appeals": "政府信息公开行政复议、行政诉讼情况",
}


class CellKind(enum.Enum):
    """What a cell may hold."""

    COUNT = "count"  #: a non-negative integer, or missing
    SIGNED = "signed"  #: a signed integer (2019 ``change``), or missing
    AMOUNT = "amount"  #: a Decimal with a unit, or missing


@attrs.frozen
class Column:
    key: str
    label: str
    kind: CellKind = CellKind.COUNT
    #: for amounts: the unit the header prints ("wan_yuan" in 2021), None where the format gives none
    unit: Unit | None = None


@attrs.frozen
class Row:
    key: str
    label: str


@attrs.frozen
class Block:
    """A block of the ``proactive`` table: a title row 第二十条第（X）项, a header row, data rows."""

    key: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]


@attrs.frozen
class LayoutRow:
    """One printed row of the applications table.

    ``key`` is None for a group label row that carries no data. ``parents`` are the labels of the
    groups the row belongs to (printed merged in the left columns), outermost first.
    """

    key: str | None
    label: str
    parents: tuple[str, ...] = ()


@attrs.frozen
class Section:
    key: str
    heading: str


@attrs.frozen
class AppealsGroupSpec:
    key: str
    label: str
    #: the label above the group in the header (行政诉讼 for the two suit groups), if any
    parent: str | None


@attrs.frozen
class CellSpec:
    """One cell of the official tables: its address, kind and the labels that name it."""

    address: str
    table: str
    row: str  #: for proactive: ``<block>.<row>``
    column: str
    kind: CellKind
    row_label: str
    column_label: str
    unit: Unit | None = None  #: the unit implied by the header, for amounts


SECTIONS: Final[tuple[Section, ...]] = (
    Section("overview", "一、总体情况"),
    Section("proactive", "二、主动公开政府信息情况"),
    Section("applications", "三、收到和处理政府信息公开申请情况"),
    Section("appeals", "四、政府信息公开行政复议、行政诉讼情况"),
    Section("problems", "五、存在的主要问题及改进情况"),
    Section("other", "六、其他需要报告的事项"),
)

PROACTIVE_ROW_HEADER: Final = "信息内容"

# -- applications (FORMAT.md §3) -------------------------------------------------------------

APPLICATIONS_NOTE: Final = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APPLICATIONS_HEADER: Final[dict[str, str]] = {
    "note": APPLICATIONS_NOTE,
    "applicants": "申请人情况",
    "organisations": "法人或其他组织",
}
APPLICATIONS_COLUMNS: Final[tuple[Column, ...]] = (
    Column("natural_person", "自然人"),
    Column("business", "商业企业"),
    Column("research", "科研机构"),
    Column("nonprofit", "社会公益组织"),
    Column("legal_service", "法律服务机构"),
    Column("other_org", "其他"),
    Column("total", "总计"),
)
#: the columns printed under 法人或其他组织
APPLICATIONS_ORG_COLUMNS: Final[tuple[str, ...]] = (
    "business",
    "research",
    "nonprofit",
    "legal_service",
    "other_org",
)

_RESULTS: Final = "三、本年度办理结果"
_DENIED: Final = "（三）不予公开"
_UNAVAILABLE: Final = "（四）无法提供"
_NOT_PROCESSED: Final = "（五）不予处理"
_OTHER: Final = "（六）其他处理"


def _applications_layout(format: FormatKey) -> tuple[LayoutRow, ...]:
    rows: list[LayoutRow] = [
        LayoutRow("new", "一、本年新收政府信息公开申请数量"),
        LayoutRow("carried_over", "二、上年结转政府信息公开申请数量"),
        LayoutRow(None, _RESULTS),
        LayoutRow("granted", "（一）予以公开", (_RESULTS,)),
        LayoutRow("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", (_RESULTS,)),
        LayoutRow(None, _DENIED, (_RESULTS,)),
    ]
    denied = (
        ("state_secret", "1.属于国家秘密"),
        ("prohibited_by_law", "2.其他法律行政法规禁止公开"),
        ("three_securities", "3.危及“三安全一稳定”"),
        ("third_party", "4.保护第三方合法权益"),
        ("internal_affairs", "5.属于三类内部事务信息"),
        ("process_info", "6.属于四类过程性信息"),
        ("enforcement_case", "7.属于行政执法案卷"),
        ("query", "8.属于行政查询事项"),
    )
    rows += [LayoutRow(f"denied.{k}", label, (_RESULTS, _DENIED)) for k, label in denied]
    rows.append(LayoutRow(None, _UNAVAILABLE, (_RESULTS,)))
    unavailable = (
        ("not_held", "1.本机关不掌握相关政府信息"),
        ("needs_creation", "2.没有现成信息需要另行制作"),
        ("unclear", "3.补正后申请内容仍不明确"),
    )
    rows += [LayoutRow(f"unavailable.{k}", label, (_RESULTS, _UNAVAILABLE)) for k, label in unavailable]
    rows.append(LayoutRow(None, _NOT_PROCESSED, (_RESULTS,)))
    not_processed = (
        ("complaint", "1.信访举报投诉类申请"),
        ("duplicate", "2.重复申请"),
        ("publication", "3.要求提供公开出版物"),
        ("excessive", "4.无正当理由大量反复申请"),
        ("confirmation", "5.要求行政机关确认或重新出具已获取信息"),
    )
    rows += [LayoutRow(f"not_processed.{k}", label, (_RESULTS, _NOT_PROCESSED)) for k, label in not_processed]
    if format == "2019":
        rows.append(LayoutRow("other", _OTHER, (_RESULTS,)))
    else:
        rows.append(LayoutRow(None, _OTHER, (_RESULTS,)))
        other = (
            (
                "no_correction",
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            ),
            (
                "unpaid_fee",
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            ),
            ("other", "3.其他"),
        )
        rows += [LayoutRow(f"other.{k}", label, (_RESULTS, _OTHER)) for k, label in other]
    rows.append(LayoutRow("total", "（七）总计", (_RESULTS,)))
    rows.append(LayoutRow("carried_forward", "四、结转下年度继续办理"))
    return tuple(rows)


# -- appeals (FORMAT.md §4) --------------------------------------------------------------------

APPEALS_SUIT_LABEL: Final = "行政诉讼"
APPEALS_GROUPS: Final[tuple[AppealsGroupSpec, ...]] = (
    AppealsGroupSpec("review", "行政复议", None),
    AppealsGroupSpec("suit_direct", "未经复议直接起诉", APPEALS_SUIT_LABEL),
    AppealsGroupSpec("suit_after_review", "复议后起诉", APPEALS_SUIT_LABEL),
)
APPEALS_COLUMNS: Final[tuple[Column, ...]] = (
    Column("upheld", "结果维持"),
    Column("corrected", "结果纠正"),
    Column("other", "其他结果"),
    Column("pending", "尚未审结"),
    Column("total", "总计"),
)

# -- proactive (FORMAT.md §2) ------------------------------------------------------------------

_T1, _T5, _T6, _T8, _T9 = (
    "第二十条第（一）项",
    "第二十条第（五）项",
    "第二十条第（六）项",
    "第二十条第（八）项",
    "第二十条第（九）项",
)


def _proactive(format: FormatKey) -> tuple[Block, ...]:
    if format == "2019":
        items = (
            Column("previous_items", "上一年项目数量"),
            Column("change", "本年增/减", CellKind.SIGNED),
            Column("decisions", "处理决定数量"),
        )
        return (
            Block(
                "art20_1",
                _T1,
                (
                    Column("made", "本年新制作数量"),
                    Column("published", "本年新公开数量"),
                    Column("total", "对外公开总数量"),
                ),
                (Row("rules", "规章"), Row("normative_docs", "规范性文件")),
            ),
            Block(
                "art20_5",
                _T5,
                items,
                (Row("licensing", "行政许可"), Row("other_services", "其他对外管理服务事项")),
            ),
            Block("art20_6", _T6, items, (Row("penalty", "行政处罚"), Row("enforcement", "行政强制"))),
            Block("art20_8", _T8, items[:2], (Row("fees", "行政事业性收费"),)),
            Block(
                "art20_9",
                _T9,
                (
                    Column("projects", "采购项目数量"),
                    Column("amount", "采购总金额", CellKind.AMOUNT),
                ),
                (Row("procurement", "政府集中采购"),),
            ),
        )
    decisions = (Column("decisions", "本年处理决定数量"),)
    return (
        Block(
            "art20_1",
            _T1,
            (
                Column("issued", "本年制发件数"),
                Column("repealed", "本年废止件数"),
                Column("in_force", "现行有效件数"),
            ),
            (Row("rules", "规章"), Row("normative_docs", "行政规范性文件")),
        ),
        Block("art20_5", _T5, decisions, (Row("licensing", "行政许可"),)),
        Block("art20_6", _T6, decisions, (Row("penalty", "行政处罚"), Row("enforcement", "行政强制"))),
        Block(
            "art20_8",
            _T8,
            (Column("amount", "本年收费金额（单位：万元）", CellKind.AMOUNT, "wan_yuan"),),
            (Row("fees", "行政事业性收费"),),
        ),
    )


@attrs.frozen
class FormatSpec:
    """Everything about one format version, in the official order."""

    key: FormatKey
    name: str  #: the official document's title
    document: str  #: the issuing document number
    proactive: tuple[Block, ...]
    applications_layout: tuple[LayoutRow, ...]

    @property
    def applications_rows(self) -> tuple[LayoutRow, ...]:
        """The data rows of the applications table (group label rows left out)."""
        return tuple(r for r in self.applications_layout if r.key is not None)

    @property
    def result_rows(self) -> tuple[str, ...]:
        """Keys of the result rows: every data row from ``granted`` to the last ``other*`` row."""
        keys = [r.key for r in self.applications_rows if r.key is not None]
        return tuple(keys[keys.index("granted") : keys.index("total")])

    def block(self, key: str) -> Block:
        for b in self.proactive:
            if b.key == key:
                return b
        raise KeyError(key)

    @property
    def cells(self) -> tuple[CellSpec, ...]:
        """Every cell of the three tables, in the order of the spec."""
        return _cells(self.key)

    def cell(self, address: str) -> CellSpec:
        """The spec of one cell; raises KeyError for an address this format does not have."""
        return _cell_index(self.key)[address]

    def has_cell(self, address: str) -> bool:
        return address in _cell_index(self.key)


@cache
def _cells(format: FormatKey) -> tuple[CellSpec, ...]:
    s = spec(format)
    out: list[CellSpec] = []
    for b in s.proactive:
        for r in b.rows:
            for c in b.columns:
                out.append(
                    CellSpec(
                        f"proactive/{b.key}.{r.key}/{c.key}",
                        "proactive",
                        f"{b.key}.{r.key}",
                        c.key,
                        c.kind,
                        r.label,
                        c.label,
                        c.unit,
                    )
                )
    for lr in s.applications_rows:
        assert lr.key is not None
        for c in APPLICATIONS_COLUMNS:
            out.append(
                CellSpec(
                    f"applications/{lr.key}/{c.key}",
                    "applications",
                    lr.key,
                    c.key,
                    c.kind,
                    lr.label,
                    c.label,
                )
            )
    for g in APPEALS_GROUPS:
        for c in APPEALS_COLUMNS:
            out.append(
                CellSpec(f"appeals/{g.key}/{c.key}", "appeals", g.key, c.key, c.kind, g.label, c.label)
            )
    return tuple(out)


@cache
def _cell_index(format: FormatKey) -> dict[str, CellSpec]:
    return {c.address: c for c in _cells(format)}


_SPECS: Final[dict[FormatKey, FormatSpec]] = {
    "2019": FormatSpec(
        "2019",
        "中华人民共和国政府信息公开工作年度报告格式（试行）",
        "国办公开办函〔2019〕60号",
        _proactive("2019"),
        _applications_layout("2019"),
    ),
    "2021": FormatSpec(
        "2021",
        "中华人民共和国政府信息公开工作年度报告格式",
        "国办公开办函〔2021〕30号",
        _proactive("2021"),
        _applications_layout("2021"),
    ),
}


def spec(format: FormatKey) -> FormatSpec:
    """The spec of a format version (``"2019"`` or ``"2021"``)."""
    try:
        return _SPECS[format]
    except KeyError:
        raise ValueError(f"unknown format {format!r}; expected one of {FORMATS}") from None


def format_for_year(year: int) -> FormatKey:
    """The format version that applies to a reporting year."""
    return "2019" if year <= 2020 else "2021"


def iter_cells(format: FormatKey) -> Iterator[CellSpec]:
    return iter(_cells(format))


def report_title(agency: str, year: int) -> str:
    """The official title of a report."""
    return f"{agency}{year}年政府信息公开工作年度报告"


#: deadlines of Art. 49, by agency kind: (month, day) of the year after the reporting year
DEADLINES: Final[dict[str, tuple[int, int]]] = {"department": (1, 31), "government": (3, 31)}
AGENCY_KINDS: Final[dict[str, str]] = {"department": "部门", "government": "人民政府本级"}
UNIT_LABELS: Final[dict[str, str]] = {"yuan": "元", "wan_yuan": "万元"}


# -- where a finding is, in words (FORMAT.md §7 addresses → the labels a person reads) ----------------

#: tables numbered by the section they stand in (二、主动公开… holds 表二, and so on)
TABLE_NUMBERS: Final[dict[str, tuple[str, str]]] = {
    "proactive": ("表二", "Table 2"),
    "applications": ("表三", "Table 3"),
    "appeals": ("表四", "Table 4"),
}
_FIELDS: Final[dict[str, tuple[str, str]]] = {
    "agency": ("报告机关", "issuing agency"),
    "year": ("报告年度", "reporting year"),
    "format": ("格式版本", "format version"),
    "published_on": ("落款日期", "date of signature"),
    "agency_kind": ("机关类型", "kind of agency"),
    "title": ("标题", "title"),
}
_SEP: Final = " · "


def location_label(address: str | None, format: FormatKey | None = None, lang: str = "zh") -> str:
    """A finding's location as a person reads it, with the official Chinese labels:
    ``applications/denied.state_secret/natural_person`` → ``表三 · （三）不予公开 · 1.属于国家秘密 · 自然人``
    (``Table 3 · …`` in English: the labels stay the official wording). ``previous:`` addresses are
    prefixed with 上一年度报告; a row (``applications/other``) is named without a column. An address
    this vocabulary does not know is returned as it is.
    ``format`` picks the labels where the versions differ (default: 2021, then 2019)."""
    if not address:
        return ""
    zh = lang == "zh"
    if address.startswith("previous:"):
        inner = location_label(address[len("previous:") :], format, lang)
        return ("上一年度报告" if zh else "last year's report") + _SEP + inner
    if address in _FIELDS:
        return _FIELDS[address][0 if zh else 1]
    parts = address.split("/")
    if parts[0] == "sections" and len(parts) == 2:
        for sec in SECTIONS:
            if sec.key == parts[1]:
                return sec.heading
        return address
    if parts[0] in TABLE_NUMBERS and len(parts) == 1:
        return TABLE_NUMBERS[parts[0]][0 if zh else 1]
    if parts[0] not in TABLE_NUMBERS or len(parts) not in (2, 3):
        return address
    table = TABLE_NUMBERS[parts[0]][0 if zh else 1]
    for f in (format,) if format is not None else ("2021", "2019"):
        if len(parts) == 3:
            labels = _cell_labels(f, parts[0], parts[1], parts[2], zh)
        else:  # a whole row: the labels of its first cell without the column
            column = _first_column(f, parts[0], parts[1])
            labels = _cell_labels(f, parts[0], parts[1], column, zh) if column else None
            labels = labels[:-1] if labels else None
        if labels is not None:
            return _SEP.join((table, *labels))
    return address


def _first_column(format: FormatKey, table: str, row: str) -> str | None:
    if table == "applications":
        return APPLICATIONS_COLUMNS[0].key
    if table == "appeals":
        return APPEALS_COLUMNS[0].key
    try:
        block = spec(format).block(row.partition(".")[0])
    except KeyError:
        return None
    return block.columns[0].key if block.columns else None


def _cell_labels(format: FormatKey, table: str, row: str, column: str, zh: bool) -> tuple[str, ...] | None:
    s = spec(format)
    if table == "proactive":
        block_key, _, row_key = row.partition(".")
        try:
            block = s.block(block_key)
        except KeyError:
            return None
        r = next((x for x in block.rows if x.key == row_key), None)
        c = next((x for x in block.columns if x.key == column), None)
        return None if r is None or c is None else (block.title, r.label, c.label)
    if table == "applications":
        col = next((c.label for c in APPLICATIONS_COLUMNS if c.key == column), None)
        if col is None:
            return None
        if row == "balance":
            return ("勾稽关系" if zh else "balance (一 + 二 = 三 + 四)", col)
        lr = next((x for x in s.applications_layout if x.key == row), None)
        if lr is None:
            return None
        return (*(p for p in lr.parents if p != _RESULTS), lr.label, col)
    group = next((g for g in APPEALS_GROUPS if g.key == row), None)
    col = next((c.label for c in APPEALS_COLUMNS if c.key == column), None)
    if group is None or col is None:
        return None
    return (*((group.parent,) if group.parent else ()), group.label, col)
