"""Helpers for the review tests: a small corpus with known findings, LibreOffice and Chromium headless
(private profiles, time limits), and reading comments back from Word and Excel files."""

from __future__ import annotations

import io
import random
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import attrs
import pytest
from docx.oxml.ns import qn

import docx
from gov_disclosure import Report, to_json
from gov_disclosure.docx import write_docx
from gov_disclosure.excel import write_xlsx
from gov_disclosure.testing import random_report

from ..libreoffice import soffice_convert

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

AGENCIES = ("郑州市二七区科学技术局", "杭州市西湖区人民政府", "成都市武侯区市场监督管理局")


def broken(r: Report) -> Report:
    """``r`` with a known set of problems: 一、本年新收 总计 3 too high (GD201, GD203), 商业企业 of
    （一）予以公开 written as 不详 (GD102), 行政复议 总计 1 too high (GD301), 二、上年结转 自然人 and
    总计 1 too high (GD701 twice against last year, GD203)."""
    new = r.cell("applications/new/total")
    review = r.cell("appeals/review/total")
    over, over_person = (
        r.cell("applications/carried_over/total"),
        r.cell("applications/carried_over/natural_person"),
    )
    assert isinstance(new, int)
    assert isinstance(review, int)
    assert isinstance(over, int)
    assert isinstance(over_person, int)
    r = r.with_cells(
        {
            "applications/new/total": new + 3,
            "appeals/review/total": review + 1,
            "applications/carried_over/total": over + 1,
            "applications/carried_over/natural_person": over_person + 1,
        }
    )
    return r.with_cells(
        {"applications/granted/business": None}, raw={"applications/granted/business": "不详"}
    )


def build_corpus(root: Path) -> dict[str, Path]:
    """Three agencies, 2021–2022 each (pairs), in .json/.docx/.xlsx; the 2022 reports are broken
    (see :func:`broken`), the 2021 ones valid."""
    rng = random.Random("review corpus")
    root.mkdir(parents=True, exist_ok=True)
    files: dict[str, Path] = {}
    for i, agency in enumerate(AGENCIES):
        previous = None
        for year in (2021, 2022):
            r = attrs.evolve(random_report(rng, year=year, previous=previous), agency=agency)
            previous = r
            written = broken(r) if year == 2022 else r
            kind = ("json", "docx", "xlsx")[i]
            path = root / f"{i}-{year}.{kind}"
            if kind == "json":
                path.write_text(to_json(written), encoding="utf-8")
            elif kind == "docx":
                path.write_bytes(write_docx(written))
            else:
                write_xlsx(written, path)
            files[f"{i}-{year}"] = path
    return files


def chromium(args: list[str], tmp: Path, *, timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    """Run headless Chromium with a private profile and no network services."""
    assert CHROMIUM is not None
    profile = tmp / f"chromium-{uuid.uuid4().hex}"
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={profile}",
            *args,
        ],
        check=True,
        timeout=timeout,
        capture_output=True,
    )


def docx_comments(data: bytes | Path) -> Iterator[tuple[str, object]]:
    """(comment text, the w:tc or w:p its range starts in) for every comment of a document."""
    document = docx.Document(io.BytesIO(data) if isinstance(data, bytes) else str(data))
    texts = {c.comment_id: c.text for c in document.comments}
    for start in document.element.body.iter(qn("w:commentRangeStart")):
        cid = int(start.get(qn("w:id")))
        container = start.getparent()
        while container is not None and container.tag not in (qn("w:tc"),):
            if (
                container.tag == qn("w:p")
                and container.getparent() is not None
                and container.getparent().tag == qn("w:body")
            ):
                break
            container = container.getparent()
        yield texts[cid], container


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture
def helpers() -> SimpleNamespace:
    return SimpleNamespace(
        broken=broken,
        build_corpus=build_corpus,
        soffice_convert=soffice_convert,
        chromium=chromium,
        docx_comments=docx_comments,
    )
