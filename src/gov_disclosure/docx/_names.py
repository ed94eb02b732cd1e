"""What the writer names and prints that the reader recognises: the paragraph style ids of our
documents and the title line. (Kept apart from the writer so that reading needs no python-docx.)"""

from __future__ import annotations

from typing import Final

from ..core.vocabulary import report_title

__all__ = [
    "HEADING_STYLE",
    "PAGE_NUMBER_STYLE",
    "SIGNATURE_STYLE",
    "TABLE_STYLE",
    "TITLE_STYLE",
    "TITLE_SUFFIX",
    "title_text",
]

TITLE_STYLE: Final = "ReportTitle"
HEADING_STYLE: Final = "ReportHeading1"
SIGNATURE_STYLE: Final = "ReportSignature"
TABLE_STYLE: Final = "ReportTableText"
PAGE_NUMBER_STYLE: Final = "ReportPageNumber"

#: “政府信息公开工作年度报告”, the part of the official title after the year
TITLE_SUFFIX: Final = report_title("", 0).removeprefix("0年")


def title_text(agency: str | None, year: int | None) -> str:
    """The title printed for an agency and year; either may be unknown (then left out)."""
    if agency is not None and year is not None:
        return report_title(agency, year)
    return (agency or "") + (f"{year}年" if year is not None else "") + TITLE_SUFFIX
