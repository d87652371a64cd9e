"""Paying by QRIS: the stall's QRIS with the exact total, large, for the buyer's phone.

The kiosk cannot see the money arrive, so the operator confirms it ([Uang sudah masuk]) after
checking the seller's app; only then is the sale committed, with the QRIS method, through the
same sale in progress as cash."""

from __future__ import annotations

import math
from collections.abc import Callable

import qrcode
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

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
QR_MOST_PIXELS = 600  # at scale 1: a big panel's code stays one a phone frames whole
QR_PADDING = 20  # px of white around the code (scale 1), beyond its quiet zone
QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks


def qr_image(payload: str, min_pixels: int = QR_MIN_PIXELS, most_pixels: int = 0) -> QImage:
    """Whole pixels per module (a blurred edge is what phones fail on), quiet zone included:
    as large as fits ``most_pixels``, never under ``min_pixels``."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=QUIET_ZONE)
    code.add_data(payload)
    code.make(fit=True)
    matrix = code.get_matrix()  # includes the quiet zone
    scale = max(math.ceil(min_pixels / len(matrix)), most_pixels // len(matrix))
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


class QrPlace(QWidget):
    """The code's white square, as large as its room allows between the smallest a phone
    reads and ``QR_MOST_PIXELS`` (both at the screen's scale), redrawn when it changes size.
    ``code`` is the square: it shows the code's pixmap, or words when there is no code."""

    def __init__(self) -> None:
        super().__init__()
        self.payload = ""
        self.code = QLabel(self)
        self.code.setObjectName("qr")
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setStyleSheet(scaled("background: white; border-radius: 14px;"))
        least = px(QR_MIN_PIXELS + 2 * QR_PADDING)
        self.setMinimumSize(least, least)
        policy = QSizePolicy.Policy
        self.setSizePolicy(policy.Expanding, policy.Expanding)

    def show_code(self, payload: str) -> None:
        self.payload = payload
        self._draw()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        side = min(self.width(), self.height(), px(QR_MOST_PIXELS + 2 * QR_PADDING))
        self.code.setGeometry((self.width() - side) // 2, (self.height() - side) // 2, side, side)
        self._draw()

    def _draw(self) -> None:
        if self.payload:
            room = self.code.width() - px(2 * QR_PADDING)
            image = qr_image(self.payload, px(QR_MIN_PIXELS), room)
            self.code.setPixmap(QPixmap.fromImage(image))


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
        outer.setContentsMargins(px(32), px(24), px(32), px(24))
        outer.setSpacing(px(40))
        self.qr_place = QrPlace()
        self.qr = self.qr_place.code
        outer.addWidget(self.qr_place, 1)

        right = QVBoxLayout()
        right.setSpacing(px(12))
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
            self.qr_place.show_code("")
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
        self.qr_place.show_code(self.charge.payload)
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
