import json
from decimal import Decimal
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

from gov_disclosure import DocumentError, Report, from_dict, from_json, json_schema, to_dict, to_json
from gov_disclosure.core.serialize import make_converter
from gov_disclosure.testing import any_reports, sample_report, valid_reports

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SCHEMA = json_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())


@SETTINGS
@given(any_reports())
def test_json_round_trip_is_identity(r: Report) -> None:
    assert from_json(to_json(r)) == r
    assert from_dict(json.loads(json.dumps(to_dict(r)))) == r


@SETTINGS
@given(any_reports())
def test_schema_accepts_every_generated_report(r: Report) -> None:
    VALIDATOR.validate(json.loads(to_json(r)))


@settings(max_examples=20, deadline=None)
@given(valid_reports())
def test_schema_accepts_valid_reports(r: Report) -> None:
    VALIDATOR.validate(to_dict(r))


def test_schema_is_itself_valid_and_rejects_wrong_documents() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    doc = to_dict(sample_report("2021"))
    doc["applications"]["other"] = doc["applications"]["new"]  # a 2019-only row in a 2021 report
    assert not VALIDATOR.is_valid(doc)
    doc = to_dict(sample_report("2019"))
    doc["proactive"]["art20_9"]["procurement"]["amount"] = 1.5
    assert not VALIDATOR.is_valid(doc)


def test_decimals_stay_exact() -> None:
    r = sample_report("2019")
    from gov_disclosure import Amount

    value = Decimal("123456789012345.123456789")  # 15 integer digits: the most an amount may have
    r = r.with_cells({"proactive/art20_9.procurement/amount": Amount(value, "yuan")})
    text = to_json(r)
    assert '"123456789012345.123456789"' in text
    back = from_json(text).cell("proactive/art20_9.procurement/amount")
    assert isinstance(back, Amount)
    assert str(back.value) == "123456789012345.123456789"


def _doc() -> dict[str, Any]:
    return to_dict(sample_report("2021"))


def _errors(doc: object) -> list[str]:
    with pytest.raises(DocumentError) as exc:
        from_dict(doc)
    assert isinstance(exc.value, ValueError)
    return exc.value.errors


def test_malformed_documents_name_their_paths() -> None:
    d = _doc()
    d["applications"]["new"]["total"] = "3"
    d["appeals"]["review"]["upheld"] = 1.0
    d["year"] = True
    d["proactive"]["art20_8"]["fees"]["amount"] = {"value": 1.5, "unit": "wan_yuan"}
    lines = _errors(d)
    assert any(line.endswith("@ $.applications['new'].total") for line in lines)
    assert any(line.endswith("@ $.appeals.review.upheld") for line in lines)
    assert any(line.endswith("@ $.year") for line in lines)
    assert any("$.proactive['art20_8']['fees']['amount']" in line for line in lines)


def test_unknown_and_missing_keys() -> None:
    d = _doc()
    d["colour"] = "red"
    assert any("colour" in line for line in _errors(d))
    d = _doc()
    del d["applications"]["total"]
    d["applications"]["bogus"] = d["applications"]["new"]
    lines = _errors(d)
    assert "row missing @ $.applications['total']" in lines
    assert "unknown row @ $.applications['bogus']" in lines
    d = _doc()
    d["format"] = "2020"
    assert any("$.format" in line for line in _errors(d))
    d = _doc()
    d["published_on"] = "2022-13-45"
    assert any("$.published_on" in line for line in _errors(d))


@pytest.mark.parametrize("text", ["", "not json", "[1, 2]", "null", '{"format": "2021"', "[" * 100000])
def test_bad_json_text(text: str) -> None:
    with pytest.raises(DocumentError):
        from_json(text)


def test_make_converter_returns_a_fresh_converter() -> None:
    assert make_converter() is not make_converter()
