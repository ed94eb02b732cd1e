"""The report model: what a report says, in either format version.

Only *shape* is enforced here (known keys, every cell present, a count is an int or None, an amount
is an :class:`~gov_disclosure.core.values.Amount`), with bounds that keep every value printable,
writable and summable (:func:`bounds`): a count or amount below 10^15 in absolute value, a year
from 1900 to 2200, an agency of at most 1,000 characters, text that is valid Unicode (no lone
surrogate). Whether the numbers add up is the validator's business: a report that breaks every
勾稽关系 can still be built, serialised, written and read back.
"""

from __future__ import annotations

import datetime as dt
import operator
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from typing import Final, Literal, TypeAlias

import attrs

from .errors import ShapeError
from .values import MAX_AMOUNT_PLACES, MAX_COUNT, Amount, Cell, format_cell, in_range
from .vocabulary import (
    APPEALS_COLUMNS,
    APPEALS_GROUPS,
    APPLICATIONS_COLUMNS,
    FORMATS,
    SECTIONS,
    CellKind,
    CellSpec,
    FormatKey,
    FormatSpec,
    spec,
)

__all__ = [
    "MAX_AGENCY_CHARS",
    "MAX_SECTION_CHARS",
    "MAX_SECTION_LINES",
    "MAX_YEAR",
    "MIN_YEAR",
    "AgencyKind",
    "AppealsGroup",
    "AppealsTable",
    "ApplicationsRow",
    "Heading",
    "Report",
    "Sections",
    "agency_kind_of",
    "cut_section",
    "section_problem",
]

#: the reporting years a report may have (the regulations date from 2008; room for the future)
MIN_YEAR: Final = 1900
MAX_YEAR: Final = 2200
#: a section of a real report is a few thousand characters; these bound what any writer must write
#: and every reader read back (docs/FORMAT.md): a Word paragraph per line, an Excel cell per 32,000
MAX_SECTION_CHARS: Final = 100_000
MAX_SECTION_LINES: Final = 2_000
#: an agency's name is a few dozen characters; beyond this it is not a name (and cannot be stored in
#: a Word document's properties or an Excel cell unabridged)
MAX_AGENCY_CHARS: Final = 1000

AgencyKind: TypeAlias = Literal["department", "government"]
AGENCY_KIND_VALUES: tuple[AgencyKind, ...] = ("department", "government")

#: how the name of a government, or of its office that publishes the government's own report, ends
_GOVERNMENT_ENDINGS: Final = ("人民政府", "人民政府办公室", "人民政府办公厅", "政府办公室", "政府办公厅", "政府办")
#: how the name of a department (a bureau, commission, office, centre …) ends
_DEPARTMENT_ENDINGS: Final = (
    "局",
    "委",
    "委员会",
    "厅",
    "办",
    "办公室",
    "署",
    "院",
    "中心",
    "部",
    "会",
    "所",
    "处",
)


#: a township-level government or its office (乡、镇、苏木、街道): Art. 49 sets it no deadline
_TOWNSHIP: Final = re.compile(r"(?:镇|(?<!城)乡|苏木|街道)(?:人民政府|政府|办事处|办)?(?:党政)?(?:办公室|办)?$")
#: a vertically managed body (垂直管理部门: it reports within its own system, Art. 49 sets it no
#: deadline): a name that holds one of these ...
_VERTICAL_PARTS: Final = ("国家税务总局", "海关", "国家金融监督管理总局", "银保监", "中国人民银行", "外汇管理局", "烟草专卖局")
#: ... or ends in one of these (every 税务局 has been the tax administration's own since 2018)
_VERTICAL_ENDINGS: Final = ("税务局", "证监局", "邮政管理局", "海事局", "通信管理局", "调查队", "调查总队", "气象局")


def agency_kind_of(agency: str | None) -> AgencyKind | None:
    """The kind of agency a name suggests (Art. 49: its deadline): ``government`` for a 人民政府 or the
    office of one (人民政府办公室/办公厅, which publishes the government's own report), ``department`` for a
    bureau, commission, office …; None when the name says neither, and for the bodies Art. 49 sets no
    deadline: a township-level government (…镇人民政府, …街道办事处) or a vertically managed body
    (国家税务总局…税务局, …海关). A guess from the name: the rules that use it say so."""
    if not agency:
        return None
    name = "".join(agency.split())
    office = name.removesuffix("办公室").removesuffix("办公厅")
    if (
        _TOWNSHIP.search(name)
        or any(p in name for p in _VERTICAL_PARTS)
        or office.endswith(_VERTICAL_ENDINGS)
    ):
        return None
    if name.endswith(_GOVERNMENT_ENDINGS):
        return "government"
    if name.endswith(_DEPARTMENT_ENDINGS):
        return "department"
    return None


@attrs.frozen
class ApplicationsRow:
    """One data row of the applications table (FORMAT.md §3): seven counts, each possibly missing."""

    natural_person: int | None = None
    business: int | None = None
    research: int | None = None
    nonprofit: int | None = None
    legal_service: int | None = None
    other_org: int | None = None
    total: int | None = None


@attrs.frozen
class AppealsGroup:
    """One group of the appeals table (行政复议, 未经复议直接起诉 or 复议后起诉)."""

    upheld: int | None = None
    corrected: int | None = None
    other: int | None = None
    pending: int | None = None
    total: int | None = None


@attrs.frozen
class AppealsTable:
    """The appeals table: one row of 15 cells in three groups (FORMAT.md §4)."""

    review: AppealsGroup = attrs.Factory(AppealsGroup)
    suit_direct: AppealsGroup = attrs.Factory(AppealsGroup)
    suit_after_review: AppealsGroup = attrs.Factory(AppealsGroup)


@attrs.frozen
class Sections:
    """The six text sections. An empty string is a section with no text."""

    overview: str = ""
    proactive: str = ""
    applications: str = ""
    appeals: str = ""
    problems: str = ""
    other: str = ""


@attrs.frozen
class Heading:
    """A top-level heading as the report prints it, in document order (``Report.outline``).

    ``text`` is the heading as found (一、总体情况, 5、存在的问题及改进情况, 二、工作机制保障);
    ``section`` is the key of the six sections the reader took it for, None for a heading that is none
    of them (an extra section, or a sub-heading of 总体情况 numbered as a section).
    """

    text: str
    section: str | None = None


def _headings(value: Iterable[Heading]) -> tuple[Heading, ...]:
    return tuple(value)


#: the proactive table: block key → row key → column key → value
ProactiveTable: TypeAlias = Mapping[str, Mapping[str, Mapping[str, Cell]]]


def _blank_proactive(s: FormatSpec) -> dict[str, dict[str, dict[str, Cell]]]:
    return {b.key: {r.key: {c.key: None for c in b.columns} for r in b.rows} for b in s.proactive}


@attrs.frozen(kw_only=True, eq=True)
class Report:
    """One annual report. Build it with :meth:`blank` or :meth:`from_cells`; change it with
    :meth:`with_cells` or :func:`attrs.evolve`.

    ``raw`` holds, for cells read from text that was not the canonical spelling of the value
    ("109994元", "/", "１２"), that text as found; it is what the flat export's ``raw`` column shows.

    ``outline`` holds the top-level headings as the file printed them (readers of documents fill it;
    empty when unknown, as for a workbook, and then the outline rules are not assessable). It is how
    the report was laid out, not what it says: it takes no part in comparing two reports, so a report
    written and read back with the official headings is still the same report.
    """

    format: FormatKey
    year: int | None
    agency: str | None
    agency_kind: AgencyKind | None = None
    published_on: dt.date | None = None
    sections: Sections = attrs.Factory(Sections)
    proactive: ProactiveTable
    applications: Mapping[str, ApplicationsRow]
    appeals: AppealsTable = attrs.Factory(AppealsTable)
    raw: Mapping[str, str] = attrs.Factory(dict)
    outline: tuple[Heading, ...] = attrs.field(default=(), converter=_headings, eq=False)

    def __attrs_post_init__(self) -> None:
        problems = _shape_problems(self)
        if problems:
            raise ShapeError(problems)

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def blank(
        cls,
        format: FormatKey,
        *,
        year: int | None = None,
        agency: str | None = None,
        agency_kind: AgencyKind | None = None,
        published_on: dt.date | None = None,
        sections: Sections | None = None,
        outline: Sequence[Heading] = (),
    ) -> Report:
        """A report of the given format with every cell missing."""
        s = spec(format) if format in FORMATS else None
        if s is None:
            raise ShapeError([("format", f"unknown format {format!r}; expected one of {FORMATS}")])
        return cls(
            format=format,
            year=year,
            agency=agency,
            agency_kind=agency_kind,
            published_on=published_on,
            sections=sections or Sections(),
            proactive=_blank_proactive(s),
            applications={r.key: ApplicationsRow() for r in s.applications_rows if r.key},
            outline=tuple(outline),
        )

    @classmethod
    def from_cells(
        cls,
        format: FormatKey,
        cells: Mapping[str, Cell],
        *,
        year: int | None = None,
        agency: str | None = None,
        agency_kind: AgencyKind | None = None,
        published_on: dt.date | None = None,
        sections: Sections | None = None,
        raw: Mapping[str, str] | None = None,
        outline: Sequence[Heading] = (),
    ) -> Report:
        """A report from a mapping of cell address → value; cells not given are missing."""
        s = spec(format) if format in FORMATS else None
        if s is None:
            raise ShapeError([("format", f"unknown format {format!r}; expected one of {FORMATS}")])
        _check_addresses(s, [*cells, *(raw or {})])
        # built in one go (one shape check), not as blank().with_cells()
        proactive = _blank_proactive(s)
        applications: dict[str, dict[str, Cell]] = {
            r.key: dict.fromkeys(_APPLICATIONS_FIELDS) for r in s.applications_rows if r.key
        }
        appeals: dict[str, dict[str, Cell]] = {g.key: dict.fromkeys(_APPEALS_FIELDS) for g in APPEALS_GROUPS}
        _set_cells(cells, proactive, applications, appeals)
        return cls(
            format=format,
            year=year,
            agency=agency,
            agency_kind=agency_kind,
            published_on=published_on,
            sections=sections or Sections(),
            proactive=proactive,
            applications={k: ApplicationsRow(**v) for k, v in applications.items()},  # type: ignore[arg-type]
            appeals=AppealsTable(**{k: AppealsGroup(**v) for k, v in appeals.items()}),  # type: ignore[arg-type]
            raw=dict(raw or {}),
            outline=tuple(outline),
        )

    @classmethod
    def from_values(
        cls,
        format: FormatKey,
        values: Sequence[Cell],
        *,
        year: int | None = None,
        agency: str | None = None,
        agency_kind: AgencyKind | None = None,
        published_on: dt.date | None = None,
        sections: Sections | None = None,
    ) -> Report:
        """A report from every cell's value in the order of :meth:`cells` (the order of FORMAT.md):
        ``Report.from_values(r.format, [v for _, v in r.cells()], ...)`` rebuilds ``r``'s tables."""
        s = spec(format) if format in FORMATS else None
        if s is None:
            raise ShapeError([("format", f"unknown format {format!r}; expected one of {FORMATS}")])
        runs = _value_runs(format)
        if len(values) != runs[-1][-1]:
            raise ShapeError([("cells", f"expected {runs[-1][-1]} values, got {len(values)}")])
        proactive: dict[str, dict[str, dict[str, Cell]]] = {}
        applications: dict[str, ApplicationsRow] = {}
        appeals: dict[str, AppealsGroup] = {}
        for table, a, b, columns, start, end in runs:
            if table == "proactive":
                proactive.setdefault(a, {})[b] = dict(zip(columns, values[start:end], strict=True))
            elif table == "applications":
                applications[a] = ApplicationsRow(*values[start:end])  # type: ignore[arg-type]
            else:
                appeals[a] = AppealsGroup(*values[start:end])  # type: ignore[arg-type]
        return cls(
            format=format,
            year=year,
            agency=agency,
            agency_kind=agency_kind,
            published_on=published_on,
            sections=sections or Sections(),
            proactive=proactive,
            applications=applications,
            appeals=AppealsTable(**appeals),
        )

    def with_cells(self, cells: Mapping[str, Cell], *, raw: Mapping[str, str] | None = None) -> Report:
        """A copy with the given cells replaced (and, if given, their raw texts replaced)."""
        _check_addresses(self.spec, [*cells, *(raw or {})])
        proactive = {b: {r: dict(cols) for r, cols in rows.items()} for b, rows in self.proactive.items()}
        applications = {k: attrs.asdict(v, recurse=False) for k, v in self.applications.items()}
        appeals = {g.key: attrs.asdict(getattr(self.appeals, g.key)) for g in APPEALS_GROUPS}
        _set_cells(cells, proactive, applications, appeals)
        new_raw = dict(self.raw)
        if raw is not None:
            for address in cells:
                new_raw.pop(address, None)
            new_raw.update(raw)
        return attrs.evolve(
            self,
            proactive=proactive,
            applications={k: ApplicationsRow(**v) for k, v in applications.items()},
            appeals=AppealsTable(**{k: AppealsGroup(**v) for k, v in appeals.items()}),
            raw=new_raw,
        )

    # -- access -------------------------------------------------------------------------------

    @property
    def spec(self) -> FormatSpec:
        """The vocabulary of this report's format version."""
        return spec(self.format)

    def cell(self, address: str) -> Cell:
        """The value at a FORMAT.md cell address, e.g. ``applications/denied.state_secret/total``."""
        if not self.spec.has_cell(address):
            raise KeyError(f"no cell {address!r} in the {self.format} format")
        table, row, column = address.split("/")
        if table == "proactive":
            block, row_key = row.split(".", 1)
            return self.proactive[block][row_key][column]
        if table == "applications":
            value: Cell = getattr(self.applications[row], column)
            return value
        group: AppealsGroup = getattr(self.appeals, row)
        value = getattr(group, column)
        return value

    def cells(self) -> Iterator[tuple[CellSpec, Cell]]:
        """Every cell with its spec, in the order of FORMAT.md."""
        return zip(self.spec.cells, self.values(), strict=True)

    def values(self) -> list[Cell]:
        """Every cell's value, in the order of :meth:`cells` (see :meth:`from_values`)."""
        out: list[Cell] = []
        proactive, applications, appeals = self.proactive, self.applications, self.appeals
        for table, a, b, columns, _, _ in _value_runs(self.format):
            if table == "proactive":
                row = proactive[a][b]
                out.extend([row[c] for c in columns])
            elif table == "applications":
                out.extend(_applications_values(applications[a]))
            else:
                out.extend(_appeals_values(getattr(appeals, a)))
        return out

    def cell_text(self, address: str) -> str:
        """What a writer prints in a cell: the text as found (``raw``) if the report kept one, else
        the canonical text of the value ("" when missing). Reading it back gives the same cell."""
        raw = self.raw.get(address)
        if raw is not None:
            return raw
        return format_cell(self.cell(address), self.spec.cell(address).unit)

    def cell_map(self) -> dict[str, Cell]:
        """Every cell as address → value, in spec order."""
        return {c.address: v for c, v in self.cells()}


@cache
def _access_paths(format: FormatKey) -> tuple[tuple[CellSpec, str, str, str, str], ...]:
    """For each cell in spec order: its spec, table and the keys that lead to it in the model."""
    out = []
    for c in spec(format).cells:
        if c.table == "proactive":
            block, row = c.row.split(".", 1)
            out.append((c, c.table, block, row, c.column))
        else:
            out.append((c, c.table, c.row, c.column, ""))
    return tuple(out)


_APPLICATIONS_FIELDS: Final = tuple(c.key for c in APPLICATIONS_COLUMNS)
_APPEALS_FIELDS: Final = tuple(c.key for c in APPEALS_COLUMNS)
_applications_values: Final = operator.attrgetter(*_APPLICATIONS_FIELDS)
_appeals_values: Final = operator.attrgetter(*_APPEALS_FIELDS)


@cache
def _value_runs(format: FormatKey) -> tuple[tuple[str, str, str, tuple[str, ...], int, int], ...]:
    """The cells of :meth:`Report.cells` as runs of one table row each: (table, block or row, row or
    "", columns, first index, end index). Applications rows and appeals groups hold their columns in
    field order."""
    runs: list[tuple[str, str, str, tuple[str, ...], int, int]] = []
    for i, (_, table, a, b, column) in enumerate(_access_paths(format)):
        key = (table, a, b if table == "proactive" else "")
        name = column if table == "proactive" else b
        if runs and runs[-1][:3] == key and runs[-1][5] == i:
            t, x, y, columns, start, _ = runs[-1]
            runs[-1] = (t, x, y, (*columns, name), start, i + 1)
        else:
            runs.append((*key, (name,), i, i + 1))
    for table, _, _, columns, _, _ in runs:
        if table == "applications":
            assert columns == _APPLICATIONS_FIELDS
        elif table == "appeals":
            assert columns == _APPEALS_FIELDS
    return tuple(runs)


@cache
def _amount_columns(format: FormatKey) -> dict[str, frozenset[str]]:
    """The amount columns of each proactive block (all other cells are counts)."""
    return {
        b.key: frozenset(c.key for c in b.columns if c.kind is CellKind.AMOUNT) for b in spec(format).proactive
    }


def _plain_values(r: Report) -> bool:
    """Every cell of a report of the right structure certainly holds a value of its kind (None, an
    ``int`` in a count, an :class:`Amount` in an amount): the check of every value in one pass over the
    tables, no spec per cell. False only means: ask :func:`_kind_problem` cell by cell."""
    amounts = _amount_columns(r.format)
    for block, rows in r.proactive.items():
        amount_columns = amounts[block]
        for columns in rows.values():
            for column, value in columns.items():
                if value is None:
                    continue
                if column in amount_columns:
                    if type(value) is not Amount or not in_range(value.value):
                        return False
                elif type(value) is not int or not -MAX_COUNT <= value <= MAX_COUNT:
                    return False
    groups = [getattr(r.appeals, g.key) for g in APPEALS_GROUPS]
    for values in (*map(_applications_values, r.applications.values()), *map(_appeals_values, groups)):
        for value in values:
            if value is not None and (type(value) is not int or not -MAX_COUNT <= value <= MAX_COUNT):
                return False
    return True


def bounds() -> dict[str, str]:
    """The bounds of a report's values, in words (for documentation and messages)."""
    return {
        "count": f"an integer from -{MAX_COUNT:,} to {MAX_COUNT:,}",
        "amount": f"below 10^15 in absolute value, at most {MAX_AMOUNT_PLACES} decimal places",
        "year": f"{MIN_YEAR} to {MAX_YEAR}",
        "agency": f"at most {MAX_AGENCY_CHARS} characters",
        "section": f"at most {MAX_SECTION_CHARS:,} characters and {MAX_SECTION_LINES:,} lines",
        "text": "valid Unicode (no lone surrogate)",
    }


def _check_addresses(s: FormatSpec, addresses: Iterable[str]) -> None:
    """Raise :class:`ShapeError` naming every address that is no cell of the format."""
    unknown = [a for a in addresses if not s.has_cell(a)]
    if unknown:
        raise ShapeError([(a, f"no such cell in the {s.key} format") for a in unknown])


def _set_cells(
    cells: Mapping[str, Cell],
    proactive: dict[str, dict[str, dict[str, Cell]]],
    applications: Mapping[str, dict[str, Cell]],
    appeals: Mapping[str, dict[str, Cell]],
) -> None:
    """Put each value of ``cells`` (addresses already checked) into the tables' column dicts."""
    for address, value in cells.items():
        table, row, column = address.split("/")
        if table == "proactive":
            block, row_key = row.split(".", 1)
            proactive[block][row_key][column] = value
        elif table == "applications":
            applications[row][column] = value
        else:
            appeals[row][column] = value


def _kind_problem(c: CellSpec, value: object) -> str | None:
    """What is wrong with ``value`` in cell ``c`` (None: nothing). Whatever this refuses,
    :func:`_plain_values` must not accept."""
    if value is None:
        return None
    if c.kind is CellKind.AMOUNT:
        if not isinstance(value, Amount):
            return f"expected an Amount or None, got {_short(value)}"
        return None if in_range(value.value) else f"amount out of range ({bounds()['amount']})"
    if isinstance(value, bool) or not isinstance(value, int):
        return f"expected an int or None, got {_short(value)}"
    if not in_range(value):
        return f"count out of range ({bounds()['count']})"
    return None


def _short(value: object) -> str:
    """A value for a message: never a 10,000-digit integer (which Python cannot even print)."""
    if isinstance(value, int) and not isinstance(value, bool) and not in_range(value):
        return f"an integer of about {value.bit_length() * 30103 // 100000 + 1} digits"
    text = repr(value)
    return text if len(text) <= 60 else text[:60] + "…"


def section_problem(text: str) -> str | None:
    """What makes a section's text too long (:data:`MAX_SECTION_CHARS`, :data:`MAX_SECTION_LINES`)."""
    if len(text) > MAX_SECTION_CHARS:
        return f"{len(text):,} characters, over the limit of {MAX_SECTION_CHARS:,}"
    lines = text.count("\n") + 1
    if lines > MAX_SECTION_LINES:
        return f"{lines:,} lines, over the limit of {MAX_SECTION_LINES:,}"
    return None


def cut_section(text: str) -> str:
    """A section's text within the bounds: the first lines and characters that fit."""
    if section_problem(text) is None:
        return text
    lines = text.split("\n")[:MAX_SECTION_LINES]
    return "\n".join(lines)[:MAX_SECTION_CHARS]


def _text_problem(text: str) -> str | None:
    """Text that cannot be written anywhere: a lone surrogate (valid JSON, not valid UTF-8)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return f"not valid Unicode text: a lone surrogate at character {exc.start + 1}"
    return None


_SECTION_KEYS: Final = tuple(s.key for s in SECTIONS)


def _shape_problems(r: Report) -> list[tuple[str, str]]:
    """Everything wrong with the *shape* of a report (never with its numbers)."""
    problems: list[tuple[str, str]] = []
    if r.format not in FORMATS:
        return [("format", f"unknown format {r.format!r}; expected one of {FORMATS}")]
    if r.year is not None and (isinstance(r.year, bool) or not isinstance(r.year, int)):
        problems.append(("year", f"expected an int or None, got {_short(r.year)}"))
    elif r.year is not None and not MIN_YEAR <= r.year <= MAX_YEAR:
        problems.append(("year", f"year out of range: {_short(r.year)} (expected {MIN_YEAR} to {MAX_YEAR})"))
    if r.agency is not None and not isinstance(r.agency, str):
        problems.append(("agency", f"expected a str or None, got {_short(r.agency)}"))
    elif r.agency is not None:
        if len(r.agency) > MAX_AGENCY_CHARS:
            problems.append(("agency", f"{len(r.agency)} characters, over the limit of {MAX_AGENCY_CHARS}"))
        elif problem := _text_problem(r.agency):
            problems.append(("agency", problem))
    if r.agency_kind is not None and r.agency_kind not in AGENCY_KIND_VALUES:
        problems.append(("agency_kind", f"expected one of {AGENCY_KIND_VALUES} or None"))
    if r.published_on is not None and not isinstance(r.published_on, dt.date):
        problems.append(("published_on", f"expected a date or None, got {r.published_on!r}"))
    if not all(
        isinstance(h, Heading)
        and isinstance(h.text, str)
        and (h.section is None or h.section in _SECTION_KEYS)
        for h in r.outline
    ):
        problems.append(("outline", f"expected headings whose section is one of {_SECTION_KEYS} or None"))
    if not isinstance(r.sections, Sections):
        problems.append(("sections", "expected Sections"))
    else:
        for sec in SECTIONS:
            text = getattr(r.sections, sec.key)
            if not isinstance(text, str):
                problems.append((f"sections/{sec.key}", "expected a str"))
            elif problem := _text_problem(text) or section_problem(text):
                problems.append((f"sections/{sec.key}", problem))
    s = spec(r.format)
    # proactive: exactly the blocks, rows and columns of the format
    want = _blank_proactive(s)
    if not isinstance(r.proactive, Mapping):
        return [*problems, ("proactive", "expected a mapping")]
    for b in set(want) ^ set(r.proactive):
        problems.append((f"proactive/{b}", "block missing" if b in want else "unknown block"))
    for b, rows in want.items():
        got_rows = r.proactive.get(b)
        if not isinstance(got_rows, Mapping):
            continue
        for row in set(rows) ^ set(got_rows):
            problems.append((f"proactive/{b}.{row}", "row missing" if row in rows else "unknown row"))
        for row, cols in rows.items():
            got_cols = got_rows.get(row)
            if not isinstance(got_cols, Mapping):
                continue
            for col in set(cols) ^ set(got_cols):
                problems.append(
                    (f"proactive/{b}.{row}/{col}", "cell missing" if col in cols else "unknown column")
                )
    if not isinstance(r.applications, Mapping):
        return [*problems, ("applications", "expected a mapping")]
    keys = {lr.key for lr in s.applications_rows}
    for k in keys ^ set(r.applications):
        problems.append((f"applications/{k}", "row missing" if k in keys else "unknown row"))
    for k, row_value in r.applications.items():
        if not isinstance(row_value, ApplicationsRow):
            problems.append((f"applications/{k}", "expected an ApplicationsRow"))
    if not isinstance(r.appeals, AppealsTable) or not all(
        isinstance(getattr(r.appeals, g.key), AppealsGroup) for g in APPEALS_GROUPS
    ):
        problems.append(("appeals", "expected an AppealsTable of three AppealsGroup"))
    if problems:
        return problems
    if not _plain_values(r):  # the common case (every value plainly of its kind) costs one quick pass
        for c, value in r.cells():
            problem = _kind_problem(c, value)
            if problem:
                problems.append((c.address, problem))
    if not isinstance(r.raw, Mapping):
        problems.append(("raw", "expected a mapping of cell address to text"))
    else:
        for address, text in r.raw.items():
            if not s.has_cell(address):
                problems.append((f"raw/{address}", "no such cell"))
            elif not isinstance(text, str):
                problems.append((f"raw/{address}", "expected a str"))
            elif problem := _text_problem(text):
                problems.append((f"raw/{address}", problem))
    return problems


assert tuple(f.name for f in attrs.fields(ApplicationsRow)) == tuple(c.key for c in APPLICATIONS_COLUMNS)
assert tuple(f.name for f in attrs.fields(AppealsGroup)) == tuple(c.key for c in APPEALS_COLUMNS)
assert tuple(f.name for f in attrs.fields(Sections)) == tuple(s.key for s in SECTIONS)
