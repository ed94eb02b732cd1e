"""Render .docx files with LibreOffice headless: to PDF (for the text check) and PNG (for the docs).

Run as a script to refresh the pictures in docs/img/::

    python tests/docx/render_docs.py

The official fonts (方正小标宋简体, 仿宋_GB2312, 黑体, 宋体) are rarely installed on Linux; a private
fontconfig file maps them to the closest Noto CJK faces (serif for 宋/仿宋/小标宋, sans for 黑体),
so a render looks like the printed report. The document itself keeps the official font names.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

#: official font -> (installed family, bold)
FONT_MAP = {
    "方正小标宋简体": ("Noto Serif CJK SC", True),
    "仿宋_GB2312": ("Noto Serif CJK SC", False),
    "仿宋": ("Noto Serif CJK SC", False),
    "宋体": ("Noto Serif CJK SC", False),
    "楷体_GB2312": ("Noto Serif CJK SC", False),
    "黑体": ("Noto Sans CJK SC", False),
}
TIMEOUT = 120


def fontconfig_file(directory: Path) -> Path:
    rules = []
    for family, (target, bold) in FONT_MAP.items():
        weight = '<edit name="weight" mode="assign"><const>bold</const></edit>' if bold else ""
        rules.append(
            f'<match target="pattern"><test name="family"><string>{family}</string></test>'
            f'<edit name="family" mode="assign" binding="strong"><string>{target}</string></edit>'
            f"{weight}</match>"
        )
    conf = directory / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<fontconfig>\n'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        + "\n".join(rules)
        + "\n</fontconfig>\n",
        encoding="utf-8",
    )
    return conf


def to_pdf(docx: Path, outdir: Path) -> Path:
    """Convert ``docx`` to PDF in ``outdir`` with a private LibreOffice profile; returns the PDF."""
    return convert(docx, outdir, "pdf", "pdf")


def convert(docx: Path, outdir: Path, target: str, suffix: str) -> Path:
    """Convert ``docx`` with LibreOffice (``--convert-to target``); returns the file written."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise RuntimeError("soffice not found")
    with tempfile.TemporaryDirectory(prefix="lo-gd-docx-") as profile:
        env = dict(os.environ, FONTCONFIG_FILE=str(fontconfig_file(Path(profile))))
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}/{uuid.uuid4().hex}",
                "--headless",
                "--norestore",
                "--convert-to",
                target,
                "--outdir",
                str(outdir),
                str(docx),
            ],
            check=True,
            timeout=TIMEOUT,
            capture_output=True,
            env=env,
        )
    out = outdir / (docx.stem + "." + suffix)
    if not out.exists():
        raise RuntimeError(f"LibreOffice wrote no {suffix} for {docx}")
    return out


def pdf_text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, timeout=TIMEOUT
    ).stdout.decode("utf-8")


def to_ppms(pdf: Path, prefix: Path, dpi: int = 60) -> list[Path]:
    """Each page of ``pdf`` as a PPM picture (pdftoppm's own format)."""
    subprocess.run(["pdftoppm", "-r", str(dpi), str(pdf), str(prefix)], check=True, timeout=TIMEOUT)
    return sorted(prefix.parent.glob(prefix.name + "-*.ppm"))


def _read_ppm(path: Path) -> tuple[int, int, bytes]:
    data = path.read_bytes()
    fields: list[bytes] = []
    pos = 0
    while len(fields) < 4:  # magic, width, height, maxval, separated by whitespace
        while data[pos : pos + 1].isspace():
            pos += 1
        start = pos
        while not data[pos : pos + 1].isspace():
            pos += 1
        fields.append(data[start:pos])
    if fields[0] != b"P6" or fields[3] != b"255":
        raise ValueError(f"{path}: not an 8-bit binary PPM")
    width, height = int(fields[1]), int(fields[2])
    return width, height, data[pos + 1 : pos + 1 + width * height * 3]


def pages_side_by_side(pages: list[Path], target: Path, gap: int = 12) -> None:
    """The pages next to each other on a grey ground, written as one PNG (no imaging library)."""
    import struct
    import zlib

    images = [_read_ppm(p) for p in pages]
    height = max(h for _, h, _ in images)
    width = sum(w for w, _, _ in images) + gap * (len(images) + 1)
    grey = b"\x88\x88\x88"
    lines = []
    for y in range(height):
        line = bytearray(b"\x00")  # PNG filter type: none
        line += grey * gap
        for w, h, pixels in images:
            line += pixels[y * w * 3 : (y + 1) * w * 3] if y < h else grey * w
            line += grey * gap
        lines.append(bytes(line))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    target.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"".join(lines), 9))
        + chunk(b"IEND", b"")
    )


def main() -> None:
    """Write the 2019 and 2021 sample reports and put a picture of their pages in docs/img/."""
    from gov_disclosure.docx import write_docx
    from gov_disclosure.testing import sample_report

    root = Path(__file__).resolve().parents[2]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for fmt in ("2019", "2021"):
            path = work / f"report-{fmt}.docx"
            write_docx(sample_report(fmt), path)  # type: ignore[arg-type]
            pages = to_ppms(to_pdf(path, work), work / f"page-{fmt}", dpi=55)
            target = root / "docs" / "img" / f"report-{fmt}.png"
            pages_side_by_side(pages, target)
            print(target)


if __name__ == "__main__":
    main()
