"""After a restart: the last sale is saved, but its receipt may not have printed (the kiosk
stopped, or the printer never confirmed it). One sentence with the sale's number and amount,
so the operator reprints it rather than ringing the sale up again; or closes the notice."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from ...domain.money import format_rupiah
from ..i18n import translate
from .buttons import button
from .common import label

if TYPE_CHECKING:
    from ...services.receipts import ReceiptInDoubt


class ReceiptNotice(QFrame):
    reprint_requested = Signal(str)  # the sale's number
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setProperty("level", "warn")
        self.doubt: ReceiptInDoubt | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 6, 16, 6)
        layout.setSpacing(8)
        self.text = label(wrap=True)
        self.reprint = button(translate("ReceiptNotice", "Cetak ulang"))
        self.reprint.setObjectName("notice_reprint")
        self.reprint.clicked.connect(self._reprint)
        self.close_button = button(translate("ReceiptNotice", "Tutup"))
        self.close_button.setObjectName("notice_close")
        self.close_button.clicked.connect(self._dismiss)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.reprint)
        layout.addWidget(self.close_button)
        self.hide()

    def show_doubt(self, doubt: ReceiptInDoubt | None) -> None:
        """Remember the sale in doubt (None: nothing to ask); the window decides when the
        notice is on screen."""
        self.doubt = doubt
        if doubt is not None:
            self.text.setText(
                translate(
                    "ReceiptNotice",
                    "Penjualan terakhir (No. {number}, {amount}) sudah tersimpan, "
                    "tapi struknya mungkin belum tercetak. Cetak ulang?",
                ).format(number=doubt.number, amount=format_rupiah(doubt.total))
            )

    @property
    def pending(self) -> bool:
        return self.doubt is not None

    def _reprint(self) -> None:
        if self.doubt is not None:
            number = self.doubt.number
            self._dismiss()
            self.reprint_requested.emit(number)

    def _dismiss(self) -> None:
        self.doubt = None
        self.hide()
        self.dismissed.emit()
