"""The ground layer: what a report is and what can be said about it, with no file format in sight.

- :mod:`.vocabulary`: the format's tables, rows, columns, stable keys and official Chinese labels (the one
  place a label is spelled);
- :mod:`.values`: cell values (counts, amounts with units) and the parsing of cell text;
- :mod:`.model`: the frozen :class:`~.model.Report` (shape only: a report that breaks every sum is
  still a report);
- :mod:`.findings`: findings and the validation report, as data; :mod:`.codes`: the code table every
  finding is made from;
- :mod:`.errors`: the exceptions; :mod:`.serialize`: lossless JSON; :mod:`.export`: the flat cell export.

Layer: core, at the ground. Imports only the standard library, attrs and cattrs; every other layer
imports from here, never the other way.
"""
