"""What the window owns: the inactivity timeout, refusing to close, the printer banner,
a checkout that fails, and the success screen timing out to idle."""

from __future__ import annotations

from kiosk.domain.compliance import Status
from kiosk.services.printing_ports import Problem, QueueState

from .conftest import click, log_in, nip_with_status, scan, signed_card, tile


def test_inactivity_forgets_basket_and_buyer_and_returns_to_idle(qtbot, window) -> None:
    window.ctx.inactivity_seconds = 1
    log_in(qtbot, window)
    click(qtbot, tile(window, "Sinoli sagu kelapa"))
    nip = nip_with_status(window.ctx.kiosk, Status.KURANG)
    scan(qtbot, window, window.ctx.scanner._clock, signed_card(window.ctx.kiosk, nip))
    assert window.ctx.session.buyer is not None
    qtbot.waitUntil(lambda: window.current_screen_name() == "idle", timeout=4000)
    assert window.ctx.session.cart.is_empty()
    assert window.ctx.session.buyer is None
    assert window.ctx.session.operator == "Ina"


def test_bayar_is_disabled_on_an_empty_basket(qtbot, window) -> None:
    log_in(qtbot, window)
    assert not window.selling.pay.isEnabled()
    click(qtbot, tile(window, "Sinoli sagu kelapa"))
    assert window.selling.pay.isEnabled()
    click(qtbot, window.selling.cancel)
    assert not window.selling.pay.isEnabled()
    assert window.selling.total.text() == "Rp0"


def test_the_window_refuses_to_close(qtbot, window) -> None:
    assert window.close() is False
    assert window.isVisible()
    window.allow_close()
    assert window.close() is True


def test_printer_banner_follows_the_print_state(qtbot, window) -> None:
    assert window.banner.isHidden()
    with qtbot.waitSignal(window.ctx.printing.changed):
        window.ctx.printing.publish(QueueState(False, 3, Problem.UNREACHABLE))
    assert not window.banner.isHidden()
    assert window.banner.text.text() == (
        "Printer tidak terhubung — transaksi tetap tersimpan · 3 struk menunggu"
    )
    with qtbot.waitSignal(window.ctx.printing.changed):
        window.ctx.printing.publish(QueueState(True, 0))
    assert window.banner.isHidden()


def test_a_failed_checkout_keeps_the_basket_and_says_so(qtbot, window, monkeypatch) -> None:
    log_in(qtbot, window)
    click(qtbot, tile(window, "Sinoli sagu kelapa"))
    click(qtbot, window.selling.buyer.public)
    click(qtbot, window.selling.pay)

    def broken(*_args, **_kwargs):
        raise OSError("disk I/O error")

    monkeypatch.setattr(window.ctx.kiosk.checkout, "checkout", broken)
    click(qtbot, window.payment.findChild(type(window.payment.confirm), "quick_8000"))
    click(qtbot, window.payment.confirm)
    qtbot.waitUntil(lambda: bool(window.payment.message.message))
    assert "belum tersimpan" in window.payment.message.message
    assert "disk" not in window.payment.message.message  # no technical words
    assert window.current_screen_name() == "payment"
    assert window.payment.confirm.isEnabled()
    assert len(window.ctx.session.cart.lines) == 1


def test_success_returns_to_idle_by_itself_and_clears_the_session(qtbot, window) -> None:
    window.ctx.success_seconds = 1
    log_in(qtbot, window)
    click(qtbot, tile(window, "Sinoli sagu kelapa"))
    nip = nip_with_status(window.ctx.kiosk, Status.TIDAK_BELANJA)
    scan(qtbot, window, window.ctx.scanner._clock, signed_card(window.ctx.kiosk, nip))
    click(qtbot, window.selling.pay)
    click(qtbot, window.payment.findChild(type(window.payment.confirm), "quick_10000"))
    click(qtbot, window.payment.confirm)
    qtbot.waitUntil(lambda: window.current_screen_name() == "success")
    buyer = window.success.result.buyer
    shortfall = buyer.standing.minimum - 8_000
    assert window.success.status.text() == f"Kurang Rp{shortfall:,} lagi".replace(",", ".")
    click(qtbot, window.success.reprint)
    qtbot.waitUntil(
        lambda: len(window.ctx.kiosk.print_jobs.for_sale(window.success.result.sale.id)) == 2
    )
    qtbot.waitUntil(lambda: window.current_screen_name() == "idle", timeout=4000)
    assert window.ctx.session.cart.is_empty() and window.ctx.session.buyer is None


def test_names_with_an_ampersand_read_as_written_on_buttons(qtbot, window) -> None:
    """Qt would take "&" in "Bagea & Kue Kenari Soya" for a shortcut marker: drop it and
    underline the next letter."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QPushButton

    log_in(qtbot, window)
    selling = window.selling
    selling.open_vendor_list(for_amount=False)
    choice = selling.findChild(QPushButton, "vendor_UMKM-004")
    assert choice is not None
    assert QKeySequence.mnemonic(choice.text()).isEmpty()  # no shortcut: shown as written
    click(qtbot, choice)
    assert selling.vendor_code == "UMKM-004"
    assert QKeySequence.mnemonic(selling.vendor_button.text()).isEmpty()
    assert "Bagea" in selling.vendor_button.text()
