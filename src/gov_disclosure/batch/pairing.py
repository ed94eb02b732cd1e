"""Pairing an agency's consecutive years and the cross-year rules (GD701–GD705) on each pair.

Layer: batch. Imports the core, the rules, :mod:`gov_disclosure.io` and :mod:`.results`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from ..core.findings import Finding, ValidationReport
from ..core.model import Report
from ..io import read_report
from ..rules import RULES, Config, Context, MissingPolicy
from ..rules.catalogue import apply_config
from ..rules.config import DEFAULT
from .discover import path_order
from .results import Duplicate, FileResult, PairResult, agency_key

__all__ = ["agency_key", "check_pair", "check_pairs", "compare", "cross_year_findings", "pair_up"]


def cross_year_findings(
    last: Report,
    this: Report,
    *,
    missing: MissingPolicy = "not-assessable",
    threshold: float | None = None,
    min_chars: int | None = None,
    config: Config = DEFAULT,
) -> ValidationReport:
    """The cross-year rules only (GD701–GD705, as ``config`` selects and tunes them; ``threshold``
    and ``min_chars``, when given, replace its GD704 settings), ``this`` year's report against
    ``last`` year's. Whether the two are consecutive years of one agency is the caller's business."""
    config = config.updated(similarity=threshold, similarity_min_chars=min_chars)
    ctx = Context(this, last, missing, config=config)
    findings: list[Finding] = []
    for rule in RULES.values():
        if rule.scope != "cross-year" or rule.check is None or not config.enabled(rule.code):
            continue
        findings.extend(rule.check(rule, ctx))
    kept, not_assessable = apply_config(findings, ctx.not_assessable, config)
    return ValidationReport(kept, not_assessable, config=config.path)


def check_pair(
    last: FileResult,
    this: FileResult,
    *,
    missing: MissingPolicy = "not-assessable",
    threshold: float | None = None,
    min_chars: int | None = None,
    config: Config = DEFAULT,
) -> PairResult:
    """GD701–GD705 for two results of :func:`check_file` (with ``carry``) of consecutive years."""
    if last.carry is None or this.carry is None:
        raise ValueError("check_pair needs results made with check_file(..., carry=True)")
    result = cross_year_findings(
        last.carry.report(),
        this.carry.report(),
        missing=missing,
        threshold=threshold,
        min_chars=min_chars,
        config=config,
    )
    return PairResult(
        last.path,
        this.path,
        this.agency,
        this.year,
        result.findings,
        len(result.not_assessable),
        sha256=this.sha256,
    )


def compare(
    last: str | os.PathLike[str],
    this: str | os.PathLike[str],
    *,
    missing: MissingPolicy = "not-assessable",
    threshold: float | None = None,
    min_chars: int | None = None,
    config: Config = DEFAULT,
) -> PairResult:
    """GD701–GD705 for two files, last year's and this year's. Raises ReadError if one is unreadable.
    The years are not checked here (see :func:`pair_up`); the caller decides what a pair is."""
    a, _ = read_report(last)
    b, _ = read_report(this)
    result = cross_year_findings(
        a, b, missing=missing, threshold=threshold, min_chars=min_chars, config=config
    )
    return PairResult(str(last), str(this), b.agency, b.year, result.findings, len(result.not_assessable))


def pair_up(
    results: Iterable[FileResult], *, config: Config = DEFAULT
) -> tuple[list[tuple[FileResult, FileResult]], list[Duplicate]]:
    """Pairs (last year's, this year's) among readable results with a known agency and year, and the
    duplicates (several files for one agency and year; the first in path order is the one paired;
    ``config`` decides whether and how they report GD505)."""
    groups: dict[tuple[str, int], list[FileResult]] = {}
    for r in results:
        key = r.pair_key if r.readable else None
        if key is not None:
            groups.setdefault(key, []).append(r)
    firsts: dict[tuple[str, int], FileResult] = {}
    duplicates: list[Duplicate] = []
    for key in sorted(groups):
        members = sorted(groups[key], key=lambda r: path_order(r.path))
        firsts[key] = members[0]
        if len(members) > 1:
            duplicates.append(
                Duplicate(
                    members[0].agency,
                    key[1],
                    tuple(m.path for m in members),
                    tuple(m.sha256 for m in members),
                    config,
                )
            )
    pairs = [(firsts[(k, y - 1)], r) for (k, y), r in firsts.items() if (k, y - 1) in firsts]
    return pairs, duplicates


def check_pairs(
    results: Iterable[FileResult],
    *,
    missing: MissingPolicy = "not-assessable",
    threshold: float | None = None,
    min_chars: int | None = None,
    config: Config = DEFAULT,
) -> list[PairResult]:
    """Pair up the results (e.g. all results of one agency) and check every pair."""
    pairs, _ = pair_up(results, config=config)
    return [
        check_pair(a, b, missing=missing, threshold=threshold, min_chars=min_chars, config=config)
        for a, b in pairs
    ]
