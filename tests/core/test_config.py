"""Tuning the rules: selection, ignores and severity overrides change exactly what they name; the
thresholds change exactly their rule; the config file is found upward from the working directory as
ruff finds its own; the API, the findings and the command line say which config was used."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

from gov_disclosure import RULES, Report, Severity, to_json, validate
from gov_disclosure.cli import main
from gov_disclosure.rules import Config, ConfigError, find_config, load_config
from gov_disclosure.testing import sample_pair, sample_report


def broken() -> Report:
    """The sample with findings of many codes: GD201/GD202 (error), GD609 and GD802 (warning, info)."""
    r = sample_report("2021")
    v = r.cell("applications/granted/research")
    assert isinstance(v, int)
    sections = attrs.evolve(r.sections, problems="无。", overview=r.sections.overview + "\n本机关严格落实制度,确保规范。")
    return attrs.evolve(r.with_cells({"applications/granted/research": v + 1}), sections=sections)


def codes(report: Report, config: Config | None = None, previous: Report | None = None) -> set[str]:
    return {f.code for f in validate(report, previous, config=config).findings}


ALL = {"GD201", "GD202", "GD609", "GD802"}


def test_the_broken_sample_gives_its_codes() -> None:
    assert codes(broken()) == ALL


@pytest.mark.parametrize(
    ("select", "ignore", "expected"),
    [
        ((), (), ALL),
        (("GD2",), (), {"GD201", "GD202"}),
        (("GD201", "GD609"), (), {"GD201", "GD609"}),
        ((), ("GD2",), {"GD609", "GD802"}),
        ((), ("GD8", "GD201"), {"GD202", "GD609"}),
        (("GD2",), ("GD202",), {"GD201"}),  # the more specific wins
        (("GD202",), ("GD2",), {"GD202"}),
        (("GD2",), ("GD2",), set()),  # equally specific: the ignore wins
        (("ALL",), ("GD6",), {"GD201", "GD202", "GD802"}),
        (("gd8",), (), {"GD802"}),  # any case
    ],
)
def test_select_and_ignore_change_exactly_what_they_name(
    select: tuple[str, ...], ignore: tuple[str, ...], expected: set[str]
) -> None:
    assert codes(broken(), Config(select=select, ignore=ignore)) == expected


def test_selection_applies_to_the_readers_findings_too() -> None:
    r = sample_report("2021")
    reader = RULES["GD106"].finding("x", "某", source="line 3")
    assert [f.code for f in validate(r, findings=[reader]).findings] == ["GD106"]
    assert validate(r, findings=[reader], config=Config(ignore=("GD106",))).findings == ()


def test_not_assessable_checks_of_ignored_codes_are_left_out() -> None:
    r = sample_report("2021").with_cells({"applications/granted/research": None})
    assert {n.code for n in validate(r).not_assessable} == {"GD201", "GD202"}
    result = validate(r, config=Config(ignore=("GD202", "GD101")))
    assert {n.code for n in result.not_assessable} == {"GD201"}
    assert result.findings == ()


def test_severity_overrides_change_exactly_what_they_name() -> None:
    config = Config(severity=(("GD201", "warning"), ("GD8", "error"), ("GD609", Severity.INFO)))
    result = validate(broken(), config=config)
    by_code = {f.code: f.severity for f in result.findings}
    assert by_code == {
        "GD201": Severity.WARNING,
        "GD202": Severity.ERROR,  # untouched
        "GD609": Severity.INFO,
        "GD802": Severity.ERROR,
    }
    # the more specific entry wins over the prefix, whatever the order
    config = Config(severity=(("GD201", "info"), ("GD2", "warning")))
    by_code = {f.code: f.severity for f in validate(broken(), config=config).findings}
    assert (by_code["GD201"], by_code["GD202"]) == (Severity.INFO, Severity.WARNING)
    assert not validate(broken(), config=Config(severity=(("GD2", "warning"),))).errors


def test_thresholds_change_their_rule_only() -> None:
    r = broken()
    # GD609: 无 is thin at any length; a short problems section only below the threshold
    short = attrs.evolve(r, sections=attrs.evolve(r.sections, problems="政策解读不够及时，下一步将加强解读工作。"))
    assert "GD609" in codes(short)
    assert codes(short, Config(problems_min_chars=10)) == ALL - {"GD609"}
    # GD705: factor and base
    last, this = sample_pair("2021")
    address = "proactive/art20_6.penalty/decisions"
    v = last.cell(address)
    assert isinstance(v, int)
    assert v >= 20
    jumped = this.with_cells({address: v * 3})  # three times last year's: within 5, beyond 2
    assert codes(jumped, previous=last) == set()
    assert codes(jumped, Config(anomaly_factor=2), previous=last) == {"GD705"}
    assert codes(jumped, Config(anomaly_factor=2, anomaly_min_base=10**6), previous=last) == set()
    # GD704: the similarity (an overview long enough to be compared, copied with its year changed)
    long = "本机关围绕优化营商环境梳理公开事项清单，细化公开标准，推动决策、执行、管理、服务、结果公开。" * 4
    last = attrs.evolve(last, sections=attrs.evolve(last.sections, overview=last.sections.overview + long))
    copied = attrs.evolve(
        this, sections=attrs.evolve(this.sections, overview=last.sections.overview.replace(str(last.year), str(this.year)))
    )
    assert codes(copied, previous=last) == {"GD704"}
    assert codes(copied, Config(similarity_min_chars=10**6), previous=last) == set()


@pytest.mark.parametrize(
    ("kwargs", "word"),
    [
        ({"select": ("GD0",)}, "GD0"),
        ({"ignore": ("XX1",)}, "XX1"),
        ({"severity": (("GD201", "fatal"),)}, "fatal"),
        ({"similarity": 1.5}, "similarity"),
        ({"anomaly_factor": 1.0}, "anomaly-factor"),
        ({"problems_min_chars": -1}, "problems-min-chars"),
    ],
)
def test_a_bad_config_is_refused_naming_what_is_wrong(kwargs: dict[str, object], word: str) -> None:
    with pytest.raises(ConfigError) as info:
        Config(**kwargs)  # type: ignore[arg-type]
    assert word in str(info.value)
    assert word in info.value.message("zh")


# -- the config file ---------------------------------------------------------------------------------


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_config_file_is_found_upward_as_ruff_finds_its_own(tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    assert find_config(deep) is None or not str(find_config(deep)).startswith(str(tmp_path))
    # a pyproject.toml without our table is passed over
    write(tmp_path / "a" / "b" / "pyproject.toml", "[tool.black]\nline-length = 80\n")
    top = write(tmp_path / "a" / "pyproject.toml", '[tool.gov-disclosure]\nignore = ["GD8"]\n')
    assert find_config(deep) == top
    # a gov-disclosure.toml nearer wins; in one folder .gov-disclosure.toml, then gov-disclosure.toml
    near = write(tmp_path / "a" / "b" / "gov-disclosure.toml", 'select = ["GD2"]\n')
    assert find_config(deep) == near
    hidden = write(tmp_path / "a" / "b" / ".gov-disclosure.toml", 'select = ["GD6"]\n')
    assert find_config(deep) == hidden
    config = load_config(start=deep)
    assert config.select == ("GD6",)
    assert config.path == str(hidden)
    assert load_config(top).ignore == ("GD8",)


def test_the_settings_of_a_file(tmp_path: Path) -> None:
    f = write(
        tmp_path / "pyproject.toml",
        """
[project]
name = "x"

[tool.gov-disclosure]
select = ["GD2", "GD6", "GD8"]
ignore = ["GD802"]
similarity = 0.8
similarity-min-chars = 100
anomaly-factor = 3
anomaly-min-base = 50
problems-min-chars = 30

[tool.gov-disclosure.severity]
GD201 = "warning"
GD8 = "error"
""",
    )
    config = load_config(f)
    assert config == Config(
        select=("GD2", "GD6", "GD8"),
        ignore=("GD802",),
        severity=(("GD201", Severity.WARNING), ("GD8", Severity.ERROR)),
        similarity=0.8,
        similarity_min_chars=100,
        anomaly_factor=3.0,
        anomaly_min_base=50,
        problems_min_chars=30,
        path=str(f),
    )
    result = validate(broken(), config=config)
    assert result.config == str(f)
    assert result.to_dict()["config"] == str(f)
    assert {(x.code, x.severity) for x in result.findings} == {
        ("GD201", Severity.WARNING),
        ("GD202", Severity.ERROR),
        ("GD609", Severity.WARNING),
    }


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("selec = ['GD2']\n", "selec"),
        ("select = 'GD2'\n", "select"),
        ("select = ['GD2'\n", "cannot read"),
        ("[severity]\nGD201 = 'loud'\n", "loud"),
        ("anomaly-factor = 'x'\n", "anomaly-factor"),
    ],
)
def test_a_bad_file_is_refused_naming_the_file(tmp_path: Path, text: str, word: str) -> None:
    f = write(tmp_path / "gov-disclosure.toml", text)
    with pytest.raises(ConfigError) as info:
        load_config(f)
    assert str(f) in str(info.value)
    assert word in str(info.value)


# -- the command line ---------------------------------------------------------------------------------


@pytest.fixture
def report_file(tmp_path: Path) -> Path:
    return write(tmp_path / "report.json", to_json(broken()))


def cli_codes(args: list[str]) -> tuple[int, set[str], dict[str, object]]:
    result = CliRunner().invoke(main, [*args, "--output-format", "json"])
    data = json.loads(result.output)
    return result.exit_code, {f["code"] for f in data["findings"]}, data


def test_validate_takes_the_options(report_file: Path) -> None:
    code, found, data = cli_codes(["validate", str(report_file)])
    assert (code, found) == (1, ALL)
    assert data["config"] is None or not str(data["config"]).startswith(str(report_file.parent))
    code, found, _ = cli_codes(["validate", str(report_file), "--select", "GD6,GD8"])
    assert (code, found) == (0, {"GD609", "GD802"})
    code, found, _ = cli_codes(["validate", str(report_file), "--ignore", "GD2", "--ignore", "GD802"])
    assert (code, found) == (0, {"GD609"})
    code, _, data = cli_codes(["validate", str(report_file), "--severity", "GD2=warning"])
    assert code == 0  # no error left
    assert {f["severity"] for f in data["findings"] if f["code"].startswith("GD2")} == {"warning"}
    code, found, _ = cli_codes(["validate", str(report_file), "--problems-min-chars", "0", "--select", "GD609"])
    assert found == {"GD609"}  # 无 is thin whatever the length


def test_validate_finds_the_config_file_from_the_working_directory(
    report_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    f = write(project / "pyproject.toml", '[tool.gov-disclosure]\nignore = ["GD2"]\n')
    (project / "sub").mkdir()
    monkeypatch.chdir(project / "sub")
    code, found, data = cli_codes(["validate", str(report_file)])
    assert (code, found) == (0, {"GD609", "GD802"})
    assert data["config"] == str(f.resolve())
    # the options lie over the file: select replaces, ignore adds
    code, found, _ = cli_codes(["validate", str(report_file), "--ignore", "GD8"])
    assert found == {"GD609"}
    code, found, _ = cli_codes(["validate", str(report_file), "--select", "GD2,GD8"])
    assert found == {"GD802"}
    # --config names another file; the text output says which
    other = write(tmp_path / "strict.toml", 'select = ["GD201"]\n')
    code, found, data = cli_codes(["validate", str(report_file), "--config", str(other)])
    assert found == {"GD201"}
    assert data["config"] == str(other)
    text = CliRunner().invoke(main, ["validate", str(report_file), "--config", str(other), "--lang", "zh"])
    assert f"配置文件：{other}" in text.output


def test_a_bad_config_ends_the_command_with_code_2(report_file: Path, tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.toml", "selct = ['GD2']\n")
    for args in (
        ["--config", str(bad)],
        ["--select", "GD0"],
        ["--severity", "GD201"],
        ["--severity", "GD201=loud"],
    ):
        result = CliRunner().invoke(main, ["validate", str(report_file), *args, "--lang", "zh"])
        assert result.exit_code == 2, args
        assert "Traceback" not in result.output
        assert "错误" in result.output


def test_compare_and_check_take_the_options(tmp_path: Path) -> None:
    last, this = sample_pair("2021")
    address = "proactive/art20_6.penalty/decisions"
    v = last.cell(address)
    assert isinstance(v, int)
    jumped = this.with_cells({address: v * 3})
    a = write(tmp_path / "in" / "last.json", to_json(last))
    b = write(tmp_path / "in" / "this.json", to_json(jumped))
    code, found, _ = cli_codes(["compare", str(a), str(b)])
    assert (code, found) == (0, set())
    code, found, data = cli_codes(["compare", str(a), str(b), "--anomaly-factor", "2.5"])
    assert code == 0  # information only
    assert found == {"GD705"}
    (f,) = data["findings"]
    assert f["severity"] == "info"
    assert [c["address"] for c in f["cells"]] == [address, f"previous:{address}"]
    # check: the pair's findings (and the findings file) follow the same options
    out = tmp_path / "findings.jsonl"
    result = CliRunner().invoke(
        main,
        ["check", str(tmp_path / "in"), "--anomaly-factor", "2.5", "--findings", str(out), "--summary", "json", "-j", "1"],
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["code"], r["previous"]) for r in rows] == [("GD705", str(a))]
    result = CliRunner().invoke(
        main, ["check", str(tmp_path / "in"), "--anomaly-factor", "2.5", "--ignore", "GD7", "--findings", str(out), "-j", "1"]
    )
    assert out.read_text(encoding="utf-8") == ""
