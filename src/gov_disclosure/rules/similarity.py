"""GD704: section text that largely repeats last year's report (the copy-paste report).

The measure is *containment*: the share of this year's text (as a set of character 5-grams) that
also occurs in last year's text of the same section. Before comparing, both texts are normalised so
that what a copy-paste report typically changes does not hide the copy: NFKC, whitespace and
punctuation dropped, and every run of digits replaced by one ``0`` (so “2020年收到申请31件” and
“2021年收到申请45件” are the same text). Containment rather than a symmetric score, because a report
that copies last year's text and appends one paragraph still "largely repeats" it.

Sections shorter than :data:`MIN_CHARS` normalised characters are not compared: “无。” or
“本年度未收取信息处理费。” repeat every year and rightly so.

The threshold and the minimum length are parameters of :func:`repeated_sections` and
:func:`make_check`; the rule registered in :data:`gov_disclosure.rules.RULES` takes them from the
config (``similarity``, ``similarity_min_chars`` of :class:`~gov_disclosure.rules.config.Config`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Final

import attrs

from ..core.findings import Finding
from ..core.messages import rules as m
from ..core.model import Report
from ..core.vocabulary import SECTIONS

if TYPE_CHECKING:
    from ._base import Context, Rule

__all__ = [
    "DEFAULT_THRESHOLD",
    "MIN_CHARS",
    "SHINGLE",
    "SectionRepeat",
    "check",
    "containment",
    "make_check",
    "normalise",
    "repeated_sections",
    "shingles",
]

#: a section whose text is at least this share (0–1) contained in last year's is flagged
DEFAULT_THRESHOLD: Final = 0.9
#: sections with fewer normalised characters than this are not compared
MIN_CHARS: Final = 200
#: the length of the character n-grams compared
SHINGLE: Final = 5

_DIGITS = re.compile(r"\d+")


def normalise(text: str) -> str:
    """The text as compared: NFKC, no whitespace, no punctuation or symbols, digit runs as ``0``.

    NFKC is slow on Chinese text and changes almost nothing that is kept (full-width punctuation
    becomes ASCII punctuation, and both are dropped), so it is only applied to a text holding a
    character whose NFKC form would be kept otherwise (full-width letters and digits, compatibility
    ideographs, circled numbers, combining marks …: :func:`_nfkc_matters`); the result is the same."""
    if _nfkc_matters().search(text):
        text = unicodedata.normalize("NFKC", text)
        kept = [ch for ch in text if not ch.isspace() and unicodedata.category(ch)[0] not in "PSZC"]
        return _DIGITS.sub("0", "".join(kept))
    return _DIGITS.sub("0", _NOT_KEPT.sub("", text))


#: what :func:`normalise` drops from a text NFKC leaves as it is: whitespace, punctuation, symbols,
#: separators, control characters (everything but letters, marks and numbers; no mark gets here)
_NOT_KEPT: Final = re.compile(r"[\W_]+")


@cache
def _nfkc_matters() -> re.Pattern[str]:
    """A character class of the characters for which NFKC may change what :func:`normalise` keeps:
    those of the Basic Multilingual Plane that NFKC maps to something else where either side holds a
    letter or number, combining marks (which NFKC composes with the letter before them), and every
    character beyond the BMP (rare in a report: those texts take the slow, exact way). Built once, on
    first use (some 0.1 s)."""
    ranges: list[tuple[int, int]] = []
    for cp in (*range(0x80, 0xD800), *range(0xE000, 0x10000)):
        ch = chr(cp)
        form = unicodedata.normalize("NFKC", ch)
        keeps = unicodedata.category(ch)[0] == "M" or (
            form != ch
            and (ch.isalnum() or any(c.isalnum() or unicodedata.category(c)[0] == "M" for c in form))
        )
        if keeps:
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1] = (ranges[-1][0], cp)
            else:
                ranges.append((cp, cp))
    ranges.append((0x10000, 0x10FFFF))
    body = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges
    )
    return re.compile(f"[{body}]")


def shingles(normalised: str, k: int = SHINGLE) -> set[str]:
    """The set of character k-grams of an already normalised text (the whole text if shorter)."""
    if len(normalised) <= k:
        return {normalised} if normalised else set()
    return {normalised[i : i + k] for i in range(len(normalised) - k + 1)}


def containment(this: str, last: str, k: int = SHINGLE) -> float:
    """Share (0–1) of the k-grams of ``this`` that also occur in ``last``; both are normalised here."""
    a = shingles(normalise(this), k)
    if not a:
        return 0.0
    b = shingles(normalise(last), k)
    return len(a & b) / len(a)


@attrs.frozen
class SectionRepeat:
    """One section of this year's report that repeats last year's."""

    key: str
    heading: str
    similarity: float  #: containment, 0–1
    chars: int  #: normalised length of this year's text


def repeated_sections(
    last: Report,
    this: Report,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    min_chars: int = MIN_CHARS,
) -> list[SectionRepeat]:
    """Every section of ``this`` whose text is at least ``threshold`` contained in the same section of
    ``last``; sections shorter than ``min_chars`` (normalised) in either report are skipped."""
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], not {threshold!r}")
    out: list[SectionRepeat] = []
    for sec in SECTIONS:
        a = normalise(getattr(this.sections, sec.key))
        b = normalise(getattr(last.sections, sec.key))
        if len(a) < min_chars or len(b) < min_chars:
            continue
        sa, sb = shingles(a), shingles(b)
        similarity = len(sa & sb) / len(sa)
        if similarity >= threshold:
            out.append(SectionRepeat(sec.key, sec.heading, similarity, len(a)))
    return out


def make_check(
    threshold: float | None = None, min_chars: int | None = None
) -> Callable[[Rule, Context], Iterator[Finding]]:
    """A GD704 check with its own threshold and minimum length; one not given (None) comes from the
    context's config."""
    if threshold is not None and not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], not {threshold!r}")

    def check_repeats(rule: Rule, ctx: Context) -> Iterator[Finding]:
        if ctx.previous is None:
            return
        t = ctx.config.similarity if threshold is None else threshold
        n = ctx.config.similarity_min_chars if min_chars is None else min_chars
        for rep in repeated_sections(ctx.previous, ctx.report, threshold=t, min_chars=n):
            pct = int(rep.similarity * 100)  # floor: never claim more than was measured
            yield rule.emit(
                m.TEXT_REPEATS,
                {"heading": rep.heading, "pct": pct, "chars": rep.chars, "threshold": round(t * 100)},
                location=f"sections/{rep.key}",
                found=Decimal(str(round(rep.similarity, 3))),
            )

    return check_repeats


#: the GD704 check, with the threshold and minimum length of the context's config (registered in ``RULES``)
check: Final = make_check()
