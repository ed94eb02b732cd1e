"""The exceptions gov-disclosure raises. Each also subclasses a built-in, so ``except ValueError`` works."""

from __future__ import annotations

__all__ = [
    "DocumentError",
    "FileTooLargeError",
    "GovDisclosureError",
    "MissingExtraError",
    "ReadError",
    "ShapeError",
    "UnsafeFileError",
    "UnsupportedFileError",
]


class GovDisclosureError(Exception):
    """Base class of every error raised by gov-disclosure."""


class ShapeError(GovDisclosureError, ValueError):
    """A report does not have the shape of its format: unknown keys, a missing row, a wrong type.

    ``problems`` lists each problem as ``(address, message)``.
    """

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = problems
        lines = "; ".join(f"{msg} @ {addr}" for addr, msg in problems[:20])
        more = f" (+{len(problems) - 20} more)" if len(problems) > 20 else ""
        super().__init__(f"report has the wrong shape: {lines}{more}")


class DocumentError(GovDisclosureError, ValueError):
    """A JSON document is not a valid report. ``errors`` holds one line per problem, with its path
    in cattrs' grammar (``"expected int @ $.applications.new.total"``)."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        super().__init__("invalid report document:\n" + "\n".join(f"  {e}" for e in errors))


class ReadError(GovDisclosureError, ValueError):
    """A file could not be read at all (corrupt, truncated, not the claimed type)."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class UnsupportedFileError(ReadError):
    """The file is of a type gov-disclosure does not read (e.g. a legacy .xls or .doc)."""


class UnsafeFileError(ReadError):
    """The file looks hostile: a zip bomb, an XML entity bomb, too many archive entries."""


class FileTooLargeError(ReadError):
    """The file or one of its parts exceeds a size limit."""


class MissingToolError(ReadError):
    """Reading this file needs a program that is not installed (``pdftotext`` for a PDF)."""


class MissingExtraError(GovDisclosureError, ImportError):
    """An optional feature was used without its extra installed."""

    def __init__(self, feature: str, extra: str) -> None:
        self.extra = extra
        super().__init__(
            f"{feature} needs the optional dependencies of the '{extra}' extra: "
            f'pip install "gov-disclosure[{extra}]"'
        )
