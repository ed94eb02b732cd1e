"""JSON (un)structuring of reports with cattrs, and the JSON Schema of the document format.

Decimals are kept exact (written as strings, never via float); a malformed document raises
:class:`~gov_disclosure.core.errors.DocumentError` with one line per problem and its JSON path.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal, InvalidOperation
from typing import Any

import cattrs
from cattrs.errors import ClassValidationError, IterableValidationError
from cattrs.v import format_exception, transform_error

from .errors import DocumentError, ShapeError
from .model import AGENCY_KIND_VALUES, Report
from .values import UNITS, Amount, Cell
from .vocabulary import (
    APPEALS_COLUMNS,
    APPEALS_GROUPS,
    APPLICATIONS_COLUMNS,
    FORMATS,
    SECTIONS,
    CellKind,
    spec,
)

__all__ = ["from_dict", "from_json", "json_schema", "make_converter", "to_dict", "to_json"]

_DECIMAL_TEXT = re.compile(r"^-?\d+(\.\d+)?$")


def _structure_decimal(value: Any, _: type) -> Decimal:
    if isinstance(value, _LongNumber):
        raise _OutOfRange(f"a number of {value.digits} digits, out of range")
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise TypeError(f"expected a decimal number as a string, got {type(value).__name__}")
    text = str(value)
    if not _DECIMAL_TEXT.match(text):
        raise ValueError(f"not a plain decimal number: {text[:40]!r}")
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern only admits valid decimals
        raise ValueError(f"not a decimal number: {text!r}") from None


class _OutOfRange(ValueError):
    """A number of the document beyond every bound of the model: said as such, with its path."""


def _format_exception(exc: BaseException, type_: type | None) -> str:
    if isinstance(exc, _OutOfRange):
        return str(exc)
    return format_exception(exc, type_)


class _LongNumber:
    """An integer of the JSON text too long to be a value (Python refuses to convert one of more
    than 4,300 digits at all): kept as its length, refused with a path by the structure hooks."""

    def __init__(self, digits: int) -> None:
        self.digits = digits


#: digits of a JSON integer beyond which it is not converted (every bound of the model is shorter)
_MAX_INT_DIGITS = 30


def _parse_int(text: str) -> int | _LongNumber:
    digits = len(text.lstrip("-"))
    return _LongNumber(digits) if digits > _MAX_INT_DIGITS else int(text)


def _structure_int(value: Any, _: type) -> int:
    if isinstance(value, _LongNumber):
        raise _OutOfRange(f"a number of {value.digits} digits, out of range")
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected an integer, got {type(value).__name__} {value!r}")
    return value


def _structure_str(value: Any, _: type) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return value


def _structure_date(value: Any, _: type) -> dt.date:
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO date string, got {type(value).__name__}")
    return dt.date.fromisoformat(value)


def make_converter() -> cattrs.Converter:
    """The converter used for reports: strict types, no extra keys, exact Decimals."""
    c = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)
    c.register_structure_hook(Decimal, _structure_decimal)
    c.register_unstructure_hook(Decimal, lambda d: format(d, "f"))
    c.register_structure_hook(int, _structure_int)
    c.register_structure_hook(str, _structure_str)
    c.register_structure_hook(dt.date, _structure_date)
    c.register_unstructure_hook(dt.date, lambda d: d.isoformat())

    def structure_cell(value: Any, _: Any) -> Cell:
        if value is None:
            return None
        if isinstance(value, dict):
            return c.structure(value, Amount)
        return _structure_int(value, int)

    c.register_structure_hook(Cell, structure_cell)
    c.register_unstructure_hook(Amount, lambda a: {"value": format(a.value, "f"), "unit": a.unit})
    return c


_CONVERTER = make_converter()


def to_dict(report: Report) -> dict[str, Any]:
    """The report as JSON-compatible data."""
    data: dict[str, Any] = _CONVERTER.unstructure(report)
    return data


def from_dict(data: Any) -> Report:
    """A report from JSON-compatible data; raises DocumentError listing every problem with its path."""
    if not isinstance(data, dict):
        raise DocumentError([f"expected a JSON object, got {type(data).__name__} @ $"])
    try:
        return _CONVERTER.structure(data, Report)
    except (ClassValidationError, IterableValidationError) as exc:
        raise DocumentError(_shape_lines(exc) or transform_error(exc, format_exception=_format_exception)) from None
    except ShapeError as exc:
        raise DocumentError([_shape_line(a, m) for a, m in exc.problems]) from None


def _shape_lines(exc: BaseException) -> list[str]:
    """Shape errors raised by Report's own check inside cattrs, turned into path lines."""
    if isinstance(exc, ShapeError):
        return [_shape_line(a, m) for a, m in exc.problems]
    if isinstance(exc, BaseExceptionGroup):
        lines: list[str] = []
        for sub in exc.exceptions:
            lines += _shape_lines(sub)
        return lines
    return []


def _shape_line(address: str, message: str) -> str:
    """A model address in cattrs' path grammar: attributes as ``.name``, mapping keys as ``['k']``."""
    head, _, rest = address.partition("/")
    path = f"$.{head}"
    if head == "proactive" and rest:
        path += "".join(f"[{k!r}]" for k in rest.replace("/", ".").split("."))
    elif head in ("applications", "raw") and rest:
        key, _, column = rest.partition("/")
        path += f"[{key!r}]" + (f".{column}" if column else "")
    elif rest:
        path += "." + rest.replace("/", ".")
    return f"{message} @ {path}"


def to_json(report: Report, *, indent: int | None = 2) -> str:
    """The report as a JSON document (UTF-8 text, Chinese kept as is)."""
    return json.dumps(to_dict(report), ensure_ascii=False, indent=indent)


def from_json(text: str | bytes) -> Report:
    """A report from a JSON document; raises DocumentError for bad JSON or a bad document."""
    try:
        data = json.loads(text, parse_int=_parse_int)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise DocumentError([f"not valid JSON: {exc} @ $"]) from None
    except RecursionError:
        raise DocumentError(["JSON nested too deeply @ $"]) from None
    return from_dict(data)


# -- JSON Schema, generated from the vocabulary --------------------------------------------------


def _count_schema(kind: CellKind, unit: str | None) -> dict[str, Any]:
    if kind is CellKind.AMOUNT:
        return {
            "oneOf": [
                {"type": "null"},
                {
                    "type": "object",
                    "properties": {
                        "value": {"type": "string", "pattern": _DECIMAL_TEXT.pattern},
                        "unit": {"enum": [*UNITS, None]},
                    },
                    "required": ["value", "unit"],
                    "additionalProperties": False,
                },
            ]
        }
    return {"type": ["integer", "null"]}


def _object(props: dict[str, Any], required: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
    if required:
        out["required"] = list(props)
    return out


def _format_schema(format: str) -> dict[str, Any]:
    s = spec(format)  # type: ignore[arg-type]
    proactive = _object(
        {
            b.key: _object(
                {r.key: _object({c.key: _count_schema(c.kind, c.unit) for c in b.columns}) for r in b.rows}
            )
            for b in s.proactive
        }
    )
    applications = _object(
        {r.key: {"$ref": "#/$defs/applications_row"} for r in s.applications_rows if r.key}
    )
    group = _object({c.key: _count_schema(c.kind, None) for c in APPEALS_COLUMNS})
    appeals = _object({g.key: group for g in APPEALS_GROUPS})
    addresses = [c.address for c in s.cells]
    return {
        "type": "object",
        "properties": {
            "format": {"const": format},
            "year": {"type": ["integer", "null"]},
            "agency": {"type": ["string", "null"]},
            "agency_kind": {"enum": [*AGENCY_KIND_VALUES, None]},
            "published_on": {"oneOf": [{"type": "null"}, {"type": "string", "format": "date"}]},
            "sections": _object({sec.key: {"type": "string"} for sec in SECTIONS}, required=False),
            "proactive": proactive,
            "applications": applications,
            "appeals": appeals,
            "raw": {
                "type": "object",
                "propertyNames": {"enum": addresses},
                "additionalProperties": {"type": "string"},
            },
            "outline": {
                "type": "array",
                "items": _object(
                    {
                        "text": {"type": "string"},
                        "section": {"enum": [*(sec.key for sec in SECTIONS), None]},
                    },
                    required=False,
                )
                | {"required": ["text"]},
            },
        },
        "required": ["format", "year", "agency", "proactive", "applications"],
        "additionalProperties": False,
    }


def json_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of the report document, for both format versions."""
    row = _object({c.key: _count_schema(c.kind, None) for c in APPLICATIONS_COLUMNS})
    variants = [_format_schema(f) for f in FORMATS]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://gov-disclosure.invalid/schema/report.json",
        "title": "政府信息公开工作年度报告 (gov-disclosure report document)",
        "oneOf": variants,
        "$defs": {"applications_row": row},
    }
