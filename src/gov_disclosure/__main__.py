"""``python -m gov_disclosure`` and the ``gov-disclosure`` command: the command line.

A Ctrl-C while the command line is still loading (before its own handling is in place) ends it like
one later: one line, exit code 130, no traceback.
"""

from __future__ import annotations

import sys

__all__ = ["run"]

EXIT_INTERRUPTED = 130


def run() -> None:
    """Load the command line and run it."""
    try:
        from .cli import main
    except KeyboardInterrupt:
        from .core.messages import cli as M
        from .core.messages import lang_from_argv, resolve_lang

        print(M.INTERRUPTED(resolve_lang(lang_from_argv(sys.argv[1:]))), file=sys.stderr)
        sys.exit(EXIT_INTERRUPTED)
    main()


if __name__ == "__main__":
    run()
