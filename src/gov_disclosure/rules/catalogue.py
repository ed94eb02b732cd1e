"""The rule catalogue (FORMAT.md §6) assembled from the rule families, and :func:`validate`.

Each family module (``cells``, ``sums``, ``proactive``, ``identity``, ``dates``, ``sections``,
``outline``, ``text``, ``prose``, ``crossyear``, ``similarity``, ``anomalies``, ``lint``) holds the
checks of its codes; the codes themselves (severity,
scope, titles) are in :data:`gov_disclosure.core.codes.CODES`. Adding a rule means a check in its family
module, its code in the code table, and one line here.

Layer: rules. Imports only :mod:`gov_disclosure.core` and the rule families.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Final

import attrs

from ..core.codes import CODES
from ..core.findings import Finding, NotAssessable, ValidationReport, merge_findings
from ..core.model import Report
from . import (
    anomalies,
    cells,
    crossyear,
    dates,
    identity,
    lint,
    outline,
    proactive,
    prose,
    sections,
    similarity,
    sums,
    text,
)
from ._base import Check, Context, MissingPolicy, Rule
from .config import DEFAULT, Config

__all__ = ["CHECKS", "RULES", "apply_config", "validate"]

#: the check of each code the validator checks (the other codes are found by readers only)
CHECKS: Final[dict[str, Check]] = {
    "GD101": cells.check_missing,
    "GD102": cells.check_text,
    "GD103": cells.check_range,
    "GD104": cells.check_units,
    "GD201": sums.sum_check(sums.row_totals),
    "GD202": sums.sum_check(sums.result_totals),
    "GD203": sums.sum_check(sums.carry_balances),
    "GD301": sums.sum_check(sums.appeals_totals),
    "GD401": proactive.check_published_le_total,
    "GD402": proactive.check_items_not_negative,
    "GD501": identity.check_format_year,
    "GD502": dates.check_published_after_year,
    "GD503": dates.check_deadline,
    "GD504": identity.check_identity,
    "GD601": sections.check_sections,
    "GD602": prose.check,
    "GD603": outline.check_present,
    "GD604": outline.check_order,
    "GD605": outline.check_numbers,
    "GD606": outline.check_extra,
    "GD607": outline.check_numbering,
    "GD608": text.check_aspects,
    "GD609": text.check_problems,
    "GD610": text.check_hollow,
    "GD611": text.check_stale_year,
    "GD612": text.check_other_agency,
    "GD613": prose.check_all_answered,
    "GD614": prose.check_case_not_in_table,
    "GD615": prose.check_fee_stated,
    "GD616": prose.check_fee_agrees,
    "GD701": crossyear.check_carry_over,
    "GD702": crossyear.check_in_force,
    "GD703": crossyear.check_items,
    "GD704": similarity.check,
    "GD705": anomalies.check,
    "GD801": lint.check_doubled,
    "GD802": lint.check_ascii,
    "GD803": lint.check_unmatched,
}

#: every code of the code table as a rule, in code order
RULES: Final[dict[str, Rule]] = {code: Rule.of(code, CHECKS.get(code)) for code in CODES}


@cache
def _plan(config: Config) -> tuple[tuple[Rule, ...], tuple[Rule, ...]]:
    """The rules a config runs: (single-year rules, cross-year rules), each with a check."""
    chosen = [r for r in RULES.values() if r.check is not None and config.enabled(r.code)]
    return (
        tuple(r for r in chosen if r.scope != "cross-year"),
        tuple(r for r in chosen if r.scope == "cross-year"),
    )


def apply_config(
    findings: Iterable[Finding], not_assessable: Iterable[NotAssessable], config: Config
) -> tuple[tuple[Finding, ...], tuple[NotAssessable, ...]]:
    """Findings and not-assessable checks as a config wants them: the codes it leaves out dropped
    (readers' findings too), the severities it overrides changed."""
    if config is DEFAULT:
        return tuple(findings), tuple(not_assessable)
    overrides = config.overrides
    kept = tuple(
        attrs.evolve(f, severity=overrides[f.code]) if f.code in overrides else f
        for f in findings
        if config.enabled(f.code)
    )
    return kept, tuple(n for n in not_assessable if config.enabled(n.code))


def validate(
    report: Report,
    previous: Report | None = None,
    *,
    missing: MissingPolicy = "not-assessable",
    findings: Iterable[Finding] = (),
    extra_rules: Iterable[Rule] = (),
    config: Config | None = None,
) -> ValidationReport:
    """Check a report against every rule of the catalogue and return all findings.

    - ``previous``: last year's report of the same agency; enables the cross-year rules (GD7xx).
    - ``missing``: ``"not-assessable"`` (default) skips a sum that involves a missing cell and lists
      it in ``not_assessable``; ``"zero"`` counts missing cells as 0.
    - ``findings``: findings a reader already made (with file positions); a validator finding on the
      same code and location is then left out, so nothing is said twice; and a cell the reader
      declined (:func:`~gov_disclosure.core.quality.covered_cells`) is not reported blank (GD101):
      the reader's finding (GD102, GD105, GD106, GD108, GD109 …) already says why it has no value.
      A total the reader found computed rather than reported (GD111: a template's formula over
      blank cells) is missing under ``not-assessable`` and the sum of its parts under ``zero``.
    - ``extra_rules``: rules from other modules.
    - ``config``: which codes run, their severities and thresholds
      (:class:`~gov_disclosure.rules.config.Config`; default: every code, default thresholds). The
      result names the config's file (``config``). Nothing is read from disk here: see
      :func:`~gov_disclosure.rules.config.load_config`.
    """
    if missing not in ("not-assessable", "zero"):
        raise ValueError(f"missing must be 'not-assessable' or 'zero', not {missing!r}")
    config = DEFAULT if config is None else config
    read = tuple(findings)
    computed = {f.location: tuple(c.address for c in f.cells) for f in read if f.code == "GD111" and f.location}
    ctx = Context(report, previous, missing, config=config, computed=computed, reader_findings=read)
    out: list[Finding] = []
    single, cross = _plan(config)
    for rule in single:
        out.extend(rule.check(rule, ctx))  # type: ignore[misc]
    if previous is not None:
        if report.year is None or previous.year is None or previous.year == report.year - 1:
            for rule in cross:
                out.extend(rule.check(rule, ctx))  # type: ignore[misc]
        else:
            ctx.not_assessable.append(NotAssessable("GD701", "year", ("previous.year",)))
    for rule in extra_rules:
        if rule.check is not None and config.enabled(rule.code):
            out.extend(rule.check(rule, ctx))
    kept, not_assessable = apply_config(merge_findings(read, out), ctx.not_assessable, config)
    return ValidationReport(kept, not_assessable, config=config.path)
