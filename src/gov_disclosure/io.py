"""``read_report``: read a report from any supported file, recognised by its content (not only its suffix).

Layer: io, above the format packages (``gov_disclosure.excel``, ``.docx``, ``.text``, ``.html``,
``.pdf``), which it imports only when a file of theirs is read, so the core works without their extras.
"""

from __future__ import annotations

import os
from pathlib import Path

from .core.errors import ReadError
from .core.findings import Finding
from .core.model import Report
from .reading.load import MAX_FILE_BYTES, load_bytes
from .reading.sniff import FileKind, sniff

__all__ = ["read_report"]


def read_report(
    source: str | os.PathLike[str] | bytes, *, max_bytes: int = MAX_FILE_BYTES
) -> tuple[Report, list[Finding]]:
    """Read a report from a .json, .xlsx, .docx, .html, .pdf or .txt file, whatever its suffix says
    (a PDF needs the ``pdftotext`` program: see :mod:`gov_disclosure.pdf`).

    ``source`` is a path (``str`` or ``os.PathLike``) or the file's content (``bytes``), as for every
    reader (docs/reading.md); the kind of file is recognised from the content either way. Text you
    hold as a ``str`` goes to :func:`gov_disclosure.text.read_text` (``text=``) or
    :func:`gov_disclosure.html.read_html` (``html=``).

    Returns the report and the reader's findings (cells it could not read, rows that did not fit).
    Raises a :class:`~gov_disclosure.core.errors.ReadError` when the file cannot be read at all.
    """
    if isinstance(source, bytes):
        data = load_bytes(source, max_bytes=max_bytes)
        return _read(sniff(data), data)
    if not isinstance(source, (str, os.PathLike)):
        raise TypeError(
            f"read_report() takes a path (str or os.PathLike) or the file's bytes, not {type(source).__name__}"
        )
    p = Path(source)
    data = load_bytes(p, max_bytes=max_bytes)
    kind = sniff(data, str(p))
    try:
        return _read(kind, data)
    except ReadError as exc:
        if exc.path is None:
            exc.path = str(p)  # the message names the file from now on
        raise


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
    from .text import read_text

    result = read_text(data)  # bytes: decoded with a finding at any byte that is not text
    return result
