"""The review page: one self-contained HTML file to look at a run's results (no network, no font or
script from elsewhere: inline CSS, a little inline JavaScript and inline SVG; it works from a USB stick
and prints).

- an overview table, sortable by any column and filterable, one row per file: agency, year, format,
  cells read and not read, errors, warnings, the verdict and the indicators;
- charts: findings per rule; applications received and handled per agency (its latest year); last
  year → this year for the agencies whose consecutive years were paired;
- per report (folded, opened from the overview), its three tables in the official layout (the HTML
  writer's own layout) with each offending cell coloured and numbered, and its findings beside the
  tables: the number, rule, location, message, expected and found, the finding id, the reviewer's
  decision.

Layer: review. Imports the core, the html format package (the table layout) and :mod:`.results`.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Collection, Mapping
from functools import lru_cache
from html import escape
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import IO, Final

from ..core.codes import CODES
from ..core.files import atomic_write
from ..core.findings import Finding, Severity, agency_key
from ..core.indicators import INDICATORS
from ..core.messages import Lang
from ..core.messages import review as m
from ..core.model import Report
from ..core.vocabulary import SECTIONS, TABLE_NUMBERS, TABLE_TITLES
from ..html import table_rows
from .charts import bars, dumbbells, paired_bars
from .decisions import Decision
from .results import VERDICT_MESSAGES, Review, ReviewedFile, ReviewedFinding, location_text, severity_label

__all__ = ["page_html", "write_page"]

#: at most this many agencies in a chart of agencies (the largest)
CHART_ROWS: Final = 25
_SEVERITY_CLASS: Final = {Severity.ERROR: "e", Severity.WARNING: "w", Severity.INFO: "i"}
_SEVERITY_COLOUR: Final = {Severity.ERROR: "#c00000", Severity.WARNING: "#d08c00", Severity.INFO: "#2f75b5"}
_TABLES: Final = ("proactive", "applications", "appeals")

_CSS: Final = """
:root{--e:#ffc7ce;--e2:#9c0006;--w:#ffeb9c;--w2:#7f5f00;--i:#ddebf7;--i2:#1f4e79;--x:#d9d9d9;--ok:#c6efce;--ok2:#006100}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 "Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",
"Hiragino Sans GB","WenQuanYi Micro Hei",sans-serif;color:#222;background:#f4f5f7}
header{background:#1f3864;color:#fff;padding:14px 24px}
header h1{margin:0 0 4px;font-size:22px}header p{margin:2px 0;opacity:.9}
nav{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid #ccd;padding:6px 24px}
nav a{margin-right:18px;color:#1f3864;font-weight:bold;text-decoration:none}
main{padding:8px 24px 40px}section{margin-top:18px}
h2{font-size:18px;border-left:5px solid #1f3864;padding-left:8px}
.tools{margin:6px 0}.tools input[type=search]{padding:4px 8px;width:260px;border:1px solid #aab;border-radius:4px}
.tools label{margin-left:14px}
table.ov{border-collapse:collapse;background:#fff;width:100%;font-size:13px}
table.ov th,table.ov td{border:1px solid #d0d4dc;padding:3px 6px;text-align:left;white-space:nowrap}
table.ov th{background:#dde6f3;cursor:pointer;user-select:none;position:sticky;top:34px}
table.ov th.asc:after{content:" ▲"}table.ov th.desc:after{content:" ▼"}
table.ov td.n{text-align:right;font-variant-numeric:tabular-nums}
table.ov td.file{max-width:320px;overflow:hidden;text-overflow:ellipsis}
.v-pass .verdict{background:var(--ok);color:var(--ok2)}.v-fail .verdict{background:var(--e);color:var(--e2)}
.v-unreadable .verdict{background:var(--x)}
.charts{display:flex;flex-wrap:wrap;gap:16px}
figure{margin:0;background:#fff;border:1px solid #d0d4dc;padding:8px 10px;max-width:100%;overflow-x:auto}
figcaption{font-weight:bold;margin-bottom:4px}
svg.chart text{font-size:12px;fill:#222}svg.chart .num{fill:#444}svg.chart .muted{fill:#888}
details.report{background:#fff;border:1px solid #d0d4dc;margin:6px 0}
details.report>summary{padding:6px 10px;cursor:pointer;font-weight:bold}
details.report>summary .badge{font-weight:normal;margin-left:10px;padding:0 6px;border-radius:3px}
.body{display:flex;gap:18px;padding:4px 12px 12px;align-items:flex-start}
.tables{flex:0 1 auto;min-width:0;overflow-x:auto}
aside{flex:1 1 360px;min-width:300px;max-width:560px}
h3{font-size:14px;margin:12px 0 4px}
table.gd{border-collapse:collapse;font-size:12px;background:#fff}
table.gd td,table.gd th{border:1px solid #555;padding:1px 5px;text-align:center;min-width:2.2em}
table.gd th{background:#f2f2f2;font-weight:normal}
td.e{background:var(--e);outline:2px solid var(--e2);outline-offset:-2px}
td.w{background:var(--w);outline:2px solid var(--w2);outline-offset:-2px}
td.i{background:var(--i)}td.x{background:var(--x);background-image:repeating-linear-gradient(45deg,transparent 0 4px,#fff8 4px 8px)}
td a.m,li .k{display:inline-block;font-size:10px;line-height:14px;min-width:14px;border-radius:7px;background:#333;
color:#fff;text-decoration:none;margin-left:3px;vertical-align:super;padding:0 3px}
ol.f{list-style:none;padding:0;margin:0}
ol.f li{border-left:4px solid #888;background:#fafbfc;margin:4px 0;padding:4px 8px}
ol.f li.e{border-color:var(--e2)}ol.f li.w{border-color:#d08c00}ol.f li.i{border-color:#2f75b5}
ol.f li.dismissed{opacity:.55;text-decoration:line-through}
ol.f li:target{box-shadow:0 0 0 2px #1f3864}
.loc{color:#555}.id{font-family:monospace;font-size:11px;color:#666}.dec{font-weight:bold;color:#1f3864}
.error{color:var(--e2)}.muted{color:#777}.legend span{padding:0 6px;margin-right:6px}
@media print{nav,.tools{display:none}details.report{break-inside:avoid}}
"""

_JS: Final = """
(function(){
var t=document.getElementById('ov');if(!t)return;var tb=t.tBodies[0];
function key(td,num){var v=td.getAttribute('data-v');if(v===null)v=td.textContent;
 if(num){var x=parseFloat(v);return isNaN(x)?-Infinity:x}return v}
Array.prototype.forEach.call(t.tHead.rows[0].cells,function(th,i){th.addEventListener('click',function(){
 var num=th.getAttribute('data-type')==='num',asc=!th.classList.contains('asc');
 Array.prototype.forEach.call(th.parentNode.cells,function(c){c.classList.remove('asc','desc')});
 th.classList.add(asc?'asc':'desc');
 var rows=Array.prototype.slice.call(tb.rows);
 rows.sort(function(a,b){var x=key(a.cells[i],num),y=key(b.cells[i],num);
  var r=num?x-y:String(x).localeCompare(String(y),'zh-CN');return asc?r:-r});
 rows.forEach(function(r){tb.appendChild(r)})})});
var f=document.getElementById('filter'),o=document.getElementById('only');
function apply(){var q=(f.value||'').toLowerCase();Array.prototype.forEach.call(tb.rows,function(r){
 var show=(!q||r.textContent.toLowerCase().indexOf(q)>=0)&&(!o.checked||r.getAttribute('data-p')==='1');
 r.style.display=show?'':'none'})}
f.addEventListener('input',apply);o.addEventListener('change',apply);
function opened(){var h=decodeURIComponent(location.hash.slice(1));if(!h)return;var e=document.getElementById(h);
 while(e&&e.tagName!=='DETAILS')e=e.parentElement;if(e){e.open=true;var g=document.getElementById(h);
 if(g)g.scrollIntoView()}}
window.addEventListener('hashchange',opened);opened();
})();
"""


def _attached(f: Finding, addresses: Mapping[str, object]) -> str | None:
    """The table cell a finding is shown at: its location, else the first cell it names."""
    if f.location is not None and f.location in addresses:
        return f.location
    return next((c.address for c in f.cells if c.address in addresses), None)


def _percent(v: object) -> str:
    return "" if v is None else f"{v}%"


def _overview(review: Review, lang: Lang, anchors: Mapping[str, str]) -> list[str]:
    heads: list[tuple[str, str]] = [
        (m.COL_FILE(lang), "text"),
        (m.COL_AGENCY(lang), "text"),
        (m.COL_YEAR(lang), "num"),
        (m.COL_FORMAT(lang), "text"),
        (m.COL_READ(lang), "num"),
        (m.COL_DECLINED(lang), "num"),
        (m.COL_ERRORS(lang), "num"),
        (m.COL_WARNINGS(lang), "num"),
        (m.COL_VERDICT(lang), "text"),
        *((i.label if lang == "zh" else i.label_en, "num") for i in INDICATORS),
    ]
    out = [
        '<div class="tools">',
        f'<input type="search" id="filter" placeholder="{escape(m.PAGE_FILTER(lang))}">',
        f'<label><input type="checkbox" id="only"> {escape(m.PAGE_ONLY_PROBLEMS(lang))}</label>',
        "</div>",
        '<table class="ov" id="ov"><thead><tr>',
        "".join(f'<th data-type="{t}">{escape(h)}</th>' for h, t in heads),
        "</tr></thead><tbody>",
    ]
    missing = escape(m.INDICATOR_MISSING(lang))
    for f in review.files:
        problems = "1" if f.verdict != "pass" or any(not rf.dismissed for rf in f.all_findings) else "0"
        cells = [
            f'<td class="file" title="{escape(f.path)}" data-v="{escape(f.path)}">'
            f'<a href="#{anchors[f.path]}">{escape(Path(f.path).name)}</a></td>',
            f"<td>{escape(f.agency or '')}</td>",
            f'<td class="n">{f.year or ""}</td>',
            f"<td>{escape(f.format or '')}</td>",
            f'<td class="n">{"" if f.quality is None else f.quality.placed}</td>',
            f'<td class="n">{"" if f.quality is None else f.quality.declined}</td>',
            f'<td class="n">{f.count(Severity.ERROR) if f.readable else ""}</td>',
            f'<td class="n">{f.count(Severity.WARNING) if f.readable else ""}</td>',
            f'<td class="verdict">{escape(VERDICT_MESSAGES[f.verdict](lang))}</td>',
        ]
        for v in f.indicators:
            if v.value is None:
                cells.append(f'<td class="n muted" data-v="" title="{missing}">—</td>')
            else:
                cells.append(f'<td class="n" data-v="{float(v.value):.9f}">{_percent(v.percent())}</td>')
        cells += ['<td class="n"></td>'] * (len(INDICATORS) - len(f.indicators))
        out.append(f'<tr class="v-{f.verdict}" data-p="{problems}">{"".join(cells)}</tr>')
    out.append("</tbody></table>")
    return out


def _charts(review: Review, lang: Lang) -> list[str]:
    codes: Counter[str] = Counter(rf.finding.code for _, rf in review.findings() if not rf.dismissed)
    rule_items = [
        (
            f"{code} {CODES[code].title_zh if lang == 'zh' else CODES[code].title}"
            if code in CODES
            else code,
            n,
            _SEVERITY_COLOUR[CODES[code].severity] if code in CODES else "#888",
        )
        for code, n in sorted(codes.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    latest: dict[str, ReviewedFile] = {}
    for f in review.files:
        key = agency_key(f.agency)
        if f.report is None or key is None or f.year is None:
            continue
        if key not in latest or (latest[key].year or 0) < f.year:
            latest[key] = f
    apps: list[tuple[str, int | None, int | None]] = []
    for f in latest.values():
        assert f.report is not None
        new, total = f.report.cell("applications/new/total"), f.report.cell("applications/total/total")
        apps.append(
            (
                f"{f.agency} {f.year}",
                new if isinstance(new, int) else None,
                total if isinstance(total, int) else None,
            )
        )
    apps.sort(key=lambda t: -max(t[1] or 0, t[2] or 0))
    by_path = {f.path: f for f in review.files}
    years: list[tuple[str, int, int]] = []
    for p in review.pairs:
        a, b = by_path.get(p.last), by_path.get(p.this)
        if a is None or b is None or a.report is None or b.report is None:
            continue
        last, this = a.report.cell("applications/new/total"), b.report.cell("applications/new/total")
        if isinstance(last, int) and isinstance(this, int):
            years.append((f"{p.agency} {a.year}→{b.year}", last, this))
    years.sort(key=lambda t: -max(t[1], t[2]))
    empty = m.CHART_EMPTY(lang)

    def note(shown: int, total: int) -> str:
        return (
            f' <span class="muted">({escape(m.CHART_TOP(lang, shown=shown, total=total))})</span>'
            if total > shown
            else ""
        )

    return [
        '<div class="charts">',
        f"<figure><figcaption>{escape(m.CHART_BY_RULE(lang))}</figcaption>",
        bars(rule_items, m.CHART_BY_RULE(lang), empty=empty),
        "</figure>",
        f"<figure><figcaption>{escape(m.CHART_APPLICATIONS(lang))}{note(CHART_ROWS, len(apps))}</figcaption>",
        paired_bars(
            apps[:CHART_ROWS],
            m.CHART_APPLICATIONS(lang),
            (m.CHART_RECEIVED(lang), m.CHART_HANDLED(lang)),
            empty=empty,
        ),
        "</figure>",
        f"<figure><figcaption>{escape(m.CHART_YEARS(lang))}{note(CHART_ROWS, len(years))}</figcaption>",
        dumbbells(
            years[:CHART_ROWS],
            m.CHART_YEARS(lang),
            (m.CHART_LAST_YEAR(lang), m.CHART_THIS_YEAR(lang)),
            empty=empty,
        ),
        "</figure>",
        "</div>",
    ]


def _finding_item(rf: ReviewedFinding, n: int, fid: str, format: str | None, lang: Lang) -> str:
    f = rf.finding
    classes = _SEVERITY_CLASS[f.severity] + (" dismissed" if rf.dismissed else "")
    parts = [
        f'<li id="{fid}" class="{classes}"><span class="k">{n}</span> <b>{escape(f.code)}</b> ',
        f"{escape(severity_label(f.severity, lang))} ",
        f'<span class="loc">{escape(location_text(f, format, lang))}</span><br>',
        escape(f.message_zh if lang == "zh" else f.message),
    ]
    if f.expected is not None and f.found is not None:
        parts.append("<br>" + escape(m.ANNOTATION_EXPECTED(lang, expected=f.expected, found=f.found)))
    if rf.decision is not Decision.PENDING:
        note = f"：{rf.note}" if rf.note and lang == "zh" else f": {rf.note}" if rf.note else ""
        parts.append(f'<br><span class="dec">{escape(rf.decision.label(lang) + note)}</span>')
    parts.append(f'<br><span class="id">{escape(rf.id)}</span></li>')
    return "".join(parts)


def _report_section(f: ReviewedFile, anchor: str, lang: Lang, opened: bool) -> list[str]:
    n_err, n_warn = f.count(Severity.ERROR), f.count(Severity.WARNING)
    title = f"{f.agency or '?'} {f.year or '?'}"
    badge = escape(VERDICT_MESSAGES[f.verdict](lang))
    counts = "" if not f.readable else f" · {m.COL_ERRORS(lang)} {n_err} · {m.COL_WARNINGS(lang)} {n_warn}"
    out = [
        f'<details class="report v-{f.verdict}" id="{anchor}"{" open" if opened else ""}><summary>{escape(title)}'
        f'<span class="badge verdict">{badge}</span>'
        f'<span class="muted"> {escape(f.path)}{escape(counts)}</span></summary>'
    ]
    if f.error is not None:
        out.append(f'<div class="body"><p class="error">{escape(f.error_text(lang))}</p></div></details>')
        return out
    findings = f.all_findings
    report: Report | None = f.report
    marks: dict[str, list[tuple[int, ReviewedFinding]]] = {}
    loose: list[tuple[int, ReviewedFinding]] = []
    cells = report.cell_map() if report is not None else {}
    for n, rf in enumerate(findings, start=1):
        where = _attached(rf.finding, cells)
        if where is None:
            loose.append((n, rf))
        else:
            marks.setdefault(where, []).append((n, rf))
    declined = set(f.quality.declined_cells) if f.quality is not None else set()
    out.append('<div class="body"><div class="tables">')
    if report is not None:

        def cell(address: str, text: str) -> str:
            here = [(n, rf) for n, rf in marks.get(address, ()) if not rf.dismissed]
            if not here and address not in declined:
                return _plain_td(text)
            worst = min((rf.finding.severity for _, rf in here), key=_rank, default=None)
            klass = "x" if address in declined else _SEVERITY_CLASS[worst] if worst else ""
            tip = " | ".join(
                f"{rf.finding.code} {rf.finding.message_zh if lang == 'zh' else rf.finding.message}"
                for _, rf in here
            )
            links = "".join(f'<a class="m" href="#{anchor}-f{n}">{n}</a>' for n, _ in here)
            return f'<td class="{klass}" data-a="{escape(address)}" title="{escape(tip)}">{escape(text)}{links}</td>'

        for table in _TABLES:
            number = TABLE_NUMBERS[table][0 if lang == "zh" else 1]
            heading = next(s.heading for s in SECTIONS if s.key == table)
            out.append(
                f"<h3>{escape(number)} {escape(TABLE_TITLES[table] if lang == 'zh' else heading)}</h3>"
            )
            out.append('<table class="gd">')
            out.extend(f"<tr>{row}</tr>" for row in table_rows(report, table, cell))
            out.append("</table>")
    out.append("</div><aside>")
    if not findings:
        out.append(f'<p class="muted">{escape(m.PAGE_NO_FINDINGS(lang))}</p>')
    placed = [(n, rf) for n, rf in enumerate(findings, start=1) if (n, rf) not in loose]
    if placed:
        out.append('<ol class="f">')
        out.extend(_finding_item(rf, n, f"{anchor}-f{n}", f.format, lang) for n, rf in placed)
        out.append("</ol>")
    if loose:
        out.append(f'<h3>{escape(m.PAGE_NOT_PLACED(lang))}</h3><ol class="f">')
        out.extend(_finding_item(rf, n, f"{anchor}-f{n}", f.format, lang) for n, rf in loose)
        out.append("</ol>")
    out.append("</aside></div></details>")
    return out


@lru_cache(maxsize=4096)
def _plain_td(text: str) -> str:
    return f"<td>{escape(text)}</td>"


def _rank(s: Severity) -> int:
    return {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}[s]


def _version() -> str:
    try:
        return version("gov-disclosure")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0.0.0"


def page_html(review: Review, *, lang: Lang = "zh", open_reports: Collection[str] | None = None) -> str:
    """The review page of a :class:`Review` (made with ``keep_reports=True`` for the tables).
    ``open_reports``: the paths of the reports shown unfolded (default: the report of a review of
    one file; otherwise all are folded and opened from the overview)."""
    if open_reports is None:
        open_reports = {f.path for f in review.files} if len(review.files) == 1 else set()
    anchors = {f.path: f"r{i}" for i, f in enumerate(review.files, start=1)}
    passed = sum(1 for f in review.files if f.verdict == "pass")
    failed = sum(1 for f in review.files if f.verdict == "fail")
    unreadable = sum(1 for f in review.files if f.verdict == "unreadable")
    findings = sum(1 for _, rf in review.findings() if not rf.dismissed)
    title = m.PAGE_TITLE(lang, n=len(review.files))
    html_lang = "zh-CN" if lang == "zh" else "en"
    legend = (
        '<p class="legend">'
        f'<span style="background:var(--e)">{escape(m.SEVERITY_ERROR(lang))}</span>'
        f'<span style="background:var(--w)">{escape(m.SEVERITY_WARNING(lang))}</span>'
        f'<span style="background:var(--i)">{escape(m.SEVERITY_INFO(lang))}</span>'
        f'<span style="background:var(--x)">{escape(m.PAGE_LEGEND_NOT_READ(lang))}</span></p>'
    )
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{html_lang}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="gov-disclosure">',
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>",
        f"<header><h1>{escape(title)}</h1>",
        "<p>"
        + escape(
            m.PAGE_SUMMARY(
                lang,
                files=len(review.files),
                passed=passed,
                failed=failed,
                unreadable=unreadable,
                findings=findings,
            )
        )
        + "</p>",
        f"<p>{escape(m.PAGE_GENERATED(lang, version=_version()))}</p></header>",
        f'<nav><a href="#overview">{escape(m.PAGE_OVERVIEW(lang))}</a>'
        f'<a href="#charts">{escape(m.PAGE_CHARTS(lang))}</a>'
        f'<a href="#reports">{escape(m.PAGE_REPORTS(lang))}</a></nav><main>',
        f'<section id="overview"><h2>{escape(m.PAGE_OVERVIEW(lang))}</h2>',
        *_overview(review, lang, anchors),
        "</section>",
        f'<section id="charts"><h2>{escape(m.PAGE_CHARTS(lang))}</h2>',
        *_charts(review, lang),
        "</section>",
        f'<section id="reports"><h2>{escape(m.PAGE_REPORTS(lang))}</h2>',
        legend,
    ]
    for f in review.files:
        out.extend(_report_section(f, anchors[f.path], lang, f.path in open_reports))
    out += ["</section></main>", f"<script>{_JS}</script>", "</body></html>"]
    return "\n".join(out) + "\n"


def write_page(
    review: Review,
    target: str | os.PathLike[str] | IO[str],
    *,
    lang: Lang = "zh",
    open_reports: Collection[str] | None = None,
) -> None:
    """Write the review page (:func:`page_html`) to a path (atomically) or a text file."""
    text = page_html(review, lang=lang, open_reports=open_reports)
    if isinstance(target, (str, os.PathLike)):
        atomic_write(target, text)
    else:
        target.write(text)
