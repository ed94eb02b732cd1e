"""The guarded loader under every reader: a file's bytes, size-checked and refusing what is not a regular
file, and the decoding of text files.

Layer: reading. Imports only :mod:`gov_disclosure.core`.
"""

from __future__ import annotations

import codecs
import os
import stat
import threading
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Final

from ..core.codes import CODES
from ..core.errors import FileTooLargeError, ReadError, plain
from ..core.findings import Finding
from ..core.messages import errors as E
from ..core.messages import reading as msg

__all__ = ["MAX_FILE_BYTES", "Source", "decode", "decode_text", "is_text_encoding", "load_bytes", "load_decoded", "load_text"]

#: what every reader takes: a path (``str`` or ``os.PathLike``) or the file's content (``bytes``)
Source = str | os.PathLike[str] | bytes

#: files larger than this are refused before anything parses them
MAX_FILE_BYTES: Final = 64 * 1024 * 1024


def load_bytes(source: str | os.PathLike[str] | bytes, *, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a file (refusing one over ``max_bytes`` before reading it, anything that is not a
    regular file, and an empty file), or the bytes given."""
    if isinstance(source, bytes):
        data = source
    else:
        p = Path(source)
        try:
            st = p.stat()
            if not stat.S_ISREG(st.st_mode):
                # a FIFO would block on open, /dev/zero would never end
                kind = E.NOT_A_FILE_FOLDER if stat.S_ISDIR(st.st_mode) else E.NOT_A_FILE_DEVICE
                raise ReadError(kind, path=str(p))
            if st.st_size > max_bytes:
                raise FileTooLargeError(E.FILE_TOO_LARGE, path=str(p), size=st.st_size, limit=max_bytes)
            with p.open("rb") as f:
                data = f.read(max_bytes + 1)  # bounded even if the file grows meanwhile
        except OSError as exc:
            raise ReadError(E.CANNOT_OPEN, path=str(p), reason=E.os_reason(exc)) from None
        except ValueError as exc:  # a path with a NUL character in it
            raise ReadError(E.CANNOT_OPEN, path=repr(str(p)), reason=plain(str(exc))) from None
    if len(data) > max_bytes:
        raise FileTooLargeError(E.FILE_TOO_LARGE, size=len(data), limit=max_bytes)
    if not data:
        raise ReadError(E.EMPTY_FILE, path=None if isinstance(source, bytes) else str(source))
    return data


def decode_text(data: bytes) -> str:
    """Bytes of a text file as str (:func:`decode` without its findings)."""
    return decode(data)[0]


#: bytes that do not decode are reported one by one up to this many, then counted
_SHOWN_ERRORS: Final = 5
#: a file is UTF-8 with a few bad bytes (not GB18030) when its UTF-8 characters outnumber its bad
#: sequences this many times: text in GBK decoded as UTF-8 fails on nearly every character
_UTF8_MAJORITY: Final = 20

_marks = threading.local()


def _mark(exc: UnicodeError) -> tuple[str, int]:
    """A codec error handler: records where the bad bytes are, puts U+FFFD in their place."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    _marks.spans.append((exc.start, exc.end))
    return "\ufffd", exc.end


codecs.register_error("gov_disclosure.mark", _mark)


def _decode_marking(data: bytes, encoding: str) -> tuple[str, list[tuple[int, int]]]:
    _marks.spans = []
    try:
        return data.decode(encoding, errors="gov_disclosure.mark"), _marks.spans
    finally:
        _marks.spans = []


def is_text_encoding(name: str) -> bool:
    """Whether ``name`` is a codec that decodes bytes to text (not idna, punycode, rot13, base64,
    undefined…)."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        return False
    return bool(getattr(info, "_is_text_encoding", True)) and info.name not in _NOT_TEXT


#: codecs that claim to be text encodings but refuse or mangle ordinary text
_NOT_TEXT: Final = frozenset({"undefined", "idna", "punycode", "raw-unicode-escape", "unicode-escape"})


def decode(data: bytes, *, declared: str | None = None) -> tuple[str, list[Finding]]:
    """Bytes of a text file as str, and a GD112 finding for every place that did not decode.

    The encoding: a BOM (UTF-8, UTF-16), else ``declared`` (a page's ``<meta charset>``) when it is
    a text encoding (GBK and GB2312 are read as their superset GB18030), else UTF-8, else GB18030.
    A UTF-8 file with a few bad bytes stays UTF-8, with a finding at each bad byte (line and
    column); only a file that is not UTF-8 at all is read as GB18030. A declared encoding that is not
    a text encoding is ignored, with a finding.
    """
    findings: list[Finding] = []
    if data.startswith(b"\xef\xbb\xbf"):
        text, spans = _decode_marking(data[3:], "utf-8")
        return text, _bad_bytes(data[3:], spans, "utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, spans = _decode_marking(data, "utf-16")
        return text, _bad_bytes(data, spans, "utf-16")
    if declared:
        name = declared.strip().lower()
        if name in ("gbk", "gb2312", "gb_2312-80", "x-gbk", "cp936", "gb18030", "euc-cn"):
            name = "gb18030"
        if is_text_encoding(name):
            text, spans = _decode_marking(data, name)
            return text, _bad_bytes(data, spans, name)
        findings.append(
            CODES["GD112"].finding(*msg.NOT_TEXT_ENCODING.both(name=declared[:40]), raw=declared[:40])
        )
    try:
        return data.decode("utf-8"), findings
    except UnicodeDecodeError:
        pass
    text, spans = _decode_marking(data, "utf-8")
    wide = len(text) - len(text.encode("ascii", "ignore")) - len(spans)
    if wide >= _UTF8_MAJORITY * len(spans):
        return text, findings + _bad_bytes(data, spans, "utf-8")
    text, spans = _decode_marking(data, "gb18030")
    return text, findings + _bad_bytes(data, spans, "gb18030")


def _bad_bytes(data: bytes, spans: list[tuple[int, int]], encoding: str) -> list[Finding]:
    """GD112 findings for the byte ranges that did not decode: the first few with their line and
    column (in characters), the rest counted in one."""
    out: list[Finding] = []
    label = codecs.lookup(encoding).name.upper()
    for start, end in spans[:_SHOWN_ERRORS]:
        before = data[:start].decode(encoding, errors="replace")
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        shown = data[start:end].hex(" ").upper()
        out.append(
            CODES["GD112"].finding(
                *msg.BAD_BYTES.both(encoding=label, line=line, column=column, bytes=shown),
                source=f"line {line}, column {column}",
                raw=shown,
            )
        )
    if len(spans) > _SHOWN_ERRORS:
        more = len(spans) - _SHOWN_ERRORS
        out.append(
            CODES["GD112"].finding(*msg.MORE_BAD_BYTES.both(n=more, encoding=label))
        )
    return out


def _looks_like_content(text: str) -> bool:
    """A str no file name looks like: several lines, markup, a NUL, or very long."""
    return "\n" in text or "\x00" in text or text.lstrip().startswith("<") or len(text) > 4096


def load_text(
    source: Source | None,
    text: str | None,
    *,
    decode: Callable[[bytes], str] = decode_text,
    reader: str = "read_text",
    keyword: str = "text",
) -> str:
    """The text a text-based reader reads: ``text`` (its ``keyword=`` argument) as given, or the decoded content of ``source``
    (a path, or bytes). One rule for every reader: a ``str`` or ``os.PathLike`` source is a path,
    ``bytes`` are the content, text is passed as ``text=``.

    Until the next release a ``str`` source that cannot be a file name (it has a line break, starts
    with ``<``, holds a NUL or is very long) is still read as the text itself, with a
    :class:`DeprecationWarning` saying to pass ``text=``.
    """
    if text is not None:
        if source is not None:
            raise TypeError(f"{reader}() takes a source (a path or bytes) or {keyword}=, not both")
        return text
    if source is None:
        raise TypeError(f"{reader}() needs a source (a path or bytes) or {keyword}=")
    if isinstance(source, str) and _looks_like_content(source):
        warnings.warn(
            f"{reader}(str) reads a path; the content itself is passed as {reader}({keyword}=...) "
            "(reading a str as the text is deprecated and will be removed)",
            DeprecationWarning,
            stacklevel=3,
        )
        return source
    if not isinstance(source, (str, bytes, os.PathLike)):
        raise TypeError(f"{reader}() takes a path (str or os.PathLike) or bytes, not {type(source).__name__}")
    return decode(load_bytes(source))


def load_decoded(
    source: Source | None,
    text: str | None,
    *,
    decode: Callable[[bytes], tuple[str, list[Finding]]] | None = None,
    reader: str = "read_text",
    keyword: str = "text",
) -> tuple[str, list[Finding]]:
    """:func:`load_text` with the findings of decoding (GD112: bytes that did not decode, a declared
    encoding that is not one); ``decode`` defaults to :func:`decode`."""
    found: list[Finding] = []

    def decoding(data: bytes) -> str:
        got, findings = (decode or _plain_decode)(data)
        found.extend(findings)
        return got

    return load_text(source, text, decode=decoding, reader=reader, keyword=keyword), found


def _plain_decode(data: bytes) -> tuple[str, list[Finding]]:
    return decode(data)
