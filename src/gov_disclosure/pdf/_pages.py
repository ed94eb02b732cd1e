"""A PDF's pages as characters and ruling lines, read with PDFium (pypdfium2).

pypdfium2 (the PDF library pdfplumber itself depends on; wheels for Windows, macOS and Linux, no
program to install) gives every character with its box and every path with its segments, its
transformation and its colours. From the paths this module keeps what can be a table's ruling:

- stroked straight segments (horizontal or vertical) in a visible colour;
- filled rectangles thinner than :data:`THIN` points in a visible colour (WPS and Word draw table
  borders this way); a wider filled rectangle is shading, a white one (cell backgrounds) is not
  seen on the page, and neither is a ruling.

PDFium is C: it is fast, and it is bounded here by checks made before a page is handed to it
(:func:`check_streams`: every compressed stream is inflated once with a cap, so a decompression
bomb is refused before PDFium inflates it; filters that can expand without bound in other ways
make the file go the text way) and while walking a page (:data:`MAX_OBJECTS` drawing objects,
:data:`MAX_SEGMENTS` path segments, :data:`MAX_CHARS` characters).
"""

from __future__ import annotations

import ctypes
import itertools
import re
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Final

try:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c
except ImportError:  # pragma: no cover - depends on the environment
    from ..core.errors import MissingExtraError
    from ..core.messages import errors as E

    raise MissingExtraError(E.FEATURE_PDF, "pdf") from None

from ..core.errors import ReadError, UnsafeFileError
from ..core.messages import errors as E
from ._grid import Char, Page, Ruling, TooComplexError

__all__ = [
    "MAX_CHARS",
    "MAX_OBJECTS",
    "MAX_SEGMENTS",
    "Document",
    "check_streams",
    "open_document",
]

#: a filled rectangle at most this thick (points) is a ruling line
THIN: Final = 2.5
#: drawing objects (paths, text, images, forms and what forms hold) walked on one page
MAX_OBJECTS: Final = 20_000
#: path segments looked at on one page
MAX_SEGMENTS: Final = 40_000
#: characters of one page
MAX_CHARS: Final = 60_000
#: nesting of form XObjects followed
MAX_FORM_DEPTH: Final = 8
#: a colour channel below this (of 255) is visible on white paper
_VISIBLE: Final = 235

#: one inflated stream may be this large: page content, forms, object streams ... PDFium builds
#: every object of a page's content when it loads the page, some 60 MiB of memory per MiB of
#: text-showing operators, so this bounds the reader's memory (4 MiB: about 260 MiB); the largest
#: stream of a real report's PDF is some 300 KB (a font: tests/data/real/hongze-gov-2023.pdf)
MAX_CONTENT_STREAM: Final = 4 * 1024 * 1024
#: ... fonts and images (their dictionary says so) this large
MAX_DATA_STREAM: Final = 64 * 1024 * 1024
#: all inflated streams of a file together
MAX_INFLATED: Final = 256 * 1024 * 1024
#: streams in a file
MAX_STREAMS: Final = 50_000

_STREAM = re.compile(rb"stream\r?\n")
#: filters that can expand without bound and that this check cannot measure; real reports (WPS,
#: Word, LibreOffice) use Flate and image codecs only. Written out or abbreviated, and names
#: spelt with #xx escapes, which only a file that hides something uses in a filter.
_UNMEASURED = re.compile(rb"/(?:LZWDecode|LZW|RunLengthDecode|RL|ASCII85Decode|A85|ASCIIHexDecode|AHx)\b")
_ESCAPED_FILTER = re.compile(rb"/Filter\s*\[?\s*(?:/[A-Za-z0-9]*\s*)*/[A-Za-z0-9]*#")
_DATA_DICT = re.compile(rb"/Length[123]\b|/Subtype\s*/(?:Image|Type1C|CIDFontType0C|OpenType)\b|/FontFile")


def check_streams(data: bytes) -> None:
    """Refuse a file whose compressed streams inflate beyond the limits (a decompression bomb) or
    that uses filters whose output cannot be measured here. Each stream is inflated once, in
    chunks, and the output thrown away; compressed object streams are searched for filters too.

    Raises :class:`~gov_disclosure.errors.UnsafeFileError`.
    """
    if _UNMEASURED.search(data) or _ESCAPED_FILTER.search(data):
        raise UnsafeFileError(E.PDF_FILTERS)
    total = 0
    for count, m in enumerate(_STREAM.finditer(data)):
        if count >= MAX_STREAMS:
            raise UnsafeFileError(E.PDF_TOO_MANY_STREAMS, limit=MAX_STREAMS)
        head = data[max(0, m.start() - 400) : m.start()]
        cap = (
            MAX_DATA_STREAM
            if _DATA_DICT.search(head[head.rfind(b"<<") :] if b"<<" in head else head)
            else MAX_CONTENT_STREAM
        )
        inflater = zlib.decompressobj()
        pos, size = m.end(), 0
        keep = b""  # the tail of the previous chunk: a name cut at a chunk's end
        try:
            while not inflater.eof and pos < len(data):
                chunk = data[pos : pos + 65536]
                pos += len(chunk)
                out = inflater.decompress(chunk, cap + 1 - size)
                while out:
                    size += len(out)
                    if size > cap:
                        raise UnsafeFileError(E.PDF_STREAM_INFLATES, limit=cap)
                    if _UNMEASURED.search(keep + out) or _ESCAPED_FILTER.search(keep + out):
                        raise UnsafeFileError(E.PDF_FILTERS)
                    keep = out[-64:]
                    if inflater.unconsumed_tail:
                        out = inflater.decompress(inflater.unconsumed_tail, cap + 1 - size)
                    else:
                        break
        except zlib.error:
            pass  # not a Flate stream (an image, a stream stored as is, or not a stream at all)
        total += size
        if total > MAX_INFLATED:
            raise UnsafeFileError(E.PDF_STREAMS_INFLATE, limit=MAX_INFLATED)


class Document:
    """An open PDF: its page count and each page's characters and rulings."""

    def __init__(self, pdf: Any) -> None:
        self._pdf = pdf

    def __len__(self) -> int:
        return len(self._pdf)

    def page(self, index: int, rulings: Callable[[Sequence[Char]], bool]) -> Page:
        """A page (index from 0): its characters, and its ruling lines when ``rulings`` says, from the
        characters, that the page is worth looking at (else ``rulings`` is None). Raises
        :class:`~gov_disclosure.pdf._grid.TooComplexError` for more than :data:`MAX_CHARS`
        characters; a page drawing more than :data:`MAX_OBJECTS` objects or :data:`MAX_SEGMENTS`
        segments keeps its characters and says why in ``problem``."""
        page = self._page(index)
        try:
            # y downwards, as the grid expects
            chars = _chars(page, index + 1)
            if not rulings(chars):
                return Page(index + 1, chars, [], looked=False)
            found: list[Ruling] = []
            budget = [MAX_OBJECTS, MAX_SEGMENTS]
            n = pdfium_c.FPDFPage_CountObjects(page.raw)
            objects = (pdfium_c.FPDFPage_GetObject(page.raw, k) for k in range(n))
            try:
                _walk(objects, n, _IDENTITY, found, budget, 0, index + 1)
            except TooComplexError as exc:
                return Page(index + 1, chars, [], looked=False, problem=exc)
        finally:
            page.close()
        return Page(
            index + 1,
            chars,
            [
                Ruling(True, r.at, -r.end, -r.start) if r.vertical else Ruling(False, -r.at, r.start, r.end)
                for r in found
            ],
        )

    def _page(self, index: int) -> Any:
        try:
            return self._pdf[index]
        except (pdfium.PdfiumError, IndexError, ValueError) as exc:
            raise ReadError(E.PDF_PAGE_DAMAGED, page=index + 1, detail=str(exc)) from None


@contextmanager
def open_document(data: bytes) -> Iterator[Document]:
    """The PDF in ``data``, open for the block. Raises :class:`ReadError` for a damaged or
    encrypted file."""
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        why = str(exc)
        if "password" in why.lower():
            raise ReadError(E.PDF_PASSWORD) from None
        raise ReadError(E.DAMAGED_PDF_PDFIUM, detail=why) from None
    try:
        yield Document(pdf)
    finally:
        pdf.close()


# -- paths -----------------------------------------------------------------------------------------

_Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Final[_Matrix] = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _mul(inner: _Matrix, outer: _Matrix) -> _Matrix:
    """``inner`` then ``outer`` (PDF row-vector convention: p' = p x inner x outer)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _matrix(obj: Any) -> _Matrix:
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _visible(obj: Any, stroke: bool) -> bool:
    r, g, b, a = (ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint())
    get = pdfium_c.FPDFPageObj_GetStrokeColor if stroke else pdfium_c.FPDFPageObj_GetFillColor
    if not get(obj, ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(a)):
        return True  # a pattern or a colour space PDFium does not convert: drawn, so seen
    return a.value > 0 and min(r.value, g.value, b.value) < _VISIBLE


def _walk(
    objects: Iterator[Any],
    count: int,
    matrix: _Matrix,
    out: list[Ruling],
    budget: list[int],
    depth: int,
    page: int,
) -> None:
    budget[0] -= count
    if budget[0] < 0:
        raise TooComplexError(E.PDF_PAGE_OBJECTS, page=page, limit=MAX_OBJECTS)
    for obj in objects:
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            _path(obj, _mul(_matrix(obj), matrix), out, budget, page)
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
            n = pdfium_c.FPDFFormObj_CountObjects(obj)
            if n > 0:
                _walk(
                    (pdfium_c.FPDFFormObj_GetObject(obj, k) for k in range(n)),
                    n,
                    _mul(_matrix(obj), matrix),
                    out,
                    budget,
                    depth + 1,
                    page,
                )


def _path(obj: Any, m: _Matrix, out: list[Ruling], budget: list[int], page: int) -> None:
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)):
        return
    stroked = bool(stroke.value) and _visible(obj, True)
    filled = fill.value != 0 and _visible(obj, False)
    if not stroked and not filled:
        return
    n = pdfium_c.FPDFPath_CountSegments(obj)
    budget[1] -= max(n, 0)
    if budget[1] < 0:
        raise TooComplexError(E.PDF_PAGE_SEGMENTS, page=page, limit=MAX_SEGMENTS)
    x, y = ctypes.c_float(), ctypes.c_float()
    a, b, c, d, e, f = m
    subpaths: list[list[tuple[float, float]]] = []
    straight: list[bool] = []
    for k in range(n):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, k)
        if not seg or not pdfium_c.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y)):
            continue
        px, py = x.value * a + y.value * c + e, x.value * b + y.value * d + f
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or not subpaths:
            subpaths.append([(px, py)])
            straight.append(True)
        else:
            if kind != pdfium_c.FPDF_SEGMENT_LINETO:
                straight[-1] = False
            subpaths[-1].append((px, py))
        if pdfium_c.FPDFPathSegment_GetClose(seg) and subpaths[-1][0] != subpaths[-1][-1]:
            subpaths[-1].append(subpaths[-1][0])
    for points, is_straight in zip(subpaths, straight, strict=True):
        if stroked:
            for (x0, y0), (x1, y1) in itertools.pairwise(points):
                _segment(x0, y0, x1, y1, out)
        if filled and is_straight and len(points) >= 4:
            xs = [p[0] for p in points]
            ys = [p[1] for p in points]
            left, right, bottom, top = min(xs), max(xs), min(ys), max(ys)
            axis_aligned = all(
                abs(p[0] - q[0]) < 0.1 or abs(p[1] - q[1]) < 0.1 for p, q in itertools.pairwise(points)
            )
            if not axis_aligned:
                continue
            w, h = right - left, top - bottom
            if h <= THIN and w > h:
                out.append(Ruling(False, (top + bottom) / 2, left, right))
            elif w <= THIN and h > w:
                out.append(Ruling(True, (left + right) / 2, bottom, top))


def _segment(x0: float, y0: float, x1: float, y1: float, out: list[Ruling]) -> None:
    if abs(y1 - y0) < 0.1 and abs(x1 - x0) >= 0.1:
        out.append(Ruling(False, (y0 + y1) / 2, min(x0, x1), max(x0, x1)))
    elif abs(x1 - x0) < 0.1 and abs(y1 - y0) >= 0.1:
        out.append(Ruling(True, (x0 + x1) / 2, min(y0, y1), max(y0, y1)))


# -- characters ------------------------------------------------------------------------------------


#: a point and its eight neighbours on a grid of points
_NEAR: Final = tuple((dx, dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1))


def _chars(page: Any, number: int) -> list[Char]:
    """The characters of a page with their boxes and baselines, in page coordinates (y downwards).

    The box is PDFium's loose box (the font's height and advance, so neighbouring characters touch
    and a line has one height) unless it does not fit the glyph (PDFium sizes it from the untransformed
    font in some vertical writing): then the glyph's own box. PDFium's own spaces and line breaks
    (generated) and control characters are left out; a character drawn again on itself (fake bold,
    a shadow) is kept once."""
    tp = page.get_textpage()
    try:
        raw = tp.raw
        n = pdfium_c.FPDFText_CountChars(raw)
        if n > MAX_CHARS:
            raise TooComplexError(E.PDF_PAGE_CHARS, page=number, limit=MAX_CHARS)
        unicode_of, generated = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_IsGenerated
        box_of, origin_of = pdfium_c.FPDFText_GetCharBox, pdfium_c.FPDFText_GetCharOrigin
        loose_of = pdfium_c.FPDFText_GetLooseCharBox
        loose = pdfium_c.FS_RECTF()
        left, right, bottom, top = (ctypes.c_double() for _ in range(4))
        ox, oy = ctypes.c_double(), ctypes.c_double()
        p_loose, p_left, p_right, p_bottom, p_top = (
            ctypes.byref(v) for v in (loose, left, right, bottom, top)
        )
        p_ox, p_oy = ctypes.byref(ox), ctypes.byref(oy)
        out: list[Char] = []
        seen: set[tuple[str, int, int]] = set()
        for k in range(max(n, 0)):
            u = unicode_of(raw, k)
            if u <= 32:
                if u != 32 or generated(raw, k) == 1:
                    continue  # control characters, PDFium's own spaces and line breaks
            elif u in (0xFFFE, 0xFFFF, 0xFEFF):
                continue
            if not box_of(raw, k, p_left, p_right, p_bottom, p_top) or not origin_of(raw, k, p_ox, p_oy):
                continue
            x0, x1, y0, y1 = left.value, right.value, bottom.value, top.value
            if loose_of(raw, k, p_loose):
                lx0, lx1, ly0, ly1 = loose.left, loose.right, loose.bottom, loose.top
                if (
                    lx0 <= x0 + 1
                    and lx1 >= x1 - 1
                    and ly0 <= y0 + 1
                    and ly1 >= y1 - 1
                    and lx1 - lx0 <= 4 * (x1 - x0) + 4
                    and ly1 - ly0 <= 4 * (y1 - y0) + 12
                ):
                    x0, x1, y0, y1 = lx0, lx1, ly0, ly1
            ch = chr(u) if u < 0x110000 else "\ufffd"
            # the same character drawn again on itself (fake bold, a shadow): within a point
            key = (ch, round(ox.value), round(oy.value))
            if key in seen:
                continue
            seen.update((ch, key[1] + dx, key[2] + dy) for dx, dy in _NEAR)
            out.append(Char(ch, x0, x1, -y1, -y0, -oy.value))
        return out
    finally:
        tp.close()
