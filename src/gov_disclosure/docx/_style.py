"""The look of a written report: fonts, sizes, margins (GB/T 9704 conventions by default)."""

from __future__ import annotations

import attrs

from ..core.errors import ArgumentError
from ..core.messages import docx as M

__all__ = ["DocxStyle"]


def _positive(_: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not value > 0:
        raise ArgumentError(M.NOT_POSITIVE, name=attribute.name, value=value)


def _font_name(_: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ArgumentError(M.NOT_A_FONT, name=attribute.name, value=value)


@attrs.frozen(kw_only=True)
class DocxStyle:
    """Fonts, sizes (points) and page margins (millimetres) of a written report.

    The defaults follow the conventions of Chinese official documents (GB/T 9704-2012,
    《党政机关公文格式》): A4 paper; margins 37 mm top, 35 mm bottom, 28 mm left (订口), 26 mm right;
    title in 2号小标宋 (22 pt); body in 3号仿宋_GB2312 (16 pt) on a 28 pt line; first-level headings
    in 3号黑体; page numbers in 4号宋体 as “— 1 —”, odd pages right, even pages left.

    Font names are written into every run's ``w:rFonts`` for East Asian and Latin text alike; a
    machine without a font substitutes its own (LibreOffice, for instance, falls back to Noto CJK).
    """

    title_font: str = attrs.field(default="方正小标宋简体", validator=_font_name)
    body_font: str = attrs.field(default="仿宋_GB2312", validator=_font_name)
    heading_font: str = attrs.field(default="黑体", validator=_font_name)
    table_font: str = attrs.field(default="宋体", validator=_font_name)
    page_number_font: str = attrs.field(default="宋体", validator=_font_name)
    title_size: float = attrs.field(default=22.0, validator=_positive)
    body_size: float = attrs.field(default=16.0, validator=_positive)
    heading_size: float = attrs.field(default=16.0, validator=_positive)
    #: small enough that the 15 columns of the appeals table fit the text width
    table_size: float = attrs.field(default=10.5, validator=_positive)
    page_number_size: float = attrs.field(default=14.0, validator=_positive)
    #: exact line pitch of the body text (22 lines to the page)
    line_spacing: float = attrs.field(default=28.0, validator=_positive)
    margin_top: float = attrs.field(default=37.0, validator=_positive)
    margin_bottom: float = attrs.field(default=35.0, validator=_positive)
    margin_left: float = attrs.field(default=28.0, validator=_positive)
    margin_right: float = attrs.field(default=26.0, validator=_positive)

    def __attrs_post_init__(self) -> None:
        if (
            210 - self.margin_left - self.margin_right < 100
            or 297 - self.margin_top - self.margin_bottom < 150
        ):
            raise ArgumentError(M.MARGINS)
