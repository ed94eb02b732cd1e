"""Hand corrections: a person enters the value of a cell that a reader declined or a report misprinted,
with a note saying why, and the report is checked with it.

A correction is never silent: each applied one gives a GD901 finding (information) at its cell, with
the value entered, the text the file had and the note; one that cannot be applied (no such cell in the
report's format, a value that is not a number) gives a GD902 error and leaves the cell as read. The
reader's own findings about a corrected cell (GD101–GD106 at that cell, or a declined row whose every
cell was corrected) are dropped, since the cell now holds the person's value; the validator then checks
the corrected report as any other.

Which report a correction is for: a file (matched by path, or by file name when the name is unique
among the files checked), or an agency and year (agencies compared as
:func:`~gov_disclosure.core.findings.agency_key` does).

Layer: core. Imports only the standard library, attrs and the core.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Final

import attrs

from .codes import CODES
from .findings import CellRef, Finding, agency_key
from .messages import Lang, Message
from .messages import review as m
from .model import Report
from .values import Cell, format_cell, parse_cell
from .vocabulary import location_label

__all__ = ["READER_CODES", "HandFix", "apply_fixes", "fixes_for", "resolve_file_names"]

#: the codes of findings about a cell as read; a hand correction of the cell replaces them
READER_CODES: Final = frozenset({"GD101", "GD102", "GD103", "GD104", "GD105", "GD106"})


@attrs.frozen
class HandFix:
    """One hand correction: the value ``text`` for the cell at ``address`` of one report.

    ``file`` or (``agency``, ``year``) says which report; ``origin`` where the correction was written
    (``fixes.csv:3``), for messages."""

    address: str
    text: str
    note: str = ""
    file: str | None = None
    agency: str | None = None
    year: int | None = None
    origin: str = ""

    def matches(self, path: str | None, agency: str | None, year: int | None) -> bool:
        """Whether this correction is for the report read from ``path`` with this agency and year."""
        if self.file is not None:
            return path is not None and _same_path(self.file, path)
        key = agency_key(self.agency)
        return key is not None and key == agency_key(agency) and self.year is not None and self.year == year

    @property
    def target(self) -> str:
        """Which report, in words: the file, or the agency and year."""
        return self.file if self.file is not None else f"{self.agency} {self.year}"


def _same_path(written: str, path: str) -> bool:
    a, b = Path(written), Path(path)
    if a == b:
        return True
    if len(a.parts) == 1:  # a bare file name: the caller checked it is unique among the files
        return a.name == b.name
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.normpath(os.path.abspath(a)) == os.path.normpath(os.path.abspath(b))


def resolve_file_names(fixes: Sequence[HandFix], paths: Sequence[str]) -> list[HandFix]:
    """The corrections with each bare file name replaced by the path of the one file of that name
    among ``paths``; a correction whose bare name fits no file or several is left out (it is for
    no report, and the caller reports it as unused)."""
    by_name: dict[str, list[str]] = {}
    for p in paths:
        by_name.setdefault(Path(p).name, []).append(p)
    out = []
    for fix in fixes:
        if fix.file is not None and len(Path(fix.file).parts) == 1 and not any(fix.file == p for p in paths):
            found = by_name.get(fix.file, [])
            if len(found) != 1:
                continue
            fix = attrs.evolve(fix, file=found[0])
        out.append(fix)
    return out


def fixes_for(
    fixes: Iterable[HandFix], path: str | None, agency: str | None, year: int | None
) -> list[HandFix]:
    """The corrections that are for one report."""
    return [f for f in fixes if f.matches(path, agency, year)]


def _label(address: str, report: Report) -> tuple[str, str]:
    return location_label(address, report.format, "en"), location_label(address, report.format, "zh")


def _both(message: Message, en: Mapping[str, object], zh: Mapping[str, object]) -> tuple[str, str]:
    return message("en", **en), message("zh", **zh)


def apply_fixes(
    report: Report, findings: Sequence[Finding], fixes: Iterable[HandFix]
) -> tuple[Report, list[Finding]]:
    """The report with the corrections applied, and the reader's findings adjusted: a GD901 finding
    per applied correction (first), a GD902 per correction that could not be applied, and the
    reader's findings about corrected cells dropped. Pass the result to ``validate(report,
    findings=...)``."""
    s = report.spec
    applied: dict[str, HandFix] = {}
    notes: list[Finding] = []
    cells: dict[str, Cell] = {}
    raw: dict[str, str] = {}
    for fix in fixes:
        origin = fix.origin or None
        if not s.has_cell(fix.address):
            en, zh = m.FIX_NO_CELL.both(address=fix.address, format=report.format)
            notes.append(CODES["GD902"].finding(en, zh, location=fix.address, source=origin, raw=fix.text))
            continue
        label_en, label_zh = _label(fix.address, report)
        if fix.address in applied:
            first = applied[fix.address].text
            en, zh = _both(
                m.FIX_TWICE, {"label": label_en, "text": first}, {"label": label_zh, "text": first}
            )
            notes.append(CODES["GD902"].finding(en, zh, location=fix.address, source=origin, raw=fix.text))
            continue
        c = s.cell(fix.address)
        parsed = parse_cell(fix.text, c.kind, c.unit)
        if parsed.value is None or parsed.problem not in (None, "GD104"):
            en, zh = _both(
                m.FIX_NOT_A_VALUE,
                {"label": label_en, "text": fix.text},
                {"label": label_zh, "text": fix.text},
            )
            notes.append(CODES["GD902"].finding(en, zh, location=fix.address, source=origin, raw=fix.text))
            continue
        applied[fix.address] = fix
        cells[fix.address] = parsed.value
        if fix.text.strip() != format_cell(parsed.value, c.unit):
            raw[fix.address] = fix.text.strip()
    if not applied:
        return report, [*notes, *findings]
    before = {a: report.cell_text(a) for a in applied}
    fixed = report.with_cells(cells, raw=raw)
    made: list[Finding] = []
    for address, fix in applied.items():
        was = before[address]
        value = fixed.cell(address)
        shown = format_cell(value, s.cell(address).unit)
        label_en, label_zh = _label(address, report)
        langs: tuple[tuple[Lang, str], ...] = (("en", label_en), ("zh", label_zh))
        params = {
            lang: {
                "label": label,
                "value": shown,
                "was": m.FIX_WAS(lang, text=was) if was else m.FIX_WAS_NOTHING(lang),
                "note": m.FIX_NOTE(lang, note=fix.note) if fix.note else "",
            }
            for lang, label in langs
        }
        en, zh = _both(m.FIX_APPLIED, params["en"], params["zh"])
        made.append(
            CODES["GD901"].finding(
                en,
                zh,
                location=address,
                cells=[CellRef(address, value)],
                source=fix.origin or None,
                raw=was or None,
            )
        )
    kept = [f for f in findings if not _covered(f, applied)]
    return fixed, [*made, *notes, *kept]


def _covered(f: Finding, fixed: dict[str, HandFix]) -> bool:
    """A reader's finding that a correction answers: about a corrected cell, or a declined row whose
    every cell was corrected."""
    if f.code not in READER_CODES:
        return False
    if f.location in fixed:
        return True
    return bool(f.cells) and f.location is not None and all(c.address in fixed for c in f.cells)
