"""Every vendor screen fits the panels stalls buy (issue #10): at each size, in each state the
other tests reach, every visible control lies wholly inside the window and is at least 56 px
both ways (in a scrolling grid or list: the part that shows), and the basket shows enough lines.
The QRIS screen (with the tests' QRIS sticker) must show its code whole and its amount at
28 pt or more, uncut. Screenshots per size go to docs/screenshots/<W>x<H>/."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLineEdit,
    QScrollArea,
    QWidget,
)

from kiosk.domain.cart import CartLine, Payment, PaymentMethod
from kiosk.domain.compliance import Status
from kiosk.domain.money import format_rupiah
from kiosk.services.printing_ports import Problem, QueueState
from kiosk.ui import theme
from kiosk.ui.scale import automatic_scale
from kiosk.ui.screen_names import Screen
from kiosk.ui.screens.qris import QR_MIN_PIXELS

from .conftest import (
    click,
    count_drawer,
    kiosk_window,
    log_in,
    log_in_to,
    log_out,
    nip_with_status,
    press,
    scan,
    sell_public,
    signed_card,
    tile,
)
from .test_stock import asking_at_zero

# Every screen at every size: about a minute; CI runs it (-m "slow or not slow").
pytestmark = pytest.mark.slow

# The four the issue names, then the panels between them.
SIZES = [(1024, 768), (1280, 800), (1366, 768), (1920, 1080)]
SIZES += [(1280, 1024), (1440, 900), (1600, 900)]


def cart_lines_needed(height: int) -> int:
    return 6 if height >= 1080 else 4


OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
FINGER = 56


@pytest.fixture(params=SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def sized(request, app: QApplication) -> Iterator[tuple[int, int]]:
    """The screen's own scale for its size (no physical size: as the offscreen screen)."""
    width, height = request.param
    theme.use_scale(automatic_scale(width, height))
    app.setStyleSheet(theme.style())
    try:
        yield width, height
    finally:
        theme.use_scale(1.0)
        app.setStyleSheet(theme.style())


def _settle() -> None:
    for _ in range(3):  # nested layouts settle over a few passes, as in the live event loop
        QApplication.processEvents()


def _scroller(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def _on_window(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def controls(window: QWidget) -> list[QWidget]:
    found = window.findChildren(QAbstractButton) + window.findChildren(QLineEdit)
    return [w for w in found if w.isVisibleTo(window) and w.window() is window]


def misfits(window: QWidget) -> list[str]:
    """Every visible control that leaves the window or is smaller than a finger."""
    bounds = window.rect()
    problems = []
    for widget in controls(window):
        rect = _on_window(widget, window)
        name = widget.objectName() or getattr(widget, "text", lambda: "")() or type(widget).__name__
        area = _scroller(widget)
        if area is not None:
            view = _on_window(area.viewport(), window)
            if not view.intersects(rect):
                continue  # scrolled out of sight: a drag brings it in
            if not bounds.contains(view):
                problems.append(f"{name}: its list {view.getRect()} leaves the window")
            if rect.height() < FINGER or rect.width() < FINGER:
                problems.append(f"{name}: {rect.width()}x{rect.height()} px")
            continue
        if not bounds.contains(rect):
            problems.append(f"{name}: {rect.getRect()} leaves the window {bounds.getRect()}")
        shown = widget.visibleRegion().boundingRect()
        if shown != widget.rect():  # cut off by a panel it lies in, or hidden under another
            problems.append(f"{name}: only {shown.getRect()} of {widget.rect().getRect()} shows")
        if rect.height() < FINGER or rect.width() < FINGER:
            problems.append(f"{name}: {rect.width()}x{rect.height()} px")
    return problems


def cart_lines_shown(window) -> int:  # type: ignore[no-untyped-def]
    """The basket lines shown whole with the list at its end, as after the last product was
    touched (a row is as tall as its wrapped name needs)."""
    cart = window.selling.cart
    spacing = cart.widget().layout().spacing()
    room, shown = cart.viewport().height() + spacing, 0
    for row in reversed(cart.rows):
        room -= row.height() + spacing
        if room < 0:
            break
        shown += 1
    return shown


def check(window, size: tuple[int, int], name: str) -> None:  # type: ignore[no-untyped-def]
    _settle()
    folder = OUT / f"{size[0]}x{size[1]}"
    folder.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(folder / f"{name}.png"))
    assert (window.width(), window.height()) == size
    assert misfits(window) == [], name
    least = window.minimumSizeHint()  # nothing squeezed below what it needs
    assert least.width() <= size[0] and least.height() <= size[1], name


def qris_misfits(window) -> list[str]:  # type: ignore[no-untyped-def]
    """What a phone or an eye would miss on the QRIS screen: the code not wholly shown, the
    amount small or cut."""
    screen, problems = window.qris, []
    code, shown = screen.qr, screen.qr.pixmap()
    where = _on_window(code, window)
    if not window.rect().contains(where) or code.visibleRegion().boundingRect() != code.rect():
        problems.append(f"the QR's place {where.getRect()} is not wholly on screen")
    room = code.contentsRect()
    if shown.width() < theme.px(QR_MIN_PIXELS):  # a big panel's code grows with its scale
        problems.append(f"the QR is {shown.width()} px, under {theme.px(QR_MIN_PIXELS)}")
    if shown.isNull() or shown.width() > room.width() or shown.height() > room.height():
        problems.append(f"the QR ({shown.width()} px) does not fit its place {room.getRect()}")
    amount = screen.amount
    if amount.font().pointSizeF() < theme.AMOUNT_PT:
        problems.append(f"the amount is {amount.font().pointSizeF()} pt")
    if amount.text() != format_rupiah(window.ctx.session.total):
        problems.append(f"the amount reads {amount.text()!r}")
    needs = amount.fontMetrics().horizontalAdvance(amount.text())
    cut = amount.visibleRegion().boundingRect() != amount.rect()
    if needs > amount.contentsRect().width() or cut:
        problems.append(f"the amount needs {needs} px, has {amount.contentsRect().width()}")
    return problems


def test_every_vendor_screen_fits(qtbot, qris_ctx, sized) -> None:
    size, ctx = sized, qris_ctx
    with kiosk_window(ctx, qtbot) as window:
        window.setFixedSize(*size)  # as full screen: the panel does not grow to fit
        kiosk, clock = ctx.kiosk, ctx.scanner._clock
        check(window, size, "idle")
        qtbot.mouseClick(window.idle, Qt.MouseButton.LeftButton)
        check(window, size, "login")
        click(qtbot, window.login.name_buttons["Ina"])
        for digit in "11":
            click(qtbot, window.login.keypad.findChild(QAbstractButton, f"key_{digit}"))
        check(window, size, "login-pin")
        for digit in "11":
            click(qtbot, window.login.keypad.findChild(QAbstractButton, f"key_{digit}"))
        click(qtbot, window.login.submit)
        qtbot.waitUntil(lambda: window.current_screen_name() == "selling")
        check(window, size, "selling-empty")

        for name in (
            "Sagu lempeng isi 10 keping",
            "Papeda instan isi 3 cup",
            "Air guraka segelas",
            "Sagu gula isi 6",
            "Sinoli sagu kelapa",
            "Kopi rarobang segelas",
        ):
            # The tile's own click: on the offscreen platform a synthetic press far right on a
            # 1920 px window does not always reach the kinetic grid (see the report).
            tile(window, name).click()
        scan(qtbot, window, clock, signed_card(kiosk, nip_with_status(kiosk, Status.KURANG)))
        check(window, size, "selling-cart-buyer")
        assert cart_lines_shown(window) >= cart_lines_needed(size[1])
        # Beside the operator, Keluar and the clock: the brand whole, never "Jiku Bata — S…".
        brand = window.header.stall
        assert brand.text() in (brand.full_text, brand.full_text.split(" — ")[0])

        click(qtbot, window.selling.buyer.rescan)
        click(qtbot, window.selling.buyer.type_nip)
        for digit in "1985041220":
            click(qtbot, window.nip_entry.keypad.findChild(QAbstractButton, f"key_{digit}"))
        check(window, size, "nip-keypad")
        click(qtbot, window.nip_entry.findChild(QAbstractButton, "nip_cancel"))

        scan(qtbot, window, clock, signed_card(kiosk, nip_with_status(kiosk, Status.KURANG)))
        click(qtbot, window.selling.pay)
        quick = window.payment.quick
        click(qtbot, quick.itemAt(quick.count() - 1).widget())
        check(window, size, "payment-cash")
        click(qtbot, window.payment.qris)
        assert window.current_screen_name() == "qris"
        check(window, size, "qris")
        assert qris_misfits(window) == []
        click(qtbot, window.qris.cancel)
        click(qtbot, window.payment.confirm)
        qtbot.waitUntil(lambda: window.current_screen_name() == "success")
        check(window, size, "success")

        click(qtbot, window.success.done)
        qtbot.mouseClick(window.idle, Qt.MouseButton.LeftButton)
        with qtbot.waitSignal(window.ctx.printing.changed):
            window.ctx.printing.publish(QueueState(False, 2, Problem.UNREACHABLE))
        tile(window, "Sagu gula isi 6").click()
        check(window, size, "printer-banner")

        window.show_error("")
        check(window, size, "error")


def test_the_restart_notice_fits(qtbot, ctx, sized) -> None:
    """A sale whose receipt may not have printed: its notice over the selling screen."""
    ctx.kiosk.checkout.checkout(
        [CartLine("UMKM-001", "Bagea kenari", 25_000)],
        buyer_nip=None,
        operator="Ina",
        payment=Payment(PaymentMethod.TUNAI, 25_000),
        hold_receipt=True,
    )
    with kiosk_window(ctx, qtbot) as window:
        window.setFixedSize(*sized)
        qtbot.waitUntil(lambda: window.notice.pending)
        log_in(qtbot, window)
        assert window.notice.isVisible()
        check(window, sized, "restart-notice")


def test_the_till_screens_fit(qtbot, fresh_ctx, sized) -> None:
    """The day's first login (the float), the selling header with Tutup sesi, the hand-over
    question, the count, the check with a difference, the typed reason, the summary, and the
    float again after a shift left open overnight was closed."""
    with kiosk_window(fresh_ctx, qtbot) as window:
        window.setFixedSize(*sized)
        log_in_to(qtbot, window, "Ina", "1111", Screen.SHIFT_OPEN)
        press(qtbot, window.shift_open.keypad, "150000")
        check(window, sized, "shift-open")
        click(qtbot, window.shift_open.submit)
        qtbot.waitUntil(lambda: window.current_screen_name() == Screen.SELLING)
        check(window, sized, "shift-selling")
        sell_public(qtbot, window, "Kopi rarobang segelas")
        log_out(qtbot, window)

        log_in_to(qtbot, window, "Yance", "2222", Screen.SHIFT_TAKEOVER)
        check(window, sized, "shift-takeover")
        click(qtbot, window.shift_takeover.close_button)
        close = window.shift_close
        count_drawer(qtbot, close, fresh_ctx.kiosk.shifts.current_figures().expected - 3_000)
        check(window, sized, "shift-count")
        click(qtbot, close.next)
        qtbot.waitUntil(lambda: close.pages.currentIndex() == 1)
        check(window, sized, "shift-check")
        click(qtbot, close.type_reason)
        for key in "dipinjam":
            click(qtbot, close.letters.findChild(QAbstractButton, f"letter_{key}"))
        check(window, sized, "shift-reason")
        click(qtbot, close.use_typed)
        click(qtbot, close.close_button)
        qtbot.waitUntil(lambda: window.current_screen_name() == Screen.SHIFT_DONE)
        # The Z-report and slips queued: the summary as it stays (one picture every run).
        qtbot.waitUntil(lambda: window.shift_done.print_again.isEnabled())
        check(window, sized, "shift-done")

        click(qtbot, window.shift_done.new_shift)
        click(qtbot, window.shift_open.submit)
        qtbot.waitUntil(lambda: window.current_screen_name() == Screen.SELLING)
        log_out(qtbot, window)
        fresh_ctx.kiosk.clock.now += dt.timedelta(days=1)
        log_in_to(qtbot, window, "Ina", "1111", Screen.SHIFT_OPEN)
        assert window.shift_open.notice.isVisible()
        check(window, sized, "shift-open-after-night")


def test_the_stock_screens_fit(qtbot, ctx, sized) -> None:
    """Counted tiles with "sisa N", one at zero asking before it sells, and the operator's
    drop-off entry (the UMKM, then a product with the keypad)."""
    with kiosk_window(ctx, qtbot) as window:
        window.setFixedSize(*sized)
        asking_at_zero(qtbot, window)
        check(window, sized, "stock-selling-zero")
        click(qtbot, window.selling.question_no)
        click(qtbot, window.selling.vendor_button)
        check(window, sized, "stock-umkm-list")  # where Titipan barang is
        click(qtbot, window.selling.stock_button)
        entry = window.stock_drop.entry
        qtbot.waitUntil(lambda: bool(entry.vendor_buttons))
        check(window, sized, "stock-drop-umkm")
        click(qtbot, entry.vendor_buttons["UMKM-001"])
        click(qtbot, entry.product_buttons["SINOLI"])
        press(qtbot, entry.keypad, "4")
        check(window, sized, "stock-drop")
