"""Paying a UMKM through the real admin screen: its balance this month, a payout, an advance
only after the screen asked, and a reversal with a reason; each lands in the ledger."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from kiosk.domain.money import format_rupiah
from kiosk.domain.settlement import PayoutKind
from kiosk.ui.admin.payouts import HISTORY, LIST, PAY, PayoutsScreen

from .conftest import click, show

UMKM = "UMKM-001"


def loaded(qtbot, screen: PayoutsScreen) -> PayoutsScreen:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: bool(screen.balances) and screen.loading.isHidden())
    return screen


def type_amount(qtbot, screen: PayoutsScreen, amount: int) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, screen.keypad.findChild(QPushButton, "key_clear"))
    for digit in str(amount):
        click(qtbot, screen.keypad.findChild(QPushButton, f"key_{digit}"))


# The states the screenshots, the size tests and the accessible-name tests reach.
def chosen(qtbot, screen: PayoutsScreen) -> PayoutsScreen:  # type: ignore[no-untyped-def]
    loaded(qtbot, screen)
    click(qtbot, screen.umkm.buttons[UMKM])
    return screen


def paying(qtbot, screen: PayoutsScreen) -> PayoutsScreen:  # type: ignore[no-untyped-def]
    chosen(qtbot, screen)
    click(qtbot, screen.to_pay)
    type_amount(qtbot, screen, 50_000)
    click(qtbot, screen.notes.buttons["Tunai"])
    return screen


def asking_advance(qtbot, screen: PayoutsScreen) -> PayoutsScreen:  # type: ignore[no-untyped-def]
    chosen(qtbot, screen)
    saldo = screen.chosen.saldo  # type: ignore[union-attr]
    click(qtbot, screen.to_pay)
    type_amount(qtbot, screen, saldo + 250_000)
    click(qtbot, screen.notes.buttons["Transfer bank"])
    click(qtbot, screen.pay)
    qtbot.waitUntil(lambda: screen.advance.isVisible())
    return screen


def reversing(qtbot, screen: PayoutsScreen) -> PayoutsScreen:  # type: ignore[no-untyped-def]
    """A payout recorded (by the back end), its history open, the payout and a reason chosen."""
    screen.ctx.kiosk.payouts.pay(UMKM, 25_000, "Tunai", actor="admin")
    screen.ctx.kiosk.payouts.pay(UMKM, 15_000, "Transfer bank", actor="admin")
    chosen(qtbot, screen)
    click(qtbot, screen.to_history)
    qtbot.waitUntil(lambda: len(screen.records.buttons) == 2)
    newest = next(iter(screen.history))
    click(qtbot, screen.records.buttons[newest])
    click(qtbot, screen.reasons.buttons["Salah nominal"])
    return screen


def test_each_umkm_is_listed_with_its_balance_this_month(ctx, go, qtbot):
    screen = loaded(qtbot, show(PayoutsScreen(ctx, go), qtbot))

    expected = {b.kode_umkm: b for b in ctx.kiosk.payouts.balances()}
    assert list(screen.umkm.buttons) == sorted(expected)
    first = expected[UMKM]
    assert first.pendapatan > 0, "the demo data sold for UMKM-001 this month"
    assert screen.umkm.buttons[UMKM].text() == (
        f"{first.nama_umkm}\nSaldo {format_rupiah(first.saldo)}"
    )
    assert not screen.to_pay.isEnabled()
    click(qtbot, screen.umkm.buttons[UMKM])
    assert screen.figures.name.text() == first.nama_umkm
    assert screen.figures.values["pendapatan"].text() == format_rupiah(first.pendapatan)
    assert screen.figures.captions["potongan"].text() == "Potongan kios 0%"
    assert screen.figures.saldo.text() == f"Saldo {format_rupiah(first.saldo)}"
    assert screen.to_pay.isEnabled() and screen.to_history.isEnabled()


def test_a_payout_then_an_advance_only_after_the_screen_asked(ctx, go, qtbot):
    screen = paying(qtbot, show(PayoutsScreen(ctx, go), qtbot))
    before = screen.chosen.saldo  # type: ignore[union-attr]
    assert screen.pages.currentIndex() == PAY
    assert screen.amount.text() == "Rp50.000"
    click(qtbot, screen.pay)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == LIST and screen.done.text() != "")
    [paid] = ctx.kiosk.payouts.payouts(kode_umkm=UMKM)
    assert (paid.amount, paid.kind, paid.note, paid.paid_by) == (
        50_000,
        PayoutKind.PAYOUT,
        "Tunai",
        "admin",
    )
    assert screen.done.text() == (
        f"Pembayaran {paid.number} Rp50.000 untuk Dapur Sagu Mama Ona tercatat."
    )
    qtbot.waitUntil(lambda: screen.balances[UMKM].saldo == before - 50_000)
    assert screen.umkm.value == UMKM, "the UMKM stays chosen"

    asking_advance(qtbot, screen)
    saldo = before - 50_000
    assert screen.advance_question.text() == (
        f"{format_rupiah(saldo + 250_000)} melebihi saldo {format_rupiah(saldo)}: "
        "catat sebagai panjar (dibayar di muka)?"
    )
    assert not screen.pay.isVisible()
    assert len(ctx.kiosk.payouts.payouts(kode_umkm=UMKM)) == 1, "asked, nothing recorded yet"
    click(qtbot, screen.advance)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == LIST and "Panjar" in screen.done.text())
    advance = ctx.kiosk.payouts.payouts(kode_umkm=UMKM)[-1]
    assert (advance.kind, advance.amount, advance.note) == (
        PayoutKind.ADVANCE,
        saldo + 250_000,
        "Transfer bank",
    )
    qtbot.waitUntil(lambda: screen.balances[UMKM].saldo == -250_000)


def test_a_changed_amount_asks_about_the_advance_afresh(ctx, go, qtbot):
    screen = asking_advance(qtbot, show(PayoutsScreen(ctx, go), qtbot))
    click(qtbot, screen.keypad.findChild(QPushButton, "key_⌫"))
    assert not screen.advance.isVisible() and screen.pay.isVisible()
    assert ctx.kiosk.payouts.payouts() == []


def test_a_payout_is_reversed_from_its_history_with_a_reason(ctx, go, qtbot):
    screen = reversing(qtbot, show(PayoutsScreen(ctx, go), qtbot))
    assert screen.pages.currentIndex() == HISTORY
    newest = screen.record
    assert newest is not None and newest.amount == 15_000
    assert screen.record_heading.text() == f"Pembayaran {newest.number}"
    assert "Rp15.000 · Transfer bank · oleh admin" in screen.record_detail.text()
    click(qtbot, screen.reverse)
    qtbot.waitUntil(lambda: screen.reversed.text() != "")
    reversal = ctx.kiosk.payouts.payouts(kode_umkm=UMKM)[-1]
    assert (reversal.kind, reversal.reverses, reversal.note) == (
        PayoutKind.REVERSAL,
        newest.number,
        "Salah nominal",
    )
    assert screen.reversed.text() == (
        f"Pembayaran {newest.number} dibatalkan dengan {reversal.number}."
    )
    qtbot.waitUntil(lambda: len(screen.records.buttons) == 3)
    assert screen.record is not None and screen.record.kind is PayoutKind.REVERSAL
    assert not screen.reverse.isVisible(), "a reversal is not reversed again"
    click(qtbot, screen.records.buttons[newest.id])
    assert screen.record.reversed_by == reversal.number  # type: ignore[union-attr]
    assert not screen.reverse.isVisible(), "a payout is reversed once"
    click(qtbot, screen.page_back)
    assert screen.pages.currentIndex() == LIST and screen.back_button.isVisible()
