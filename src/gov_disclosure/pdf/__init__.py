"""PDF: read a report from a PDF file, through poppler's ``pdftotext -layout``.

Most reports are published as PDF. Their text layer, extracted with ``pdftotext -layout``, keeps
each table row on one line with the cells aligned by spaces, which :func:`gov_disclosure.text.read_text`
reads cell by cell. ``pdftotext`` is a program, not a Python package: install poppler
(Debian/Ubuntu: ``apt-get install poppler-utils``; macOS: ``brew install poppler``; conda:
``conda install poppler``). Without it, reading a PDF raises :class:`MissingToolError`, which says so.

A scanned PDF has no text layer: it is refused with a message saying to run OCR first. The program
runs with a time limit and its output is size-checked before it is read.

Layer: formats. Imports the core, the reading layer and :mod:`gov_disclosure.text` (a format of
the same layer, for the extracted text); never :mod:`gov_disclosure.io`, batch or the CLI.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Final

from ..core.errors import FileTooLargeError, MissingToolError, ReadError
from ..core.findings import Finding
from ..core.messages import errors as E
from ..core.model import Report
from ..core.vocabulary import FormatKey
from ..reading.load import MAX_FILE_BYTES, load_bytes
from ..text import MAX_TEXT_CHARS, read_text

__all__ = ["PDFTOTEXT_TIMEOUT", "pdf_text", "read_pdf"]

#: seconds ``pdftotext`` may take for one file
PDFTOTEXT_TIMEOUT: Final = 60.0


def pdf_text(
    source: str | os.PathLike[str] | bytes,
    *,
    timeout: float = PDFTOTEXT_TIMEOUT,
    max_bytes: int = MAX_FILE_BYTES,
) -> str:
    """The text layer of a PDF (a path or its bytes) as ``pdftotext -layout`` extracts it; pages are
    separated by form feeds. Raises :class:`ReadError` (a damaged PDF, no text layer, too slow),
    :class:`MissingToolError` without ``pdftotext``."""
    data = load_bytes(source, max_bytes=max_bytes)
    if not data.startswith(b"%PDF"):
        raise ReadError(E.NOT_PDF)
    exe = shutil.which("pdftotext")
    if exe is None:
        raise MissingToolError(E.NO_PDFTOTEXT)
    with tempfile.TemporaryDirectory(prefix="gov-disclosure-pdf-") as tmp:
        pdf, txt = Path(tmp, "in.pdf"), Path(tmp, "out.txt")
        pdf.write_bytes(data)
        try:
            done = subprocess.run(
                [exe, "-layout", "-enc", "UTF-8", "-q", str(pdf), str(txt)],
                capture_output=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise ReadError(E.PDFTOTEXT_TIMEOUT, seconds=f"{timeout:g}") from None
        except OSError as exc:
            raise ReadError(E.PDFTOTEXT_FAILED, reason=E.os_reason(exc)) from None
        if done.returncode != 0 or not txt.exists():
            why = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise ReadError(E.DAMAGED_PDF, detail=why[0][:200] if why else None)
        size = txt.stat().st_size
        if size > 4 * MAX_TEXT_CHARS:  # UTF-8: at most 4 bytes a character
            raise FileTooLargeError(E.PDF_TEXT_TOO_LARGE, size=size)
        text = txt.read_bytes().decode("utf-8", errors="replace")
    if not text.replace("\f", "").strip():
        raise ReadError(E.PDF_NO_TEXT)
    return text


def read_pdf(
    source: str | os.PathLike[str] | bytes,
    *,
    format: FormatKey | None = None,
    timeout: float = PDFTOTEXT_TIMEOUT,
) -> tuple[Report, list[Finding]]:
    """Read a report from a PDF file with a text layer: :func:`pdf_text`, then
    :func:`gov_disclosure.text.read_text` (whose findings cite lines of the extracted text).

    A table row with a blank cell cannot be told apart in the extracted text, so it is GD105 with
    its raw cells, never guessed.
    """
    return read_text(pdf_text(source, timeout=timeout), format=format)
