"""Each code's documentation, as package data: ``rules/docs/<CODE>/`` holds

- ``details.toml`` — ``[en]`` and ``[zh]``, each with ``definition`` (what the rule checks),
  ``reads`` (the cells and text it reads) and ``fix`` (how to make the finding go away);
- ``bad.toml`` — an example report that breaks the rule, as a change to the sample report of
  ``gov_disclosure.testing``, with ``expect``: the location of every finding it must give;
- ``good.toml`` — the example as it should be (it must pass the rule).

``gov-disclosure rules CODE`` prints them, ``docs/rules.md`` is generated from them, and the tests run
every example (``tests/core/test_rule_docs.py``): a bad example gives exactly its code at exactly the
locations it names (and only the companions it names under ``also``), a good one passes its code.

An example (``bad.toml``/``good.toml``)::

    kind = "report"            # report (default) | pair | text | files | fixes | described
    format = "2021"            # the sample report it starts from
    also = []                  # codes the change cannot help giving too
    expect = ["applications/balance/total"]   # bad only: where the findings are ("" = no location)
    [en]
    summary = "…"              # what was changed, in words
    [zh]
    summary = "…"
    [this]                     # the change to (this year's) report
    fields = { published_on = "{next}-02-15", agency_kind = "department" }
    cells = { "applications/carried_forward/total" = "+1", "appeals/*/*" = 0 }
    raw = { "appeals/review/upheld" = "/" }
    sections = { problems = "无。" }        # a section's whole text
    append = { overview = "…" }             # text added at the end of a section
    copy = ["overview"]                     # pair: last year's text, its year made this year's
    outline = [["一、总体情况", "overview"], ["七、下一步工作打算", ""]]
    [previous]                 # pair: the change to last year's report (same keys)
    text = [["regex", "replacement"]]       # text: edits of the sample written as text
    flow = true                # text: written as plain pdftotext writes it (one block per cell)
    crawler = true             # text: the web page's text as a crawler's get_text() leaves it
    fixes = [["address", "text", "note"]]   # fixes: hand corrections ({value}: the sample's value)

A cell value is a number (set), ``"+N"``/``"-N"``/``"*N"`` (changed from the sample's), ``"missing"``,
or ``{ value = "67", unit = "yuan" }`` for an amount; a cell key may hold ``*`` (every matching cell).
Texts and dates may use ``{year}``, ``{last}`` (year − 1), ``{next}`` (year + 1) and ``{agency}``.

This module reads and applies the examples with the core only; the sample reports, the text reader
(``text`` examples) and the batch run (``files`` examples) are the caller's (the CLI's
:mod:`gov_disclosure.cli.examples`).

Layer: rules. Imports only the standard library, attrs and :mod:`gov_disclosure.core`.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import tomllib
from collections.abc import Mapping, Sequence
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any, Final, Literal, TypeAlias

import attrs

from ..core.codes import CODES
from ..core.messages import Message
from ..core.model import Heading, Report, Sections
from ..core.values import Amount, Cell
from ..core.vocabulary import SECTIONS, FormatKey

__all__ = ["Example", "ExampleKind", "Patch", "RuleDoc", "documented", "rule_doc"]

ExampleKind: TypeAlias = Literal["report", "pair", "text", "files", "fixes", "described"]
_KINDS: Final = ("report", "pair", "text", "files", "fixes", "described")
_SECTION_KEYS: Final = tuple(s.key for s in SECTIONS)


class RuleDocError(ValueError):
    """A documentation file that cannot be used (a bug of the package, found by its tests)."""


def _bilingual(data: Mapping[str, Any], key: str, where: str) -> Message:
    try:
        return Message(str(data["en"][key]).strip(), str(data["zh"][key]).strip())
    except KeyError:
        raise RuleDocError(f"{where}: [en] and [zh] must both have {key!r}") from None


@attrs.frozen
class Patch:
    """A change to a report (see the module docstring for the keys)."""

    fields: Mapping[str, Any] = attrs.Factory(dict)
    cells: Mapping[str, Any] = attrs.Factory(dict)
    raw: Mapping[str, str] = attrs.Factory(dict)
    sections: Mapping[str, str] = attrs.Factory(dict)
    append: Mapping[str, str] = attrs.Factory(dict)
    copy: tuple[str, ...] = ()
    outline: tuple[tuple[str, str], ...] | None = None

    @classmethod
    def of(cls, data: Mapping[str, Any], where: str) -> Patch:
        unknown = set(data) - {f.name for f in attrs.fields(cls)}
        if unknown:
            raise RuleDocError(f"{where}: unknown keys {sorted(unknown)}")
        for key in (*data.get("sections", {}), *data.get("append", {}), *data.get("copy", ())):
            if key not in _SECTION_KEYS:
                raise RuleDocError(f"{where}: no section {key!r}")
        outline = data.get("outline")
        return cls(
            fields=data.get("fields", {}),
            cells=data.get("cells", {}),
            raw=data.get("raw", {}),
            sections=data.get("sections", {}),
            append=data.get("append", {}),
            copy=tuple(data.get("copy", ())),
            outline=None if outline is None else tuple((str(t), str(k)) for t, k in outline),
        )

    @property
    def empty(self) -> bool:
        return not (self.fields or self.cells or self.raw or self.sections or self.append or self.copy) and (
            self.outline is None
        )

    def addresses(self, report: Report) -> list[str]:
        """The cells the patch changes, in spec order."""
        out: list[str] = []
        for c in report.spec.cells:
            if any(fnmatch.fnmatchcase(c.address, k) for k in self.cells) or c.address in self.raw:
                out.append(c.address)
        return out

    def apply(self, report: Report, last: Report | None = None) -> Report:
        """The report with this change made."""
        year = report.year or 0
        subst = {"year": year, "last": year - 1, "next": year + 1, "agency": report.agency or ""}
        cells: dict[str, Cell] = {}
        for c in report.spec.cells:
            for pattern, value in self.cells.items():
                if fnmatch.fnmatchcase(c.address, pattern):
                    cells[c.address] = _cell(value, report.cell(c.address), c.address)
        for address in self.raw:
            cells.setdefault(address, report.cell(address))
        unknown = [
            k for k in self.cells if not any(fnmatch.fnmatchcase(c.address, k) for c in report.spec.cells)
        ]
        if unknown:
            raise RuleDocError(f"no cell matches {unknown} in the {report.format} format")
        out = report.with_cells(cells, raw=dict(self.raw)) if cells else report
        changes: dict[str, Any] = {}
        for key, value in self.fields.items():
            changes[key] = _field(key, value, subst)
        texts = {k: getattr(out.sections, k) for k in _SECTION_KEYS}
        for key in self.copy:
            if last is None:
                raise RuleDocError("copy needs last year's report (kind = 'pair')")
            texts[key] = getattr(last.sections, key).replace(str(last.year), str(report.year))
        for key, text in self.sections.items():
            texts[key] = text.format(**subst)
        for key, text in self.append.items():
            texts[key] = (texts[key] + "\n" if texts[key] else "") + text.format(**subst)
        changes["sections"] = Sections(**texts)
        if self.outline is not None:
            changes["outline"] = tuple(Heading(t, k or None) for t, k in self.outline)
        return attrs.evolve(out, **changes)


def _cell(value: Any, old: Cell, address: str) -> Cell:
    if value == "missing":
        return None
    if isinstance(value, bool):
        raise RuleDocError(f"{address}: {value!r} is no cell value")
    if isinstance(value, int):
        return value
    if isinstance(value, dict):
        unit = value.get("unit")
        return Amount(Decimal(str(value["value"])), None if unit in (None, "none") else unit)
    if isinstance(value, str) and value[:1] in "+-*" and value[1:].isdigit():
        if not isinstance(old, int):
            raise RuleDocError(f"{address}: {value!r} changes a cell the sample leaves blank")
        n = int(value[1:])
        return old + n if value[0] == "+" else old - n if value[0] == "-" else old * n
    raise RuleDocError(f"{address}: {value!r} is no cell value")


def _field(key: str, value: Any, subst: Mapping[str, Any]) -> Any:
    if key == "year":
        return None if value == "" else int(value)
    if key == "published_on":
        return None if value == "" else dt.date.fromisoformat(str(value).format(**subst))
    if key in ("agency", "agency_kind"):
        return None if value == "" else str(value).format(**subst)
    raise RuleDocError(f"fields: unknown field {key!r}")


@attrs.frozen
class Example:
    """A failing or a passing example of a rule.

    ``kind``: ``report`` — the sample report of ``format`` with ``this`` applied; ``pair`` — last
    year's and this year's sample reports of one agency, ``previous`` and ``this`` applied; ``text`` —
    the sample report written as text (``gov_disclosure.text``), edited by ``text`` (regular
    expressions; ``flow``: first written one block per cell, as plain ``pdftotext`` writes a PDF;
    ``crawler``: the report's web page as a crawler's ``get_text()`` leaves it, which needs lxml), read
    back: for the codes only readers find; ``files`` — two files of one agency and year, the sample and
    the sample with ``this`` applied, checked together (``gov-disclosure check``); ``fixes`` — the
    sample with ``this`` applied and the hand corrections ``fixes`` (``--fixes``) applied to it;
    ``described`` — an example that needs what the package cannot make by itself (a PDF file): the
    summary says it in words and it is not run.
    """

    kind: ExampleKind
    format: FormatKey
    summary: Message
    this: Patch
    previous: Patch = attrs.Factory(Patch)
    text: tuple[tuple[str, str], ...] = ()
    expect: tuple[str, ...] = ()
    also: tuple[str, ...] = ()
    flow: bool = False
    crawler: bool = False
    fixes: tuple[tuple[str, str, str], ...] = ()

    @classmethod
    def of(cls, data: Mapping[str, Any], where: str) -> Example:
        kind = data.get("kind", "report")
        if kind not in _KINDS:
            raise RuleDocError(f"{where}: kind must be one of {_KINDS}")
        fmt = str(data.get("format", "2021"))
        if fmt not in ("2019", "2021"):
            raise RuleDocError(f"{where}: format must be 2019 or 2021")
        known = {"kind", "format", "en", "zh", "this", "previous", "text", "expect", "also", "flow", "crawler", "fixes"}
        if set(data) - known:
            raise RuleDocError(f"{where}: unknown keys {sorted(set(data) - known)}")
        return cls(
            kind=kind,
            format=fmt,  # type: ignore[arg-type]
            summary=_bilingual(data, "summary", where),
            this=Patch.of(data.get("this", {}), f"{where} [this]"),
            previous=Patch.of(data.get("previous", {}), f"{where} [previous]"),
            text=tuple((str(a), str(b)) for a, b in data.get("text", ())),
            expect=tuple(str(x) for x in data.get("expect", ())),
            also=tuple(str(x) for x in data.get("also", ())),
            flow=bool(data.get("flow", False)),
            crawler=bool(data.get("crawler", False)),
            fixes=tuple(
                (str(f[0]), str(f[1]), str(f[2]) if len(f) > 2 else "") for f in data.get("fixes", ())
            ),
        )

    def build(self, this: Report, last: Report | None = None) -> tuple[Report, Report | None]:
        """(this year's report, last year's or None) from the sample report(s)."""
        if self.kind == "pair":
            if last is None:
                raise RuleDocError("a pair example needs last year's sample report")
            last = self.previous.apply(last)
            return self.this.apply(this, last), last
        return self.this.apply(this), None


@attrs.frozen
class RuleDoc:
    """What ``gov-disclosure rules CODE`` prints about a code."""

    code: str
    definition: Message
    reads: Message
    fix: Message
    bad: Example
    good: Example


def _load(code: str, name: str) -> Mapping[str, Any]:
    where = f"rules/docs/{code}/{name}"
    try:
        text = resources.files(__package__).joinpath("docs", code, name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RuleDocError(f"{where} is missing") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleDocError(f"{where}: {exc}") from None


@cache
def rule_doc(code: str) -> RuleDoc:
    """The documentation of a code of the code table (KeyError for an unknown code)."""
    if code not in CODES:
        raise KeyError(code)
    details = _load(code, "details.toml")
    where = f"rules/docs/{code}/details.toml"
    bad = Example.of(_load(code, "bad.toml"), f"rules/docs/{code}/bad.toml")
    good = Example.of(_load(code, "good.toml"), f"rules/docs/{code}/good.toml")
    if not bad.expect and bad.kind != "described":
        raise RuleDocError(f"rules/docs/{code}/bad.toml: expect names no location")
    return RuleDoc(
        code,
        _bilingual(details, "definition", where),
        _bilingual(details, "reads", where),
        _bilingual(details, "fix", where),
        bad,
        good,
    )


def documented() -> Sequence[str]:
    """The codes that have a folder under ``rules/docs/``."""
    root = resources.files(__package__).joinpath("docs")
    return sorted(p.name for p in root.iterdir() if p.is_dir() and p.name in CODES)
