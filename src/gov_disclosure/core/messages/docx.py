"""Word documents: what the .docx reader finds, the style's checks."""

from __future__ import annotations

from typing import Final

from . import Message

NO_TABLES: Final = Message(
    "no tables found: none of the three statistical tables is in the document",
    "未找到表格：文中没有三张统计表中的任何一张",
)
NOT_POSITIVE: Final = Message("{name} must be positive, got {value!r}", "{name} 必须为正数，不能是 {value!r}")
NOT_A_FONT: Final = Message(
    "{name} must be a non-empty font name, got {value!r}", "{name} 必须是字体名称，不能是 {value!r}"
)
MARGINS: Final = Message(
    "the margins leave too little of the A4 page for the tables (at least 100 × 150 mm)",
    "页边距太大，A4 纸上留给表格的版面不足（至少需要 100 × 150 毫米）",
)
