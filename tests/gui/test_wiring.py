"""The screens built apart, wired into the window: admin behind its PIN, QRIS from the payment
screen to a recorded sale and a queued receipt, and the error screen's way back."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QPushButton

from kiosk.ui.main_window import KioskWindow

from .conftest import click, kiosk_window, log_in, tile


def press(qtbot, keypad, digits: str) -> None:  # type: ignore[no-untyped-def]
    for digit in digits:
        click(qtbot, keypad.findChild(QPushButton, f"key_{digit}"))


def test_the_admin_area_opens_from_idle_only_with_the_admin_pin(qtbot, window) -> None:
    window.ctx.kiosk.admin_pin.set_pin("246810")
    click(qtbot, window.idle.admin)
    assert window.current_screen_name() == "admin_login"
    login = window.screens["admin_login"]
    press(qtbot, login.keypad, "135790")
    click(qtbot, login.enter)
    qtbot.waitUntil(lambda: "Sisa 2 kali" in login.message.text())  # counted by the back end
    assert window.current_screen_name() == "admin_login"
    press(qtbot, login.keypad, "246810")
    click(qtbot, login.enter)
    qtbot.waitUntil(lambda: window.current_screen_name() == "admin_home")
    window.show_screen("selling")  # [Kembali ke kasir] with nobody on duty
    assert window.current_screen_name() == "login"


@pytest.fixture
def qris_window(qris_ctx, qtbot) -> Iterator[KioskWindow]:  # type: ignore[no-untyped-def]
    with kiosk_window(qris_ctx, qtbot) as win:
        yield win


def test_a_qris_sale_runs_from_the_payment_screen_to_a_queued_receipt(qtbot, qris_window):
    window, kiosk = qris_window, qris_window.ctx.kiosk
    log_in(qtbot, window)
    bagea = tile(window, "Bagea kenari 100 g")
    click(qtbot, bagea)
    window.selling.choose_public()
    click(qtbot, window.selling.pay)
    assert window.current_screen_name() == "payment"
    assert window.payment.qris.isVisible()
    click(qtbot, window.payment.qris)
    assert window.current_screen_name() == "qris"
    click(qtbot, window.qris.paid)  # the operator saw the money arrive
    qtbot.waitUntil(lambda: window.current_screen_name() == "success", timeout=10_000)
    number = window.last_sale_number
    sale = kiosk.sales_ledger.find(number)
    assert (sale.payment_method, sale.total, sale.nip) == ("QRIS", bagea.product.harga, None)
    jobs = kiosk.print_jobs.for_sale(sale.id)
    assert [job.kind for job in jobs] == ["receipt"]


def test_an_unexpected_error_shows_a_calm_screen_and_a_clean_start(qtbot, window) -> None:
    log_in(qtbot, window)
    click(qtbot, tile(window, "Bagea kenari 100 g"))
    window.show_error("RuntimeError")
    assert window.current_screen_name() == "error"
    assert window.ctx.session.cart.is_empty()
    click(qtbot, window.error.home)
    assert window.current_screen_name() == "idle"


def test_filters_then_a_reset_show_every_product_again(qtbot, window) -> None:
    log_in(qtbot, window)
    selling = window.selling
    everything = list(selling._shown)
    assert len(everything) == len(selling.tiles) > 10
    selling.filter_category("Minuman")
    drinks = list(selling._shown)
    assert 0 < len(drinks) < len(everything)
    assert all(t.product.kategori == "Minuman" and t.isVisibleTo(selling) for t in drinks)
    assert not any(t.isVisibleTo(selling) for t in everything if t not in drinks)
    selling.reset_view()  # what the inactivity timeout does
    assert selling._shown == everything
    assert all(t.isVisibleTo(selling) for t in everything)
    shown_before = selling._shown
    selling.reset_view()  # nothing changed: the grid is left as it is
    assert selling._shown is shown_before
