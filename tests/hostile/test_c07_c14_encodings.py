"""Classes 7 and 14: decoding. A ``<meta charset>`` naming a codec that is not a text encoding
(idna, punycode, undefined, rot13, base64) gave a traceback; a UTF-8 file with one bad byte was
decoded whole as GB18030 and was then "not a report". Now: only text encodings are honoured (else
UTF-8/GB18030, with a GD112 finding), and UTF-8 stays UTF-8 with a GD112 finding at the bad byte
(line and column); a real GBK file is still read as GB18030."""

from __future__ import annotations

from pathlib import Path

import hostile_generators as g
import pytest
from hostile_limits import read_in_child, run_cli

from gov_disclosure import read_report
from gov_disclosure.testing import sample_report
from gov_disclosure.text import write_text

_ALL = 200  # cells of the 2021 format


@pytest.mark.parametrize("charset", ["idna", "punycode", "undefined", "rot13", "base64", "hex", "nonsense"])
def test_a_charset_that_is_no_text_encoding(tmp_path: Path, charset: str) -> None:
    path = g.gen_07_html_charset(tmp_path, charset)
    out = read_in_child(path)
    assert out.result is not None, out
    got = out.result["returned"]
    assert sum(v is not None for v in got["cells"].values()) == _ALL
    assert got["codes"].get("GD112") == 1
    cli = run_cli("read", path)
    assert not cli.traceback, cli
    assert cli.rc == 0, cli


def test_text_encodings_are_told_apart() -> None:
    from gov_disclosure.reading.load import is_text_encoding

    assert all(map(is_text_encoding, ["utf-8", "gbk", "gb18030", "big5", "latin-1", "utf-16"]))
    assert not any(map(is_text_encoding, ["idna", "punycode", "undefined", "rot13", "base64", "zlib", "x"]))


def test_one_bad_byte_in_utf8(tmp_path: Path) -> None:
    path = g.gen_14_bad_utf8(tmp_path)
    out = read_in_child(path)
    assert out.result is not None, out
    got = out.result["returned"]
    assert sum(v is not None for v in got["cells"].values()) == _ALL
    assert got["agency"] == sample_report("2021").agency
    bad = [f for f in got["findings"] if f["code"] == "GD112"]
    assert len(bad) == 1
    line = next(
        i for i, ln in enumerate(path.read_bytes().split(b"\n"), 1) if b"\xff" in ln
    )
    assert bad[0]["source"].startswith(f"line {line}, column ")
    assert "\ufffd" in got["sections"]["overview"]


def test_a_gbk_file_is_still_gb18030(tmp_path: Path) -> None:
    r = sample_report("2021")
    path = tmp_path / "gbk.txt"
    path.write_bytes(write_text(r).encode("gbk"))
    back, findings = read_report(path)
    assert back.cell_map() == r.cell_map()
    assert back.agency == r.agency
    assert not [f for f in findings if f.code == "GD112"]


def test_a_gbk_file_with_a_bad_byte(tmp_path: Path) -> None:
    r = sample_report("2021")
    data = write_text(r).encode("gbk")
    i = data.index("本机关".encode("gbk"))
    path = tmp_path / "gbk-bad.txt"
    path.write_bytes(data[:i] + b"\xff" + data[i:])
    back, findings = read_report(path)
    assert back.cell_map() == r.cell_map()
    assert [f.code for f in findings if f.code == "GD112"] == ["GD112"]


def test_many_bad_bytes_are_counted_not_listed() -> None:
    from gov_disclosure.reading.load import decode

    text, findings = decode(("正文" * 500 + "\n").encode() + b"\xff " * 30)
    assert text.startswith("正文")
    assert len(findings) == 6  # five with their place, one counting the rest
    assert "more" in findings[-1].message


def test_a_bad_byte_after_a_utf8_bom() -> None:
    from gov_disclosure.reading.load import decode

    text, findings = decode(b"\xef\xbb\xbf" + "一、总体情况\n".encode() + b"\xc3(")
    assert text.startswith("一、总体情况")
    assert [f.source for f in findings] == ["line 2, column 1"]
