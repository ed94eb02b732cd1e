"""Charts as inline SVG, for the review page: no script, no font and no file from anywhere else.

Each function returns one ``<svg>`` element (text escaped) sized for its data; labels use the page's
font (the reader's CJK system font), numbers are printed beside the bars, so a chart reads without
hovering and prints as it shows.

Layer: review. Imports only the standard library.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Final

__all__ = ["bars", "dumbbells", "paired_bars"]

_ROW: Final = 22
_LABEL_W: Final = 230
_WIDTH: Final = 760
_PAD: Final = 8


def _width(ch: str) -> float:
    """An estimate of a character's width in ems (CJK full, Latin about half)."""
    return 1.0 if ord(ch) > 0x2E80 else 0.6


def _label(text: str, limit: float = (_LABEL_W - 12) / 12) -> str:
    """``text`` cut to fit ``limit`` ems (the label column at 12px), with … when cut."""
    if sum(_width(ch) for ch in text) <= limit:
        return escape(text)
    out, used = [], 1.0
    for ch in text:
        used += _width(ch)
        if used > limit:
            break
        out.append(ch)
    return escape("".join(out) + "…")


def _scale(values: Sequence[float]) -> float:
    top = max(values, default=0.0)
    return (_WIDTH - _LABEL_W - 70) / top if top > 0 else 0.0


def _svg(height: int, body: list[str], title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="{_WIDTH}" '
        f'height="{height}" viewBox="0 0 {_WIDTH} {height}"><title>{escape(title)}</title>'
        + "".join(body)
        + "</svg>"
    )


def bars(items: Sequence[tuple[str, int, str]], title: str, *, empty: str = "") -> str:
    """Horizontal bars: (label, value, colour) per row, the value printed after the bar."""
    if not items:
        return _svg(
            _ROW + 2 * _PAD, [f'<text x="{_PAD}" y="{_PAD + 15}" class="muted">{escape(empty)}</text>'], title
        )
    k = _scale([v for _, v, _ in items])
    body: list[str] = []
    for i, (label, value, colour) in enumerate(items):
        y = _PAD + i * _ROW
        w = max(value * k, 1.0 if value else 0.0)
        body.append(
            f'<text x="{_LABEL_W - 6}" y="{y + 15}" text-anchor="end">{_label(label)}</text>'
            f'<rect x="{_LABEL_W}" y="{y + 3}" width="{w:.1f}" height="{_ROW - 6}" fill="{colour}"/>'
            f'<text x="{_LABEL_W + w + 5:.1f}" y="{y + 15}" class="num">{value}</text>'
        )
    return _svg(2 * _PAD + len(items) * _ROW, body, title)


def paired_bars(
    items: Sequence[tuple[str, int | None, int | None]],
    title: str,
    legend: tuple[str, str],
    *,
    colours: tuple[str, str] = ("#4472c4", "#a5a5a5"),
    empty: str = "",
) -> str:
    """Two bars per row (e.g. applications received and handled), with a legend on top; a missing
    value gets no bar and a dash."""
    if not items:
        return bars([], title, empty=empty)
    k = _scale([float(v) for _, a, b in items for v in (a, b) if v is not None])
    top = 26
    body = [
        f'<rect x="{_LABEL_W}" y="6" width="12" height="12" fill="{colours[0]}"/>'
        f'<text x="{_LABEL_W + 16}" y="16">{escape(legend[0])}</text>'
        f'<rect x="{_LABEL_W + 230}" y="6" width="12" height="12" fill="{colours[1]}"/>'
        f'<text x="{_LABEL_W + 246}" y="16">{escape(legend[1])}</text>'
    ]
    row = 2 * _ROW - 6
    for i, (label, a, b) in enumerate(items):
        y = top + i * row
        body.append(f'<text x="{_LABEL_W - 6}" y="{y + 20}" text-anchor="end">{_label(label)}</text>')
        for j, (v, colour) in enumerate(((a, colours[0]), (b, colours[1]))):
            yy = y + 2 + j * (_ROW - 4)
            if v is None:
                body.append(f'<text x="{_LABEL_W + 4}" y="{yy + 13}" class="muted">—</text>')
                continue
            w = max(v * k, 1.0 if v else 0.0)
            body.append(
                f'<rect x="{_LABEL_W}" y="{yy}" width="{w:.1f}" height="{_ROW - 6}" fill="{colour}"/>'
                f'<text x="{_LABEL_W + w + 5:.1f}" y="{yy + 13}" class="num">{v}</text>'
            )
    return _svg(top + len(items) * row + _PAD, body, title)


def dumbbells(
    items: Sequence[tuple[str, int, int]],
    title: str,
    legend: tuple[str, str],
    *,
    colours: tuple[str, str] = ("#a5a5a5", "#c00000"),
    empty: str = "",
) -> str:
    """Last year → this year per row: two dots joined by a line (grey → red), both values printed."""
    if not items:
        return bars([], title, empty=empty)
    k = _scale([float(v) for _, a, b in items for v in (a, b)])
    top = 26
    body = [
        f'<circle cx="{_LABEL_W + 6}" cy="12" r="5" fill="{colours[0]}"/>'
        f'<text x="{_LABEL_W + 16}" y="16">{escape(legend[0])}</text>'
        f'<circle cx="{_LABEL_W + 236}" cy="12" r="5" fill="{colours[1]}"/>'
        f'<text x="{_LABEL_W + 246}" y="16">{escape(legend[1])}</text>'
    ]
    for i, (label, last, this) in enumerate(items):
        y = top + i * _ROW + 11
        x1, x2 = _LABEL_W + last * k, _LABEL_W + this * k
        body.append(
            f'<text x="{_LABEL_W - 6}" y="{y + 4}" text-anchor="end">{_label(label)}</text>'
            f'<line x1="{x1:.1f}" y1="{y}" x2="{x2:.1f}" y2="{y}" stroke="#888" stroke-width="2"/>'
            f'<circle cx="{x1:.1f}" cy="{y}" r="5" fill="{colours[0]}"/>'
            f'<circle cx="{x2:.1f}" cy="{y}" r="5" fill="{colours[1]}"/>'
            f'<text x="{max(x1, x2) + 9:.1f}" y="{y + 4}" class="num">{last} → {this}</text>'
        )
    return _svg(top + len(items) * _ROW + _PAD, body, title)
