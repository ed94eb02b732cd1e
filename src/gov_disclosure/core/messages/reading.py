"""Messages of the reading layer and the format readers: why a cell, a row or a table was not placed,
what the reader made of the file's metadata, and how well a file was read."""

from __future__ import annotations

from typing import Final

from . import Message

# -- a table whose cells came out of order (text extracted without its layout) ----------------------

TABLE_OUT_OF_ORDER: Final = Message(
    "the {table} table ({title}) came out column by column (text extracted without its layout, as plain "
    "pdftotext writes it): the order of its cells is the extractor's, not the table's, {why}, so none "
    "of its {n} cells read is placed; extract the text with pdftotext -layout (or read the PDF itself)",
    "“{title}”表的内容是按列而不是按行导出的（未保留版式的文本，如不带 -layout 的 pdftotext）："
    "单元格的次序是导出工具的，不是表格的（{table}），{why}，因此已读到的{n}个单元格都不放入；"
    "请用 pdftotext -layout 导出文本（或直接读取 PDF）",
)
WHY_ROWS_DO_NOT_FIT: Final = Message(
    "{rows} of its rows do not fit the columns", "其中{rows}行的数值个数与列数不符"
)
WHY_VALUES_WITHOUT_LABEL: Final = Message(
    "{rows} rows of values stand without their labels", "其中{rows}行数值没有对应的标签"
)
WHY_SUMS_BROKEN: Final = Message(
    "the values as read break {sums} of the table's sums ({first})",
    "按读到的次序有{sums}处合计不成立（{first}）",
)

# -- rows of values separated from their labels --------------------------------------------------

STRAY_VALUES: Final = Message(
    "values standing beside labels whose rows were read elsewhere, not placed: {values} (in: {raw})",
    "与标签同处但该行数值已在别处读取，未放入的数值：{values}（原文：{raw}）",
)

# -- labels that are not the format's, with the official label meant ---------------------------------

ROW_OF_OTHER_FORMAT: Final = Message(
    "“{label}” is a row of the {other} format; it heads rows of its own in the {format} format: {rows}: "
    "its values ({values}) are not placed (fill in those rows)",
    "“{label}”是{other}年版格式的一行；在{format}年版格式中它下分各行：{rows}：其数值（{values}）未放入"
    "（请按这些行填写）",
)
SUBROW_OF_OTHER_FORMAT: Final = Message(
    "“{label}” is a row of the {other} format; in the {format} format its figures are part of {rows}: "
    "its values ({values}) are not placed",
    "“{label}”是{other}年版格式的一行；在{format}年版格式中其数字计入{rows}：其数值（{values}）未放入",
)
GROUP_ROW: Final = Message(
    "“{label}” heads rows of its own in the {format} format ({rows}), it has no values of its own: "
    "its values ({values}) are not placed (a subtotal? fill in those rows)",
    "“{label}”在{format}年版格式中下分各行（{rows}），本身没有数值：其数值（{values}）未放入（是小计吗？请按这些行填写）",
)
NEAREST_LABEL: Final = Message(
    "the row label “{label}” is not in the format (nearest label of the format: '{official}'): if that "
    "is what it means, correct the label and read the file again; its values ({values}) are not placed",
    "行标签“{label}”不是格式中的标签（最接近的格式标签：“{official}”）：如确为此行，请更正标签后重新读取；"
    "其数值（{values}）未放入",
)

# -- what the report says about itself ---------------------------------------------------------

NO_TABLES: Final = Message(
    "none of the three statistical tables (主动公开政府信息情况, 收到和处理政府信息公开申请情况, "
    "政府信息公开行政复议、行政诉讼情况) is in the file: nothing to check (tables kept as images, or "
    "text where no table can be told?)",
    "文件中没有三张统计表（主动公开政府信息情况、收到和处理政府信息公开申请情况、"
    "政府信息公开行政复议、行政诉讼情况）中的任何一张，无法检查（表格是图片，或文本中无法辨认表格？）",
)
AGENCY_NOT_IN_TITLE: Final = Message(
    "the issuing agency could not be read with certainty: the title “{title}” names none that can be "
    "an agency's name (page furniture, markup or a label taken off), and no signature names one",
    "无法确定报告机关：标题“{title}”中没有可作为机关名称的文字（已去除页面杂项、标记或标签），落款中也没有",
)
AGENCY_NOT_FOUND: Final = Message(
    "the issuing agency could not be read: neither a title nor a signature names one",
    "无法读取报告机关：标题和落款中都没有机关名称",
)

# -- how well a file was read (read, validate, check) ----------------------------------------------

KIND_JSON: Final = Message("JSON", "JSON 文档")
KIND_XLSX: Final = Message("an Excel workbook", "Excel 工作簿")
KIND_DOCX: Final = Message("a Word document", "Word 文档")
KIND_HTML: Final = Message("a web page", "网页")
KIND_PDF: Final = Message("a PDF", "PDF 文件")
KIND_MARKDOWN: Final = Message("Markdown", "Markdown 文档")
KIND_TEXT: Final = Message("plain text", "纯文本")
READ_WITH: Final = Message(
    "read as {kind} by {reader}: of {cells} cells, {placed} placed, {declined} declined (seen but not "
    "placed: see the reader's findings), {blank} blank in the report",
    "作为{kind}读取（{reader}）：共{cells}个单元格，放入{placed}个，未能放入{declined}个（读到但未放入，"
    "见读取时的问题），报告中空白{blank}个",
)
ROW_CELLS_PLACED: Final = Message("cells placed", "已放入的单元格")
ROW_CELLS_DECLINED: Final = Message("cells declined by the readers (not read)", "读取时未能放入的单元格")
ROW_CELLS_BLANK: Final = Message("cells blank in the reports", "报告中空白的单元格")
ROW_PARTLY_READ: Final = Message("reports not read in full", "未能完整读取的报告")

# -- values run together (reading/runs.py, GD109) ----------------------------------------------------

RUN_SPLITS_FIT: Final = Message(
    "row {label!r}: {ways} ways to split {run!r} into {values} values fit the totals; not read",
    "“{label}”行：“{run}”拆成{values}个数值有{ways}种拆法都符合合计关系，未读取",
)
RUN_SPLIT_NOT_SAFE: Final = Message(
    "row {label!r}: one way to split {run!r} into {values} values fits the totals best, but {others} "
    "other way(s) would fit if the report had a single wrong sum; not read",
    "“{label}”行：“{run}”拆成{values}个数值，有一种拆法最符合合计关系，但若报告有一处合计写错，"
    "另有{others}种拆法也可能正确，未读取",
)
RUN_SPLITS_NO_SUM: Final = Message(
    "row {label!r}: {ways} ways to split {run!r} into {values} values, and no sum of the table settles "
    "it; not read",
    "“{label}”行：“{run}”拆成{values}个数值有{ways}种拆法，表中没有可据以判断的合计关系，未读取",
)
RUN_MAY_HIDE_BLANK: Final = Message(
    "row {label!r}: {run!r} splits into {values} values one way only, but no sum of the table confirms "
    "it and it can also be read with a blank cell lost (run-together text does not show blank cells); "
    "not read",
    "“{label}”行：“{run}”只有一种拆成{values}个数值的拆法，但没有合计关系能印证，"
    "且也可读作其中有空白单元格（数值连在一起的文本看不出空白单元格），未读取",
)
RUN_DOES_NOT_SPLIT: Final = Message(
    "row {label!r}: {run!r} cannot be split into {values} values (a blank cell lost, or a value "
    "written in another way); not read",
    "“{label}”行：“{run}”无法拆成{values}个数值（可能有空白单元格，或数值写法不同），未读取",
)
RUN_TOO_LONG: Final = Message(
    "row {label!r}: {run!r} is {chars} characters long, over the limit of {limit} for values run "
    "together; not read",
    "“{label}”行：“{run}”长{chars}个字符，超过连在一起的数值的上限{limit}，未读取",
)
RUN_TOO_MANY_SPLITS: Final = Message(
    "row {label!r}: {ways} ways to split {run!r} into {values} values, more than the {limit} that are "
    "weighed; not read",
    "“{label}”行：“{run}”拆成{values}个数值有{ways}种拆法，超过可比较的上限{limit}，未读取",
)
RUN_SEARCH_TOO_LONG: Final = Message(
    "row {label!r}: {ways} ways to split {run!r} into {values} values, and the table's readings are "
    "too many to weigh (over {limit} steps); not read",
    "“{label}”行：“{run}”拆成{values}个数值有{ways}种拆法，整表的组合过多（超过{limit}步），未读取",
)
RUN_SUMS_BROKEN: Final = Message(
    "row {label!r}: {ways} ways to split {run!r} into {values} values, and every reading of the table "
    "breaks at least {broken} of its sums, so the sums cannot settle it; not read",
    "“{label}”行：“{run}”拆成{values}个数值有{ways}种拆法，而无论怎样拆，表格都至少有{broken}处合计不符，"
    "无法据合计判断，未读取",
)
RUN_ROW_BREAKS_SUMS: Final = Message(
    "row {label!r}: {ways} ways to split {run!r} into {values} values, and the table's sums hold under "
    "some reading only without this row (it, or a cell it is summed with, may be misprinted); not read",
    "“{label}”行：“{run}”拆成{values}个数值有{ways}种拆法，只有不计此行时表格的合计关系才能成立"
    "（此行或与其相加的单元格可能有误），未读取",
)

# -- sections: headings out of order, sections over the model's bounds (issue 14) -------------------

HEADING_OUT_OF_ORDER: Final = Message(
    "a line that looks like the heading of {heading} inside {inside}, out of the format's order: "
    "{line!r} (kept as text: the sections are not split there)",
    "{inside}中有一行像是“{heading}”的标题，但不在格式规定的顺序上：“{line}”（按正文处理，不在此分部）",
)
IN_SECTION: Final = Message("the section {heading}", "“{heading}”部分")
BEFORE_SECTIONS: Final = Message("the text before the first section", "第一部分之前的文字")
SECTION_TOO_LONG: Final = Message(
    "section {heading} is too long ({problem}); only its first {kept} characters are kept",
    "“{heading}”部分过长（{problem}），只保留前{kept}个字符",
)

# -- decoding a text file or a page (issue 14) ------------------------------------------------------

NOT_TEXT_ENCODING: Final = Message(
    "the page declares the encoding {name!r}, which is not a text encoding; read as UTF-8 or GB18030 "
    "instead",
    "网页声明的编码“{name}”不是文字编码，改按UTF-8或GB18030读取",
)
BAD_BYTES: Final = Message(
    "bytes that are not valid {encoding} at line {line}, column {column} ({bytes}); read as U+FFFD (\ufffd)",
    "第{line}行第{column}列的字节不是有效的{encoding}编码（{bytes}），按“\ufffd”读取",
)
MORE_BAD_BYTES: Final = Message(
    "{n} more places with bytes that are not valid {encoding}", "另有{n}处字节不是有效的{encoding}编码"
)
