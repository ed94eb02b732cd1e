"""The two parts of a .docx the reader needs, read straight from the zip with lxml: the main document's
body and our custom properties (if any). Nothing else of the package is unpacked or parsed, and
python-docx is not involved (its package and part objects, kept alive by reference cycles, held every
part's tree of every document read until a full garbage collection).

The main document is found as Word and python-docx find it: the package relationship of type
``officeDocument`` (``_rels/.rels``), its content type from ``[Content_Types].xml``. It is parsed as
python-docx parses it (ignorable whitespace removed, entities never resolved) after two checks made
before the work: its size (:data:`MAX_DOCUMENT_BYTES`, from the zip's directory) and its number of XML
tags (:data:`MAX_DOCUMENT_TAGS`, which bounds the elements of its tree — about 120 bytes each — and
so the memory of the parse; the 50,000 paragraphs a report may have are far within it).
"""

from __future__ import annotations

import posixpath
from typing import Final

from lxml import etree

from ..core.errors import ReadError, UnsupportedFileError
from ..core.messages import errors as E
from ..reading.zipguard import Archive, open_archive
from ._xml import W_NS

__all__ = ["MAX_DOCUMENT_BYTES", "MAX_DOCUMENT_TAGS", "DocxParts", "read_parts"]

#: a report's main document is a few hundred KB of XML
MAX_DOCUMENT_BYTES: Final = 64 * 1024 * 1024
#: a report's main document has some ten thousand tags; this is a hundred times as many
MAX_DOCUMENT_TAGS: Final = 1_000_000
MAX_SMALL_PART_BYTES: Final = 4 * 1024 * 1024
MAX_SMALL_PART_TAGS: Final = 100_000

_PKG_REL: Final = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT: Final = "http://schemas.openxmlformats.org/package/2006/content-types"
_RT: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_OFFICE_DOCUMENT: Final = _RT + "officeDocument"
_CUSTOM_PROPERTIES: Final = _RT + "custom-properties"
WML_DOCUMENT_MAIN: Final = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


class DocxParts:
    """The main document's ``w:body`` and the bytes of ``docProps/custom.xml`` (or None)."""

    __slots__ = ("body", "custom")

    def __init__(self, body: etree._Element, custom: bytes | None) -> None:
        self.body = body
        self.custom = custom


def _parser() -> etree.XMLParser:
    # python-docx's own options (so text reads the same), and never a DTD, an entity or the network
    return etree.XMLParser(
        remove_blank_text=True, resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )


def _parse(archive: Archive, name: str, max_bytes: int, max_tags: int) -> etree._Element:
    data = archive.read(name, limit=max_bytes, max_tags=max_tags)
    try:
        return etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise ReadError(E.DOCX_UNREADABLE, detail=f"{name}: {exc}") from None


def _package_targets(archive: Archive) -> dict[str, str]:
    """Relationship type → target part of the package's own relationships (internal ones)."""
    if "_rels/.rels" not in archive:
        raise ReadError(E.DOCX_UNREADABLE, detail="no package relationships (_rels/.rels)")
    root = _parse(archive, "_rels/.rels", MAX_SMALL_PART_BYTES, MAX_SMALL_PART_TAGS)
    out: dict[str, str] = {}
    for rel in root.iterfind(f"{{{_PKG_REL}}}Relationship"):
        kind, target = rel.get("Type") or "", rel.get("Target") or ""
        if rel.get("TargetMode") == "External" or kind in out:
            continue
        out[kind] = posixpath.normpath(target.lstrip("/")) if target else ""
    return out


def _content_type(archive: Archive, part: str) -> str:
    if "[Content_Types].xml" not in archive:
        raise ReadError(E.DOCX_UNREADABLE, detail="no [Content_Types].xml")
    root = _parse(archive, "[Content_Types].xml", MAX_SMALL_PART_BYTES, MAX_SMALL_PART_TAGS)
    for o in root.iterfind(f"{{{_CT}}}Override"):
        if (o.get("PartName") or "").lstrip("/").lower() == part.lower():
            return o.get("ContentType") or ""
    extension = posixpath.splitext(part)[1].lstrip(".").lower()
    for d in root.iterfind(f"{{{_CT}}}Default"):
        if (d.get("Extension") or "").lower() == extension:
            return d.get("ContentType") or ""
    return ""


def read_parts(data: bytes) -> DocxParts:
    """The body and custom properties of the .docx in ``data``: the zip's directory checked
    (:func:`~gov_disclosure.reading.zipguard.open_archive`), then only those parts unpacked, each
    once, each refused if it declares a DTD."""
    archive = open_archive(data, what=".docx")
    targets = _package_targets(archive)
    main = targets.get(_OFFICE_DOCUMENT)
    if not main or main not in archive:
        raise ReadError(E.DOCX_UNREADABLE, detail="no main document part")
    content_type = _content_type(archive, main)
    if content_type != WML_DOCUMENT_MAIN:
        raise UnsupportedFileError(E.NOT_WORD, content_type=content_type or "unknown")
    document = _parse(archive, main, MAX_DOCUMENT_BYTES, MAX_DOCUMENT_TAGS)
    body = document.find(f"{{{W_NS}}}body")
    if body is None:
        raise ReadError(E.DOCX_NO_BODY)
    custom_part = targets.get(_CUSTOM_PROPERTIES)
    custom = None
    if custom_part and custom_part in archive and archive.size(custom_part) <= MAX_DOCUMENT_BYTES:
        custom = archive.read(custom_part)
    return DocxParts(body, custom)
