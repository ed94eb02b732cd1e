"""The code table: every finding code with its severity, scope and title in English and Chinese.

Readers (which find GD102/GD105/GD106 while reading) and rules (which check a report) both make their
findings from this table, so the reading layer never needs the rule catalogue, and a code is described
in one place. :data:`CODES` is ordered by code.

Layer: core. Imports only the standard library, attrs and :mod:`.findings`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, Literal, TypeAlias

import attrs

from .findings import CellRef, Finding, Number, Severity

__all__ = ["CODES", "Code", "Scope"]

#: where a code is found: by readers only, on a cell, a table, the report, a pair of years, among the
#: files of a batch run, or in a review (a person's hand correction of a cell)
Scope: TypeAlias = Literal["reader", "cell", "table", "report", "cross-year", "batch", "review"]


@attrs.frozen
class Code:
    """One finding code: its severity, where it applies and its title in both languages."""

    code: str
    severity: Severity
    scope: Scope
    title: str
    title_zh: str

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
        """A finding of this code; the message is the title followed by the detail."""
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


E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

#: Code numbers are allocated here, one owner each (several branches are adding codes at once):
#:   GD107 how the file was read (PDF paths) · GD110 table out of order (text came out column by column)
#:   · GD111 values run together, not split · GD112 number typed as text · GD111 total computed over
#:   blank or text cells · GD112 text encoding problem · GD113–GD119 free for readers (ask the lead)
#:   GD505 another version of the report · GD603–GD616 outline/text/prose checks · GD705 anomalies ·
#:   GD801–GD803 text lint · GD901–GD902 hand corrections (review)
CODES: Final[dict[str, Code]] = {
    c.code: c
    for c in (
        Code("GD101", W, "cell", "missing cell", "单元格未填写"),
        Code("GD102", E, "cell", "not a number", "单元格内容不是数字"),
        Code("GD103", E, "cell", "negative or not a whole number", "数值为负数或不是整数"),
        Code("GD104", W, "cell", "unit problem", "单位问题"),
        Code("GD105", E, "reader", "row does not fit the columns", "行的数值个数与表格列数不符"),
        Code("GD106", W, "reader", "text that could not be placed", "无法归位的内容"),
        Code("GD107", Severity.INFO, "reader", "how the file was read", "读取方式"),
        Code("GD108", W, "reader", "table out of order", "表格内容次序错乱"),
        Code("GD109", W, "reader", "values run together, not split", "数值连在一起，未拆分"),
        Code("GD110", W, "reader", "number typed as text", "以文本形式填写的数字"),
        Code("GD111", W, "reader", "total computed over blank or text cells", "合计由公式根据空白或文本单元格计算"),
        Code("GD112", W, "reader", "text encoding problem", "文字编码问题"),
        Code("GD201", E, "table", "总计 ≠ sum of the applicants", "总计不等于各申请人之和"),
        Code("GD202", E, "table", "（七）总计 ≠ sum of the results", "（七）总计不等于各办理结果之和"),
        Code("GD203", E, "table", "勾稽关系 broken", "勾稽关系不成立"),
        Code("GD301", E, "table", "appeals group total", "行政复议、行政诉讼总计不符"),
        Code("GD401", W, "table", "published exceeds total", "本年新公开数量大于对外公开总数量"),
        Code("GD402", E, "table", "negative item count", "项目数量为负"),
        Code("GD501", E, "report", "format does not fit the year", "格式版本与年度不符"),
        Code("GD502", E, "report", "dated before the year ended", "落款日期早于统计期结束"),
        Code("GD503", W, "report", "published after the legal deadline", "晚于法定期限发布"),
        Code("GD504", E, "report", "year or agency unknown", "年度或机关不明"),
        Code("GD505", W, "batch", "another version of the report", "同一报告存在不同版本"),
        Code("GD601", E, "report", "required section missing", "缺少必备部分"),
        Code("GD602", W, "report", "prose contradicts the table", "正文数字与表格不符"),
        Code("GD603", W, "report", "section heading missing", "缺少部分标题"),
        Code("GD604", W, "report", "sections out of order", "各部分顺序与格式不符"),
        Code("GD605", INFO, "report", "section numbered otherwise", "部分标题序号与格式不符"),
        Code("GD606", W, "report", "heading that is no section", "格式以外的一级标题"),
        Code("GD607", W, "report", "numbering restarts or skips", "标题序号重复或跳号"),
        Code("GD608", W, "report", "总体情况 misses an aspect", "总体情况缺少规定内容"),
        Code("GD609", W, "report", "problems section thin", "存在的主要问题及改进情况过于简略"),
        Code("GD610", W, "report", "section only repeats its heading", "部分内容仅重复标题"),
        Code("GD611", W, "report", "last year as the current year", "沿用上一年度文字"),
        Code("GD612", W, "report", "another agency named", "出现其他机关名称"),
        Code("GD613", W, "report", "text says all answered, table carries forward", "正文称均已办结但有结转"),
        Code("GD614", W, "report", "text tells of a case table 4 lacks", "正文提及的复议诉讼表四未统计"),
        Code("GD615", W, "report", "信息处理费 not stated", "未说明信息处理费收取情况"),
        Code("GD616", W, "report", "信息处理费 statement contradicts table 3", "信息处理费说明与表三不符"),
        Code(
            "GD701",
            E,
            "cross-year",
            "carried over ≠ last year's carried forward",
            "上年结转与上一年度结转下年度不一致",
        ),
        Code(
            "GD702",
            W,
            "cross-year",
            "现行有效件数 does not follow from last year",
            "现行有效件数与上一年度不衔接",
        ),
        Code(
            "GD703",
            W,
            "cross-year",
            "上一年项目数量 does not follow from last year",
            "上一年项目数量与上一年度不衔接",
        ),
        Code("GD704", W, "cross-year", "text repeats last year's report", "文字部分与上一年度报告大量重复"),
        Code("GD705", INFO, "cross-year", "count changed sharply from last year", "数量与上一年度相比变化异常"),
        Code("GD801", INFO, "report", "doubled character or word", "字词重复"),
        Code("GD802", INFO, "report", "ASCII punctuation in Chinese text", "中文语句中使用半角标点"),
        Code("GD803", INFO, "report", "unmatched bracket or quote", "括号或引号未配对"),
        Code("GD901", INFO, "review", "cell corrected by hand", "单元格经人工更正"),
        Code("GD902", E, "review", "hand correction not applied", "人工更正未能应用"),
    )
}
