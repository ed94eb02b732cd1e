"""Helpers for the Excel tests: LibreOffice headless with a private profile and a timeout."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from ..libreoffice import SOFFICE, soffice_convert_many

PDFTOPPM = shutil.which("pdftoppm")

needs_libreoffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


def soffice_convert(src: Path, outdir: Path, target: str, *, timeout: float = 180) -> Path:
    """Convert ``src`` with LibreOffice headless (``target`` e.g. ``pdf`` or ``xlsx:Calc MS Excel
    2007 XML``) into ``outdir``; returns the converted file."""
    return soffice_convert_many([src], outdir, target, timeout=timeout)[0]


def render_pages(xlsx: Path, outdir: Path, *, dpi: int = 70) -> list[Path]:
    """Render a workbook to PNG pages: LibreOffice → PDF → pdftoppm."""
    assert PDFTOPPM is not None
    pdf = soffice_convert(xlsx, outdir, "pdf")
    subprocess.run(
        [PDFTOPPM, "-r", str(dpi), "-png", str(pdf), str(outdir / "page")], check=True, timeout=120
    )
    return sorted(outdir.glob("page-*.png"))


def _read_ppm(path: Path) -> tuple[int, int, list[bytes]]:
    data = path.read_bytes()
    parts = data.split(maxsplit=4)
    assert parts[0] == b"P6", "pdftoppm -ppm writes binary PPM"
    width, height, body = int(parts[1]), int(parts[2]), parts[4]
    return width, height, [body[i * width * 3 : (i + 1) * width * 3] for i in range(height)]


def _crop(width: int, rows: list[bytes], margin: int = 12) -> tuple[int, list[bytes]]:
    """Cut the white page margins off (keeping ``margin`` pixels)."""
    inked = [i for i, row in enumerate(rows) if row.strip(b"\xff")]
    if not inked:
        return width, rows
    top, bottom = max(inked[0] - margin, 0), min(inked[-1] + margin + 1, len(rows))
    left = min((len(r) - len(r.lstrip(b"\xff"))) // 3 for r in rows[top:bottom] if r.strip(b"\xff"))
    right = max(len(r.rstrip(b"\xff")) // 3 + 1 for r in rows[top:bottom] if r.strip(b"\xff"))
    left, right = max(left - margin, 0), min(right + margin, width)
    return right - left, [r[left * 3 : right * 3] for r in rows[top:bottom]]


def _write_png(path: Path, width: int, rows: list[bytes]) -> None:
    import struct
    import zlib

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    raw = b"".join(b"\x00" + r for r in rows)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, len(rows), 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def render_tables_png(xlsx: Path, out: Path, workdir: Path, *, dpi: int = 90) -> tuple[int, int]:
    """One PNG of the three table sheets of a template (pages 3-5: LibreOffice prints one page per
    sheet), cropped and stacked. Returns (width, height)."""
    assert PDFTOPPM is not None
    pdf = soffice_convert(xlsx, workdir, "pdf")
    subprocess.run(
        [PDFTOPPM, "-r", str(dpi), "-f", "3", "-l", "5", str(pdf), str(workdir / "t")],
        check=True,
        timeout=120,
    )
    pages = [_crop(*_read_ppm(p)[::2]) for p in sorted(workdir.glob("t-*.ppm"))]
    width = max(w for w, _ in pages)
    rows: list[bytes] = []
    for w, page in pages:
        rows += [r + b"\xff" * 3 * (width - w) for r in page]
        rows += [b"\xff" * 3 * width] * 20
    _write_png(out, width, rows)
    return width, len(rows)
