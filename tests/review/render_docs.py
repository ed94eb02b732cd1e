"""Render the review page of a small corpus with headless Chromium, for docs/review.md.

Run as a script to refresh the picture in docs/img/::

    python tests/review/render_docs.py

The corpus is the review tests' (three agencies, two years each, the later year broken in known
ways); one broken report is shown unfolded under the overview and the charts.
"""

from __future__ import annotations

import importlib.util
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent.parent / "docs" / "img"


def main() -> None:
    spec = importlib.util.spec_from_file_location("review_conftest", HERE / "conftest.py")
    assert spec is not None
    assert spec.loader is not None
    conftest = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conftest)
    from gov_disclosure.batch import iter_check
    from gov_disclosure.review import build_review, write_page

    with tempfile.TemporaryDirectory() as tmp:
        files = conftest.build_corpus(Path(tmp) / "报告")
        review = build_review(iter_check([Path(tmp) / "报告"], jobs=1, keep_reports=True), keep_reports=True)
        page = Path(tmp) / "review.html"
        write_page(review, page, open_reports={str(files["1-2022"])})
        out = DOCS / "review-page.png"
        conftest.chromium(
            [f"--screenshot={out}", "--window-size=1280,2700", "--hide-scrollbars", page.as_uri()],
            Path(tmp),
        )
    print(f"wrote {out} ({out.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    sys.exit(main())
