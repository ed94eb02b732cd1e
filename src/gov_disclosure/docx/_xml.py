"""Small helpers for building and reading WordprocessingML with lxml."""

from __future__ import annotations

import re
from typing import Final

from lxml import etree

W_NS: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_NS: Final = "http://www.w3.org/XML/1998/namespace"

#: characters XML 1.0 cannot hold (C0 controls other than tab/newline, surrogates, U+FFFE/U+FFFF)
_NOT_XML: Final = re.compile("[^\t\n\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

#: a parser that never resolves entities, loads a DTD or touches the network
SAFE_PARSER: Final = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
)


def w(tag: str) -> str:
    """The Clark name of a ``w:`` element or attribute."""
    return f"{{{W_NS}}}{tag}"


def printable(text: str) -> str:
    """``text`` as XML can hold it: line ends as ``\\n``, characters XML 1.0 forbids removed."""
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def el(tag: str, /, **attributes: str) -> etree._Element:
    """A new ``w:`` element; attribute names are ``w:`` attributes."""
    e = etree.Element(w(tag))
    for name, value in attributes.items():
        e.set(w(name), value)
    return e


def sub(parent: etree._Element, tag: str, /, **attributes: str) -> etree._Element:
    """A new ``w:`` child element of ``parent``."""
    e = etree.SubElement(parent, w(tag))
    for name, value in attributes.items():
        e.set(w(name), value)
    return e


def add_text_run(p: etree._Element, text: str) -> None:
    """Append a run holding ``text`` (tabs as ``w:tab``, line breaks as ``w:br``) to paragraph ``p``."""
    if not text:
        return
    r = sub(p, "r")
    for i, line in enumerate(text.split("\n")):
        if i:
            sub(r, "br")
        for j, piece in enumerate(line.split("\t")):
            if j:
                sub(r, "tab")
            if piece:
                t = sub(r, "t")
                t.text = piece
                t.set(f"{{{XML_NS}}}space", "preserve")
