"""Check a folder of reports the way a supervising office does each January, then export every cell
for research.

Run: python examples/batch_folder.py [FOLDER]
Without FOLDER, a folder of generated reports is made first (three agencies, three years, a few
mistakes, a copy-pasted report and a corrupt file).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import attrs

from gov_disclosure import batch, from_json, to_json
from gov_disclosure.testing import random_report


def make_folder(root: Path) -> Path:
    rng = random.Random("examples/batch_folder")
    agencies = ("郑州市二七区科学技术局", "杭州市西湖区人民政府", "广州市天河区教育局")
    for i, agency in enumerate(agencies):
        report = attrs.evolve(random_report(rng, year=2021), agency=agency)
        for _ in range(3):
            if i == 1 and report.year == 2023:  # a clerk's typo in one total
                total = report.cell("appeals/review/total")
                assert isinstance(total, int)
                report = report.with_cells({"appeals/review/total": total + 1})
            folder = root / str(report.year)
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{agency}-{report.year}.json").write_text(to_json(report), encoding="utf-8")
            report = random_report(rng, previous=report)
    # one agency copied its 2022 overview into 2023, changing only the numbers
    text = "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(300))
    for year, n in ((2022, 17), (2023, 23)):
        path = root / str(year) / f"{agencies[2]}-{year}.json"
        r = from_json(path.read_text(encoding="utf-8"))
        r = attrs.evolve(r, sections=attrs.evolve(r.sections, overview=f"{year}年度第{n}号。{text}"))
        path.write_text(to_json(r), encoding="utf-8")
    (root / "2023" / "truncated.json").write_text('{"format": "2021", "ye', encoding="utf-8")
    return root


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else make_folder(Path("reports"))

    def progress(stage: str, done: int, total: int) -> None:
        if done == total:
            print(f"  {stage}: {done}/{total} done")

    result = batch.check_paths([folder], jobs=2, on_progress=progress)
    s = result.summary
    print(
        f"{s.files} files: {s.read} read, {s.unreadable} unreadable, {s.with_errors} with errors, "
        f"{s.pairs} year pairs checked"
    )
    for r in result.results:
        if not r.readable:
            print(f"  unreadable: {r.error}")
    for record in result.finding_records():
        if record["code"] != "unreadable":
            print(
                f"  {record['code']} {record['agency']} {record['year']} {record['location']}: "
                f"{record['message_zh']}"
            )
    with open("findings.csv", "w", encoding="utf-8", newline="") as out:
        for _ in batch.write_findings([*result.results, *result.pairs], out):
            pass
    count = batch.write_cells([folder], "cells.csv", jobs=2)
    print(
        f"cells.csv: {count.rows} cells of {count.files - len(count.unreadable)} reports; "
        f"findings.csv written; exit code would be {s.exit_code}"
    )


if __name__ == "__main__":
    main()
