"""Ringing up: the sale is committed, then the buyer's month is reported."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.domain.cart import CartError, CartLine, Payment, PaymentMethod
from kiosk.domain.compliance import Status
from kiosk.domain.nip import NipError

from .conftest import first_nip_with_tier


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request) -> str:
    """Everything here must hold on the kiosk's SQLite and on a central PostgreSQL."""
    return request.param


def test_checkout_records_every_line_with_its_vendor_and_reports_the_month(stocked):
    nip = first_nip_with_tier(stocked, "eselon_iii")
    lines = [
        CartLine("UMKM-001", "Bagea kenari", 15_000, 2, "BAGEA-250"),
        CartLine("UMKM-002", "Kopi rarobang", 25_000, 1, "KOPI-1"),
    ]
    first = stocked.checkout.checkout(
        lines[:1], buyer_nip=nip, operator="Ina", payment=Payment(PaymentMethod.QRIS)
    )
    assert first.buyer.standing.status is Status.MEMENUHI  # 30.000 of 30.000
    result = stocked.checkout.checkout(
        lines, buyer_nip=nip, operator="Yance", payment=Payment(PaymentMethod.TUNAI, 100_000)
    )
    sale = stocked.sales_ledger.find(result.sale.number)
    assert sale.lines == tuple(lines)
    assert (sale.total, sale.change, sale.operator, sale.nip) == (55_000, 45_000, "Yance", nip)
    standing = result.buyer.standing
    assert (standing.spent, standing.purchases, standing.shortfall) == (85_000, 2, 0)
    assert result.buyer.masked_nip == nip[:8] + "********" + nip[-2:]
    assert result.buyer.tier_label == "Eselon III / Administrator"


def test_public_buyer_sale_counts_for_the_vendor_only(stocked, tmp_path):
    result = stocked.checkout.checkout(
        [CartLine("UMKM-004", "Ikan asar", 50_000)],
        buyer_nip=None,
        operator="Ina",
        payment=Payment(PaymentMethod.TUNAI, 50_000),
    )
    assert result.buyer is None and result.sale.nip is None


def test_scan_lookup_for_a_valid_nip_not_on_the_roster(stocked):
    status = stocked.standing.lookup("199001012015011001")
    assert not status.on_roster
    assert status.standing.status is Status.TIDAK_TERDAFTAR and status.tier_label is None


def test_scan_lookup_uses_the_stall_month(stocked, clock):
    nip = first_nip_with_tier(stocked, "eselon_iv")
    clock.set_wit("2026-10-31 23:59")
    stocked.checkout.checkout(
        [CartLine("UMKM-001", "Kue", 20_000)],
        buyer_nip=nip,
        operator="Ina",
        payment=Payment(PaymentMethod.QRIS),
    )
    clock.set_wit("2026-11-01 00:01")
    assert stocked.standing.lookup(nip).standing.spent == 0
    assert (
        stocked.standing.lookup(nip, clock.now - dt.timedelta(seconds=90)).standing.spent == 20_000
    )


@pytest.mark.parametrize(
    ("lines", "nip", "payment", "error"),
    [
        ([CartLine("UMKM-999", "X", 1_000)], None, Payment(PaymentMethod.QRIS), CartError),
        ([CartLine("UMKM-001", "X", 1_000)], "12345", Payment(PaymentMethod.QRIS), NipError),
        ([CartLine("UMKM-001", "X", 5_000)], None, Payment(PaymentMethod.TUNAI, 2_000), CartError),
        ([], None, Payment(PaymentMethod.QRIS), ValueError),
    ],
)
def test_bad_checkouts_write_nothing(stocked, lines, nip, payment, error):
    with pytest.raises(error):
        stocked.checkout.checkout(lines, buyer_nip=nip, operator="Ina", payment=payment)
    assert stocked.verify().entries_checked == 0


def test_a_committed_sale_is_reported_even_if_the_buyers_month_cannot_be_read(stocked):
    nip = first_nip_with_tier(stocked, "eselon_iv")

    def broken(*_args, **_kwargs):  # as when the config no longer defines the buyer's tier
        raise RuntimeError("regulation broken")

    stocked.checkout._standing.lookup = broken
    result = stocked.checkout.checkout(
        [CartLine("UMKM-001", "Kue", 5_000)],
        buyer_nip=nip,
        operator="Ina",
        payment=Payment(PaymentMethod.QRIS),
    )
    assert result.buyer is None
    assert stocked.sales_ledger.find(result.sale.number).nip == nip
