"""Errors of the review cycle, each with its message in both languages (``str()`` is the English one;
:meth:`ReviewError.text` gives either).

Layer: review. Imports only the core.
"""

from __future__ import annotations

from ..core.errors import GovDisclosureError, ReadError
from ..core.messages import Lang

__all__ = ["AnnotateError", "ReviewError", "ReviewFileError"]


class ReviewError(GovDisclosureError, ValueError):
    """Something the review cycle was asked to do that it cannot do."""

    def __init__(self, en: str, zh: str) -> None:
        self.en, self.zh = en, zh
        super().__init__(en)

    def text(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en


class ReviewFileError(ReviewError, ReadError):
    """A decisions or fixes file that cannot be used."""

    def __init__(self, en: str, zh: str, *, path: str | None = None) -> None:
        ReviewError.__init__(self, en, zh)
        self.path = path


class AnnotateError(ReviewError):
    """A file that cannot be annotated as asked (the output is the input, a suffix that does not fit,
    a workbook that is not our template)."""
