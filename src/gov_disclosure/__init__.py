"""gov-disclosure: China's government information disclosure annual reports (政府信息公开工作年度报告).

One typed model of the report in both format versions ("2019" trial, "2021"), a validator that checks
every invariant and returns structured findings, JSON (un)structuring, and readers/writers for Excel,
DOCX, HTML, Markdown, PDF and plain text in their own modules (``gov_disclosure.excel``, ``.docx``,
``.html``, ``.markdown``, ``.pdf``, ``.text``).
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

#: where each public name lives: imported on first use, so that ``import gov_disclosure.cli`` (and
#: so every command's start-up) loads only what it needs
_EXPORTS: dict[str, str] = {
    **dict.fromkeys(
        (
            "DocumentError",
            "FileTooLargeError",
            "GovDisclosureError",
            "MissingExtraError",
            "MissingToolError",
            "NoTablesError",
            "ReadError",
            "ShapeError",
            "UnsafeFileError",
            "UnsupportedFileError",
        ),
        ".core.errors",
    ),
    "cell_records": ".core.export",
    "ReadQuality": ".core.quality",
    **dict.fromkeys(("CellRef", "Finding", "Severity", "ValidationReport"), ".core.findings"),
    **dict.fromkeys(("AppealsGroup", "AppealsTable", "ApplicationsRow", "Report", "Sections"), ".core.model"),
    **dict.fromkeys(("from_dict", "from_json", "json_schema", "to_dict", "to_json"), ".core.serialize"),
    **dict.fromkeys(("Amount", "Cell"), ".core.values"),
    **dict.fromkeys(("FORMATS", "FormatKey", "spec"), ".core.vocabulary"),
    **dict.fromkeys(("ReadInfo", "read_report", "read_report_info"), ".io"),
    **dict.fromkeys(("RULES", "Rule", "validate"), ".rules"),
}


def __getattr__(name: str) -> Any:
    """The public names (``_EXPORTS``) and ``__version__`` (read from the installed package's
    metadata: importlib.metadata costs more start-up time than the package's core), on first use."""
    if name in _EXPORTS:
        import importlib

        value = getattr(importlib.import_module(_EXPORTS[name], __name__), name)
    elif name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version("gov-disclosure")
        except PackageNotFoundError:  # pragma: no cover - running from a source tree
            value = "0.0.0"
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS, "__version__"})


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
