"""Plain text: read a report from text extracted from Word/PDF files or web pages, and write one.

``read_text`` copes with tables flattened one cell per line (blank lines for empty cells), one
cell per tab-led line, or tab-separated, with labels broken across lines; ``write_text`` prints a
report in a layout ``read_text`` reads back to the same report.

Layer: formats. Imports the core and the reading layer; never :mod:`gov_disclosure.io`, batch or
the CLI.
"""

from ._reader import MAX_TEXT_CHARS, TextTable, find_text_tables, read_text, text_tables
from ._writer import write_text

__all__ = ["MAX_TEXT_CHARS", "TextTable", "find_text_tables", "read_text", "text_tables", "write_text"]
