"""Receipt numbers (``AMB-01-000123``) and the sale draft written to the ledger."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.cart import CartError, CartLine, Payment, PaymentMethod
from kiosk.domain.errors import DomainError
from kiosk.domain.records import SaleDraft, SaleNumberError, parse_sale_number, sale_number

WIT = ZoneInfo("Asia/Jayapura")
# The same shape config.py accepts for stall.kiosk_id.
kiosk_ids = st.from_regex(r"[A-Z0-9][A-Z0-9-]{0,15}", fullmatch=True)
sequences = st.integers(min_value=0, max_value=999_999_999)


# --- receipt numbers ----------------------------------------------------------------------


def test_sale_number_pads_the_sequence() -> None:
    assert sale_number("AMB-01", 123) == "AMB-01-000123"
    assert sale_number("AMB-01", 1) == "AMB-01-000001"
    assert sale_number("AMB-01", 1234567) == "AMB-01-1234567"


@given(kiosk_ids, sequences)
def test_sale_number_round_trips(kiosk_id: str, seq: int) -> None:
    assert parse_sale_number(sale_number(kiosk_id, seq)) == (kiosk_id, seq)


@given(kiosk_ids, sequences)
def test_admins_may_type_it_in_lower_case_with_spaces(kiosk_id: str, seq: int) -> None:
    typed = f"  {sale_number(kiosk_id, seq).lower()}\n"
    assert parse_sale_number(typed) == (kiosk_id, seq)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "AMB01",
        "000123",
        "-000123",
        "AMB-01-",
        "AMB-01-ABC",
        "AMB 01-000123",
        "AMB-01-0001234567",  # ten digits
        "AMB_01-000123",
        "A" * 17 + "-000123",  # kiosk ids have at most 16 characters
    ],
)
def test_what_is_not_a_receipt_number(text: str) -> None:
    with pytest.raises(SaleNumberError):
        parse_sale_number(text)


def test_sale_number_error_shows_the_expected_shape() -> None:
    with pytest.raises(DomainError, match="AMB-01-000123"):
        parse_sale_number("nomor 5")


# --- sale drafts --------------------------------------------------------------------------

KOPI = CartLine("UMKM-01", "Kopi Rempah", 15000, 2, sku="KOPI-250")
SAGU = CartLine("UMKM-02", "Sagu Lempeng", 10000)
NOW = dt.datetime(2025, 11, 1, 0, 10, tzinfo=WIT)


def draft(**changes) -> SaleDraft:
    values = {
        "lines": (KOPI, SAGU),
        "nip": "198504122010011001",
        "operator": "Mama Ona",
        "payment": Payment(PaymentMethod.TUNAI, 50000),
        "created_at": NOW,
    }
    values.update(changes)
    return SaleDraft(**values)


def test_a_draft_totals_its_lines() -> None:
    sale = draft()
    assert sale.total == 40000
    assert sale.payment.change_for(sale.total) == 10000


def test_a_public_buyer_has_no_nip() -> None:
    assert draft(nip=None, payment=Payment(PaymentMethod.QRIS)).nip is None


def test_a_draft_needs_lines() -> None:
    with pytest.raises(DomainError):
        draft(lines=())


def test_a_draft_needs_an_aware_time() -> None:
    with pytest.raises(DomainError):
        draft(created_at=dt.datetime(2025, 11, 1, 0, 10))


@pytest.mark.parametrize("operator", ["", "   "])
def test_a_draft_needs_an_operator(operator: str) -> None:
    with pytest.raises(DomainError):
        draft(operator=operator)


def test_a_draft_refuses_too_little_cash() -> None:
    with pytest.raises(CartError):
        draft(payment=Payment(PaymentMethod.TUNAI, 39999))


def test_a_draft_refuses_cash_on_a_qris_payment() -> None:
    with pytest.raises(CartError):
        draft(payment=Payment(PaymentMethod.QRIS, 50000))
