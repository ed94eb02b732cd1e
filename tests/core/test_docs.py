"""Generated docs are current, examples run, the README's quick start is what CI runs."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from gov_disclosure.cli.docs import cli_markdown, rules_markdown

ROOT = Path(__file__).parents[2]


def test_rule_catalogue_is_generated_from_the_rules() -> None:
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == rules_markdown(), (
        "run: python -m gov_disclosure.cli.docs docs"
    )


def test_cli_reference_is_current() -> None:
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == cli_markdown("en"), (
        "run: python -m gov_disclosure.cli.docs docs"
    )
    assert (ROOT / "docs" / "cli.zh.md").read_text(encoding="utf-8") == cli_markdown("zh"), (
        "run: python -m gov_disclosure.cli.docs docs"
    )


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = re.findall(r"^\$ (.+)$", readme, flags=re.M)
    assert len(commands) >= 2, "the quick start has two commands"
    test_command = commands[1]
    assert "pytest" in test_command
    assert test_command in ci


@pytest.mark.parametrize("script", sorted(p.name for p in (ROOT / "examples").glob("*.py")))
def test_examples_run(script: str, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / script)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip(), "an example shows its result"
