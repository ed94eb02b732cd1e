"""The supervisor's review cycle: findings back into the agency's own file, a review workbook, a page
to look at, and decisions and hand corrections that persist from one run to the next.

- :mod:`.results`: a run's results arranged for review (:class:`Review`, built from the batch events by
  :class:`ReviewCollector`): each finding with its stable id and the reviewer's decision, the cells
  read and not read, the indicators;
- :mod:`.decisions`: the reviewer's decisions (已确认 / 不予采纳 / 待核实) read back from a review
  workbook or a CSV; :mod:`.fixes`: hand corrections read from a CSV;
- :mod:`.workbook`: the review workbook (总览, 问题清单, 按规则统计, 跨年度);
- :mod:`.page` and :mod:`.charts`: the self-contained review page (HTML with inline CSS, JS and SVG);
- :mod:`.annotation`: a report file returned with its findings marked (Word comments at the cells of a
  .docx, cell comments and a 校验结果 sheet in our .xlsx template, our rendered .docx of any other);
- :mod:`.export`: the indicators of many reports as CSV or JSON Lines.

Layer: review, above :mod:`gov_disclosure.batch`. Imports the core, the rules, the reading layer, the
format packages, :mod:`gov_disclosure.io` and batch; never the CLI.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .decisions import Decision, DecisionEntry, Decisions, read_decisions
from .export import INDICATOR_FIELDS, indicator_records, write_indicators
from .fixes import read_fixes, unused_fixes
from .results import Review, ReviewCollector, ReviewedFile, ReviewedFinding, ReviewedPair, build_review

if TYPE_CHECKING:
    from .annotation import AnnotateResult, annotate
    from .page import write_page
    from .workbook import write_review_workbook

#: names whose modules need a format's library (python-docx, openpyxl, lxml): imported when first used,
#: so ``import gov_disclosure.review`` (and the CLI) stays light
_LAZY: dict[str, str] = {
    "AnnotateResult": "annotation",
    "annotate": "annotation",
    "write_page": "page",
    "write_review_workbook": "workbook",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "INDICATOR_FIELDS",
    "AnnotateResult",
    "Decision",
    "DecisionEntry",
    "Decisions",
    "Review",
    "ReviewCollector",
    "ReviewedFile",
    "ReviewedFinding",
    "ReviewedPair",
    "annotate",
    "build_review",
    "indicator_records",
    "read_decisions",
    "read_fixes",
    "unused_fixes",
    "write_indicators",
    "write_page",
    "write_review_workbook",
]
