"""Checking reports at scale: folders of files, many years, many agencies.

Everything here is built on one pure function per file, :func:`check_file` (read, validate, return a
picklable :class:`FileResult`), and one per pair of consecutive years, :func:`check_pair`. The rest
arranges them:

- :func:`iter_check` walks files and folders, checks every file in worker processes, pairs the reports
  of one agency in consecutive years and runs the cross-year rules GD701–GD704 on each pair, and
  yields events (:class:`FileResult`, :class:`PairResult`, :class:`Skipped`, :class:`Duplicate`,
  :class:`Ambiguous`) as
  they are ready; :class:`Summary` counts them. :func:`check_paths` collects it all in a
  :class:`BatchResult` for a notebook.
- :func:`iter_cell_records` / :func:`write_cells`: the flat cell export (FORMAT.md §7) of every report,
  with ``file, agency, year, format`` in front, as CSV, JSON Lines or Parquet.
- :func:`compare`: one pair of files.

The library never prints; progress is reported through ``on_progress(stage, done, total)``.

Memory: findings are streamed, never collected by :func:`iter_check`. Until the pairing step the
parent keeps, per readable report with a known agency and year, what the cross-year rules need: the
cell values (a tuple in spec order) and the section text, a few kilobytes per report.

Pairing: reports are paired by (agency, year) with (agency, year − 1). The agency names are compared
after :func:`agency_key` normalisation (NFKC, case folded, whitespace, punctuation and symbols
dropped); then, for the keys left without a partner, a name with and without its parent regions
(淮安市洪泽区人民政府 / 洪泽区人民政府, :func:`region_extends`) when that match is the only one in the
corpus; a name that matches two agencies (洪泽区人民政府 beside 淮安市洪泽区人民政府 and
宿迁市洪泽区人民政府) is reported (:class:`Ambiguous`), not paired. Nothing else is guessed:
定海区经信局 and 舟山市定海区经济和信息化局 are *not* paired (an abbreviation is not a region). When
several files have the same (agency, year), the first in path order is paired and a
:class:`Duplicate` is reported.

Modules: :mod:`.discover` (files and folders), :mod:`.check` (one file, runs), :mod:`.pairing`
(consecutive years, GD701–GD704), :mod:`.output` (findings files), :mod:`.cells` (the cell export),
:mod:`.results` (what a run yields), :mod:`.parquet`; worker processes come from
:mod:`gov_disclosure.reading.pool`.

Layer: batch, above :mod:`gov_disclosure.io`. Imports the core, the rules, the reading layer and
``read_report``; never the CLI.
"""

from .cells import CELL_EXPORT_FIELDS, ExportCount, cells_kind, iter_cell_records, write_cells
from .check import BatchResult, check_file, check_paths, iter_check
from .discover import SUFFIXES, Discovery, discover
from .output import FINDING_FIELDS, finding_records, findings_kind, write_findings
from .pairing import (
    check_pair,
    check_pairs,
    compare,
    cross_year_findings,
    pair_up,
    region_aliases,
    region_extends,
    same_agency,
)
from .results import (
    AMBIGUOUS,
    UNREADABLE,
    Ambiguous,
    CrossYearData,
    Duplicate,
    Event,
    FileResult,
    PairResult,
    ProgressCallback,
    Skipped,
    Summary,
    agency_key,
)

__all__ = [
    "AMBIGUOUS",
    "CELL_EXPORT_FIELDS",
    "FINDING_FIELDS",
    "SUFFIXES",
    "UNREADABLE",
    "Ambiguous",
    "BatchResult",
    "CrossYearData",
    "Discovery",
    "Duplicate",
    "Event",
    "ExportCount",
    "FileResult",
    "PairResult",
    "ProgressCallback",
    "Skipped",
    "Summary",
    "agency_key",
    "cells_kind",
    "check_file",
    "check_pair",
    "check_pairs",
    "check_paths",
    "compare",
    "cross_year_findings",
    "discover",
    "finding_records",
    "findings_kind",
    "iter_cell_records",
    "iter_check",
    "pair_up",
    "region_aliases",
    "region_extends",
    "same_agency",
    "write_cells",
    "write_findings",
]
