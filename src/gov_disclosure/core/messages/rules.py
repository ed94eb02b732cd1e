"""The messages of the rule catalogue (``gov_disclosure.rules``): the detail of each finding, after its
code's title. A placeholder whose value differs by language (a location in words, a kind of agency) is
given as a :class:`~gov_disclosure.core.messages.Message` value; :meth:`Rule.emit
<gov_disclosure.rules.Rule.emit>` formats each language with its own text.

Row, column and section labels are the official Chinese wording in both languages.
"""

from __future__ import annotations

from typing import Final

from . import Message

# -- GD101–GD104: cells ------------------------------------------------------------------------------

CELL_BLANK: Final = Message("{row} / {column} is blank", "{row}/{column}未填写")
CELL_BLANK_MARKED: Final = Message("{row} / {column} is blank (“{raw}”)", "{row}/{column}未填写（“{raw}”）")
CELL_TEXT: Final = Message(
    "{row} / {column} holds “{raw}”, not a number", "{row}/{column}填写的“{raw}”不是数字"
)
CELL_FRACTION: Final = Message(
    "{row} / {column} holds “{raw}”, not a whole number", "{row}/{column}填写的“{raw}”不是整数"
)
CELL_NEGATIVE: Final = Message("{row} / {column} is negative ({value})", "{row}/{column}为负数（{value}）")
AMOUNT_NO_UNIT: Final = Message(
    "{row} / {column} {value} has no unit (元 or 万元?)",
    "{row}/{column}“{value}”未注明单位（元还是万元？）",
)
AMOUNT_OTHER_UNIT: Final = Message(
    "{row} / {column} is given in {unit}, the format asks {want}",
    "{row}/{column}的单位为{unit}，与表头规定的单位{want}不一致",
)
COUNT_WITH_UNIT: Final = Message(
    "{row} / {column} carried a unit (“{raw}”); read as {value}",
    "{row}/{column}数字带有单位（“{raw}”），按{value}读取",
)

# -- GD201–GD203, GD301: sums ----------------------------------------------------------------------

SUM_ROW: Final = Message(
    "row “{label}”: reported {found}, computed {expected}", "“{label}”行：填报{found}，计算应为{expected}"
)
SUM_COLUMN: Final = Message(
    "column “{label}”: reported {found}, computed {expected}", "“{label}”列：填报{found}，计算应为{expected}"
)
SUM_BALANCE: Final = Message(
    "column “{label}”: 三 + 四 (total + carried forward) = {found}, but 一 + 二 (new + carried over) = {expected}",
    "“{label}”列：第三项加第四项之和为{found}，第一项加第二项之和为{expected}，二者应相等",
)
SUM_APPEALS: Final = Message(
    "{label} 总计: reported {found}, computed {expected}", "{label}总计：填报{found}，计算应为{expected}"
)

# -- GD401–GD402: the proactive table -------------------------------------------------------------

PUBLISHED_OVER_TOTAL: Final = Message(
    "{label}: 本年新公开数量 {published} exceeds 对外公开总数量 {total}",
    "{label}：本年新公开数量{published}大于对外公开总数量{total}",
)
ITEMS_BELOW_ZERO: Final = Message(
    "{label}: 上一年项目数量 {previous} + 本年增/减 {change} = {total} < 0",
    "{label}：上一年项目数量{previous}加本年增/减{change}为负数（{total}）",
)

# -- GD501–GD505: what the report is, when it was published -------------------------------------

FORMAT_FOR_YEAR: Final = Message(
    "a {year} report must use the {want} format, not {format}",
    "{year}年度报告应使用{want}年版格式，而不是{format}年版",
)
YEAR_UNKNOWN: Final = Message("the reporting year is unknown", "报告年度不明")
AGENCY_UNKNOWN: Final = Message("the issuing agency is unknown", "报告机关不明")
DATED_BEFORE_YEAR_END: Final = Message(
    "dated {date}, before the {year} reporting period ended", "落款日期{date}早于{year}年度统计期结束"
)
LATE: Final = Message(
    "dated {date}, after the legal deadline {deadline} for {kind}",
    "落款日期{date}晚于{kind}的法定期限{deadline}",
)
KIND_DEPARTMENT: Final = Message("a department (31 January)", "部门（1月31日）")
KIND_GOVERNMENT: Final = Message("a people's government (31 March)", "人民政府本级（3月31日）")
KIND_INFERRED: Final = Message(
    " (the kind of agency was inferred from its name “{agency}”; give agency_kind if it is wrong)",
    "（机关类型系根据机关名称“{agency}”推断，如有误请填写机关类型）",
)
OTHER_VERSION: Final = Message(
    "{other} is also a report of {agency} for {year} but a different file (SHA-256 {digest} here, "
    "{other_digest} there): a report changed after publication, or two versions",
    "{other}也是{agency}{year}年度的报告，但文件内容不同（本文件SHA-256为{digest}，该文件为{other_digest}）："
    "可能是发布后修改过的报告，或存在两个版本",
)

# -- GD601–GD616: the text ------------------------------------------------------------------------

SECTION_EMPTY: Final = Message("section {heading} is missing or empty", "缺少“{heading}”部分或该部分无内容")
PROSE_CONTRADICTS: Final = Message(
    "the text says {said}, the table has {table} ({cells}): “{sentence}”",
    "正文称{said}，表格为{table}（{cells}）：“{sentence}”",
)
HEADING_MISSING: Final = Message("no heading of section {heading} was found", "未找到“{heading}”部分的标题")
HEADING_OUT_OF_ORDER: Final = Message(
    "section {heading} (“{found}”) comes after “{after}”; the format puts it before",
    "“{heading}”部分（“{found}”）排在“{after}”之后，与格式规定的顺序不符",
)
HEADING_NUMBERED: Final = Message(
    "the heading “{found}” is numbered “{number}”; the format numbers it “{want}”",
    "标题“{found}”的序号为“{number}”，格式规定为“{want}”",
)
HEADING_UNNUMBERED: Final = Message(
    "the heading “{found}” has no number; the format numbers it “{want}”",
    "标题“{found}”没有序号，格式规定为“{want}”",
)
SUBHEADING_AS_SECTION: Final = Message(
    "“{found}” belongs under 一、总体情况 in the format but is numbered as a top-level section",
    "“{found}”在格式中属于“一、总体情况”的内容，却按一级标题编号",
)
EXTRA_SECTION: Final = Message(
    "“{found}” is a top-level heading that is none of the format's six sections",
    "“{found}”是格式规定的六个部分以外的一级标题",
)
NUMBERING_RESTARTS: Final = Message(
    "the numbering of the top-level headings goes back at “{found}” (after “{previous}”)",
    "一级标题的序号在“{found}”处重新开始或倒退（前一个为“{previous}”）",
)
NUMBERING_SKIPS: Final = Message(
    "the numbering of the top-level headings skips from “{previous}” to “{found}”",
    "一级标题的序号从“{previous}”跳到“{found}”，中间缺号",
)
ASPECT_MISSING: Final = Message(
    "一、总体情况 says nothing of {aspect} (the 2021 format asks it to cover 主动公开, 依申请公开, "
    "政府信息管理, 平台建设 and 监督保障)",
    "“一、总体情况”未涉及{aspect}（2021年版格式要求总体情况涵盖主动公开、依申请公开、政府信息管理、"
    "平台建设、监督保障等方面）",
)
PROBLEMS_NONE: Final = Message(
    "五、存在的主要问题及改进情况 says only “{text}”: name the problems and what was done about them",
    "“五、存在的主要问题及改进情况”只写了“{text}”，应写明存在的问题和改进措施",
)
PROBLEMS_SHORT: Final = Message(
    "五、存在的主要问题及改进情况 has {chars} characters, fewer than {minimum}: “{text}”",
    "“五、存在的主要问题及改进情况”仅{chars}字，少于{minimum}字：“{text}”",
)
SECTION_HOLLOW: Final = Message(
    "section {heading} only repeats its heading or the template's placeholder: “{text}”",
    "“{heading}”部分只重复了标题或模板的提示文字：“{text}”",
)
STALE_YEAR: Final = Message(
    "a {year} report speaks of {stale} as the current year: “{sentence}”",
    "{year}年度报告把{stale}年当作本年度来写：“{sentence}”",
)
OTHER_AGENCY: Final = Message(
    "the text names “{named}” as the reporting agency, not {agency}: “{sentence}”",
    "正文写的报告机关是“{named}”，而不是{agency}：“{sentence}”",
)
ALL_ANSWERED: Final = Message(
    "the text says every application was dealt with, but table 3 carries {carried} forward "
    "(四、结转下年度继续办理): “{sentence}”",
    "正文称申请均已办结，但表三“四、结转下年度继续办理”为{carried}件：“{sentence}”",
)
CASE_NOT_IN_TABLE: Final = Message(
    "the text reports a {what} case, but table 4 counts none: “{sentence}”",
    "正文提到发生{what}案件，但表四中{what}各项均为0：“{sentence}”",
)
FEE_NOT_STATED: Final = Message(
    "六、其他需要报告的事项 says nothing about 信息处理费 (the 2021 format asks for it there)",
    "“六、其他需要报告的事项”未说明收取信息处理费的情况（2021年版格式要求在此报告）",
)
FEE_CONTRADICTS: Final = Message(
    "the text says no fee notice was issued, but table 3 counts {count} applications not processed "
    "because the applicant did not pay a fee notice: “{sentence}”",
    "正文称未发出收费通知，但表三“2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”"
    "为{count}件：“{sentence}”",
)

# -- GD701–GD705: two years of one agency ---------------------------------------------------------

CARRY_OVER: Final = Message(
    "column “{label}”: carried over {found}, but last year's report carried forward {expected}",
    "“{label}”列：上年结转{found}，与上一年度报告的结转下年度{expected}不一致",
)
IN_FORCE_RUNNING: Final = Message(
    "{label} 现行有效件数: reported {found}, last year's figures give {expected}",
    "{label}现行有效件数：填报{found}，按上一年度报告推算应为{expected}",
)
ITEMS_RUNNING: Final = Message(
    "{label} 上一年项目数量: reported {found}, last year's figures give {expected}",
    "{label}上一年项目数量：填报{found}，按上一年度报告推算应为{expected}",
)
TEXT_REPEATS: Final = Message(
    "section {heading}: {pct}% of its text ({chars} characters) repeats last year's report "
    "(threshold {threshold}%)",
    "“{heading}”部分{pct}%的文字（{chars}字）与上一年度报告相同（阈值{threshold}%）",
)
COUNT_GREW: Final = Message(
    "{label}: {this} this year, {last} last year (more than {factor} times as many)",
    "{label}：本年{this}，上年{last}（超过上年的{factor}倍）",
)
COUNT_FELL: Final = Message(
    "{label}: {this} this year, {last} last year (less than 1/{factor} of it)",
    "{label}：本年{this}，上年{last}（不足上年的{factor}分之一）",
)

# -- GD801–GD803: text lint -----------------------------------------------------------------------

DOUBLED: Final = Message("a doubled character or word: “{quote}”{more}", "字词重复：“{quote}”{more}")
ASCII_PUNCTUATION: Final = Message(
    "ASCII punctuation “{mark}” in Chinese text: “{quote}”{more}",
    "中文语句中使用了半角标点“{mark}”：“{quote}”{more}",
)
UNMATCHED: Final = Message("an unmatched “{mark}”: “{quote}”{more}", "“{mark}”未配对：“{quote}”{more}")
AND_MORE: Final = Message(" (and {n} more in this section)", "（本部分另有{n}处）")

# -- the config (gov_disclosure.rules.config) -----------------------------------------------------

CONFIG_UNKNOWN_CODE: Final = Message(
    "{origin}: {key}: “{value}” is no code or prefix of a code (GD7, GD704, ALL)",
    "{origin}：{key}中的“{value}”不是规则代码或代码前缀（如GD7、GD704、ALL）",
)
CONFIG_BAD_SEVERITY: Final = Message(
    "{origin}: severity of {key}: “{value}” is not error, warning or info",
    "{origin}：{key}的严重程度“{value}”应为error、warning或info",
)
CONFIG_BAD_VALUE: Final = Message(
    "{origin}: {key}: “{value}” cannot be used", "{origin}：{key}的取值“{value}”无效"
)
CONFIG_UNKNOWN_KEY: Final = Message(
    "{origin}: unknown setting “{key}” (known: {known})", "{origin}：未知的设置项“{key}”（可用：{known}）"
)
CONFIG_UNREADABLE: Final = Message(
    "{origin}: cannot read the config file: {reason}", "{origin}：无法读取配置文件：{reason}"
)
CONFIG_USED: Final = Message("config: {path}", "配置文件：{path}")
CONFIG_NONE: Final = Message("config: none (defaults)", "配置文件：无（使用默认设置）")

# -- the rule documentation (gov-disclosure rules CODE, docs/rules.md) ---------------------------

DOC_DEFINITION: Final = Message("What it checks", "检查内容")
DOC_READS: Final = Message("What it reads", "读取内容")
DOC_BAD: Final = Message("A report that breaks it", "不合格示例")
DOC_FIX: Final = Message("How to fix it", "修改方法")
DOC_GOOD: Final = Message("The report as it should be", "合格示例")
DOC_FINDS: Final = Message("gov-disclosure validate says:", "gov-disclosure validate 的检查结果：")
DOC_PASSES: Final = Message(
    "gov-disclosure validate finds nothing under {code}.", "gov-disclosure validate 未发现{code}问题。"
)
DOC_SAMPLE: Final = Message(
    "the sample {format} report (gov-disclosure sample --format {format})",
    "{format}年版示例报告（gov-disclosure sample --format {format}）",
)
DOC_PAIR: Final = Message(
    "the sample reports of one agency for {last} and {year} ({format} format)",
    "同一机关{last}年度和{year}年度的示例报告（{format}年版）",
)
DOC_TEXT: Final = Message(
    "the sample {format} report written as text (gov-disclosure sample, then to text), edited and read back",
    "{format}年版示例报告的文本形式，修改后重新读取",
)
DOC_FILES: Final = Message(
    "two files for one agency and year, checked together (gov-disclosure check FOLDER)",
    "同一机关同一年度的两个文件，一并检查（gov-disclosure check 文件夹）",
)
DOC_FIXES: Final = Message(
    "the sample {format} report with hand corrections (gov-disclosure validate --fixes)",
    "{format}年版示例报告，加上人工更正（gov-disclosure validate --fixes）",
)
DOC_FIX_LINE: Final = Message(
    "corrected by hand: {where} = “{text}” (“{note}”)", "人工更正：{where} =“{text}”（“{note}”）"
)
DOC_AS_IS: Final = Message("as it is", "原样")
DOC_WITH: Final = Message("with:", "改动如下：")
DOC_LAST_YEAR: Final = Message("last year's report:", "上一年度报告：")
DOC_CHANGE: Final = Message("{where}: {old} → {new}", "{where}：由{old}改为{new}")
DOC_RAW: Final = Message("{where}: written “{raw}”", "{where}：填写为“{raw}”")
DOC_TEXT_SET: Final = Message("{where}, now: “{text}”", "{where}改为：“{text}”")
DOC_TEXT_ADDED: Final = Message("{where}, added: “{text}”", "{where}，增加：“{text}”")
DOC_TEXT_COPIED: Final = Message(
    "{where}: last year's text, only its year changed", "{where}：沿用上一年度的文字，仅改动年份"
)
DOC_OUTLINE: Final = Message("the headings: {headings}", "标题：{headings}")
DOC_EDIT: Final = Message("the text “{old}” made “{new}”", "文本“{old}”改为“{new}”")
DOC_BLANK: Final = Message("blank", "空白")
DOC_SECOND_FILE: Final = Message("the second file:", "第二个文件：")
RULES_UNKNOWN_CODE: Final = Message(
    "no code {code}: gov-disclosure rules lists the codes",
    "没有规则代码{code}：运行 gov-disclosure rules 查看全部代码",
)
RULES_TITLE: Final = Message("Rule catalogue", "规则目录")

# -- the command line's options of the rules (validate, check, compare) ---------------------------

CONFIG_FILE_HELP: Final = Message(
    "Read the rules' settings from this file [default: the first .gov-disclosure.toml, gov-disclosure.toml "
    "or pyproject.toml with [tool.gov-disclosure] found from the working directory up].",
    "从该文件读取规则设置［默认：从当前目录逐级向上查找的第一个“.gov-disclosure.toml”、“gov-disclosure.toml”"
    "或含“[tool.gov-disclosure]”的“pyproject.toml”］。",
)
SELECT_HELP: Final = Message(
    "Run only these codes or prefixes, comma-separated (GD2,GD704; ALL) [default: the config file's, else "
    "every code].",
    "只检查这些规则代码或代码前缀，以逗号分隔（如“GD2,GD704”；“ALL”为全部）［默认：配置文件的设置，否则为全部］。",
)
IGNORE_HELP: Final = Message(
    "Leave out these codes or prefixes, comma-separated (GD8,GD101); added to the config file's.",
    "不检查这些规则代码或代码前缀，以逗号分隔（如“GD8,GD101”）；与配置文件的设置合并。",
)
SEVERITY_OPTION_HELP: Final = Message(
    "Give a code (or prefix) another severity: CODE=error, CODE=warning or CODE=info; repeatable.",
    "更改规则代码（或前缀）的严重程度，写作“代码=级别”，级别为“error”“warning”或“info”；可多次使用。",
)
ANOMALY_FACTOR_HELP: Final = Message(
    "GD705: report a count more than this many times last year's, or below 1/this [default: 5].",
    "GD705：数量超过上一年度的该倍数，或不足其该分之一时提示［默认：5］。",
)
ANOMALY_BASE_HELP: Final = Message(
    "GD705: only when the larger of the two years' counts is at least this [default: 20].",
    "GD705：仅当两个年度中较大的数不小于该值时提示［默认：20］。",
)
PROBLEMS_MIN_CHARS_HELP: Final = Message(
    "GD609: 五、存在的主要问题及改进情况 shorter than this many characters is too thin [default: 50].",
    "GD609：“五、存在的主要问题及改进情况”少于该字数即提示过于简略［默认：50］。",
)
SEVERITY_OPTION_BAD: Final = Message(
    "--severity {value}: write CODE=error, CODE=warning or CODE=info",
    "--severity {value}：应写作“代码=级别”，级别为“error”“warning”或“info”",
)
METAVAR_SEVERITY: Final = Message("CODE=LEVEL", "代码=级别")
