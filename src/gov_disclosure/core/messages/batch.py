"""Messages of batch runs (checking folders of reports, pairing years)."""

from __future__ import annotations

from typing import Final

from . import Message

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
