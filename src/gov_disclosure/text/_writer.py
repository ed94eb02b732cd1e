"""Writing a report as plain text, in a layout :func:`read_text` reads back to the same report."""

from __future__ import annotations

from typing import Literal, TypeAlias

from ..core.model import Report
from ..core.vocabulary import (
    APPEALS_COLUMNS,
    APPEALS_GROUPS,
    APPEALS_SUIT_LABEL,
    APPLICATIONS_COLUMNS,
    APPLICATIONS_HEADER,
    APPLICATIONS_ORG_COLUMNS,
    PROACTIVE_ROW_HEADER,
    SECTIONS,
    report_title,
)
from ..reading.meta import format_date

__all__ = ["Layout", "table_rows", "write_text"]

Layout: TypeAlias = Literal["cells", "tsv", "lines"]


def table_rows(report: Report, table: str) -> list[list[str]]:
    """One table of the report as rows of cell texts (labels from the vocabulary, values per
    the raw convention), header rows first; group labels on rows of their own."""
    s = report.spec
    rows: list[list[str]] = []
    if table == "proactive":
        for b in s.proactive:
            rows.append([b.title])
            rows.append([PROACTIVE_ROW_HEADER, *(c.label for c in b.columns)])
            for r in b.rows:
                rows.append(
                    [r.label, *(report.cell_text(f"proactive/{b.key}.{r.key}/{c.key}") for c in b.columns)]
                )
    elif table == "applications":
        by_key = {c.key: c.label for c in APPLICATIONS_COLUMNS}
        rows.append([APPLICATIONS_HEADER["note"], APPLICATIONS_HEADER["applicants"]])
        rows.append([by_key["natural_person"], APPLICATIONS_HEADER["organisations"], by_key["total"]])
        rows.append([by_key[k] for k in APPLICATIONS_ORG_COLUMNS])
        for lr in s.applications_layout:
            if lr.key is None:
                rows.append([lr.label])
            else:
                rows.append(
                    [
                        lr.label,
                        *(report.cell_text(f"applications/{lr.key}/{c.key}") for c in APPLICATIONS_COLUMNS),
                    ]
                )
    else:
        rows.append([APPEALS_GROUPS[0].label, APPEALS_SUIT_LABEL])
        rows.append([*(c.label for c in APPEALS_COLUMNS), *(g.label for g in APPEALS_GROUPS[1:])])
        rows.append([c.label for _ in APPEALS_GROUPS[1:] for c in APPEALS_COLUMNS])
        rows.append(
            [report.cell_text(f"appeals/{g.key}/{c.key}") for g in APPEALS_GROUPS for c in APPEALS_COLUMNS]
        )
    return rows


def _render(rows: list[list[str]], layout: Layout) -> list[str]:
    out: list[str] = []
    if layout == "cells":
        for row in rows:
            out.extend("\t" + c for c in row)
            out.append("")
    elif layout == "tsv":
        # a blank cell is written as one space: an empty field at the start of a line reads as
        # a merged cell
        out.extend("\t".join(c or " " for c in row) for row in rows)
    else:
        for row in rows:
            out.extend(row)
    return out


def write_text(report: Report, *, layout: Layout = "cells") -> str:
    """The report as plain text: title, the six sections with their headings and tables, and
    the signature (agency and date).

    ``layout`` is how the tables are flattened: ``"cells"`` one cell per tab-led line with rows
    separated by blank lines, ``"tsv"`` one row per line with tab-separated cells, ``"lines"``
    one cell per line with blank lines for empty cells.
    """
    lines: list[str] = []
    if report.year is not None:
        lines += [report_title(report.agency or "", report.year), ""]
    for sec in SECTIONS:
        lines.append(sec.heading)
        text = getattr(report.sections, sec.key)
        if text:
            lines.extend(text.split("\n"))
        if sec.key in ("proactive", "applications", "appeals"):
            lines.append("")
            lines.extend(_render(table_rows(report, sec.key), layout))
        lines.append("")
    if report.agency:
        lines.append(report.agency)
    if report.published_on is not None:
        lines.append(format_date(report.published_on))
    return "\n".join(lines) + "\n"
