"""The rule catalogue (FORMAT.md §6) assembled from the rule families, and :func:`validate`.

Each family module (``cells``, ``sums``, ``proactive``, ``identity``, ``dates``, ``sections``,
``prose``, ``crossyear``, ``similarity``) holds the checks of its codes; the codes themselves (severity,
scope, titles) are in :data:`gov_disclosure.core.codes.CODES`. Adding a rule means a check in its family
module, its code in the code table, and one line here.

Layer: rules. Imports only :mod:`gov_disclosure.core` and the rule families.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from ..core.codes import CODES
from ..core.findings import Finding, NotAssessable, ValidationReport, merge_findings
from ..core.model import Report
from . import cells, crossyear, dates, identity, proactive, prose, sections, similarity, sums
from ._base import Check, Context, MissingPolicy, Rule

__all__ = ["CHECKS", "RULES", "validate"]

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
    "GD701": crossyear.check_carry_over,
    "GD702": crossyear.check_in_force,
    "GD703": crossyear.check_items,
    "GD704": similarity.check,
}

#: every code of the code table as a rule, in code order
RULES: Final[dict[str, Rule]] = {code: Rule.of(code, CHECKS.get(code)) for code in CODES}


def validate(
    report: Report,
    previous: Report | None = None,
    *,
    missing: MissingPolicy = "not-assessable",
    findings: Iterable[Finding] = (),
    extra_rules: Iterable[Rule] = (),
) -> ValidationReport:
    """Check a report against every rule of the catalogue and return all findings.

    - ``previous``: last year's report of the same agency; enables the cross-year rules (GD7xx).
    - ``missing``: ``"not-assessable"`` (default) skips a sum that involves a missing cell and lists
      it in ``not_assessable``; ``"zero"`` counts missing cells as 0.
    - ``findings``: findings a reader already made (with file positions); a validator finding on the
      same code and location is then left out, so nothing is said twice. A total the reader found
      computed rather than reported (GD111: a template's formula over blank cells) is missing under
      ``not-assessable`` and the sum of its parts under ``zero``.
    - ``extra_rules``: rules from other modules (e.g. the prose checks of GD602).
    """
    if missing not in ("not-assessable", "zero"):
        raise ValueError(f"missing must be 'not-assessable' or 'zero', not {missing!r}")
    findings = tuple(findings)
    computed = {f.location: tuple(c.address for c in f.cells) for f in findings if f.code == "GD111" and f.location}
    ctx = Context(report, previous, missing, computed=computed)
    out: list[Finding] = []
    cross_year_ok = previous is not None and (
        report.year is None or previous.year is None or previous.year == report.year - 1
    )
    if previous is not None and not cross_year_ok:
        ctx.not_assessable.append(NotAssessable("GD701", "year", ("previous.year",)))
    for rule in (*RULES.values(), *extra_rules):
        if rule.check is None:
            continue
        if rule.scope == "cross-year" and not cross_year_ok:
            continue
        out.extend(rule.check(rule, ctx))
    return ValidationReport(merge_findings(tuple(findings), out), tuple(ctx.not_assessable))
