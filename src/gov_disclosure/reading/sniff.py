"""What kind of file a report is, from its content (the suffix decides only a tie).

Binary formats by their signatures (zip → .xlsx/.docx by their parts, %PDF, OLE2 refused); text by
what it holds: JSON; HTML — a whole page, or a fragment (a CMS field or a page's content saved without
``<html>``/``<body>``: ``<p style=…>``, ``<div>``, ``<span>``, ``<br>``, ``<table>`` anywhere early);
Markdown — pipe tables (a ``|---|`` separator line) or ``#`` headings; plain text otherwise. When the
content leaves two readers equally likely, the file's suffix decides (``.md`` Markdown, ``.html`` HTML,
``.txt`` text).

Layer: reading. Imports only :mod:`gov_disclosure.core` and :mod:`.load`.
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Final, Literal, TypeAlias

from ..core.errors import ReadError, UnsupportedFileError
from ..core.messages import errors as E
from .load import decode_text

__all__ = ["FileKind", "sniff"]

FileKind: TypeAlias = Literal["json", "xlsx", "docx", "html", "pdf", "markdown", "text"]

_OLE2: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: how much of a text file is looked at (the first table of a converted report may start late)
_HEAD: Final = 64 * 1024

_PAGE_START: Final = ("<!doctype", "<html", "<?xml", "<body", "<head", "<meta")
#: tags that make HTML of a text: block and inline elements a report's page is written with
_TAG: Final = re.compile(
    r"<(?:p|div|span|br|table|tr|td|th|tbody|thead|font|strong|b|i|u|em|h[1-6]|ul|ol|li|a|img|"
    r"section|article|center|blockquote|pre|hr|sup|sub)(?:\s[^<>]{0,400})?/?>",
    re.I,
)
_CLOSE: Final = re.compile(r"</(?:p|div|span|table|tr|td|th|font|strong|b|h[1-6]|li|a|section|center)>", re.I)
_MD_SEPARATOR: Final = re.compile(r"^\s{0,3}\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$", re.M)
_MD_PIPE_ROW: Final = re.compile(r"^\s{0,3}\|.+\|\s*$", re.M)
_MD_HEADING: Final = re.compile(r"^\s{0,3}#{1,6}\s+\S", re.M)

_SUFFIX_KIND: Final[dict[str, FileKind]] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".text": "text",
}


def sniff(data: bytes, name: str = "") -> FileKind:
    """What kind of file ``data`` is (``name``'s suffix breaks a tie between text kinds). Raises
    UnsupportedFileError for legacy Office and binaries, ReadError for a damaged zip."""
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        import zipfile
        from io import BytesIO

        try:
            names = set(zipfile.ZipFile(BytesIO(data)).namelist())
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise ReadError(E.DAMAGED_ZIP, path=name or None, detail=str(exc)) from None
        if "xl/workbook.xml" in names:
            return "xlsx"
        if "word/document.xml" in names:
            return "docx"
        raise UnsupportedFileError(E.ZIP_NOT_OFFICE, path=name or None)
    if data.startswith(_OLE2):
        raise UnsupportedFileError(E.LEGACY_OFFICE, path=name or None)
    if data.startswith(b"%PDF"):
        return "pdf"
    head = data[:4096]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnsupportedFileError(E.BINARY_FILE, path=name or None)
    text = decode_text(data[:_HEAD])
    start = text.lstrip().lower()
    if start.startswith(("{", "[")) and not start.startswith("[toc]"):
        return "json"
    if start.startswith(_PAGE_START):
        return "html"
    return text_kind(text, name)


def text_kind(text: str, name: str = "") -> Literal["html", "markdown", "text"]:
    """HTML, Markdown or plain text, by what ``text`` holds; ``name``'s suffix decides a tie.

    Each kind scores 2 (certain), 1 (likely) or 0: HTML 2 for a ``<table>`` or three tags or more,
    1 for one or two; Markdown 2 for a pipe table's separator line or two ``#`` headings, 1 for one
    heading or a pipe row. The higher score wins; Markdown with HTML inside it (a converter's
    ``<table>`` among ``#`` headings) reads as Markdown, which reads its HTML tables too.
    """
    early = text[:4096]
    tags = len(_TAG.findall(early)) + len(_CLOSE.findall(early))
    html = 2 if re.search(r"<table\b", text, re.I) or tags >= 3 else 1 if tags else 0
    headings = len(_MD_HEADING.findall(text))
    md = 2 if _MD_SEPARATOR.search(text) or headings >= 2 else 1 if headings or _MD_PIPE_ROW.search(text) else 0
    by_suffix = _SUFFIX_KIND.get(PurePath(name).suffix.lower()) if name else None
    if md == 2 and html == 2:
        # a Markdown document with HTML tables in it, or a page with a stray #: the suffix says which;
        # without one, Markdown (its reader reads the HTML tables as well)
        return "html" if by_suffix == "html" else "markdown"
    if md > html:
        return "markdown"
    if html > md:
        return "html"
    if md:  # a tie at 1
        return by_suffix if by_suffix in ("html", "markdown") else "markdown"
    return "markdown" if by_suffix == "markdown" else "text"
