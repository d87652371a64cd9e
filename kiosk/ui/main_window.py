"""The kiosk window: header, printer banner and a stack of screens.

Owns the things that span screens: every scan routed to the sale in progress whatever vendor
screen is up, the inactivity timeout back to idle, refreshing screens when the back end reports
a change, and refusing to close unless the admin area allowed it.

It starts as a shell showing only the idle screen, which needs nothing but the stall's name and
clock, so the stall's screen is up at once; ``attach`` hands it the opened back end (app.py
opens it off the GUI thread) and the vendor screens are built then. A touch or a scan that
arrives before that is kept and acted on when the back end is ready. Admin screens are built on
first use. Switching the language rebuilds every screen in the new one (the sale in progress
stays).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .i18n import Language
from .scanner import ScanDetector
from .screen_names import VENDOR_SCREENS, Screen
from .screens.idle import IdleScreen
from .widgets.header import Header

if TYPE_CHECKING:
    from ..services.changes import Changes
    from ..services.printing_ports import QueueState
    from ..services.receipts import ReceiptInDoubt
    from ..services.sale import SaleOutcome
    from ..services.shift_figures import OpenShift, ShiftFigures, ShiftStart
    from ..services.stall import StallFacts
    from .context import UiContext
    from .screens.error import ErrorScreen
    from .screens.login import LoginScreen
    from .screens.nip_entry import NipEntryScreen
    from .screens.payment import PaymentScreen
    from .screens.qris import QrisScreen
    from .screens.selling import SellingScreen
    from .screens.shift_close import ShiftCloseScreen
    from .screens.shift_done import ShiftDoneScreen
    from .screens.shift_open import ShiftOpenScreen
    from .screens.shift_takeover import ShiftTakeoverScreen
    from .screens.stock_drop import StockDropScreen
    from .screens.success import SuccessScreen
    from .widgets.banner import PrinterBanner
    from .widgets.receipt_notice import ReceiptNotice

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


class _InputWatch(QObject):
    """The window's one filter on the whole application: a person's activity, then the
    scanner's keys. One filter, not one each: every event of every widget passes through it
    (showing the selling screen is thousands of them), and each pass through Python costs
    microseconds."""

    def __init__(
        self, on_activity: Callable[[], None], scanner: ScanDetector, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._on_activity = on_activity
        self._scanner = scanner

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in ACTIVITY:
            return False
        self._on_activity()  # before the scanner takes the key: typing counts as activity
        return kind == QEvent.Type.KeyPress and self._scanner.eventFilter(watched, event)


class _FirstPaint(QObject):
    """Tells once when the watched widget has painted (then it is really on the screen)."""

    def __init__(self, watched: QWidget, on_painted: Callable[[], None]) -> None:
        super().__init__(watched)
        self._on_painted = on_painted
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._on_painted)  # after this paint has finished
        return False


class KioskWindow(QMainWindow):
    idle_painted = Signal()  # the stall's screen is up (app.py opens the ledger then)

    def __init__(
        self,
        stall: StallFacts,
        *,
        scanner: ScanDetector | None = None,
        language: Language | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx: UiContext | None = None
        self.language = language or Language()
        self._stall = stall
        self._may_close = False
        self._waiting_screen: Screen | None = None  # asked for before the back end
        self._start_waiting = False  # idle was touched before the back end
        self._show_after_scan = False  # a scan's answer brings the selling screen
        self._closing_from_takeover = False  # the close screen returns to the take-over
        self._scans_waiting: list[str] = []
        self.last_sale_number: str | None = None
        self.setWindowTitle(stall.name)
        self.header = self._make_header()
        self.banner: PrinterBanner | None = None
        self.notice: ReceiptNotice | None = None  # after a restart: the last receipt in doubt
        self.stack = QStackedWidget()
        self._built: dict[Screen, QWidget] = {}
        self._factories: dict[Screen, Callable[[], QWidget]] = {Screen.IDLE: self._make_idle}
        body = QWidget()
        self._body = QVBoxLayout(body)
        self._body.setContentsMargins(0, 0, 0, 0)
        self._body.setSpacing(0)
        self._body.addWidget(self.header)
        self._body.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        self._inactivity = QTimer(self)
        self._inactivity.setSingleShot(True)
        self._inactivity.timeout.connect(self.timed_out)
        self.scanner = scanner or ScanDetector()
        self.scanner.scanned.connect(self.on_scan)
        self._input = _InputWatch(self.touched, self.scanner, self)
        self._watching = False
        _FirstPaint(self.screen_named(Screen.IDLE), self._idle_painted)
        self.show_screen(Screen.IDLE)

    def _idle_painted(self) -> None:
        self._watch_application()
        self.idle_painted.emit()

    def _watch_application(self) -> None:
        """Scanner and activity see every event of the application. Installed once the idle
        screen is up: the first events through a Python filter make PySide build the Python
        side of ~150 Qt enums (~30 ms), which would otherwise delay the first picture."""
        if self._watching:
            return
        self._watching = True
        app = QApplication.instance()
        assert app is not None, "create the QApplication first"
        app.installEventFilter(self._input)

    @classmethod
    def for_context(cls, ctx: UiContext, language: Language | None = None) -> KioskWindow:
        """A window with its back end from the start (the tests)."""
        window = cls(ctx.back_end.stall, scanner=ctx.scanner, language=language)
        window.attach(ctx)
        return window

    def attach(self, ctx: UiContext) -> None:
        """The back end is open: build the vendor screens and act on what waited for it."""
        from .admin import admin_screens

        assert ctx.scanner is self.scanner, "one scanner for the window and the screens"
        self.ctx = ctx
        self._stall = ctx.back_end.stall  # the header asks its clock each tick
        self._watch_application()
        self.header.tick()
        self._rebuild_banner()
        self._rebuild_notice()
        ctx.printing.changed.connect(self._printer_changed)
        ctx.changes.changed.connect(self._back_end_changed)
        session = ctx.session
        session.identified.connect(self._buyer_identified)
        session.scan_refused.connect(lambda _problem: ctx.sounds.problem())
        session.scan_refused.connect(lambda _problem: self._scan_answered())
        session.committed.connect(self._paid)
        self._factories.update(
            {
                Screen.LOGIN: self._make_login,
                Screen.SELLING: self._make_selling,
                Screen.NIP: self._make_nip_entry,
                Screen.PAYMENT: self._make_payment,
                Screen.QRIS: self._make_qris,
                Screen.SUCCESS: self._make_success,
                Screen.ERROR: self._make_error,
                Screen.SHIFT_OPEN: self._make_shift_open,
                Screen.SHIFT_TAKEOVER: self._make_shift_takeover,
                Screen.SHIFT_CLOSE: self._make_shift_close,
                Screen.SHIFT_DONE: self._make_shift_done,
                Screen.STOCK: self._make_stock,
                **admin_screens(
                    ctx,
                    self.show_screen,
                    on_quit=self.quit_kiosk,
                    language=self.language,
                    on_language=self.switch_language,
                ),
            }
        )
        for name in VENDOR_SCREENS:
            self.screen_named(name)
        waiting_screen, self._waiting_screen = self._waiting_screen, None
        start, self._start_waiting = self._start_waiting, False
        if start:
            self.start()
        elif waiting_screen is not None:
            self.show_screen(waiting_screen)
        waiting, self._scans_waiting = self._scans_waiting, []
        for payload in waiting:
            self.on_scan(payload)
        # The print worker has recovered what a crash left: is the last receipt in doubt?
        ctx.runner.run(ctx.back_end.sale.receipt_in_doubt, self._receipt_in_doubt)

    @property
    def ready(self) -> bool:
        return self.ctx is not None

    def _context(self) -> UiContext:
        assert self.ctx is not None, "the ledger is not open yet"
        return self.ctx

    # -- screens, built when first needed ----------------------------------------------------
    def screen_named(self, name: Screen | str) -> QWidget:
        name = Screen(name)
        screen = self._built.get(name)
        if screen is None:
            screen = self._factories[name]()
            # A page lays itself out in what it gets; none may make the window outgrow the
            # panel (a stack's minimum is otherwise its tallest page's).
            screen.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
            self.stack.addWidget(screen)
            self._built[name] = screen
        return screen

    @property
    def screens(self) -> dict[Screen, QWidget]:
        """The screens built so far, by name."""
        return dict(self._built)

    def switch_language(self, code: str) -> bool:
        """From the admin area: every screen in ``code`` from now on, and on the next start.
        False (nothing changed) when that translation cannot be loaded."""
        if code == self.language.code:
            return True
        if not self.language.switch(code):
            return False
        self.rebuild_screens()
        return True

    def rebuild_screens(self) -> None:
        """After a language switch: every screen again, in the new language, showing the
        same place. The sale in progress lives in the session and stays."""
        current = self.current_screen_name()
        for screen in self._built.values():
            self.stack.removeWidget(screen)
            screen.deleteLater()
        self._built.clear()
        old = self.header
        self.header = self._make_header()
        self._body.replaceWidget(old, self.header)
        old.deleteLater()
        self._rebuild_banner()
        self._rebuild_notice()
        if self.ctx is not None:
            for name in VENDOR_SCREENS:
                self.screen_named(name)
        self.show_screen(current)

    def _make_header(self) -> Header:
        header = Header(self._stall.name, lambda: self._stall.clock.now())
        header.log_out_requested.connect(self.log_out)
        header.close_shift_requested.connect(self.close_shift)
        return header

    def _rebuild_banner(self) -> None:
        """The printer banner (with the ledger open), anew in the current language."""
        from .widgets.banner import PrinterBanner

        if self.ctx is None:
            return
        banner = PrinterBanner()
        banner.reprint_requested.connect(self.reprint_last)
        if self.banner is None:
            self._body.insertWidget(1, banner)
        else:
            self._body.replaceWidget(self.banner, banner)
            self.banner.deleteLater()
        self.banner = banner
        banner.show_state(self.ctx.printing.state)

    def _rebuild_notice(self) -> None:
        """The notice about the last receipt, anew in the current language (kept if shown)."""
        from .widgets.receipt_notice import ReceiptNotice

        if self.ctx is None:
            return
        notice = ReceiptNotice()
        notice.reprint_requested.connect(self._reprint)
        if self.notice is None:
            self._body.insertWidget(2, notice)
        else:
            notice.show_doubt(self.notice.doubt)
            self._body.replaceWidget(self.notice, notice)
            self.notice.deleteLater()
        self.notice = notice
        self._place_notice()

    def _make_idle(self) -> QWidget:
        idle = IdleScreen(self._stall.name)
        idle.touched.connect(self.start)
        idle.admin_requested.connect(lambda: self.show_screen(Screen.ADMIN_LOGIN))
        return idle

    def _make_login(self) -> QWidget:
        from .screens.login import LoginScreen

        login = LoginScreen(self._context())
        login.logged_in.connect(self._logged_in)
        login.cancelled.connect(lambda: self.show_screen(Screen.IDLE))
        return login

    def _make_selling(self) -> QWidget:
        from .screens.selling import SellingScreen

        selling = SellingScreen(self._context())
        selling.type_nip_requested.connect(self._type_nip)
        selling.pay_requested.connect(self._pay)
        selling.stock_requested.connect(self.enter_stock)
        selling.load_catalog()
        selling.load_stock()
        return selling

    def _make_nip_entry(self) -> QWidget:
        from .screens.nip_entry import NipEntryScreen

        nip_entry = NipEntryScreen(self._context())
        nip_entry.cancelled.connect(lambda: self.show_screen(Screen.SELLING))
        return nip_entry

    def _make_payment(self) -> QWidget:
        from .screens.payment import PaymentScreen

        payment = PaymentScreen(self._context())
        payment.qris_requested.connect(lambda: self.show_screen(Screen.QRIS))
        payment.back_requested.connect(lambda: self.show_screen(Screen.SELLING))
        return payment

    def _make_qris(self) -> QWidget:
        from .screens.qris import QrisScreen

        return QrisScreen(self._context(), self.show_screen)

    def _make_success(self) -> QWidget:
        from .screens.success import SuccessScreen

        success = SuccessScreen(self._context())
        success.finished.connect(lambda: self.show_screen(Screen.IDLE))
        return success

    def _make_error(self) -> QWidget:
        from .screens.error import ErrorScreen

        return ErrorScreen(self._context(), self.show_screen)

    # The till's screens: built on first use (once a day or so, not on every start).
    def _make_shift_open(self) -> QWidget:
        from .screens.shift_open import ShiftOpenScreen

        screen = ShiftOpenScreen(self._context())
        screen.opened.connect(self._on_duty)
        screen.cancelled.connect(lambda: self.show_screen(Screen.IDLE))
        return screen

    def _make_shift_takeover(self) -> QWidget:
        from .screens.shift_takeover import ShiftTakeoverScreen

        screen = ShiftTakeoverScreen(self._context())
        screen.taken_over.connect(self._on_duty)
        screen.close_first.connect(self._close_before_taking_over)
        screen.cancelled.connect(lambda: self.show_screen(Screen.IDLE))
        return screen

    def _make_shift_close(self) -> QWidget:
        from .screens.shift_close import ShiftCloseScreen

        screen = ShiftCloseScreen(self._context())
        screen.closed.connect(self._shift_closed)
        screen.back_requested.connect(self._close_abandoned)
        return screen

    def _make_shift_done(self) -> QWidget:
        from .screens.shift_done import ShiftDoneScreen

        screen = ShiftDoneScreen(self._context())
        screen.finished.connect(lambda: self.show_screen(Screen.IDLE))
        screen.open_new.connect(lambda name: self._open_shift(name, None))
        return screen

    def _make_stock(self) -> QWidget:
        from .screens.stock_drop import StockDropScreen

        screen = StockDropScreen(self._context())
        screen.finished.connect(lambda: self.show_screen(Screen.SELLING))
        return screen

    # Typed access for the window's own code and the tests.
    @property
    def idle(self) -> IdleScreen:
        return self.screen_named(Screen.IDLE)  # type: ignore[return-value]

    @property
    def login(self) -> LoginScreen:
        return self.screen_named(Screen.LOGIN)  # type: ignore[return-value]

    @property
    def selling(self) -> SellingScreen:
        return self.screen_named(Screen.SELLING)  # type: ignore[return-value]

    @property
    def nip_entry(self) -> NipEntryScreen:
        return self.screen_named(Screen.NIP)  # type: ignore[return-value]

    @property
    def payment(self) -> PaymentScreen:
        return self.screen_named(Screen.PAYMENT)  # type: ignore[return-value]

    @property
    def qris(self) -> QrisScreen:
        return self.screen_named(Screen.QRIS)  # type: ignore[return-value]

    @property
    def success(self) -> SuccessScreen:
        return self.screen_named(Screen.SUCCESS)  # type: ignore[return-value]

    @property
    def error(self) -> ErrorScreen:
        return self.screen_named(Screen.ERROR)  # type: ignore[return-value]

    @property
    def shift_open(self) -> ShiftOpenScreen:
        return self.screen_named(Screen.SHIFT_OPEN)  # type: ignore[return-value]

    @property
    def shift_takeover(self) -> ShiftTakeoverScreen:
        return self.screen_named(Screen.SHIFT_TAKEOVER)  # type: ignore[return-value]

    @property
    def shift_close(self) -> ShiftCloseScreen:
        return self.screen_named(Screen.SHIFT_CLOSE)  # type: ignore[return-value]

    @property
    def shift_done(self) -> ShiftDoneScreen:
        return self.screen_named(Screen.SHIFT_DONE)  # type: ignore[return-value]

    @property
    def stock_drop(self) -> StockDropScreen:
        return self.screen_named(Screen.STOCK)  # type: ignore[return-value]

    # -- navigation --------------------------------------------------------------------------
    def show_screen(self, name: Screen | str) -> None:
        name = Screen(name)
        operator = self.ctx.session.operator if self.ctx else None
        if name is Screen.SELLING and not operator:
            name = Screen.LOGIN  # e.g. [Kembali ke kasir] from the admin area, nobody on duty
        if name is not Screen.IDLE and self.ctx is None:
            self._waiting_screen = name  # everything else needs the back end: soon
            return
        screen = self.screen_named(name)
        if name is Screen.LOGIN:
            self.login.reload()
        self.stack.setCurrentWidget(screen)
        self.header.setVisible(not name.full_height)
        self.header.set_operator(operator)
        # Idle, the PIN pages and the till's screens need no header actions; the clock stays.
        self.header.log_out.setVisible(bool(operator) and name is Screen.SELLING)
        self.header.close_shift.setVisible(bool(operator) and name is Screen.SELLING)
        self._place_notice()
        self.touched()

    def current_screen_name(self) -> Screen:
        current = self.stack.currentWidget()
        return next(name for name, screen in self._built.items() if screen is current)

    def start(self) -> None:
        """A touch on idle: sell if someone is on duty, else log in."""
        if self.ctx is None:
            self._start_waiting = True
            return
        self._end_yesterdays_shift()
        self.show_screen(Screen.SELLING if self.ctx.session.operator else Screen.LOGIN)

    # -- the till's shift ------------------------------------------------------------------
    def _end_yesterdays_shift(self) -> None:
        """An operator still on duty in a shift of an earlier day (the kiosk ran overnight)
        is logged out: their next login closes that shift and opens today's."""
        session = self._context().session
        shift = session.shift
        if shift is not None and self._context().back_end.till.outlived_its_day(shift):
            session.log_out()

    def _logged_in(self, name: str, start: ShiftStart) -> None:
        """The PIN was right and the till answered: sell, open a shift or take one over."""
        from ..services.shift_figures import NextStep

        step = start.next_step
        if step is NextStep.CONTINUE:
            self._on_duty(name, start.shift)
        elif step is NextStep.OPEN:
            self._open_shift(name, start.auto_closed)
        else:
            assert start.shift is not None
            self.shift_takeover.start(name, start.shift)
            self.show_screen(Screen.SHIFT_TAKEOVER)

    def _open_shift(self, name: str, auto_closed: ShiftFigures | None) -> None:
        self.shift_open.start(name, auto_closed)
        self.show_screen(Screen.SHIFT_OPEN)

    def _on_duty(self, name: str, shift: OpenShift | None) -> None:
        self._context().session.log_in(name, shift)
        self.selling.reset_view()
        self.show_screen(Screen.SELLING)

    def enter_stock(self) -> None:
        """Titipan barang (the selling screen's UMKM list): the operator on duty enters a
        vendor's drop-off."""
        session = self._context().session
        if session.operator is None or session.committing:
            return
        self.stock_drop.start(session.operator)
        self.show_screen(Screen.STOCK)

    def close_shift(self) -> None:
        """Tutup sesi in the header: the operator on duty counts their drawer."""
        session = self._context().session
        if session.operator is None or session.shift is None or session.committing:
            return
        self._closing_from_takeover = False
        self.shift_close.start(session.operator, session.shift)
        self.show_screen(Screen.SHIFT_CLOSE)

    def _close_before_taking_over(self, name: str, shift: OpenShift) -> None:
        self._closing_from_takeover = True
        self.shift_close.start(name, shift)
        self.show_screen(Screen.SHIFT_CLOSE)

    def _close_abandoned(self) -> None:
        """Kembali from the count: back to selling, or to the take-over question."""
        if self._closing_from_takeover:
            self.show_screen(Screen.SHIFT_TAKEOVER)
        else:
            self.show_screen(Screen.SELLING)

    def _shift_closed(self, figures: ShiftFigures) -> None:
        """Nobody may sell in a closed shift: the operator is logged out, the summary shows."""
        operator = self.shift_close.operator
        self._context().session.log_out()
        self.selling.reset_view()
        self.shift_done.show_figures(figures, operator)
        self.show_screen(Screen.SHIFT_DONE)

    def log_out(self) -> None:
        self._context().session.log_out()
        self.show_screen(Screen.IDLE)

    def _type_nip(self) -> None:
        self.nip_entry.reset()
        self.show_screen(Screen.NIP)

    def _pay(self) -> None:
        self.payment.start()
        self.show_screen(Screen.PAYMENT)

    def _paid(self, outcome: SaleOutcome) -> None:
        """The ledger has the sale (cash or QRIS alike): thanks, and the buyer's month."""
        self.last_sale_number = outcome.sale.number
        if self.notice is not None:
            self.notice.show_doubt(None)  # no longer the last sale; the banner still counts it
        self.success.show_result(outcome)
        self.show_screen(Screen.SUCCESS)

    def show_error(self, summary: str) -> None:
        """After an unexpected error (logged by app.py): a calm screen, a clean start."""
        if self.ctx is None:
            return  # nothing to show it with yet; app.py has logged it
        self.success.stop_timer()
        self.ctx.session.clear_sale()
        self.error.show_error(summary)
        self.show_screen(Screen.ERROR)

    def quit_kiosk(self) -> None:
        """Only from the admin area, behind the admin PIN. Qt's quit closes the windows
        itself (this one now agrees); closing it first as well would leave a second "quit"
        queued behind the first."""
        self.allow_close()
        app = QApplication.instance()
        if app is not None:
            app.quit()
        else:
            self.close()

    # -- scans -------------------------------------------------------------------------------
    def on_scan(self, payload: str) -> None:
        """A card at any moment identifies the buyer of the sale being rung up. In the admin
        area a card is the admin's (an exemption), never a buyer's."""
        if self.ctx is None:
            self._scans_waiting[:] = [payload]  # the latest card counts, once
            return
        session = self.ctx.session
        if session.committing:
            return  # the sale is being written with the buyer already chosen
        name = self.current_screen_name()
        if name.is_admin:
            return
        if name is Screen.SUCCESS:
            self.success.stop_timer()
            session.clear_sale()  # a new card after a sale starts the next one
        self.selling.clear_scan_message()
        # The screen changes once, when the answer is back (a few ms): laying out the selling
        # screen first and the buyer after would paint twice and keep the buyer waiting.
        self._show_after_scan = name is not Screen.LOGIN
        session.scan(payload)

    def _scan_answered(self) -> None:
        """Show the buyer (or why the card was refused) where the vendor sells; without an
        operator the buyer is kept and shown after login."""
        if self._show_after_scan:
            self._show_after_scan = False
            self._end_yesterdays_shift()
            session = self._context().session
            self.show_screen(Screen.SELLING if session.operator else Screen.LOGIN)

    def _buyer_identified(self) -> None:
        ctx = self._context()
        ctx.sounds.ok()
        if self.current_screen_name() is Screen.NIP:  # a typed NIP was found
            self.show_screen(Screen.SELLING)
        self._scan_answered()

    # -- what the back end changed -----------------------------------------------------------
    def _back_end_changed(self, changes: Changes) -> None:
        from ..services.changes import Change

        if Change.CATALOG in changes and Screen.SELLING in self._built:
            self.selling.load_catalog()
        # What is left moves with sales, voids, drop-offs, and a new day's shift.
        moved = {Change.SALES, Change.STOCK, Change.SHIFT}
        if Screen.SELLING in self._built and any(change in changes for change in moved):
            self.selling.load_stock()
        if Change.OPERATORS in changes and Screen.LOGIN in self._built:
            self.login.reload()

    # -- inactivity --------------------------------------------------------------------------
    def touched(self) -> None:
        if self.ctx is not None and self.stack.currentWidget() is not self._built.get(Screen.IDLE):
            self._inactivity.start(max(1, self.ctx.inactivity_seconds) * 1000)

    def timed_out(self) -> None:
        """Nobody here: forget basket and buyer. The operator stays logged in: vendors share
        the stall all day and a touch on idle brings the selling screen straight back."""
        if self.ctx is None:
            return
        if self.ctx.session.committing:
            self.touched()  # never walk away from a sale being written
            return
        self.success.stop_timer()
        self.ctx.session.clear_sale()
        self.selling.reset_view()
        self.show_screen(Screen.IDLE)

    # -- printer -----------------------------------------------------------------------------
    def _printer_changed(self, state: QueueState) -> None:
        if self.banner is not None:
            self.banner.show_state(state)

    def reprint_last(self) -> None:
        if self.last_sale_number is not None:
            self._reprint(self.last_sale_number)

    def _reprint(self, number: str) -> None:
        ctx = self._context()
        sale = ctx.back_end.sale
        ctx.runner.run(lambda: sale.reprint(number), lambda _job: None)

    def _receipt_in_doubt(self, doubt: ReceiptInDoubt | None) -> None:
        if doubt is None or self.notice is None or self.last_sale_number is not None:
            return  # nothing to ask, or a sale was made meanwhile
        self.last_sale_number = doubt.number  # the banner's Cetak ulang reprints it too
        self.notice.show_doubt(doubt)
        self._place_notice()

    def _place_notice(self) -> None:
        """On the operator's screens (login, selling), not on the buyer's or the admin's."""
        if self.notice is None:
            return
        current = self.stack.currentWidget()  # none while the screens are being rebuilt
        name = next((name for name, screen in self._built.items() if screen is current), None)
        self.notice.setVisible(self.notice.pending and name in (Screen.LOGIN, Screen.SELLING))

    # -- closing -----------------------------------------------------------------------------
    def allow_close(self) -> None:
        """For the admin area: the kiosk window otherwise refuses to close."""
        self._may_close = True

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_close:
            event.ignore()
            return
        app = QApplication.instance()
        if app is not None and self._watching:
            app.removeEventFilter(self._input)
            self._watching = False
        self._inactivity.stop()
        event.accept()
