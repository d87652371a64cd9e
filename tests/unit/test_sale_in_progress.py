"""The sale in progress: the one place a sale is put together, whatever the payment."""

from __future__ import annotations

import pytest

from kiosk.domain.buyer import BuyerStatus
from kiosk.domain.cart import CartError, Payment, PaymentMethod
from kiosk.domain.compliance import MonthStanding
from kiosk.domain.months import Month
from kiosk.domain.records import Product
from kiosk.domain.sale_in_progress import PayBlocker, SaleInProgress, SaleRefused, Stage
from kiosk.domain.scan import IdentifiedBy

SAGU = Product("UMKM-001", "SAGU-LMP", "Sagu lempeng", 15_000, "Makanan", True)
NIP = "198504122010012001"


def buyer() -> BuyerStatus:
    standing = MonthStanding.of(20_000, 5_000, 1, exempt=False, on_roster=True)
    return BuyerStatus(NIP, None, None, Month(2026, 11), standing)


def ready_sale() -> SaleInProgress:
    sale: SaleInProgress = SaleInProgress()
    sale.log_in("Ina")
    sale.add_product(SAGU)
    sale.add_product(SAGU)
    sale.identify(buyer(), IdentifiedBy.SIGNED_CARD)
    return sale


def test_bayar_needs_an_operator_a_basket_and_a_decided_buyer():
    sale: SaleInProgress = SaleInProgress()
    assert sale.pay_blocker() is PayBlocker.NO_OPERATOR
    sale.log_in("Ina")
    assert sale.pay_blocker() is PayBlocker.EMPTY_BASKET
    sale.add_product(SAGU)
    assert sale.pay_blocker() is PayBlocker.NO_BUYER
    with pytest.raises(SaleRefused) as refused:
        sale.pay(Payment(PaymentMethod.QRIS))
    assert refused.value.blocker is PayBlocker.NO_BUYER
    sale.choose_public()
    assert sale.pay_blocker() is None


@pytest.mark.parametrize(
    "payment", [Payment(PaymentMethod.TUNAI, 50_000), Payment(PaymentMethod.QRIS)]
)
def test_cash_and_qris_make_the_same_request(payment: Payment):
    sale = ready_sale()
    request = sale.pay(payment)
    assert request.lines == sale.cart.lines and request.lines[0].quantity == 2
    assert (request.nip, request.identified_by, request.operator) == (
        NIP,
        IdentifiedBy.SIGNED_CARD,
        "Ina",
    )
    assert request.payment is payment
    assert sale.stage is Stage.COMMITTING


def test_too_little_cash_is_refused_and_nothing_changes():
    sale = ready_sale()
    with pytest.raises(CartError):
        sale.pay(Payment(PaymentMethod.TUNAI, 10_000))
    assert sale.stage is Stage.SELLING and sale.total == 30_000


def test_nothing_changes_while_the_ledger_writes():
    sale = ready_sale()
    sale.pay(Payment(PaymentMethod.QRIS))
    with pytest.raises(SaleRefused):
        sale.add_product(SAGU)
    with pytest.raises(SaleRefused):
        sale.identify(buyer(), IdentifiedBy.TYPED)
    sale.clear()  # a timeout or Batal must not drop a sale being written
    assert sale.total == 30_000 and sale.buyer is not None
    assert sale.pay_blocker() is PayBlocker.BUSY


def test_a_failed_commit_keeps_basket_and_buyer_for_another_try():
    sale = ready_sale()
    sale.pay(Payment(PaymentMethod.QRIS))
    sale.commit_failed()
    assert sale.stage is Stage.SELLING and sale.total == 30_000 and sale.buyer is not None
    sale.pay(Payment(PaymentMethod.QRIS))


def test_after_the_commit_the_next_card_starts_the_next_sale():
    sale = ready_sale()
    sale.pay(Payment(PaymentMethod.QRIS))
    sale.committed()
    assert sale.stage is Stage.DONE
    assert sale.cart.is_empty() and sale.buyer is None and sale.operator == "Ina"
    sale.identify(buyer(), IdentifiedBy.TYPED)
    assert sale.stage is Stage.SELLING
    assert sale.identified_by is IdentifiedBy.TYPED


def test_log_out_forgets_everything():
    sale = ready_sale()
    sale.log_out()
    assert sale.operator is None and sale.cart.is_empty() and not sale.buyer_decided
