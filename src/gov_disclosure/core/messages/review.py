"""The review cycle: hand corrections, decisions, the review workbook, the review page, annotated
files and the indicators."""

from __future__ import annotations

from typing import Final

from . import Message

# -- hand corrections (GD901, GD902) ------------------------------------------------------------

FIX_APPLIED: Final = Message(
    "{label} = {value}, entered by hand ({was}){note}", "{label}＝{value}，人工更正（{was}）{note}"
)
FIX_WAS: Final = Message("the file had {text!r}", "原文件为“{text}”")
FIX_WAS_NOTHING: Final = Message("the file had no value", "原文件未读到数值")
FIX_NOTE: Final = Message("; note: {note}", "；备注：{note}")
FIX_NO_CELL: Final = Message(
    "{address} is no cell of the {format} format", "{address}不是{format}年版格式中的单元格"
)
FIX_NOT_A_VALUE: Final = Message(
    "{label}: {text!r} is not a value this cell can hold", "{label}：“{text}”不是该单元格可填的值"
)
FIX_TWICE: Final = Message(
    "{label} is corrected twice; the first correction ({text!r}) is kept",
    "{label}有两条人工更正，保留第一条（“{text}”）",
)
FIX_UNUSED: Final = Message(
    "hand correction not used: no report checked is {target} ({origin})",
    "人工更正未使用：所检查的报告中没有{target}（{origin}）",
)
FIXES_BAD_HEADER: Final = Message(
    "{path}: a fixes file needs the columns {columns} (and file, or agency and year)",
    "{path}：人工更正文件须有{columns}列（以及文件列，或机关和年度列）",
)
FIXES_BAD_ROW: Final = Message(
    "{where}: this row cannot be used: {problem}", "{where}：此行无法使用：{problem}"
)
FIXES_NO_TARGET: Final = Message("neither a file nor an agency and a year", "既没有文件，也没有机关和年度")
FIXES_NO_ADDRESS: Final = Message("no cell address", "没有单元格地址")
FIXES_BAD_YEAR: Final = Message("the year {year!r} is not a year", "年度“{year}”不是年份")
FIXES_AMBIGUOUS_NAME: Final = Message(
    "the file name {name!r} names several files checked; give its path",
    "文件名“{name}”对应多个被检查的文件，请写出路径",
)

# -- decisions -----------------------------------------------------------------------------------

DECISION_PENDING: Final = Message("to be checked", "待核实")
DECISION_CONFIRMED: Final = Message("confirmed", "已确认")
DECISION_DISMISSED: Final = Message("dismissed", "不予采纳")
DECISIONS_BAD_FILE: Final = Message(
    "{path}: not a decisions file: no column {id_column} and {decision_column} (a review workbook's "
    "sheet {sheet}, or a CSV with those columns)",
    "{path}：不是处理意见文件：没有“{id_column}”和“{decision_column}”列（应为审核工作簿的“{sheet}”表，"
    "或含这两列的CSV文件）",
)
DECISIONS_BAD_VALUE: Final = Message(
    "{where}: {value!r} is no decision (one of: {choices})",
    "{where}：“{value}”不是处理意见（应为：{choices}）",
)
DECISIONS_CONFLICT: Final = Message(
    "{where}: finding {id} is decided twice, differently ({first} and {second}); the first is kept",
    "{where}：问题{id}有两条不同的处理意见（{first}和{second}），保留第一条",
)
DECISION_STALE: Final = Message(
    "decision on {id} ({decision}) is stale: that finding no longer occurs",
    "处理意见已过时：问题{id}（{decision}）不再出现",
)
DISMISSED_LINE: Final = Message(
    "dismissed {id}: {file} {code} {location}{note}", "不予采纳 {id}：{file} {code} {location}{note}"
)
CONFIRMED_LINE: Final = Message(
    "confirmed {id}: {file} {code} {location}{note}", "已确认 {id}：{file} {code} {location}{note}"
)
DECISIONS_SUMMARY: Final = Message(
    "decisions: {confirmed} confirmed, {dismissed} dismissed (not counted), {pending} to be checked, "
    "{stale} stale",
    "处理意见：已确认{confirmed}条，不予采纳{dismissed}条（不计入结果），待核实{pending}条，已过时{stale}条",
)
REVIEW_ROW: Final = Message("{path}, row {row}", "{path}第{row}行")


# -- verdicts and severities ----------------------------------------------------------------------

VERDICT_PASS: Final = Message("passed", "通过")
VERDICT_FAIL: Final = Message("errors", "有错误")
VERDICT_UNREADABLE: Final = Message("unreadable", "无法读取")
SEVERITY_ERROR: Final = Message("error", "错误")
SEVERITY_WARNING: Final = Message("warning", "警告")
SEVERITY_INFO: Final = Message("information", "提示")

# -- the review workbook --------------------------------------------------------------------------

SHEET_OVERVIEW: Final = Message("Overview", "总览")
SHEET_FINDINGS: Final = Message("Findings", "问题清单")
SHEET_BY_RULE: Final = Message("By rule", "按规则统计")
SHEET_PAIRS: Final = Message("Year pairs", "跨年度")
COL_FILE: Final = Message("File", "文件")
COL_AGENCY: Final = Message("Agency", "机关")
COL_YEAR: Final = Message("Year", "年度")
COL_FORMAT: Final = Message("Format", "格式版本")
COL_READ: Final = Message("Cells read", "已读取单元格")
COL_DECLINED: Final = Message("Cells not read", "未能读取单元格")
COL_ERRORS: Final = Message("Errors", "错误")
COL_WARNINGS: Final = Message("Warnings", "警告")
COL_VERDICT: Final = Message("Verdict", "结论")
COL_LINK: Final = Message("Findings", "问题")
COL_LINK_TEXT: Final = Message("{n} findings →", "{n}条问题 →")
COL_NO_FINDINGS: Final = Message("none", "无")
COL_CODE: Final = Message("Rule", "规则")
COL_TITLE: Final = Message("Title", "规则名称")
COL_SEVERITY: Final = Message("Severity", "严重程度")
COL_LOCATION: Final = Message("Location", "位置")
COL_MESSAGE: Final = Message("Message", "问题说明")
COL_EXPECTED: Final = Message("Expected", "应为")
COL_FOUND: Final = Message("Found", "实为")
COL_ID: Final = Message("Finding ID", "问题编号")
COL_DECISION: Final = Message("Decision", "处理意见")
COL_NOTE: Final = Message("Note", "备注")
COL_COUNT: Final = Message("Findings", "问题数")
COL_FILES_AFFECTED: Final = Message("Reports", "涉及报告数")
COL_LAST_FILE: Final = Message("Last year's file", "上年度文件")
COL_THIS_FILE: Final = Message("This year's file", "本年度文件")
COL_ERROR: Final = Message("Could not be read", "无法读取原因")
COL_CELL: Final = Message("Cell", "单元格")
COL_NUMBER: Final = Message("No.", "序号")
COL_SOURCE: Final = Message("Read from", "来源")
DECISION_STALE_SHEET: Final = Message("Stale decisions", "过时处理意见")
DECISION_PROMPT: Final = Message("Choose a decision", "请选择处理意见")
DECISION_ERROR: Final = Message("Choose one of the list: {choices}", "请从下拉列表中选择：{choices}")
PAIR_NOT_CHECKED: Final = Message("not checked: {error}", "未能比对：{error}")
PAIR_NO_FINDINGS: Final = Message("no findings", "无问题")

# -- annotated files -------------------------------------------------------------------------------

ANNOTATION_AUTHOR: Final = Message("gov-disclosure check", "gov-disclosure 校验")
ANNOTATION_HEAD: Final = Message("{code} ({severity}) at {location}", "{code}（{severity}）位置：{location}")
ANNOTATION_EXPECTED: Final = Message("expected {expected}, found {found}", "应为{expected}，实为{found}")
ANNOTATION_ID: Final = Message("finding {id}", "问题编号 {id}")
ANNOTATION_NOT_READ: Final = Message(
    "this cell could not be read from the file: {reason}", "该单元格未能从原文件中读取：{reason}"
)
ANNOTATION_ELSEWHERE: Final = Message(
    "{n} findings without a place in this document:", "以下{n}条问题在本文档中无法定位："
)
ANNOTATION_RENDERED: Final = Message(
    "This document was rendered by gov-disclosure from {file} (what was read from it); comments mark "
    "the findings, grey cells could not be read from the file.",
    "本文档由 gov-disclosure 根据{file}的读取结果生成；批注标出发现的问题，灰色单元格未能从原文件中读取。",
)
SHEET_RESULTS: Final = Message("Check results", "校验结果")
RESULTS_HEAD: Final = Message(
    "{n} findings ({errors} errors, {warnings} warnings) in {file}",
    "{file}：共{n}条问题（错误{errors}条，警告{warnings}条）",
)
RESULTS_NONE: Final = Message("No findings in {file}.", "{file}：未发现问题。")
ANNOTATE_SAME_FILE: Final = Message(
    "the output {output} is the input file; the input is never modified: choose another name",
    "输出文件{output}就是输入文件；输入文件不会被修改，请另选文件名",
)
ANNOTATE_SUFFIX: Final = Message(
    "a {kind} report is annotated as {want}, not {suffix}", "{kind}报告的批注版应为 {want} 文件，而不是 {suffix}"
)
ANNOTATE_NOT_TEMPLATE: Final = Message(
    "only gov-disclosure's .xlsx template can be annotated as a workbook: {reason}",
    "只有 gov-disclosure 的 .xlsx 填报模板可以批注为工作簿：{reason}",
)
ANNOTATE_DONE: Final = Message(
    "{output}: {n} findings marked ({placed} at their cells, {elsewhere} listed in the document)",
    "{output}：已标注{n}条问题（{placed}条标在对应位置，{elsewhere}条列在文档开头）",
)

# -- the review page --------------------------------------------------------------------------------

PAGE_TITLE: Final = Message("Review of {n} reports", "{n}份年度报告审核结果")
PAGE_GENERATED: Final = Message(
    "Made by gov-disclosure {version}. Click a column header to sort; click a report to see its tables.",
    "由 gov-disclosure {version} 生成。点击表头排序；点击报告查看其表格。",
)
PAGE_OVERVIEW: Final = Message("Overview", "总览")
PAGE_CHARTS: Final = Message("Charts", "图表")
PAGE_REPORTS: Final = Message("Reports", "各报告详情")
PAGE_FILTER: Final = Message("Filter…", "筛选…")
PAGE_ONLY_PROBLEMS: Final = Message("only reports with findings", "只看有问题的报告")
PAGE_NO_FINDINGS: Final = Message("No findings.", "未发现问题。")
PAGE_NOT_PLACED: Final = Message("Findings not tied to a table cell", "不对应表格单元格的问题")
PAGE_LEGEND_NOT_READ: Final = Message("could not be read", "未能读取")
PAGE_SUMMARY: Final = Message(
    "{files} reports: {passed} passed, {failed} with errors, {unreadable} unreadable; {findings} findings",
    "共{files}份报告：通过{passed}份，有错误{failed}份，无法读取{unreadable}份；问题{findings}条",
)
CHART_BY_RULE: Final = Message("Findings per rule", "各规则问题数")
CHART_APPLICATIONS: Final = Message(
    "Applications received and handled per agency (latest year)",
    "各机关政府信息公开申请收到与办理情况（最近年度）",
)
CHART_RECEIVED: Final = Message("received (一、本年新收)", "本年新收")
CHART_HANDLED: Final = Message("handled (（七）总计)", "办理结果总计")
CHART_YEARS: Final = Message(
    "Applications received, last year → this year (paired agencies)",
    "跨年度对比：本年新收申请数（上年→本年）",
)
CHART_LAST_YEAR: Final = Message("last year", "上一年度")
CHART_THIS_YEAR: Final = Message("this year", "本年度")
CHART_TOP: Final = Message("the {shown} largest of {total}", "仅显示最大的{shown}个（共{total}个）")
CHART_EMPTY: Final = Message("no data", "无数据")

# -- indicators --------------------------------------------------------------------------------------

INDICATOR_MISSING: Final = Message("missing", "缺失")

# -- the command line ---------------------------------------------------------------------------------

ANNOTATE_HELP: Final = Message(
    "Return REPORT with its findings marked where they are: a .docx as the same document with a Word "
    "comment and a shading at each offending cell (or at the title, a heading or the date); our .xlsx "
    "template with cell comments, a fill and a 校验结果 sheet; any other file (PDF, HTML, text, JSON) as "
    "our rendered .docx of what was read, with the cells that could not be read in grey. REPORT itself "
    "is never changed.\n\n"
    "Exit code: 0 no errors, 1 errors found (dismissed ones not counted), 2 the file could not be read "
    "or annotated.",
    "把报告中发现的问题标注在原位置后返回：.docx 文件原样返回，只在每个有问题的单元格（或标题、章节标题、"
    "落款日期）加 Word 批注和底纹；本工具的 .xlsx 填报模板加单元格批注、底色和“校验结果”表；其他文件"
    "（PDF、HTML、文本、JSON）生成本工具排版的 .docx，未能读取的单元格标为灰色。不会修改原报告文件。\n\n"
    "退出码：0 无错误，1 有错误（不予采纳的不计），2 文件无法读取或无法标注。",
)
ANNOTATE_OUTPUT_HELP: Final = Message(
    "The annotated file to write: .docx (for a .docx or any non-workbook report) or .xlsx (for our "
    "template); never the report itself.",
    "要写入的标注文件：.docx（原报告为 .docx 或其他非工作簿文件时）或 .xlsx（原报告为本工具的模板时）；"
    "不能是原报告本身。",
)
REVIEW_OPTION_HELP: Final = Message(
    "Write the review workbook here (.xlsx): 总览, 问题清单 with a 处理意见 column for the reviewer, "
    "按规则统计, 跨年度.",
    "将审核工作簿写入这个文件（.xlsx）：总览、问题清单（含供审核人填写的“处理意见”列）、按规则统计、跨年度。",
)
HTML_OPTION_HELP: Final = Message(
    "Write the review page here (.html): one self-contained file (no network) with a sortable "
    "overview, charts, and each report's tables with the offending cells marked.",
    "将审核网页写入这个文件（.html）：单个自包含文件（无需联网），含可排序的总览、图表，以及标出问题单元格的"
    "各报告表格。",
)
DECISIONS_OPTION_HELP: Final = Message(
    "The reviewer's decisions: a review workbook (its 处理意见 column) or a CSV (id, decision, note). "
    "Dismissed findings (不予采纳) are listed as such and do not count toward the exit code; confirmed "
    "ones are marked; decisions whose finding no longer occurs are reported as stale.",
    "审核人的处理意见：审核工作簿（其“处理意见”列）或 CSV 文件（问题编号、处理意见、备注）。不予采纳的问题"
    "单独列出且不计入退出码；已确认的问题予以标注；所对应问题已不再出现的处理意见报告为已过时。",
)
FIXES_OPTION_HELP: Final = Message(
    "Hand corrections (CSV: file or agency and year, cell, value, note) for cells a reader could not read "
    "or a report misprinted; each is checked, and shown as corrected by hand (GD901) with its note.",
    "人工更正（CSV 文件：文件或机关和年度、单元格、数值、备注），用于未能读取或报告印错的单元格；"
    "按更正后的数值检查，并标为人工更正（GD901）及其备注。",
)
INDICATORS_OPTION_HELP: Final = Message(
    "Export the indicators of every report (公开率, 不予公开率, 无法提供率, 复议纠错率, 诉讼纠错率, 结转率) "
    "as one record per report, with each ratio's numerator and denominator.",
    "导出每份报告的指标（公开率、不予公开率、无法提供率、复议纠错率、诉讼纠错率、结转率），每份报告一条记录，"
    "含各比率的分子和分母。",
)
EXPORT_WHAT: Final = Message(
    "say what to export: --cells or --indicators", "请指定导出内容：--cells 或 --indicators"
)
EXPORT_ONE_KIND: Final = Message(
    "export either --cells or --indicators, not both at once", "--cells 与 --indicators 只能选一个"
)
INDICATORS_NO_PARQUET: Final = Message(
    "indicators are exported as .csv or .jsonl", "指标只能导出为 .csv 或 .jsonl"
)
WROTE_REVIEW: Final = Message("review workbook written: {path}", "已写入审核工作簿：{path}")
WROTE_PAGE: Final = Message("review page written: {path} ({size} KB)", "已写入审核网页：{path}（约{size}千字节）")
WROTE_INDICATORS: Final = Message("{n} reports' indicators written: {path}", "已写入{n}份报告的指标：{path}")
FIXES_PROBLEM: Final = Message("hand corrections: {problem}", "人工更正：{problem}")
DECISIONS_PROBLEM: Final = Message("decisions: {problem}", "处理意见：{problem}")
SCOPE_REVIEW: Final = Message("review", "审核")


ANNOTATE_SHORT: Final = Message("Mark the findings in a copy of the report.", "在报告副本中标注问题（Word 批注、单元格批注）。")
