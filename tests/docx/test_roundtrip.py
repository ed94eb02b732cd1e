"""read_docx(write_docx(r)) == r, for every report the builders make, and byte-stable writing."""

from __future__ import annotations

import datetime as dt
import zipfile
from decimal import Decimal
from io import BytesIO

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gov_disclosure.core.model import Report, Sections
from gov_disclosure.core.values import Amount
from gov_disclosure.docx import DocxStyle, read_docx, write_docx
from gov_disclosure.testing import any_reports, sample_report, valid_reports

SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("fmt", ["2019", "2021"])
def test_sample_round_trip_without_findings(fmt: str) -> None:
    r = sample_report(fmt)  # type: ignore[arg-type]
    back, findings = read_docx(write_docx(r))
    assert back == r
    assert findings == []


@pytest.mark.parametrize("fmt", ["2019", "2021"])
def test_our_document_has_its_outline(fmt: str) -> None:
    """The six headings we write are the document's outline, as in anyone's document: the outline
    rules (GD603-GD607) can judge our own documents too, rather than finding them not assessable."""
    from gov_disclosure import validate
    from gov_disclosure.core.vocabulary import SECTIONS

    back, findings = read_docx(write_docx(sample_report(fmt)))  # type: ignore[arg-type]
    assert [(h.text, h.section) for h in back.outline] == [(s.heading, s.key) for s in SECTIONS]
    result = validate(back, findings=findings)
    assert not {n.code for n in result.not_assessable} & {"GD603", "GD604", "GD605", "GD606", "GD607"}
    assert result.findings == ()


@pytest.mark.parametrize("fmt", ["2019", "2021"])
@SETTINGS
@given(data=st.data())
def test_any_report_round_trips(fmt: str, data: st.DataObject) -> None:
    r = data.draw(any_reports(fmt))  # type: ignore[arg-type]
    back, _ = read_docx(write_docx(r))
    assert back == r


@SETTINGS
@given(valid_reports())
def test_valid_reports_round_trip(r: Report) -> None:
    back, findings = read_docx(write_docx(r))
    assert back == r
    assert findings == []


def test_same_report_same_bytes(tmp_path: object) -> None:
    r = sample_report("2021")
    first = write_docx(r)
    second = write_docx(sample_report("2021"))
    assert first == second
    info = zipfile.ZipFile(BytesIO(first)).infolist()
    assert {i.date_time for i in info} == {(1980, 1, 1, 0, 0, 0)}
    core = zipfile.ZipFile(BytesIO(first)).read("docProps/core.xml").decode()
    assert r.published_on is not None
    assert f"{r.published_on.isoformat()}T00:00:00Z" in core
    assert "<cp:revision>1</cp:revision>" in core


def test_write_to_path_matches_bytes(tmp_path: object) -> None:
    import pathlib

    path = pathlib.Path(str(tmp_path)) / "r.docx"
    data = write_docx(sample_report("2019"), path)
    assert path.read_bytes() == data


def test_missing_cells_and_broken_sums_survive() -> None:
    r = sample_report("2021").with_cells(
        {"applications/new/total": 99999, "appeals/review/total": None, "proactive/art20_8.fees/amount": None}
    )
    back, _ = read_docx(write_docx(r))
    assert back == r
    assert back.cell("appeals/review/total") is None
    assert back.cell("applications/new/total") == 99999


def test_unknown_year_and_agency_read_back_as_none() -> None:
    for agency, year in ((None, None), ("某某局", None), (None, 2021), ("", 2021), ("2020", 2021)):
        r = Report.from_cells("2021", {}, agency=agency, year=year)
        back, _ = read_docx(write_docx(r))
        assert (back.agency, back.year) == (agency, year)


def test_odd_text_and_values_round_trip() -> None:
    r = Report.from_cells(
        "2021",
        {
            "proactive/art20_8.fees/amount": Amount(Decimal("1.5"), None),  # prints like 万元
            "appeals/review/upheld": None,
            "applications/new/total": -3,
        },
        raw={"appeals/review/upheld": "abc", "applications/new/natural_person": "/"},
        agency="某局\u3000 \ufffe",
        year=2022,
        agency_kind="department",
        published_on=dt.date(2023, 1, 5),
        sections=Sections(
            overview="第一段\n\n  第三段，前有空格 ",
            problems="\x0b控制字符\x07和\uffff非字符\r\n换行",
            other="二、主动公开政府信息情况",  # looks like a heading
            proactive="\u2028\u2029\u200b\ufeff\U0001f600",
        ),
    )
    back, _ = read_docx(write_docx(r))
    assert back == r


def test_style_is_configurable() -> None:
    style = DocxStyle(body_font="FangSong", title_font="SimSun", heading_font="SimHei", body_size=15)
    data = write_docx(sample_report("2021"), style=style)
    styles = zipfile.ZipFile(BytesIO(data)).read("word/styles.xml").decode()
    assert 'w:eastAsia="FangSong"' in styles
    assert 'w:eastAsia="SimHei"' in styles
    assert 'w:eastAsia="SimSun"' in styles
    assert '<w:sz w:val="30"/>' in styles
    back, _ = read_docx(data)
    assert back == sample_report("2021")
    with pytest.raises(ValueError, match="body_size"):
        DocxStyle(body_size=0)
    with pytest.raises(ValueError, match="margins"):
        DocxStyle(margin_left=80, margin_right=80)
    with pytest.raises(ValueError, match="font"):
        DocxStyle(title_font="  ")


def test_write_docx_refuses_other_objects() -> None:
    with pytest.raises(TypeError):
        write_docx({"format": "2021"})  # type: ignore[arg-type]
