"""Markdown: read a report from Markdown as PDF-to-Markdown converters write it (pipe tables, HTML tables
inside the Markdown, ``#`` headings, converter markers), and write one.

``read_markdown`` reads pipe tables and HTML ``<table>`` s as grids and the text between them as the
plain-text reader does, all in document order through the one table engine; ``write_markdown`` prints
a report as Markdown that ``read_markdown`` reads back to the same report.

Layer: formats. Imports the core, the reading layer and :mod:`gov_disclosure.text` (a format of the
same layer, for the text between the tables); never :mod:`gov_disclosure.io`, batch or the CLI.
"""

from ._reader import MarkdownTable, markdown_blocks, read_markdown
from ._writer import write_markdown

__all__ = ["MarkdownTable", "markdown_blocks", "read_markdown", "write_markdown"]
