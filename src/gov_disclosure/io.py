"""``read_report``: read a report from any supported file, recognised by its content (not only its suffix).

Layer: io, above the format packages (``gov_disclosure.excel``, ``.docx``, ``.text``, ``.markdown``,
``.html``, ``.pdf``), which it imports only when a file of theirs is read, so the core works without
their extras.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

import attrs

from .core.errors import ReadError
from .core.findings import Finding
from .core.model import Report
from .core.quality import ReadQuality
from .reading.load import MAX_FILE_BYTES, load_bytes
from .reading.sniff import FileKind, sniff

__all__ = ["READERS", "ReadInfo", "read_report", "read_report_info"]

#: the reader of each kind of file, as a user calls it
READERS: Final[dict[FileKind, str]] = {
    "json": "gov_disclosure.from_json",
    "xlsx": "gov_disclosure.excel.read_xlsx",
    "docx": "gov_disclosure.docx.read_docx",
    "html": "gov_disclosure.html.read_html",
    "pdf": "gov_disclosure.pdf.read_pdf",
    "markdown": "gov_disclosure.markdown.read_markdown",
    "text": "gov_disclosure.text.read_text",
}


@attrs.frozen
class ReadInfo:
    """A file read by :func:`read_report_info`: the report, the reader's findings, what the file was
    taken for (``kind``), the reader that read it, and how well (:class:`ReadQuality`)."""

    report: Report
    findings: tuple[Finding, ...]
    kind: FileKind
    quality: ReadQuality

    @property
    def reader(self) -> str:
        """The reader function used, as a user would call it (``gov_disclosure.markdown.read_markdown``)."""
        return READERS[self.kind]


def read_report(
    source: str | os.PathLike[str] | bytes, *, max_bytes: int = MAX_FILE_BYTES
) -> tuple[Report, list[Finding]]:
    """Read a report from a .json, .xlsx, .docx, .html, .md, .pdf or .txt file, whatever its suffix
    says (a PDF needs the ``pdftotext`` program: see :mod:`gov_disclosure.pdf`).

    ``source`` is a path (``str`` or ``os.PathLike``) or the file's content (``bytes``), as for every
    reader (docs/reading.md); the kind of file is recognised from the content either way. Text you
    hold as a ``str`` goes to :func:`gov_disclosure.text.read_text` (``text=``) or
    :func:`gov_disclosure.html.read_html` (``html=``).

    Returns the report and the reader's findings (cells it could not read, rows that did not fit).
    Raises a :class:`~gov_disclosure.core.errors.ReadError` when the file cannot be read at all, and
    :class:`~gov_disclosure.core.errors.NoTablesError` (one of them) when it reads but holds none of
    the statistical tables. :func:`read_report_info` also says which reader read it, and how well.
    """
    info = read_report_info(source, max_bytes=max_bytes)
    return info.report, list(info.findings)


def read_report_info(source: str | os.PathLike[str] | bytes, *, max_bytes: int = MAX_FILE_BYTES) -> ReadInfo:
    """:func:`read_report`, with what the file was taken for, the reader used and the quality of the
    reading (cells placed / declined / blank: :class:`~gov_disclosure.core.quality.ReadQuality`)."""
    if isinstance(source, bytes):
        data = load_bytes(source, max_bytes=max_bytes)
        kind = sniff(data)
        report, findings = _read(kind, data)
        return ReadInfo(report, tuple(findings), kind, ReadQuality.of(report, findings))
    if not isinstance(source, (str, os.PathLike)):
        raise TypeError(
            f"read_report() takes a path (str or os.PathLike) or the file's bytes, not {type(source).__name__}"
        )
    p = Path(source)
    data = load_bytes(p, max_bytes=max_bytes)
    kind = sniff(data, str(p))
    try:
        report, findings = _read(kind, data)
    except ReadError as exc:
        if exc.path is None:
            exc.path = str(p)  # the message names the file from now on
        raise
    return ReadInfo(report, tuple(findings), kind, ReadQuality.of(report, findings))


def _read(kind: FileKind, data: bytes) -> tuple[Report, list[Finding]]:
    result: tuple[Report, list[Finding]]
    if kind == "json":
        from .core.serialize import from_json

        return from_json(data), []
    if kind == "xlsx":
        from .excel import read_xlsx

        result = read_xlsx(data)
        return result
    if kind == "docx":
        from .docx import read_docx

        result = read_docx(data)
        return result
    if kind == "html":
        from .html import read_html

        result = read_html(data)  # bytes: the page's own <meta charset> decides
        return result
    if kind == "pdf":
        from .pdf import read_pdf

        result = read_pdf(data)
        return result
    if kind == "markdown":
        from .markdown import read_markdown

        result = read_markdown(data)  # bytes: UTF-8, UTF-16 with a BOM, or GB18030
        return result
    from .text import read_text

    result = read_text(data)  # bytes: decoded with a finding at any byte that is not text
    return result
