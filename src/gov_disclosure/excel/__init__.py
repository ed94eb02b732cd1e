"""Excel (.xlsx) support: the data-collection template, reading filled workbooks back, writing a
filled workbook of any report, and aggregating the workbooks of many reporting units.

Needs the ``excel`` extra (openpyxl, defusedxml): ``pip install "gov-disclosure[excel]"``.

Layer: formats. Imports the core, the rules (the aggregate is validated) and the reading layer;
never :mod:`gov_disclosure.io`, batch or the CLI.
"""

from __future__ import annotations

from ..core.errors import MissingExtraError
from ..core.messages import errors as E

try:
    import defusedxml  # type: ignore[import-untyped]  # noqa: F401
    import openpyxl  # noqa: F401
except ImportError:  # pragma: no cover - depends on the environment
    raise MissingExtraError(E.FEATURE_EXCEL, "excel") from None

from ._aggregate import AggregateError, AggregateResult, UnitResult, aggregate, write_summary
from ._read import XlsxReading, read_xlsx, read_xlsx_anchored
from ._write import write_template, write_xlsx, xlsx_bytes

__all__ = [
    "AggregateError",
    "AggregateResult",
    "UnitResult",
    "XlsxReading",
    "aggregate",
    "read_xlsx",
    "read_xlsx_anchored",
    "write_summary",
    "write_template",
    "write_xlsx",
    "xlsx_bytes",
]
