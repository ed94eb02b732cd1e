"""The template reader names cells in words: the official labels, never a raw key inside Chinese."""

from __future__ import annotations

import re

from gov_disclosure.excel import read_xlsx, write_xlsx
from gov_disclosure.testing import sample_report


def test_a_blank_appeals_cell_is_named_by_its_labels() -> None:
    r = sample_report("2021").with_cells({"appeals/review/upheld": None, "applications/new/business": None})
    _, findings = read_xlsx(write_xlsx(r))  # type: ignore[arg-type]
    by_location = {f.location: f for f in findings if f.code == "GD101"}
    review = by_location["appeals/review/upheld"]
    assert review.message_zh.endswith("：表四 · 行政复议 · 结果维持未填写")
    assert review.message.endswith(": Table 4 · 行政复议 · 结果维持 is blank")
    new = by_location["applications/new/business"]
    assert "：表三 · 一、本年新收政府信息公开申请数量 · 商业企业" in new.message_zh
    for f in findings:  # no ASCII key such as review or upheld inside the Chinese
        assert not re.search(r"[a-z]{3,}", f.message_zh), f.message_zh
