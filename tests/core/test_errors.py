"""Errors speak both languages: str(exc) English, exc.message("zh") Chinese, in findings files too."""

from __future__ import annotations

import csv
import io
import pickle
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from gov_disclosure import read_report
from gov_disclosure.batch import check_file, write_findings
from gov_disclosure.cli import main
from gov_disclosure.core.errors import (
    FileTooLargeError,
    GovDisclosureError,
    MissingExtraError,
    ReadError,
    UnsupportedFileError,
)
from gov_disclosure.core.messages import errors as E

HAN = "\u4e00-\u9fff"


def test_a_read_error_is_english_as_a_string_and_chinese_on_request() -> None:
    exc = ReadError(E.DAMAGED_ZIP, path="a.xlsx", detail="File is not a zip file")
    assert str(exc) == "a.xlsx: a damaged zip archive: File is not a zip file"
    assert exc.message("zh") == "a.xlsx: zip 压缩包已损坏"  # a library's English detail is left out
    assert exc.message("en") == str(exc)
    assert isinstance(exc, ValueError)
    with pytest.raises(ValueError, match="damaged zip"):
        raise exc


def test_parameters_and_messages_as_parameters_follow_the_language() -> None:
    exc = FileTooLargeError(E.FILE_TOO_LARGE, size=10, limit=5)
    assert str(exc) == "10 bytes, over the limit of 5"
    assert exc.message("zh") == "文件有10字节，超过5字节的上限"
    opened = ReadError(E.CANNOT_OPEN, path="x.json", reason=E.OS_NOT_FOUND)
    assert opened.message("zh") == "x.json: 无法打开：文件或文件夹不存在"


def test_a_plain_string_still_works_in_both_languages() -> None:
    exc = UnsupportedFileError("a {strange} file", path="p")
    assert str(exc) == "p: a {strange} file"
    assert exc.message("zh") == "p: a {strange} file"


def test_the_path_set_later_is_in_every_message() -> None:
    exc = ReadError(E.EMPTY_FILE)
    exc.path = "empty.txt"
    assert str(exc) == "empty.txt: empty file (0 bytes)"
    assert exc.args == ("empty.txt: empty file (0 bytes)",)
    assert exc.message("zh") == "empty.txt: 空文件（0字节）"


@pytest.mark.parametrize(
    "exc",
    [
        ReadError(E.DAMAGED_ZIP, path="a", detail="x"),
        FileTooLargeError(E.FILE_TOO_LARGE, size=1, limit=0),
        MissingExtraError(E.FEATURE_HTML, "html"),
        ReadError("plain"),
    ],
)
def test_errors_survive_pickling_for_worker_processes(exc: GovDisclosureError) -> None:
    back = pickle.loads(pickle.dumps(exc))
    assert type(back) is type(exc)
    assert str(back) == str(exc)
    assert back.message("zh") == exc.message("zh")


def test_missing_extra_names_what_to_install_in_both_languages() -> None:
    exc = MissingExtraError(E.FEATURE_EXCEL, "excel")
    assert 'pip install "gov-disclosure[excel]"' in str(exc)
    assert exc.message("zh").startswith("Excel 功能")
    assert 'pip install "gov-disclosure[excel]"' in exc.message("zh")


def test_an_unreadable_file_in_a_findings_file_has_a_chinese_message(tmp_path: Path) -> None:
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"PK\x03\x04 truncated")
    result = check_file(bad)
    assert result.error is not None
    assert "damaged" in result.error
    out = io.StringIO()
    list(write_findings([result], out, kind="csv"))
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert row["code"] == "unreadable"
    assert row["message_zh"] == f"无法读取：{bad}: zip 压缩包已损坏"
    assert "damaged" not in row["message_zh"]


def test_every_reader_error_is_a_catalogue_message(tmp_path: Path) -> None:
    """The readers raise catalogue messages, not strings: each of these has Chinese."""
    cases = {
        "empty.txt": b"",
        "bin.dat": b"\x00\x01\x02\x03" * 10,
        "legacy.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100,
        "zip.xlsx": b"PK\x03\x04garbage",
        "text.txt": "今天天气很好。".encode(),
        "page.html": b"<html><body><p>hello</p></body></html>",
        "fake.pdf": b"%PDF-1.4 garbage",
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "hi")
    cases["other.zip"] = buf.getvalue()
    for name, data in cases.items():
        p = tmp_path / name
        p.write_bytes(data)
        with pytest.raises(ReadError) as info:
            read_report(p)
        zh = info.value.message("zh")
        assert zh.startswith(f"{p}: "), name
        assert any("\u4e00" <= ch <= "\u9fff" for ch in zh), (name, zh)


def test_an_empty_file_says_empty(tmp_path: Path) -> None:
    p = tmp_path / "r.txt"
    p.write_bytes(b"")
    with pytest.raises(ReadError, match="empty file"):
        read_report(p)
    result = CliRunner().invoke(main, ["validate", str(p), "--lang", "zh"])
    assert result.exit_code == 2
    assert result.stderr == f"错误：{p}: 空文件（0字节）\n"
