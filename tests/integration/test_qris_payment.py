"""QRIS at the till: from the stall's static QRIS in config to a recorded QRIS sale."""

from __future__ import annotations

import pytest
import qrcode
import zxingcpp

from kiosk.bootstrap import open_kiosk
from kiosk.config import ConfigError
from kiosk.domain.cart import CartLine, Payment, PaymentMethod
from kiosk.domain.qris import parse_qris
from kiosk.domain.records import Vendor

from ..qris_sample import STATIC_QRIS as STATIC
from .conftest import make_settings


@pytest.fixture
def qris_kiosk(tmp_path, raw_config, clock):  # type: ignore[no-untyped-def]
    raw_config["payment"] = {"qris": STATIC}
    with open_kiosk(make_settings(tmp_path, raw_config), create=True, clock=clock) as kiosk:
        yield kiosk


def test_the_static_qris_becomes_a_dynamic_one_with_the_exact_total(qris_kiosk):
    charge = qris_kiosk.qris.charge(55_000)
    parsed = parse_qris(charge.payload)
    assert parsed.is_dynamic and parsed.amount == 55_000
    assert (charge.merchant_name, charge.merchant_city) == ("JIKU BATA BALAI KOTA", "AMBON")
    assert parsed.nested("26") == parse_qris(STATIC).nested("26")  # same merchant account


def test_the_qris_shown_decodes_back_with_an_independent_decoder(qris_kiosk):
    charge = qris_kiosk.qris.charge(125_000)
    image = qrcode.make(charge.payload, error_correction=qrcode.constants.ERROR_CORRECT_M)
    (decoded,) = zxingcpp.read_barcodes(image.get_image().convert("L"))
    assert decoded.text == charge.payload


def test_a_qris_sale_is_recorded_with_its_method_once_confirmed(qris_kiosk):
    qris_kiosk.catalog.save_vendors(
        [Vendor("UMKM-001", "Dapur Sagu", "Ona", "0812")], actor="t", at=qris_kiosk.clock()
    )
    result = qris_kiosk.checkout.checkout(
        [CartLine("UMKM-001", "Sagu lempeng", 15_000)],
        buyer_nip=None,
        operator="Ina",
        payment=Payment(PaymentMethod.QRIS),
    )
    sale = qris_kiosk.sales_ledger.find(result.sale.number)
    assert (sale.payment_method, sale.cash_given, sale.change) == ("QRIS", None, 0)


def test_no_qris_configured_means_cash_only(kiosk):
    assert not kiosk.qris.available
    with pytest.raises(RuntimeError, match=r"payment\.qris"):
        kiosk.qris.charge(10_000)


def test_a_corrupted_qris_in_config_stops_the_start(tmp_path, raw_config):
    raw_config["payment"] = {"qris": STATIC[:-1] + ("0" if STATIC[-1] != "0" else "1")}
    with pytest.raises(ConfigError, match=r"payment\.qris .*CRC"):
        make_settings(tmp_path, raw_config)
