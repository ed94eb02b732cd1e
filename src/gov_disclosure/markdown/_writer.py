"""Writing a report as Markdown, in a form :func:`read_markdown` reads back to the same report."""

from __future__ import annotations

from typing import Literal, TypeAlias

from ..core.model import Report
from ..core.vocabulary import SECTIONS, report_title
from ..reading.meta import format_date
from ..text._writer import table_rows

__all__ = ["TableStyle", "write_markdown"]

#: how the tables are written: Markdown pipe tables, or HTML tables inside the Markdown
TableStyle: TypeAlias = Literal["pipe", "html"]


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


def _pipe_table(rows: list[list[str]]) -> list[str]:
    width = max(len(r) for r in rows)
    out: list[str] = []
    for n, row in enumerate(rows):
        cells = [_cell(c) for c in row] + [""] * (width - len(row))
        out.append("| " + " | ".join(cells) + " |")
        if n == 0:
            out.append("|" + "---|" * width)
    return out


def write_markdown(report: Report, *, tables: TableStyle = "pipe") -> str:
    """The report as Markdown: the title as a ``#`` heading, the six sections under ``##`` headings, the
    tables as pipe tables (``tables="pipe"``, group labels on rows of their own) or as HTML tables with
    the official merged cells (``tables="html"``, needs nothing to write; reading them back needs lxml),
    then the signature. Labels come from the vocabulary and cell texts follow the raw convention, so
    :func:`read_markdown` reads it back to the same report."""
    lines: list[str] = []
    if report.year is not None:
        lines += [f"# {report_title(report.agency or '', report.year)}", ""]
    for sec in SECTIONS:
        lines += [f"## {sec.heading}", ""]
        text = getattr(report.sections, sec.key)
        for paragraph in text.split("\n"):
            if paragraph.strip():
                lines += [_paragraph(paragraph), ""]
        if sec.key in ("proactive", "applications", "appeals"):
            if tables == "html":
                from ..html._writer import table_html

                lines += [table_html(report, sec.key), ""]
            else:
                lines += [*_pipe_table(table_rows(report, sec.key)), ""]
    if report.agency:
        lines += [_paragraph(report.agency), ""]
    if report.published_on is not None:
        lines += [format_date(report.published_on), ""]
    return "\n".join(lines)


def _paragraph(text: str) -> str:
    """A paragraph of text that Markdown leaves as it is: markup characters escaped where they would
    start a heading, a list or a quote, or make emphasis."""
    t = text.replace("\\", "\\\\")
    for ch in "*_`|<[":
        t = t.replace(ch, "\\" + ch)
    if t.lstrip().startswith(("#", ">", "-", "+")):
        t = "\\" + t.lstrip()
    return t
