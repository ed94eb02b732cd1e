"""Write a report as an official .docx document, then read it back.

Run: python examples/write_docx.py [OUTPUT.docx]
Writes report-2021.docx in the current folder unless told otherwise.
"""

from __future__ import annotations

import sys
from pathlib import Path

from gov_disclosure import validate
from gov_disclosure.docx import DocxStyle, read_docx, write_docx
from gov_disclosure.testing import sample_report

output = Path(sys.argv[1] if len(sys.argv) > 1 else "report-2021.docx")

# A complete sample report; leave one cell blank, as a clerk might.
report = sample_report("2021").with_cells({"appeals/suit_direct/pending": None})

# Fonts are configurable (the defaults follow GB/T 9704: 方正小标宋简体, 仿宋_GB2312, 黑体).
write_docx(report, output, style=DocxStyle(body_font="仿宋_GB2312"))
print(f"wrote {output} ({output.stat().st_size} bytes): {report.agency} {report.year}")

# Our own documents read back exactly; the blank cell is still blank, not 0.
back, findings = read_docx(output)
assert back == report
print(f"read back: identical={back == report}, blank cell={back.cell('appeals/suit_direct/pending')}")
for finding in validate(back, findings=findings):
    print(f"  {finding.code} {finding.location}: {finding.message_zh}")
