"""Consignment stock for the day (titip jual) on a real ledger: drop-offs add up, sales and
voids move what is left on the stall's day, a correction below what was sold is refused, an
operator may only add, and bad input records nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from kiosk.bootstrap import Kiosk
from kiosk.domain.cart import CartLine, Payment, PaymentMethod
from kiosk.domain.errors import DomainError
from kiosk.domain.stock import StockProblem, parse_pieces
from kiosk.ledger.models import AuditLog, StockDrop

from .conftest import FakeClock

SAGU = CartLine("UMKM-001", "Sagu lempeng isi 10 keping", 15_000, 1, "SAGU-LMP")
DAY = dt.date(2026, 11, 20)


def ring(kiosk: Kiosk, *lines: CartLine) -> str:
    total = sum(line.subtotal for line in lines)
    result = kiosk.checkout.checkout(
        list(lines), buyer_nip=None, operator="Ina", payment=Payment(PaymentMethod.TUNAI, total)
    )
    return result.sale.number


def sagu(kiosk: Kiosk, day: dt.date = DAY) -> tuple[int, int, int]:
    (count,) = [c for c in kiosk.stock.day(day) if c.sku == "SAGU-LMP"]
    return count.dropped, count.sold, count.left


def rows(kiosk: Kiosk) -> tuple[int, int]:
    """Stock rows and audit rows: a refusal leaves both as they were."""
    with kiosk.db.read() as connection:
        return tuple(  # type: ignore[return-value]
            connection.execute(select(func.count()).select_from(table)).scalar_one()
            for table in (StockDrop.__table__, AuditLog.__table__)
        )


def refused(kiosk: Kiosk, code: StockProblem, call) -> DomainError:  # type: ignore[no-untyped-def]
    before = rows(kiosk)
    with pytest.raises(DomainError) as caught:
        call()
    assert caught.value.code is code
    assert rows(kiosk) == before, "a refusal recorded something"
    assert str(caught.value).count(". ") == 0  # one sentence
    return caught.value


def test_drop_offs_add_up_and_sales_and_voids_move_what_is_left(stocked: Kiosk, clock: FakeClock):
    clock.set_wit("2026-11-20 07:05")
    stock = stocked.stock
    count = stock.add("UMKM-001", "SAGU-LMP", 5, actor="Ina", may_correct=False)
    assert (count.dropped, count.sold, count.left) == (5, 0, 5)
    clock.set_wit("2026-11-20 09:00")
    ring(stocked, replace(SAGU, quantity=2))
    number = ring(stocked, SAGU)
    assert sagu(stocked) == (5, 3, 2)
    stock.add("UMKM-001", "SAGU-LMP", 4, actor="Ina", may_correct=False)  # more at noon
    assert sagu(stocked) == (9, 3, 6)
    stocked.admin.void(number, "salah input", actor="admin")
    assert sagu(stocked) == (9, 2, 7)
    # Each row wrote an audit row naming who, what and the day's total.
    with stocked.db.read() as connection:
        actions = connection.execute(
            select(AuditLog.action, AuditLog.detail).where(AuditLog.action.like("stock%"))
        ).all()
    assert [a for a, _ in actions] == ["stock_drop", "stock_drop"]
    assert '"total": 9' in actions[1][1] and '"sku": "SAGU-LMP"' in actions[1][1]


def test_the_day_is_the_stalls_day_and_yesterdays_sales_do_not_count(
    stocked: Kiosk, clock: FakeClock
):
    clock.set_wit("2026-11-19 23:50")  # 14:50 UTC on the 19th
    ring(stocked, SAGU)
    clock.set_wit("2026-11-20 00:10")  # 15:10 UTC on the 19th: already the 20th in Ambon
    stocked.stock.add("UMKM-001", "SAGU-LMP", 3, actor="Ina", may_correct=False)
    ring(stocked, SAGU)
    assert sagu(stocked) == (3, 1, 2)
    assert stocked.stock.day(dt.date(2026, 11, 19)) == []


def test_a_correction_below_what_was_sold_is_refused_and_down_to_it_allowed(
    stocked: Kiosk, clock: FakeClock
):
    clock.set_wit("2026-11-20 07:00")
    stock = stocked.stock
    stock.add("UMKM-001", "SAGU-LMP", 5, actor="Ina", may_correct=False)
    ring(stocked, replace(SAGU, quantity=3))
    error = refused(
        stocked,
        StockProblem.BELOW_SOLD,
        lambda: stock.add("UMKM-001", "SAGU-LMP", -3, actor="admin", may_correct=True),
    )
    assert error.values == {"product": "Sagu lempeng isi 10 keping", "total": 2, "sold": 3}
    refused(
        stocked,
        StockProblem.BELOW_SOLD,
        lambda: stock.set_total("UMKM-001", "SAGU-LMP", 1, actor="admin"),
    )
    count = stock.set_total("UMKM-001", "SAGU-LMP", 3, actor="admin")
    assert count is not None and (count.dropped, count.sold, count.left) == (3, 3, 0)
    assert stock.set_total("UMKM-001", "SAGU-LMP", 3, actor="admin") is None  # no change
    with stocked.db.read() as connection:
        quantities = connection.execute(select(StockDrop.quantity).order_by(StockDrop.id))
        assert list(quantities.scalars()) == [5, -2]  # the correction is a row of its own


def test_an_operator_may_only_add(stocked: Kiosk, clock: FakeClock):
    stocked.stock.add("UMKM-001", "SAGU-LMP", 5, actor="Ina", may_correct=False)
    refused(
        stocked,
        StockProblem.NEGATIVE_DROP,
        lambda: stocked.stock.add("UMKM-001", "SAGU-LMP", -1, actor="Ina", may_correct=False),
    )


@pytest.mark.parametrize(
    ("kode", "sku", "pieces", "code"),
    [
        ("UMKM-001", "NOPE", 3, StockProblem.UNKNOWN_PRODUCT),
        ("UMKM-002", "SAGU-LMP", 3, StockProblem.UNKNOWN_PRODUCT),  # another UMKM's SKU
        ("UMKM-001", "SAGU-LMP", 0, StockProblem.ZERO),
        ("UMKM-001", "SAGU-LMP", 2.5, StockProblem.NOT_WHOLE),
        ("UMKM-001", "SAGU-LMP", True, StockProblem.NOT_WHOLE),
        ("UMKM-001", "SAGU-LMP", 10_001, StockProblem.TOO_MANY),
        ("UMKM-001", "SAGU-LMP", -1, StockProblem.BELOW_SOLD),  # the total below zero
    ],
)
def test_bad_input_is_one_sentence_and_records_nothing(
    stocked: Kiosk, kode: str, sku: str, pieces: object, code: StockProblem
):
    refused(
        stocked,
        code,
        lambda: stocked.stock.add(kode, sku, pieces, actor="admin", may_correct=True),  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("text", ["2.5", "tiga", "", "1e3", "٣", "３", "5 buah", "--2"])
def test_typed_pieces_must_be_a_whole_number_in_plain_digits(text: str):
    with pytest.raises(DomainError) as caught:
        parse_pieces(text)
    assert caught.value.code is StockProblem.NOT_WHOLE


def test_typed_pieces_read_a_correction_and_spaces():
    assert [parse_pieces(t) for t in ("12", " 7 ", "-2", "+3")] == [12, 7, -2, 3]


def test_products_without_a_count_are_not_counted_and_the_slips_get_per_umkm_figures(
    stocked: Kiosk, clock: FakeClock
):
    clock.set_wit("2026-11-20 07:00")
    stock = stocked.stock
    assert stock.today() == {}  # nothing counted: no number anywhere
    stock.add("UMKM-001", "SAGU-LMP", 5, actor="Ina", may_correct=False)
    stock.add("UMKM-001", "SINOLI", 4, actor="Ina", may_correct=False)
    stock.add("UMKM-004", "ASIDA", 20, actor="admin", may_correct=True)
    ring(stocked, SAGU, CartLine("UMKM-001", "Sagu tumbu isi 5", 12_000, 2, "SAGU-TMB"))
    assert set(stock.today()) == {
        ("UMKM-001", "SAGU-LMP"),
        ("UMKM-001", "SINOLI"),
        ("UMKM-004", "ASIDA"),
    }
    slips = stock.by_umkm(DAY)
    assert sorted(slips) == ["UMKM-001", "UMKM-004"]
    assert [(c.nama, c.dropped, c.sold, c.returned) for c in slips["UMKM-001"]] == [
        ("Sagu lempeng isi 10 keping", 5, 1, 4),
        ("Sinoli sagu kelapa", 4, 0, 4),
    ]
    assert [(c.sku, c.returned) for c in stock.day(kode_umkm="UMKM-004")] == [("ASIDA", 20)]


def test_more_sold_than_counted_leaves_zero_not_a_negative_left(stocked: Kiosk, clock: FakeClock):
    clock.set_wit("2026-11-20 07:00")
    stocked.stock.add("UMKM-001", "SAGU-LMP", 1, actor="Ina", may_correct=False)
    ring(stocked, replace(SAGU, quantity=2))  # the count was wrong; the operator confirmed
    assert sagu(stocked) == (1, 2, 0)
