"""The ``gov-disclosure`` command line. Each group of commands lives in its own module.

Layer: cli, the top. May import every layer below; nothing in the library imports it.
"""

from __future__ import annotations

import importlib

import click

from .. import __version__

#: the modules that hold commands; each has a COMMANDS list
_COMMAND_MODULES = ("_core", "_excel", "_docx", "_batch")


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="gov-disclosure")
def main() -> None:
    """Check, read and write government information disclosure annual reports
    (政府信息公开工作年度报告)."""


def _register() -> None:
    for name in _COMMAND_MODULES:
        module = importlib.import_module(f".{name}", __package__)
        for command in module.COMMANDS:
            main.add_command(command)


_register()
