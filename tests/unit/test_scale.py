"""The screen's scale (kiosk/ui/scale.py): from its size, kept within a finger's 9-15 mm
where the screen reports its physical size, never below 1, overridden by screen.scale."""

from __future__ import annotations

import pytest

from kiosk.ui.scale import automatic_scale, screen_scale


@pytest.mark.parametrize(
    ("width", "height"), [(1024, 768), (1280, 800), (1280, 1024), (1366, 768), (800, 600)]
)
def test_screens_up_to_the_design_size_draw_at_1(width: int, height: int) -> None:
    assert automatic_scale(width, height) == 1.0


def test_a_bigger_screen_gives_half_its_extra_room_to_bigger_controls() -> None:
    assert automatic_scale(1920, 1080) == 1.18  # 1080/800 = 1.35: half of the 0.35
    assert automatic_scale(1600, 900) == 1.06
    assert automatic_scale(3840, 2160) == 1.5  # 2.0 at most, halved


def test_a_large_panel_keeps_a_target_under_15_mm() -> None:
    # 27" 1920x1080: 0.311 mm a pixel, so 56 px is 17.4 mm already at scale 1
    assert automatic_scale(1920, 1080, (598.0, 336.0)) == 1.0


def test_a_dense_panel_grows_a_target_to_9_mm_as_far_as_the_screen_allows() -> None:
    # 15.6" 1920x1080: 0.179 mm a pixel; 56 px at 1.18 is 11.8 mm, within the band
    assert automatic_scale(1920, 1080, (344.0, 194.0)) == 1.18
    # 10.1" 1920x1200: 0.113 mm a pixel; 9 mm needs 1.42 (the screen allows up to 1.5)
    assert automatic_scale(1920, 1200, (217.0, 136.0)) == 1.42


def test_a_21_inch_panel_stays_near_15_mm() -> None:
    # 21.5" 1920x1080: 0.248 mm a pixel; 56 px at 1.08 is 15 mm
    assert automatic_scale(1920, 1080, (476.0, 268.0)) == 1.08


def test_a_screen_that_reports_no_physical_size_is_judged_by_its_pixels() -> None:
    assert automatic_scale(1920, 1080, (0.0, 0.0)) == automatic_scale(1920, 1080)


def test_the_configured_scale_wins() -> None:
    assert screen_scale(1.25, 1024, 768) == 1.25
    assert screen_scale(None, 1920, 1080) == 1.18
