"""The brand's colours, written once: the screen (kiosk/ui/theme.py) and the printed ID cards
(kiosk/printing/cards.py) both take them from here, so the two cannot drift apart again.

Standard library only, so any layer may import it. Colours are hex strings, as Qt style
sheets take them; ``rgb`` gives the tuple Pillow draws with."""

from __future__ import annotations

RGB = tuple[int, int, int]

BRAND = "#0d4a6e"  # deep blue: the screen's header and the card's
BRAND_LIGHT = "#cee2f0"  # pale blue for secondary text on the deep blue
ACCENT = "#f0962a"  # the awning orange
ACCENT_DARK = "#d9741a"  # the awning's darker stripes
INK = "#12202e"  # text
MUTED = "#4a5a6a"  # secondary text; still high contrast on white
PAPER = "#ffffff"


def rgb(colour: str) -> RGB:
    """``"#0d4a6e"`` -> ``(13, 74, 110)``."""
    digits = colour.removeprefix("#")
    if len(digits) != 6:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    value = int(digits, 16)
    return (value >> 16, (value >> 8) & 0xFF, value & 0xFF)
