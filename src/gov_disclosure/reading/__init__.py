"""The reading layer under every format package: what turns bytes into cells, whatever the format.

- :mod:`.load`: the guarded loader (size limits, regular files only) and text decoding;
- :mod:`.zipguard`: the zip-bomb and DTD guard for .xlsx/.docx;
- :mod:`.sniff`: what kind of file a report is, from its content;
- :mod:`.engine`: the one table engine (grids of cells in, placed cells and findings out);
- :mod:`.meta`: title, agency, year, signature date and sections from a report's paragraphs;
- :mod:`.pool`: worker processes that read files in isolation (a file that kills or hangs its
  worker costs only itself).

Layer: reading. Imports only :mod:`gov_disclosure.core` (findings are made from the code table, never
from the rule catalogue); the format packages and everything above import from here.
"""
