"""Sesi ditutup: the closed shift's summary as the ledger recorded it. Its Z-report and one
slip per UMKM go to the receipt printer as the summary appears (Cetak lagi prints them again).
Selesai leaves the till with nobody on duty; Buka sesi baru lets the closer count a float and
sell on."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ...services.shift_figures import ShiftFigures
from ..context import UiContext
from ..i18n import translate
from ..theme import px
from ..widgets.buttons import button
from ..widgets.common import label, panel, restyle
from ..widgets.shift_figures_view import (
    ShiftFiguresView,
    difference_style,
    difference_words,
)
from .shift_close import reason_text


class ShiftDoneScreen(QWidget):
    finished = Signal()
    open_new = Signal(str)  # the operator who closed it opens the next shift

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self._ctx = ctx
        self.operator = ""
        self.figures: ShiftFigures | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(64, 12, 64, 12)
        frame = panel()
        outer.addWidget(frame)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(32, 12, 32, 12)
        layout.setSpacing(8)
        self.title = label("", "title", wrap=True)
        layout.addWidget(self.title)
        self.about = label("", "hint", wrap=True)  # when, who, receipts
        layout.addWidget(self.about)
        self.view = ShiftFiguresView()
        layout.addWidget(self.view)
        self.verdict = label("", "ok", wrap=True)  # pas, kurang or lebih; or not counted
        layout.addWidget(self.verdict)
        self.reason = label("", wrap=True)
        layout.addWidget(self.reason)
        self.printed = label("", "hint", wrap=True)  # the Z-report and slips sent, or not
        layout.addWidget(self.printed)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.setSpacing(24)
        self.new_shift = button(translate("ShiftDoneScreen", "Buka sesi baru"))
        self.new_shift.setObjectName("shift_open_new")
        self.new_shift.setMinimumHeight(px(72))
        self.new_shift.clicked.connect(lambda: self.open_new.emit(self.operator))
        self.done = button(translate("ShiftDoneScreen", "Selesai"), "primary")
        self.done.setObjectName("shift_done")
        self.done.clicked.connect(self.finished)
        self.print_again = button(translate("ShiftDoneScreen", "Cetak lagi"))
        self.print_again.setObjectName("shift_print_again")
        self.print_again.setMinimumHeight(px(72))
        self.print_again.clicked.connect(self.print_papers)
        # The two side buttons as wide as their words; Selesai, the next step, takes the rest.
        row.addWidget(self.new_shift, 0)
        row.addWidget(self.print_again, 0)
        row.addWidget(self.done, 1)
        layout.addLayout(row)

    def show_figures(self, figures: ShiftFigures, operator: str) -> None:
        self.figures, self.operator = figures, operator
        tz = self._ctx.back_end.stall.clock.tz
        opened = figures.opened_at.astimezone(tz)
        closed = figures.closed_at.astimezone(tz) if figures.closed_at else opened
        self.title.setText(
            translate("ShiftDoneScreen", "Sesi {number} ditutup").format(number=figures.shift_no)
        )
        parts = [
            f"{opened:%d-%m-%Y}, {opened:%H:%M}–{closed:%H:%M}",
            " > ".join(figures.operators),
        ]
        if figures.closed_by and figures.closed_by != figures.operators[-1]:
            parts.append(
                translate("ShiftDoneScreen", "dihitung {name}").format(name=figures.closed_by)
            )
        parts.append(
            translate("ShiftDoneScreen", "struk {first} sampai {last}").format(
                first=figures.first_receipt, last=figures.last_receipt
            )
            if figures.first_receipt
            else translate("ShiftDoneScreen", "tanpa transaksi")
        )
        self.about.setText(" · ".join(parts))
        self.view.show_figures(figures, figures.counted)
        difference = figures.difference
        self.verdict.setText(
            difference_words(difference)
            if difference is not None
            else translate("ShiftDoneScreen", "Uangnya tidak dihitung.")
        )
        restyle(self.verdict, difference_style(difference) if difference is not None else "hint")
        self.reason.setText(
            translate("ShiftDoneScreen", "Alasan selisih: {reason}").format(
                reason=reason_text(figures.reason)
            )
            if figures.reason
            else ""
        )
        self.reason.setVisible(bool(figures.reason))
        self.print_papers()

    def print_papers(self) -> None:
        """The closed shift's Z-report, then a slip per UMKM, into the print queue."""
        if self.figures is None:
            return
        shift_id = self.figures.shift_id
        self.print_again.setEnabled(False)
        self.printed.setText(translate("ShiftDoneScreen", "Mencetak laporan Z…"))
        self._ctx.runner.run(
            lambda: self._ctx.back_end.reports.print_shift(shift_id),
            lambda jobs: self._printed(shift_id, jobs),
            lambda _error: self._not_printed(shift_id),
        )

    def _printed(self, shift_id: str, jobs: list[int]) -> None:
        if self.figures is None or self.figures.shift_id != shift_id:
            return  # another shift's summary is up now
        self.print_again.setEnabled(True)
        self.printed.setText(
            translate(
                "ShiftDoneScreen", "Laporan Z dan {count} slip UMKM dikirim ke printer."
            ).format(count=len(jobs) - 1)
        )

    def _not_printed(self, shift_id: str) -> None:
        if self.figures is None or self.figures.shift_id != shift_id:
            return
        self.print_again.setEnabled(True)
        self.printed.setText(
            translate("ShiftDoneScreen", "Laporan Z tidak dapat dicetak; tekan Cetak lagi.")
        )
