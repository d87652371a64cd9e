"""The kiosk window: header, printer banner and a stack of screens.

Owns the things that span screens: scans routed to buyer identification at any moment, the
inactivity timeout back to idle, and refusing to close unless the admin area allowed it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..printing.worker import QueueState
from ..services.checkout import CheckoutResult
from .admin import admin_screens
from .context import UiContext
from .screens.error import ErrorScreen
from .screens.idle import IdleScreen
from .screens.login import LoginScreen
from .screens.nip_entry import NipEntryScreen
from .screens.payment import PaymentScreen
from .screens.qris import QrisScreen
from .screens.selling import SellingScreen
from .screens.success import SuccessScreen
from .widgets.banner import PrinterBanner
from .widgets.header import Header

# Anything a person does at the screen counts as "still here".
ACTIVITY = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseMove,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
    }
)


FULL_HEIGHT = ("qris", "error")


class _ActivityFilter(QObject):
    def __init__(self, on_activity: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_activity = on_activity

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY:
            self._on_activity()
        return False  # only watching


class KioskWindow(QMainWindow):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._may_close = False
        self.last_sale_number: str | None = None
        settings = ctx.kiosk.settings
        self.setWindowTitle(settings.stall.name)
        tz = settings.stall.tz
        self.header = Header(settings.stall.name, lambda: ctx.kiosk.clock().astimezone(tz))
        self.header.log_out_requested.connect(self.log_out)
        self.banner = PrinterBanner()
        self.banner.reprint_requested.connect(self.reprint_last)
        ctx.printing.changed.connect(self._printer_changed)
        self.stack = QStackedWidget()
        self.idle = IdleScreen(settings.stall.name)
        self.login = LoginScreen(ctx)
        self.selling = SellingScreen(ctx)
        self.nip_entry = NipEntryScreen(ctx)
        self.payment = PaymentScreen(ctx)
        self.success = SuccessScreen(ctx)
        self.qris = QrisScreen(ctx, self.show_screen, on_paid=self._paid_by_qris)
        self.error = ErrorScreen(ctx, self.show_screen)
        self.screens: dict[str, QWidget] = {
            "idle": self.idle,
            "login": self.login,
            "selling": self.selling,
            "nip": self.nip_entry,
            "payment": self.payment,
            "qris": self.qris,
            "success": self.success,
            "error": self.error,
            **admin_screens(ctx, self.show_screen, on_quit=self.quit_kiosk),
        }
        for screen in self.screens.values():
            # A page lays itself out in what it gets; none may make the window outgrow the
            # panel (a stack's minimum is otherwise its tallest page's).
            screen.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
            self.stack.addWidget(screen)
        self._wire()
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        self._inactivity = QTimer(self)
        self._inactivity.setSingleShot(True)
        self._inactivity.timeout.connect(self.timed_out)
        app = QApplication.instance()
        assert app is not None, "create the QApplication first"
        app.installEventFilter(ctx.scanner)
        # Installed after the scanner, so it sees key presses before the scanner takes them.
        self._activity = _ActivityFilter(self.touched, self)
        app.installEventFilter(self._activity)
        ctx.scanner.scanned.connect(self.on_scan)
        self.banner.show_state(ctx.printing.state)
        self.selling.load_catalog()
        self.show_screen("idle")

    def _wire(self) -> None:
        self.idle.touched.connect(self.start)
        self.idle.admin_requested.connect(lambda: self.show_screen("admin_login"))
        self.payment.qris_requested.connect(lambda: self.show_screen("qris"))
        self.login.logged_in.connect(self._logged_in)
        self.login.cancelled.connect(lambda: self.show_screen("idle"))
        self.selling.type_nip_requested.connect(self._type_nip)
        self.selling.pay_requested.connect(self._pay)
        self.nip_entry.identified.connect(self._nip_typed)
        self.nip_entry.cancelled.connect(lambda: self.show_screen("selling"))
        self.payment.back_requested.connect(lambda: self.show_screen("selling"))
        self.payment.paid.connect(self._paid)
        self.success.finished.connect(lambda: self.show_screen("idle"))

    # -- navigation --------------------------------------------------------------------------
    def show_screen(self, name: str) -> None:
        if name == "selling" and not self.ctx.session.operator:
            name = "login"  # e.g. [Kembali ke kasir] from the admin area with nobody on duty
        screen = self.screens[name]
        if name == "login":
            self.login.reload()
        self.stack.setCurrentWidget(screen)
        # The admin area, QRIS and the error page have their own title bars: full height.
        self.header.setVisible(name not in FULL_HEIGHT and not name.startswith("admin_"))
        self.header.set_operator(self.ctx.session.operator)
        # Idle and the PIN pages need no header actions; the clock stays.
        self.header.log_out.setVisible(bool(self.ctx.session.operator) and name == "selling")
        self.touched()

    def current_screen_name(self) -> str:
        current = self.stack.currentWidget()
        return next(name for name, screen in self.screens.items() if screen is current)

    def start(self) -> None:
        """A touch on idle: sell if someone is on duty, else log in."""
        self.show_screen("selling" if self.ctx.session.operator else "login")

    def _logged_in(self, _name: str) -> None:
        self.selling.reset_view()
        self.show_screen("selling")

    def log_out(self) -> None:
        self.ctx.session.log_out()
        self.show_screen("idle")

    def _type_nip(self) -> None:
        self.nip_entry.reset()
        self.show_screen("nip")

    def _nip_typed(self, nip: str) -> None:
        self.selling.set_buyer_nip(nip)
        self.show_screen("selling")

    def _pay(self) -> None:
        self.payment.start()
        self.show_screen("payment")

    def _paid(self, result: CheckoutResult, job: int | None) -> None:
        self.last_sale_number = result.sale.number
        self.success.show_result(result, job)
        self.show_screen("success")

    def _paid_by_qris(self, result: CheckoutResult) -> None:
        """The operator confirmed the money arrived and the sale is committed: from here on
        exactly as a cash sale (receipt queued off the GUI thread, then thanks)."""
        receipts = self.ctx.kiosk.receipts
        self.ctx.runner.run(
            lambda: receipts.print_sale(result.sale, result.buyer),
            lambda job: self._paid(result, job),
            lambda _error: self._paid(result, None),
        )

    def show_error(self, summary: str) -> None:
        """After an unexpected error (logged by app.py): a calm screen, a clean start."""
        self.success.stop_timer()
        self.ctx.session.clear_sale()
        self.error.show_error(summary)
        self.show_screen("error")

    def quit_kiosk(self) -> None:
        """Only from the admin area, behind the admin PIN."""
        self.allow_close()
        self.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()

    # -- scans -------------------------------------------------------------------------------
    def on_scan(self, payload: str) -> None:
        """A card at any moment identifies the buyer of the sale being rung up."""
        if self.payment.saving:
            return  # the sale is being written with the buyer already chosen
        name = self.current_screen_name()
        if name == "success":
            self.success.stop_timer()
            self.ctx.session.clear_sale()  # a new card after a sale starts the next one
        self.selling.identify(payload)
        if name != "login":
            # Without an operator the buyer is kept and shown after login.
            self.show_screen("selling" if self.ctx.session.operator else "login")

    # -- inactivity --------------------------------------------------------------------------
    def touched(self) -> None:
        if self.stack.currentWidget() is not self.idle:
            self._inactivity.start(max(1, self.ctx.inactivity_seconds) * 1000)

    def timed_out(self) -> None:
        """Nobody here: forget basket and buyer. The operator stays logged in: vendors share
        the stall all day and a touch on idle brings the selling screen straight back."""
        if self.payment.saving:
            self.touched()  # never walk away from a sale being written
            return
        self.success.stop_timer()
        self.ctx.session.clear_sale()
        self.selling.reset_view()
        self.show_screen("idle")

    # -- printer -----------------------------------------------------------------------------
    def _printer_changed(self, state: QueueState) -> None:
        self.banner.show_state(state)

    def reprint_last(self) -> None:
        number = self.last_sale_number
        if number is None:
            return
        receipts = self.ctx.kiosk.receipts
        self.ctx.runner.run(lambda: receipts.reprint(number), lambda _job: None)

    # -- closing -----------------------------------------------------------------------------
    def allow_close(self) -> None:
        """For the admin area: the kiosk window otherwise refuses to close."""
        self._may_close = True

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_close:
            event.ignore()
            return
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.ctx.scanner)
            app.removeEventFilter(self._activity)
        self._inactivity.stop()
        event.accept()
