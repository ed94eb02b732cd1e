"""Cell values: parsing the text found in a table cell, and writing a value back as text.

Every reader (Excel, DOCX, text, HTML) parses cell text here, so "blank is not zero", the tolerated
spellings (full-width digits, thousands separators, a trailing 件/个/项) and the units of amounts are
decided in one place (FORMAT.md §5).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Final, TypeAlias

import attrs

from .vocabulary import CellKind, Unit

__all__ = [
    "MAX_AMOUNT_PLACES",
    "MAX_COUNT",
    "MISSING_MARKERS",
    "Amount",
    "Cell",
    "Parsed",
    "Unit",
    "chinese_number",
    "format_cell",
    "parse_cell",
]

UNITS: Final[tuple[Unit, ...]] = ("yuan", "wan_yuan")

#: the largest count (and amount) a cell may hold, in absolute value: 15 digits. A report's largest
#: figures are in the millions; beyond this a number is a typo or hostile (a 10,000-digit integer
#: cannot even be printed by Python), and Excel keeps only 15 significant digits.
MAX_COUNT: Final = 10**15 - 1
#: the most decimal places an amount may have (Excel's floats read back as at most 17 digits)
MAX_AMOUNT_PLACES: Final = 20


def in_range(value: int | Decimal) -> bool:
    """Whether a count or an amount's value is within the bounds a cell may hold
    (:data:`MAX_COUNT`, :data:`MAX_AMOUNT_PLACES`)."""
    if isinstance(value, Decimal):
        if not value.is_finite():
            return False
        exponent = value.as_tuple().exponent
        return (
            isinstance(exponent, int)
            and exponent >= -MAX_AMOUNT_PLACES
            and value.adjusted() < 15
        )
    return -MAX_COUNT <= value <= MAX_COUNT


def _check_decimal(_: object, attribute: attrs.Attribute[Decimal], value: Decimal) -> None:
    if not isinstance(value, Decimal) or not value.is_finite():
        raise TypeError(f"{attribute.name} must be a finite Decimal, got {value!r}")


def _check_unit(_: object, attribute: attrs.Attribute[Unit | None], value: Unit | None) -> None:
    if value is not None and value not in UNITS:
        raise ValueError(f"unit must be one of {UNITS} or None (unknown), got {value!r}")


@attrs.frozen
class Amount:
    """A money amount as reported: an exact Decimal and the unit it was given in.

    ``unit`` is None when the report gave no unit (the 2019 format prints none); it is never guessed.
    """

    value: Decimal = attrs.field(validator=_check_decimal)
    unit: Unit | None = attrs.field(default=None, validator=_check_unit)

    def in_wan_yuan(self) -> Decimal | None:
        """The amount in 万元, or None when the unit is unknown."""
        if self.unit == "wan_yuan":
            return self.value
        if self.unit == "yuan":
            return self.value / Decimal(10000)
        return None


#: what a cell of the official tables holds: a count, an amount, or None (missing)
Cell: TypeAlias = int | Amount | None

#: texts that mean "missing" (FORMAT.md §5); a blank cell is missing too
MISSING_MARKERS: Final[frozenset[str]] = frozenset({"", "/", "-", "—", "——", "－", "无", "／", "-/-"})

_UNIT_WORDS: Final[dict[str, Unit]] = {"万元": "wan_yuan", "元": "yuan"}
_COUNT_SUFFIXES: Final[tuple[str, ...]] = ("件", "个", "项", "次", "条")
_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
#: two numbers separated by spaces ("6338 5398", "21 8") are never one number
_TWO_NUMBERS = re.compile(r"\d\s+[+\-]?\d")
#: digits a number's text may have before it is refused unread (15 integer digits, 20 places, commas)
_MAX_NUMBER_TEXT: Final = 48


@attrs.frozen
class Parsed:
    """The result of reading one cell's text.

    ``problem`` is None when the text is a clean value; otherwise the rule code that applies:
    GD101 (missing), GD102 (not a number), GD103 (not an integer / negative), GD104 (a unit
    where none belongs, or an amount without a unit).
    """

    value: Cell
    problem: str | None = None


def normalise_number_text(text: str) -> str:
    """Full-width to half-width, spaces removed, Chinese minus signs to ``-``."""
    t = unicodedata.normalize("NFKC", text)
    t = re.sub(r"\s+", "", t)
    return t.replace("−", "-").replace("—", "-").replace("－", "-").replace("＋", "+")


def is_missing(text: str) -> bool:
    return normalise_number_text(text) in MISSING_MARKERS or text.strip() in MISSING_MARKERS


def parse_cell(text: str, kind: CellKind, implied_unit: Unit | None = None) -> Parsed:
    """Parse the text of one cell of the given kind.

    Never raises: a text that is not a value, or a number out of range (over :data:`MAX_COUNT`,
    more than :data:`MAX_AMOUNT_PLACES` decimal places), gives ``Parsed(None, "GD102")``.
    """
    if is_missing(text):
        return Parsed(None, "GD101")
    if _TWO_NUMBERS.search(unicodedata.normalize("NFKC", text)):
        return Parsed(None, "GD102")  # "21 8" is two numbers (or a typo), never 218
    t = normalise_number_text(text)
    if kind is CellKind.AMOUNT:
        unit: Unit | None = None
        for word, u in _UNIT_WORDS.items():
            if t.endswith(word):
                unit, t = u, t[: -len(word)]
                break
        if len(t) > _MAX_NUMBER_TEXT or not _NUMBER.match(t):
            return Parsed(None, "GD102")
        value = Decimal(t.replace(",", "").lstrip("+"))
        if not in_range(value):
            return Parsed(None, "GD102")
        if unit is None:
            unit = implied_unit
        problem = None if unit is not None else "GD104"
        if value < 0:
            problem = "GD103"
        return Parsed(Amount(value, unit), problem)
    problem: str | None = None  # type: ignore[no-redef]
    if kind is CellKind.SIGNED and t.startswith(("减", "增")):
        t = ("-" if t[0] == "减" else "") + t[1:]
    for suffix in _COUNT_SUFFIXES:
        if t.endswith(suffix):
            t = t[: -len(suffix)]
            break
    for word in _UNIT_WORDS:
        if t.endswith(word):
            t, problem = t[: -len(word)], "GD104"
            break
    if len(t) > _MAX_NUMBER_TEXT or not _NUMBER.match(t):
        return Parsed(None, "GD102")
    try:
        number = Decimal(t.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the regex admits only valid decimals
        return Parsed(None, "GD102")
    if number != number.to_integral_value():
        return Parsed(None, "GD103")
    if not in_range(number.to_integral_value()):
        return Parsed(None, "GD102")
    count = int(number)
    if count < 0 and kind is not CellKind.SIGNED:
        problem = "GD103"
    return Parsed(count, problem)


def format_cell(value: Cell, implied_unit: Unit | None = None) -> str:
    """The canonical text of a value, as writers print it: blank for missing."""
    if value is None:
        return ""
    if isinstance(value, Amount):
        number = format(value.value, "f")
        if value.unit is None or value.unit == implied_unit:
            return number
        return number + ("万元" if value.unit == "wan_yuan" else "元")
    return str(value)


_CN_DIGITS: Final = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "O": 0,
    "Ｏ": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS: Final = {"十": 10, "百": 100, "千": 1000}


def chinese_number(text: str) -> int | None:
    """A number in Arabic or Chinese numerals, or None: ``3,119`` → 3119; digit by digit
    ``二〇二一`` → 2021; with units ``十二`` → 12, ``二十一`` → 21, ``两千零五`` → 2005."""
    t = text.replace(",", "")
    if not t:
        return None
    if t.isdigit():
        return int(t)
    if not any(ch in _CN_UNITS for ch in t):
        digits = [_CN_DIGITS.get(ch) for ch in t]
        if any(d is None for d in digits):
            return None
        return int("".join(str(d) for d in digits))
    total, current, pending, last_unit = 0, 0, False, 10**9
    for ch in t:
        if ch in _CN_UNITS:
            unit = _CN_UNITS[ch]
            if unit >= last_unit:  # 十十, 十百: not a number
                return None
            total += (current if pending else 1) * unit
            current, pending, last_unit = 0, False, unit
        elif ch in _CN_DIGITS:
            if _CN_DIGITS[ch] == 0:  # 零 holds a place (一千零五)
                continue
            if pending:  # two digits without a unit between them (二二十)
                return None
            current, pending = _CN_DIGITS[ch], True
        else:
            return None
    return total + (current if pending else 0)
