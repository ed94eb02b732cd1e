"""PDF: read a report from a PDF file, its ruled tables cell by cell.

Most reports are published as PDF. A PDF keeps every character with its position and every line
drawn on the page, so a table drawn with ruling lines is read **from the page geometry**
(:mod:`gov_disclosure.pdf._grid`): cell by cell, a blank cell located as blank, merged cells
expanded, a table continued over a page break read as one. The pages are read with PDFium
(the ``pdf`` extra: ``pip install "gov-disclosure[pdf]"``; wheels for Windows, macOS and Linux).

Where a page holds a table without rulings (aligned by spaces only), its text layer is read by
the text engine (:func:`gov_disclosure.text.read_text`'s), best from poppler's ``pdftotext
-layout``, which keeps each row on one line with its cells aligned; there a row with a blank cell
cannot be told apart and is declined (GD105), never guessed. ``pdftotext`` is a program, not a
Python package: Debian/Ubuntu ``apt-get install poppler-utils``, macOS ``brew install poppler``,
conda ``conda install poppler``. It runs only where it is the better tool (such pages), or where
PDFium cannot read the file or finds no text; all other text comes from PDFium.

Either one is enough to read a PDF; with neither, :class:`MissingToolError` says what to install.
A GD107 finding (info) says which pages were read which way. A scanned PDF has no text layer: it
is refused with a message saying to run OCR first.

Bounds: ``pdftotext`` runs with a time limit, a memory limit (:data:`PDFTOTEXT_MEMORY`, POSIX) and
only on the first :data:`MAX_PAGES` pages; its output is read from a pipe as it comes and the
program is stopped when it passes :data:`PDFTOTEXT_MAX_OUTPUT`. Before PDFium opens a file every compressed stream is inflated once with a
cap (a decompression bomb is refused), only the pages whose text holds labels of the format (and
the page after each) are looked at for tables, at most :data:`MAX_TABLE_PAGES` of them, and each
page is walked with a budget of drawing objects, path segments, characters and table positions;
a page over budget is read from its text, with a finding.

Layer: formats. Imports the core, the reading layer and :mod:`gov_disclosure.text` (a format of
the same layer, for the extracted text); never :mod:`gov_disclosure.io`, batch or the CLI.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import unicodedata
from collections.abc import Sequence
from functools import cache, partial
from pathlib import Path
from typing import Final

from ..core.codes import CODES
from ..core.errors import FileTooLargeError, MissingExtraError, MissingToolError, ReadError, UnsafeFileError
from ..core.findings import Finding
from ..core.messages import errors as E
from ..core.model import Report
from ..core.vocabulary import (
    APPEALS_COLUMNS,
    APPEALS_GROUPS,
    APPLICATIONS_COLUMNS,
    FORMATS,
    FormatKey,
    spec,
)
from ..reading.engine import Grid, GridCell, is_report_grid
from ..reading.load import MAX_FILE_BYTES, load_bytes
from ..reading.meta import assemble
from ..text import MAX_TEXT_CHARS
from ..text._reader import MAX_LINES, text_tables
from ._grid import Char, PageTables, TooComplexError, join_pages, lines_of, page_tables

__all__ = [
    "MAX_PAGES",
    "MAX_TABLE_PAGES",
    "PDFTOTEXT_MAX_OUTPUT",
    "PDFTOTEXT_MEMORY",
    "PDFTOTEXT_TIMEOUT",
    "pdf_text",
    "read_pdf",
]

#: seconds ``pdftotext`` may take for one file
PDFTOTEXT_TIMEOUT: Final = 60.0
#: pages of a PDF read at all (a report has a handful; a PDF claiming a million is hostile)
MAX_PAGES: Final = 500
#: pages whose geometry is looked at for ruled tables
MAX_TABLE_PAGES: Final = 40

# -- pdftotext -------------------------------------------------------------------------------------


#: address space ``pdftotext`` may use (POSIX): a report's PDF needs some tens of MB; a small PDF
#: whose streams inflate to gigabytes is stopped here instead of taking the machine's memory
PDFTOTEXT_MEMORY: Final = 512 * 1024 * 1024
#: bytes of text ``pdftotext`` may write (UTF-8: at most 4 bytes a character of the text limit);
#: its output is read as it comes and the program stopped when it passes this
PDFTOTEXT_MAX_OUTPUT: Final = 4 * MAX_TEXT_CHARS


def _limit_memory() -> None:  # pragma: no cover - runs in the child, between fork and exec
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (PDFTOTEXT_MEMORY, PDFTOTEXT_MEMORY))


def _pdftotext(data: bytes, exe: str, timeout: float) -> str:
    """The text layer of the first :data:`MAX_PAGES` pages, pages separated by form feeds.

    ``pdftotext`` runs with :data:`PDFTOTEXT_MEMORY` of address space (POSIX), writes to a pipe that
    is read as it comes, and is killed when its output passes :data:`PDFTOTEXT_MAX_OUTPUT` or it
    runs longer than ``timeout`` seconds: nothing it does is bounded only after it ends."""
    import selectors
    import threading
    import time

    with tempfile.TemporaryDirectory(prefix="gov-disclosure-pdf-") as tmp:
        pdf = Path(tmp, "in.pdf")
        pdf.write_bytes(data)
        argv = [exe, "-layout", "-enc", "UTF-8", "-q", "-l", str(MAX_PAGES), str(pdf), "-"]
        try:
            proc = subprocess.Popen(
                argv,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                preexec_fn=_limit_memory if os.name == "posix" else None,
            )
        except OSError as exc:
            raise ReadError(E.PDFTOTEXT_FAILED, reason=E.os_reason(exc)) from None
        stdout, stderr = proc.stdout, proc.stderr
        assert stdout is not None
        assert stderr is not None
        err: list[bytes] = []
        stderr_reader = threading.Thread(target=lambda: err.append(stderr.read(65536)), daemon=True)
        stderr_reader.start()
        out: list[bytes] = []
        size = 0
        deadline = time.monotonic() + timeout
        problem: ReadError | None = None
        with selectors.DefaultSelector() as sel:
            sel.register(stdout, selectors.EVENT_READ)
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    problem = ReadError(E.PDFTOTEXT_TIMEOUT, seconds=f"{timeout:g}")
                    break
                if not sel.select(min(left, 1.0)):
                    continue
                chunk = os.read(stdout.fileno(), 1 << 16)
                if not chunk:
                    break
                size += len(chunk)
                if size > PDFTOTEXT_MAX_OUTPUT:
                    problem = FileTooLargeError(E.PDF_TEXT_TOO_LARGE, size=f"> {PDFTOTEXT_MAX_OUTPUT}")
                    break
                out.append(chunk)
        if problem is not None:
            proc.kill()
        try:
            returncode = proc.wait(timeout=10)
        except subprocess.TimeoutExpired:  # pragma: no cover - a killed process always ends
            proc.kill()
            returncode = proc.wait()
        stderr_reader.join(5)
        stdout.close()
        stderr.close()
        if problem is not None:
            raise problem
        if returncode != 0:
            why = b"".join(err).decode("utf-8", "replace").strip().splitlines()
            if returncode < 0 or any("alloc" in line.lower() or "memory" in line.lower() for line in why):
                # killed (SIGABRT from std::bad_alloc, SIGSEGV…): over its memory, or crashed
                raise UnsafeFileError(E.PDFTOTEXT_MEMORY, limit=PDFTOTEXT_MEMORY // 2**20)
            raise ReadError(E.DAMAGED_PDF, detail=why[0][:200] if why else None)
        return b"".join(out).decode("utf-8", errors="replace")


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
    text = _pdftotext(data, exe, timeout)
    if not text.replace("\f", "").strip():
        raise ReadError(E.PDF_NO_TEXT)
    return text


# -- which pages hold tables -----------------------------------------------------------------------

_SPACE = re.compile(r"\s+")
_ITEM = re.compile(
    r"^(?:\d{1,2}[.、,，．]|[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])"
)


def _compact(text: str) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


@cache
def _markers() -> frozenset[str]:
    """Labels of the format long enough to tell a table page from prose, without item numbers."""
    labels: set[str] = set()
    for f in FORMATS:
        s = spec(f)
        for b in s.proactive:
            labels.add(b.title)
            labels.update(c.label for c in b.columns)
            labels.update(r.label for r in b.rows)
        labels.update(lr.label for lr in s.applications_layout)
    labels.update(c.label for c in APPLICATIONS_COLUMNS)
    labels.update(g.label for g in APPEALS_GROUPS)
    labels.update(c.label for c in APPEALS_COLUMNS)
    out = {_ITEM.sub("", _compact(label)) for label in labels}
    return frozenset(m for m in out if len(m) >= 4)


def _may_hold_tables(text: str) -> bool:
    """Whether a page's text holds two labels of the format: a page that may hold a table."""
    compact = _compact(text)
    return sum(1 for m in _markers() if m in compact) >= 2


# -- reading ---------------------------------------------------------------------------------------


def _pages_text(pages: Sequence[int]) -> tuple[str, str]:
    """ "pages 2, 3, 5" and "第2、3、5页"."""
    numbers = [str(p) for p in pages]
    return (
        ("page " if len(numbers) == 1 else "pages ") + ", ".join(numbers),
        "第" + "、".join(numbers) + "页",
    )


def _note(detail: str, detail_zh: str, *, warning: bool = False) -> Finding:
    return CODES["GD107"].finding(detail, detail_zh, severity=CODES["GD106"].severity if warning else None)


def _have_pdfium() -> bool:
    try:
        from . import _pages  # noqa: F401
    except MissingExtraError:
        return False
    return True


_LINE_SOURCE = re.compile(r"^line (\d+)")


def _cite_pages(grid: list[list[GridCell]], where: Sequence[tuple[int, int]]) -> list[list[GridCell]]:
    """A text grid whose sources name the page and its line (``line 12`` → ``page 3, line 7``)."""

    def cite(source: str) -> str:
        m = _LINE_SOURCE.match(source)
        if m is None or not 0 < int(m.group(1)) <= len(where):
            return source
        page, line = where[int(m.group(1)) - 1]
        return f"page {page}, line {line}" + source[m.end() :]

    return [[GridCell(c.text, cite(c.source), c.continued) for c in row] for row in grid]


def read_pdf(
    source: str | os.PathLike[str] | bytes,
    *,
    format: FormatKey | None = None,
    timeout: float = PDFTOTEXT_TIMEOUT,
) -> tuple[Report, list[Finding]]:
    """Read a report from a PDF file with a text layer (a path or its bytes).

    Ruled tables are read cell by cell from the page geometry (findings cite ``page 3, table 2,
    row 5, cell 4``); pages without a ruled table from their text layer (findings cite ``page 2,
    line 14``), where a row with a blank cell cannot be told apart and is GD105 with its raw cells,
    never guessed. A GD107 finding (info) says which pages were read which way.

    Raises :class:`ReadError` for a damaged or scanned PDF, :class:`MissingToolError` when neither
    the ``pdf`` extra (PDFium) nor poppler's ``pdftotext`` is installed, and
    :class:`FileTooLargeError` / :class:`UnsafeFileError` over the limits. ``timeout`` (seconds)
    bounds ``pdftotext``.
    """
    data = load_bytes(source)
    if not data.startswith(b"%PDF"):
        raise ReadError(E.NOT_PDF)
    notes: list[Finding] = []
    exe = shutil.which("pdftotext")
    pdfium = _have_pdfium()
    if exe is None and not pdfium:
        raise MissingToolError(E.NO_PDF_READER)
    # 1. PDFium: every page's text, and the rulings of the pages that may hold tables
    geometry: dict[int, PageTables] = {}
    texts: list[str] | None = None
    pdfium_error: ReadError | None = None
    if pdfium:
        try:
            texts = _read_pdfium(data, geometry, notes)
        except ReadError as exc:
            if exe is None:
                raise
            pdfium_error = exc
            why, why_zh = exc.reason("en"), exc.reason("zh")
            notes.append(
                _note(
                    f"the pages were not read from their geometry ({why}); read from the text layer",
                    f"未按页面几何读取（{why_zh}），改从文本层读取",
                    warning=True,
                )
            )
    else:
        notes.append(
            _note(
                "the tables were read from the text layer only: install the pdf extra (pip install "
                '"gov-disclosure[pdf]") to read ruled tables cell by cell',
                '表格仅从文本层读取：安装 pdf 扩展（pip install "gov-disclosure[pdf]"）可按表格线逐格读取',
            )
        )
    # 2. pdftotext -layout where it is the better tool: pages that hold tables without rulings
    # (it keeps their cells aligned), or when PDFium found no text or could not read the file
    from_poppler: set[int] = set()
    if exe is not None and (
        texts is None
        or not any(t.strip() for t in texts)
        or any(_may_hold_tables(t) for i, t in enumerate(texts) if i not in geometry)
    ):
        try:
            layout = _pdftotext(data, exe, timeout).split("\f")
        except FileTooLargeError:
            raise
        except ReadError as exc:
            if texts is None:
                raise (pdfium_error if isinstance(pdfium_error, UnsafeFileError) else exc) from None
        else:
            if texts is None:
                texts = layout[:MAX_PAGES]
                from_poppler.update(range(len(texts)))
            for i, t in enumerate(layout[: len(texts)]):
                if i not in geometry and t.strip():
                    texts[i] = t
                    from_poppler.add(i)
    if texts is None:  # pragma: no cover - one of the two has read it or raised
        raise ReadError(E.DAMAGED_PDF)
    if not geometry and not any(t.strip() for t in texts):
        if pdfium_error is not None:
            raise pdfium_error
        raise ReadError(E.PDF_NO_TEXT)
    if sum(len(t) for t in texts) > MAX_TEXT_CHARS:
        raise FileTooLargeError(E.PDF_TOO_MUCH_TEXT, limit=MAX_TEXT_CHARS)
    return _assemble(texts, geometry, from_poppler, notes, format)


def _assemble(
    texts: Sequence[str],
    geometry: dict[int, PageTables],
    from_poppler: set[int],
    notes: list[Finding],
    format: FormatKey | None,
) -> tuple[Report, list[Finding]]:
    """The report from the pages: the ruled pages' tables and text lines as found, the other pages'
    text through the text engine (which finds the tables aligned by spaces)."""
    paragraphs: list[str] = []
    grids: list[tuple[int, Grid]] = []
    run: list[str] = []
    where: list[tuple[int, int]] = []  # (page, line) of each line of the run

    def flush() -> None:
        if len(run) > MAX_LINES:
            raise FileTooLargeError(E.TEXT_TOO_MANY_LINES, n=len(run), limit=MAX_LINES)
        paras, tables = text_tables(run)
        paragraphs.extend(paras)
        grids.extend((where[a][0], _cite_pages(g, where)) for a, g in tables)
        run.clear()
        where.clear()

    for i, text in enumerate(texts):
        if i in geometry:
            flush()
            paragraphs.extend(geometry[i].lines)
            continue
        for n, line in enumerate(text.split("\n"), 1):
            run.append(line)
            where.append((i + 1, n))
    flush()
    text_pages = sorted({p for p, g in grids if is_report_grid(g)})
    ruled = [geometry[i] for i in sorted(geometry)]
    grids.extend(join_pages(ruled))
    grids.sort(key=lambda pg: pg[0])
    if ruled:
        en, zh = _pages_text([pt.tables[0].page for pt in ruled])
        tables = sum(len(pt.tables) for pt in ruled)
        notes.append(
            _note(
                f"{tables} ruled table part(s) on {en} read cell by cell from their ruling lines (PDFium)",
                f"{zh}的{tables}个带表格线的表格（部分）按表格线逐格读取（PDFium）",
            )
        )
    if text_pages:
        en, zh = _pages_text(text_pages)
        by = {p - 1 in from_poppler for p in text_pages}
        tool = (
            "pdftotext -layout"
            if by == {True}
            else "PDFium"
            if by == {False}
            else "pdftotext -layout, PDFium"
        )
        notes.append(
            _note(
                f"the tables on {en} read from the text layer ({tool}): a blank cell there cannot be "
                "located, so a row with one is declined (GD105)",
                f"{zh}的表格从文本层读取（{tool}）：其中的空白单元格无法定位，含空白单元格的行不予读取（GD105）",
            )
        )
    return assemble(paragraphs, [g for _, g in grids], format=format, findings=notes)


def _not_ruled(exc: TooComplexError) -> Finding:
    why, why_zh = exc.both()
    return _note(
        f"{why}: its tables were not read from the ruling lines but from the text layer",
        f"{why_zh}：该页表格未按表格线读取，改从文本层读取",
        warning=True,
    )


def _worth_looking(chars: Sequence[Char], *, room: bool, continued: bool) -> bool:
    """Whether a page's drawing is looked at for ruled tables: it may hold one (or continue the
    previous page's), and the budget of pages has room."""
    return room and (continued or _may_hold_tables("".join(c.text for c in chars)))


def _read_pdfium(data: bytes, geometry: dict[int, PageTables], notes: list[Finding]) -> list[str]:
    """Every page's text (lines top to bottom) as PDFium reads it; ``geometry`` filled with the
    pages that hold ruled report tables. Only pages whose text holds labels of the format (and the
    page after a table, which may continue it) are looked at for rulings, at most
    :data:`MAX_TABLE_PAGES`."""
    from . import _pages as pages

    pages.check_streams(data)
    texts: list[str] = []
    looked = 0
    with pages.open_document(data) as doc:
        n = len(doc)
        if n > MAX_PAGES:
            notes.append(
                _note(
                    f"only the first {MAX_PAGES} of the PDF's {n} pages were read",
                    f"PDF 共{n}页，只读取了前{MAX_PAGES}页",
                    warning=True,
                )
            )
        for i in range(min(n, MAX_PAGES)):
            before = geometry.get(i - 1)

            room = looked < MAX_TABLE_PAGES
            try:
                page = doc.page(i, partial(_worth_looking, room=room, continued=before is not None))
            except TooComplexError as exc:
                why, why_zh = exc.both()
                notes.append(
                    _note(f"{why}: its text was not read", f"{why_zh}：该页文字未读取", warning=True)
                )
                texts.append("")
                continue
            if page.problem is not None:
                notes.append(_not_ruled(page.problem))
            if page.looked:
                looked += 1
                try:
                    pt = page_tables(page, before.tables[-1] if before is not None else None)
                except TooComplexError as exc:
                    notes.append(_not_ruled(exc))
                else:
                    if pt.tables:
                        geometry[i] = pt
            texts.append("\n".join(lines_of(page.chars)))
    return texts
