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

_SCOPES = {
    "cell": "a cell (GD1xx: from the values and the raw text; readers add the file position)",
    "reader": "readers only (they alone see the rows as found)",
    "table": "one table (GD2xx–GD4xx)",
    "report": "the report (GD5xx–GD6xx)",
    "cross-year": "two reports of one agency, last year's and this year's (GD7xx)",
    "review": "a person's hand corrections of cells (GD9xx: `--fixes`, see docs/review.md)",
}


def rules_markdown() -> str:
    lines = [
        "# Rule catalogue",
        "",
        "Generated from the rule objects in `gov_disclosure.rules` (`python -m gov_disclosure.cli.docs`);",
        "do not edit by hand. FORMAT.md §6 is the normative description of each rule.",
        "",
        "| code | severity | scope | title | 标题 | checked by |",
        "|---|---|---|---|---|---|",
    ]
    for r in RULES.values():
        by = "validator" if r.check is not None else "hand corrections" if r.scope == "review" else "readers"
        lines.append(f"| {r.code} | {r.severity.value} | {r.scope} | {r.title} | {r.title_zh} | {by} |")
    lines += ["", "Scopes:", ""]
    lines += [f"- **{k}**: {v}" for k, v in _SCOPES.items()]
    return "\n".join(lines) + "\n"


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
