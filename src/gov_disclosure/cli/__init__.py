"""The ``gov-disclosure`` command line. Each group of commands lives in its own module.

Every line the command line prints comes from the message catalogue
(:mod:`gov_disclosure.core.messages.cli`, ``Message(en, zh)`` constants), in the language resolved once
per run (:mod:`._i18n`): ``--lang`` anywhere on the command line, else ``GOV_DISCLOSURE_LANG``, else
the locale, else English. ``--help`` of every command and option and click's own words ("Usage:",
"Error: No such option") follow it too.

The pattern, for a new command or option (``M`` is ``gov_disclosure.core.messages.cli``)::

    from ..core.messages import cli as M
    from ._i18n import argument, command, option, say
    from ._common import fail, load

    @command("annotate", help=M.ANNOTATE_HELP, short=M.ANNOTATE_SHORT)  # Messages, never a str or docstring
    @argument("report", metavar=M.METAVAR_REPORT, type=click.Path(dir_okay=False))
    @option("-o", "--output", type=click.Path(dir_okay=False), required=True, help=M.ANNOTATE_OUTPUT_HELP)
    def annotate_command(report: str, output: str) -> None:
        r, findings = load(report)                      # an unreadable file: "error: …" and exit 2
        if ...:
            fail(M.SOMETHING_WRONG, path=report)         # error line + exit 2
        click.echo(say(M.WROTE, path=output))           # a printed line: say(Message, **params)

- ``help=M.X`` (a :class:`~gov_disclosure.core.messages.Message`) is all an option needs; ``metavar=``
  may be a Message too (the type's word is used otherwise: 路径, 整数 …).
- Every command has ``--lang`` (added by :class:`._i18n.Command`); a callback that wants the language
  takes ``lang`` with the ``LANG`` decorator from :mod:`._common`, or calls :func:`._i18n.lang`.
- A reader's error: :func:`._common.error_text` gives its message in the language of the command.
- Vocabulary (the same in every command and in the API): ``-o/--output`` is always a file, whose
  suffix says what is written (refused when the command cannot write it: :func:`._common.check_output`);
  ``--format`` is a report's format version (2019/2021); ``--output-format`` the format of what is
  printed or written; ``-j/--jobs`` worker processes (``jobs=``); ``--similarity-threshold``
  (``similarity_threshold=``); ``--timeout`` seconds per file (``timeout=``).
- Data goes to stdout, everything else (notes, progress, summaries beside data) to stderr; a closed
  pipe (``| head``) ends the command quietly.
- ``tests/core/test_cli_lang.py`` runs every command in Chinese and fails on an English word.

Layer: cli, the top. May import every layer below; nothing in the library imports it.
"""

from __future__ import annotations

import importlib
from typing import Any

import click

from .. import __version__
from ..core.messages import cli as M
from ._i18n import Group, Option, say

__all__ = ["main"]

#: the modules that hold commands; each has a COMMANDS list
_COMMAND_MODULES = ("_core", "_excel", "_docx", "_batch", "_review")


def _version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(say(M.VERSION, prog="gov-disclosure", version=__version__))
        ctx.exit()


@click.group(
    cls=Group,
    help=M.MAIN_HELP,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.option(
    "--version",
    cls=Option,
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_version,
    help=M.VERSION_HELP,
)
def main(**_: Any) -> None:
    """The command group (help: M.MAIN_HELP)."""


def _register() -> None:
    for name in _COMMAND_MODULES:
        module = importlib.import_module(f".{name}", __package__)
        for command in module.COMMANDS:
            main.add_command(command)


_register()
