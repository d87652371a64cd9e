"""The till shift on a real ledger: open with a float, take over, the cash a shift should hold
(float + cash sales − cash voids − till payouts; QRIS apart; paper sales never), close with a
count and a reason, the automatic close of a shift left open overnight, and every bad input
refused in one sentence with nothing recorded."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, insert, select

from kiosk.bootstrap import Kiosk
from kiosk.domain.cart import CartLine, Payment, PaymentMethod
from kiosk.domain.errors import DomainError
from kiosk.domain.sale_in_progress import SaleInProgress
from kiosk.domain.shift import AUTO_CLOSE_NOTE, CLI_CLOSE_NOTE, ShiftProblem
from kiosk.domain.till import CashCount, CountProblem
from kiosk.ledger.chain_writer import chain_head, write_link
from kiosk.ledger.entries import PayoutEntry
from kiosk.ledger.ids import new_entry_id
from kiosk.ledger.models import AuditLog, Entry, Payout, ShiftEvent
from kiosk.services.card_keys import create_card_key_file
from kiosk.services.shift_figures import NextStep

from .conftest import SAMPLE, open_shift


def ring(kiosk: Kiosk, amount: int, shift_id: str | None, method=PaymentMethod.TUNAI) -> str:
    """One free-amount sale in ``shift_id``; its receipt number."""
    payment = Payment(method, amount if method is PaymentMethod.TUNAI else None)
    return kiosk.checkout.checkout(
        [CartLine("UMKM-001", "Kue", amount)],
        buyer_nip=None,
        operator="Ina",
        payment=payment,
        shift_id=shift_id,
    ).sale.number


def pay_out(kiosk: Kiosk, amount: int, shift_id: str | None, *, reverses: str | None = None):
    """A payout row as the payouts' store writes it (an entry of the chain)."""
    with kiosk.db.write() as connection:
        seq, prev = chain_head(connection, kiosk.settings.stall.kiosk_id)
        entry = PayoutEntry(
            id=new_entry_id(),
            kiosk_id=kiosk.settings.stall.kiosk_id,
            seq=seq + 1,
            prev_hash=prev,
            created_at=kiosk.clock(),
            kode_umkm="UMKM-001",
            amount=amount,
            payout_kind="reversal" if reverses else "payout",
            reverses=reverses,
            note="Tunai dari laci",
            paid_by="admin",
            shift_id=shift_id,
        )
        write_link(connection, kiosk.db.key, entry)
        connection.execute(insert(Payout.__table__), entry.payout_row())
    return entry.id


def recorded(kiosk: Kiosk) -> tuple[int, int]:
    """(chain entries, shift events): what a refused step must leave as it was."""
    with kiosk.db.read() as connection:
        entries = connection.execute(select(func.count()).select_from(Entry)).scalar_one()
        events = connection.execute(select(func.count()).select_from(ShiftEvent)).scalar_one()
    return entries, events


def refused(code: ShiftProblem | CountProblem, call) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as error:
        call()
    assert error.value.code is code
    assert str(error.value).count(".") <= 1  # one sentence


@pytest.fixture
def till(stocked: Kiosk) -> Kiosk:
    stocked.catalog_importer.import_products(SAMPLE / "products.csv")
    return stocked


# -- opening and taking over -------------------------------------------------------------------


def test_the_first_login_opens_a_shift_with_its_float_and_later_logins_find_it(till):
    assert till.shifts.begin("Ina").next_step is NextStep.OPEN
    shift = till.shifts.open("Ina", 150_000)

    assert (shift.shift_no, shift.float_amount, shift.operators) == (1, 150_000, ("Ina",))
    assert till.shifts.current() == shift
    assert till.shifts.begin("Ina").next_step is NextStep.CONTINUE
    assert till.shifts.begin("Yance").next_step is NextStep.TAKE_OVER
    assert till.verify().ok


def test_a_float_of_zero_is_a_float(till):
    assert till.shifts.open("Ina", 0).float_amount == 0


def test_another_operator_takes_over_and_the_shift_goes_on(till):
    shift = till.shifts.open("Ina", 100_000)
    ring(till, 20_000, shift.shift_id)

    taken = till.shifts.take_over(shift.shift_id, "Yance")
    ring(till, 30_000, shift.shift_id)

    assert taken.shift_id == shift.shift_id and taken.operators == ("Ina", "Yance")
    figures = till.shifts.figures(shift.shift_id)
    assert figures.operators == ("Ina", "Yance") and figures.cash_sales == 50_000
    assert till.shifts.begin("Yance").next_step is NextStep.CONTINUE
    assert till.shifts.begin("Ina").next_step is NextStep.TAKE_OVER


@pytest.mark.parametrize(
    ("amount", "code"),
    [
        (-1, ShiftProblem.NEGATIVE_AMOUNT),
        (1.5, ShiftProblem.NOT_WHOLE),
        (True, ShiftProblem.NOT_WHOLE),
    ],
)
def test_a_float_that_is_not_whole_rupiah_is_refused_and_nothing_recorded(till, amount, code):
    before = recorded(till)
    refused(code, lambda: till.shifts.open("Ina", amount))
    assert recorded(till) == before and till.shifts.current() is None


def test_a_second_shift_cannot_open_while_one_is_open(till):
    till.shifts.open("Ina", 0)
    before = recorded(till)
    refused(ShiftProblem.ALREADY_OPEN, lambda: till.shifts.open("Yance", 50_000))
    assert recorded(till) == before


def test_shift_numbers_count_up_per_kiosk(till):
    numbers = []
    for _ in range(3):
        shift = till.shifts.open("Ina", 0)
        numbers.append(shift.shift_no)
        till.shifts.close(shift.shift_id, "Ina", CashCount(), None, expected=0)
    assert numbers == [1, 2, 3]


# -- what a shift should hold ------------------------------------------------------------------


def test_expected_cash_is_float_plus_cash_sales_minus_cash_voids_and_till_payouts(till):
    shift = till.shifts.open("Ina", 100_000).shift_id
    ring(till, 40_000, shift)
    voided = ring(till, 15_000, shift)
    ring(till, 25_000, shift, PaymentMethod.QRIS)  # apart: never in the drawer
    till.admin.void(voided, "Salah input")
    paid = pay_out(till, 20_000, shift)  # out of the till
    pay_out(till, 5_000, None)  # paid from elsewhere: not the drawer's
    ring(till, 10_000, None)  # rung up outside any shift (demo seeding, tests)

    figures = till.shifts.figures(shift)

    assert (figures.float_amount, figures.cash_sales, figures.cash_voids) == (
        100_000,
        55_000,
        15_000,
    )
    assert figures.till_payouts == 20_000
    assert figures.expected == 100_000 + 55_000 - 15_000 - 20_000
    assert figures.qris_total == 25_000
    assert (figures.sale_count, figures.void_count, figures.void_amount) == (3, 1, 15_000)
    assert (figures.first_receipt, figures.last_receipt) == ("AMB-01-000002", "AMB-01-000004")

    pay_out(till, 20_000, shift, reverses=paid)  # a mistaken payout reversed: cash back in
    assert till.shifts.figures(shift).expected == 140_000


def test_paper_sales_never_count_in_a_shift(till):
    shift = till.shifts.open("Ina", 0).shift_id
    till.sales_importer.import_file(SAMPLE / "sales-paper.csv")
    assert till.shifts.figures(shift).cash_sales == 0
    assert till.shifts.figures(shift).sale_count == 0


def test_a_void_counts_in_the_shift_open_when_it_was_recorded(till):
    first = till.shifts.open("Ina", 0).shift_id
    earlier = ring(till, 30_000, first)
    till.shifts.close(first, "Ina", CashCount({10_000: 3}), None, expected=30_000)
    second = till.shifts.open("Yance", 0).shift_id

    till.admin.void(earlier, "Pembeli batal")  # the refund leaves today's drawer

    assert till.shifts.figures(first).cash_voids == 0
    assert till.shifts.figures(first).expected == 30_000  # as its close recorded it
    assert till.shifts.figures(second).cash_voids == 30_000
    assert till.shifts.figures(second).expected == -30_000


def test_a_void_while_no_shift_is_open_counts_in_none(till):
    first = till.shifts.open("Ina", 0).shift_id
    sold = ring(till, 30_000, first)
    till.shifts.close(first, "Ina", CashCount({10_000: 3}), None, expected=30_000)
    till.admin.void(sold, "Salah input")
    second = till.shifts.open("Ina", 0).shift_id
    assert till.shifts.figures(first).cash_voids == 0
    assert till.shifts.figures(second).cash_voids == 0


# -- closing -----------------------------------------------------------------------------------


def test_closing_with_a_difference_and_a_reason_records_the_count(till):
    shift = till.shifts.open("Ina", 100_000).shift_id
    ring(till, 45_000, shift)
    expected = till.shifts.figures(shift).expected
    count = CashCount({100_000: 1, 20_000: 2}, coins=500)

    closed = till.shifts.close(shift, "Ina", count, "  Kembalian   salah ", expected=expected)

    assert (closed.expected, closed.counted, closed.difference) == (145_000, 140_500, -4_500)
    assert closed.counts == count and closed.reason == "Kembalian salah"
    assert closed.closed_by == "Ina" and not closed.is_open and not closed.auto_closed
    assert till.shifts.current() is None
    assert till.shifts.figures(shift) == closed
    assert till.verify().ok


def test_a_balanced_count_needs_no_reason(till):
    shift = till.shifts.open("Ina", 50_000).shift_id
    closed = till.shifts.close(shift, "Ina", CashCount({50_000: 1}), "", expected=50_000)
    assert closed.difference == 0 and closed.reason is None


@pytest.mark.parametrize("reason", [None, "", "   "])
def test_a_difference_without_a_reason_is_refused_and_nothing_recorded(till, reason):
    shift = till.shifts.open("Ina", 50_000).shift_id
    before = recorded(till)
    refused(
        ShiftProblem.REASON_NEEDED,
        lambda: till.shifts.close(shift, "Ina", CashCount({20_000: 2}), reason, expected=50_000),
    )
    assert recorded(till) == before and till.shifts.current() is not None


def test_a_reason_too_long_is_refused(till):
    shift = till.shifts.open("Ina", 0).shift_id
    refused(
        ShiftProblem.REASON_TOO_LONG,
        lambda: till.shifts.close(shift, "Ina", CashCount(coins=100), "x" * 201, expected=0),
    )


def test_closing_a_closed_shift_is_refused_and_nothing_recorded(till):
    shift = till.shifts.open("Ina", 0).shift_id
    till.shifts.close(shift, "Ina", CashCount(), None, expected=0)
    before = recorded(till)
    refused(
        ShiftProblem.ALREADY_CLOSED,
        lambda: till.shifts.close(shift, "Ina", CashCount(coins=500), None, expected=0),
    )
    refused(ShiftProblem.ALREADY_CLOSED, lambda: till.shifts.take_over(shift, "Yance"))
    assert recorded(till) == before


def test_a_count_against_figures_that_moved_is_refused(till):
    shift = till.shifts.open("Ina", 0).shift_id
    seen = till.shifts.figures(shift).expected
    ring(till, 10_000, shift)  # a sale lands while the drawer is counted
    before = recorded(till)
    refused(
        ShiftProblem.FIGURES_CHANGED,
        lambda: till.shifts.close(shift, "Ina", CashCount(), None, expected=seen),
    )
    assert recorded(till) == before


def test_an_impossible_count_is_refused_before_anything_is_read(till):
    till.shifts.open("Ina", 0)
    refused(CountProblem.NEGATIVE_COINS, lambda: CashCount(coins=-500))


# -- the command line's close ------------------------------------------------------------------


def test_the_command_line_closes_the_open_shift_with_one_amount_and_an_audit_row(till):
    shift = till.shifts.open("Ina", 20_000).shift_id
    ring(till, 10_000, shift)

    closed = till.shifts.close_open(25_000, "Salah hitung")

    assert (closed.counted, closed.expected, closed.difference) == (25_000, 30_000, -5_000)
    assert closed.counts is None and closed.note == CLI_CLOSE_NOTE
    assert closed.closed_by == "admin"
    with till.db.read() as connection:
        actions = connection.execute(select(AuditLog.action)).scalars().all()
    assert "shift_close" in actions
    assert till.verify().ok


def test_the_command_line_close_refuses_without_an_open_shift_or_a_reason(till):
    refused(ShiftProblem.NO_OPEN_SHIFT, lambda: till.shifts.close_open(0, None))
    till.shifts.open("Ina", 20_000)
    before = recorded(till)
    refused(ShiftProblem.REASON_NEEDED, lambda: till.shifts.close_open(19_000, None))
    refused(ShiftProblem.NEGATIVE_AMOUNT, lambda: till.shifts.close_open(-1, "x"))
    assert recorded(till) == before


# -- a shift left open overnight ---------------------------------------------------------------


def test_a_shift_open_past_midnight_is_closed_at_the_next_login_without_a_count(till, clock):
    clock.set_wit("2026-11-20 08:00")
    shift = till.shifts.open("Ina", 100_000).shift_id
    clock.set_wit("2026-11-20 17:00")
    ring(till, 40_000, shift)
    clock.set_wit("2026-11-20 23:59")
    assert till.shifts.begin("Yance").next_step is NextStep.TAKE_OVER  # same day: goes on

    clock.set_wit("2026-11-21 00:05")  # 2026-11-20 15:05 UTC: midnight is the stall's
    start = till.shifts.begin("Yance")

    assert start.next_step is NextStep.OPEN and start.shift is None
    closed = start.auto_closed
    assert closed is not None and closed.auto_closed and closed.counted is None
    assert closed.expected == 140_000 and closed.note == AUTO_CLOSE_NOTE
    assert closed.closed_by == "Yance" and closed.difference is None
    assert till.shifts.figures(shift) == closed  # stays reportable
    assert till.shifts.begin("Yance").auto_closed is None  # closed once
    assert till.verify().ok


# -- the sale path -----------------------------------------------------------------------------


def sale_request(shift_id: str | None):  # type: ignore[no-untyped-def]
    sale = SaleInProgress()
    sale.log_in("Ina", shift_id)
    sale.add_free_amount("UMKM-001", "Dapur Sagu", 25_000)
    sale.choose_public()
    return sale.pay(Payment(PaymentMethod.TUNAI, 25_000))


def test_a_touchscreen_sale_belongs_to_the_open_shift(till):
    create_card_key_file(till.settings.cards.key_file)
    shift = open_shift(till)
    outcome = till.back_end().sale.commit(sale_request(shift))
    assert outcome.sale.shift_id == shift
    assert till.sales_ledger.find(outcome.sale.number).shift_id == shift
    assert till.shifts.figures(shift).cash_sales == 25_000
    assert till.verify().ok


def test_a_touchscreen_sale_without_a_shift_is_refused_and_nothing_recorded(till):
    create_card_key_file(till.settings.cards.key_file)
    before = recorded(till)
    refused(ShiftProblem.NO_OPEN_SHIFT, lambda: till.back_end().sale.commit(sale_request(None)))
    assert recorded(till) == before


def test_a_sale_in_a_shift_closed_meanwhile_is_refused_by_the_ledger(till):
    create_card_key_file(till.settings.cards.key_file)
    shift = open_shift(till)
    request = sale_request(shift)  # Bayar pressed ...
    till.shifts.close_open(0, None)  # ... and the shift closed from the command line
    before = recorded(till)
    refused(ShiftProblem.NO_OPEN_SHIFT, lambda: till.back_end().sale.commit(request))
    assert recorded(till) == before


def test_shift_steps_are_chain_entries_that_verify(till, clock):
    shift = till.shifts.open("Ina", 100_000).shift_id
    ring(till, 20_000, shift)
    till.shifts.take_over(shift, "Yance")
    clock.now += dt.timedelta(hours=1)
    till.shifts.close(shift, "Yance", CashCount({100_000: 1, 20_000: 1}), None, expected=120_000)
    report = till.verify()
    assert report.ok and report.entries_checked == 4
