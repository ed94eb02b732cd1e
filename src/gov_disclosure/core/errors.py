"""The exceptions gov-disclosure raises. Each also subclasses a built-in, so ``except ValueError`` works.

Every error speaks both languages: ``str(exc)`` is English (for Python users and logs), and
``exc.message(lang)`` gives it in ``"en"`` or ``"zh"`` (what the command line and the ``message_zh``
column of a findings file show). A :class:`ReadError` (any :class:`MessageError`) is made from a catalogue message
(:mod:`gov_disclosure.core.messages.errors`) and its parameters::

    raise ReadError(E.DAMAGED_ZIP, path=name, detail=str(exc))

``detail`` is what a library said (``File is not a zip file``): kept in the English text, left out of
the Chinese one, whose reader cannot act on a library's English. A plain string still works (both
languages then show it) for code not yet migrated.
"""

from __future__ import annotations

import re
from typing import Any

from .messages import Lang, Message
from .messages import errors as E

__all__ = [
    "ArgumentError",
    "ConversionError",
    "DocumentError",
    "FileTooLargeError",
    "GovDisclosureError",
    "MessageError",
    "MissingExtraError",
    "MissingToolError",
    "NoTablesError",
    "ReadError",
    "ShapeError",
    "UnsafeFileError",
    "UnsupportedFileError",
    "plain",
]


class GovDisclosureError(Exception):
    """Base class of every error raised by gov-disclosure."""

    def message(self, lang: Lang = "en") -> str:
        """The error in ``lang`` (``str(exc)`` is the English)."""
        return str(self)

    def text(self) -> Message:
        """The error in both languages, formatted."""
        return Message(self.message("en"), self.message("zh"))


class ShapeError(GovDisclosureError, ValueError):
    """A report does not have the shape of its format: unknown keys, a missing row, a wrong type.

    ``problems`` lists each problem as ``(address, message)``.
    """

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = problems
        lines = "; ".join(f"{msg} @ {addr}" for addr, msg in problems[:20])
        more = f" (+{len(problems) - 20} more)" if len(problems) > 20 else ""
        super().__init__(f"report has the wrong shape: {lines}{more}")

    def message(self, lang: Lang = "en") -> str:
        if lang != "zh":
            return str(self)
        return E.SHAPE(lang, n=len(self.problems), where=_places(addr for addr, _ in self.problems))


class DocumentError(GovDisclosureError, ValueError):
    """A JSON document is not a valid report. ``errors`` holds one line per problem, with its path
    in cattrs' grammar (``"expected int @ $.applications.new.total"``)."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        super().__init__("invalid report document:\n" + "\n".join(f"  {e}" for e in errors))

    def message(self, lang: Lang = "en") -> str:
        if lang != "zh":
            return str(self)
        where = [m.group(1) for e in self.errors if (m := re.search(r" @ (\S+)$", e))]
        return E.DOCUMENT(lang, n=len(self.errors), where=_places(where))


def plain(text: str) -> Message:
    """A string that is not (yet) a catalogue message, shown as it is in both languages."""
    escaped = text.replace("{", "{{").replace("}", "}}")
    return Message(escaped, escaped)


def _places(addresses: Any) -> str:
    shown = list(dict.fromkeys(addresses))
    return "、".join(shown[:20]) + (" …" if len(shown) > 20 else "")


def _rebuild(
    cls: type[MessageError], msg: Message, path: str | None, detail: str | None, params: Any
) -> MessageError:
    return cls(msg, path=path, detail=detail, **params)


class MessageError(GovDisclosureError):
    """An error made from a catalogue message: ``Error(E.SOME_MESSAGE, path=..., detail=..., **params)``.

    ``msg`` is the message (:mod:`gov_disclosure.core.messages.errors`), ``params`` its placeholders
    (a parameter may itself be a :class:`Message`), ``detail`` a library's or a program's own words
    (English only), ``path`` the file concerned (settable later: :func:`gov_disclosure.read_report`
    names the file when the reader was given bytes).
    """

    def __init__(
        self, message: Message | str, /, *, path: str | None = None, detail: str | None = None, **params: Any
    ) -> None:
        self.msg = message if isinstance(message, Message) else plain(message)
        self.detail = detail
        self.params = params
        self._path = path
        super().__init__(self.message("en"))

    @property
    def path(self) -> str | None:
        """The file concerned, when known."""
        return self._path

    @path.setter
    def path(self, value: str | None) -> None:
        self._path = value
        self.args = (self.message("en"),)

    def reason(self, lang: Lang = "en") -> str:
        """Why, without the file's name."""
        text = self.msg(lang, **self.params)
        return f"{text}: {self.detail}" if self.detail and lang != "zh" else text

    def message(self, lang: Lang = "en") -> str:
        reason = self.reason(lang)
        return f"{self._path}: {reason}" if self._path else reason

    def __reduce__(self) -> tuple[Any, ...]:  # keyword-only arguments: pickled for worker processes
        return (_rebuild, (type(self), self.msg, self._path, self.detail, self.params))


class ReadError(MessageError, ValueError):
    """A file could not be read at all (corrupt, truncated, not the claimed type)."""


class ArgumentError(MessageError, ValueError):
    """A value given to a function (or an option of the command line) is not acceptable."""


class ConversionError(MessageError, RuntimeError):
    """An output could not be made by the program that makes it (LibreOffice for a PDF): the program
    is not installed (the message says what to install), failed, or took too long."""


class UnsupportedFileError(ReadError):
    """The file is of a type gov-disclosure does not read (e.g. a legacy .xls or .doc)."""


class UnsafeFileError(ReadError):
    """The file looks hostile: a zip bomb, an XML entity bomb, too many archive entries."""


class FileTooLargeError(ReadError):
    """The file or one of its parts exceeds a size limit."""


class NoTablesError(ReadError):
    """The file reads as text, but none of the three statistical tables is in it (a page that is not
    the report, a report whose tables are images, crawler text that lost them): nothing to check."""


class MissingToolError(ReadError):
    """Reading this file needs a program that is not installed (``pdftotext`` for a PDF)."""


class MissingExtraError(GovDisclosureError, ImportError):
    """An optional feature was used without its extra installed. ``feature`` names it (a catalogue
    message, or a string)."""

    def __init__(self, feature: Message | str, extra: str) -> None:
        self.feature = feature if isinstance(feature, Message) else plain(feature)
        self.extra = extra
        super().__init__(self.message("en"))

    def message(self, lang: Lang = "en") -> str:
        return E.MISSING_EXTRA(lang, feature=self.feature(lang), extra=self.extra)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.feature, self.extra))
