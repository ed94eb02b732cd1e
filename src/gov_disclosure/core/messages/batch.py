"""Batch runs: why a file in a folder was not checked; pairing years across spellings."""

from __future__ import annotations

from typing import Final

from . import Message

NOT_A_REPORT_TYPE: Final = Message("not a report file type ({suffix})", "不是报告文件类型（{suffix}）")
NO_SUFFIX: Final = Message("no suffix", "无后缀")
DOCUMENTATION_FILE: Final = Message(
    "a documentation file ({name}), not a report", "说明类文件（{name}），不是报告"
)
TIMEOUT_NOT_POSITIVE: Final = Message(
    "timeout must be positive, not {value!r}", "timeout 必须为正数，不能是 {value!r}"
)
JOBS_TOO_FEW: Final = Message("jobs must be at least 1, not {value!r}", "jobs 至少为 1，不能是 {value!r}")
BAD_CELLS_KIND: Final = Message(
    "kind must be csv, jsonl or parquet, not {value!r}", "kind 只能是 csv、jsonl 或 parquet，不能是 {value!r}"
)
PARQUET_NEEDS_PATH: Final = Message("Parquet output needs a file path", "Parquet 格式只能写入文件路径")
BAD_THRESHOLD: Final = Message(
    "similarity_threshold must be in (0, 1], not {value!r}",
    "similarity_threshold 须在 (0, 1] 之间，不能是 {value!r}",
)
BAD_FINDINGS_SUFFIX: Final = Message(
    "a findings file must end in .csv or .jsonl, not {suffix!r}",
    "问题清单文件的后缀须为 .csv 或 .jsonl，不能是 {suffix!r}",
)
BAD_FINDINGS_KIND: Final = Message(
    "kind must be 'csv' or 'jsonl', not {value!r}", "kind 只能是 'csv' 或 'jsonl'，不能是 {value!r}"
)

# -- pairing years across spellings (batch/pairing.py) ---------------------------------------------

AMBIGUOUS_AGENCY: Final = Message(
    "not paired with a neighbouring year: the agency name {agency!r} ({year}) matches {matches} in "
    "this corpus (with or without a parent region); rename the files' agencies or use compare",
    "未与相邻年度配对：机关名称“{agency}”（{year}年）在本批文件中可对应{matches}（含或不含上级行政区划），"
    "无法确定；请统一机关名称或使用 compare 命令",
)
AMBIGUOUS_LINE: Final = Message(
    "ambiguous agency: {agency} {year}: {path} matches {matches} (not paired)",
    "机关名称不唯一：{agency} {year}年度：{path} 可对应 {matches}（未配对）",
)
AMBIGUOUS_ROW: Final = Message("ambiguous agency names", "机关名称不唯一（未配对）")
ACROSS_SPELLINGS_ROW: Final = Message(
    "pairs across spellings (with/without parent region)", "跨写法配对（含/不含上级行政区划）"
)
AGENCIES_SPELT_OTHERWISE: Final = Message(
    "note: {last} and {this} are read as one agency (with and without its parent regions)",
    "提示：{last}与{this}视为同一机关（含与不含上级行政区划）",
)
FOLDER_UNLISTABLE: Final = Message(
    "cannot list the folder (its reports are not checked): {reason}",
    "无法列出文件夹的内容（其中的报告未能检查）：{reason}",
)
