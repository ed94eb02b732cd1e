"""Hostile input: huge text, deep nesting, binary garbage, crowded pages. Bounded time and memory;
typed errors or findings, never a traceback."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import pytest

from gov_disclosure import FileTooLargeError, GovDisclosureError, ReadError, read_report
from gov_disclosure.html import read_html, write_html
from gov_disclosure.testing import sample_report
from gov_disclosure.text import read_text, write_text


def test_fifty_megabytes_of_text_is_refused(tmp_path: Path) -> None:
    big = "这是一段很长的文字。\n" * (50 * 1024 * 1024 // 33)
    with pytest.raises(FileTooLargeError):
        read_text(text=big)
    p = tmp_path / "big.txt"
    p.write_text(big, encoding="utf-8")
    with pytest.raises(FileTooLargeError):
        read_report(p)


def test_too_many_lines_is_refused() -> None:
    with pytest.raises(FileTooLargeError, match="lines"):
        read_text(text=write_text(sample_report("2021")) + "\t1\n" * 60_000)


def test_many_lines_under_the_limit_are_read() -> None:
    r = sample_report("2021")
    text = write_text(r).replace("六、其他需要报告的事项", "六、其他需要报告的事项\n" + "\t1\n" * 40_000)
    back, _ = read_text(text=text)
    assert back.cell_map() == r.cell_map()


def test_deeply_nested_html() -> None:
    page = "<div>" * 200_000 + "x" + "</div>" * 200_000
    with pytest.raises(ReadError):
        read_html(html=page)


def test_deeply_nested_report_page_is_read_or_refused() -> None:
    r = sample_report("2019")
    page = write_html(r).replace('<div class="report">', "<div>" * 5000 + '<div class="report">')
    try:
        back, _ = read_html(html=page)
    except GovDisclosureError:
        return
    assert back.year == r.year


@pytest.mark.parametrize("seed", range(3))
def test_binary_garbage(tmp_path: Path, seed: int) -> None:
    data = os.urandom(200_000)
    p = tmp_path / f"garbage{seed}.bin"
    p.write_bytes(data)
    with pytest.raises(GovDisclosureError):
        read_report(p)
    with pytest.raises(GovDisclosureError):
        read_text(data.replace(b"\x00", b""))
    with pytest.raises(GovDisclosureError):
        read_html(data)


def test_text_with_nul_characters() -> None:
    with pytest.raises(ReadError):
        read_text(text="一、总体情况\x00")


def test_page_with_ten_tables() -> None:
    r = sample_report("2021")
    page = write_html(r)
    furniture = "".join(
        f"<table><tr><td>栏目{i}</td><td>{i}</td></tr><tr><td>{i * 7}</td><td>链接</td></tr></table>"
        for i in range(7)
    )
    page = page.replace("<body>", f"<body><div class='nav'>{furniture}</div>")
    back, findings = read_html(html=page)
    assert back == r
    assert findings == []


def test_huge_spans_are_clipped_and_cell_count_bounded() -> None:
    r = sample_report("2021")
    page = write_html(r).replace(
        "</body>", '<table><tr><td rowspan="999999" colspan="999999">规章</td></tr></table></body>'
    )
    back, _ = read_html(html=page)  # the span is clipped to MAX_SPAN x MAX_SPAN cells
    assert back.cell_map() == r.cell_map()
    many = "<table>" + '<tr><td colspan="200">x</td></tr>' * 2000 + "</table>"
    with pytest.raises(GovDisclosureError):
        read_html(html=write_html(r).replace("</body>", many + "</body>"))


def test_scripts_and_styles_are_never_content() -> None:
    r = sample_report("2019")
    page = write_html(r).replace(
        "<body>", "<body><script>document.write('一、总体情况 行政复议351件')</script><style>p{}</style>"
    )
    back, _ = read_html(html=page)
    assert back == r


def test_gbk_page_with_meta_charset(tmp_path: Path) -> None:
    r = sample_report("2021")
    page = write_html(r).replace(
        '<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    )
    data = page.encode("gbk")
    assert read_html(data)[0] == r
    p = tmp_path / "page.htm"
    p.write_bytes(data)
    assert read_html(p)[0] == r
    assert read_report(p)[0] == r


def test_not_a_report() -> None:
    with pytest.raises(ReadError, match="not a report"):
        read_text(text="今天天气很好。\n明天也好。")
    with pytest.raises(ReadError, match="not a report"):
        read_html(html="<html><body><p>hello</p><table><tr><td>1</td></tr></table></body></html>")


def test_missing_file() -> None:
    with pytest.raises(ReadError):
        read_text(Path("/nonexistent/report.txt"))
    with pytest.raises(ReadError):
        read_html(Path("/nonexistent/report.html"))


def test_signature_in_a_layout_table() -> None:
    r = sample_report("2021")
    assert r.agency is not None
    assert r.published_on is not None
    page = write_html(r)
    sig = page[page.index('<p class="signature">') : page.index("</div>\n</body>")]
    table = (
        f"<table><tr><td>{r.agency}</td></tr><tr><td>"
        f"{r.published_on.year}年{r.published_on.month}月{r.published_on.day}日</td></tr></table>"
    )
    back, findings = read_html(html=page.replace(sig, table))
    assert back == r
    assert findings == []


def test_title_in_nested_spans_outside_the_content() -> None:
    r = sample_report("2019")
    page = write_html(r)
    h1 = page[page.index("<h1>") : page.index("</h1>") + 5]
    assert r.agency is not None
    title = f'<div class="title"><span style="color:red">{r.agency}</span><font>{r.year}年政府信息公开工作年度报告</font></div>'
    page = page.replace(h1, "").replace(
        "<body>", f"<body><div class='head'>{title}</div><div class='nav'>首页</div>"
    )
    back, _ = read_html(html=page)
    assert (back.year, back.agency) == (r.year, r.agency)


def _returns_within(seconds: float, fn: Any) -> BaseException | None:
    """Run ``fn`` in a daemon thread (so a hang cannot keep the test run alive); the exception it
    raised, or fail if it is still running after ``seconds``."""
    box: list[BaseException | None] = []

    def run() -> None:
        try:
            fn()
            box.append(None)
        except BaseException as exc:  # handed to the test
            box.append(exc)

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), f"still running after {seconds} s"
    return box[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.parametrize("name", ["report.txt", "report.json", "report.docx"])
def test_a_named_pipe_is_refused_not_waited_on(tmp_path: Path, name: str) -> None:
    fifo = tmp_path / name
    os.mkfifo(fifo)
    exc = _returns_within(10, lambda: read_report(fifo))
    assert isinstance(exc, ReadError)
    assert "not a regular file" in str(exc)
    exc = _returns_within(10, lambda: read_text(fifo))
    assert isinstance(exc, ReadError)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_device_is_refused() -> None:
    exc = _returns_within(10, lambda: read_report("/dev/zero"))
    assert isinstance(exc, ReadError)
    assert "device, pipe or socket" in str(exc)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="folder"):
        read_report(tmp_path)
