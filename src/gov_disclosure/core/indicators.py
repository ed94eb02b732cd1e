"""Indicators researchers and evaluators compute from a report by hand: 公开率, 不予公开率, 无法提供率,
复议纠错率, 诉讼纠错率, 结转率.

Each is a ratio of sums of cells (FORMAT.md §7 addresses), computed exactly as a
:class:`~fractions.Fraction` and rounded only when shown (:meth:`IndicatorValue.percent`). An
indicator is *missing* (None), never 0, when a cell it needs is missing or its denominator is 0 or
less: a report that received no applications has no 公开率. Values are what the report says, so a
report whose figures do not add up can give a rate above 100%; the validator's findings say why.
``docs/review.md`` defines each one.

Layer: core. Imports only the standard library, attrs and the model.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from typing import Final

import attrs

from .model import Report
from .vocabulary import spec

__all__ = ["INDICATORS", "Indicator", "IndicatorValue", "indicators"]


@attrs.frozen
class Indicator:
    """One indicator: Σ numerator cells / Σ ± denominator cells (all in the 总计 column or group)."""

    key: str
    label: str  #: the Chinese name evaluators use
    label_en: str
    numerator: tuple[str, ...]
    #: (address, sign) pairs; the denominator is Σ sign·value
    denominator: tuple[tuple[str, int], ...]
    definition: str  #: in words, with the official labels
    definition_en: str


@attrs.frozen
class IndicatorValue:
    """An indicator of one report: the exact ratio, or None (missing) with the reason."""

    indicator: Indicator
    numerator: int | None
    denominator: int | None
    #: None when missing
    value: Fraction | None
    #: why it is missing: the missing cells, or ``denominator`` when it is 0 or less
    missing: tuple[str, ...] = ()

    def percent(self, places: int = 1) -> Decimal | None:
        """The value in percent, rounded half-even to ``places`` decimals (for display only)."""
        if self.value is None:
            return None
        exact = Decimal(self.value.numerator) * 100 / Decimal(self.value.denominator)
        return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)

    def ratio_text(self, places: int = 6) -> str:
        """The ratio as a decimal text rounded to ``places`` (``""`` when missing), for exports."""
        if self.value is None:
            return ""
        exact = Decimal(self.value.numerator) / Decimal(self.value.denominator)
        return str(exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN))


def _rows(prefix: str) -> tuple[str, ...]:
    """The 总计 cells of the applications rows under a group (identical in both formats)."""
    return tuple(
        f"applications/{r.key}/total"
        for r in spec("2021").applications_rows
        if r.key is not None and r.key.startswith(prefix + ".")
    )


_RESULTS_TOTAL: Final = (("applications/total/total", 1),)
_SUITS: Final = ("suit_direct", "suit_after_review")

#: the indicators, in the order they are shown
INDICATORS: Final[tuple[Indicator, ...]] = (
    Indicator(
        "disclosure_rate",
        "公开率",
        "disclosure rate",
        ("applications/granted/total", "applications/partial/total"),
        _RESULTS_TOTAL,
        "（一）予以公开 + （二）部分公开，除以（七）总计（总计列）",
        "(一) granted + (二) partly granted, over (七) total (总计 column)",
    ),
    Indicator(
        "denial_rate",
        "不予公开率",
        "denial rate",
        _rows("denied"),
        _RESULTS_TOTAL,
        "（三）不予公开 1–8 项之和，除以（七）总计（总计列）",
        "the sum of (三) denied, items 1–8, over (七) total (总计 column)",
    ),
    Indicator(
        "unavailable_rate",
        "无法提供率",
        "information-unavailable rate",
        _rows("unavailable"),
        _RESULTS_TOTAL,
        "（四）无法提供 1–3 项之和，除以（七）总计（总计列）",
        "the sum of (四) unavailable, items 1–3, over (七) total (总计 column)",
    ),
    Indicator(
        "review_correction_rate",
        "复议纠错率",
        "administrative review correction rate",
        ("appeals/review/corrected",),
        (("appeals/review/total", 1), ("appeals/review/pending", -1)),
        "行政复议 结果纠正，除以（行政复议 总计 − 尚未审结）",
        "行政复议 corrected, over (行政复议 total − pending)",
    ),
    Indicator(
        "suit_correction_rate",
        "诉讼纠错率",
        "administrative suit correction rate",
        tuple(f"appeals/{g}/corrected" for g in _SUITS),
        tuple((f"appeals/{g}/{c}", sign) for g in _SUITS for c, sign in (("total", 1), ("pending", -1))),
        "行政诉讼（未经复议直接起诉 + 复议后起诉）结果纠正，除以两组（总计 − 尚未审结）之和",
        "行政诉讼 corrected (both groups), over the sum of both groups' (total − pending)",
    ),
    Indicator(
        "carry_forward_rate",
        "结转率",
        "carried-forward rate",
        ("applications/carried_forward/total",),
        (("applications/new/total", 1), ("applications/carried_over/total", 1)),
        "四、结转下年度继续办理，除以（一、本年新收 + 二、上年结转）（总计列）",
        "四 carried forward, over (一 new + 二 carried over) (总计 column)",
    ),
)


def _value(cells: Mapping[str, object], address: str) -> int | None:
    v = cells.get(address)
    return v if isinstance(v, int) and not isinstance(v, bool) else None


def indicator_value(indicator: Indicator, cells: Mapping[str, object]) -> IndicatorValue:
    """One indicator from a mapping of cell address → value (:meth:`Report.cell_map`)."""
    addresses = (*indicator.numerator, *(a for a, _ in indicator.denominator))
    missing = tuple(a for a in dict.fromkeys(addresses) if _value(cells, a) is None)
    if missing:
        return IndicatorValue(indicator, None, None, None, missing)
    num = sum(_value(cells, a) or 0 for a in indicator.numerator)
    den = sum(sign * (_value(cells, a) or 0) for a, sign in indicator.denominator)
    if den <= 0:
        return IndicatorValue(indicator, num, den, None, ("denominator",))
    return IndicatorValue(indicator, num, den, Fraction(num, den))


def indicators(report: Report | Mapping[str, object]) -> tuple[IndicatorValue, ...]:
    """Every indicator of a report (or of its :meth:`~Report.cell_map`), in :data:`INDICATORS` order."""
    cells = report.cell_map() if isinstance(report, Report) else report
    return tuple(indicator_value(i, cells) for i in INDICATORS)


def iter_indicator_fields() -> Iterator[str]:
    """The columns of an indicator export, after the report's identity: per indicator its ratio,
    numerator and denominator."""
    for i in INDICATORS:
        yield i.key
        yield f"{i.key}_numerator"
        yield f"{i.key}_denominator"
