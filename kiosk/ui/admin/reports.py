"""Laporan: the X-report of the open shift, the Z-reports of a day, and the UMKM slips of a
shift or a day, each shown as the receipt printer would print it (the text preview, in a
scroll) and printable. Every read and print goes through the runner; the figures are the
back end's (services/reports.py), the same the paper and `jikubata report` show."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from ...services.report_figures import UmkmSlip
from ...services.shift_figures import ShiftFigures
from ..context import UiContext
from ..i18n import translate
from ..theme import px, scaled
from ..widgets.buttons import button
from ..widgets.common import MessageBox, panel
from .base import AdminPage, ChoiceGroup, Go, keypad_column, kinetic

X, Z, SLIPS = "x", "z", "slips"
WHOLE_DAY = "day"  # the slips' scope: every sale of the day, not one shift
KIND_WORDS = {
    X: QT_TRANSLATE_NOOP("ReportsScreen", "Laporan X (sesi berjalan)"),
    Z: QT_TRANSLATE_NOOP("ReportsScreen", "Laporan Z (sesi ditutup)"),
    SLIPS: QT_TRANSLATE_NOOP("ReportsScreen", "Slip UMKM"),
}


@dataclass
class Shown:
    """What the page shows now: the texts of the report or the slips, and where they came
    from (so Cetak prints the same thing, read afresh)."""

    kind: str
    day: dt.date
    shifts: list[ShiftFigures] = field(default_factory=list)
    scope: str | None = None  # a shift id, or WHOLE_DAY for the day's slips
    texts: list[str] = field(default_factory=list)
    slips: list[UmkmSlip] = field(default_factory=list)


class ReportsScreen(AdminPage):
    def __init__(self, ctx: UiContext, go: Go) -> None:
        super().__init__(ctx, go, translate("ReportsScreen", "Laporan"))
        self.reports = ctx.back_end.reports
        self.tz = ctx.back_end.stall.clock.tz
        self.kiosk_id = ctx.back_end.stall.kiosk_id
        self.shown = Shown(X, ctx.back_end.stall.clock.today())
        self.slip_index = 0
        self._asked = 0  # only the newest read counts
        columns = QHBoxLayout()
        columns.setSpacing(px(24))
        self.body.addLayout(columns, 1)

        self.kinds = ChoiceGroup(
            list(KIND_WORDS), 1, text=lambda kind: translate("ReportsScreen", KIND_WORDS[kind])
        )
        self.kinds.chosen.connect(self.choose_kind)
        self.day_row = QWidget()
        days = QHBoxLayout(self.day_row)
        days.setContentsMargins(0, 0, 0, 0)
        days.setSpacing(px(8))
        self.day_back = self._arrow(
            "‹", "day_previous", translate("ReportsScreen", "Hari sebelumnya")
        )
        self.day_next = self._arrow("›", "day_next", translate("ReportsScreen", "Hari berikutnya"))
        self.day_back.clicked.connect(lambda: self.move_day(-1))
        self.day_next.clicked.connect(lambda: self.move_day(1))
        self.day_label = QLabel("")
        self.day_label.setObjectName("big")
        self.day_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        days.addWidget(self.day_back)
        days.addWidget(self.day_label, 1)
        days.addWidget(self.day_next)
        self.scopes = ChoiceGroup([], 2, text=self._scope_text)
        self.scopes.chosen.connect(self.choose_scope)
        self.hint = QLabel("")
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        columns.addWidget(
            keypad_column((self.kinds, self.day_row, self.scopes, self.hint), 420, 380), 1
        )

        right = QVBoxLayout()
        right.setSpacing(px(12))
        self.caption = QLabel("")
        self.caption.setObjectName("big")
        self.caption.setWordWrap(True)
        right.addWidget(self.caption)
        self.paper = QLabel("")
        self.paper.setObjectName("paper")
        self.paper.setTextFormat(Qt.TextFormat.PlainText)
        # Left-aligned lines (Qt centres each line of a centred label): the paper itself is
        # centred in the scroll by the stretches around it.
        self.paper.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.paper.setStyleSheet(
            scaled(
                "font-family: 'DejaVu Sans Mono', 'Liberation Mono', monospace;"
                " font-size: 12pt; background: white; color: black; padding: 12px 0px;"
            )
        )
        self.paper.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        sheet = QWidget()
        sheet.setObjectName("paper_sheet")
        centred = QHBoxLayout(sheet)
        centred.setContentsMargins(0, 0, 0, 0)
        centred.addStretch(1)
        centred.addWidget(self.paper)
        centred.addStretch(1)
        self.scroll.setWidget(sheet)
        kinetic(self.scroll.viewport())
        holder = panel()
        inside = QVBoxLayout(holder)
        inside.setContentsMargins(px(8), px(8), px(8), px(8))
        inside.addWidget(self.scroll)
        right.addWidget(holder, 1)

        self.slip_row = QWidget()
        slips = QHBoxLayout(self.slip_row)
        slips.setContentsMargins(0, 0, 0, 0)
        slips.setSpacing(px(8))
        self.slip_back = self._arrow(
            "‹", "slip_previous", translate("ReportsScreen", "Slip sebelumnya")
        )
        self.slip_next = self._arrow(
            "›", "slip_next", translate("ReportsScreen", "Slip berikutnya")
        )
        self.slip_back.clicked.connect(lambda: self.move_slip(-1))
        self.slip_next.clicked.connect(lambda: self.move_slip(1))
        self.slip_label = QLabel("")
        self.slip_label.setObjectName("big")
        self.slip_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.slip_label.setWordWrap(True)
        slips.addWidget(self.slip_back)
        slips.addWidget(self.slip_label, 1)
        slips.addWidget(self.slip_next)
        right.addWidget(self.slip_row)

        self.message = MessageBox()
        self.done = QLabel("")
        self.done.setObjectName("ok")
        self.done.setWordWrap(True)
        self.done.hide()
        right.addWidget(self.message)
        right.addWidget(self.done)
        actions = QHBoxLayout()
        actions.setSpacing(px(16))
        self.print_all = button(translate("ReportsScreen", "Cetak semua slip"))
        self.print_all.setObjectName("print_all_slips")
        self.print_all.setStyleSheet(scaled("min-height: 72px;"))
        self.print_all.clicked.connect(lambda: self.print_shown(every_slip=True))
        self.print_button = button(translate("ReportsScreen", "Cetak"), "primary")
        self.print_button.setObjectName("print_report")
        self.print_button.clicked.connect(lambda: self.print_shown(every_slip=False))
        actions.addWidget(self.print_all, 1)
        actions.addWidget(self.print_button, 1)
        right.addLayout(actions)
        columns.addLayout(right, 2)

    def _arrow(self, symbol: str, name: str, meaning: str):  # type: ignore[no-untyped-def]
        arrow = button(symbol)
        arrow.setObjectName(name)
        arrow.setAccessibleName(meaning)
        arrow.setFixedWidth(px(72))
        arrow.setStyleSheet(scaled("font-size: 26pt; padding: 0px;"))
        return arrow

    # -- choosing ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Each visit: the X-report of the open shift, today."""
        self.shown = Shown(X, self.ctx.back_end.stall.clock.today())
        self.load()

    def choose_kind(self, kind: str) -> None:
        self.shown = Shown(kind, self.shown.day)
        self.load()

    def choose_scope(self, scope: str) -> None:
        self.shown = Shown(self.shown.kind, self.shown.day, self.shown.shifts, scope)
        self.load()

    def move_day(self, step: int) -> None:
        day = self.shown.day + dt.timedelta(days=step)
        if day > self.ctx.back_end.stall.clock.today():
            return
        self.shown = Shown(self.shown.kind, day)
        self.load()

    def move_slip(self, step: int) -> None:
        count = len(self.shown.texts)
        if count:
            self.slip_index = (self.slip_index + step) % count
            self._show_paper()

    # -- reading -------------------------------------------------------------------------------
    def load(self) -> None:
        self._asked += 1
        asked, wanted = self._asked, self.shown
        self.message.clear()
        self._say("")
        self._show_choices()
        self.paper.setText(translate("ReportsScreen", "Memuat…"))
        self.print_button.setEnabled(False)
        self.print_all.setEnabled(False)
        self.ctx.runner.run(
            lambda: self._read(wanted),
            lambda shown: self._loaded(asked, shown),
            lambda _error: self._failed(asked),
        )

    def _read(self, wanted: Shown) -> Shown:  # on the runner's thread
        reports = self.reports
        if wanted.kind == X:
            report = reports.x_report()
            texts = [] if report is None else [reports.report_text(report)]
            scope = None if report is None else report.figures.shift_id
            return Shown(X, wanted.day, [], scope, texts)
        shifts = reports.shifts_on(wanted.day)
        if wanted.kind == Z:
            closed = [f for f in shifts if not f.is_open]
            scope = wanted.scope or (closed[-1].shift_id if closed else None)
            texts = [reports.report_text(reports.shift_report(scope))] if scope else []
            return Shown(Z, wanted.day, closed, scope, texts)
        scope = wanted.scope or WHOLE_DAY
        slips = reports.day_slips(wanted.day) if scope == WHOLE_DAY else reports.shift_slips(scope)
        texts = [reports.slip_text(slip) for slip in slips]
        return Shown(SLIPS, wanted.day, shifts, scope, texts, slips)

    def _loaded(self, asked: int, shown: Shown) -> None:
        if asked != self._asked:
            return
        self.shown = shown
        self.slip_index = 0
        self._show_choices()
        self._show_paper()

    def _failed(self, asked: int) -> None:
        if asked != self._asked:
            return
        self.paper.setText("")
        self.message.show_message(
            translate("ReportsScreen", "Laporan tidak dapat dimuat. Coba lagi.")
        )

    # -- showing -------------------------------------------------------------------------------
    def _scope_text(self, scope: str) -> str:
        if scope == WHOLE_DAY:
            return translate("ReportsScreen", "Sehari penuh")
        shift = next((f for f in self.shown.shifts if f.shift_id == scope), None)
        if shift is None:
            return scope
        words = translate("ReportsScreen", "Sesi {number}").format(number=shift.shift_no)
        if shift.kiosk_id != self.kiosk_id:
            words = f"{words} · {shift.kiosk_id}"
        return words

    def _show_choices(self) -> None:
        shown = self.shown
        self.kinds.select(shown.kind)
        self.day_row.setVisible(shown.kind != X)
        self.day_label.setText(f"{shown.day:%d-%m-%Y}")
        self.day_next.setEnabled(shown.day < self.ctx.back_end.stall.clock.today())
        options: list[str] = []
        if shown.kind == Z:
            options = [f.shift_id for f in shown.shifts]
        elif shown.kind == SLIPS:
            options = [WHOLE_DAY, *(f.shift_id for f in shown.shifts)]
        if options != list(self.scopes.buttons):
            self.scopes.set_options(options)
        self.scopes.setVisible(bool(options))
        self.scopes.select(shown.scope if shown.scope in options else None)
        self.slip_row.setVisible(shown.kind == SLIPS)
        self.print_all.setVisible(shown.kind == SLIPS)

    def _show_paper(self) -> None:
        shown = self.shown
        texts = shown.texts
        if shown.kind == SLIPS:
            self.slip_label.setText(
                translate("ReportsScreen", "Slip {number} dari {count}").format(
                    number=self.slip_index + 1, count=len(texts)
                )
                if texts
                else translate("ReportsScreen", "Tidak ada slip")
            )
            for arrow in (self.slip_back, self.slip_next):
                arrow.setEnabled(len(texts) > 1)
        text = texts[self.slip_index] if shown.kind == SLIPS and texts else "\n".join(texts)
        self.paper.setText(text.rstrip("\n"))
        self.paper.setAccessibleName(self._caption())
        self.caption.setText(self._caption())
        self.hint.setText(self._hint())
        self.print_button.setText(
            translate("ReportsScreen", "Cetak slip ini")
            if shown.kind == SLIPS
            else translate("ReportsScreen", "Cetak")
        )
        self.print_button.setEnabled(bool(texts))
        self.print_all.setEnabled(len(texts) > 1)
        self.scroll.verticalScrollBar().setValue(0)

    def _caption(self) -> str:
        shown = self.shown
        if not shown.texts:
            return {
                X: translate("ReportsScreen", "Tidak ada sesi yang sedang buka."),
                Z: translate("ReportsScreen", "Belum ada sesi yang ditutup pada hari ini."),
                SLIPS: translate("ReportsScreen", "Tidak ada penjualan pada hari ini."),
            }[shown.kind]
        if shown.kind == SLIPS:
            slip = shown.slips[self.slip_index]
            return translate("ReportsScreen", "Slip UMKM {name}").format(name=slip.nama_umkm)
        return translate("ReportsScreen", KIND_WORDS[shown.kind])

    def _hint(self) -> str:
        return {
            X: translate("ReportsScreen", "Sesi yang sedang berjalan: tidak ada yang ditutup."),
            Z: translate("ReportsScreen", "Pilih hari, lalu sesi yang sudah ditutup."),
            SLIPS: translate("ReportsScreen", "Pilih hari, lalu sehari penuh atau satu sesi."),
        }[self.shown.kind]

    # -- printing ------------------------------------------------------------------------------
    def print_shown(self, *, every_slip: bool) -> None:
        """Print what is shown, read afresh (the ledger head is the one at printing)."""
        shown, reports = self.shown, self.reports
        if not shown.texts:
            return
        if shown.kind == SLIPS:
            wanted = None if every_slip else shown.slips[self.slip_index].kode_umkm

            def work() -> list[int]:
                slips = (
                    reports.day_slips(shown.day)
                    if shown.scope == WHOLE_DAY
                    else reports.shift_slips(shown.scope or "")
                )
                return reports.print_slips([s for s in slips if wanted in (None, s.kode_umkm)])
        else:
            scope = shown.scope or ""

            def work() -> list[int]:
                return [reports.print_report(reports.shift_report(scope))]

        self.print_button.setEnabled(False)
        self.print_all.setEnabled(False)
        self._say("")
        self.message.clear()
        self.ctx.runner.run(work, self._printed, self._print_failed)

    def _printed(self, jobs: list[int]) -> None:
        self._enable_printing()
        if self.shown.kind == SLIPS:
            self._say(
                translate("ReportsScreen", "{count} slip dikirim ke printer.").format(
                    count=len(jobs)
                )
            )
        else:
            self._say(translate("ReportsScreen", "Laporan dikirim ke printer."))

    def _say(self, text: str) -> None:
        self.done.setText(text)
        self.done.setVisible(bool(text))

    def _print_failed(self, _error: Exception) -> None:
        self._enable_printing()
        self.message.show_message(
            translate("ReportsScreen", "Laporan tidak dapat dikirim ke printer. Coba lagi.")
        )

    def _enable_printing(self) -> None:
        self.print_button.setEnabled(bool(self.shown.texts))
        self.print_all.setEnabled(len(self.shown.texts) > 1)
