"""The command line: help of every command and option, every line the commands print.

Names: ``<COMMAND>_HELP`` is a command's help, ``<OPTION>_HELP`` an option's, ``METAVAR_*`` the word
that stands for a value in the usage line; the rest are printed lines.
"""

from __future__ import annotations

from typing import Final

from . import Message

# --- usage words ---------------------------------------------------------------------------------
METAVAR_OPTIONS: Final = Message("[OPTIONS]", "[选项]")
METAVAR_COMMAND: Final = Message("COMMAND [ARGS]...", "命令 [参数]...")
METAVAR_PATH: Final = Message("PATH", "路径")
METAVAR_FILE: Final = Message("FILE", "文件")
METAVAR_TEXT: Final = Message("TEXT", "文字")
METAVAR_INTEGER: Final = Message("INTEGER", "整数")
METAVAR_NUMBER: Final = Message("NUMBER", "数值")
METAVAR_SECONDS: Final = Message("SECONDS", "秒数")
METAVAR_FONT: Final = Message("FONT", "字体")
METAVAR_REPORT: Final = Message("REPORT", "报告")
METAVAR_REPORTS: Final = Message("REPORTS", "报告")
METAVAR_PATHS: Final = Message("PATHS", "路径")
METAVAR_LAST: Final = Message("LAST", "上一年度报告")
METAVAR_THIS: Final = Message("THIS", "本年度报告")
METAVAR_UNITS: Final = Message("UNITS", "下级单位报表")
METAVAR_AGENCY: Final = Message("AGENCY", "机关名称")
METAVAR_CODE: Final = Message("CODE", "规则代码")

# --- shared options ------------------------------------------------------------------------------
MAIN_HELP: Final = Message(
    "Check, read and write government information disclosure annual reports (政府信息公开工作年度报告).",
    "检查、读取和生成政府信息公开工作年度报告。",
)
HELP_HELP: Final = Message("Show this message and exit.", "显示本帮助并退出。")
VERSION_HELP: Final = Message("Show the version and exit.", "显示版本号并退出。")
VERSION: Final = Message("{prog}, version {version}", "{prog} 版本 {version}")
LANG_HELP: Final = Message(
    "Language of the messages and of this help: en or zh [default: the environment variable "
    "GOV_DISCLOSURE_LANG, else the locale (LANG), else en].",
    "提示信息和本帮助的语言：en（英文）或 zh（中文）[默认：环境变量 GOV_DISCLOSURE_LANG，"
    "其次系统区域设置（LANG），否则英文]。",
)
JOBS_HELP: Final = Message(
    "Worker processes [default: all cores; in this process for fewer than 16 files].",
    "并行的工作进程数 [默认：全部处理器核心；少于16个文件时在本进程内处理]。",
)
INTERRUPTED: Final = Message("interrupted (Ctrl-C)", "已中断（Ctrl-C）")
BOM_HELP: Final = Message(
    "Write CSV files as UTF-8 with a BOM, which Excel needs to show Chinese (the default), or as "
    "plain UTF-8 (--no-bom).",
    "CSV 文件写成带 BOM 的 UTF-8（默认，Excel 需要它才能正确显示中文），或写成不带 BOM 的 UTF-8（--no-bom）。",
)
TIMEOUT_HELP: Final = Message(
    "Stop a worker that spends longer than this on one file and report the file as unreadable "
    "[default: no limit]. Runs in worker processes (one with -j 1).",
    "一个文件处理超过这个秒数即停止，并报告该文件无法读取 [默认：不限时]。在工作进程中运行（-j 1 时为一个）。",
)
MISSING_HELP: Final = Message(
    "Whether a missing cell makes a sum not assessable or counts as 0.",
    "缺失的单元格：使相关合计无法核对（not-assessable），或按0计算（zero）。",
)
AGGREGATE_MISSING_HELP: Final = Message(
    "A cell blank in some unit: leave the total missing (not-assessable), or sum the units that "
    "have it (zero).",
    "某些单位空白的单元格：汇总值留空（not-assessable），或只加总填写了的单位（zero）。",
)
OUTPUT_FORMAT_HELP: Final = Message(
    "text for people, json for programs.",
    "text 供人阅读，json 供程序处理。",
)
OUTPUT_DEPRECATED_HELP: Final = Message(
    "Deprecated name of --output-format.",
    "--output-format 的旧名称（已弃用）。",
)
DEPRECATED_OPTION: Final = Message(
    "note: {old} is deprecated and will be removed; use {new}",
    "提示：{old} 已弃用，今后将删除；请改用 {new}",
)
SIMILARITY_HELP: Final = Message(
    "GD704: flag a section when this share of its text repeats last year's (0 to 1).",
    "GD704：某部分文字与上一年度重复的比例达到该值（0至1）即提示。",
)
MIN_CHARS_HELP: Final = Message(
    "GD704: sections shorter than this (characters, normalised) are not compared.",
    "GD704：短于这个字数（规范化后）的部分不作比对。",
)

# --- validate ------------------------------------------------------------------------------------
VALIDATE_HELP: Final = Message(
    "Validate REPORT (.json, .xlsx, .docx, .html, .md, .pdf or .txt; recognised by content).\n\n"
    "Exit code: 0 no errors, 1 errors found, 2 the file could not be read or the previous report "
    "does not fit.",
    "检查一份报告（.json、.xlsx、.docx、.html、.md、.pdf 或 .txt 文件，按内容识别格式）。\n\n"
    "退出码：0 没有错误，1 发现错误，2 文件无法读取或上一年度报告不相符。",
)
PREVIOUS_HELP: Final = Message(
    "Last year's report of the same agency: enables the cross-year rules GD7xx. It must be the year "
    "before and the same agency.",
    "同一机关上一年度的报告：启用跨年度规则 GD7xx。必须是同一机关、上一年度的报告。",
)

# --- read ----------------------------------------------------------------------------------------
READ_HELP: Final = Message(
    "Read FILE (.txt, .md, .html, .pdf, .docx, .xlsx or .json; recognised by content) and print the report "
    "as JSON, or save it with -o. What the reader found goes to stderr (to stdout with -o).\n\n"
    "Exit code: 0 no errors, 1 errors found, 2 the file could not be read.",
    "读取一个文件（.txt、.md、.html、.pdf、.docx、.xlsx 或 .json，按内容识别格式），把报告以 JSON 输出到标准输出，"
    "或用 -o 保存。读取中发现的问题输出到标准错误（使用 -o 时输出到标准输出）。\n\n"
    "退出码：0 没有错误，1 发现错误，2 文件无法读取。",
)
READ_OUTPUT_HELP: Final = Message(
    "Write the report as JSON to this file (.json) instead of stdout.",
    "把报告以 JSON 写入这个文件（.json），不输出到标准输出。",
)

# --- export --------------------------------------------------------------------------------------
EXPORT_HELP: Final = Message(
    "Export the cells of REPORTS (files and folders, recursively) as one long table (CSV, JSON Lines "
    "or Parquet). Every record starts with file, agency, year and format.\n\n"
    "Exit code: 0, or 2 if a file could not be read (the others are still exported) or there was no "
    "report to export.",
    "把报告（文件和文件夹，含子文件夹）的全部单元格导出为一张长表（CSV、JSON Lines 或 Parquet）。"
    "每条记录以文件、机关、年度和格式版本开头。\n\n"
    "退出码：0；有文件无法读取（其余文件照常导出）或没有可导出的报告时为 2。",
)
CELLS_HELP: Final = Message(
    "Export every table cell as one record (FORMAT.md §7).",
    "每个表格单元格导出为一条记录（见 FORMAT.md §7）。",
)
EXPORT_FORMAT_HELP: Final = Message(
    "Output format [default: by the suffix of -o (.csv, .jsonl, .parquet), else csv]. Parquet needs "
    "pyarrow (or polars).",
    "输出格式 [默认：按 -o 文件的后缀（.csv、.jsonl、.parquet），否则 csv]。Parquet 需要安装 pyarrow（或 polars）。",
)
EXPORT_TO_HELP: Final = Message("Deprecated name of --output-format.", "--output-format 的旧名称（已弃用）。")
EXPORT_OUTPUT_HELP: Final = Message(
    "Write to this file (.csv, .jsonl or .parquet) instead of stdout.",
    "写入这个文件（.csv、.jsonl 或 .parquet），不输出到标准输出。",
)
PARQUET_NEEDS_FILE: Final = Message(
    "Parquet output needs a file: -o cells.parquet", "Parquet 格式只能写入文件：-o cells.parquet"
)
NOTHING_TO_EXPORT: Final = Message(
    "nothing to export: no report files in {paths}", "没有可导出的内容：{paths} 中没有报告文件"
)

# --- schema, sample, rules ------------------------------------------------------------------------
SCHEMA_HELP: Final = Message("Print the JSON Schema of the report document.", "输出报告文档的 JSON Schema。")
SAMPLE_HELP: Final = Message(
    "Print a complete, valid sample report as JSON.", "以 JSON 输出一份完整、能通过检查的示例报告。"
)
FORMAT_HELP: Final = Message(
    "Format version: 2019 (trial, reporting years 2019-2020) or 2021.",
    "格式版本：2019（试行，2019—2020年度报告）或 2021。",
)
RULES_HELP: Final = Message(
    "List the rule catalogue; with CODE, what the rule checks, what it reads, a report that breaks it, "
    "how to fix it and the report as it should be.",
    "列出规则目录；指定规则代码时，说明该规则检查什么、读取什么，给出不合格示例、修改方法和合格示例。",
)
SCOPE_CELL: Final = Message("cell", "单元格")
SCOPE_READER: Final = Message("reader", "读取")
SCOPE_TABLE: Final = Message("table", "表格")
SCOPE_REPORT: Final = Message("report", "报告")
SCOPE_CROSS_YEAR: Final = Message("cross-year", "跨年度")
SCOPE_BATCH: Final = Message("batch", "批量")

# --- check ---------------------------------------------------------------------------------------
CHECK_HELP: Final = Message(
    "Check every report in PATHS (files and folders, recursively; .json, .xlsx, .docx, .txt, .md, "
    ".html, .pdf), in parallel, and the reports of one agency in consecutive years against each other.\n\n"
    "Exit code: 2 if any file could not be read (this wins) or there was no file to check, else 1 if "
    "any report has an error, else 0. One bad file never stops the run.",
    "并行检查路径中的每一份报告（文件和文件夹，含子文件夹；.json、.xlsx、.docx、.txt、.md、.html、.pdf），"
    "并把同一机关相邻年度的报告相互比对。\n\n"
    "退出码：有文件无法读取或没有可检查的文件时为 2（优先），否则有报告存在错误时为 1，否则为 0。"
    "一个坏文件不会中断整个检查。",
)
FINDINGS_HELP: Final = Message(
    "Write every finding to this file: .csv or .jsonl (by its suffix); '-' for JSON Lines on stdout.",
    "把全部问题写入这个文件：.csv 或 .jsonl（按后缀）；'-' 表示以 JSON Lines 输出到标准输出。",
)
PAIRS_HELP: Final = Message(
    "Pair reports of one agency in consecutive years and run GD701–GD704 on each pair [default: --pairs].",
    "把同一机关相邻年度的报告配对，对每一对运行 GD701–GD704 [默认：--pairs]。",
)
PROGRESS_HELP: Final = Message(
    "Progress bar on stderr [default: when stderr is a terminal].",
    "在标准错误上显示进度条 [默认：标准错误是终端时显示]。",
)
SUMMARY_HELP: Final = Message(
    "The summary at the end, as a table or as JSON.", "最后的汇总：表格（table）或 JSON（json）。"
)
NOTHING_TO_CHECK: Final = Message(
    "nothing to check: no report files in {paths}", "没有可检查的内容：{paths} 中没有报告文件"
)
STAGE_FILES: Final = Message("reports", "报告")
STAGE_PAIRS: Final = Message("pairs", "跨年度比对")
SUMMARY_TITLE: Final = Message("gov-disclosure check", "gov-disclosure check 检查结果")
COL_COUNT: Final = Message("count", "数量")
COL_RULE: Final = Message("rule", "规则")
ROW_FILES: Final = Message("files checked", "检查文件")
ROW_READ: Final = Message("reports read", "已读取报告")
ROW_UNREADABLE: Final = Message("unreadable", "无法读取")
ROW_WITH_ERRORS: Final = Message("reports with errors", "有错误的报告")
ROW_PAIRS: Final = Message("year pairs checked", "跨年度比对")
ROW_PAIRS_UNCHECKED: Final = Message("pairs not checked", "未能比对")
ROW_DUPLICATES: Final = Message("duplicate agency+year", "重复报告（同一机关同一年度）")
ROW_SKIPPED: Final = Message("files skipped ({which})", "跳过文件（{which}）")
UNREADABLE_LINE: Final = Message("unreadable: {error}", "无法读取：{error}")
PAIR_UNCHECKED_LINE: Final = Message("not compared: {error}", "未能比对：{error}")
DUPLICATE_LINE: Final = Message(
    "duplicate: {agency} {year}: {paths} (paired: {first})",
    "重复：{agency} {year}年度：{paths}（参与比对的是：{first}）",
)
FAILED_FILES: Final = Message("files with errors: {n}", "有错误的文件：{n}个")
FAILED_MORE: Final = Message("  … and {n} more (see --findings)", "  ……另有{n}个（见 --findings）")

# --- compare -------------------------------------------------------------------------------------
COMPARE_HELP: Final = Message(
    "Check THIS year's report against LAST year's report of the same agency (GD701–GD704).\n\n"
    "Exit code: 0 no errors, 1 errors found, 2 a file could not be read, the years do not follow or "
    "the agencies differ.",
    "把本年度报告与同一机关的上一年度报告比对（GD701–GD704）。\n\n"
    "退出码：0 没有错误，1 发现错误，2 文件无法读取、年度不相邻或机关不同。",
)
SWAPPED: Final = Message(
    "note: {last} is {last_year} and {this} is {this_year}; comparing {this} → {last}",
    "提示：{last} 是{last_year}年度，{this} 是{this_year}年度；按 {this} → {last} 比对",
)
NOT_CONSECUTIVE: Final = Message(
    "{last} is {last_year} and {this} is {this_year}: not consecutive years",
    "{last} 是{last_year}年度，{this} 是{this_year}年度：不是相邻年度",
)
AGENCIES_DIFFER: Final = Message(
    "{last} is a report of {last_agency} and {this} of {this_agency}: not the same agency",
    "{last} 是{last_agency}的报告，{this} 是{this_agency}的报告：不是同一机关",
)
PREVIOUS_NOT_YEAR_BEFORE: Final = Message(
    "--previous {previous} is the report of {previous_year}, not of the year before {year}",
    "--previous {previous} 是{previous_year}年度的报告，不是{year}年度的上一年度",
)
PREVIOUS_YEAR_UNKNOWN: Final = Message(
    "note: the year of {which} is unknown, so it cannot be checked that {previous} is the year before",
    "提示：{which} 的年度未知，无法确认 {previous} 是上一年度的报告",
)
PREVIOUS_OTHER_AGENCY: Final = Message(
    "--previous {previous} is a report of {previous_agency}, not of {agency}",
    "--previous {previous} 是{previous_agency}的报告，不是{agency}的报告",
)
UNKNOWN: Final = Message("?", "未知")

# --- printing findings ---------------------------------------------------------------------------
TITLE: Final = Message(
    "{file}: {agency} {year} ({format} format)", "{file}：{agency} {year}年度（{format}版格式）"
)
COMPARE_TITLE: Final = Message(
    "{last} ({last_year}) → {this} ({this_year}): {agency}",
    "{last}（{last_year}年度）→ {this}（{this_year}年度）：{agency}",
)
SEVERITY_ERROR: Final = Message("error", "错误")
SEVERITY_WARNING: Final = Message("warning", "警告")
SEVERITY_INFO: Final = Message("info", "提示")
TABLE_REPORT: Final = Message("report", "报告")
TABLE_PROACTIVE: Final = Message("Table 2 · proactive disclosure", "表二 · 主动公开政府信息情况")
TABLE_APPLICATIONS: Final = Message("Table 3 · applications", "表三 · 收到和处理政府信息公开申请情况")
TABLE_APPEALS: Final = Message(
    "Table 4 · administrative review and litigation", "表四 · 政府信息公开行政复议、行政诉讼情况"
)
CELLS: Final = Message("cells: {cells}", "单元格：{cells}")
VERDICT: Final = Message(
    "{verdict}: {errors} errors, {warnings} warnings, {infos} info",
    "{verdict}：{errors}个错误，{warnings}个警告，{infos}个提示",
)
NOT_ASSESSABLE: Final = Message(
    "; {n} checks not assessable (a cell or heading they need is missing)",
    "；{n}项检查因缺少所需的单元格或标题无法核对",
)
SOURCE_LINE_FIELD: Final = Message("line {n}, field {f}", "第{n}行第{f}栏")
SOURCE_LINE: Final = Message("line {n}", "第{n}行")
SOURCE_PARAGRAPH: Final = Message("paragraph {n}", "第{n}段")
SOURCE_TABLE_ROW_CELL: Final = Message("table {t}, row {r}, cell {c}", "第{t}个表格第{r}行第{c}格")
SOURCE_TABLE_ROW: Final = Message("table {t}, row {r}", "第{t}个表格第{r}行")
SOURCE_PAGE: Final = Message("page {n}", "第{n}页")
SOURCE_PAGE_LINE: Final = Message("page {p}, line {n}", "第{p}页第{n}行")

# --- errors and notes ----------------------------------------------------------------------------
ERROR: Final = Message("error: {message}", "错误：{message}")
NOTE: Final = Message("note: {message}", "提示：{message}")
CANNOT_WRITE: Final = Message("cannot write {path}: {reason}", "无法写入 {path}：{reason}")
WROTE: Final = Message("wrote {path}", "已写入 {path}")
WROTE_REPORT: Final = Message(
    "wrote {path}: {agency} {year} ({format} format)", "已写入 {path}：{agency} {year}年度（{format}版格式）"
)
WROTE_TEMPLATE: Final = Message("wrote {path} ({format} format)", "已写入 {path}（{format}版格式）")
HAS_FINDINGS: Final = Message(
    "note: the report has {errors} errors and {warnings} warnings; see: gov-disclosure validate {report}",
    "提示：该报告有{errors}个错误、{warnings}个警告；请查看：gov-disclosure validate {report}",
)
BAD_SUFFIX: Final = Message(
    "{option} {path}: {command} writes {suffixes}, not {suffix}",
    "{option} {path}：{command} 只能写 {suffixes} 文件，不能写 {suffix}",
)
NO_SUFFIX: Final = Message("nothing", "无后缀")
FINDINGS_SUFFIX: Final = Message(
    "a findings file must end in .csv or .jsonl, not {suffix}",
    "问题清单文件的后缀须为 .csv 或 .jsonl，不能是 {suffix}",
)
SAME_FILE: Final = Message(
    "{output} is the same file as the input {path}; choose another output",
    "{output} 与输入文件 {path} 是同一个文件；请另选输出文件",
)

# --- render to PDF -------------------------------------------------------------------------------
RENDER_HELP: Final = Message(
    "Write REPORT (.json, .xlsx, .docx, .html, .pdf or .txt) as an official document: .docx, or .pdf "
    "through LibreOffice.\n\n"
    "The title, the six sections, the three tables in the official layout of the report's format "
    "version and the signature, styled after GB/T 9704 (A4, 仿宋_GB2312 body, 黑体 headings, page "
    "numbers). Blank cells stay blank and totals are printed as reported: check the report with "
    '"gov-disclosure validate" before publishing it.',
    "把报告（.json、.xlsx、.docx、.html、.pdf 或 .txt）生成正式文档：.docx，或经 LibreOffice 转换的 .pdf。\n\n"
    "包括标题、六个部分、按该报告格式版本官方样式排版的三张表格和落款，版式参照 GB/T 9704"
    "（A4 纸，正文仿宋_GB2312，标题黑体，有页码）。空白单元格保持空白，合计照报告原样输出："
    "发布前请用“gov-disclosure validate”检查报告。",
)
RENDER_OUTPUT_HELP: Final = Message(
    "Where to write the document: .docx, or .pdf (needs LibreOffice).",
    "文档的写入位置：.docx，或 .pdf（需要安装 LibreOffice）。",
)
TITLE_FONT_HELP: Final = Message(
    "Font of the title [default: 方正小标宋简体].", "标题字体 [默认：方正小标宋简体]。"
)
BODY_FONT_HELP: Final = Message(
    "Font of the body text [default: 仿宋_GB2312].", "正文字体 [默认：仿宋_GB2312]。"
)
HEADING_FONT_HELP: Final = Message(
    "Font of the section headings [default: 黑体].", "各部分标题字体 [默认：黑体]。"
)
TABLE_FONT_HELP: Final = Message("Font of the tables [default: 宋体].", "表格字体 [默认：宋体]。")

# --- excel commands ------------------------------------------------------------------------------
TEMPLATE_HELP: Final = Message(
    "Write a blank data-collection template (填报模板) to fill in Excel, WPS or LibreOffice.",
    "生成空白的填报模板，可在 Excel、WPS 或 LibreOffice 中填写。",
)
TEMPLATE_OUTPUT_HELP: Final = Message(
    "Where to write the blank template (.xlsx).", "空白模板的写入位置（.xlsx）。"
)
TO_XLSX_HELP: Final = Message(
    "Write REPORT (any readable file) as a filled workbook of our template.",
    "把报告（任何可读取的文件）写成填好的模板工作簿。",
)
TO_XLSX_OUTPUT_HELP: Final = Message(
    "Where to write the filled workbook (.xlsx).", "填好的工作簿的写入位置（.xlsx）。"
)
AGGREGATE_HELP: Final = Message(
    "Sum the workbooks of UNITS (报送单位) cell by cell into one report of --agency.\n\n"
    "Validates every unit and the total, says which unit broke which rule, and writes a summary "
    "workbook with the total, a per-unit breakdown sheet and every unit's findings.\n\n"
    "Exit code: 0 no errors, 1 errors in a unit or the total, 2 refused (unreadable files, a unit "
    "given twice, formats or years that differ).",
    "把各报送单位的工作簿逐格相加，汇总成 --agency 机关的一份报告。\n\n"
    "检查每个单位和汇总结果，指出哪个单位违反了哪条规则，并写出汇总工作簿：含汇总表、分单位明细表和各单位的问题清单。\n\n"
    "退出码：0 没有错误，1 某单位或汇总结果有错误，2 拒绝汇总（文件无法读取、同一单位重复、格式版本或年度不一致）。",
)
AGGREGATE_OUTPUT_HELP: Final = Message(
    "Where to write the summary workbook (.xlsx).", "汇总工作簿的写入位置（.xlsx）。"
)
AGENCY_HELP: Final = Message(
    "The collecting agency: the total's 报送单位.", "汇总机关：汇总报告的报送单位名称。"
)
KIND_HELP: Final = Message(
    "The collecting agency's kind: a department or a government.",
    "汇总机关的类型：部门（department）或人民政府（government）。",
)
QUIET_HELP: Final = Message(
    "Only the per-unit summary, not every finding.", "只输出各单位的概况，不逐条列出问题。"
)
SAME_AGENCY: Final = Message(
    "note: {paths} are all reports of {agency}: is one unit counted more than once?",
    "提示：{paths} 都是{agency}的报表：是否有单位被重复计算？",
)
AGENCY_EMPTY: Final = Message("--agency: the agency's name is empty", "--agency：机关名称为空")
READ_PROGRESS: Final = Message("  read {done}/{total}", "  已读取 {done}/{total}")
UNIT_LINE: Final = Message(
    "{mark} {name} ({source}): {errors} errors, {warnings} warnings",
    "{mark} {name}（{source}）：{errors}个错误，{warnings}个警告",
)
UNIT_OK: Final = Message("ok ", "通过")
UNIT_BAD: Final = Message("BAD", "有误")
TOTAL_TITLE: Final = Message(
    "total: {agency} {year} ({format} format), {units} units",
    "汇总：{agency} {year}年度（{format}版格式），共{units}个单位",
)

# -- one line per command, for the list of commands in --help --------------------------------------
CHECK_SHORT: Final = Message("Check folders of reports and pairs of years.", "批量检查报告文件夹，并比对相邻年度。")
COMPARE_SHORT: Final = Message("Check this year's report against last year's.", "把本年度报告与上一年度报告比对。")
VALIDATE_SHORT: Final = Message("Check one report.", "检查一份报告。")
READ_SHORT: Final = Message("Read a report from any file and print it as JSON.", "从任一格式的文件读取报告，以 JSON 输出。")
EXPORT_SHORT: Final = Message("Export the cells (or indicators) of many reports as one table.", "把多份报告的单元格（或指标）导出为一张表。")
SCHEMA_SHORT: Final = Message("Print the JSON Schema of the report document.", "输出报告文档的 JSON Schema。")
SAMPLE_SHORT: Final = Message("Print a complete, valid sample report as JSON.", "以 JSON 输出一份完整、能通过检查的示例报告。")
RULES_SHORT: Final = Message("List the rules, or explain one (rules CODE).", "列出规则目录，或说明一条规则（rules 代码）。")
RENDER_SHORT: Final = Message("Write a report as an official Word document (or PDF).", "把报告生成正式的 Word 文档（或 PDF）。")
TEMPLATE_SHORT: Final = Message("Write a blank data-collection template (.xlsx).", "生成空白的填报模板（.xlsx）。")
TO_XLSX_SHORT: Final = Message("Write a report as a filled template workbook.", "把报告写成填好的模板工作簿。")
AGGREGATE_SHORT: Final = Message("Sum the units' workbooks into one report.", "把各报送单位的工作簿汇总成一份报告。")
