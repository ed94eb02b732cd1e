"""The report's text as the text rules read it, prepared once per validation (:class:`TextView`,
``Context.text``): each section with the line breaks a PDF puts inside a sentence removed, its lines
of prose, its substance (no whitespace, no punctuation), its sentences.

Layer: rules. Imports only :mod:`gov_disclosure.core`.
"""

from __future__ import annotations

import re
from typing import Final

from ..core.model import Sections
from ..core.vocabulary import SECTIONS

__all__ = ["SECTION_KEYS", "TextView", "joined", "substance"]

SECTION_KEYS: Final = tuple(s.key for s in SECTIONS)

#: the marks a line that ends inside a sentence may end with (besides a Chinese character)
_OPEN_MARKS: Final = frozenset("，、“”（）《》,(")


def _open_end(line: str) -> bool:
    """Whether a line (stripped, not empty) ends inside a sentence: in a Chinese character
    (U+3400–U+9FFF) or a mark that cannot end one."""
    last = line[-1]
    return "\u3400" <= last <= "\u9fff" or last in _OPEN_MARKS


#: a line that is a sub-heading (（一）主动公开, 1.依申请公开): the break after it is kept
_SUBHEADING: Final = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.]|\d{1,2}[、.])"
)
_SENTENCE: Final = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")
_NOT_SUBSTANCE: Final = re.compile(r"[\s\u3000\W_]+")
_PUNCTUATION: Final = re.compile(r"[，。；：！？、,;:!?]")


def joined(text: str) -> str:
    """A section's text with the line breaks a PDF puts inside a sentence removed: a break after a line
    that ends in a Chinese character or a comma is dropped, unless that line is a short sub-heading
    (（二）依申请公开); a break after a full stop is kept. Nothing else is changed."""
    if "\n" not in text:
        return text.strip()
    out: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        if out and _open_end(out[-1]) and not (len(out[-1]) <= 24 and _SUBHEADING.match(out[-1])):
            out[-1] += line
        else:
            out.append(line)
    return "\n".join(out)


def substance(text: str) -> str:
    """The text without whitespace and punctuation (what length and placeholder checks count). Full-
    width punctuation is punctuation as it is; no NFKC is needed (nor paid for) here."""
    if text.isalnum():  # only word characters (\w is what isalnum() accepts, and _): nothing to take out
        return text
    return _NOT_SUBSTANCE.sub("", text)


class TextView:
    """One report's sections, prepared for the text rules; each view is computed when first asked."""

    __slots__ = ("_joined", "_prose", "_sentences", "_substance", "sections")

    def __init__(self, sections: Sections) -> None:
        self.sections = sections
        self._joined: dict[str, str] = {}
        self._prose: dict[str, str] = {}
        self._substance: dict[str, str] = {}
        self._sentences: tuple[tuple[str, str], ...] | None = None

    def present(self) -> tuple[str, ...]:
        """The keys of the sections that have text, in the format's order."""
        sections = self.sections
        return tuple(k for k in SECTION_KEYS if getattr(sections, k))

    def raw(self, key: str) -> str:
        text: str = getattr(self.sections, key)
        return text

    def joined(self, key: str) -> str:
        """The section with PDF line breaks inside sentences removed (:func:`joined`)."""
        out = self._joined.get(key)
        if out is None:
            out = self._joined[key] = joined(self.raw(key))
        return out

    def prose(self, key: str) -> str:
        """The section's lines of prose: without lines that have no punctuation at all (a heading, the
        header text of a table a reader left in the section) or that are Markdown table rows."""
        out = self._prose.get(key)
        if out is None:
            text = self.joined(key)
            if "|" in text or "\n" in text:
                text = "\n".join(
                    line
                    for line in text.split("\n")
                    if not line.startswith("|") and _PUNCTUATION.search(line)
                )
            elif not _PUNCTUATION.search(text):
                text = ""
            out = self._prose[key] = text
        return out

    def substance(self, key: str) -> str:
        """The section without whitespace and punctuation (:func:`substance`)."""
        out = self._substance.get(key)
        if out is None:
            out = self._substance[key] = substance(self.raw(key))
        return out

    def sentences(self) -> tuple[tuple[str, str], ...]:
        """Every sentence of the text as (section key, sentence), as found (line breaks inside a
        sentence dropped)."""
        if self._sentences is None:
            out: list[tuple[str, str]] = []
            for key in SECTION_KEYS:
                if self.raw(key):
                    out.extend((key, s) for s in map(str.strip, _SENTENCE.findall(self.joined(key))) if s)
            self._sentences = tuple(out)
        return self._sentences

    def has(self, pattern: re.Pattern[str]) -> bool:
        """Whether a pattern occurs anywhere in the text (line breaks inside sentences removed): the
        cheap test before a rule reads sentence by sentence."""
        sections = self.sections
        for k in SECTION_KEYS:  # noqa: SIM110  (a loop, not any(): this runs for every report)
            if getattr(sections, k) and pattern.search(self.joined(k)):
                return True
        return False
