"""Reading a report from a .docx file: ours exactly, anyone's tolerantly."""

from __future__ import annotations

import io
import os
from collections.abc import Mapping, Sequence
from typing import Any

import attrs
from lxml import etree

from ..core.errors import FileTooLargeError, NoTablesError, ReadError, ShapeError, UnsafeFileError
from ..core.findings import Finding
from ..core.messages import errors as E
from ..core.messages import reading as reading_messages
from ..core.model import Report
from ..core.values import format_cell
from ..core.vocabulary import SECTIONS
from ..reading.engine import Grid, read_grids
from ..reading.load import load_bytes
from ..reading.meta import (
    MAX_PARAGRAPHS,
    Assembled,
    assemble_anchored,
    fit_sections,
    format_date,
    outline,
    parse_date,
    parse_title,
)
from ._names import HEADING_STYLE, SIGNATURE_STYLE, TITLE_STYLE, title_text
from ._package import read_parts
from ._props import OwnMetadata, parse_custom_properties
from ._walk import Paragraph, TooManyCells, walk_body, walk_body_anchored
from ._xml import W_NS, printable

__all__ = ["DocxReading", "read_docx", "read_docx_anchored"]


def read_docx(source: str | os.PathLike[str] | bytes) -> tuple[Report, list[Finding]]:
    """Read a report from a .docx file (a path or the file's bytes).

    Returns the report and the reader's findings. A document written by :func:`write_docx` reads
    back exactly; any other is read by its headings and table labels (FORMAT.md §8), and what
    cannot be placed is reported (GD102, GD105, GD106), never guessed.

    Only the main document and the custom properties are read, straight from the zip with lxml
    (:mod:`._package`: bounded before parsing); python-docx is not involved.

    Raises :class:`~gov_disclosure.core.errors.ReadError` (not a .docx, damaged, truncated),
    :class:`~gov_disclosure.core.errors.UnsupportedFileError` (a legacy .doc),
    :class:`~gov_disclosure.core.errors.UnsafeFileError` (a zip bomb, a DTD or entity declaration)
    or :class:`~gov_disclosure.core.errors.FileTooLargeError` (too many XML elements or paragraphs).
    """
    parts = read_parts(load_bytes(source))
    paragraphs, grids = _walk(parts.body)
    own = parse_custom_properties(parts.custom) if parts.custom is not None else None
    del parts  # the document's tree is freed here, before the reading (nothing else holds it)
    done = _read(own, paragraphs, grids)
    return done.report, done.findings


@attrs.frozen
class DocxReading:
    """A report read from a .docx with where each part of it stands in the document (for marking
    findings in the document: see :func:`read_docx_anchored`).

    ``document`` is the python-docx document read; ``cells`` maps each table cell address that was
    read to its ``w:tc`` element, ``positions`` each grid position (``table 2, row 5, cell 3``, as in
    findings' ``source``) to its ``w:tc``, ``paragraphs`` the paragraphs outside tables (``paragraph
    N`` in a finding's ``source`` is ``paragraphs[N - 1]``) and ``places`` the ``w:p`` of the title
    (``title``, ``year``, ``format``), the agency line (``agency``), the date (``published_on``) and
    each section heading (``sections/<key>``) found."""

    report: Report
    findings: list[Finding]
    document: Any = attrs.field(repr=False)
    cells: Mapping[str, etree._Element] = attrs.field(repr=False)
    positions: Mapping[str, etree._Element] = attrs.field(repr=False)
    paragraphs: Sequence[etree._Element] = attrs.field(repr=False)
    places: Mapping[str, etree._Element] = attrs.field(repr=False)


def read_docx_anchored(source: str | os.PathLike[str] | bytes) -> DocxReading:
    """:func:`read_docx`, also returning the document (python-docx's, to be annotated and saved) and
    the elements each part was read from. The file passes the same checks first. Raises as
    :func:`read_docx` does."""
    data = load_bytes(source)
    parts = read_parts(data)  # the same refusals and limits as read_docx, before python-docx parses it
    own = parse_custom_properties(parts.custom) if parts.custom is not None else None
    del parts
    document = _python_docx(data)
    body = document.element.find(f"{{{W_NS}}}body")
    if body is None:  # pragma: no cover - read_parts found it
        raise ReadError(E.DOCX_NO_BODY)
    try:
        paragraphs, grids, anchors = walk_body_anchored(body)
    except RecursionError:
        raise UnsafeFileError(E.TABLES_TOO_DEEP) from None
    except TooManyCells as exc:
        raise UnsafeFileError(E.TOO_MANY_CELLS, limit=exc.limit) from None
    done = _read(own, paragraphs, grids)
    cells = {a: anchors.cells[src] for a, src in done.sources.items() if src in anchors.cells}
    places = {k: anchors.paragraphs[i] for k, i in done.places.items() if 0 <= i < len(anchors.paragraphs)}
    return DocxReading(
        done.report, done.findings, document, cells, anchors.cells, anchors.paragraphs, places
    )


def _python_docx(data: bytes) -> Any:
    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a broken package
        if isinstance(exc, ReadError):
            raise
        raise ReadError(E.DOCX_UNREADABLE, detail=f"{type(exc).__name__}: {exc}") from None


def _walk(body: etree._Element) -> tuple[list[Paragraph], list[Grid]]:
    try:
        return walk_body(body)
    except RecursionError:
        raise UnsafeFileError(E.TABLES_TOO_DEEP) from None
    except TooManyCells as exc:
        raise UnsafeFileError(E.TOO_MANY_CELLS, limit=exc.limit) from None


def _read(own: OwnMetadata | None, paragraphs: Sequence[Paragraph], grids: Sequence[Grid]) -> Assembled:
    """A report from a document's paragraphs and grids: ours by its structure (``own``: what the
    writer stored), anyone's by its headings and labels. Documents of either kind are held to the
    same limit of paragraphs."""
    if len(paragraphs) > MAX_PARAGRAPHS:
        raise FileTooLargeError(E.TOO_MANY_PARAGRAPHS, n=len(paragraphs), limit=MAX_PARAGRAPHS)
    if own is not None:
        try:
            result = _read_own(own, paragraphs, grids)
        except ShapeError:  # stored values that do not fit the format: the properties were tampered with
            result = None
        if result is not None:
            return result
    texts = [p.text for p in paragraphs]
    done = assemble_anchored(texts, grids, format=own.format if own else None)
    if own is not None and own.agency_kind is not None:
        done = attrs.evolve(done, report=attrs.evolve(done.report, agency_kind=own.agency_kind))
    return done


def _read_own(own: OwnMetadata, paragraphs: Sequence[Paragraph], grids: Sequence[Grid]) -> Assembled | None:
    """Read a document gov-disclosure wrote by its structure; None when it has been changed too
    much for that (then it is read like anyone's)."""
    titles = [i for i, p in enumerate(paragraphs) if p.style == TITLE_STYLE]
    heads = [i for i, p in enumerate(paragraphs) if p.style == HEADING_STYLE]
    if len(titles) != 1 or [paragraphs[i].text for i in heads] != [s.heading for s in SECTIONS]:
        return None
    if titles[0] > heads[0]:
        return None
    signature = [i for i, p in enumerate(paragraphs) if p.style == SIGNATURE_STYLE and i > heads[-1]]
    end = signature[0] if signature else len(paragraphs)
    texts: dict[str, str] = {}
    for n, section in enumerate(SECTIONS):
        stop = heads[n + 1] if n + 1 < len(heads) else end
        text = "\n".join(p.text for p in paragraphs[heads[n] + 1 : stop])
        text_fix = own.sections.get(section.key)
        texts[section.key] = text_fix.text if text_fix is not None and text_fix.seen == text else text
    title = paragraphs[titles[0]].text
    if title == printable(title_text(own.agency, own.year)):
        agency, year = own.agency, own.year
    else:
        agency, year = parse_title(title)
    published_on = None
    for i in signature:
        text = paragraphs[i].text
        if own.published_on is not None and text == format_date(own.published_on):
            published_on = own.published_on
        elif published_on is None:
            published_on = parse_date(text)
    sections, too_long = fit_sections(texts)
    reading = read_grids(grids, format=own.format)
    cells = dict(reading.cells)
    raw = dict(reading.raw)
    positions = {c.source: c for g in grids for row in g for c in row}
    fixed: set[str] = set()
    fixed_rows: set[str] = set()
    sources = dict(reading.sources)
    for address, fix in own.cells.items():
        if fix.source is not None:
            found = positions.get(fix.source)
            seen = found.text.strip() if found is not None and not found.continued else None
        elif address in cells or address in raw:
            unit = _unit(own, address)
            seen = raw.get(address, format_cell(cells.get(address), unit))  # type: ignore[arg-type]
        else:
            seen = None
        if seen != fix.seen:
            continue
        cells[address] = fix.value
        raw.pop(address, None)
        if fix.raw is not None:
            raw[address] = fix.raw
        fixed.add(address)
        if fix.source is not None:
            fixed_rows.add(_row_of(fix.source))
            sources[address] = fix.source
    findings = too_long + [
        f
        for f in reading.findings
        if f.location not in fixed and not (f.source is not None and _row_of(f.source) in fixed_rows)
    ]
    if not reading.tables:
        raise NoTablesError(reading_messages.NO_TABLES)
    report = Report.from_cells(
        own.format,
        cells,
        year=year,
        agency=agency,
        agency_kind=own.agency_kind,
        published_on=published_on,
        sections=sections,
        raw=raw,
        outline=outline([p.text for p in paragraphs], end),  # its headings, as anyone's document's
    )
    places = {"title": titles[0], "year": titles[0], "format": titles[0], "agency": titles[0]}
    places.update({f"sections/{s.key}": i for s, i in zip(SECTIONS, heads, strict=True)})
    if signature:
        places["agency"] = signature[0]
        dated = next((i for i in signature if parse_date(paragraphs[i].text)), None)
        if dated is not None:
            places["published_on"] = dated
    return Assembled(report, findings, sources, places)


def _unit(own: OwnMetadata, address: str) -> str | None:
    from ..core.vocabulary import spec

    s = spec(own.format)
    return s.cell(address).unit if s.has_cell(address) else None


def _row_of(source: str) -> str:
    """``table 3, row 4`` of ``table 3, row 4, cell 2``."""
    return source.rsplit(",", 1)[0] if source.count(",") >= 2 else source
