"""Web pages: read a report from its page (content found among the page furniture, tables with
rowspan/colspan expanded), and write a report as a page with the official table layout.

Needs lxml (``pip install "gov-disclosure[html]"``). Nothing is fetched and no script runs.

Layer: formats. Imports the core and the reading layer; never :mod:`gov_disclosure.io`, batch or
the CLI.
"""

from ..reading.htmltable import table_grid
from ._reader import MAX_CELLS, decode_html, read_html
from ._writer import CellRenderer, table_html, table_rows, write_html

__all__ = [
    "MAX_CELLS",
    "CellRenderer",
    "decode_html",
    "read_html",
    "table_grid",
    "table_html",
    "table_rows",
    "write_html",
]
