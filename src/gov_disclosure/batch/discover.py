"""Finding the files of a run: files as given, folders walked for report suffixes, in path order.

Layer: batch. Imports the core and :mod:`.results`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Final

import attrs

from ..core.messages import Message
from ..core.messages import errors as E
from ..core.messages.batch import DOCUMENTATION_FILE, FOLDER_UNLISTABLE, NO_SUFFIX, NOT_A_REPORT_TYPE
from .results import Skipped

__all__ = ["DOCUMENTATION_NAMES", "SUFFIXES", "Discovery", "discover", "is_documentation", "path_order"]

#: the suffixes a folder walk picks up (a file named on the command line is read whatever its suffix)
SUFFIXES: Final = frozenset({".json", ".xlsx", ".docx", ".txt", ".md", ".html", ".htm", ".pdf"})

#: the names (before the first dot, any case) of the files that document a folder rather than
#: report: a corpus's README.md or SOURCES.txt is skipped with a word in a folder walk, not read as a
#: report that cannot be read (named on the command line, it is read like any file)
DOCUMENTATION_NAMES: Final = frozenset(
    {
        "readme", "changelog", "changes", "history", "license", "licence", "copying", "notice",
        "contributing", "authors", "sources", "manifest", "说明", "使用说明", "读我", "来源",
    }
)  # fmt: skip
_DOCUMENTATION_SUFFIXES: Final = frozenset({".md", ".txt"})


def is_documentation(path: str | os.PathLike[str]) -> bool:
    """Whether a file found in a folder is the folder's documentation (``README.md``,
    ``LICENSE.txt``, ``sources.md``, ``README.zh.md``…), by its name and suffix only."""
    p = Path(path)
    return p.suffix.lower() in _DOCUMENTATION_SUFFIXES and p.name.split(".")[0].lower() in DOCUMENTATION_NAMES


@attrs.frozen
class Discovery:
    files: tuple[str, ...]
    skipped: tuple[Skipped, ...]
    #: folders that could not be listed (no permission, a path too long…), with why: their reports
    #: cannot be checked, which a run reports as unreadable (never skipped without a word)
    unlistable: tuple[tuple[str, Message], ...] = ()


def discover(paths: Iterable[str | os.PathLike[str]], *, suffixes: frozenset[str] = SUFFIXES) -> Discovery:
    """The files to check: every path that is not a folder as given (even if it does not exist: it
    is then reported as unreadable), and every file under a folder whose suffix is in ``suffixes``,
    recursively, in path order (folder by folder, by name). Hidden files and folders and Office lock
    files (``~$…``) are left out silently; other files in folders (and a folder's documentation:
    :func:`is_documentation`) are returned as :class:`Skipped`, folders that cannot be listed in
    ``unlistable``."""
    files: list[str] = []
    skipped: list[Skipped] = []
    unlistable: list[tuple[str, Message]] = []

    def cannot_list(exc: OSError) -> None:
        folder = os.fspath(exc.filename) if exc.filename is not None else str(p)
        unlistable.append((folder, Message(*FOLDER_UNLISTABLE.both(reason=E.os_reason(exc)))))

    for given in paths:
        p = Path(given)
        if not p.is_dir():
            files.append(str(p))
            continue
        found: list[Path] = []
        for root, dirs, names in os.walk(p, onerror=cannot_list):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            found += (Path(root, name) for name in names if not name.startswith((".", "~$")))
        for f in sorted(found, key=path_order):
            if f.suffix.lower() in suffixes and is_documentation(f):
                skipped.append(Skipped(str(f), *DOCUMENTATION_FILE.both(name=f.name)))
            elif f.suffix.lower() in suffixes:
                files.append(str(f))
            else:
                suffix = Message(f.suffix, f.suffix) if f.suffix else NO_SUFFIX
                skipped.append(Skipped(str(f), *NOT_A_REPORT_TYPE.both(suffix=suffix)))
    return Discovery(tuple(files), tuple(skipped), tuple(unlistable))


def path_order(path: str | os.PathLike[str]) -> tuple[str, ...]:
    """The order of files in a run: by path, folder by folder."""
    return Path(path).parts
