"""Every screen rendered at 1280x800 into docs/screenshots/ (docs/ARCHITECTURE.md, "Testing"), so
anyone can see the kiosk without running it. Each step also checks the screen it saved is the
right one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from kiosk.domain.compliance import Status
from kiosk.services.printing_ports import Problem, QueueState

from .conftest import NOT_ON_ROSTER, REPO, click, nip_with_status, scan, signed_card, tile
from .test_stock import asking_at_zero, entering_drop_off

OUT = REPO / "docs" / "screenshots"


def _save(window, name: str) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    for _ in range(3):  # nested layouts settle over a few passes, as in the live event loop
        QApplication.processEvents()
    path = OUT / f"{name}.png"
    assert window.grab().save(str(path))
    return path


def test_render_every_screen(qtbot, window) -> None:
    kiosk, clock = window.ctx.kiosk, window.ctx.scanner._clock
    assert window.size().width() == 1280 and window.size().height() == 800
    _save(window, "idle")

    qtbot.mouseClick(window.idle, Qt.MouseButton.LeftButton)
    _save(window, "login")
    click(qtbot, window.login.name_buttons["Ina"])
    for digit in "11":
        click(qtbot, window.login.keypad.findChild(QPushButton, f"key_{digit}"))
    _save(window, "login-pin")
    for digit in "11":
        click(qtbot, window.login.keypad.findChild(QPushButton, f"key_{digit}"))
    click(qtbot, window.login.submit)
    qtbot.waitUntil(lambda: window.current_screen_name() == "selling")
    _save(window, "selling-empty")

    for name in (
        "Sagu lempeng isi 10 keping",
        "Sagu lempeng isi 10 keping",
        "Papeda instan isi 3 cup",
    ):
        click(qtbot, tile(window, name))
    click(qtbot, tile(window, "Air guraka segelas"))
    scan(qtbot, window, clock, signed_card(kiosk, nip_with_status(kiosk, Status.KURANG)))
    _save(window, "selling-cart-buyer")
    _save(window, "buyer-short")
    scan(qtbot, window, clock, signed_card(kiosk, nip_with_status(kiosk, Status.MEMENUHI)))
    _save(window, "buyer-met")
    scan(qtbot, window, clock, signed_card(kiosk, NOT_ON_ROSTER))
    assert window.ctx.session.buyer.nip == NOT_ON_ROSTER
    _save(window, "buyer-not-on-roster")
    real = signed_card(kiosk, nip_with_status(kiosk, Status.KURANG))
    scan(qtbot, window, clock, real[:-2] + ("AA" if not real.endswith("AA") else "BB"))
    assert window.selling.buyer.message.message
    _save(window, "bad-scan")

    click(qtbot, window.selling.buyer.rescan)
    click(qtbot, window.selling.buyer.type_nip)
    for digit in "1985041220":
        click(qtbot, window.nip_entry.keypad.findChild(QPushButton, f"key_{digit}"))
    _save(window, "nip-keypad")
    click(qtbot, window.nip_entry.findChild(QPushButton, "nip_cancel"))

    scan(qtbot, window, clock, signed_card(kiosk, nip_with_status(kiosk, Status.KURANG)))
    click(qtbot, window.selling.pay)
    quick = window.payment.quick
    click(qtbot, quick.itemAt(quick.count() - 1).widget())  # the biggest note offered
    _save(window, "payment-cash")
    click(qtbot, window.payment.confirm)
    qtbot.waitUntil(lambda: window.current_screen_name() == "success")
    qtbot.waitUntil(lambda: window.success.print_status == "pending")
    _save(window, "success")

    click(qtbot, window.success.done)
    qtbot.mouseClick(window.idle, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.ctx.printing.changed):
        window.ctx.printing.publish(QueueState(False, 2, Problem.UNREACHABLE))
    click(qtbot, tile(window, "Sagu gula isi 6"))
    _save(window, "printer-banner")


def test_render_the_stock_screens(qtbot, window) -> None:
    """A counted tile at zero asking before it sells; the operator's drop-off entry."""
    asking_at_zero(qtbot, window)
    assert window.selling.question.isVisible()
    _save(window, "stock-selling-zero")
    click(qtbot, window.selling.question_no)
    entering_drop_off(qtbot, window)
    assert window.current_screen_name() == "stock"
    _save(window, "stock-drop")
