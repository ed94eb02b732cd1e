"""Pairing an agency's years across spellings: a name with and without its parent region pairs when
the match is the only one in the corpus; a name that matches two agencies is reported, not paired."""

from __future__ import annotations

import json
import random
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from gov_disclosure import Report, batch, to_json
from gov_disclosure.batch import Ambiguous, Duplicate, FileResult, agency_key, pair_up, region_extends
from gov_disclosure.cli import main
from gov_disclosure.testing import random_report


def key(name: str) -> str:
    k = agency_key(name)
    assert k is not None
    return k


@pytest.mark.parametrize(
    ("longer", "shorter", "extends"),
    [
        ("淮安市洪泽区人民政府", "洪泽区人民政府", True),
        ("舟山市定海区经济和信息化局", "定海区经济和信息化局", True),
        ("江苏省淮安市洪泽区人民政府", "洪泽区人民政府", True),
        ("江苏省淮安市洪泽区人民政府", "淮安市洪泽区人民政府", True),
        ("延边朝鲜族自治州延吉市教育局", "延吉市教育局", True),
        ("洪泽区人民政府办公室", "洪泽区人民政府", False),  # another agency, not a region in front
        ("淮安市人民政府", "人民政府", False),  # a name that names no region
        ("淮安市市场监督管理局", "市场监督管理局", False),
        ("舟山市定海区经济和信息化局", "定海区经信局", False),  # an abbreviation is not a region
        ("国家税务总局淮安市洪泽区税务局", "淮安市洪泽区税务局", False),
        ("洪泽区人民政府", "洪泽区人民政府", False),
    ],
)
def test_region_extends(longer: str, shorter: str, extends: bool) -> None:
    assert region_extends(key(longer), key(shorter)) is extends


def result(name: str, year: int, path: str | None = None) -> FileResult:
    return FileResult(path or f"{year}-{name}.json", ".json", "2021", name, year)


def names(pairs: list[tuple[FileResult, FileResult]]) -> set[tuple[str | None, str | None]]:
    return {(a.agency, b.agency) for a, b in pairs}


def test_with_and_without_the_parent_region_pair() -> None:
    pairs, notices = pair_up(
        [
            result("淮安市洪泽区人民政府", 2022),
            result("洪泽区人民政府", 2023),
            result("舟山市定海区经济和信息化局", 2022),
            result("定海区经济和信息化局", 2023),
            result("定海区经济和信息化局", 2024),
        ]
    )
    assert names(pairs) == {
        ("淮安市洪泽区人民政府", "洪泽区人民政府"),
        ("舟山市定海区经济和信息化局", "定海区经济和信息化局"),
        ("定海区经济和信息化局", "定海区经济和信息化局"),
    }
    assert notices == []


def test_two_agencies_under_one_short_name_are_reported_not_paired() -> None:
    pairs, notices = pair_up(
        [
            result("淮安市洪泽区人民政府", 2022),
            result("宿迁市洪泽区人民政府", 2020),  # another year: the name is ambiguous in the corpus
            result("洪泽区人民政府", 2023),
        ]
    )
    assert pairs == []
    (notice,) = notices
    assert isinstance(notice, Ambiguous)
    assert (notice.agency, notice.year) == ("洪泽区人民政府", 2023)
    assert set(notice.matches) == {"淮安市洪泽区人民政府", "宿迁市洪泽区人民政府"}


def test_names_that_share_a_suffix_are_different_agencies() -> None:
    pairs, notices = pair_up(
        [
            result("洪泽区人民政府", 2022),
            result("洪泽区人民政府办公室", 2023),
            result("淮安市人民政府", 2022),
            result("人民政府", 2023),
            result("定海区经信局", 2022),
            result("舟山市定海区经济和信息化局", 2023),
        ]
    )
    assert pairs == []
    assert notices == []


def test_a_chain_of_spellings_is_one_agency() -> None:
    pairs, notices = pair_up(
        [
            result("江苏省淮安市洪泽区人民政府", 2021),
            result("淮安市洪泽区人民政府", 2022),
            result("洪泽区人民政府", 2023),
        ]
    )
    assert names(pairs) == {
        ("江苏省淮安市洪泽区人民政府", "淮安市洪泽区人民政府"),
        ("淮安市洪泽区人民政府", "洪泽区人民政府"),
    }
    assert notices == []


def test_the_exact_name_is_paired_first() -> None:
    pairs, notices = pair_up(
        [
            result("洪泽区人民政府", 2022),
            result("洪泽区人民政府", 2023),
            result("淮安市洪泽区人民政府", 2023),
        ]
    )
    assert names(pairs) == {("洪泽区人民政府", "洪泽区人民政府")}
    assert notices == []


def test_one_agency_spelt_two_ways_in_one_year_is_not_guessed() -> None:
    pairs, notices = pair_up(
        [
            result("淮安市洪泽区人民政府", 2022),
            result("洪泽区人民政府", 2023),
            result("江苏省淮安市洪泽区人民政府", 2023),
        ]
    )
    assert pairs == []
    assert {(n.agency, n.year) for n in notices if isinstance(n, Ambiguous)} == {
        ("洪泽区人民政府", 2023),
        ("江苏省淮安市洪泽区人民政府", 2023),
        ("淮安市洪泽区人民政府", 2022),
    }


def test_duplicates_are_still_reported() -> None:
    pairs, notices = pair_up(
        [
            result("淮安市洪泽区人民政府", 2022, "a.json"),
            result("淮安市洪泽区人民政府", 2022, "b.json"),
            result("洪泽区人民政府", 2023, "c.json"),
        ]
    )
    assert [(a.path, b.path) for a, b in pairs] == [("a.json", "c.json")]
    assert [type(n) for n in notices] == [Duplicate]


PARENTS = ("淮安市", "宿迁市", "江苏省淮安市", "舟山市", "")
DISTRICTS = ("洪泽区", "定海区", "沛县")
BODIES = ("人民政府", "人民政府办公室", "教育局")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(PARENTS),
            st.sampled_from(DISTRICTS),
            st.sampled_from(BODIES),
            st.integers(2020, 2024),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_generated_corpora_pair_only_one_agency(entries: list[tuple[str, str, str, int]]) -> None:
    results = [result(p + d + b, y) for p, d, b, y in entries]
    pairs, notices = pair_up(results)
    keys = {key(r.agency or "") for r in results}
    for last, this in pairs:
        assert this.year == (last.year or 0) + 1
        a, b = key(last.agency or ""), key(this.agency or "")
        if a == b:
            continue
        # across spellings: one is the other with regions in front, and the short name matches no
        # other agency in the corpus
        assert region_extends(a, b) or region_extends(b, a)
        short = min(a, b, key=len)
        longer = [k for k in keys if region_extends(k, short)]
        assert all(region_extends(x, y) or region_extends(y, x) for x in longer for y in longer if x != y)
        # never the body of another agency (政府 vs 政府办公室)
        assert a.endswith(b) or b.endswith(a)
    # each report is paired at most once as last year's and once as this year's
    assert len({id(a) for a, _ in pairs}) == len(pairs)
    assert len({id(b) for _, b in pairs}) == len(pairs)
    for n in notices:
        assert isinstance(n, (Ambiguous, Duplicate))


# -- end to end: files, the findings file, the summary, compare ---------------------------------------


def write(tmp_path: Path, name: str, report: Report, agency: str) -> Path:
    path = tmp_path / name
    path.write_text(to_json(attrs.evolve(report, agency=agency)), encoding="utf-8")
    return path


def test_check_pairs_across_spellings_and_reports_ambiguity(tmp_path: Path) -> None:
    rng = random.Random("spellings")
    last = random_report(rng, year=2022)
    this = random_report(rng, previous=last)
    write(tmp_path, "hz-2022.json", last, "淮安市洪泽区人民政府")
    write(tmp_path, "hz-2023.json", this, "洪泽区人民政府")
    result = batch.check_paths([tmp_path], jobs=1)
    (pair,) = result.pairs
    assert (Path(pair.last).name, Path(pair.this).name) == ("hz-2022.json", "hz-2023.json")
    assert pair.last_agency == "淮安市洪泽区人民政府"
    assert pair.findings == ()  # consecutive years of one agency: every cross-year rule holds
    assert result.summary.pairs_across_spellings == 1

    other = random_report(rng, year=2021)
    write(tmp_path, "sq-2021.json", other, "宿迁市洪泽区人民政府")
    result = batch.check_paths([tmp_path], jobs=1)
    assert result.pairs == ()
    (amb,) = result.ambiguous
    assert Path(amb.path).name == "hz-2023.json"
    assert result.summary.ambiguous == 1
    rows = [r for r in result.finding_records() if r["code"] == batch.AMBIGUOUS]
    assert len(rows) == 1
    assert "宿迁市洪泽区人民政府" in rows[0]["message"]
    assert "无法确定" in rows[0]["message_zh"]

    runner = CliRunner()
    out = tmp_path / "findings.csv"
    cli = runner.invoke(
        main, ["check", str(tmp_path), "-j", "1", "--findings", str(out), "--summary", "json"]
    )
    assert cli.exit_code == 0, cli.output
    summary = json.loads(cli.output)
    assert summary["ambiguous_agencies"] == 1
    assert [Path(a["file"]).name for a in summary["ambiguous_reports"]] == ["hz-2023.json"]
    assert "ambiguous-agency" in out.read_text(encoding="utf-8")
    table = runner.invoke(main, ["check", str(tmp_path), "-j", "1", "--lang", "zh"])
    assert "机关名称不唯一" in table.output


def test_compare_reads_a_name_with_its_region_as_the_same_agency(tmp_path: Path) -> None:
    rng = random.Random("compare spellings")
    last = random_report(rng, year=2022)
    this = random_report(rng, previous=last)
    a = write(tmp_path, "a.json", last, "淮安市洪泽区人民政府")
    b = write(tmp_path, "b.json", this, "洪泽区人民政府")
    c = write(tmp_path, "c.json", this, "洪泽区人民政府办公室")
    runner = CliRunner()
    same = runner.invoke(main, ["compare", str(a), str(b)])
    assert same.exit_code == 0, same.output
    assert "read as one agency" in same.output
    other = runner.invoke(main, ["compare", str(a), str(c), "--lang", "zh"])
    assert other.exit_code == 2  # another agency (政府 vs 政府办公室): refused
    assert "不是同一机关" in other.output


def test_validate_previous_reads_a_name_with_its_region_as_the_same_agency(tmp_path: Path) -> None:
    rng = random.Random("validate previous spellings")
    last = random_report(rng, year=2022)
    this = random_report(rng, previous=last)
    a = write(tmp_path, "a.json", last, "舟山市定海区经济和信息化局")
    b = write(tmp_path, "b.json", this, "定海区经济和信息化局")
    c = write(tmp_path, "c.json", this, "定海区经信局")
    runner = CliRunner()
    same = runner.invoke(main, ["validate", str(b), "--previous", str(a)])
    assert same.exit_code == 0, same.output
    assert "read as one agency" in same.output
    other = runner.invoke(main, ["validate", str(c), "--previous", str(a)])
    assert other.exit_code == 2  # an abbreviation is not a region: another agency to the tool
