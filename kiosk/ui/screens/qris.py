"""Paying by QRIS: the stall's QRIS with the exact total, large, for the buyer's phone.

The kiosk cannot see the money arrive, so the operator confirms it ([Uang sudah masuk]) after
checking the seller's app; only then is the sale committed, with the QRIS method, through the
same sale in progress as cash."""

from __future__ import annotations

import math
from collections.abc import Callable

import qrcode
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...domain.cart import Payment, PaymentMethod
from ...domain.errors import DomainError
from ...domain.money import format_rupiah
from ...domain.shift import ShiftProblem
from ...services.qris_payment import QrisCharge
from ..admin.words import error_text
from ..context import UiContext
from ..i18n import translate
from ..screen_names import Screen
from ..theme import px, scaled
from ..widgets.buttons import button
from ..widgets.common import MessageBox

QR_MIN_PIXELS = 380  # well above the 360 px a phone needs from a metre away
QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks


def qr_image(payload: str, min_pixels: int = QR_MIN_PIXELS) -> QImage:
    """Whole pixels per module (a blurred edge is what phones fail on), quiet zone included."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=QUIET_ZONE)
    code.add_data(payload)
    code.make(fit=True)
    matrix = code.get_matrix()  # includes the quiet zone
    scale = math.ceil(min_pixels / len(matrix))
    size = len(matrix) * scale
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("black"))
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.drawRect(x * scale, y * scale, scale, scale)
    painter.end()
    return image


class QrisScreen(QWidget):
    def __init__(
        self,
        ctx: UiContext,
        go: Callable[[Screen], None],
        *,
        back: Screen = Screen.PAYMENT,
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.go = go
        self._back = back
        self.charge: QrisCharge | None = None
        self.setObjectName("screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

        outer = QHBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 24)
        outer.setSpacing(40)
        self.qr = QLabel()
        self.qr.setObjectName("qr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setMinimumSize(px(QR_MIN_PIXELS + 40), px(QR_MIN_PIXELS + 40))
        self.qr.setStyleSheet(scaled("background: white; border-radius: 14px;"))
        outer.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignVCenter)

        right = QVBoxLayout()
        right.setSpacing(12)
        self.cancel = button(translate("QrisScreen", "‹ Batal"))
        self.cancel.setObjectName("cancel")
        self.cancel.clicked.connect(self._cancelled)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.cancel)
        right.addLayout(top)
        title = QLabel(translate("QrisScreen", "Bayar dengan QRIS"))
        title.setObjectName("title")
        # The demo's example QRIS (kiosk/domain/qris_sample.py): said plainly, so nobody at a
        # demonstration believes a phone paid anyone.
        self.sample_mark = QLabel(translate("QrisScreen", "CONTOH — bukan pembayaran sungguhan"))
        self.sample_mark.setObjectName("flag")
        self.sample_mark.setWordWrap(True)
        self.sample_mark.setVisible(False)
        self.amount = QLabel("")
        self.amount.setObjectName("total")
        self.amount.setStyleSheet(scaled("font-size: 44pt;"))
        self.merchant = QLabel("")
        self.merchant.setObjectName("big")
        self.merchant.setWordWrap(True)
        self.how = QLabel(translate("QrisScreen", "Pindai dengan aplikasi e-wallet atau m-banking"))
        self.how.setWordWrap(True)
        self.how.setStyleSheet(scaled("font-size: 22pt;"))
        self.operator_note = QLabel(
            translate(
                "QrisScreen",
                "Petugas: tekan tombol di bawah hanya setelah uang terlihat masuk di aplikasi "
                "penjual.",
            )
        )
        self.operator_note.setObjectName("hint")
        self.operator_note.setWordWrap(True)
        self.message = MessageBox()
        self.paid = button(translate("QrisScreen", "Uang sudah masuk"), "primary")
        self.paid.setObjectName("paid")
        self.paid.setMinimumHeight(px(96))
        self.paid.setStyleSheet(scaled("font-size: 28pt;"))
        self.paid.clicked.connect(self.confirm)
        for widget in (title, self.sample_mark, self.amount, self.merchant, self.how):
            right.addWidget(widget)
        right.addStretch(1)
        right.addWidget(self.operator_note)
        right.addWidget(self.message)
        right.addWidget(self.paid)
        outer.addLayout(right, 1)
        ctx.session.changed.connect(self._show_saving)
        ctx.session.commit_failed.connect(self._failed)

    @property
    def _busy(self) -> bool:
        return self.ctx.session.committing

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        """A new dynamic QRIS for the basket as it is now."""
        self.message.clear()
        total = self.ctx.session.total
        self.amount.setText(format_rupiah(total))
        self.amount.setAccessibleName(
            translate("QrisScreen", "Total {amount}").format(amount=format_rupiah(total))
        )
        sale = self.ctx.back_end.sale
        if not sale.qris_available:
            self.charge = None
            self.qr.clear()
            self.qr.setText(translate("QrisScreen", "QRIS belum\ndiatur"))
            self.merchant.setText("")
            self.sample_mark.setVisible(False)
            self.message.show_message(
                translate("QrisScreen", "QRIS belum diatur di kiosk ini. Silakan bayar tunai.")
            )
            self.paid.setEnabled(False)
            return
        self.charge = sale.qris_charge(total)
        self.sample_mark.setVisible(sale.qris_is_sample)
        self.qr.setPixmap(QPixmap.fromImage(qr_image(self.charge.payload)))
        self.merchant.setText(f"{self.charge.merchant_name} · {self.charge.merchant_city}")
        self.paid.setEnabled(total > 0)
        self.cancel.setEnabled(True)

    def confirm(self) -> None:
        if self._busy or self.charge is None:
            return
        self.ctx.session.pay(Payment(PaymentMethod.QRIS))

    def _show_saving(self) -> None:
        if not self.isVisible():
            return
        busy = self._busy
        self.paid.setText(
            translate("QrisScreen", "Menyimpan…")
            if busy
            else translate("QrisScreen", "Uang sudah masuk")
        )
        self.paid.setEnabled(not busy and self.charge is not None and self.ctx.session.total > 0)
        self.cancel.setEnabled(not busy)

    def _failed(self, error: Exception) -> None:
        if not self.isVisible():
            return
        if isinstance(error, DomainError) and isinstance(error.code, ShiftProblem):
            self.message.show_message(error_text(error))  # e.g. closed from the command line
            return
        self.message.show_message(
            translate("QrisScreen", "Transaksi belum tersimpan. Coba tekan lagi.")
        )

    def _cancelled(self) -> None:
        if not self._busy:
            self.go(self._back)
