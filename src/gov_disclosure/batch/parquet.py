"""Parquet output of the cell export, with pyarrow (streamed in row groups) or polars (collected)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from itertools import islice
from typing import Any

from ..core.errors import MissingExtraError
from ..core.files import atomic_open
from ..core.messages import errors as E

#: rows per Parquet row group (pyarrow): bounds the memory of an export of any size
BATCH_ROWS = 65_536


def write_parquet(rows: Iterable[dict[str, Any]], path: str | os.PathLike[str], fields: Sequence[str]) -> int:
    """Write ``rows`` (dicts with ``fields``) to a Parquet file (atomically); ``year`` as int64 (null
    when unknown), every other column as text, ``value`` included (it holds counts and exact decimal
    amounts). Returns the number of rows."""
    try:
        import pyarrow as pa  # type: ignore[import-untyped,import-not-found,unused-ignore]
        import pyarrow.parquet as pq  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError:
        return _write_polars(rows, path, fields)
    schema = pa.schema([(f, pa.int64() if f == "year" else pa.string()) for f in fields])
    it = iter(rows)
    n = 0
    with atomic_open(path, "wb") as sink, pq.ParquetWriter(sink, schema) as writer:
        while True:
            batch = list(islice(it, BATCH_ROWS))
            if not batch and n:
                break
            columns = {f: [_cell(f, r[f]) for r in batch] for f in fields}
            writer.write_table(pa.table(columns, schema=schema))
            n += len(batch)
            if not batch:
                break
    return n


def _cell(field: str, value: Any) -> Any:
    if field == "year":
        return None if value in ("", None) else int(value)
    return value


def _write_polars(rows: Iterable[dict[str, Any]], path: str | os.PathLike[str], fields: Sequence[str]) -> int:
    try:
        import polars as pl  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        raise MissingExtraError(E.FEATURE_PARQUET, "parquet") from None
    data = [{f: _cell(f, r[f]) for f in fields} for r in rows]
    schema = {f: (pl.Int64 if f == "year" else pl.Utf8) for f in fields}
    with atomic_open(path, "wb") as sink:
        pl.DataFrame(data, schema=schema).write_parquet(sink)
    return len(data)
