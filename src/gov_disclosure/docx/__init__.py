"""Write a report as an official .docx document (or a PDF of it, through LibreOffice) and read reports
from .docx files.

Needs the ``docx`` extra (python-docx): ``pip install "gov-disclosure[docx]"``.

Layer: formats. Imports the core and the reading layer (the loader, the zip guard, the engine,
metadata); never :mod:`gov_disclosure.io`, batch or the CLI.
"""

from __future__ import annotations

from ..core.errors import MissingExtraError
from ..core.messages import errors as E

try:
    import lxml as _lxml  # noqa: F401

    import docx as _python_docx  # noqa: F401
except ImportError:  # pragma: no cover - depends on the environment
    raise MissingExtraError(E.FEATURE_DOCX, "docx") from None

from ._pdf import docx_to_pdf, write_pdf
from ._reader import DocxReading, read_docx, read_docx_anchored
from ._style import DocxStyle
from ._writer import write_docx

__all__ = [
    "DocxReading",
    "DocxStyle",
    "docx_to_pdf",
    "read_docx",
    "read_docx_anchored",
    "write_docx",
    "write_pdf",
]
