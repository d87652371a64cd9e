"""Terima kasih: shown only after the ledger has the sale. The buyer sees their own month for
a few seconds; then the session is cleared and the kiosk returns to idle. The receipt's fate
comes from the print worker's state as it changes (no polling)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ...domain.money import format_rupiah
from ...services.printing_ports import FAILED, PENDING, PRINTED, QueueState
from ...services.sale import SaleOutcome
from ..context import UiContext
from ..i18n import translate
from ..theme import px, scaled
from ..widgets.buttons import button
from ..widgets.common import label, panel, restyle
from ..widgets.texts import after_sale_line, buyer_name

PRINT_WORDS = {
    PENDING: QT_TRANSLATE_NOOP("SuccessScreen", "Struk sedang dicetak…"),
    PRINTED: QT_TRANSLATE_NOOP("SuccessScreen", "Struk sudah dicetak."),
    FAILED: QT_TRANSLATE_NOOP("SuccessScreen", "Struk belum tercetak — sentuh Cetak ulang."),
}
NOT_QUEUED = QT_TRANSLATE_NOOP("SuccessScreen", "Struk belum tercetak — sentuh Cetak ulang.")


class SuccessScreen(QWidget):
    finished = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self._ctx = ctx
        self.result: SaleOutcome | None = None
        self.job: int | None = None
        self.print_status: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.finish)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(120, 20, 120, 20)
        frame = panel()
        outer.addWidget(frame)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(40, 20, 40, 20)
        layout.setSpacing(10)
        self.title = label(translate("SuccessScreen", "Terima kasih"), "title")
        self.title.setStyleSheet(scaled("font-size: 44pt;"))
        self.who = label("", "big", wrap=True)
        self.status = label("", "ok", wrap=True)
        self.month = label("", wrap=True)
        self.paid = label("", "amount")
        self.number = label("")
        self.printing = label("", "hint", wrap=True)
        for widget in (self.title, self.who, self.status, self.month, self.paid):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(widget)
        layout.addStretch(1)
        for widget in (self.number, self.printing):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(widget)
        row = QHBoxLayout()
        row.setSpacing(24)
        self.reprint = button(translate("SuccessScreen", "Cetak ulang"))
        self.reprint.setObjectName("success_reprint")
        self.reprint.setMinimumHeight(px(72))
        self.reprint.clicked.connect(self.reprint_receipt)
        self.done = button(translate("SuccessScreen", "Selesai"), "primary")
        self.done.setObjectName("done")
        self.done.clicked.connect(self.finish)
        row.addWidget(self.reprint, 1)
        row.addWidget(self.done, 2)
        layout.addLayout(row)
        ctx.printing.changed.connect(self._printer_changed)

    def show_result(self, result: SaleOutcome) -> None:
        job = result.receipt_job
        self.result, self.job = result, job
        buyer = result.buyer
        self.who.setText(buyer_name(buyer) if buyer else "")
        self.who.setVisible(buyer is not None)
        text, style = after_sale_line(buyer)
        self.status.setText(text)
        restyle(self.status, style)
        self.status.setStyleSheet(scaled("font-size: 28pt;"))
        if buyer is not None and buyer.on_roster:
            standing = buyer.standing
            self.month.setText(
                translate("SuccessScreen", "Belanja bulan ini {spent} dari {minimum}").format(
                    spent=format_rupiah(standing.spent), minimum=format_rupiah(standing.minimum)
                )
            )
        else:
            self.month.setText("")
        change = result.sale.change
        self.paid.setText(
            translate("SuccessScreen", "Kembalian {amount}").format(amount=format_rupiah(change))
            if change
            else format_rupiah(result.sale.total)
        )
        self.number.setText(
            translate("SuccessScreen", "No. struk {number}").format(number=result.sale.number)
        )
        self._show_print_status(PENDING if job is not None else None)
        self._printer_changed(self._ctx.printing.state)  # it may have printed already
        self._timer.start(self._ctx.success_seconds * 1000)

    def _show_print_status(self, status: str | None) -> None:
        self.print_status = status
        self.printing.setText(translate("SuccessScreen", PRINT_WORDS.get(status or "", NOT_QUEUED)))

    def _printer_changed(self, state: QueueState) -> None:
        if self.job is not None and state.last_job_id == self.job:
            self._show_print_status(PRINTED if state.last_job_ok else FAILED)

    def reprint_receipt(self) -> None:
        if self.result is None:
            return
        number = self.result.sale.number
        sale = self._ctx.back_end.sale
        self._timer.start(self._ctx.success_seconds * 1000)  # they are still here
        self._ctx.runner.run(lambda: sale.reprint(number), self._reprint_queued)

    def _reprint_queued(self, job: int) -> None:
        self.job = job
        self._show_print_status(PENDING)

    def stop_timer(self) -> None:
        """Leaving early (a new card scanned): the next buyer's session must not be cleared."""
        self._timer.stop()

    def finish(self) -> None:
        self._timer.stop()
        self._ctx.session.clear_sale()
        self.finished.emit()
