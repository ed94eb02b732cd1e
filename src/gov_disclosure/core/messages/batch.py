"""Batch runs: why a file in a folder was not checked."""

from __future__ import annotations

from typing import Final

from . import Message

NOT_A_REPORT_TYPE: Final = Message("not a report file type ({suffix})", "不是报告文件类型（{suffix}）")
NO_SUFFIX: Final = Message("no suffix", "无后缀")
