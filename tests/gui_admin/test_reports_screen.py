"""Laporan through the real admin screen: the X-report of the open shift, the day's Z-report,
the UMKM slips one by one, each as the paper shows it; Cetak queues a fresh copy."""

from __future__ import annotations

from sqlalchemy import select

from kiosk.bootstrap import Kiosk
from kiosk.domain.cart import CartLine, Payment, PaymentMethod
from kiosk.domain.till import CashCount
from kiosk.ledger.models import PrintJob
from kiosk.ui.admin.reports import SLIPS, WHOLE_DAY, ReportsScreen, Z

from .conftest import click, show


def ring(kiosk: Kiosk, shift_id: str, vendor: str, amount: int, method: PaymentMethod) -> str:
    return kiosk.checkout.checkout(
        [CartLine(vendor, "Sagu tumbu", amount)],
        buyer_nip=None,
        operator="Ina",
        payment=Payment(method, amount if method is PaymentMethod.TUNAI else None),
        shift_id=shift_id,
    ).sale.number


def the_day(kiosk: Kiosk) -> tuple[str, str]:
    """Shift 1 (Ina, float Rp50.000): cash and QRIS for two UMKM, one voided, closed Rp2.000
    short; then shift 2 (Budi) open with one sale. The two shifts' ids."""
    first = kiosk.shifts.open("Ina", 50_000).shift_id
    ring(kiosk, first, "UMKM-001", 25_000, PaymentMethod.TUNAI)
    ring(kiosk, first, "UMKM-002", 15_000, PaymentMethod.QRIS)
    wrong = ring(kiosk, first, "UMKM-001", 10_000, PaymentMethod.TUNAI)
    kiosk.admin.void(wrong, "Salah input", actor="admin")
    expected = kiosk.shifts.figures(first).expected
    kiosk.shifts.close(first, "Ina", CashCount({1_000: 73}), "kembalian salah", expected=expected)
    second = kiosk.shifts.open("Budi", 0).shift_id
    ring(kiosk, second, "UMKM-003", 30_000, PaymentMethod.TUNAI)
    return first, second


def shown(qtbot, screen: ReportsScreen, words: str) -> ReportsScreen:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: words in screen.paper.text())
    return screen


# The states the screenshots, the size tests and the accessible-name tests reach.
def showing_x(qtbot, screen: ReportsScreen) -> ReportsScreen:  # type: ignore[no-untyped-def]
    if screen.ctx.kiosk.shifts.current() is None:
        the_day(screen.ctx.kiosk)
        screen.refresh()
    return shown(qtbot, screen, "L A P O R A N   X")


def showing_z(qtbot, screen: ReportsScreen) -> ReportsScreen:  # type: ignore[no-untyped-def]
    showing_x(qtbot, screen)
    click(qtbot, screen.kinds.buttons[Z])
    return shown(qtbot, screen, "L A P O R A N   Z")


def showing_slips(qtbot, screen: ReportsScreen) -> ReportsScreen:  # type: ignore[no-untyped-def]
    showing_x(qtbot, screen)
    click(qtbot, screen.kinds.buttons[SLIPS])
    return shown(qtbot, screen, "S L I P   U M K M")


def jobs(kiosk: Kiosk) -> list[tuple[str, str]]:
    with kiosk.db.read() as connection:
        return [tuple(row) for row in connection.execute(select(PrintJob.kind, PrintJob.title))]


def test_the_x_report_of_the_open_shift(ctx, go, qtbot):
    _first, second = the_day(ctx.kiosk)
    screen = showing_x(qtbot, show(ReportsScreen(ctx, go), qtbot))
    assert screen.paper.text() == ctx.kiosk.reports.report_text(
        ctx.kiosk.reports.shift_report(second)
    ).rstrip("\n")
    assert "Petugas: Budi" in screen.paper.text()
    assert not screen.day_row.isVisible() and not screen.slip_row.isVisible()
    click(qtbot, screen.print_button)
    qtbot.waitUntil(lambda: screen.done.text() == "Laporan dikirim ke printer.")
    assert jobs(ctx.kiosk) == [("report", "Laporan X sesi 2 AMB-01")]


def test_no_open_shift_means_no_x_report(ctx, go, qtbot):
    screen = show(ReportsScreen(ctx, go), qtbot)
    qtbot.waitUntil(lambda: screen.caption.text() == "Tidak ada sesi yang sedang buka.")
    assert screen.paper.text() == "" and not screen.print_button.isEnabled()


def test_the_days_z_report_and_other_days(ctx, go, qtbot):
    screen = showing_z(qtbot, show(ReportsScreen(ctx, go), qtbot))
    text = screen.paper.text()
    assert "Alasan: kembalian salah" in text and "Petugas: Ina" in text
    assert [b.text() for b in screen.scopes.buttons.values()] == ["Sesi 1"]  # closed ones only
    assert not screen.day_next.isEnabled()  # no report of tomorrow
    click(qtbot, screen.day_back)
    qtbot.waitUntil(lambda: screen.caption.text() == "Belum ada sesi yang ditutup pada hari ini.")
    assert screen.paper.text() == "" and not screen.scopes.isVisible()
    click(qtbot, screen.day_next)
    shown(qtbot, screen, "L A P O R A N   Z")
    click(qtbot, screen.print_button)
    qtbot.waitUntil(lambda: screen.done.text() == "Laporan dikirim ke printer.")
    assert jobs(ctx.kiosk) == [("report", "Laporan Z sesi 1 AMB-01")]


def test_slips_one_by_one_for_the_day_or_a_shift(ctx, go, qtbot):
    screen = showing_slips(qtbot, show(ReportsScreen(ctx, go), qtbot))
    day = ctx.kiosk.reports.day_slips(ctx.kiosk.stall_clock.today())
    assert screen.scopes.value == WHOLE_DAY
    assert len(screen.shown.slips) == len(day) and len(day) >= 3  # demo sales too
    seen = []
    for _ in day:
        seen.append(screen.caption.text())
        assert screen.slip_label.text() == f"Slip {len(seen)} dari {len(day)}"
        click(qtbot, screen.slip_next)
    assert seen == [f"Slip UMKM {slip.nama_umkm}" for slip in day]
    first = next(iter(screen.scopes.buttons))
    assert first == WHOLE_DAY
    shift_one = list(screen.scopes.buttons)[1]
    click(qtbot, screen.scopes.buttons[shift_one])
    qtbot.waitUntil(lambda: screen.slip_label.text() == "Slip 1 dari 2")
    assert "Sesi                                     1" in screen.paper.text()
    click(qtbot, screen.print_button)
    qtbot.waitUntil(lambda: screen.done.text() == "1 slip dikirim ke printer.")
    click(qtbot, screen.print_all)
    qtbot.waitUntil(lambda: screen.done.text() == "2 slip dikirim ke printer.")
    assert [kind for kind, _title in jobs(ctx.kiosk)] == ["slip"] * 3
