"""Errors of the review cycle, each with its message in both languages (``str()`` is the English one;
``message(lang)`` gives either, as every error of the package does).

Layer: review. Imports only the core.
"""

from __future__ import annotations

from ..core.errors import GovDisclosureError, ReadError
from ..core.messages import Lang, Message

__all__ = ["AnnotateError", "ReviewError", "ReviewFileError"]


def _literal(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


class ReviewError(GovDisclosureError, ValueError):
    """Something the review cycle was asked to do that it cannot do."""

    def __init__(self, en: str, zh: str) -> None:
        self.en, self.zh = en, zh
        super().__init__(en)

    def message(self, lang: Lang = "en") -> str:
        return self.zh if lang == "zh" else self.en


class ReviewFileError(ReadError):
    """A decisions or fixes file that cannot be used (the messages name the file)."""

    def __init__(self, en: str, zh: str, *, path: str | None = None) -> None:
        self.en, self.zh = en, zh
        super().__init__(Message(_literal(en), _literal(zh)))
        self.file = path

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.en, self.zh), {"file": self.file})


class AnnotateError(ReviewError):
    """A file that cannot be annotated as asked (the output is the input, a suffix that does not fit,
    a workbook that is not our template)."""
