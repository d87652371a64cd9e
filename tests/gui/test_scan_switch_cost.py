"""What a scan on the idle screen costs the GUI thread, counted rather than timed (the times are
bench/gui.py's): the selling screen comes back with every widget in it shown again, every
event of the application passes through the window's Python filter, and the buyer panel
follows each change of the sale. These tests keep each of those counts where it is."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.domain.compliance import Status
from kiosk.ui.widgets.product_tile import ProductTile

from .conftest import click, log_in, nip_with_status, scan, signed_card, tile


class _Counter(QObject):
    """Counts the events of the given types that reach the watched objects."""

    def __init__(self, *kinds: QEvent.Type) -> None:
        super().__init__()
        self.kinds = kinds
        self.seen: list[QObject] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self.kinds:
            self.seen.append(watched)
        return False


@contextmanager
def counting(target: QObject, *kinds: QEvent.Type) -> Iterator[_Counter]:
    counter = _Counter(*kinds)
    target.installEventFilter(counter)
    try:
        yield counter
    finally:
        target.removeEventFilter(counter)


def test_a_product_tile_is_one_widget(window) -> None:
    # Three labels in each of 500 tiles were 1,500 more widgets to show and hide each time
    # the selling screen comes and goes. The tile paints its picture, name and price.
    tiles = window.selling.tiles
    assert tiles
    for one in tiles:
        assert one.findChildren(QWidget) == [], one.product.nama
        picture, name, price = one.picture_rect, one.name_rect, one.price_rect
        assert one.rect().contains(picture) and one.rect().contains(price)
        assert picture.bottom() < name.top() < name.bottom() < price.top()
        assert name.width() == price.width() == picture.width() > one.width() // 2


def test_a_scan_on_idle_shows_each_tile_once_and_nothing_inside_it(qtbot, window) -> None:
    log_in(qtbot, window)
    window.timed_out()
    assert window.current_screen_name() == "idle"
    kiosk = window.ctx.kiosk
    card = signed_card(kiosk, nip_with_status(kiosk, Status.KURANG))
    with counting(QApplication.instance(), QEvent.Type.Show) as shows:
        scan(qtbot, window, window.ctx.scanner._clock, card)
    assert window.current_screen_name() == "selling"
    tiles = [w for w in shows.seen if isinstance(w, ProductTile)]
    assert len(tiles) == len(set(tiles)) == len(window.selling.visible_tiles())
    assert not [w for w in shows.seen if isinstance(w.parent(), ProductTile)]


def test_an_event_passes_through_one_python_filter(window) -> None:
    # Every event of every widget (a screen switch sends thousands) goes through the
    # application's filters; each one written in Python costs microseconds per event.
    filters: list[str] = []

    def profile(frame: FrameType, event: str, _arg: Any) -> None:
        if event == "call" and frame.f_code.co_name == "eventFilter":
            filters.append(frame.f_code.co_qualname)

    previous = sys.getprofile()
    sys.setprofile(profile)
    try:
        QApplication.sendEvent(window.selling.total, QEvent(QEvent.Type.User))
    finally:
        sys.setprofile(previous)
    assert len(filters) == 1, filters


def test_the_month_line_is_restyled_only_when_its_colour_changes(qtbot, window) -> None:
    log_in(qtbot, window)
    kiosk, panel = window.ctx.kiosk, window.selling.buyer
    nip = nip_with_status(kiosk, Status.TIDAK_BELANJA)
    scan(qtbot, window, window.ctx.scanner._clock, signed_card(kiosk, nip))
    cheap = min(window.selling.tiles, key=lambda t: t.product.harga)
    restyled = (QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange)
    with counting(panel.standing, *restyled) as same:
        click(qtbot, tile(window, cheap.product.nama))  # still short of the month's minimum
    assert panel.standing_style == "short"
    assert same.seen == []
    with counting(panel.standing, *restyled) as changed:
        met = nip_with_status(kiosk, Status.MEMENUHI)
        scan(qtbot, window, window.ctx.scanner._clock, signed_card(kiosk, met))
    assert panel.standing_style == "ok"
    assert changed.seen  # the new colour is polished in


def test_the_backdrop_is_filled_once_under_the_screens(window) -> None:
    # The window paints the backdrop; the stack of screens lies wholly over it and filling it
    # again would be a whole-panel fill on every full repaint.
    assert window.testAttribute(Qt.WidgetAttribute.WA_StyledBackground)
    assert not window.stack.testAttribute(Qt.WidgetAttribute.WA_StyledBackground)
