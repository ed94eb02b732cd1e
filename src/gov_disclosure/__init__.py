"""gov-disclosure: China's government information disclosure annual reports (政府信息公开工作年度报告).

One typed model of the report in both format versions ("2019" trial, "2021"), a validator that checks
every invariant and returns structured findings, JSON (un)structuring, and readers/writers for Excel,
DOCX, HTML, Markdown, PDF and plain text in their own modules (``gov_disclosure.excel``, ``.docx``,
``.html``, ``.markdown``, ``.pdf``, ``.text``).
"""

from importlib.metadata import PackageNotFoundError, version

from .core.errors import (
    DocumentError,
    FileTooLargeError,
    GovDisclosureError,
    MissingExtraError,
    MissingToolError,
    NoTablesError,
    ReadError,
    ShapeError,
    UnsafeFileError,
    UnsupportedFileError,
)
from .core.export import cell_records
from .core.findings import CellRef, Finding, Severity, ValidationReport
from .core.model import AppealsGroup, AppealsTable, ApplicationsRow, Report, Sections
from .core.quality import ReadQuality
from .core.serialize import from_dict, from_json, json_schema, to_dict, to_json
from .core.values import Amount, Cell
from .core.vocabulary import FORMATS, FormatKey, spec
from .io import ReadInfo, read_report, read_report_info
from .rules import RULES, Rule, validate

try:
    __version__ = version("gov-disclosure")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "FORMATS",
    "RULES",
    "Amount",
    "AppealsGroup",
    "AppealsTable",
    "ApplicationsRow",
    "Cell",
    "CellRef",
    "DocumentError",
    "FileTooLargeError",
    "Finding",
    "FormatKey",
    "GovDisclosureError",
    "MissingExtraError",
    "MissingToolError",
    "NoTablesError",
    "ReadError",
    "ReadInfo",
    "ReadQuality",
    "Report",
    "Rule",
    "Sections",
    "Severity",
    "ShapeError",
    "UnsafeFileError",
    "UnsupportedFileError",
    "ValidationReport",
    "__version__",
    "cell_records",
    "from_dict",
    "from_json",
    "json_schema",
    "read_report",
    "read_report_info",
    "spec",
    "to_dict",
    "to_json",
    "validate",
]
