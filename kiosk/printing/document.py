"""What a printer is asked to print, independent of any printer: layout produces it, the
ESC/POS renderer and the previews consume it. Pure: no third-party imports, so services may use
these types."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Align = Literal["left", "center", "right"]


@dataclass(frozen=True)
class Line:
    """One printed line, already fitted to the width (layout wraps; renderers never do)."""

    text: str
    align: Align = "left"
    bold: bool = False
    double: bool = False  # double width and height: counts twice against the width


@dataclass(frozen=True)
class Rule:
    char: str = "-"


@dataclass(frozen=True)
class QrCode:
    payload: str
    caption: str | None = None


@dataclass(frozen=True)
class Feed:
    lines: int = 1


Block = Line | Rule | QrCode | Feed


@dataclass(frozen=True)
class PrintDocument:
    blocks: tuple[Block, ...]
    width: int  # characters per line in Font A: 32 (58 mm), 42 or 48 (80 mm)
    cut: bool = True
    open_drawer: bool = False
    title: str = ""  # what the print queue shows for this job, e.g. "Struk AMB-01-000123"


@dataclass(frozen=True)
class CardFace:
    """Everything printed on one QR ID card; ``payload`` is the signed QR text (JKB1:...)."""

    nama: str
    opd: str
    tier_label: str
    masked_nip: str
    payload: str
