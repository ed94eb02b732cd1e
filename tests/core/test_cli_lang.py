"""The command line speaks one language per run, help and click's own words included."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from gov_disclosure.cli import _i18n, main
from gov_disclosure.core.messages import Message
from gov_disclosure.core.messages.click import BY_MSGID


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def every_command() -> list[click.Command]:
    return [main, *main.commands.values()]


def test_every_option_and_command_has_help_from_the_catalogue() -> None:
    for cmd in every_command():
        assert isinstance(cmd, (_i18n.Command, _i18n.Group)), cmd.name
        assert isinstance(cmd._help_text, Message), f"{cmd.name}: help is not a catalogue Message"
        for p in cmd.params:
            if isinstance(p, click.Option):
                assert isinstance(p, _i18n.Option), f"{cmd.name} {p.opts}: use _i18n.option"
                assert isinstance(p._help_text, Message), f"{cmd.name} {p.opts}: help is not a Message"
            else:
                assert isinstance(p, _i18n.Argument), f"{cmd.name} {p.name}: use _i18n.argument"
                assert isinstance(p._metavar_text, Message), f"{cmd.name} {p.name}: metavar is not a Message"


def test_every_click_message_id_is_in_the_installed_click() -> None:
    """A click upgrade that rewords a message is noticed (it would be shown in English)."""
    source = "".join(
        inspect.getsource(m)
        for m in (click.core, click.exceptions, click.formatting, click.parser, click.types, click.decorators)
    )
    missing = [
        msgid
        for msgid in BY_MSGID
        if repr(msgid)[1:-1] not in source and msgid not in ("No such option: {name}",)  # click 8.1's
    ]
    assert missing == []


@pytest.mark.parametrize("args", [["check", "--lang", "zh", "--help"], ["--lang", "zh", "check", "--help"]])
def test_lang_on_the_command_line_reaches_the_help(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(main, args)
    assert result.exit_code == 0
    assert result.output.startswith("用法：")
    assert "选项：" in result.output
    assert "显示本帮助并退出。" in result.output
    assert "Usage" not in result.output
    assert "Show this message" not in result.output


def test_the_environment_decides_when_lang_is_not_given(runner: CliRunner) -> None:
    zh = runner.invoke(main, ["validate", "--help"], env={"GOV_DISCLOSURE_LANG": "zh", "LANG": "en_US.UTF-8"})
    assert "检查一份报告" in zh.output
    en = runner.invoke(main, ["validate", "--help"], env={"GOV_DISCLOSURE_LANG": "", "LC_ALL": "", "LANG": "C"})
    assert "Validate REPORT" in en.output
    flag = runner.invoke(main, ["validate", "--lang", "en", "--help"], env={"GOV_DISCLOSURE_LANG": "zh"})
    assert "Validate REPORT" in flag.output


def test_click_errors_are_in_chinese(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", "--no-such", "x", "--lang", "zh"])
    assert result.exit_code == 2
    assert "错误：没有选项 '--no-such'" in result.output
    assert "Error" not in result.output
    assert "Usage" not in result.output
    missing = runner.invoke(main, ["validate", "--lang", "zh"])
    assert "缺少参数 '报告'" in missing.output
    choice = runner.invoke(main, ["sample", "--format", "2020", "--lang", "zh"])
    assert "取值无效" in choice.output
    assert "不是" in choice.output


def test_another_click_program_in_the_process_stays_english(runner: CliRunner) -> None:
    @click.command()
    @click.option("--n", type=int)
    def other(n: int) -> None:
        pass

    runner.invoke(main, ["check", "--lang", "zh", "--help"])
    result = runner.invoke(other, ["--n", "x"], env={"GOV_DISCLOSURE_LANG": "zh"})
    assert "Error: Invalid value for '--n'" in result.output


def test_chinese_help_lines_fit_the_terminal(runner: CliRunner) -> None:
    for cmd in main.commands:
        out = runner.invoke(main, [cmd, "--lang", "zh", "--help"], terminal_width=80).output
        for line in out.splitlines():
            assert _i18n.display_width(line) <= 80 or " " not in line.strip(), (cmd, line)


def test_locale_in_a_subprocess() -> None:
    env = {**os.environ, "LANG": "zh_CN.UTF-8", "LC_ALL": "", "PYTHONIOENCODING": "utf-8"}
    env.pop("GOV_DISCLOSURE_LANG", None)
    proc = subprocess.run(
        [sys.executable, "-m", "gov_disclosure", "render", "--help"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "用法：" in proc.stdout
    assert "正式文档" in proc.stdout


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_command_has_its_own_whole_line_in_the_list(lang: str) -> None:
    """The list of commands in --help shows each command's one-line summary whole (click would cut
    the Chinese help to "..." for want of a ". " to cut at)."""
    from click.testing import CliRunner

    from gov_disclosure.cli import main

    out = CliRunner().invoke(main, ["--help", "--lang", lang]).output
    listed = out.split("命令：" if lang == "zh" else "Commands:", 1)[1].strip().splitlines()
    assert sorted(line.split()[0] for line in listed) == sorted(main.commands)
    for line in listed:
        assert not line.rstrip().endswith("..."), line
        assert len(line.split(None, 1)) == 2, line
