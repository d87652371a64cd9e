"""Admin, QRIS and error screens: a real seeded SQLite ledger per test, Qt offscreen."""

from __future__ import annotations

import datetime as dt
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from kiosk.bootstrap import Kiosk, init_kiosk
from kiosk.config import parse_settings
from kiosk.domain.cart import CartLine, Payment, PaymentMethod
from kiosk.ui import theme
from kiosk.ui.context import UiContext

from ..ui_context import ui_context

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "docs" / "screenshots"
NOW = dt.datetime(2026, 11, 20, 3, 0, tzinfo=dt.UTC)  # Fri 20 Nov 2026, 12:00 WIT


class FakeClock:
    def __init__(self, now: dt.datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture(autouse=True)
def styled_app(qapp):  # type: ignore[no-untyped-def]
    qapp.setStyleSheet(theme.STYLE)
    qapp.setFont(QFont(theme.FONT_FAMILY))
    return qapp


@pytest.fixture
def raw_config() -> dict:
    return yaml.safe_load((REPO / "config.yaml").read_text(encoding="utf-8"))


@pytest.fixture
def kiosk(tmp_path: Path, raw_config: dict) -> Iterator[Kiosk]:
    """The demo data (48 ASN, 8 UMKM, weeks of sales up to 20 Nov 2026) in a fresh ledger."""
    settings = parse_settings(raw_config, tmp_path / "config.yaml")
    opened, _ = init_kiosk(settings, clock=FakeClock())
    opened.demo_seeder().seed()
    yield opened
    opened.close()


@pytest.fixture
def ctx(kiosk: Kiosk, qapp) -> Iterator[UiContext]:  # type: ignore[no-untyped-def]
    context = ui_context(kiosk)
    yield context
    context.runner.wait()  # no task may outlive its ledger


class Navigator:
    """Stands in for the main window's ``go``: remembers where the screen asked to go."""

    def __init__(self) -> None:
        self.visited: list[str] = []

    def __call__(self, name: str) -> None:
        self.visited.append(name)

    @property
    def last(self) -> str | None:
        return self.visited[-1] if self.visited else None


@pytest.fixture
def go() -> Navigator:
    return Navigator()


def sell(kiosk: Kiosk, amount: int = 25_000, nip: str | None = None) -> str:
    result = kiosk.checkout.checkout(
        [CartLine("UMKM-001", "Sagu tumbu", amount)],
        buyer_nip=nip,
        operator="Ina",
        payment=Payment(PaymentMethod.TUNAI, amount),
    )
    return result.sale.number


def show(widget, qtbot):  # type: ignore[no-untyped-def]
    """At the kiosk's own size: every screen must fit 1280×800."""
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def click(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    """A finger on the button: disabled or hidden buttons do nothing, as on the screen."""
    assert widget.isVisible(), f"{widget.text()!r} is not on screen"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
