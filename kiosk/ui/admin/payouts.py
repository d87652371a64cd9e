"""Paying the UMKM (Pembayaran UMKM): each UMKM with its balance this month; pick one to see
its month, record money handed to it (an advance only after the admin confirms it), or look
through its payouts and reverse a mistaken one with a reason.

Three pages in one screen: the list, paying, the history. The balance check is the back
end's (inside the ledger's write transaction): a payout above the balance comes back refused,
and only then does the screen ask whether it is an advance."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError
from ...domain.money import format_rupiah
from ...domain.months import Month
from ...domain.settlement import PayoutKind, PayoutProblem, percent_text
from ...services.settlement import PayoutRecord, UmkmBalance
from ..context import UiContext
from ..i18n import translate
from ..theme import ERROR, px, scaled
from ..widgets.buttons import button
from ..widgets.clock import clock_text
from ..widgets.common import MessageBox, panel
from ..widgets.keypad import Keypad
from ..widgets.month_picker import month_text
from .base import AdminPage, ChoiceGroup, Go, keypad_column, kinetic
from .words import error_text

ACTOR = "admin"
MAX_DIGITS = 9  # Rp100.000.000, the most one payout may be, has 9 digits
# Recorded in Indonesian (the ledger and the exports stay Indonesian); shown translated.
NOTES = (
    QT_TRANSLATE_NOOP("PayoutsScreen", "Tunai"),
    QT_TRANSLATE_NOOP("PayoutsScreen", "Transfer bank"),
    QT_TRANSLATE_NOOP("PayoutsScreen", "Dompet digital"),
)
REVERSAL_REASONS = (
    QT_TRANSLATE_NOOP("PayoutsScreen", "Salah nominal"),
    QT_TRANSLATE_NOOP("PayoutsScreen", "Salah UMKM"),
    QT_TRANSLATE_NOOP("PayoutsScreen", "Tercatat ganda"),
)
KINDS = {
    PayoutKind.PAYOUT: QT_TRANSLATE_NOOP("PayoutsScreen", "Pembayaran"),
    PayoutKind.ADVANCE: QT_TRANSLATE_NOOP("PayoutsScreen", "Panjar"),
    PayoutKind.REVERSAL: QT_TRANSLATE_NOOP("PayoutsScreen", "Pembatalan"),
}
LIST, PAY, HISTORY = 0, 1, 2


def words(text: str) -> str:
    return translate("PayoutsScreen", text)


def _caption(text: str) -> QLabel:
    caption = QLabel(text)
    caption.setObjectName("big")
    caption.setWordWrap(True)
    return caption


def _scrolling(widget: QWidget) -> QScrollArea:
    """``widget`` at the top of a drag-to-scroll list."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget)
    layout.addStretch(1)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(holder)
    kinetic(scroll.viewport())
    return scroll


def _half(layout: QVBoxLayout) -> QWidget:
    """The left half of a page: half the width up to 540 px (470 px on a 1024 px screen)."""
    holder = QWidget()
    holder.setLayout(layout)
    layout.setContentsMargins(0, 0, 0, 0)
    holder.setMinimumWidth(px(470))
    holder.setMaximumWidth(px(540))
    holder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return holder


def _two_lines(group: ChoiceGroup) -> None:
    """Chips of two lines, left-aligned: ChoiceGroup sizes its chips for one line (its own
    style sheet, which a parent's cannot override), and a layout would squeeze them."""
    for chip in group.buttons.values():
        chip.setStyleSheet(
            scaled("min-height: 56px; padding: 6px 16px; text-align: left; border-radius: 10px;")
        )


class MonthFiguresView:
    """One UMKM's month in a white panel: earned, the fee, owed, paid, the balance."""

    ROWS = ("saldo_awal", "pendapatan", "potongan", "hak_umkm", "dibayar")

    def __init__(self) -> None:
        self.frame = panel()
        layout = QVBoxLayout(self.frame)
        layout.setContentsMargins(px(20), px(12), px(20), px(12))
        layout.setSpacing(px(6))
        self.name = QLabel("")
        self.name.setObjectName("big")
        self.name.setWordWrap(True)
        layout.addWidget(self.name)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(2)
        self.captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for row, key in enumerate(self.ROWS):
            caption, value = QLabel(""), QLabel("")
            caption.setWordWrap(True)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(caption, row, 0)
            grid.addWidget(value, row, 1)
            self.captions[key], self.values[key] = caption, value
        grid.setColumnStretch(0, 1)
        layout.addLayout(grid)
        self.saldo = QLabel("")
        self.saldo.setObjectName("total")
        self.saldo.setWordWrap(True)
        layout.addWidget(self.saldo)

    def show_balance(self, balance: UmkmBalance) -> None:
        month = month_text(balance.month)
        # The fee in force that month, as the figures were computed (written 2,5 as on the
        # dashboard's percentages).
        percent = percent_text(balance.figures.basis_points).replace(".", ",")
        self.name.setText(balance.nama_umkm)
        captions = {
            "saldo_awal": translate("PayoutsScreen", "Saldo dari bulan lalu"),
            "pendapatan": translate("PayoutsScreen", "Penjualan {month}").format(month=month),
            "potongan": translate("PayoutsScreen", "Potongan kios {percent}%").format(
                percent=percent
            ),
            "hak_umkm": translate("PayoutsScreen", "Hak UMKM"),
            "dibayar": translate("PayoutsScreen", "Sudah dibayar bulan ini"),
        }
        figures = balance.figures
        amounts = {
            "saldo_awal": figures.saldo_awal,
            "pendapatan": figures.pendapatan,
            "potongan": -figures.potongan,
            "hak_umkm": figures.hak_umkm,
            "dibayar": -figures.dibayar,
        }
        for key in self.ROWS:
            self.captions[key].setText(captions[key])
            self.values[key].setText(format_rupiah(amounts[key]))
        self.saldo.setText(
            translate("PayoutsScreen", "Saldo {amount}").format(amount=format_rupiah(balance.saldo))
        )


class PayoutsScreen(AdminPage):
    def __init__(self, ctx: UiContext, go: Go) -> None:
        super().__init__(ctx, go, translate("PayoutsScreen", "Pembayaran UMKM"))
        self.balances: dict[str, UmkmBalance] = {}
        self.month: Month = ctx.back_end.stall.clock.this_month()
        self.history: dict[str, PayoutRecord] = {}
        self.advance_asked = False
        self._busy = False
        self._asked = 0
        # Paying and the history go back to the list; the list goes back to the menu.
        self.page_back = button(translate("PayoutsScreen", "‹ Semua UMKM"))
        self.page_back.setObjectName("page_back")
        self.page_back.clicked.connect(self.close_page)
        self.top.insertWidget(0, self.page_back)
        self.page_back.hide()
        self.pages = QStackedWidget()
        self.pages.setObjectName("inner")
        self.pages.addWidget(self._list_page())
        self.pages.addWidget(self._pay_page())
        self.pages.addWidget(self._history_page())
        self.body.addWidget(self.pages, 1)

    @property
    def _payouts(self):  # type: ignore[no-untyped-def]
        return self.ctx.back_end.admin.payouts

    @property
    def chosen(self) -> UmkmBalance | None:
        return self.balances.get(self.umkm.value or "")

    # -- the list --------------------------------------------------------------------------
    def _list_page(self) -> QWidget:
        page = QWidget()
        columns = QHBoxLayout(page)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(px(24))
        left = QVBoxLayout()
        left.setSpacing(px(10))
        self.list_caption = _caption("")
        self.loading = QLabel(translate("PayoutsScreen", "Memuat…"))
        self.loading.setObjectName("hint")
        self.umkm = ChoiceGroup([], columns=1, text=self._umkm_text)  # name, then balance
        self.umkm.chosen.connect(lambda _: self._show_chosen())
        left.addWidget(self.list_caption)
        left.addWidget(self.loading)
        left.addWidget(_scrolling(self.umkm), 1)
        columns.addWidget(_half(left), 1)

        right = QVBoxLayout()
        right.setSpacing(px(12))
        self.figures = MonthFiguresView()
        self.pick_hint = QLabel(
            translate("PayoutsScreen", "Pilih UMKM untuk melihat saldonya dan membayarnya.")
        )
        self.pick_hint.setObjectName("hint")
        self.pick_hint.setWordWrap(True)
        self.list_message = MessageBox()
        self.done = QLabel("")
        self.done.setObjectName("ok")
        self.done.setWordWrap(True)
        self.to_history = button(translate("PayoutsScreen", "Riwayat pembayaran"))
        self.to_history.setObjectName("to_history")
        self.to_history.clicked.connect(lambda: self.open_history())
        self.to_pay = button(translate("PayoutsScreen", "Bayar UMKM ini"), "primary")
        self.to_pay.setObjectName("to_pay")
        self.to_pay.clicked.connect(self.open_pay)
        right.addWidget(self.pick_hint)
        right.addWidget(self.figures.frame)
        right.addStretch(1)
        right.addWidget(self.list_message)
        right.addWidget(self.done)
        right.addWidget(self.to_history)
        right.addWidget(self.to_pay)
        columns.addLayout(right, 1)
        return page

    def _umkm_text(self, kode: str) -> str:
        balance = self.balances[kode]
        return translate("PayoutsScreen", "{name}\nSaldo {amount}").format(
            name=balance.nama_umkm, amount=format_rupiah(balance.saldo)
        )

    def refresh(self) -> None:
        if self._busy:
            return
        self.month = self.ctx.back_end.stall.clock.this_month()
        self.done.setText("")
        self._show_page(LIST)
        self.reload()

    def reload(self, keep: str | None = None) -> None:
        """Every UMKM's month, off the GUI thread (a year of sales the first time)."""
        self._asked += 1
        asked, month = self._asked, self.month
        keep = keep if keep is not None else self.umkm.value
        self.list_caption.setText(
            translate("PayoutsScreen", "Saldo {month}").format(month=month_text(month))
        )
        self.loading.show()
        self.list_message.clear()
        self.ctx.runner.run(
            lambda: self._payouts.balances(month),
            lambda found: self._loaded(asked, found, keep),
            lambda error: self._load_failed(asked, error),
        )

    def _loaded(self, asked: int, found: list[UmkmBalance], keep: str | None) -> None:
        if asked != self._asked:
            return  # an older answer
        self.loading.hide()
        self.balances = {balance.kode_umkm: balance for balance in found}
        self.umkm.set_options(list(self.balances))
        _two_lines(self.umkm)
        if keep in self.balances:
            self.umkm.select(keep)
        self._show_chosen()

    def _load_failed(self, asked: int, error: Exception) -> None:
        if asked == self._asked:
            self.loading.hide()
            self.list_message.show_message(error_text(error))

    def _show_chosen(self) -> None:
        chosen = self.chosen
        self.figures.frame.setVisible(chosen is not None)
        self.pick_hint.setVisible(chosen is None)
        if chosen is not None:
            self.figures.show_balance(chosen)
        for action in (self.to_pay, self.to_history):
            action.setEnabled(chosen is not None and not self._busy)

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.back_button.setVisible(index == LIST)
        self.page_back.setVisible(index != LIST)

    # -- paying ----------------------------------------------------------------------------
    def _pay_page(self) -> QWidget:
        page = QWidget()
        columns = QHBoxLayout(page)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(px(32))
        caption = _caption(translate("PayoutsScreen", "Jumlah"))
        self.amount = QLabel(format_rupiah(0))
        self.amount.setObjectName("display")
        self.keypad = Keypad(max_length=MAX_DIGITS)
        self.keypad.changed.connect(self._typed)
        columns.addWidget(keypad_column((caption, self.amount, self.keypad), 420, 412), 1)

        right = QVBoxLayout()
        right.setSpacing(px(12))
        self.pay_name = _caption("")
        self.pay_saldo = QLabel("")
        self.pay_saldo.setWordWrap(True)
        note_caption = _caption(translate("PayoutsScreen", "Diserahkan lewat"))
        self.notes = ChoiceGroup(NOTES, columns=3, text=words)
        self.notes.chosen.connect(lambda _: self._update_pay())
        self.pay_message = MessageBox()
        self.advance_question = QLabel("")
        self.advance_question.setObjectName("short")
        self.advance_question.setWordWrap(True)
        self.pay = button(translate("PayoutsScreen", "Catat pembayaran"), "primary")
        self.pay.setObjectName("pay")
        self.pay.clicked.connect(lambda: self.confirm_pay(advance=False))
        self.advance = button(translate("PayoutsScreen", "Ya, catat sebagai panjar"), "danger")
        self.advance.setObjectName("advance")
        self.advance.setStyleSheet(
            scaled(
                f"QPushButton {{ min-height: 72px; font-size: 24pt; }}"
                f"QPushButton:enabled {{ background: {ERROR}; color: white; border: none; }}"
            )
        )
        self.advance.clicked.connect(lambda: self.confirm_pay(advance=True))
        right.addWidget(self.pay_name)
        right.addWidget(self.pay_saldo)
        right.addWidget(note_caption)
        right.addWidget(self.notes)
        right.addStretch(1)
        right.addWidget(self.pay_message)
        right.addWidget(self.advance_question)
        right.addWidget(self.advance)
        right.addWidget(self.pay)
        columns.addLayout(right, 2)
        return page

    def open_pay(self) -> None:
        chosen = self.chosen
        if chosen is None or self._busy:
            return
        self.pay_name.setText(chosen.nama_umkm)
        self.pay_saldo.setText(
            translate("PayoutsScreen", "Saldo sekarang {amount}").format(
                amount=format_rupiah(chosen.saldo)
            )
        )
        self.keypad.set_text("")
        self.notes.select(None)
        self.pay_message.clear()
        self.done.setText("")
        self._show_page(PAY)

    @property
    def typed(self) -> int:
        return int(self.keypad.text or "0")

    def _typed(self, digits: str) -> None:
        self.amount.setText(format_rupiah(int(digits or "0")))
        self._ask_advance(False)  # a changed amount is asked about afresh
        self.pay_message.clear()
        self._update_pay()

    def _update_pay(self) -> None:
        ready = self.typed > 0 and self.notes.value is not None and not self._busy
        self.pay.setEnabled(ready)
        self.advance.setEnabled(ready)

    def _ask_advance(self, asking: bool) -> None:
        self.advance_asked = asking
        self.advance_question.setVisible(asking)
        self.advance.setVisible(asking)
        self.pay.setVisible(not asking)

    def confirm_pay(self, *, advance: bool) -> None:
        chosen, note, amount = self.chosen, self.notes.value, self.typed
        if chosen is None or note is None or amount <= 0 or self._busy:
            return
        self._set_busy(True)
        self.ctx.runner.run(
            lambda: self._payouts.pay(chosen.kode_umkm, amount, note, actor=ACTOR, advance=advance),
            self._paid,
            self._pay_failed,
        )

    def _paid(self, record: PayoutRecord) -> None:
        self._set_busy(False)
        self._ask_advance(False)
        template = (
            translate("PayoutsScreen", "Panjar {number} {amount} untuk {name} tercatat.")
            if record.kind is PayoutKind.ADVANCE
            else translate("PayoutsScreen", "Pembayaran {number} {amount} untuk {name} tercatat.")
        )
        self._back_to_list(
            template.format(
                number=record.number,
                amount=format_rupiah(record.amount),
                name=record.nama_umkm,
            )
        )

    def _pay_failed(self, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, DomainError) and error.code is PayoutProblem.ABOVE_BALANCE:
            self.advance_question.setText(
                translate(
                    "PayoutsScreen",
                    "{amount} melebihi saldo {balance}: catat sebagai panjar (dibayar di muka)?",
                ).format(
                    amount=format_rupiah(self.typed),
                    balance=format_rupiah(error.values["balance"]),  # type: ignore[arg-type]
                )
            )
            self._ask_advance(True)
        else:
            self.pay_message.show_message(error_text(error))

    # -- the history -----------------------------------------------------------------------
    def _history_page(self) -> QWidget:
        page = QWidget()
        columns = QHBoxLayout(page)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(px(24))
        left = QVBoxLayout()
        left.setSpacing(px(10))
        self.history_caption = _caption("")
        self.history_empty = QLabel(
            translate("PayoutsScreen", "Belum ada pembayaran untuk UMKM ini.")
        )
        self.history_empty.setObjectName("hint")
        self.history_empty.setWordWrap(True)
        self.records = ChoiceGroup([], columns=1, text=self._record_text)
        self.records.chosen.connect(lambda _: self._show_record())
        left.addWidget(self.history_caption)
        left.addWidget(self.history_empty)
        left.addWidget(_scrolling(self.records), 1)
        columns.addWidget(_half(left), 1)

        right = QVBoxLayout()
        right.setSpacing(px(12))
        self.record_view = panel()
        view = QVBoxLayout(self.record_view)
        view.setContentsMargins(px(20), px(12), px(20), px(12))
        self.record_heading = QLabel("")
        self.record_heading.setObjectName("big")
        self.record_heading.setWordWrap(True)
        self.record_detail = QLabel("")
        self.record_detail.setWordWrap(True)
        view.addWidget(self.record_heading)
        view.addWidget(self.record_detail)
        self.record_hint = QLabel(
            translate("PayoutsScreen", "Pilih pembayaran untuk melihatnya atau membatalkannya.")
        )
        self.record_hint.setObjectName("hint")
        self.record_hint.setWordWrap(True)
        self.reason_caption = _caption(translate("PayoutsScreen", "Alasan pembatalan"))
        self.reasons = ChoiceGroup(REVERSAL_REASONS, columns=2, text=words)
        self.reasons.chosen.connect(lambda _: self._update_reverse())
        self.history_message = MessageBox()
        self.reversed = QLabel("")
        self.reversed.setObjectName("ok")
        self.reversed.setWordWrap(True)
        self.reverse = button(translate("PayoutsScreen", "Batalkan pembayaran"), "danger")
        self.reverse.setObjectName("reverse")
        self.reverse.setStyleSheet(
            scaled(
                f"QPushButton {{ min-height: 72px; font-size: 24pt; }}"
                f"QPushButton:enabled {{ background: {ERROR}; color: white; border: none; }}"
            )
        )
        self.reverse.clicked.connect(self.confirm_reverse)
        right.addWidget(self.record_hint)
        right.addWidget(self.record_view)
        right.addWidget(self.reason_caption)
        right.addWidget(self.reasons)
        right.addStretch(1)
        right.addWidget(self.history_message)
        right.addWidget(self.reversed)
        right.addWidget(self.reverse)
        columns.addLayout(right, 1)
        return page

    def _record_text(self, record_id: str) -> str:
        record = self.history[record_id]
        when = record.created_at.astimezone(self.ctx.back_end.stall.clock.tz)
        return translate("PayoutsScreen", "{kind} {amount}\n{day} · {number}").format(
            kind=words(KINDS[record.kind]),
            amount=format_rupiah(record.paid),
            day=f"{when:%d-%m-%Y}",
            number=record.number,
        )

    def open_history(self, keep: str | None = None) -> None:
        chosen = self.chosen
        if chosen is None or self._busy:
            return
        self.history_caption.setText(
            translate("PayoutsScreen", "Pembayaran untuk {name}").format(name=chosen.nama_umkm)
        )
        self.history = {}
        self.records.set_options([])
        self.history_empty.hide()
        self.history_message.clear()
        self.reversed.setText("")
        self._show_record()
        self._show_page(HISTORY)
        kode = chosen.kode_umkm
        self._asked += 1
        asked = self._asked
        self.ctx.runner.run(
            lambda: self._payouts.payouts(kode_umkm=kode),
            lambda found: self._history_loaded(asked, found, keep),
            lambda error: self._history_failed(asked, error),
        )

    def _history_loaded(self, asked: int, found: list[PayoutRecord], keep: str | None) -> None:
        if asked != self._asked:
            return
        newest_first = list(reversed(found))
        self.history = {record.id: record for record in newest_first}
        self.records.set_options(list(self.history))
        _two_lines(self.records)
        self.history_empty.setVisible(not found)
        if keep in self.history:
            self.records.select(keep)
        self._show_record()

    def _history_failed(self, asked: int, error: Exception) -> None:
        if asked == self._asked:
            self.history_message.show_message(error_text(error))

    @property
    def record(self) -> PayoutRecord | None:
        return self.history.get(self.records.value or "")

    def _show_record(self) -> None:
        record = self.record
        self.record_view.setVisible(record is not None)
        self.record_hint.setVisible(record is None)
        reversible = record is not None and record.reversible
        self.reason_caption.setVisible(reversible)
        self.reasons.setVisible(reversible)
        self.reverse.setVisible(reversible)
        self.reasons.select(None)
        if record is not None:
            when = record.created_at.astimezone(self.ctx.back_end.stall.clock.tz)
            self.record_heading.setText(
                translate("PayoutsScreen", "{kind} {number}").format(
                    kind=words(KINDS[record.kind]), number=record.number
                )
            )
            lines = [
                clock_text(when),
                translate("PayoutsScreen", "{amount} · {note} · oleh {by}").format(
                    amount=format_rupiah(record.amount), note=words(record.note), by=record.paid_by
                ),
            ]
            if record.reverses:
                lines.append(
                    translate("PayoutsScreen", "Membatalkan {number}").format(
                        number=record.reverses
                    )
                )
            if record.reversed_by:
                lines.append(
                    translate("PayoutsScreen", "Dibatalkan oleh {number}").format(
                        number=record.reversed_by
                    )
                )
            self.record_detail.setText("\n".join(lines))
        self._update_reverse()

    def _update_reverse(self) -> None:
        record = self.record
        self.reverse.setEnabled(
            record is not None
            and record.reversible
            and self.reasons.value is not None
            and not self._busy
        )

    def confirm_reverse(self) -> None:
        record, reason = self.record, self.reasons.value
        if record is None or reason is None or self._busy:
            return
        self._set_busy(True)
        self.ctx.runner.run(
            lambda: self._payouts.reverse(record.number, reason, actor=ACTOR),
            self._reversed,
            self._reverse_failed,
        )

    def _reversed(self, record: PayoutRecord) -> None:
        self._set_busy(False)
        self.open_history(keep=record.id)
        self.reversed.setText(
            translate("PayoutsScreen", "Pembayaran {number} dibatalkan dengan {reversal}.").format(
                number=record.reverses, reversal=record.number
            )
        )

    def _reverse_failed(self, error: Exception) -> None:
        self._set_busy(False)
        self.history_message.show_message(error_text(error))

    # -- shared ----------------------------------------------------------------------------
    def close_page(self) -> None:
        if not self._busy:
            self._back_to_list("")

    def _back_to_list(self, done: str) -> None:
        self._show_page(LIST)
        self.done.setText(done)
        self.reload()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.keypad.setEnabled(not busy)
        for widget in (self.page_back, self.notes, self.reasons, self.records):
            widget.setEnabled(not busy)
        self.back_button.setEnabled(not busy)
        self._update_pay()
        self._update_reverse()
