"""Hand corrections read from a CSV file (UTF-8 with or without BOM, or GB18030 as Excel saves it on
Chinese Windows), one correction per row:

- which report: ``file`` (文件: its path, or its bare name when that is unique among the files
  checked), or ``agency`` (机关) and ``year`` (年度);
- ``cell`` (单元格, also ``address``/位置): the FORMAT.md address (``applications/new/total``) or the
  location as the review workbook shows it (``表三 · 一、本年新收政府信息公开申请数量 · 总计``);
- ``value`` (数值): the value, as it would be written in the cell;
- ``note`` (备注): why (“按纸质原件核对”); shown with the correction everywhere.

Applying them is the core's business (:func:`gov_disclosure.core.fixes.apply_fixes`); here they are
read, and after a run the ones that were used for no report are found (:func:`unused_fixes`).

Layer: review. Imports the core and the reading layer (the guarded loader).
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any, Final

from ..core.findings import Finding
from ..core.fixes import HandFix
from ..core.messages import review as m
from ..core.vocabulary import FORMATS, location_label, spec
from ..reading.load import decode_text, load_bytes
from .errors import ReviewFileError

__all__ = ["address_of", "read_fixes", "unused_fixes"]

_COLUMNS: Final[dict[str, frozenset[str]]] = {
    "file": frozenset({"file", "path", "文件", "文件名"}),
    "agency": frozenset({"agency", "机关", "单位", "报告机关"}),
    "year": frozenset({"year", "年度", "报告年度"}),
    "cell": frozenset({"cell", "address", "location", "单元格", "地址", "位置"}),
    "value": frozenset({"value", "数值", "值", "更正值"}),
    "note": frozenset({"note", "notes", "备注", "说明"}),
}
#: a fixes file has a handful of rows; more than this is not one
MAX_FIXES: Final = 100_000
_YEAR = re.compile(r"^\s*(\d{4})\s*年?度?\s*$")


@cache
def _labels() -> dict[str, str | None]:
    """Location labels in both languages and both formats → address (None where two formats give
    one label different addresses)."""
    out: dict[str, str | None] = {}
    for f in FORMATS:
        for c in spec(f).cells:
            for lang in ("zh", "en"):
                key = "".join(location_label(c.address, f, lang).split())
                if out.get(key, c.address) != c.address:
                    out[key] = None
                else:
                    out[key] = c.address
    return out


def address_of(text: str) -> str | None:
    """The cell address a fixes file names: an address as it is, or a location label."""
    t = text.strip()
    if any(spec(f).has_cell(t) for f in FORMATS):
        return t
    return _labels().get("".join(t.split()))


def read_fixes(path: str | os.PathLike[str]) -> tuple[list[HandFix], list[tuple[str, str]]]:
    """The corrections in a fixes CSV, and the rows that could not be used as ``(en, zh)`` messages.
    Raises :class:`~.errors.ReviewFileError` when the file has no cell and value columns."""
    p = Path(path)
    text = decode_text(load_bytes(p))
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = csv.reader(io.StringIO(text), dialect)
    header = next(rows, [])
    cols = {"".join(h.split()).casefold(): i for i, h in enumerate(header)}
    where: dict[str, int] = {}
    for key, names in _COLUMNS.items():
        found = next((cols[n] for n in names if n in cols), None)
        if found is not None:
            where[key] = found
    if "cell" not in where or "value" not in where or not ("file" in where or "agency" in where):
        columns = {"en": "cell, value", "zh": "单元格、数值"}
        raise ReviewFileError(
            m.FIXES_BAD_HEADER("en", path=str(p), columns=columns["en"]),
            m.FIXES_BAD_HEADER("zh", path=str(p), columns=columns["zh"]),
            path=str(p),
        )
    fixes: list[HandFix] = []
    problems: list[tuple[str, str]] = []
    for n, row in enumerate(rows, start=2):
        if len(fixes) >= MAX_FIXES:
            raise ReviewFileError(f"{p}: more than {MAX_FIXES} rows", f"{p}：超过{MAX_FIXES}行", path=str(p))

        def get(key: str, row: list[str] = row) -> str:
            i = where.get(key)
            return row[i].strip() if i is not None and i < len(row) else ""

        if not any(c.strip() for c in row):
            continue
        origin = f"{p.name}:{n}"
        origin_en, origin_zh = m.REVIEW_ROW.both(path=p.name, row=n)
        problem: tuple[str, str] | None = None
        file, agency, year_text = get("file") or None, get("agency") or None, get("year")
        year = None
        if year_text:
            ym = _YEAR.match(year_text)
            if ym is None:
                problem = m.FIXES_BAD_YEAR.both(year=year_text)
            else:
                year = int(ym.group(1))
        address = address_of(get("cell"))
        if problem is None and file is None and (agency is None or year is None):
            problem = m.FIXES_NO_TARGET.both()
        if problem is None and address is None:
            problem = (
                m.FIXES_NO_ADDRESS.both()
                if not get("cell")
                else m.FIX_NO_CELL.both(address=get("cell"), format="2019/2021")
            )
        if problem is not None or address is None:
            assert problem is not None
            problems.append(
                (
                    m.FIXES_BAD_ROW("en", where=origin_en, problem=problem[0]),
                    m.FIXES_BAD_ROW("zh", where=origin_zh, problem=problem[1]),
                )
            )
            continue
        fixes.append(
            HandFix(
                address,
                get("value"),
                get("note"),
                file=file,
                agency=None if file else agency,
                year=None if file else year,
                origin=origin,
            )
        )
    return fixes, problems


def unused_fixes(fixes: Sequence[HandFix], findings: Iterable[Finding]) -> list[tuple[HandFix, str, str]]:
    """The corrections that were used for no report (no GD901/GD902 finding came from them), with a
    message in both languages."""
    used = {f.source for f in findings if f.code in ("GD901", "GD902") and f.source}
    out = []
    for fix in fixes:
        if fix.origin not in used:
            en = m.FIX_UNUSED("en", target=fix.target, origin=fix.origin)
            zh = m.FIX_UNUSED("zh", target=fix.target, origin=fix.origin)
            out.append((fix, en, zh))
    return out
