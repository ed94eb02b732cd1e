"""Publication facts a supervisor records: every file's SHA-256 in the findings file, and two
different files for one agency and year (a report changed after publication, or two versions)
reported as GD505 — byte-for-byte copies only as duplicates."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

from click.testing import CliRunner

from gov_disclosure import batch, to_json
from gov_disclosure.cli import main
from gov_disclosure.testing import sample_report


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def two_versions(root: Path) -> tuple[Path, Path, Path]:
    r = sample_report("2021")
    v = r.cell("proactive/art20_6.penalty/decisions")
    assert isinstance(v, int)
    first = write(root / "portal" / "report.json", to_json(r))
    copy = write(root / "mirror" / "report.json", to_json(r))
    changed = write(root / "platform" / "report-v2.json", to_json(r.with_cells({"proactive/art20_6.penalty/decisions": v + 1})))
    return first, copy, changed


def test_every_result_carries_its_files_fingerprint(tmp_path: Path) -> None:
    first, copy, changed = two_versions(tmp_path)
    result = batch.check_paths([tmp_path], jobs=1)
    assert {Path(r.path): r.sha256 for r in result.results} == {p: sha(p) for p in (first, copy, changed)}
    assert sha(first) == sha(copy) != sha(changed)


def test_different_versions_are_gd505_and_copies_are_not(tmp_path: Path) -> None:
    first, copy, changed = two_versions(tmp_path)
    result = batch.check_paths([tmp_path], jobs=1)
    (dup,) = result.duplicates
    assert [Path(p) for p in dup.paths] == [copy, changed, first]  # path order: mirror, platform, portal
    assert not dup.identical
    versions = dup.versions()
    # each file names a file with other content: the changed one the first copy, each copy the change
    assert {(Path(p), f.code, f.location) for p, f in versions} == {
        (changed, "GD505", "file"),
        (copy, "GD505", "file"),
        (first, "GD505", "file"),
    }
    named = {Path(p): f.message for p, f in versions}
    assert str(copy) in named[changed]
    assert str(changed) in named[copy]
    assert sha(changed)[:12] in named[changed]
    assert result.summary.codes["GD505"] == 3
    # copies only: a duplicate, no GD505
    changed.unlink()
    (dup,) = batch.check_paths([tmp_path], jobs=1).duplicates
    assert dup.identical
    assert dup.versions() == []


def test_the_findings_file_has_the_fingerprint_and_the_gd505_rows(tmp_path: Path) -> None:
    first, copy, changed = two_versions(tmp_path / "in")
    out = tmp_path / "findings.csv"
    result = CliRunner().invoke(main, ["check", str(tmp_path / "in"), "--findings", str(out), "-j", "1"])
    assert result.exit_code == 0, result.output  # a warning: the reports themselves are valid
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert {(Path(r["file"]), r["code"], r["sha256"]) for r in rows} == {
        (p, "GD505", sha(p)) for p in (first, copy, changed)
    }
    assert all(r["message_zh"].startswith("同一报告存在不同版本") for r in rows)
    jsonl = tmp_path / "findings.jsonl"
    result = CliRunner().invoke(
        main, ["check", str(tmp_path / "in"), "--findings", str(jsonl), "--summary", "json", "-j", "1"]
    )
    summary = json.loads(result.output)
    (dup,) = summary["duplicate_reports"]
    assert dup["identical"] is False
    assert dup["sha256"] == [sha(copy), sha(changed), sha(first)]
    assert summary["findings"] == {"GD505": 3}
    # a finding of the report itself carries the file's fingerprint too
    r = sample_report("2021")
    upheld = r.cell("appeals/review/upheld")
    assert isinstance(upheld, int)
    bad = write(tmp_path / "one" / "bad.json", to_json(r.with_cells({"appeals/review/upheld": upheld + 1})))
    CliRunner().invoke(main, ["check", str(bad), "--findings", str(jsonl), "-j", "1"])
    (row,) = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    assert (row["code"], row["sha256"]) == ("GD301", sha(bad))


def test_gd505_can_be_ignored(tmp_path: Path) -> None:
    two_versions(tmp_path / "in")
    out = tmp_path / "findings.jsonl"
    CliRunner().invoke(main, ["check", str(tmp_path / "in"), "--findings", str(out), "--ignore", "GD505", "-j", "1"])
    assert out.read_text(encoding="utf-8") == ""
