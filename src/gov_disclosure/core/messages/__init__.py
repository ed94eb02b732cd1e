"""The message catalogue: every line the tool shows a person, in Chinese and in English.

A message is a :class:`Message` constant with both texts (``str.format`` placeholders, the same in both),
kept in the area module where it is used: :mod:`.common` (shared words and verdicts), and one module per
area (``reading``, ``rules``, ``cli``, ``batch``, ``review``, …). The id of a message is
``area.NAME``; :func:`catalogue` lists them all, and a test checks that each has both languages with the
same placeholders. Code uses the constants (``from ..core.messages import common as m;
m.VALID(lang)``), so a mistyped id is a type error, not a silent English fallback.

Why a typed table and not gettext/Babel: the messages are few hundred, two languages only, and must
be checkable by mypy and a test without a compile step or a build-time tool; a ``.po`` file would add
Babel at build time and lose the type check of every call. Chinese and English sit side by side, so a
reviewer sees both at once.

The language: :func:`resolve_lang` — the ``--lang`` option, else ``GOV_DISCLOSURE_LANG``, else the
locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG`` starting with ``zh``), else English. One place decides.

Layer: core. Imports only the standard library and attrs.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import string
from collections.abc import Mapping, Sequence
from typing import Final, Literal, TypeAlias

import attrs

__all__ = ["ENV_LANG", "LANGS", "Lang", "Message", "catalogue", "lang_from_argv", "placeholders", "resolve_lang"]

Lang: TypeAlias = Literal["zh", "en"]
LANGS: Final[tuple[Lang, ...]] = ("zh", "en")
#: the environment variable that sets the language when ``--lang`` is not given
ENV_LANG: Final = "GOV_DISCLOSURE_LANG"


@attrs.frozen
class Message:
    """One message in both languages. ``msg(lang, **params)`` formats it; a parameter that is itself a
    Message is said in the same language (``E.CANNOT_OPEN(lang, reason=E.OS_NOT_FOUND)``)."""

    en: str
    zh: str

    def __call__(self, lang: Lang, /, **params: object) -> str:
        said = {k: v(lang) if isinstance(v, Message) else v for k, v in params.items()}
        return (self.zh if lang == "zh" else self.en).format(**said)

    def both(self, **params: object) -> tuple[str, str]:
        """(English, Chinese), formatted: for a finding's ``message`` and ``message_zh``."""
        return self("en", **params), self("zh", **params)


def placeholders(text: str) -> frozenset[str]:
    """The names of the ``{placeholders}`` of a text."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name)


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


def resolve_lang(option: str | None = None, environ: Mapping[str, str] | None = None) -> Lang:
    """The language to speak: ``option`` (``--lang``), else ``GOV_DISCLOSURE_LANG``, else the locale
    (the first of ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set: ``zh…`` is Chinese), else English.
    An unknown value falls through to the next source."""
    env = os.environ if environ is None else environ
    for value in (option, env.get(ENV_LANG)):
        if value:
            v = value.strip().lower().replace("-", "_")
            if v.startswith("zh"):
                return "zh"
            if v.startswith("en"):
                return "en"
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            return "zh" if value.strip().lower().startswith("zh") else "en"
    return "en"


def catalogue() -> dict[str, Message]:
    """Every message of every area module, by id (``area.NAME``)."""
    out: dict[str, Message] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for name, value in vars(module).items():
            if isinstance(value, Message):
                out[f"{info.name}.{name}"] = value
    return out
