"""What a written report keeps beside its visible text, and byte-stable packaging.

The official layout cannot carry everything a :class:`~gov_disclosure.core.model.Report` holds: the kind
of agency is not printed, a title cannot tell an agency called “2020” from a year, an amount without
a unit prints like one in the header's unit, and XML cannot hold some characters at all. The writer
stores those facts as custom document properties (``docProps/custom.xml``); the reader uses each
one only while the visible text it belongs to is still exactly what the writer printed, so a
document edited by hand is read from what it shows. Documents written by others have none of this.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, Final

import attrs
from lxml import etree

from ..core.model import AgencyKind
from ..core.values import Amount, Cell
from ..core.vocabulary import FORMATS, FormatKey
from ._xml import SAFE_PARSER

__all__ = ["OwnMetadata", "custom_properties_xml", "parse_custom_properties", "repack"]

_CP_NS: Final = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS: Final = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_FMTID: Final = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
PREFIX: Final = "gov-disclosure."
VERSION: Final = "1"

#: the time stamp of every zip entry (the zip format cannot hold an earlier one)
_ZIP_TIME: Final = (1980, 1, 1, 0, 0, 0)


@attrs.frozen
class CellFix:
    """A cell whose printed text does not read back to its value: what the reader will see, and
    the exact value and raw text to restore when it does."""

    seen: str
    value: Cell
    raw: str | None
    #: the grid position (``table 3, row 4, cell 2``) when the cell is checked there rather than
    #: where the table reader placed it (a row the reader cannot place as a whole)
    source: str | None = None


@attrs.frozen
class TextFix:
    """A text (a section) that XML could not hold as it is: what is printed, and the exact text."""

    seen: str
    text: str


@attrs.frozen
class OwnMetadata:
    """What gov-disclosure wrote into a document's custom properties."""

    format: FormatKey
    agency_kind: AgencyKind | None = None
    agency: str | None = None
    year: int | None = None
    published_on: dt.date | None = None
    cells: Mapping[str, CellFix] = attrs.Factory(dict)
    sections: Mapping[str, TextFix] = attrs.Factory(dict)


def _cell_to_json(value: Cell) -> Any:
    if value is None:
        return None
    if isinstance(value, Amount):
        return {"amount": str(value.value), "unit": value.unit}
    return {"count": value}


def _cell_from_json(data: Any) -> Cell:
    if data is None:
        return None
    if isinstance(data, dict) and isinstance(data.get("count"), int) and not isinstance(data["count"], bool):
        return int(data["count"])
    if isinstance(data, dict) and isinstance(data.get("amount"), str):
        try:
            number = Decimal(data["amount"])
        except InvalidOperation:
            raise ValueError("bad amount") from None
        return Amount(number, data.get("unit"))
    raise ValueError(f"not a cell value: {data!r}")


def _dumps(data: Any) -> str:
    # ASCII only: every character of the property survives XML and any code page
    return json.dumps(data, ensure_ascii=True, sort_keys=True, separators=(",", ":"))


def custom_properties_xml(meta: OwnMetadata) -> bytes:
    """``docProps/custom.xml`` holding ``meta``."""
    props: dict[str, str] = {"version": VERSION, "format": meta.format}
    if meta.agency_kind is not None:
        props["agency_kind"] = meta.agency_kind
    props["identity"] = _dumps(
        {
            "agency": meta.agency,
            "year": meta.year,
            "published_on": meta.published_on.isoformat() if meta.published_on else None,
        }
    )
    exact: dict[str, Any] = {}
    if meta.cells:
        exact["cells"] = {
            a: {"seen": f.seen, "value": _cell_to_json(f.value), "raw": f.raw, "source": f.source}
            for a, f in meta.cells.items()
        }
    if meta.sections:
        exact["sections"] = {k: {"seen": f.seen, "text": f.text} for k, f in meta.sections.items()}
    if exact:
        props["exact"] = _dumps(exact)
    root = etree.Element(f"{{{_CP_NS}}}Properties", nsmap={None: _CP_NS, "vt": _VT_NS})  # type: ignore[dict-item]
    for pid, (name, value) in enumerate(props.items(), start=2):
        prop = etree.SubElement(root, f"{{{_CP_NS}}}property", fmtid=_FMTID, pid=str(pid), name=PREFIX + name)
        etree.SubElement(prop, f"{{{_VT_NS}}}lpwstr").text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def parse_custom_properties(blob: bytes) -> OwnMetadata | None:
    """The metadata gov-disclosure wrote, or None (none there, another version, or damaged)."""
    try:
        root = etree.fromstring(blob, SAFE_PARSER)
    except etree.XMLSyntaxError:
        return None
    props: dict[str, str] = {}
    for prop in root.iterfind(f"{{{_CP_NS}}}property"):
        name = prop.get("name") or ""
        if name.startswith(PREFIX):
            props[name[len(PREFIX) :]] = "".join(str(t) for t in prop.itertext())
    if props.get("version") != VERSION or props.get("format") not in FORMATS:
        return None
    try:
        identity = json.loads(props.get("identity", "{}"))
        exact = json.loads(props.get("exact", "{}"))
        agency = identity.get("agency")
        year = identity.get("year")
        published = identity.get("published_on")
        cells = {
            str(a): CellFix(str(f["seen"]), _cell_from_json(f["value"]), f["raw"], f.get("source"))
            for a, f in exact.get("cells", {}).items()
        }
        sections = {
            str(k): TextFix(str(f["seen"]), str(f["text"])) for k, f in exact.get("sections", {}).items()
        }
        if not (agency is None or isinstance(agency, str)) or not (
            year is None or (isinstance(year, int) and not isinstance(year, bool))
        ):
            return None
        if any(
            not (f.raw is None or isinstance(f.raw, str))
            or not (f.source is None or isinstance(f.source, str))
            for f in cells.values()
        ):
            return None
        kind: AgencyKind | None = None
        if props.get("agency_kind") == "department":
            kind = "department"
        elif props.get("agency_kind") == "government":
            kind = "government"
        return OwnMetadata(
            format=props["format"],  # type: ignore[arg-type]
            agency_kind=kind,
            agency=agency,
            year=year,
            published_on=dt.date.fromisoformat(published) if published else None,
            cells=cells,
            sections=sections,
        )
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def repack(data: bytes) -> bytes:
    """The same package with fixed entry time stamps and attributes, so equal content gives equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0
            entry.external_attr = 0
            dst.writestr(entry, src.read(info))
    return out.getvalue()
