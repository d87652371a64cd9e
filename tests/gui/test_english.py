"""The vendor screens in English: each screen built from its class with the English translator
installed first (as the window does after the admin switches language), then every label and
button checked for Indonesian left untranslated. A few are rendered at 1280×800 into
docs/screenshots/en-*.png, under the header and the printer banner as in the window."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.cart import CartLine, Payment, PaymentMethod
from kiosk.domain.compliance import Status
from kiosk.domain.months import Month
from kiosk.domain.scan import IdentifiedBy
from kiosk.services.printing_ports import Problem, QueueState
from kiosk.services.sale import SaleOutcome
from kiosk.ui.screens.error import ErrorScreen
from kiosk.ui.screens.idle import IdleScreen
from kiosk.ui.screens.login import LoginScreen
from kiosk.ui.screens.nip_entry import NipEntryScreen
from kiosk.ui.screens.payment import PaymentScreen
from kiosk.ui.screens.selling import SellingScreen
from kiosk.ui.screens.success import SuccessScreen
from kiosk.ui.widgets.banner import PrinterBanner
from kiosk.ui.widgets.header import Header

from ..translations import Untranslated, assert_english, read_ts, texts
from ..translations import english as english_installed
from ..ui_context import on_duty
from .conftest import NOT_ON_ROSTER, NOW, REPO, nip_with_status, signed_card

SCREENSHOTS = REPO / "docs" / "screenshots"


@pytest.fixture
def english(app: QApplication) -> Iterator[None]:
    """English before any screen is built, as the window does after the admin switches."""
    with english_installed():
        yield


def framed(ctx, screen: QWidget, qtbot) -> tuple[QMainWindow, Header, PrinterBanner]:  # type: ignore[no-untyped-def]
    """The screen under the header and the printer banner, at the kiosk's 1280×800 (laid out
    as the kiosk window does, without its constructor)."""
    tz = ctx.kiosk.settings.stall.tz
    header = Header(ctx.kiosk.settings.stall.name, lambda: ctx.kiosk.clock().astimezone(tz))
    banner = PrinterBanner()
    body = QWidget()
    layout = QVBoxLayout(body)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    for widget in (header, banner):
        layout.addWidget(widget)
    layout.addWidget(screen, 1)
    frame = QMainWindow()
    frame.setCentralWidget(body)
    qtbot.addWidget(frame)
    frame.resize(1280, 800)
    frame.show()
    qtbot.waitExposed(frame)
    return frame, header, banner


def save(widget: QWidget, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for _ in range(3):  # nested layouts settle over a few passes, as in the live event loop
        QApplication.processEvents()
    image = widget.grab()
    assert (image.width(), image.height()) == (1280, 800)
    assert image.save(str(SCREENSHOTS / f"en-{name}.png"))


def press(keypad: QWidget, digits: str) -> None:
    for digit in digits:
        keypad.findChild(QPushButton, f"key_{digit}").click()


def exempt_nip(kiosk) -> str:  # type: ignore[no-untyped-def]
    """Someone excused this month (the demo data has nobody exempt)."""
    nip = nip_with_status(kiosk, Status.KURANG)
    kiosk.admin.exempt(nip, Month.of(NOW, kiosk.settings.stall.tz), "Cuti", actor="admin")
    return nip


def test_the_checker_catches_indonesian_left_on_a_screen(app):  # type: ignore[no-untyped-def]
    """Without English installed the same screens must fail the check (it can fail)."""
    screen = ErrorScreen(None, lambda name: None)
    assert "Maaf, terjadi kesalahan" in texts(screen)
    with pytest.raises(AssertionError):
        assert_english(screen)
    untranslated = Untranslated(read_ts())
    assert untranslated.source_of("Kurang Rp5.000 lagi") == "Kurang {shortfall} lagi"
    assert untranslated.source_of("Still short by Rp5.000") is None
    assert untranslated.source_of("Total Rp5.000") is None  # the same in both languages
    screen.deleteLater()


def test_idle_and_header_and_banner(english, ctx, qtbot) -> None:
    idle = IdleScreen(ctx.kiosk.settings.stall.name)
    frame, header, banner = framed(ctx, idle, qtbot)  # nobody on duty yet: no operator
    assert idle.instruction == "Scan ASN card or touch to start"
    assert_english(idle, idle.instruction)
    save(frame, "idle")

    header.set_operator("Ina")
    assert header.clock.text() == "Fri, 20 Nov 2026 12:00 WIT"  # NOW in WIT
    assert header.operator.text() == "Operator: Ina"
    banner.show_state(QueueState(False, 3, Problem.UNREACHABLE))
    assert banner.text.text() == (
        "Printer not connected — the sale is still saved · receipts waiting: 3"
    )
    banner.show_state(QueueState(False, 0, Problem.PAPER_OUT))
    assert banner.text.text() == "Printer out of paper — the sale is still saved"
    assert_english(frame)


def test_login(english, ctx, qtbot) -> None:
    screen = LoginScreen(ctx)
    _frame, _header, _banner = framed(ctx, screen, qtbot)  # the frame must outlive the test
    screen.reload()
    assert_english(screen)
    screen.choose("Ina")
    press(screen.keypad, "0000")
    screen.submit_pin()
    qtbot.waitUntil(lambda: bool(screen.message.message))
    assert screen.message.message == "Wrong PIN. Please try again."
    assert screen.who.text() == "PIN for Ina"
    assert_english(screen)


def test_selling_with_a_cart_and_a_buyer(english, ctx, qtbot) -> None:
    on_duty(ctx)
    screen = SellingScreen(ctx)
    frame, header, _banner = framed(ctx, screen, qtbot)
    header.set_operator("Ina")
    screen.load_catalog()
    qtbot.waitUntil(lambda: bool(screen.tiles))
    assert_english(screen)  # empty cart, no buyer yet
    for name in ("Sagu lempeng isi 10 keping", "Sagu lempeng isi 10 keping", "Air guraka segelas"):
        next(t for t in screen.tiles if t.product.nama == name).click()
    screen.request_pay()  # nobody chosen: asks for a card, a NIP or a public buyer
    assert screen.buyer.message.message.startswith("Scan ASN card, type NIP")
    assert_english(screen)

    def identify(payload: str) -> None:  # looked up off the GUI thread
        ctx.session.scan(payload)
        qtbot.waitUntil(lambda: not ctx.session.looking_up)

    identify("HELLO-WORLD-123")
    assert screen.buyer.message.message and ctx.session.buyer is None
    assert_english(screen)
    identify(signed_card(ctx.kiosk, nip_with_status(ctx.kiosk, Status.KURANG)))
    assert ctx.session.buyer is not None
    assert screen.buyer.standing.text().startswith("After this purchase: Rp")
    assert [c.text() for c in screen.chip_group.buttons()][:3] == ["All", "Food", "Drinks"]
    assert_english(screen)
    save(frame, "selling")

    for nip in (nip_with_status(ctx.kiosk, Status.MEMENUHI), exempt_nip(ctx.kiosk)):
        ctx.session.set_buyer(ctx.kiosk.standing.lookup(nip), IdentifiedBy.TYPED)
        assert_english(screen)
    ctx.session.set_buyer(ctx.kiosk.standing.lookup(NOT_ON_ROSTER), IdentifiedBy.TYPED)
    assert screen.buyer.name.full_text == "NIP not registered"
    assert_english(screen)
    screen.choose_public()
    assert_english(screen)
    screen.open_vendor_list(for_amount=False)
    assert_english(screen)
    screen.open_vendor_list(for_amount=True)
    assert_english(screen)
    screen.vendor_list.itemAt(0).widget().click()
    assert screen.amount_title.text().startswith("Custom amount — ")
    assert_english(screen)


def test_nip_entry(english, ctx, qtbot) -> None:
    screen = NipEntryScreen(ctx)
    _frame, _header, _banner = framed(ctx, screen, qtbot)
    press(screen.keypad, "1985041")
    assert screen.count.text() == "7 of 18 digits"
    screen.submit_nip()
    qtbot.waitUntil(lambda: not ctx.session.looking_up)  # checked off the GUI thread
    assert screen.message.message == "NIP must be 18 digits."
    assert_english(screen)


def test_payment_and_success(english, ctx, qtbot) -> None:
    kiosk = ctx.kiosk
    nip = nip_with_status(kiosk, Status.KURANG)
    on_duty(ctx)
    product = kiosk.catalog.products(active_only=True)[0]
    ctx.session.add_product(product)
    ctx.session.add_product(product)
    ctx.session.set_buyer(kiosk.standing.lookup(nip), IdentifiedBy.TYPED)
    payment = PaymentScreen(ctx)
    frame, header, _banner = framed(ctx, payment, qtbot)
    header.set_operator("Ina")
    payment.start()
    quick = payment.quick
    quick.itemAt(quick.count() - 1).widget().click()  # the biggest note offered
    assert payment.buyer.text().startswith("Buyer: ")
    assert_english(payment)
    save(frame, "payment")

    ctx.session.choose_public()
    payment.start()
    assert payment.buyer.text() == "Public buyer"
    assert quick.itemAt(0).widget().text() == "Exact amount"
    assert_english(payment)

    result = kiosk.checkout.checkout(
        [CartLine(product.kode_umkm, product.nama, product.harga, 2)],
        buyer_nip=nip,
        operator="Ina",
        payment=Payment(PaymentMethod.TUNAI, 100_000),
    )
    success = SuccessScreen(ctx)
    frame, header, _banner = framed(ctx, success, qtbot)
    header.set_operator("Ina")
    success.show_result(SaleOutcome(result.sale, result.buyer, None))
    success.stop_timer()
    assert success.paid.text().startswith("Change Rp")
    assert success.printing.text() == "Receipt not printed yet — touch Reprint."
    assert_english(success)
    save(frame, "success")
    for other in (nip_with_status(kiosk, Status.MEMENUHI), exempt_nip(kiosk), None):
        later = kiosk.checkout.checkout(
            [CartLine(product.kode_umkm, product.nama, product.harga)],
            buyer_nip=other,
            operator="Ina",
            payment=Payment(PaymentMethod.TUNAI, product.harga),
        )
        success.show_result(SaleOutcome(later.sale, later.buyer, None))
        success.stop_timer()
        assert_english(success)


def test_error(english, qtbot) -> None:
    screen = ErrorScreen(None, lambda name: None)
    qtbot.addWidget(screen)
    assert_english(screen)
    screen.show_error("")
    assert screen.summary.text() == "This screen cannot go on."
    assert_english(screen)
