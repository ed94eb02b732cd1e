"""LibreOffice headless for the tests: each run with a private profile (so parallel runs do not
share one) and a time limit."""

from __future__ import annotations

import shutil
import subprocess
import uuid
from pathlib import Path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def soffice_convert_many(srcs: list[Path], outdir: Path, target: str, *, timeout: float = 240) -> list[Path]:
    """Convert ``srcs`` in one LibreOffice run (``target`` e.g. ``pdf``, ``docx:MS Word 2007 XML`` or
    ``xlsx:Calc MS Excel 2007 XML``) into ``outdir``; returns the converted files."""
    assert SOFFICE is not None
    profile = Path("/tmp") / f"lo-gd-{uuid.uuid4().hex}"
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
                *map(str, srcs),
            ],
            check=True,
            timeout=timeout,
            capture_output=True,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    outs = [outdir / (src.stem + "." + target.split(":")[0]) for src in srcs]
    for out in outs:
        assert out.exists(), f"LibreOffice wrote nothing for {out.name}"
    return outs


def soffice_convert(src: Path, outdir: Path, target: str, *, timeout: float = 240) -> Path:
    """Convert one file (see :func:`soffice_convert_many`); returns the converted file."""
    return soffice_convert_many([src], outdir, target, timeout=timeout)[0]
