"""The demo's example QRIS is marked on the QRIS screen as not a real payment; a stall's own
QRIS is not. The screen learns it from the back end (SaleService.qris_is_sample)."""

from __future__ import annotations

import pytest

from kiosk.domain.cart import CartLine
from kiosk.domain.qris import parse_qris
from kiosk.domain.qris_sample import SAMPLE_QRIS
from kiosk.ui.screens.qris import QrisScreen

from .conftest import click, show
from .test_qris_and_error import (
    decode,
    public_sale_with_qris,
    qris_ctx,  # noqa: F401  (a fixture: a real-looking QRIS)
)

MARK = "CONTOH — bukan pembayaran sungguhan"


@pytest.fixture
def sample_ctx(tmp_path, raw_config, qapp):  # type: ignore[no-untyped-def]
    kiosk, context = public_sale_with_qris(
        tmp_path, raw_config, SAMPLE_QRIS, CartLine("UMKM-001", "Sagu tumbu", 15_000, 2)
    )
    yield context
    context.runner.wait()
    kiosk.close()


def test_the_demo_qris_is_marked_as_an_example_and_still_pays(sample_ctx, go, qtbot):
    paid = []
    sample_ctx.session.committed.connect(paid.append)
    screen = show(QrisScreen(sample_ctx, go), qtbot)
    assert screen.sample_mark.isVisible()
    assert screen.sample_mark.text() == MARK
    parsed = parse_qris(decode(screen.qr.pixmap().toImage()))
    assert parsed.merchant_name == "CONTOH JIKU BATA" and parsed.amount == 30_000
    click(qtbot, screen.paid)  # the whole flow can be seen in the demo
    qtbot.waitUntil(lambda: bool(paid))


def test_a_real_looking_qris_has_no_mark(qris_ctx, go, qtbot):  # noqa: F811
    screen = show(QrisScreen(qris_ctx, go), qtbot)
    assert not screen.sample_mark.isVisible()
    shown = [
        label.text() for label in screen.findChildren(type(screen.amount)) if label.isVisible()
    ]
    assert MARK not in shown and "JIKU BATA BALAI KOTA · AMBON" in shown
