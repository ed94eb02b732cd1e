"""Messages of the reading layer: what readers say about text they could not read with certainty."""

from __future__ import annotations

from typing import Final

from . import Message

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

# -- a table whose text came out of order (reading/engine.py, GD108) ----------------------------------

TABLE_OUT_OF_ORDER: Final = Message(
    "“{title}”: the table's text is out of order ({label!r} stands after the row {after!r}, below its "
    "own rows): it was taken from the page column by column (pdftotext without -layout?), so no cell "
    "of it is read; extract the text with the layout kept",
    "“{title}”：表格文字顺序错乱（“{label}”出现在“{after}”行之后，已越过其所辖各行），"
    "文本可能是逐列提取的（未加 -layout 的 pdftotext？），该表不读取任何单元格；请保留版式重新提取文本",
)
ROW_OUT_OF_ORDER: Final = Message(
    "row {label!r}: its values ({values}) come from text whose order follows the page, not the "
    "table (pdftotext without -layout), and its total does not confirm them; not read",
    "“{label}”行：数值（{values}）取自未保留版式的文本（未加 -layout 的 pdftotext），"
    "顺序不一定是表格的顺序，且其合计不能印证，未读取",
)
