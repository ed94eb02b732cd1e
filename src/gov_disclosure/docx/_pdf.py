"""PDF output: the .docx document converted by LibreOffice (``soffice --headless --convert-to pdf``).

LibreOffice runs with a profile of its own in a temporary folder (so it neither touches the user's
profile nor waits for a LibreOffice the user has open), in its own process group, with a time limit;
the PDF is written atomically. Without LibreOffice a :class:`ConversionError` says what to install.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import Final

from ..core.errors import ConversionError
from ..core.files import atomic_write
from ..core.messages import errors as E
from ..core.model import Report
from ._style import DocxStyle
from ._writer import write_docx

__all__ = ["SOFFICE_TIMEOUT", "docx_to_pdf", "write_pdf"]

#: seconds LibreOffice may take to convert one document (its first start alone can take 20 s)
SOFFICE_TIMEOUT: Final = 180.0


def _soffice() -> str:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise ConversionError(E.NO_SOFFICE)


def docx_to_pdf(data: bytes, *, timeout: float = SOFFICE_TIMEOUT) -> bytes:
    """The PDF of a .docx document (its bytes), made by LibreOffice. Raises :class:`ConversionError`
    when LibreOffice is not installed, fails or takes longer than ``timeout`` seconds."""
    exe = _soffice()
    with tempfile.TemporaryDirectory(prefix="gov-disclosure-soffice-") as tmp:
        folder = Path(tmp)
        source = folder / "report.docx"
        source.write_bytes(data)
        profile = (folder / "profile").as_uri()
        command = [
            exe,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ]
        try:
            proc = subprocess.Popen(
                command,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                stdin=subprocess.DEVNULL,
                start_new_session=True,  # soffice starts soffice.bin: kill the whole group on a timeout
            )
        except OSError as exc:
            raise ConversionError(E.SOFFICE_FAILED, detail=exc.strerror or str(exc)) from None
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill(proc)
            raise ConversionError(E.SOFFICE_TIMEOUT, seconds=f"{timeout:g}") from None
        pdf = folder / "report.pdf"
        if proc.returncode != 0 or not pdf.exists():
            why = err.decode("utf-8", "replace").strip().splitlines()
            raise ConversionError(
                E.SOFFICE_FAILED, detail=why[-1][:200] if why else f"exit {proc.returncode}"
            )
        out = pdf.read_bytes()
    if not out.startswith(b"%PDF"):
        raise ConversionError(E.SOFFICE_FAILED, detail="the output is not a PDF")
    return out


def _kill(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(OSError):
        if hasattr(os, "killpg"):
            os.killpg(proc.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows
            proc.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.communicate(timeout=10)


def write_pdf(
    report: Report,
    path: str | os.PathLike[str] | None = None,
    *,
    style: DocxStyle | None = None,
    timeout: float = SOFFICE_TIMEOUT,
) -> bytes:
    """``report`` as a PDF: the document of :func:`write_docx`, converted by LibreOffice. Returns the
    bytes (also written atomically to ``path``). Raises :class:`ConversionError` without LibreOffice."""
    data = docx_to_pdf(write_docx(report, style=style), timeout=timeout)
    if path is not None:
        atomic_write(path, data)
    return data
