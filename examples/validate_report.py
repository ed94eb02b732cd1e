"""Build a report from cell values, validate it, and print the findings (English and Chinese).

Run: python examples/validate_report.py
"""

from gov_disclosure import Report, from_json, to_json, validate
from gov_disclosure.testing import sample_report

# Start from a complete, valid sample and break two things a clerk often gets wrong.
report = sample_report("2021")
total = report.cell("applications/total/natural_person")
assert isinstance(total, int)
report = report.with_cells(
    {
        "applications/total/natural_person": total + 2,  # (七)总计 typed by hand, off by two
        "appeals/review/pending": None,  # left blank
    }
)

result = validate(report)
print(f"{report.agency} {report.year}: valid={result.valid}, {len(result.findings)} findings")
for finding in result.findings:
    print(f"  {finding.code} {finding.severity.value:<7} {finding.location}")
    print(f"      {finding.message}")
    print(f"      {finding.message_zh}")
for check in result.not_assessable:
    print(f"  not assessable: {check.code} at {check.location} (missing: {', '.join(check.missing)})")

# JSON is lossless, whatever the report says.
assert from_json(to_json(report)) == report
print("JSON round trip: identical")

# A report built directly from FORMAT.md addresses:
blank = Report.from_cells("2019", {"applications/new/natural_person": 1}, year=2019, agency="某局")
print(f"blank 2019 report: {sum(1 for _, v in blank.cells() if v is None)} of 198 cells missing")
