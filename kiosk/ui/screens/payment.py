"""Bayar: the total, the method, the cash handed over and the change. Confirming hands the
payment to the sale in progress, which commits it off the GUI thread; the window shows the
success screen only after the ledger has it."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from ...domain.cart import Payment, PaymentMethod
from ...domain.errors import DomainError
from ...domain.money import format_rupiah
from ...domain.shift import ShiftProblem
from ..admin.words import error_text
from ..context import UiContext
from ..i18n import translate
from ..theme import GAP, px, scaled
from ..widgets.buttons import button
from ..widgets.common import MessageBox, label, restyle
from ..widgets.keypad import Keypad
from ..widgets.texts import basket_line, buyer_name

NOTES = (10_000, 20_000, 50_000, 100_000)
KEYPAD_WIDTH = 440  # px at scale 1; at most this share of a narrower screen:
KEYPAD_SHARE = 0.38
SAVE_FAILED = QT_TRANSLATE_NOOP(
    "PaymentScreen", "Transaksi belum tersimpan. Keranjang masih ada — silakan coba lagi."
)


def quick_amounts(total: int) -> list[int]:
    """The exact amount, then the next multiple of each common note above the total."""
    amounts = [total]
    for note in NOTES:
        amount = -(-total // note) * note
        if amount == total:
            amount += note
        if amount not in amounts:
            amounts.append(amount)
    return sorted(amounts)


class PaymentScreen(QWidget):
    back_requested = Signal()
    qris_requested = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self._ctx = ctx
        layout = QHBoxLayout(self)
        layout.setContentsMargins(32, 12, 32, 12)
        layout.setSpacing(px(32))
        left = QVBoxLayout()
        left.setSpacing(8)  # fits 800 px even under the printer banner
        top = QHBoxLayout()
        top.addWidget(label(translate("PaymentScreen", "Bayar"), "title"), 1)
        self.back = button(translate("PaymentScreen", "Kembali"))
        self.back.setObjectName("payment_back")
        self.back.clicked.connect(self.back_requested)
        top.addWidget(self.back)
        left.addLayout(top)
        total_row = QHBoxLayout()
        total_row.addWidget(label(translate("PaymentScreen", "Total"), "big"))
        total_row.addStretch(1)
        self.total = label("", "total")
        self.total.setStyleSheet(scaled("font-size: 40pt;"))
        total_row.addWidget(self.total)
        left.addLayout(total_row)
        self.buyer = label("", "hint", wrap=True)
        left.addWidget(self.buyer)
        self.after = label("", wrap=True)  # the buyer's month once this basket is paid
        left.addWidget(self.after)
        methods = QHBoxLayout()
        methods.setSpacing(GAP)
        self.cash = button(translate("PaymentScreen", "Tunai"), "chip")
        self.cash.setObjectName("method_cash")
        self.cash.setChecked(True)
        methods.addWidget(self.cash)
        self.qris = button("QRIS", "chip")
        self.qris.setObjectName("method_qris")
        self.qris.clicked.connect(self.show_qris)
        self.qris.setVisible(ctx.back_end.sale.qris_available)
        methods.addWidget(self.qris)
        methods.addStretch(1)
        left.addLayout(methods)
        given_row = QHBoxLayout()
        given_row.addWidget(label(translate("PaymentScreen", "Uang diterima")))
        given_row.addStretch(1)
        self.given = label("Rp0", "amount")
        given_row.addWidget(self.given)
        left.addLayout(given_row)
        self.quick = QGridLayout()
        self.quick.setSpacing(GAP)
        left.addLayout(self.quick)
        change_row = QHBoxLayout()
        change_row.addWidget(label(translate("PaymentScreen", "Kembalian"), "big"))
        change_row.addStretch(1)
        self.change = label("", "amount")
        change_row.addWidget(self.change)
        left.addLayout(change_row)
        self.message = MessageBox()
        left.addWidget(self.message)
        left.addStretch(1)
        self.confirm = button(translate("PaymentScreen", "Konfirmasi"), "primary")
        self.confirm.setObjectName("confirm")
        self.confirm.clicked.connect(self.confirm_cash)
        left.addWidget(self.confirm)
        layout.addLayout(left, 1)
        self.keypad = Keypad(9)
        self.keypad.setFixedWidth(px(KEYPAD_WIDTH))  # resizeEvent narrows it on a 4:3 screen
        self.keypad.changed.connect(self._typed)
        layout.addWidget(self.keypad, 0, Qt.AlignmentFlag.AlignVCenter)
        ctx.session.changed.connect(self._show_saving)
        ctx.session.commit_failed.connect(self._failed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        width = event.size().width()
        self.keypad.setFixedWidth(min(px(KEYPAD_WIDTH), int(width * KEYPAD_SHARE)))

    @property
    def saving(self) -> bool:
        return self._ctx.session.committing

    @property
    def total_amount(self) -> int:
        return self._ctx.session.total

    @property
    def cash_given(self) -> int:
        return int(self.keypad.text or "0")

    def start(self) -> None:
        """Called each time the screen opens for a basket."""
        session = self._ctx.session
        self.message.clear()
        total = format_rupiah(self.total_amount)
        self.total.setText(total)
        self.total.setAccessibleName(
            translate("PaymentScreen", "Total {amount}").format(amount=total)
        )
        if session.buyer is not None:
            self.buyer.setText(
                translate("PaymentScreen", "Pembeli: {name}").format(name=buyer_name(session.buyer))
            )
            text, style = basket_line(session.buyer, self.total_amount)
            self.after.setText(text)
            self.after.setAccessibleName(text)
            restyle(self.after, style)
        else:
            self.buyer.setText(translate("PaymentScreen", "Pembeli umum"))
            self.after.setText("")
            self.after.setAccessibleName("")
        self.after.setVisible(session.buyer is not None)
        while self.quick.count():
            item = self.quick.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for index, amount in enumerate(quick_amounts(self.total_amount)):
            exact = amount == self.total_amount
            text = translate("PaymentScreen", "Uang pas") if exact else format_rupiah(amount)
            choice = button(text)
            choice.setObjectName(f"quick_{amount}")
            choice.clicked.connect(lambda _=False, a=amount: self.keypad.set_text(str(a)))
            self.quick.addWidget(choice, index // 3, index % 3)
        self.keypad.set_text("")
        self.confirm.setText(translate("PaymentScreen", "Konfirmasi"))
        self.back.setEnabled(True)
        self.keypad.setEnabled(True)

    def _typed(self, _text: str) -> None:
        given, total = self.cash_given, self.total_amount
        self.given.setText(format_rupiah(given))
        enough = given >= total > 0
        self.change.setText(format_rupiah(given - total) if enough else "—")
        self.confirm.setEnabled(enough and not self.saving)
        if _text:
            self.message.clear()

    def show_qris(self) -> None:
        """Hand over to the QRIS screen (the button exists only when QRIS is configured)."""
        self.cash.setChecked(True)
        self.qris.setChecked(False)
        if self._ctx.back_end.sale.qris_available:
            self.qris_requested.emit()

    def confirm_cash(self) -> None:
        if self.saving or self.cash_given < self.total_amount:
            return
        self._ctx.session.pay(Payment(PaymentMethod.TUNAI, self.cash_given))

    def _show_saving(self) -> None:
        if not self.isVisible():
            return  # start() sets the screen up each time it opens
        saving = self.saving
        self.confirm.setText(
            translate("PaymentScreen", "Menyimpan…")
            if saving
            else translate("PaymentScreen", "Konfirmasi")
        )
        self.confirm.setEnabled(not saving and self.cash_given >= self.total_amount > 0)
        self.back.setEnabled(not saving)
        self.keypad.setEnabled(not saving)

    def _failed(self, error: Exception) -> None:
        if not self.isVisible():
            return
        if isinstance(error, DomainError) and isinstance(error.code, ShiftProblem):
            self.message.show_message(error_text(error))  # e.g. closed from the command line
            return
        self.message.show_message(translate("PaymentScreen", SAVE_FAILED))
