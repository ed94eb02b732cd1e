"""Why a file could not be read or written: the messages of :mod:`gov_disclosure.core.errors`."""

from __future__ import annotations

import errno
from typing import Final

from . import Message

# --- the operating system ------------------------------------------------------------------------
OS_NOT_FOUND: Final = Message("no such file or folder", "文件或文件夹不存在")
OS_PERMISSION: Final = Message("permission denied", "没有权限")
OS_IS_A_DIRECTORY: Final = Message("it is a folder", "这是一个文件夹")
OS_NOT_A_DIRECTORY: Final = Message("a part of the path is not a folder", "路径中有一部分不是文件夹")
OS_NO_SPACE: Final = Message("no space left on the disk", "磁盘空间已满")
OS_READ_ONLY: Final = Message("the disk is read-only", "磁盘只读")
OS_NAME_TOO_LONG: Final = Message("the file name is too long", "文件名太长")
OS_BROKEN_PIPE: Final = Message(
    "the reader of the output has gone (broken pipe)", "输出的接收方已关闭（管道断开）"
)
OS_OTHER: Final = Message("{reason}", "操作系统错误：{reason}")

_BY_ERRNO: Final = {
    errno.ENOENT: OS_NOT_FOUND,
    errno.EACCES: OS_PERMISSION,
    errno.EPERM: OS_PERMISSION,
    errno.EISDIR: OS_IS_A_DIRECTORY,
    errno.ENOTDIR: OS_NOT_A_DIRECTORY,
    errno.ENOSPC: OS_NO_SPACE,
    errno.EROFS: OS_READ_ONLY,
    errno.ENAMETOOLONG: OS_NAME_TOO_LONG,
    errno.EPIPE: OS_BROKEN_PIPE,
}


def os_reason(exc: OSError) -> Message:
    """The reason of an ``OSError`` as a message (formatted: no placeholders left)."""
    known = _BY_ERRNO.get(exc.errno or -1)
    if known is not None:
        return known
    reason = exc.strerror or str(exc)
    return Message(*OS_OTHER.both(reason=reason))


# --- any file ------------------------------------------------------------------------------------
EMPTY_FILE: Final = Message("empty file (0 bytes)", "空文件（0字节）")
NOT_A_FILE_FOLDER: Final = Message("not a regular file but a folder", "这是一个文件夹，不是文件")
NOT_A_FILE_DEVICE: Final = Message(
    "not a regular file but a device, pipe or socket", "不是普通文件（是设备、管道或套接字）"
)
FILE_TOO_LARGE: Final = Message(
    "{size} bytes, over the limit of {limit}", "文件有{size}字节，超过{limit}字节的上限"
)
CANNOT_OPEN: Final = Message("cannot open: {reason}", "无法打开：{reason}")
DAMAGED_ZIP: Final = Message("a damaged zip archive", "zip 压缩包已损坏")
ZIP_NOT_OFFICE: Final = Message(
    "a zip archive that is neither .xlsx nor .docx", "是 zip 压缩包，但既不是 .xlsx 也不是 .docx 文件"
)
LEGACY_OFFICE: Final = Message(
    "a legacy binary Office file (.xls/.doc); save it as .xlsx or .docx first",
    "旧版二进制 Office 文件（.xls/.doc）：请先另存为 .xlsx 或 .docx",
)
BINARY_FILE: Final = Message("a binary file, not a report", "二进制文件，不是报告")
NOT_A_REPORT: Final = Message(
    "not a report: no table of the format and no reporting year in the title",
    "不是年度报告：没有报告格式的表格，标题中也没有报告年度",
)
TOO_MANY_PARAGRAPHS: Final = Message(
    "{n} paragraphs, over the limit of {limit}", "共{n}段，超过{limit}段的上限"
)
TOO_MANY_CELLS: Final = Message("the tables have more than {limit} cells", "表格超过{limit}个单元格的上限")
TABLES_TOO_DEEP: Final = Message("tables nested too deeply", "表格嵌套层次过深")
SHAPE: Final = Message(
    "the report does not have the shape of its format ({n} problems: {where})",
    "报告的结构与格式版本不符（{n}处问题，位置：{where}）",
)
DOCUMENT: Final = Message(
    "not a valid report document ({n} problems: {where})",
    "不是有效的报告文档（JSON）：{n}处问题，位置：{where}",
)

# --- zip archives (.xlsx, .docx) -----------------------------------------------------------------
LEGACY_OFFICE_NOT: Final = Message(
    "a legacy binary Office file, not {what}; save it as {what} first",
    "旧版二进制 Office 文件，不是 {what} 文件：请先另存为 {what}",
)
NOT_A_VALID_ARCHIVE: Final = Message(
    "not a valid {what} (not a zip archive or truncated)",
    "不是有效的 {what} 文件（不是 zip 压缩包，或文件不完整）",
)
TOO_MANY_ENTRIES: Final = Message(
    "{n} entries in the archive (limit {limit})", "压缩包内有{n}个条目（上限{limit}个）"
)
ENTRY_DECLARES: Final = Message(
    "entry {name!r} declares {size} bytes", "压缩包条目 {name!r} 声明的大小为{size}字节，超过上限"
)
ENTRY_EXPANDS: Final = Message(
    "entry {name!r} expands {ratio}× (zip bomb?)", "压缩包条目 {name!r} 解压后膨胀{ratio}倍（疑似压缩炸弹）"
)
ARCHIVE_TOO_BIG: Final = Message(
    "the archive expands to more than {limit} bytes", "压缩包解压后超过{limit}字节"
)
ENTRY_LIES: Final = Message(
    "entry {name!r} is larger than it declares", "压缩包条目 {name!r} 的实际大小超过其声明的大小"
)
DAMAGED_ENTRY: Final = Message("damaged {what}: entry {name!r}", "{what} 文件已损坏：条目 {name!r}")
PART_DTD: Final = Message(
    "part {name!r} declares a DTD (XML entity bomb?)", "文件部件 {name!r} 声明了 DTD（疑似 XML 实体炸弹）"
)
PART_TOO_LARGE: Final = Message(
    "part {name!r} is {size} bytes of XML (limit {limit}); a report is far smaller",
    "文件部件 {name!r} 有{size}字节 XML（上限{limit}字节）；报告远小于此",
)
PART_TOO_MANY: Final = Message(
    "part {name!r} holds more than {limit} {what}; a report has far fewer",
    "文件部件 {name!r} 中的{what}超过{limit}个；报告远少于此",
)
TOO_MANY_ELEMENTS: Final = Message(
    "part {name!r} holds more than {limit} XML elements; a report has far fewer",
    "文件部件 {name!r} 中的 XML 元素超过{limit}个；报告远少于此",
)

# --- Word ----------------------------------------------------------------------------------------
DOCX_UNREADABLE: Final = Message("not a readable .docx", "无法读取的 .docx 文件")
NOT_WORD: Final = Message(
    "not a Word document (main part is {content_type})", "不是 Word 文档（主体部分的类型为 {content_type}）"
)
DOCX_NO_BODY: Final = Message(
    "not a readable .docx: the document has no body", "无法读取的 .docx 文件：文档没有正文"
)

# --- Excel ---------------------------------------------------------------------------------------
NO_WORKBOOK: Final = Message(
    "a zip archive without xl/workbook.xml: not an .xlsx workbook",
    "zip 压缩包中没有 xl/workbook.xml：不是 .xlsx 工作簿",
)
SHEET_TOO_LARGE: Final = Message(
    "worksheet part {name!r} is {size} bytes of XML (limit {limit}); a report template is far smaller",
    "工作表部件 {name!r} 有{size}字节 XML（上限{limit}字节）；报告模板远小于此",
)
UNSAFE_XML: Final = Message("unsafe XML in the workbook", "工作簿中有不安全的 XML")
DAMAGED_XLSX: Final = Message("damaged .xlsx", ".xlsx 文件已损坏")
NOT_TEMPLATE: Final = Message(
    "not a gov-disclosure template: no 格式版本 (format version) and no named report cells",
    "不是 gov-disclosure 填报模板：没有“格式版本”，也没有命名的报告单元格",
)

# --- web pages and text --------------------------------------------------------------------------
HTML_TOO_LARGE: Final = Message(
    "{n} characters of HTML, over the limit of {limit}", "网页有{n}个字符，超过{limit}个字符的上限"
)
HTML_NUL: Final = Message("not an HTML page (NUL characters)", "不是网页（含有空字符）")
HTML_UNREADABLE: Final = Message("not a readable HTML page", "无法解析的网页")
HTML_EMPTY: Final = Message("not a readable HTML page: empty document", "无法解析的网页：文档为空")
HTML_TOO_MANY_CELLS: Final = Message(
    "the page's tables have more than {limit} cells", "网页中的表格超过{limit}个单元格的上限"
)
HTML_TOO_DEEP: Final = Message("the page is nested too deeply", "网页嵌套层次过深")
HTML_NESTED_BEYOND: Final = Message(
    "the page is nested more than {limit} levels deep; the rest of it cannot be read",
    "网页嵌套超过{limit}层，其余内容无法读取",
)
TEXT_TOO_LARGE: Final = Message(
    "{n} characters of text, over the limit of {limit}", "文本有{n}个字符，超过{limit}个字符的上限"
)
TEXT_NUL: Final = Message("not a text file (NUL characters)", "不是文本文件（含有空字符）")
TEXT_TOO_MANY_LINES: Final = Message(
    "{n} lines of text, over the limit of {limit}", "文本有{n}行，超过{limit}行的上限"
)

# --- PDF -----------------------------------------------------------------------------------------
NOT_PDF: Final = Message("not a PDF file", "不是 PDF 文件")
NO_PDFTOTEXT: Final = Message(
    "reading a PDF needs the pdftotext program of poppler, which is not installed "
    "(Debian/Ubuntu: apt-get install poppler-utils; macOS: brew install poppler); "
    "or extract the text yourself with pdftotext -layout and read the .txt",
    "读取 PDF 需要 poppler 的 pdftotext 程序，但系统中没有安装"
    "（Debian/Ubuntu：apt-get install poppler-utils；macOS：brew install poppler）；"
    "也可以自行用 pdftotext -layout 提取文字，再读取得到的 .txt 文件",
)
PDFTOTEXT_TIMEOUT: Final = Message(
    "pdftotext did not finish within {seconds} s", "pdftotext 在{seconds}秒内未能完成"
)
PDFTOTEXT_FAILED: Final = Message("cannot run pdftotext: {reason}", "无法运行 pdftotext：{reason}")
PDFTOTEXT_MEMORY: Final = Message(
    "pdftotext stopped: the PDF needs more than {limit} MB of memory to extract (a decompression bomb?)",
    "pdftotext 已停止：提取该 PDF 的文字需要超过{limit}MB内存（可能是解压炸弹）",
)
DAMAGED_PDF: Final = Message(
    "a damaged PDF: pdftotext could not read it", "PDF 文件已损坏：pdftotext 无法读取"
)
PDF_TEXT_TOO_LARGE: Final = Message(
    "{size} bytes of text in the PDF, over the limit", "PDF 中的文字有{size}字节，超过上限"
)
PDF_NO_TEXT: Final = Message(
    "the PDF has no text layer (a scanned image?): run OCR on it first",
    "PDF 没有文字层（可能是扫描图像）：请先进行文字识别（OCR）",
)
NO_PDF_READER: Final = Message(
    'reading a PDF needs the pdf extra (pip install "gov-disclosure[pdf]", which reads it with PDFium) '
    "or the pdftotext program of poppler (Debian/Ubuntu: apt-get install poppler-utils; macOS: brew "
    "install poppler; conda: conda install poppler); neither is installed",
    '读取 PDF 需要安装 pdf 扩展（pip install "gov-disclosure[pdf]"，用 PDFium 读取）或 poppler 的 '
    "pdftotext 程序（Debian/Ubuntu：apt-get install poppler-utils；macOS：brew install poppler；"
    "conda：conda install poppler），两者都没有安装",
)
DAMAGED_PDF_PDFIUM: Final = Message(
    "a damaged PDF: PDFium could not read it", "PDF 文件已损坏：PDFium 无法读取"
)
PDF_PAGE_DAMAGED: Final = Message(
    "a damaged PDF: page {page} cannot be read", "PDF 文件已损坏：第{page}页无法读取"
)
PDF_PASSWORD: Final = Message("the PDF is protected by a password", "PDF 文件有密码保护")
PDF_TOO_MUCH_TEXT: Final = Message(
    "more than {limit} characters of text in the PDF", "PDF 中的文字超过{limit}个字符的上限"
)
PDF_FILTERS: Final = Message(
    "the PDF uses stream filters the geometry reader does not open (LZW, RunLength, ASCII85/Hex)",
    "PDF 使用了按页面几何读取时不打开的数据流编码（LZW、RunLength、ASCII85/Hex）",
)
PDF_TOO_MANY_STREAMS: Final = Message("more than {limit} streams in the PDF", "PDF 中的数据流超过{limit}个")
PDF_STREAM_INFLATES: Final = Message(
    "a stream of the PDF inflates to more than {limit} bytes (decompression bomb?)",
    "PDF 中有数据流解压后超过{limit}字节（疑似压缩炸弹）",
)
PDF_STREAMS_INFLATE: Final = Message(
    "the streams of the PDF inflate to more than {limit} bytes",
    "PDF 的数据流解压后共超过{limit}字节",
)
# a page whose drawing is not read from its geometry (read from its text instead)
PDF_PAGE_OBJECTS: Final = Message(
    "page {page}: more than {limit} drawing objects", "第{page}页：图形对象超过{limit}个"
)
PDF_PAGE_SEGMENTS: Final = Message(
    "page {page}: more than {limit} path segments", "第{page}页：线段超过{limit}条"
)
PDF_PAGE_CHARS: Final = Message("page {page}: more than {limit} characters", "第{page}页：字符超过{limit}个")
PDF_PAGE_RULINGS: Final = Message(
    "page {page}: {n} ruling lines, more than {limit}", "第{page}页：表格线有{n}条，超过{limit}条"
)
PDF_PAGE_POSITIONS: Final = Message(
    "page {page}: the tables have more than {limit} positions", "第{page}页：表格超过{limit}个单元格位置"
)

# --- optional parts ------------------------------------------------------------------------------
MISSING_EXTRA: Final = Message(
    "{feature} needs the optional dependencies of the '{extra}' extra: pip install \"gov-disclosure[{extra}]\"",
    '{feature}需要安装可选依赖“{extra}”：pip install "gov-disclosure[{extra}]"',
)
FEATURE_HTML: Final = Message("reading HTML (gov_disclosure.html)", "读取网页（gov_disclosure.html）")
FEATURE_DOCX: Final = Message("reading and writing .docx", "读写 .docx 文件")
FEATURE_PDF: Final = Message(
    "reading PDF tables cell by cell (gov_disclosure.pdf)", "按表格线逐格读取 PDF 表格（gov_disclosure.pdf）"
)
FEATURE_EXCEL: Final = Message("Excel support (gov_disclosure.excel)", "Excel 功能（gov_disclosure.excel）")
FEATURE_PARQUET: Final = Message(
    "Parquet output (pyarrow or polars)", "输出 Parquet（需要 pyarrow 或 polars）"
)

# --- batch runs ----------------------------------------------------------------------------------
INTERNAL_ERROR: Final = Message("internal error", "程序内部错误（请向开发者报告）")
WORKER_DIED: Final = Message("the worker process died", "工作进程意外退出")
TIME_LIMIT: Final = Message("the time limit of {seconds} s ran out", "超过了{seconds}秒的时间限制")
CRASHED_READING: Final = Message("{reason} while reading this file", "读取该文件时{reason}")
CRASHED_COMPARING: Final = Message("{reason} while comparing it with {last}", "与 {last} 比对时{reason}")
UNREADABLE_ROW: Final = Message("{error}", "无法读取：{error}")
UNCOMPARED_ROW: Final = Message("{error}", "无法比对：{error}")
NOT_EXPORTED: Final = Message("not exported, unreadable: {error}", "未导出，无法读取：{error}")

# --- aggregation ---------------------------------------------------------------------------------
NO_UNITS: Final = Message("no units to aggregate", "没有可汇总的单位")
AGENCY_EMPTY: Final = Message("the collecting agency's name is empty", "汇总机关名称为空")
UNITS_UNREADABLE: Final = Message(
    "{n} of {total} unit files could not be read; nothing was summed:",
    "{total}个单位文件中有{n}个无法读取，未作汇总：",
)
UNITS_DIFFER: Final = Message(
    "the units are of different formats or years and cannot be summed:",
    "各单位报表的格式版本或年度不一致，不能汇总：",
)
UNIT_GROUP: Final = Message("{format} format, year {year}: {names}", "{format}版格式、{year}年度：{names}")
UNITS_TWICE: Final = Message(
    "a unit is given more than once and would be counted twice:",
    "有单位重复给出，汇总时会被重复计算：",
)
SAME_FILE_TWICE: Final = Message("{paths}: the same file", "{paths}：同一个文件")
SAME_CONTENT_TWICE: Final = Message("{paths}: the same content", "{paths}：内容完全相同")

# --- PDF output ----------------------------------------------------------------------------------
NO_SOFFICE: Final = Message(
    "writing a PDF needs LibreOffice (the soffice program), which is not installed: install it "
    "(Debian/Ubuntu: apt-get install libreoffice-writer-nogui; Windows, macOS: libreoffice.org), "
    "or write a .docx",
    "生成 PDF 需要 LibreOffice（soffice 程序），但系统中没有安装：请安装（Debian/Ubuntu："
    "apt-get install libreoffice-writer-nogui；Windows、macOS：libreoffice.org），或改为生成 .docx",
)
SOFFICE_FAILED: Final = Message(
    "LibreOffice could not convert the document to PDF", "LibreOffice 未能把文档转换为 PDF"
)
SOFFICE_TIMEOUT: Final = Message(
    "LibreOffice did not finish converting the document to PDF within {seconds} s",
    "LibreOffice 在{seconds}秒内未能完成 PDF 转换",
)
OUTPUT_IS_INPUT: Final = Message(
    "the output is one of the input files: refused (it would be overwritten)",
    "输出文件是输入文件之一，不予写入（否则会覆盖它）",
)
