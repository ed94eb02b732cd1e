"""Generated documentation: the rule catalogue and the CLI reference, written into docs/ by
``python -m gov_disclosure.cli.docs`` and checked by a test, so the docs cannot drift.

The CLI reference is written twice, ``docs/cli.md`` in English and ``docs/cli.zh.md`` in Chinese, both
from the same commands and catalogue messages: a reader reads one language at a time, and a single
file with both would interleave two help screens per command and double its length. The two files
cannot disagree, as both are what ``--help`` prints in each language."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..core.messages import Lang
from ..rules import RULES


def rules_markdown() -> str:
    """docs/rules.md: the catalogue as a table, then each code as ``gov-disclosure rules CODE`` prints
    it, in English and in Chinese (the same text, the same examples run)."""
    from .examples import SCOPES, SEVERITIES, rule_text

    lines = [
        "# Rule catalogue · 规则目录",
        "",
        "Generated from the rule objects in `gov_disclosure.rules` and the documentation of each code in",
        "`src/gov_disclosure/rules/docs/<CODE>/` (`python -m gov_disclosure.cli.docs docs`); do not edit by hand.",
        "docs/FORMAT.md §6 lists every code (a test keeps it complete). Each code below is what",
        "`gov-disclosure rules CODE` prints (`--lang zh` for Chinese); its examples are run when this page is",
        "made, and by the tests. Which codes run, their severities and thresholds can be set on the command",
        "line (`--select`, `--ignore`, `--severity`) or in `[tool.gov-disclosure]` of `pyproject.toml` / a",
        "`gov-disclosure.toml` (see `gov_disclosure.rules.config`).",
        "",
        "本页由 `gov_disclosure.rules` 的规则对象和 `src/gov_disclosure/rules/docs/<代码>/` 中各规则的说明生成，",
        "请勿手工修改。每条规则的内容即 `gov-disclosure rules 代码 --lang zh` 的输出，其中的示例在生成本页时实际运行。",
        "",
        "| code | severity | scope | title | 标题 | checked by |",
        "|---|---|---|---|---|---|",
    ]
    for r in RULES.values():
        by = {"reader": "readers", "batch": "check (batch)", "review": "hand corrections"}.get(r.scope, "validator")
        lines.append(
            f"| [{r.code}](#{r.code.lower()}) | {SEVERITIES[r.severity.value]('en')} | "
            f"{SCOPES[r.scope]('en')} | {r.title} | {r.title_zh} | {by} |"
        )
    for r in RULES.values():
        lines += ["", f"## {r.code}", ""]
        for lang in ("en", "zh"):
            lines += ["```text", rule_text(r.code, lang).rstrip("\n"), "```", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


_CLI_HEADINGS = {
    "en": (
        "# Command line reference",
        "Generated from the commands' own help (`python -m gov_disclosure.cli.docs`); do not edit by hand. "
        "中文版：[cli.zh.md](cli.zh.md).",
    ),
    "zh": (
        "# 命令行参考",
        "由各命令自身的帮助生成（`python -m gov_disclosure.cli.docs`），请勿手工修改。"
        "English: [cli.md](cli.md).",
    ),
}


def cli_markdown(lang: Lang = "en") -> str:
    """The help of every command, as ``gov-disclosure … --help`` prints it in ``lang``."""
    from . import main
    from ._i18n import speaking

    heading, note = _CLI_HEADINGS[lang]
    lines = [heading, "", note, ""]
    with speaking(lang):
        settings = {**main.context_settings, "terminal_width": 100, "max_content_width": 100}
        ctx = click.Context(main, info_name="gov-disclosure", **settings)
        lines += ["```text", main.get_help(ctx), "```", ""]
        for name in sorted(main.commands):
            cmd = main.commands[name]
            sub = click.Context(cmd, info_name=name, parent=ctx, terminal_width=100, max_content_width=100)
            lines += [f"## gov-disclosure {name}", "", "```text", cmd.get_help(sub), "```", ""]
    return "\n".join(lines)


def write(docs: Path) -> None:
    (docs / "rules.md").write_text(rules_markdown(), encoding="utf-8")
    (docs / "cli.md").write_text(cli_markdown("en"), encoding="utf-8")
    (docs / "cli.zh.md").write_text(cli_markdown("zh"), encoding="utf-8")


if __name__ == "__main__":  # pragma: no cover
    write(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs"))
