"""Helpers for the Excel tests: LibreOffice headless with a private profile and a timeout."""

from __future__ import annotations

import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOPPM = shutil.which("pdftoppm")

needs_libreoffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


def soffice_convert(src: Path, outdir: Path, target: str, *, timeout: float = 180) -> Path:
    """Convert ``src`` with LibreOffice headless (``target`` e.g. ``pdf`` or ``xlsx:Calc MS Excel
    2007 XML``) into ``outdir``; returns the converted file."""
    assert SOFFICE is not None
    profile = Path("/tmp") / f"lo-gd-excel-{uuid.uuid4().hex}"
    outdir.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run(
            [
                SOFFICE,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                target,
                "--outdir",
                str(outdir),
                str(src),
            ],
            check=True,
            timeout=timeout,
            capture_output=True,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    out = outdir / (src.stem + "." + target.split(":")[0])
    assert out.exists(), f"LibreOffice wrote nothing for {src}"
    return out


def render_pages(xlsx: Path, outdir: Path, *, dpi: int = 70) -> list[Path]:
    """Render a workbook to PNG pages: LibreOffice → PDF → pdftoppm."""
    assert PDFTOPPM is not None
    pdf = soffice_convert(xlsx, outdir, "pdf")
    subprocess.run(
        [PDFTOPPM, "-r", str(dpi), "-png", str(pdf), str(outdir / "page")], check=True, timeout=120
    )
    return sorted(outdir.glob("page-*.png"))
