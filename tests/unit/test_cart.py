"""The basket: lines from any vendor present, whole-rupiah totals, cash or QRIS."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.cart import (
    MAX_LINE_AMOUNT,
    MAX_QUANTITY,
    Cart,
    CartError,
    CartLine,
    Payment,
    PaymentMethod,
)
from kiosk.domain.errors import DomainError


def kopi(quantity: int = 1) -> CartLine:
    return CartLine("UMKM-01", "Kopi Rempah", 15000, quantity, sku="KOPI-250")


def sagu(quantity: int = 1) -> CartLine:
    return CartLine("UMKM-02", "Sagu Lempeng", 10000, quantity, sku="SAGU-01")


def free_amount(amount: int) -> CartLine:
    return CartLine("UMKM-03", "Nominal bebas", amount)


lines = st.builds(
    CartLine,
    vendor_code=st.sampled_from(["UMKM-01", "UMKM-02"]),
    description=st.just("Produk"),
    unit_price=st.integers(1, 100_000),
    quantity=st.integers(1, 20),
    sku=st.one_of(st.none(), st.sampled_from(["A", "B"])),
)


# --- lines --------------------------------------------------------------------------------


def test_subtotal_is_price_times_quantity() -> None:
    assert kopi(3).subtotal == 45000


@pytest.mark.parametrize("price", [0, -1, MAX_LINE_AMOUNT + 1, 15000.0, 15000.5, "15000", True])
def test_bad_prices_raise(price: object) -> None:
    with pytest.raises(CartError):
        CartLine("UMKM-01", "Kopi", price)  # type: ignore[arg-type]


@pytest.mark.parametrize("quantity", [0, -1, MAX_QUANTITY + 1, 1.5, 2.0, "2", True, None])
def test_bad_quantities_raise(quantity: object) -> None:
    with pytest.raises(CartError):
        CartLine("UMKM-01", "Kopi", 15000, quantity)  # type: ignore[arg-type]


def test_extreme_but_allowed_values() -> None:
    assert CartLine("UMKM-01", "Kopi", 1).subtotal == 1
    assert CartLine("UMKM-01", "Kopi", MAX_LINE_AMOUNT).subtotal == MAX_LINE_AMOUNT
    assert CartLine("UMKM-01", "Kopi", 1, MAX_QUANTITY).quantity == MAX_QUANTITY


@pytest.mark.parametrize(
    ("vendor", "description"), [("", "Kopi"), ("UMKM-01", ""), ("UMKM-01", "  ")]
)
def test_a_line_needs_a_vendor_and_a_description(vendor: str, description: str) -> None:
    with pytest.raises(CartError):
        CartLine(vendor, description, 15000)


def test_cart_error_is_a_domain_error() -> None:
    with pytest.raises(DomainError):
        CartLine("UMKM-01", "Kopi", 0)


# --- the cart -----------------------------------------------------------------------------


def test_a_new_cart_is_empty() -> None:
    cart = Cart()
    assert cart.is_empty()
    assert cart.total == 0
    assert cart.lines == ()


def test_adding_the_same_product_again_raises_its_quantity() -> None:
    cart = Cart()
    cart.add(kopi())
    cart.add(sagu())
    cart.add(kopi(2))
    assert [(line.sku, line.quantity) for line in cart.lines] == [("KOPI-250", 3), ("SAGU-01", 1)]
    assert cart.total == 3 * 15000 + 10000


def test_the_same_sku_from_another_vendor_is_another_line() -> None:
    cart = Cart()
    cart.add(kopi())
    cart.add(CartLine("UMKM-09", "Kopi Rempah", 15000, sku="KOPI-250"))
    assert len(cart.lines) == 2


def test_free_amount_lines_never_merge() -> None:
    cart = Cart()
    cart.add(free_amount(20000))
    cart.add(free_amount(20000))
    assert len(cart.lines) == 2
    assert all(line.quantity == 1 for line in cart.lines)
    assert cart.total == 40000


def test_merging_past_the_maximum_quantity_raises_and_keeps_the_cart() -> None:
    cart = Cart()
    cart.add(kopi(MAX_QUANTITY))
    with pytest.raises(CartError):
        cart.add(kopi())
    assert cart.lines == (kopi(MAX_QUANTITY),)


@given(st.lists(lines, max_size=15))
def test_total_is_the_sum_of_what_was_added(added: list[CartLine]) -> None:
    cart = Cart()
    for line in added:
        cart.add(line)
    assert cart.total == sum(line.subtotal for line in added)
    assert isinstance(cart.total, int)
    catalogue_keys = [line.key for line in cart.lines if line.sku is not None]
    assert len(catalogue_keys) == len(set(catalogue_keys))
    free = [line for line in cart.lines if line.sku is None]
    assert len(free) == sum(1 for line in added if line.sku is None)


def test_set_quantity() -> None:
    cart = Cart([kopi(), sagu()])
    cart.set_quantity(1, 4)
    assert cart.lines[1].quantity == 4
    assert cart.total == 15000 + 40000


@pytest.mark.parametrize("quantity", [0, -3])
def test_set_quantity_zero_or_less_removes_the_line(quantity: int) -> None:
    cart = Cart([kopi(), sagu()])
    cart.set_quantity(0, quantity)
    assert cart.lines == (sagu(),)


def test_set_quantity_above_the_maximum_raises() -> None:
    cart = Cart([kopi()])
    with pytest.raises(CartError):
        cart.set_quantity(0, MAX_QUANTITY + 1)
    assert cart.lines == (kopi(),)


def test_remove_and_clear() -> None:
    cart = Cart([kopi(), sagu(), free_amount(5000)])
    cart.remove(1)
    assert [line.vendor_code for line in cart.lines] == ["UMKM-01", "UMKM-03"]
    cart.clear()
    assert cart.is_empty()


def test_lines_cannot_be_edited_from_outside() -> None:
    start = [kopi()]
    cart = Cart(start)
    start.append(sagu())
    assert len(cart.lines) == 1
    assert isinstance(cart.lines, tuple)


# --- payment ------------------------------------------------------------------------------


def test_cash_change_is_computed() -> None:
    assert Payment(PaymentMethod.TUNAI, 50000).change_for(35000) == 15000
    assert Payment(PaymentMethod.TUNAI, 35000).change_for(35000) == 0


def test_cash_without_an_amount_means_exact_money() -> None:
    assert Payment(PaymentMethod.TUNAI).change_for(35000) == 0


@given(st.integers(1, 10**8), st.integers(0, 10**8))
def test_change_is_given_minus_total(total: int, extra: int) -> None:
    payment = Payment(PaymentMethod.TUNAI, total + extra)
    assert payment.change_for(total) == extra
    payment.check(total)


@given(st.integers(1, 10**8), st.integers(1, 10**8))
def test_cash_less_than_the_total_raises(total: int, short: int) -> None:
    payment = Payment(PaymentMethod.TUNAI, max(0, total - short))
    with pytest.raises(CartError):
        payment.change_for(total)
    with pytest.raises(CartError):
        payment.check(total)


@pytest.mark.parametrize("given_", [50000.0, 50000.5, "50000", True])
def test_cash_given_must_be_whole_rupiah(given_: object) -> None:
    payment = Payment(PaymentMethod.TUNAI, given_)  # type: ignore[arg-type]
    with pytest.raises(CartError):
        payment.check(35000)


def test_qris_has_no_change_and_no_cash() -> None:
    assert Payment(PaymentMethod.QRIS).change_for(35000) == 0
    Payment(PaymentMethod.QRIS).check(35000)
    with pytest.raises(CartError):
        Payment(PaymentMethod.QRIS, 50000).check(35000)


def test_payment_method_values() -> None:
    assert {m.value for m in PaymentMethod} == {"TUNAI", "QRIS"}
