"""Writing a report as a web page, with the tables laid out as in the official format."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache
from html import escape
from typing import TypeAlias

from ..core.model import Report
from ..core.values import format_cell
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

__all__ = ["CellRenderer", "table_html", "table_rows", "write_html"]

#: renders one data cell of a table: (address, text as printed) -> the ``<td>`` element
CellRenderer: TypeAlias = Callable[[str, str], str]


@lru_cache(maxsize=8192)
def _td(text: str, *, rowspan: int = 1, colspan: int = 1, th: bool = False) -> str:
    tag = "th" if th else "td"
    attrs = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (
        f' colspan="{colspan}"' if colspan > 1 else ""
    )
    return f"<{tag}{attrs}>{escape(text)}</{tag}>"


def _plain(address: str, text: str) -> str:
    return _td(text)


def _texts(report: Report) -> Mapping[str, str]:
    """What each cell prints (:meth:`Report.cell_text`), computed once for the whole report."""
    raw = report.raw
    out: dict[str, str] = {}
    for c, v in report.cells():
        text = raw.get(c.address)
        out[c.address] = text if text is not None else format_cell(v, c.unit)
    return out


def _proactive(report: Report, cell: CellRenderer, texts: Mapping[str, str]) -> list[str]:
    blocks = report.spec.proactive
    width = 1 + max(len(b.columns) for b in blocks)
    rows: list[str] = []
    for b in blocks:
        rows.append(_td(b.title, colspan=width, th=True))
        head = [_td(PROACTIVE_ROW_HEADER, th=True)]
        for i, c in enumerate(b.columns):
            last = i == len(b.columns) - 1
            head.append(_td(c.label, colspan=width - len(b.columns) if last else 1, th=True))
        rows.append("".join(head))
        for r in b.rows:
            cells = [_td(r.label)]
            for i, c in enumerate(b.columns):
                last = i == len(b.columns) - 1
                address = f"proactive/{b.key}.{r.key}/{c.key}"
                td = cell(address, texts[address])
                if last and width - len(b.columns) > 1:
                    td = td.replace("<td", f'<td colspan="{width - len(b.columns)}"', 1)
                cells.append(td)
            rows.append("".join(cells))
    return rows


def _applications(report: Report, cell: CellRenderer, texts: Mapping[str, str]) -> list[str]:
    labels = {c.key: c.label for c in APPLICATIONS_COLUMNS}
    rows = [
        _td(APPLICATIONS_HEADER["note"], rowspan=3, colspan=3, th=True)
        + _td(APPLICATIONS_HEADER["applicants"], colspan=7, th=True),
        _td(labels["natural_person"], rowspan=2, th=True)
        + _td(APPLICATIONS_HEADER["organisations"], colspan=5, th=True)
        + _td(labels["total"], rowspan=2, th=True),
        "".join(_td(labels[k], th=True) for k in APPLICATIONS_ORG_COLUMNS),
    ]
    data = [lr for lr in report.spec.applications_layout if lr.key is not None]
    count: dict[str, int] = {}
    for lr in data:
        for p in lr.parents:
            count[p] = count.get(p, 0) + 1
    opened: set[str] = set()
    for lr in data:
        cells = []
        for p in lr.parents:
            if p not in opened:
                opened.add(p)
                cells.append(_td(p, rowspan=count[p]))
        cells.append(_td(lr.label, colspan=3 - len(lr.parents)))
        for c in APPLICATIONS_COLUMNS:
            address = f"applications/{lr.key}/{c.key}"
            cells.append(cell(address, texts[address]))
        rows.append("".join(cells))
    return rows


def _appeals(report: Report, cell: CellRenderer, texts: Mapping[str, str]) -> list[str]:
    review, *suits = APPEALS_GROUPS
    return [
        _td(review.label, colspan=5, th=True) + _td(APPEALS_SUIT_LABEL, colspan=10, th=True),
        "".join(_td(c.label, rowspan=2, th=True) for c in APPEALS_COLUMNS)
        + "".join(_td(g.label, colspan=5, th=True) for g in suits),
        "".join(_td(c.label, th=True) for _ in suits for c in APPEALS_COLUMNS),
        "".join(
            cell(f"appeals/{g.key}/{c.key}", texts[f"appeals/{g.key}/{c.key}"])
            for g in APPEALS_GROUPS
            for c in APPEALS_COLUMNS
        ),
    ]


_TABLES = {"proactive": _proactive, "applications": _applications, "appeals": _appeals}


def table_rows(report: Report, table: str, cell: CellRenderer = _plain) -> list[str]:
    """The rows (the inside of each ``<tr>``) of one table (``proactive``, ``applications`` or
    ``appeals``) in the official layout, merged cells as rowspan/colspan. ``cell`` renders each data
    cell from its address and printed text (default: a plain ``<td>``), so a page can mark cells."""
    return _TABLES[table](report, cell, _texts(report))


def table_html(report: Report, table: str) -> str:
    """One table of the report as a whole ``<table>`` with the official merged cells (for HTML
    inside Markdown, :func:`gov_disclosure.markdown.write_markdown`)."""
    rows = "\n".join(f"<tr>{row}</tr>" for row in table_rows(report, table))
    return f'<table border="1">\n{rows}\n</table>'


def write_html(report: Report) -> str:
    """The report as a standalone web page (UTF-8): title, the six sections with their headings,
    the three tables with the official merged cells, and the signature. Labels come from the
    vocabulary; cell texts follow the raw convention, so :func:`read_html` reads it back to the
    same report."""
    title = report_title(report.agency or "", report.year) if report.year is not None else ""
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{escape(title)}</title>",
        "<style>table{border-collapse:collapse}td,th{border:1px solid #000;padding:2px 6px;"
        "text-align:center}</style>",
        "</head>",
        "<body>",
        '<div class="report">',
    ]
    if title:
        out.append(f"<h1>{escape(title)}</h1>")
    for sec in SECTIONS:
        out.append(f"<h2>{escape(sec.heading)}</h2>")
        text = getattr(report.sections, sec.key)
        out.extend(f"<p>{escape(p)}</p>" for p in text.split("\n") if p)
        if sec.key in _TABLES:
            out.append(table_html(report, sec.key))
    if report.agency:
        out.append(f'<p class="signature">{escape(report.agency)}</p>')
    if report.published_on is not None:
        out.append(f'<p class="date">{escape(format_date(report.published_on))}</p>')
    out += ["</div>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
