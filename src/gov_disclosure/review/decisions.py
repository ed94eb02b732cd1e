"""The reviewer's decisions on findings, read back from the review workbook (its 问题清单 sheet, the
column 处理意见 a reviewer fills from the drop-down) or from a CSV (columns ``id``/问题编号,
``decision``/处理意见 and, optionally, ``note``/备注; UTF-8 with or without BOM, or GB18030 as Excel
saves it on Chinese Windows).

A decision is for a finding id (:func:`gov_disclosure.core.findings.finding_id`), so it holds across
reruns, renamed files and new runs of the checker: 已确认 (confirmed) marks the finding, 不予采纳
(dismissed) lists it as such and keeps it out of the exit code, 待核实 (or a blank) decides nothing.
A decision whose finding no longer occurs is *stale* and reported.

Layer: review. Imports the core, the reading layer (the guarded loader) and openpyxl (the ``excel``
extra) when a workbook is read.
"""

from __future__ import annotations

import csv
import enum
import io
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import attrs

from ..core.errors import MissingExtraError, ReadError
from ..core.messages import LANGS, Lang, Message
from ..core.messages import review as m
from ..reading.load import decode_text, load_bytes
from .errors import ReviewFileError

__all__ = ["Decision", "DecisionEntry", "Decisions", "read_decisions"]


class Decision(enum.Enum):
    """What a reviewer decided about a finding."""

    PENDING = "pending"  #: 待核实: not decided yet
    CONFIRMED = "confirmed"  #: 已确认: the finding stands; the agency is to correct it
    DISMISSED = "dismissed"  #: 不予采纳: not a problem (not counted toward the exit code)

    @property
    def message(self) -> Message:
        return _MESSAGES[self]

    def label(self, lang: Lang) -> str:
        """The word shown in the workbook's drop-down and in messages."""
        return self.message(lang)

    @classmethod
    def parse(cls, text: str) -> Decision | None:
        """The decision a cell's text names (either language, any case), ``PENDING`` for a blank,
        None for anything else."""
        t = "".join(text.split()).casefold()
        if not t:
            return cls.PENDING
        return _WORDS.get(t)


_MESSAGES: Final = {
    Decision.PENDING: m.DECISION_PENDING,
    Decision.CONFIRMED: m.DECISION_CONFIRMED,
    Decision.DISMISSED: m.DECISION_DISMISSED,
}
_WORDS: Final[dict[str, Decision]] = {
    **{"".join(d.label(lang).split()).casefold(): d for d in Decision for lang in LANGS},
    **{d.value: d for d in Decision},
    "确认": Decision.CONFIRMED,
    "不采纳": Decision.DISMISSED,
    "驳回": Decision.DISMISSED,
    "dismiss": Decision.DISMISSED,
    "confirm": Decision.CONFIRMED,
}


def _key(text: str) -> str:
    """A header as compared: without spaces or underscores, case folded."""
    return "".join(text.replace("_", " ").split()).casefold()


#: the column headers a decisions table is recognised by (either language; CSV also plain ASCII)
_ID_HEADERS: Final = frozenset(_key(t) for t in (m.COL_ID.zh, m.COL_ID.en, "id", "finding_id", "编号"))
_DECISION_HEADERS: Final = frozenset(_key(t) for t in (m.COL_DECISION.zh, m.COL_DECISION.en, "decision"))
_NOTE_HEADERS: Final = frozenset(_key(t) for t in (m.COL_NOTE.zh, m.COL_NOTE.en, "note", "notes"))
#: how many rows from the top a workbook's header row may be
_HEADER_ROWS: Final = 10
#: a decisions file holds one row per finding; more than this is not one
MAX_DECISIONS: Final = 1_000_000


@attrs.frozen
class DecisionEntry:
    """One decision: the finding id, what was decided, the reviewer's note and where it was read
    (``review.xlsx, row 12``)."""

    id: str
    decision: Decision
    note: str = ""
    origin: str = ""


@attrs.frozen
class Decisions:
    """The decisions of a file, by finding id, and the rows that could not be used (as messages in
    both languages: ``(en, zh)``)."""

    entries: Mapping[str, DecisionEntry] = attrs.Factory(dict)
    problems: tuple[tuple[str, str], ...] = ()

    def get(self, finding_id: str) -> DecisionEntry | None:
        return self.entries.get(finding_id)

    def __len__(self) -> int:
        return len(self.entries)

    def decided(self) -> Iterator[DecisionEntry]:
        """The entries that decide something (confirmed or dismissed)."""
        return (e for e in self.entries.values() if e.decision is not Decision.PENDING)


def read_decisions(path: str | os.PathLike[str]) -> Decisions:
    """The decisions in a review workbook (.xlsx) or a CSV file. Raises
    :class:`~gov_disclosure.core.errors.ReadError` when the file cannot be read or has no finding id
    and decision columns; rows that cannot be used are listed in ``problems``, not dropped silently."""
    p = Path(path)
    data = load_bytes(p)
    is_workbook = data.startswith(b"PK\x03\x04")
    rows = _workbook_rows(data, str(p)) if is_workbook else _csv_rows(decode_text(data))
    return _decisions(rows, str(p))


def _csv_rows(text: str) -> Iterator[tuple[int, list[str]]]:
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    yield from enumerate(csv.reader(io.StringIO(text), dialect), start=1)


def _workbook_rows(data: bytes, name: str) -> Iterator[tuple[int, list[str]]]:
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - depends on the environment
        raise MissingExtraError("reading decisions from a workbook", "excel") from None
    from ..reading.zipguard import check_archive

    check_archive(data, what=".xlsx")
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise ReadError(f"damaged .xlsx ({type(exc).__name__}: {exc})", path=name) from None
    try:
        titles = [t for t in wb.sheetnames if t in (m.SHEET_FINDINGS.zh, m.SHEET_FINDINGS.en)]
        for title in titles or wb.sheetnames[:1]:
            ws = wb[title]
            for i, row in enumerate(ws.iter_rows(values_only=True), start=1):
                yield i, ["" if v is None else str(v) for v in row]
            return
    finally:
        wb.close()


def _header(row: Sequence[str]) -> tuple[int, int, int | None] | None:
    cols = [_key(c) for c in row]

    def find(names: frozenset[str]) -> int | None:
        return next((i for i, c in enumerate(cols) if c in names), None)

    id_col, decision_col = find(_ID_HEADERS), find(_DECISION_HEADERS)
    if id_col is None or decision_col is None:
        return None
    return id_col, decision_col, find(_NOTE_HEADERS)


def _decisions(rows: Iterable[tuple[int, list[str]]], name: str) -> Decisions:
    header: tuple[int, int, int | None] | None = None
    entries: dict[str, DecisionEntry] = {}
    problems: list[tuple[str, str]] = []
    choices = {lang: "、".join(d.label(lang) for d in Decision) for lang in LANGS}
    for n, row in rows:
        if header is None:
            header = _header(row)
            if header is None and n >= _HEADER_ROWS:
                break
            continue
        if len(entries) >= MAX_DECISIONS:
            raise ReadError(f"more than {MAX_DECISIONS} decisions: not a decisions file", path=name)
        id_col, decision_col, note_col = header
        cell = row[id_col].strip() if id_col < len(row) else ""
        if not cell:
            continue
        text = row[decision_col] if decision_col < len(row) else ""
        note = row[note_col].strip() if note_col is not None and note_col < len(row) else ""
        where = m.REVIEW_ROW.both(path=name, row=n)
        decision = Decision.parse(text)
        if decision is None:
            problems.append(
                (
                    m.DECISIONS_BAD_VALUE("en", where=where[0], value=text, choices=choices["en"]),
                    m.DECISIONS_BAD_VALUE("zh", where=where[1], value=text, choices=choices["zh"]),
                )
            )
            continue
        entry = DecisionEntry(cell, decision, note, f"{Path(name).name}:{n}")
        old = entries.get(cell)
        if old is None or old.decision is Decision.PENDING:
            entries[cell] = entry
        elif decision is not Decision.PENDING and decision is not old.decision:
            problems.append(
                (
                    m.DECISIONS_CONFLICT(
                        "en", where=where[0], id=cell, first=old.decision.label("en"), second=text
                    ),
                    m.DECISIONS_CONFLICT(
                        "zh", where=where[1], id=cell, first=old.decision.label("zh"), second=text
                    ),
                )
            )
    if header is None:
        en = m.DECISIONS_BAD_FILE(
            "en",
            path=name,
            id_column=m.COL_ID.en,
            decision_column=m.COL_DECISION.en,
            sheet=m.SHEET_FINDINGS.en,
        )
        zh = m.DECISIONS_BAD_FILE(
            "zh",
            path=name,
            id_column=m.COL_ID.zh,
            decision_column=m.COL_DECISION.zh,
            sheet=m.SHEET_FINDINGS.zh,
        )
        raise ReviewFileError(en, zh, path=name)
    return Decisions(entries, tuple(problems))
