"""The QRIS payment screen and the error screen."""

from __future__ import annotations

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtGui import QImage

from kiosk.bootstrap import init_kiosk
from kiosk.config import parse_settings
from kiosk.domain.cart import CartLine
from kiosk.domain.qris import parse_qris
from kiosk.ui.screens.error import ErrorScreen
from kiosk.ui.screens.qris import QrisScreen

from ..qris_sample import STATIC_QRIS as STATIC
from ..ui_context import on_duty, ui_context
from .conftest import FakeClock, click, show


def public_sale_with_qris(tmp_path, raw_config, qris: str, *lines: CartLine):  # type: ignore[no-untyped-def]
    """A demo-seeded kiosk paying by ``qris``: Ina logged in, a public buyer, ``lines``."""
    raw_config["payment"] = {"qris": qris}
    kiosk, _ = init_kiosk(parse_settings(raw_config, tmp_path / "config.yaml"), clock=FakeClock())
    kiosk.demo_seeder().seed()
    context = ui_context(kiosk)
    on_duty(context)
    context.session.choose_public()
    for line in lines:
        context.session.cart.add(line)
    return kiosk, context


@pytest.fixture
def qris_ctx(tmp_path, raw_config, qapp):  # type: ignore[no-untyped-def]
    kiosk, context = public_sale_with_qris(
        tmp_path,
        raw_config,
        STATIC,
        CartLine("UMKM-001", "Sagu tumbu", 15_000, 2),
        CartLine("UMKM-002", "Kopi rarobang", 12_500),
    )
    yield context
    context.runner.wait()
    kiosk.close()


def decode(image: QImage) -> str:
    """Read the QR off the screen's pixels with an independent decoder (not qrcode)."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(grey.constBits())[: grey.bytesPerLine() * grey.height()]
    picture = Image.frombuffer(
        "L", (grey.width(), grey.height()), data, "raw", "L", grey.bytesPerLine(), 1
    )
    (found,) = zxingcpp.read_barcodes(picture)
    return found.text


def test_the_qris_on_screen_carries_the_cart_total_and_confirming_records_a_qris_sale(
    qris_ctx, go, qtbot
):
    paid = []
    qris_ctx.session.committed.connect(paid.append)
    screen = show(QrisScreen(qris_ctx, go), qtbot)
    pixmap = screen.qr.pixmap()
    assert min(pixmap.width(), pixmap.height()) >= 360
    parsed = parse_qris(decode(pixmap.toImage()))
    assert parsed.amount == qris_ctx.session.total == 42_500
    assert parsed.is_dynamic and parsed.merchant_name == "JIKU BATA BALAI KOTA"
    assert screen.amount.text() == "Rp42.500"
    assert "JIKU BATA BALAI KOTA" in screen.merchant.text()

    click(qtbot, screen.paid)
    qtbot.waitUntil(lambda: len(paid) == 1)
    sale = qris_ctx.kiosk.sales_ledger.find(paid[0].sale.number)
    assert (sale.payment_method, sale.total, sale.operator) == ("QRIS", 42_500, "Ina")


def test_batal_goes_back_to_payment_without_recording(qris_ctx, go, qtbot):
    screen = show(QrisScreen(qris_ctx, go), qtbot)
    before = qris_ctx.kiosk.spending.vendor_revenue(*_all_time())
    click(qtbot, screen.cancel)
    assert go.last == "payment"
    assert qris_ctx.kiosk.spending.vendor_revenue(*_all_time()) == before


def test_without_a_configured_qris_it_says_so_and_cannot_confirm(ctx, go, qtbot):
    ctx.session.cart.add(CartLine("UMKM-001", "Sagu tumbu", 15_000))
    screen = show(QrisScreen(ctx, go), qtbot)
    assert "QRIS belum diatur" in screen.message.message
    assert not screen.paid.isEnabled()


def test_the_error_screen_is_calm_and_leads_back_to_the_start(go, qtbot):
    screen = show(ErrorScreen(None, go), qtbot)
    screen.show_error("Printer tidak menjawab.")
    assert screen.summary.text() == "Printer tidak menjawab."
    click(qtbot, screen.home)
    assert go.last == "idle"


def _all_time():  # type: ignore[no-untyped-def]
    import datetime as dt

    return dt.datetime(2000, 1, 1, tzinfo=dt.UTC), dt.datetime(2100, 1, 1, tzinfo=dt.UTC)
