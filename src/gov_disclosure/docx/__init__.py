"""Write a report as an official .docx document (or a PDF of it, through LibreOffice) and read reports
from .docx files.

Needs the ``docx`` extra (python-docx, lxml): ``pip install "gov-disclosure[docx]"``. Reading needs
only lxml: python-docx is imported when a document is first written (or annotated).

Layer: formats. Imports the core and the reading layer (the loader, the zip guard, the engine,
metadata); never :mod:`gov_disclosure.io`, batch or the CLI.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..core.errors import MissingExtraError
from ..core.messages import errors as E

try:
    import lxml as _lxml  # noqa: F401
except ImportError:  # pragma: no cover - depends on the environment
    raise MissingExtraError(E.FEATURE_DOCX, "docx") from None

from ._reader import DocxReading, read_docx, read_docx_anchored
from ._style import DocxStyle

if TYPE_CHECKING:
    from ._pdf import docx_to_pdf, write_pdf
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

_WRITERS = {"write_docx": "._writer", "docx_to_pdf": "._pdf", "write_pdf": "._pdf"}


def __getattr__(name: str) -> Any:
    """The writers, imported with python-docx on first use (a reading process never loads it)."""
    if name in _WRITERS:
        import importlib

        try:
            import docx as _python_docx  # noqa: F401
        except ImportError:  # pragma: no cover - depends on the environment
            raise MissingExtraError(E.FEATURE_DOCX, "docx") from None
        value = getattr(importlib.import_module(_WRITERS[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
