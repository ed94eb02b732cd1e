"""Lines whose cells run together: crawler text of a report's web page, cut back into cells.

``get_text()`` of a page drops the separators between cells, so a row arrives as
``（三）不予公开1.属于国家秘密300305038`` and a header as ``信息内容本年制发件数本年废止件数现行有效件数``;
a page without line breaks puts a whole table on one line. :func:`rows` cuts such a line into the
cells the engine reads: the labels it holds (found by the format's own label texts, longest first,
so ``三、本年度办理结果`` and ``（一）予以公开`` come apart) and the runs of values between them, marked
``glued`` so that only :mod:`gov_disclosure.reading.runs` splits them, where it is certain.

What is a run and what is part of a label is decided by the labels around it: digits are a run when
a label of the format (or the end of the line) follows them, or a label of the format stands right
before them; an item number run into the previous row's values (``…00000005.属于三类内部事务信息``) is
given to the label only when item and label together are a label of the format. Digits inside a
label (``上一年项目数量（指2018年事项数）``) stay in the label. Whitespace between two runs is kept as
a gap (a separator, or the ``&nbsp;`` of a blank cell: :mod:`.runs` weighs both).

Layer: reading. Imports the core and :mod:`.engine`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache, lru_cache
from itertools import pairwise
from typing import Final, Literal, TypeAlias

import attrs

from ..core.vocabulary import FORMATS, SECTIONS
from .engine import LABEL_VARIANTS, GridCell, label_forms, match_label, normalise_label

__all__ = ["MAX_LINE_CHARS", "Token", "is_label_line", "is_run_together", "rows", "tokens"]

#: longer lines are never read as run-together cells (a whole report on one line is some 20 000)
MAX_LINE_CHARS: Final = 60_000

TokenKind: TypeAlias = Literal["label", "run", "gap"]


@attrs.frozen
class Token:
    """A piece of a line: a label (``known``: a label of the format), a run of values, or the
    whitespace between two runs."""

    text: str  #: as found
    kind: TokenKind
    start: int  #: offset in the line
    known: bool = False


_QUOTES: Final = frozenset("“”\"'‘’「」『』")
_BRACKETS: Final = {"【": "(", "〔": "(", "】": ")", "〕": ")"}
_ITEM_PUNCT: Final = frozenset("、,，．.:：")
_CN_NUMERALS: Final = frozenset("一二三四五六七八九十")


def _normalise(line: str) -> tuple[str, list[int], list[bool]]:
    """The line in the form labels are compared in (:func:`~.engine.normalise_label`, character by
    character), the offset in ``line`` of each character, and whether whitespace came before it."""
    out: list[str] = []
    where: list[int] = []
    space: list[bool] = []
    pending_space = False
    for i, ch in enumerate(line):
        if ch.isspace():
            pending_space = True
            continue
        for c in unicodedata.normalize("NFKC", ch):
            if c.isspace():
                pending_space = True
                continue
            if c in _QUOTES:
                continue
            c = _BRACKETS.get(c, c)
            out.append(c)
            where.append(i)
            space.append(pending_space)
            pending_space = False
    return "".join(out), where, space


@cache
def _trie() -> dict[str, object]:
    """The labels of both formats (and their item numbers written 1、 1， 1．), the reading
    variants and the section headings, as a character trie; ``""`` marks the end of a label."""
    forms: set[str] = set()
    for f in FORMATS:
        forms |= label_forms(f)
    forms |= {normalise_label(v) for v in LABEL_VARIANTS}
    forms |= {normalise_label(s.heading) for s in SECTIONS}
    more: set[str] = set()
    for form in forms:
        m = re.match(r"^(\d{1,2})\.", form)
        if m:
            more |= {f"{m.group(1)}{p}{form[m.end() :]}" for p in "、,:"}
        m = re.match(r"^([一二三四五六七八九十]{1,3})、", form)
        if m:
            more |= {f"{m.group(1)}{p}{form[m.end() :]}" for p in ".,"}
    root: dict[str, object] = {}
    for form in forms | more:
        node = root
        for ch in form:
            node = node.setdefault(ch, {})  # type: ignore[assignment]
        node[""] = True
    return root


def _label_ends(t: str, i: int) -> list[int]:
    """Ends of the labels of the format that start at ``t[i]``, shortest first."""
    node = _trie()
    out: list[int] = []
    j = i
    while j < len(t):
        nxt = node.get(t[j])
        if nxt is None:
            break
        node = nxt  # type: ignore[assignment]
        j += 1
        if "" in node:
            out.append(j)
    return out


_VALUE_CHARS: Final = frozenset("0123456789./+-—－−–／")
_UNITS: Final = ("万元", "元", "件", "个", "项")


def _stretch_end(t: str, i: int) -> int:
    """Where the stretch of value characters starting at ``i`` ends (units after digits included)."""
    j = i
    while j < len(t):
        if t[j] in _VALUE_CHARS:
            j += 1
            continue
        unit = next((u for u in _UNITS if t.startswith(u, j)), None) if t[j - 1].isdigit() else None
        if unit is None:
            break
        j += len(unit)
    return j


@lru_cache(maxsize=4096)
def tokens(line: str) -> tuple[Token, ...]:
    """The labels, runs and gaps of a line, in order (empty for a line over :data:`MAX_LINE_CHARS`)."""
    if len(line) > MAX_LINE_CHARS:
        return ()
    t, where, space = _normalise(line)
    n = len(t)
    # 1. stretches of value characters, and the item numbers at their end that belong to a label
    stretches: list[tuple[int, int]] = []
    i = 0
    while i < n:
        if t[i] in _VALUE_CHARS and (t[i].isdigit() or t[i] in "/—-"):
            j = _stretch_end(t, i)
            stretches.append((i, j))
            i = j
        else:
            i += 1
    spans: list[tuple[int, int]] = []  # runs of values, after item numbers are handed back
    for a, b in stretches:
        b2 = _without_item(t, a, b)
        if b2 > a and (_label_follows(t, b2, space) or _label_precedes(t, a, spans)):
            spans.append((a, b2))
    # 2. the pieces: labels between runs, cut into the labels of the format where they are
    out: list[Token] = []
    pos = 0
    for a, b in [*spans, (n, n)]:
        if pos < a:
            out.extend(_labels(line, t, where, pos, a))
        if a < b:
            # whitespace inside a run, or between two runs, is a gap (a separator or blank cells)
            cuts = [a, *(x for x in range(a + 1, b) if space[x]), b]
            for x, y in pairwise(cuts):
                if out and out[-1].kind == "run" and space[x]:
                    gap_start = where[x - 1] + 1
                    out.append(Token(line[gap_start : where[x]], "gap", gap_start))
                start, end = where[x], where[y - 1] + 1
                out.append(Token(line[start:end], "run", start))
        pos = b
    return tuple(out)


def _without_item(t: str, a: int, b: int) -> int:
    """End of the run ``t[a:b]`` once an item number at its end is given to the label after it
    (``00000005.`` + ``属于三类内部事务信息``); only when item and label make a label of the format."""
    for k in (1, 2):
        d = b - k
        if d < a:
            continue
        item = t[d:b]
        if item.endswith(".") and item[:-1].isdigit() and _label_ends(t, d):
            return d
        if item.isdigit() and b < len(t) and t[b] in _ITEM_PUNCT and _label_ends(t, d):
            return d
    return b


def _label_follows(t: str, b: int, space: Sequence[bool]) -> bool:
    return b >= len(t) or space[b] or bool(_label_ends(t, b))


def _label_precedes(t: str, a: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether a label of the format ends right before ``t[a]`` (after the last run)."""
    start = spans[-1][1] if spans else 0
    return any(a in _label_ends(t, i) for i in range(max(start, a - 80), a))


def _labels(line: str, t: str, where: Sequence[int], a: int, b: int) -> list[Token]:
    """``t[a:b]`` cut into labels of the format, fewest unknown characters first, then fewest
    pieces; a bracketed note right after a label stays with it (规范性文件（指…）)."""
    size = b - a
    inf = (size + 1, size + 1)
    best: list[tuple[int, int]] = [inf] * (size + 1)
    step: list[tuple[int, bool]] = [(0, False)] * (size + 1)
    best[size] = (0, 0)
    for i in range(size - 1, -1, -1):
        unknown = best[i + 1]
        best[i] = (unknown[0] + 1, unknown[1] + 1)
        step[i] = (i + 1, False)
        for end in _label_ends(t, a + i):
            if end > b:
                break
            e = end - a
            note = _note_end(t, end, b)
            for stop in (e, note - a) if note else (e,):
                cand = (best[stop][0], best[stop][1] + 1)
                if cand < best[i]:
                    best[i] = cand
                    step[i] = (stop, True)
    out: list[Token] = []
    i = 0
    while i < size:
        stop, known = step[i]
        if not known:
            # unknown characters run on until the next known label
            while stop < size and not step[stop][1]:
                stop = step[stop][0]
        start, end = where[a + i], where[a + stop - 1] + 1
        text = line[start:end]
        if text.strip():
            out.append(Token(text, "label", start, known))
        i = stop
    return out


def _note_end(t: str, i: int, b: int) -> int | None:
    """End of a bracketed note ``(…)`` starting at ``t[i]`` (not an item number such as ``(一)``)."""
    if i >= b or t[i] != "(":
        return None
    close = t.find(")", i, min(b, i + 40))
    if close < 0 or _label_ends(t, i):
        return None
    return close + 1


def is_run_together(line: str) -> bool:
    """True when a label of the format and a run of values touch on this line (``规章000``), and
    the line is table, not prose: it does not end a sentence and most of its text is labels of the
    format (``依申请公开其他3件。`` is a sentence)."""
    if not any(ch.isdigit() for ch in line) or line.rstrip().endswith(("。", "；", ";")):
        return False
    toks = tokens(line)
    label_chars = sum(len(t.text) for t in toks if t.kind == "label")
    unknown = sum(len(t.text) for t in toks if t.kind == "label" and not t.known)
    if unknown * 3 > label_chars:
        return False
    return any(
        tok.kind == "run"
        and (
            (k > 0 and toks[k - 1].kind == "label" and toks[k - 1].known and _touch(toks[k - 1], tok))
            or (
                k + 1 < len(toks)
                and toks[k + 1].kind == "label"
                and toks[k + 1].known
                and _touch(tok, toks[k + 1])
            )
        )
        for k, tok in enumerate(toks)
    )


def _touch(a: Token, b: Token) -> bool:
    return a.start + len(a.text) == b.start


def is_label_line(line: str) -> bool:
    """True when the line is two or more labels of the format run together and nothing else
    (``信息内容本年制发件数本年废止件数现行有效件数``)."""
    toks = tokens(line)
    return (
        len(toks) >= 2
        and all(tok.kind == "label" and tok.known for tok in toks)
        and all(_touch(a, b) for a, b in pairwise(toks))
    )


def _is_row_label(text: str) -> bool:
    return any(m.kind == "row" for f in FORMATS for m in match_label(text, f))


def rows(line: str, source: str) -> list[list[GridCell]]:
    """The rows of cells a line of run-together text holds: each run of values closes a row with
    the labels before it (a row label and what precedes it on a row of its own: headers, block
    titles, group labels); labels after the last run make a row of their own. ``source`` names the
    line (``line 12``); each cell adds its character position."""
    out: list[list[GridCell]] = []
    labels: list[GridCell] = []
    values: list[GridCell] = []

    def close() -> None:
        nonlocal labels, values
        if values:
            last_row = max((n for n, c in enumerate(labels) if _is_row_label(c.text)), default=-1)
            if last_row > 0:
                out.append(labels[:last_row])
                labels = labels[last_row:]
            out.append([*labels, *values])
        elif labels:
            out.append(labels)
        labels, values = [], []

    for tok in tokens(line):
        src = f"{source}, char {tok.start + 1}"
        if tok.kind == "label":
            if values:
                close()
            labels.append(GridCell(tok.text, src))
        else:
            values.append(GridCell(tok.text, src, glued=True))
    close()
    return out
