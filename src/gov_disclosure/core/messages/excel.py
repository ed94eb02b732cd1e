"""Excel workbooks: what the template reader finds, what aggregation finds, the summary workbook.

``{where}`` is a cell in words (:func:`gov_disclosure.core.vocabulary.location_label`), given in the
language of the message.
"""

from __future__ import annotations

from typing import Final

from . import Message

CELL_BLANK: Final = Message("{where} is blank", "{where}未填写")
CELL_NOT_A_NUMBER: Final = Message("{where} holds {text!r}, not a number", "{where}填写的“{text}”不是数字")
CELL_NEGATIVE: Final = Message(
    "{where} holds {text!r}: negative or not a whole number", "{where}填写的“{text}”为负数或不是整数"
)
CELL_UNIT: Final = Message("{where}: unit problem in {text!r}", "{where}：“{text}”的单位有问题")
FORMULA_WITHOUT_VALUE: Final = Message(
    "{where}: a formula this reader does not evaluate ({formula}) and no value saved with it; read as "
    "missing",
    "{where}：无法识别的公式（{formula}），文件中也没有保存计算结果，按未填写处理",
)
CELL_NOT_PLACED: Final = Message(
    "cell {where} could not be placed: its defined name {name} is missing or the labels around it do not "
    "match (rows inserted or labels changed?); read as missing",
    "无法定位“{where}”单元格：定义名称 {name} 缺失或周围标签不符（插入了行或改动了表头？），按未填写处理",
)
UNIT_CELL: Final = Message(
    "{where}: the unit cell holds {text!r}, not 元 or 万元; the amount's unit is unknown",
    "{where}：单位单元格填写的“{text}”不是元或万元，金额单位不明",
)
INFO_NOT_FOUND: Final = Message("{label} ({key}) not found in the workbook", "工作簿中找不到“{label}”（{key}）")
INFO_UNREADABLE: Final = Message("{label} ({key}): cannot read {text!r}", "无法识别{label}（{key}）“{text}”")
TEXT_AT_LIMIT: Final = Message(
    "the cell holds {n} characters, Excel's limit of a cell: its text may have been cut",
    "单元格有{n}个字符，已达Excel单元格的上限，内容可能被截断",
)
TYPED_AS_TEXT: Final = Message(
    "{where} holds {text!r} as text: read as {value}, but Excel's SUM skips it, so the total Excel shows "
    "leaves it out (type the number as a number)",
    "{where}填写的“{text}”是文本形式的数字：按{value}读取，但Excel求和时跳过它，表中显示的合计未计入"
    "（请以数值形式填写）",
)
SHOWN_BLANK: Final = Message("blank", "空白")
COMPUTED_OVER_BLANK: Final = Message(
    "{where} is computed by the template's formula over blank cells ({blank}): not a reported value, "
    "read as missing (Excel shows {excel})",
    "{where}由模板公式根据空白单元格（{blank}）计算得出，不是填报的数值，按未填写处理（表中显示{excel}）",
)
COMPUTED_OVER_TEXT: Final = Message(
    "{where} is computed by the template's formula, which skipped the cells typed as text ({typed}): "
    "Excel shows {excel}, the cells add up to {sum} (read)",
    "{where}由模板公式计算得出，Excel求和时跳过了以文本形式填写的单元格（{typed}）：表中显示{excel}，"
    "各单元格之和为{sum}（按此读取）",
)
COMPUTED_OVER_BLANK_AND_TEXT: Final = Message(
    "{where} is computed by the template's formula over blank cells ({blank}): not a reported value, "
    "read as missing (Excel shows {excel}, skipping the cells typed as text: {typed})",
    "{where}由模板公式根据空白单元格（{blank}）计算得出，不是填报的数值，按未填写处理（表中显示{excel}，"
    "并跳过了以文本形式填写的单元格：{typed}）",
)
SECTION_NOT_FOUND: Final = Message(
    "section {heading} not found in the workbook", "工作簿中找不到“{heading}”部分"
)

# --- aggregation ---------------------------------------------------------------------------------
MISSING_IN_UNITS: Final = Message(
    "{where}: missing in {n} of {total} units (total left missing): {names}",
    "{where}：{total}个单位中有{n}个未填写（合计不予计算）：{names}",
)
MISSING_COUNTED_ZERO: Final = Message(
    "{where}: missing in {n} of {total} units (counted as 0): {names}",
    "{where}：{total}个单位中有{n}个未填写（按0计）：{names}",
)
AMOUNTS_WITHOUT_UNIT: Final = Message(
    "{where}: the amounts of {n} units have no unit and cannot be added to the others: {names}",
    "{where}：{n}个单位的金额未注明单位，无法与其他单位相加：{names}",
)
TOTAL_COLUMN: Final = Message("{agency} (total)", "{agency}（合计）")
