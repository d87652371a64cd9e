"""Voiding a sale (Batalkan transaksi) or reprinting its receipt (Cetak ulang).

The admin types the receipt number's digits (the kiosk id is already there), sees the sale,
and only then confirms: a void with a reason from the list, which also prints a void slip."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout

from ...domain.errors import DomainError, LedgerProblem
from ...domain.records import RecordedSale, sale_number
from ...services.admin import VOID_REASONS
from ..context import UiContext
from ..i18n import translate
from ..theme import ERROR, px, scaled
from ..widgets.buttons import button
from ..widgets.common import MessageBox
from ..widgets.keypad import Keypad
from .base import AdminPage, ChoiceGroup, Go, keypad_column
from .sale_view import SaleView
from .words import error_text

ACTOR = "admin"
# kiosk.services.admin.VOID_REASONS, marked for translation: the ledger and the void slip keep
# the Indonesian reason; only the chips show it translated.
REASON_WORDS = (
    QT_TRANSLATE_NOOP("VoidScreen", "Salah input"),
    QT_TRANSLATE_NOOP("VoidScreen", "Pembeli batal"),
    QT_TRANSLATE_NOOP("VoidScreen", "Pembayaran gagal"),
    QT_TRANSLATE_NOOP("VoidScreen", "Barang habis"),
    QT_TRANSLATE_NOOP("VoidScreen", "Transaksi ganda"),
)


def reason_text(reason: str) -> str:
    return translate("VoidScreen", reason) if reason in REASON_WORDS else reason


class VoidScreen(AdminPage):
    """``reprint=True`` makes the same screen the Cetak ulang one (register it twice)."""

    def __init__(self, ctx: UiContext, go: Go, *, reprint: bool = False) -> None:
        title = (
            translate("VoidScreen", "Cetak ulang struk")
            if reprint
            else translate("VoidScreen", "Batalkan transaksi")
        )
        super().__init__(ctx, go, title)
        self.reprint = reprint
        self.sale: RecordedSale | None = None
        self._busy = False
        self._prefix = f"{ctx.back_end.stall.kiosk_id}-"
        columns = QHBoxLayout()
        columns.setSpacing(px(32))
        self.body.addLayout(columns, 1)

        caption = QLabel(translate("VoidScreen", "Nomor struk"))
        caption.setObjectName("big")
        self.display = QLabel(self._prefix)
        self.display.setObjectName("display")
        self.keypad = Keypad(max_length=9, extra="")
        self.keypad.changed.connect(self._typed)
        self.find = button(translate("VoidScreen", "Cari struk"), "primary")
        self.find.setObjectName("find")
        self.find.clicked.connect(self.look_up)
        columns.addWidget(
            keypad_column((caption, self.display, self.keypad, self.find), 420, 412), 1
        )

        right = QVBoxLayout()
        right.setSpacing(px(12))
        self.view = SaleView()
        self.hint = QLabel(
            translate("VoidScreen", "Ketik nomor pada struk, lalu tekan Cari struk.")
        )
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.reason_caption = QLabel(translate("VoidScreen", "Alasan pembatalan"))
        self.reason_caption.setObjectName("big")
        self.reasons = ChoiceGroup(VOID_REASONS, columns=3, text=reason_text)
        self.reasons.chosen.connect(lambda _: self._update_action())
        self.message = MessageBox()
        self.done = QLabel("")
        self.done.setObjectName("ok")
        self.done.setWordWrap(True)
        self.done.setStyleSheet(scaled("font-size: 22pt;"))
        self.action = button(
            translate("VoidScreen", "Cetak ulang struk")
            if reprint
            else translate("VoidScreen", "Batalkan transaksi ini"),
            "primary" if reprint else "danger",
        )
        self.action.setObjectName("action")
        # The one next step once the sale is shown: full size (the style sheet's min-height
        # wins over setMinimumHeight), and red when it will void.
        look = "QPushButton { min-height: 72px; font-size: 24pt; }"
        if not reprint:
            look += f"QPushButton:enabled {{ background: {ERROR}; color: white; border: none; }}"
        self.action.setStyleSheet(scaled(look))
        self.action.clicked.connect(self.confirm)
        right.addWidget(self.hint)
        right.addWidget(self.view.frame)
        right.addWidget(self.reason_caption)
        right.addWidget(self.reasons)
        right.addStretch(1)
        right.addWidget(self.message)
        right.addWidget(self.done)
        right.addWidget(self.action)
        columns.addLayout(right, 2)
        self.reason_caption.setVisible(not reprint)
        self.reasons.setVisible(not reprint)

    @property
    def number(self) -> str:
        digits = self.keypad.text
        return sale_number(self._prefix[:-1], int(digits)) if digits else ""

    def refresh(self) -> None:
        if not self._busy:
            self.keypad.set_text("")
            self.done.setText("")

    def _typed(self, digits: str) -> None:
        self.display.setText(self._prefix + digits)
        self._show(None)  # a changed number must never confirm the sale shown before
        self.message.clear()
        self.find.setEnabled(bool(digits) and not self._busy)

    def _show(self, sale: RecordedSale | None) -> None:
        self.sale = sale
        self.view.show_sale(sale, self.ctx.back_end.stall.clock.tz)
        self.hint.setVisible(sale is None)
        if sale is None:
            self.reasons.select(None)
        self._update_action()

    def _update_action(self) -> None:
        ready = self.sale is not None and not self._busy
        if not self.reprint:
            ready = ready and not self.sale.voided and self.reasons.value is not None  # type: ignore[union-attr]
        self.action.setEnabled(ready)
        self.reasons.setEnabled(self.sale is not None and not self.sale.voided)

    def look_up(self) -> None:
        number = self.number
        if not number or self._busy:
            return
        self.done.setText("")
        admin = self.ctx.back_end.admin
        self.ctx.runner.run(
            lambda: admin.find_sale(number),
            lambda sale: self._found(number, sale),
            lambda error: self.message.show_message(error_text(error)),
        )

    def _found(self, number: str, sale: RecordedSale | None) -> None:
        if number != self.number:
            return  # the admin typed on while we looked
        if sale is None:
            self.message.show_message(
                translate("VoidScreen", "Struk {number} tidak ditemukan. Periksa nomornya.").format(
                    number=number
                )
            )
        elif sale.voided and not self.reprint:
            self.message.show_message(
                translate("VoidScreen", "Struk {number} sudah dibatalkan sebelumnya.").format(
                    number=number
                )
            )
        self._show(sale)

    def confirm(self) -> None:
        sale, reason = self.sale, self.reasons.value
        if sale is None or self._busy:
            return
        self._set_busy(True)
        admin = self.ctx.back_end.admin
        if self.reprint:
            self.ctx.runner.run(
                lambda: self.ctx.back_end.sale.reprint(sale.number),
                lambda _: self._reprinted(sale),
                self._failed,
            )
            return
        if reason is None:
            self._set_busy(False)
            return

        self.ctx.runner.run(
            lambda: admin.void(sale.number, reason, actor=ACTOR), self._voided, self._failed
        )

    def _voided(self, sale: RecordedSale) -> None:
        self._set_busy(False)
        self._show(sale)
        self.done.setText(
            translate(
                "VoidScreen", "Transaksi {number} dibatalkan. Slip pembatalan dicetak."
            ).format(number=sale.number)
        )

    def _reprinted(self, sale: RecordedSale) -> None:
        self._set_busy(False)
        self.done.setText(
            translate("VoidScreen", "Salinan struk {number} dikirim ke printer.").format(
                number=sale.number
            )
        )

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, DomainError) and error.code is LedgerProblem.ALREADY_VOIDED:
            self.message.show_message(
                translate("VoidScreen", "Transaksi ini sudah dibatalkan sebelumnya.")
            )
        else:
            self.message.show_message(error_text(error))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.keypad.setEnabled(not busy)
        self.find.setEnabled(not busy and bool(self.keypad.text))
        self.back_button.setEnabled(not busy)
        self._update_action()
