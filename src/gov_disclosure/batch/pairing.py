"""Pairing an agency's consecutive years and the cross-year rules (GD701–GD704) on each pair.

Layer: batch. Imports the core, the rules, :mod:`gov_disclosure.io` and :mod:`.results`.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterable
from typing import Final

from ..core.findings import Finding, ValidationReport
from ..core.model import Report
from ..io import read_report
from ..rules import RULES, Context, MissingPolicy
from ..rules.similarity import DEFAULT_THRESHOLD, MIN_CHARS, make_check
from .discover import path_order
from .results import Ambiguous, Duplicate, FileResult, PairResult, agency_key

__all__ = [
    "agency_key",
    "check_pair",
    "check_pairs",
    "compare",
    "cross_year_findings",
    "pair_up",
    "region_aliases",
    "region_extends",
    "same_agency",
]



def cross_year_findings(
    last: Report,
    this: Report,
    *,
    missing: MissingPolicy = "not-assessable",
    threshold: float = DEFAULT_THRESHOLD,
    min_chars: int = MIN_CHARS,
) -> ValidationReport:
    """The cross-year rules only (GD701–GD704), ``this`` year's report against ``last`` year's.
    Whether the two are consecutive years of one agency is the caller's business."""
    ctx = Context(this, last, missing)
    gd704 = make_check(threshold, min_chars)
    findings: list[Finding] = []
    for rule in RULES.values():
        if rule.scope != "cross-year" or rule.check is None:
            continue
        check = gd704 if rule.code == "GD704" else rule.check
        findings.extend(check(rule, ctx))
    return ValidationReport(tuple(findings), tuple(ctx.not_assessable))


def check_pair(
    last: FileResult,
    this: FileResult,
    *,
    missing: MissingPolicy = "not-assessable",
    threshold: float = DEFAULT_THRESHOLD,
    min_chars: int = MIN_CHARS,
) -> PairResult:
    """GD701–GD704 for two results of :func:`check_file` (with ``carry``) of consecutive years."""
    if last.carry is None or this.carry is None:
        raise ValueError("check_pair needs results made with check_file(..., carry=True)")
    result = cross_year_findings(
        last.carry.report(), this.carry.report(), missing=missing, threshold=threshold, min_chars=min_chars
    )
    other_name = last.agency if agency_key(last.agency) != agency_key(this.agency) else None
    return PairResult(
        last.path,
        this.path,
        this.agency,
        this.year,
        result.findings,
        len(result.not_assessable),
        last_agency=other_name,
    )


def compare(
    last: str | os.PathLike[str],
    this: str | os.PathLike[str],
    *,
    missing: MissingPolicy = "not-assessable",
    threshold: float = DEFAULT_THRESHOLD,
    min_chars: int = MIN_CHARS,
) -> PairResult:
    """GD701–GD704 for two files, last year's and this year's. Raises ReadError if one is unreadable.
    The years are not checked here (see :func:`pair_up`); the caller decides what a pair is."""
    a, _ = read_report(last)
    b, _ = read_report(this)
    result = cross_year_findings(a, b, missing=missing, threshold=threshold, min_chars=min_chars)
    return PairResult(str(last), str(this), b.agency, b.year, result.findings, len(result.not_assessable))


def pair_up(
    results: Iterable[FileResult],
) -> tuple[list[tuple[FileResult, FileResult]], list[Duplicate | Ambiguous]]:
    """Pairs (last year's, this year's) among readable results with a known agency and year, and
    what to report about them: the duplicates (several files for one agency and year; the first in
    path order is the one paired) and the agency names that match more than one agency.

    First by the exact key (:func:`agency_key`); then, among the (agency, year) keys left without a
    partner, a name with and without its parent region (淮安市洪泽区人民政府 / 洪泽区人民政府) when
    that match is unique in the whole corpus (:func:`region_aliases`). A name that matches two
    agencies (洪泽区人民政府 beside 淮安市洪泽区人民政府 and 宿迁市洪泽区人民政府) is not paired but
    reported (:class:`Ambiguous`), where a partner year would have been found."""
    groups: dict[tuple[str, int], list[FileResult]] = {}
    for r in results:
        key = r.pair_key if r.readable else None
        if key is not None:
            groups.setdefault(key, []).append(r)
    firsts: dict[tuple[str, int], FileResult] = {}
    notices: list[Duplicate | Ambiguous] = []
    for key in sorted(groups):
        members = sorted(groups[key], key=lambda r: path_order(r.path))
        firsts[key] = members[0]
        if len(members) > 1:
            notices.append(Duplicate(members[0].agency, key[1], tuple(m.path for m in members)))
    pairs = [(firsts[(k, y - 1)], r) for (k, y), r in firsts.items() if (k, y - 1) in firsts]

    # second pass: the keys left without a partner, matched with and without their parent region
    aliases, ambiguous = region_aliases({k for k, _ in firsts})
    shown = {k: r.agency or k for (k, _), r in firsts.items()}
    by_class: dict[tuple[int, int], list[str]] = {}
    for k, y in firsts:
        if k in aliases:
            by_class.setdefault((aliases[k], y), []).append(k)
    for (cls, y), keys in sorted(by_class.items()):
        this = sorted(k for k in keys if (k, y - 1) not in firsts)
        last = sorted(k for k in by_class.get((cls, y - 1), ()) if (k, y) not in firsts)
        if not this or not last:
            continue
        if len(this) == 1 and len(last) == 1:
            pairs.append((firsts[(last[0], y - 1)], firsts[(this[0], y)]))
            continue
        # one agency under two spellings in one year: which is last year's partner is not certain
        for k, year, others in [*((k, y, last) for k in this), *((k, y - 1, this) for k in last)]:
            f = firsts[(k, year)]
            notices.append(Ambiguous(f.agency, year, f.path, tuple(shown[o] for o in others if o != k)))
    # a name that matches two agencies, where it has no partner of its own spelling
    years: dict[int, list[str]] = {}
    for k, y in firsts:
        years.setdefault(y, []).append(k)
    for (k, y), f in sorted(firsts.items(), key=lambda item: (item[0][1], item[0][0])):
        if k in ambiguous and any(
            (k, near) not in firsts and any(_related(k, c) for c in years.get(near, ()))
            for near in (y - 1, y + 1)
        ):
            notices.append(Ambiguous(f.agency, y, f.path, tuple(sorted(shown[o] for o in ambiguous[k]))))
    return pairs, notices


#: one administrative region that may stand before an agency's name: a province, city, prefecture,
#: league, district, county or banner (江苏省, 淮安市, 延边朝鲜族自治州, 定海区)
_REGION = r"[\u4e00-\u9fff]{1,12}?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|州|盟|区|县|旗)"
_REGIONS: Final = re.compile(rf"(?:{_REGION})+")
#: the start of an agency name that names its region (洪泽区…, 定海区…, 沛县…): only such a name can
#: stand for the same agency with its parent region left out (人民政府 or 教育局 alone cannot)
_NAMED: Final = re.compile(rf"^{_REGION}[\u4e00-\u9fff]")
#: regions in front of a name are at most this long (江苏省淮安市, 新疆维吾尔自治区伊犁哈萨克自治州)
_MAX_PREFIX: Final = 24


def region_extends(longer: str, shorter: str) -> bool:
    """True when ``longer`` is ``shorter`` with parent regions in front (keys of :func:`agency_key`):
    淮安市洪泽区人民政府 extends 洪泽区人民政府; 洪泽区人民政府办公室 does not extend 洪泽区人民政府 (a
    different agency), nor does 淮安市人民政府 extend 人民政府 (a name that names no region)."""
    if len(longer) <= len(shorter) or not longer.endswith(shorter) or not _NAMED.match(shorter):
        return False
    return bool(_REGIONS.fullmatch(longer[: len(longer) - len(shorter)]))


def _related(a: str, b: str) -> bool:
    return region_extends(a, b) or region_extends(b, a)


def _shorter_forms(key: str) -> list[str]:
    """The key's name with one or more of its leading regions left out (江苏省淮安市洪泽区人民政府 →
    淮安市洪泽区人民政府, 洪泽区人民政府), where what is left still names its region."""
    out = []
    for i in range(2, min(len(key) - 2, _MAX_PREFIX) + 1):
        if _REGIONS.fullmatch(key[:i]) and _NAMED.match(key[i:]):
            out.append(key[i:])
    return out


def region_aliases(keys: Iterable[str]) -> tuple[dict[str, int], dict[str, set[str]]]:
    """Which agency keys of a corpus name the same agency with and without parent regions.

    Returns a class number per key that has such an alias (keys of one class are one agency), and
    the keys whose name matches agencies that are not one (洪泽区人民政府 beside both
    淮安市洪泽区人民政府 and 宿迁市洪泽区人民政府), with the keys they match: those get no class. A
    match counts only when it is the only one in the corpus."""
    present = set(keys)
    longer: dict[str, list[str]] = {}
    for k in sorted(present):
        for short in _shorter_forms(k):
            if short in present:
                longer.setdefault(short, []).append(k)
    parent = {k: k for k in present}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    ambiguous: dict[str, set[str]] = {}
    for short, found in longer.items():
        # the longer names must be one chain (江苏省淮安市洪泽区… extends 淮安市洪泽区…), not two
        # agencies (淮安市洪泽区… and 宿迁市洪泽区…)
        if all(_related(a, b) for a, b in itertools.combinations(found, 2)):
            for other in found:
                parent[find(other)] = find(short)
        else:
            ambiguous[short] = set(found)
    numbers: dict[str, int] = {}
    classes: dict[str, int] = {}
    linked = {k for short, found in longer.items() if short not in ambiguous for k in (short, *found)}
    for k in sorted(linked):
        classes[k] = numbers.setdefault(find(k), len(numbers))
    return classes, ambiguous


def same_agency(a: str | None, b: str | None) -> bool:
    """Whether two agency names are the same agency for a pair of files given by hand (``compare``,
    ``validate --previous``): the same :func:`agency_key`, or one is the other with parent regions in
    front (淮安市洪泽区人民政府 / 洪泽区人民政府). There is no corpus here to make the match unique."""
    ka, kb = agency_key(a), agency_key(b)
    return ka is not None and kb is not None and (ka == kb or _related(ka, kb))


def check_pairs(
    results: Iterable[FileResult],
    *,
    missing: MissingPolicy = "not-assessable",
    threshold: float = DEFAULT_THRESHOLD,
    min_chars: int = MIN_CHARS,
) -> list[PairResult]:
    """Pair up the results (e.g. all results of one agency) and check every pair."""
    pairs, _ = pair_up(results)
    return [check_pair(a, b, missing=missing, threshold=threshold, min_chars=min_chars) for a, b in pairs]
