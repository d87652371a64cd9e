"""Sesi ditutup: the closed shift's summary as the ledger recorded it. Selesai leaves the till
with nobody on duty; Buka sesi baru lets the closer count a float and sell on."""

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
        row.addWidget(self.new_shift, 1)
        row.addWidget(self.done, 2)
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
