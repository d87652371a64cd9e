"""The demo's QRIS: a valid static QRIS for a merchant that is clearly not real, which the
kiosk recognises so the QRIS screen can say it is only an example."""

from __future__ import annotations

from pathlib import Path

from kiosk.config import load_settings
from kiosk.domain.qris import parse_qris
from kiosk.domain.qris_sample import SAMPLE_QRIS, is_sample_qris
from kiosk.services.qris_payment import QrisPaymentService

from ..qris_sample import STATIC_QRIS

SHIPPED = Path(__file__).resolve().parents[2] / "config.yaml"


def test_the_sample_is_a_valid_static_qris_of_an_example_merchant() -> None:
    parsed = parse_qris(SAMPLE_QRIS)
    assert not parsed.is_dynamic
    assert parsed.merchant_name == "CONTOH JIKU BATA"
    assert parsed.encode() == SAMPLE_QRIS


def test_only_the_sample_is_the_sample() -> None:
    assert is_sample_qris(SAMPLE_QRIS)
    assert not is_sample_qris(STATIC_QRIS)  # a real-looking stall sticker
    assert not is_sample_qris("not a qris at all")


def test_the_payment_service_says_whether_its_qris_is_the_sample() -> None:
    assert QrisPaymentService(SAMPLE_QRIS).is_sample
    assert not QrisPaymentService(STATIC_QRIS).is_sample
    assert not QrisPaymentService(None).is_sample


def test_the_demo_has_the_sample_qris(tmp_path: Path) -> None:
    from kiosk.cli import demo_settings

    shipped = load_settings(SHIPPED)
    demo = demo_settings(shipped, tmp_path)
    assert demo.payment.qris == SAMPLE_QRIS
    assert QrisPaymentService(demo.payment.qris).available
