"""How big the kiosk draws on this screen (docs/ARCHITECTURE.md, "Screens"). The layouts are
drawn for 1280x800 at scale 1. Of a bigger screen's extra room, half goes to bigger controls
and half to more of the content (more tile columns, more basket lines).
Where the screen reports its physical size, the scale also keeps a finger target (56 px at
scale 1) between about 9 and 15 mm. Never below 1 (56 px is the smallest target anywhere) and
never so big that the 1280x800 layout would no longer fit the screen."""

from __future__ import annotations

DESIGN_WIDTH, DESIGN_HEIGHT = 1280, 800
TARGET_PX = 56  # theme.TOUCH at scale 1
SMALLEST_MM, LARGEST_MM = 9.0, 15.0
LOWEST, HIGHEST = 1.0, 2.0


def automatic_scale(
    width: int, height: int, physical_mm: tuple[float, float] | None = None
) -> float:
    """The scale for a screen of ``width`` x ``height`` px, ``physical_mm`` (w, h) if known."""
    fits = max(LOWEST, min(HIGHEST, width / DESIGN_WIDTH, height / DESIGN_HEIGHT))
    scale = 1 + (fits - 1) / 2
    mm_per_px = _mm_per_px(width, height, physical_mm)
    if mm_per_px is not None:
        smallest = SMALLEST_MM / (TARGET_PX * mm_per_px)
        largest = LARGEST_MM / (TARGET_PX * mm_per_px)
        scale = min(max(scale, smallest), largest)
    return round(max(LOWEST, min(fits, scale)), 2)


def _mm_per_px(width: int, height: int, physical_mm: tuple[float, float] | None) -> float | None:
    """None where the screen does not say (no size, or zero: many drivers report that)."""
    if physical_mm is None or width <= 0 or height <= 0:
        return None
    mm_wide, mm_high = physical_mm
    if mm_wide <= 0 or mm_high <= 0:
        return None
    return (mm_wide / width + mm_high / height) / 2


def screen_scale(
    configured: float | None,
    width: int,
    height: int,
    physical_mm: tuple[float, float] | None = None,
) -> float:
    """The configured ``screen.scale`` if there is one, else the automatic one."""
    if configured is not None:
        return configured
    return automatic_scale(width, height, physical_mm)
