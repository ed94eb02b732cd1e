"""The message catalogue (every message in both languages, same placeholders), the one place that
decides the language, and locations in words."""

from __future__ import annotations

import re

import pytest

from gov_disclosure.core.messages import Message, catalogue, placeholders, resolve_lang
from gov_disclosure.core.vocabulary import FORMATS, location_label, spec

HAN = re.compile(r"[\u4e00-\u9fff]")


def test_every_message_has_both_languages_with_the_same_placeholders() -> None:
    messages = catalogue()
    assert "common.VALID" in messages
    for mid, m in messages.items():
        assert m.en.strip(), mid
        assert m.zh.strip(), mid
        assert HAN.search(m.zh), f"{mid}: the Chinese text has no Chinese"
        assert placeholders(m.en) == placeholders(m.zh), mid


def test_a_message_formats_in_the_language_asked() -> None:
    m = Message("{n} files", "{n}个文件")
    assert m("zh", n=3) == "3个文件"
    assert m("en", n=3) == "3 files"
    assert m.both(n=1) == ("1 files", "1个文件")


@pytest.mark.parametrize(
    ("option", "env", "expected"),
    [
        ("zh", {"GOV_DISCLOSURE_LANG": "en", "LANG": "en_US.UTF-8"}, "zh"),
        ("en", {"LANG": "zh_CN.UTF-8"}, "en"),
        (None, {"GOV_DISCLOSURE_LANG": "zh", "LANG": "en_US.UTF-8"}, "zh"),
        (None, {"GOV_DISCLOSURE_LANG": "zh-Hans"}, "zh"),
        (None, {"LANG": "zh_CN.UTF-8"}, "zh"),
        (None, {"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        (None, {"LC_ALL": "zh_TW.UTF-8", "LANG": "C"}, "zh"),
        (None, {"LANG": "C.UTF-8"}, "en"),
        (None, {}, "en"),
        (None, {"GOV_DISCLOSURE_LANG": "fr", "LANG": "zh_CN"}, "zh"),
    ],
)
def test_the_language_comes_from_option_then_environment_then_locale(
    option: str | None, env: dict[str, str], expected: str
) -> None:
    assert resolve_lang(option, env) == expected


def test_every_cell_of_both_formats_has_a_location_in_words() -> None:
    for f in FORMATS:
        for c in spec(f).cells:
            zh = location_label(c.address, f, "zh")
            en = location_label(c.address, f, "en")
            assert zh.startswith(("表二 · ", "表三 · ", "表四 · ")), zh
            assert en.startswith("Table "), en
            assert zh.endswith(c.column_label)
            assert c.row_label in zh
            assert "/" not in zh.replace("本年增/减", "")


def test_locations_name_the_groups_a_row_belongs_to() -> None:
    assert (
        location_label("applications/denied.state_secret/natural_person")
        == "表三 · （三）不予公开 · 1.属于国家秘密 · 自然人"
    )
    assert location_label("appeals/suit_after_review/pending") == "表四 · 行政诉讼 · 复议后起诉 · 尚未审结"
    assert location_label("previous:published_on") == "上一年度报告 · 落款日期"
    assert location_label("sections/problems") == "五、存在的主要问题及改进情况"
    assert location_label("somewhere/else") == "somewhere/else"
