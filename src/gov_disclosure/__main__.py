"""``python -m gov_disclosure``: the command line."""

from .cli import main

main()
