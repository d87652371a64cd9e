"""After a restart the operator is told about a sale whose receipt may not have printed (the
kiosk stopped between the sale and its receipt, or while printing it), with the sale's number
and amount, and reprints it from there; the printer banner counts the receipts waiting."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.domain.cart import CartLine, Payment, PaymentMethod
from kiosk.services.printing_ports import FAILED, Problem, QueueState

from .conftest import REPO, click, kiosk_window, log_in, tile

SENTENCE = (
    "Penjualan terakhir (No. {number}, Rp25.000) sudah tersimpan, "
    "tapi struknya mungkin belum tercetak. Cetak ulang?"
)


@pytest.fixture
def sale_in_doubt(kiosk):  # type: ignore[no-untyped-def]
    """What a kill right after the commit leaves: the sale, its receipt job held, no bytes."""
    result = kiosk.checkout.checkout(
        [CartLine("UMKM-001", "Bagea kenari", 25_000)],
        buyer_nip=None,
        operator="Ina",
        payment=Payment(PaymentMethod.TUNAI, 25_000),
        hold_receipt=True,
    )
    return result.sale


def kinds(kiosk, sale) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(job.kind, job.status) for job in kiosk.print_jobs.for_sale(sale.id)]


def test_the_operator_is_asked_to_reprint_the_last_receipt(qtbot, ctx, sale_in_doubt) -> None:
    with kiosk_window(ctx, qtbot) as window:
        qtbot.waitUntil(lambda: window.notice.pending)
        assert window.notice.isHidden()  # not on the buyer's idle screen
        log_in(qtbot, window)
        assert window.notice.isVisible()
        assert window.notice.text.text() == SENTENCE.format(number=sale_in_doubt.number)
        QApplication.sendPostedEvents()
        assert window.grab().save(str(REPO / "docs" / "screenshots" / "restart-notice.png"))
        click(qtbot, window.notice.reprint)
        assert window.notice.isHidden()
        qtbot.waitUntil(lambda: len(kinds(ctx.kiosk, sale_in_doubt)) == 2)
        ctx.runner.wait()
    assert kinds(ctx.kiosk, sale_in_doubt) == [("receipt", FAILED), ("copy", "pending")]


def test_the_notice_can_be_closed_and_stays_closed(qtbot, ctx, sale_in_doubt) -> None:
    with kiosk_window(ctx, qtbot) as window:
        qtbot.waitUntil(lambda: window.notice.pending)
        log_in(qtbot, window)
        click(qtbot, window.notice.close_button)
        assert window.notice.isHidden()
        click(qtbot, tile(window, "Sinoli sagu kelapa"))
        window.show_screen("login")
        assert window.notice.isHidden()
    assert kinds(ctx.kiosk, sale_in_doubt) == [("receipt", FAILED)]  # nothing printed


def test_the_banner_reprints_the_sale_in_doubt_after_a_restart(qtbot, ctx, sale_in_doubt) -> None:
    with kiosk_window(ctx, qtbot) as window:
        qtbot.waitUntil(lambda: window.notice.pending)
        with qtbot.waitSignal(window.ctx.printing.changed):
            window.ctx.printing.publish(QueueState(False, 1, Problem.UNCONFIRMED))
        assert window.banner.text.text() == (
            "Struk belum pasti tercetak — transaksi tetap tersimpan · 1 struk menunggu"
        )
        click(qtbot, window.banner.reprint)
        qtbot.waitUntil(lambda: len(kinds(ctx.kiosk, sale_in_doubt)) == 2)


def test_nothing_is_asked_when_the_last_receipt_is_not_in_doubt(qtbot, ctx) -> None:
    with kiosk_window(ctx, qtbot) as window:
        ctx.runner.wait()
        log_in(qtbot, window)
        assert not window.notice.pending and window.notice.isHidden()
        assert window.last_sale_number is None


def test_the_notice_survives_a_language_switch(qtbot, ctx, sale_in_doubt) -> None:
    with kiosk_window(ctx, qtbot) as window:
        qtbot.waitUntil(lambda: window.notice.pending)
        log_in(qtbot, window)
        assert window.switch_language("en")
        assert window.notice.isVisible()
        assert window.notice.text.text() == (
            f"The last sale (No. {sale_in_doubt.number}, Rp25.000) is saved, "
            "but its receipt may not have printed. Reprint it?"
        )
        assert window.switch_language("id")
