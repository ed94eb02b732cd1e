"""Words and verdicts every area uses."""

from __future__ import annotations

from typing import Final

from . import Message

VALID: Final = Message("VALID", "通过")
INVALID: Final = Message("INVALID", "未通过")
