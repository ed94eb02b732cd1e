"""Finding ids: from the report's identity, the code and the place; never the path or the message."""

from __future__ import annotations

import shutil
from pathlib import Path

import attrs

from gov_disclosure.batch import check_paths
from gov_disclosure.core.findings import Finding, Severity, finding_id, finding_ids


def _f(code: str = "GD201", location: str | None = "applications/new/total", message: str = "m") -> Finding:
    return Finding(code, Severity.ERROR, message, message, location=location)


def test_the_id_depends_on_identity_code_and_place_only() -> None:
    base = finding_id(_f(), agency="郑州市二七区科学技术局", year=2022, format="2021")
    assert base.startswith("GD201-")
    assert len(base) == len("GD201-") + 12
    # the message (either language) does not matter, nor spacing or punctuation in the agency's name
    assert (
        finding_id(_f(message="other words"), agency="郑州市 二七区（科学技术局）", year=2022, format="2021")
        == base
    )
    # everything else does
    others = {
        finding_id(_f(), agency="郑州市二七区教育局", year=2022, format="2021"),
        finding_id(_f(), agency="郑州市二七区科学技术局", year=2021, format="2021"),
        finding_id(_f(), agency="郑州市二七区科学技术局", year=2022, format="2019"),
        finding_id(_f("GD203"), agency="郑州市二七区科学技术局", year=2022, format="2021"),
        finding_id(
            _f(location="applications/new/natural_person"),
            agency="郑州市二七区科学技术局",
            year=2022,
            format="2021",
        ),
    }
    assert base not in others
    assert len(others) == 5


def test_the_same_code_at_the_same_place_twice_gets_a_suffix() -> None:
    fs = [_f("GD106", None), _f("GD106", None), _f("GD201")]
    ids = finding_ids(fs, agency="a", year=2022, format="2021")
    assert ids[1] == ids[0] + ".2"
    assert ids[2] != ids[0]


def _ids(root: Path) -> dict[tuple[str | None, int | None], list[str]]:
    result = check_paths([root], jobs=1)
    out: dict[tuple[str | None, int | None], list[str]] = {}
    for r in result.results:
        out[(r.agency, r.year)] = finding_ids(r.findings, agency=r.agency, year=r.year, format=r.format)
    for p in result.pairs:
        key = (p.agency, p.year)
        fmt = next(r.format for r in result.results if r.path == p.this)
        out[key] = out[key] + finding_ids(p.findings, agency=p.agency, year=p.year, format=fmt)
    return out


def test_ids_are_stable_across_reruns_renames_and_order(corpus: dict[str, Path], tmp_path: Path) -> None:
    first = _ids(corpus["0-2021"].parent)
    assert sum(len(v) for v in first.values()) >= 9  # three broken reports, three findings or more each
    assert _ids(corpus["0-2021"].parent) == first  # a rerun
    # the same files renamed, in other folders, in another order
    moved = tmp_path / "moved"
    for i, (_name, path) in enumerate(sorted(corpus.items(), reverse=True)):
        target = moved / f"z{i}" / f"{9 - i}-renamed{path.suffix}"
        target.parent.mkdir(parents=True)
        shutil.copy(path, target)
    assert _ids(moved) == first


def test_ids_differ_between_findings_of_a_run(corpus: dict[str, Path]) -> None:
    ids = [i for v in _ids(corpus["0-2021"].parent).values() for i in v]
    assert len(ids) == len(set(ids))


def test_a_reworded_message_keeps_the_id() -> None:
    f = _f()
    g = attrs.evolve(f, message="reworded", message_zh="改写")
    assert finding_id(f, agency="x", year=1, format="2021") == finding_id(
        g, agency="x", year=1, format="2021"
    )
