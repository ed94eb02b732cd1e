"""The command line's language: resolved once per run, spoken by every line, help included.

- :func:`lang` is the language of the running command: set by :meth:`Group.main`/:meth:`Command.main`
  from ``--lang`` found anywhere on the command line (so ``check --lang zh --help`` is Chinese), else
  :func:`~gov_disclosure.core.messages.resolve_lang` (``GOV_DISCLOSURE_LANG``, the locale, English).
- :class:`Command`, :class:`Group`, :class:`Option` and :class:`Argument` take a
  :class:`~gov_disclosure.core.messages.Message` as ``help`` (and ``metavar``) and render it in the
  language of the moment; :func:`command` and :func:`option` are ``click.command``/``click.option``
  with these classes. Every command gets a ``--lang`` option of its own.
- click's own strings ("Usage:", "Options", "Error: …") go through :func:`_gettext`, which looks them up
  in :mod:`gov_disclosure.core.messages.click` while one of our commands runs in Chinese, and leaves
  them alone otherwise (another click program in the same process is not affected).
"""

from __future__ import annotations

import contextlib
import contextvars
import errno
import functools
import importlib
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Final, TypeVar

import click

from ..core.messages import LANGS, Lang, Message, resolve_lang
from ..core.messages import cli as M
from ..core.messages.click import BY_MSGID

__all__ = [
    "Argument",
    "Command",
    "Group",
    "Option",
    "argument",
    "command",
    "lang",
    "lang_from_argv",
    "lang_option",
    "option",
    "say",
    "speaking",
]

F = TypeVar("F", bound=Callable[..., Any])

_LANG: contextvars.ContextVar[Lang | None] = contextvars.ContextVar("gov_disclosure_cli_lang", default=None)


def lang() -> Lang:
    """The language of the running command (outside one: from the environment)."""
    current = _LANG.get()
    return current if current is not None else resolve_lang(None)


def say(message: Message, /, **params: object) -> str:
    """``message`` in the language of the running command."""
    return message(lang(), **params)


@contextlib.contextmanager
def speaking(language: Lang) -> Iterator[None]:
    """Speak ``language`` inside the block (the docs generator, tests)."""
    token = _LANG.set(language)
    try:
        yield
    finally:
        _LANG.reset(token)


def lang_from_argv(args: Sequence[str]) -> str | None:
    """The value of the last ``--lang X`` / ``--lang=X`` before a ``--``, or None."""
    found: str | None = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            found = args[i + 1]
        elif arg.startswith("--lang="):
            found = arg.partition("=")[2]
    return found


# --- click's own strings -------------------------------------------------------------------------


def _gettext(msgid: str) -> str:
    if _LANG.get() == "zh":
        message = BY_MSGID.get(msgid)
        if message is not None:
            return message.zh
    return msgid


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


#: the click modules that import gettext's functions under these names
_CLICK_MODULES: Final = (
    "core",
    "decorators",
    "exceptions",
    "formatting",
    "parser",
    "termui",
    "types",
    "utils",
    "shell_completion",
)


def _install() -> None:
    for name in _CLICK_MODULES:
        try:
            module = importlib.import_module(f"click.{name}")
        except ImportError:  # pragma: no cover - a click without this module
            continue
        if hasattr(module, "_"):
            module._ = _gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext  # type: ignore[attr-defined]


_install()


# --- help that lines up with Chinese text -------------------------------------------------------

_WIDE = "\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
#: punctuation that must not start a line: it stays with the word before it
_CLOSING = "，。；：、）」』！？】》”’"
#: punctuation that must not end a line: it stays with the word after it
_OPENING = "（「『【《“‘"
_TOKENS = re.compile(rf"\s+|[{re.escape(_OPENING)}]*(?:[^\s{_WIDE}]+|[{_WIDE}])[{re.escape(_CLOSING)}]*")


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: two for a Chinese character (ANSI styles take none)."""
    text = click.unstyle(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "") -> str:
    """Wrap one paragraph to ``width`` columns, breaking at spaces and between Chinese characters."""
    lines: list[str] = []
    line, used = initial_indent, display_width(initial_indent)
    fresh = True  # nothing but the indent on this line yet
    for token in _TOKENS.findall(" ".join(text.split())):
        if token.isspace():
            if not fresh:
                line, used = line + " ", used + 1
            continue
        w = display_width(token)
        if not fresh and used + w > width:
            lines.append(line.rstrip())
            line, used = subsequent_indent, display_width(subsequent_indent)
        line, used, fresh = line + token, used + w, False
    lines.append(line.rstrip())
    return "\n".join(lines)


def wrap_paragraphs(text: str, width: int, indent: str = "") -> str:
    """Wrap each paragraph (separated by blank lines); a paragraph starting with ``\\b`` is kept as is."""
    out = []
    for para in re.split(r"\n\s*\n", text.strip()):
        if para.startswith("\b"):
            out.append("\n".join(indent + ln for ln in para[1:].strip("\n").splitlines()))
        else:
            out.append(wrap(para, width, indent, indent))
    return "\n\n".join(out)


class HelpFormatter(click.HelpFormatter):
    """click's help formatter, measuring text in terminal columns (a Chinese character is two)."""

    def write_heading(self, heading: str) -> None:
        colon = "：" if display_width(heading) > len(heading) else ":"
        self.write(f"{'':>{self.current_indent}}{heading}{colon}\n")

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None:
            prefix = _gettext("Usage:")
            prefix += "" if prefix.endswith("：") else " "
        head = f"{'':>{self.current_indent}}{prefix}{prog} "
        indent = " " * min(display_width(head), 24)
        self.write(wrap(args, self.width, head, indent) + "\n")

    def write_text(self, text: str) -> None:
        self.write(wrap_paragraphs(text, self.width, " " * self.current_indent) + "\n")

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        first_col = min(max((display_width(a) for a, _ in rows), default=0), col_max) + col_spacing
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if display_width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - display_width(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            text_width = max(self.width - first_col - self.current_indent, 10)
            lines = wrap_paragraphs(second, text_width).splitlines() or [""]
            self.write(lines[0] + "\n")
            for ln in lines[1:]:
                self.write((f"{'':>{first_col + self.current_indent}}{ln}" if ln else "") + "\n")


class Context(click.Context):
    formatter_class = HelpFormatter


# --- the classes -----------------------------------------------------------------------------------

Text = Message | str


def _render(text: Text | None) -> str | None:
    return text(lang()) if isinstance(text, Message) else text


#: the words click shows for a value of a type, when an option does not name its own metavar
_TYPE_METAVARS: Final[dict[str, Message]] = {
    "path": M.METAVAR_PATH,
    "file": M.METAVAR_FILE,
    "text": M.METAVAR_TEXT,
    "integer": M.METAVAR_INTEGER,
    "integer range": M.METAVAR_INTEGER,
    "float": M.METAVAR_NUMBER,
    "float range": M.METAVAR_NUMBER,
}


class Option(click.Option):
    """A click option whose ``help`` and ``metavar`` may be :class:`Message` s."""

    def __init__(
        self,
        param_decls: Sequence[str] | None = None,
        *,
        help: Text | None = None,
        metavar: Text | None = None,
        **attrs: Any,
    ) -> None:
        super().__init__(param_decls, **attrs)
        self._help_text = help
        self._metavar_text = metavar

    @property
    def help(self) -> str | None:
        return _render(self._help_text)

    @help.setter
    def help(self, value: Text | None) -> None:
        self._help_text = value

    @property
    def metavar(self) -> str | None:
        if self._metavar_text is not None:
            return _render(self._metavar_text)
        if isinstance(self.type, click.Choice) or self.is_flag:
            return None
        word = _TYPE_METAVARS.get(self.type.name)
        if word is None:
            return None
        return say(word) + ("..." if self.nargs != 1 else "")

    @metavar.setter
    def metavar(self, value: Text | None) -> None:
        self._metavar_text = value


class Argument(click.Argument):
    """A click argument named in the help by a :class:`Message` (``metavar``)."""

    def __init__(self, param_decls: Sequence[str], *, metavar: Text | None = None, **attrs: Any) -> None:
        super().__init__(param_decls, **attrs)
        self._metavar_text = metavar

    @property
    def metavar(self) -> str | None:
        if self._metavar_text is None:
            return None
        name = _render(self._metavar_text) or ""
        if not self.required:
            name = f"[{name}]"
        return name + ("..." if self.nargs != 1 else "")

    @metavar.setter
    def metavar(self, value: Text | None) -> None:
        self._metavar_text = value


def lang_option(*, expose: bool) -> Option:
    """``--lang en|zh``. Exposed (``lang`` parameter of the callback), its value is the resolved
    language, never None; the language itself was already set from the command line by ``main``."""

    def resolved(ctx: click.Context, param: click.Parameter, value: str | None) -> Lang:
        return resolve_lang(value) if value else lang()

    return Option(
        ["--lang", "lang"],
        type=click.Choice(sorted(LANGS)),
        default=None,
        expose_value=expose,
        callback=resolved,
        help=M.LANG_HELP,
    )


#: the exit code of a command whose reader went away (``| head``): 128 + SIGPIPE, as a shell reports
#: a Unix tool that the closed pipe ended
EXIT_BROKEN_PIPE: Final = 141
#: the exit code of a command stopped by Ctrl-C: 128 + SIGINT, as a shell reports it
EXIT_INTERRUPTED: Final = 130


def _is_broken_pipe(exc: BaseException) -> bool:
    return isinstance(exc, BrokenPipeError) or (isinstance(exc, OSError) and exc.errno == errno.EPIPE)


def _quiet_stdout() -> None:
    """Nothing more reaches a closed pipe, not even the flush at exit (no "Exception ignored")."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


class _Speaking:
    """``main`` sets the language from the command line for the whole run (unless a caller did), and a
    closed pipe on stdout ends the command quietly with :data:`EXIT_BROKEN_PIPE`."""

    def main(self, args: Sequence[str] | None = None, *rest: Any, **kwargs: Any) -> Any:
        if _LANG.get() is not None:
            return super().main(args, *rest, **kwargs)  # type: ignore[misc]
        argv = list(args) if args is not None else sys.argv[1:]
        with speaking(resolve_lang(lang_from_argv(argv), os.environ)):
            try:
                return super().main(args, *rest, **kwargs)  # type: ignore[misc]
            finally:
                try:  # what is still buffered goes out now, while a broken pipe can be handled
                    sys.stdout.flush()
                except ValueError:  # stdout closed by the caller: nothing to flush
                    pass
                except OSError as exc:
                    if not _is_broken_pipe(exc):
                        raise
                    _quiet_stdout()
                    sys.exit(EXIT_BROKEN_PIPE)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)  # type: ignore[misc]
        except OSError as exc:
            if not _is_broken_pipe(exc):
                raise
            _quiet_stdout()
            ctx.exit(EXIT_BROKEN_PIPE)
        except KeyboardInterrupt:
            # Ctrl-C: the command's workers are stopped by now (the runs close their pools as the
            # interrupt unwinds); one line, no traceback, and the shell's code for it (click says
            # "Aborted!" and exits 1, the code for "errors found")
            with contextlib.suppress(OSError, ValueError):
                click.echo(say(M.INTERRUPTED), err=True)
            ctx.exit(EXIT_INTERRUPTED)


class _Described(_Speaking):
    """Help in the language of the run: the help text a :class:`Message`, the words click prints
    around it (``[OPTIONS]``, ``--help``'s line) translated; every command and group has ``--lang``."""

    _help_text: Text | None

    def _describe(self, help: Text | None) -> None:
        self._help_text = help
        params: list[click.Parameter] = self.params  # type: ignore[attr-defined]
        if not any(p.name == "lang" for p in params):
            params.append(lang_option(expose=False))

    @property
    def help(self) -> str | None:
        return _render(self._help_text)

    @help.setter
    def help(self, value: Text | None) -> None:
        self._help_text = value

    @property
    def options_metavar(self) -> str | None:
        return say(M.METAVAR_OPTIONS)

    @options_metavar.setter
    def options_metavar(self, value: str | None) -> None:
        pass

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        opt: click.Option | None = super().get_help_option(ctx)  # type: ignore[misc]
        if opt is not None:
            opt.help = say(M.HELP_HELP)
        return opt


class Command(_Described, click.Command):
    """A click command with :class:`Message` help and its own ``--lang`` option."""

    context_class = Context

    def __init__(
        self, name: str | None, *, help: Text | None = None, short: Text | None = None, **attrs: Any
    ) -> None:
        super().__init__(name, **attrs)
        self._describe(help)
        self._short_text = short

    def get_short_help_str(self, limit: int = 45) -> str:
        """The command's line in the list of commands: its own one-line Message (click would cut the
        first sentence of the help, which in Chinese has no ". " to cut at)."""
        short = _render(self._short_text)
        return short if short is not None else super().get_short_help_str(limit)


class Group(_Described, click.Group):
    """A click group of :class:`Command` s, with :class:`Message` help."""

    command_class = Command
    context_class = Context

    def __init__(self, name: str | None = None, *, help: Text | None = None, **attrs: Any) -> None:
        super().__init__(name, **attrs)
        self._describe(help)

    @property
    def subcommand_metavar(self) -> str:
        return say(M.METAVAR_COMMAND)

    @subcommand_metavar.setter
    def subcommand_metavar(self, value: str) -> None:
        pass


def command(name: str, *, help: Message, short: Message, **attrs: Any) -> Callable[[F], Command]:
    """``click.command`` making a :class:`Command` whose help is ``help`` and whose line in the list
    of commands is ``short`` (the docstring is for developers only)."""

    def decorate(f: F) -> Command:
        return click.command(name, cls=Command, help=help, short=short, **attrs)(f)

    return decorate


option = functools.partial(click.option, cls=Option)
"""``click.option`` making an :class:`Option` (``help=`` a :class:`Message`)."""
argument = functools.partial(click.argument, cls=Argument)
"""``click.argument`` making an :class:`Argument` (``metavar=`` a :class:`Message`)."""
