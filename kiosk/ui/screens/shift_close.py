"""Tutup sesi: count the drawer, check it against what the ledger expects, explain a
difference, close.

1. Count: a tile per note (Rp100.000 … Rp1.000) and one for the coins as an amount; touch a
   tile, type its count on the keypad. The running total shows as it grows. The expected
   cash is not shown yet: the drawer is counted as it is, not towards a number.
2. Check: float, cash in and out, what the drawer should hold, what was counted and the
   difference; QRIS apart. A difference needs a reason: one of the short list or typed.
3. Typed reason: an on-screen keyboard (page 3), back to the check page.

Closing runs through the back end off the GUI thread; the ledger refuses when its figures
moved meanwhile (they are shown again) or the shift was closed elsewhere."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError
from ...domain.money import format_rupiah
from ...domain.shift import REASON_LIMIT, REASON_TEXT, ShiftProblem
from ...domain.till import DENOMINATIONS, CashCount
from ...services.shift_figures import OpenShift, ShiftFigures
from ..admin.base import ChoiceGroup
from ..admin.words import error_text
from ..context import UiContext
from ..i18n import translate
from ..theme import GAP, px, scaled
from ..widgets.buttons import button
from ..widgets.common import MessageBox, label, restyle
from ..widgets.keypad import Keypad
from ..widgets.letter_keys import LetterKeys
from ..widgets.shift_figures_view import (
    ShiftFiguresView,
    difference_style,
    difference_words,
)

COINS = "coins"
NOTE_DIGITS, COIN_DIGITS = 4, 7  # at most 9.999 notes of a kind; coins up to Rp9.999.999
KEYPAD_WIDTH = 360  # px at scale 1
KEYPAD_SHARE = 0.34
COUNT, CHECK, TYPING = 0, 1, 2
# domain.shift.REASON_TEXT, marked for translation: the ledger keeps the Indonesian words;
# only the chips show them translated.
REASON_WORDS = (
    QT_TRANSLATE_NOOP("ShiftCloseScreen", "Kembalian salah"),
    QT_TRANSLATE_NOOP("ShiftCloseScreen", "Penjualan belum dicatat"),
    QT_TRANSLATE_NOOP("ShiftCloseScreen", "Uang keluar tanpa catatan"),
    QT_TRANSLATE_NOOP("ShiftCloseScreen", "Salah hitung"),
)
REASONS = tuple(REASON_TEXT.values())


def reason_text(reason: str) -> str:
    return translate("ShiftCloseScreen", reason) if reason in REASON_WORDS else reason


class ShiftCloseScreen(QWidget):
    closed = Signal(object)  # ShiftFigures of the closed shift
    back_requested = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self._ctx = ctx
        self.operator = ""
        self.shift: OpenShift | None = None
        self.figures: ShiftFigures | None = None  # as last read: what the check page shows
        self.pieces: dict[int, int] = {}
        self.coins = 0
        self.selected: int | str = DENOMINATIONS[0]
        self.typed_reason = ""
        self._busy = False
        self._selecting = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 12, 32, 12)
        self.pages = QStackedWidget()
        self.pages.setObjectName("inner")
        self.pages.addWidget(self._count_page())
        self.pages.addWidget(self._check_page())
        self.pages.addWidget(self._typing_page())
        layout.addWidget(self.pages, 1)

    # -- page 1: the count ------------------------------------------------------------------
    def _count_page(self) -> QWidget:
        page = QWidget()
        layout = QHBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(px(32))
        left = QVBoxLayout()
        left.setSpacing(10)
        left.addWidget(label(translate("ShiftCloseScreen", "Hitung uang di laci"), "title"))
        left.addWidget(
            label(
                translate("ShiftCloseScreen", "Sentuh satu pecahan, lalu ketik jumlah lembarnya."),
                "hint",
                wrap=True,
            )
        )
        grid = QGridLayout()
        grid.setSpacing(GAP)
        self.tiles: dict[int | str, QPushButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        for index, key in enumerate((*DENOMINATIONS, COINS)):
            tile = button("", "chip")
            tile.setObjectName(f"count_{key}")
            tile.setStyleSheet("QPushButton { border-radius: 10px; padding: 4px 8px; }")
            tile.setMinimumHeight(px(76))
            tile.clicked.connect(lambda _=False, k=key: self.select(k))
            self._group.addButton(tile)
            grid.addWidget(tile, index // 2, index % 2)
            self.tiles[key] = tile
        left.addLayout(grid)
        total_row = QHBoxLayout()
        total_row.addWidget(label(translate("ShiftCloseScreen", "Jumlah dihitung"), "big"))
        total_row.addStretch(1)
        self.total = label("Rp0", "total")
        total_row.addWidget(self.total)
        left.addLayout(total_row)
        self.count_message = MessageBox()
        left.addWidget(self.count_message)
        left.addStretch(1)
        row = QHBoxLayout()
        row.setSpacing(24)
        self.back = button(translate("ShiftCloseScreen", "Kembali"))
        self.back.setObjectName("shift_close_back")
        self.back.clicked.connect(self.back_requested)
        row.addWidget(self.back, 1)
        self.next = button(translate("ShiftCloseScreen", "Lanjut"), "primary")
        self.next.setObjectName("shift_count_done")
        self.next.clicked.connect(self.check)
        row.addWidget(self.next, 2)
        left.addLayout(row)
        layout.addLayout(left, 1)
        right = QVBoxLayout()
        right.setSpacing(12)
        self.selected_caption = label("", "big", wrap=True)
        right.addWidget(self.selected_caption)
        self.keypad = Keypad(COIN_DIGITS, extra="000")
        self.keypad.changed.connect(self._typed)
        right.addWidget(self.keypad)
        right.addStretch(1)
        self.keypad_side = QWidget()
        self.keypad_side.setLayout(right)
        self.keypad_side.setFixedWidth(px(KEYPAD_WIDTH))
        layout.addWidget(self.keypad_side, 0, Qt.AlignmentFlag.AlignVCenter)
        return page

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        share = int(event.size().width() * KEYPAD_SHARE)
        self.keypad_side.setFixedWidth(min(px(KEYPAD_WIDTH), share))

    def start(self, operator: str, shift: OpenShift) -> None:
        """A fresh count of ``shift``'s drawer by ``operator``."""
        self.operator, self.shift, self.figures = operator, shift, None
        self.pieces, self.coins, self.typed_reason = {}, 0, ""
        self.reasons.select(None)
        self.count_message.clear()
        self.check_message.clear()
        self._set_busy(False)
        self.select(DENOMINATIONS[0])
        self._show_count()
        self.pages.setCurrentIndex(COUNT)

    def select(self, key: int | str) -> None:
        """The tile the keypad types into; typing replaces its count."""
        self.selected = key
        self.tiles[key].setChecked(True)
        self.selected_caption.setText(
            translate("ShiftCloseScreen", "Jumlah uang koin")
            if key == COINS
            else translate("ShiftCloseScreen", "Lembar {note}").format(note=format_rupiah(int(key)))
        )
        self._selecting = True
        self.keypad.set_text("")
        self._selecting = False

    def _typed(self, text: str) -> None:
        if self._selecting:
            return
        if self.selected == COINS:
            self.coins = int(text or "0")
        else:
            if len(text) > NOTE_DIGITS:
                self.keypad.set_text(text[:NOTE_DIGITS])
                return
            self.pieces[int(self.selected)] = int(text or "0")
        self._show_count()

    @property
    def count(self) -> CashCount:
        return CashCount({d: n for d, n in self.pieces.items() if n}, self.coins)

    def _show_count(self) -> None:
        for key, tile in self.tiles.items():
            if key == COINS:
                text = translate("ShiftCloseScreen", "Koin\n{amount}").format(
                    amount=format_rupiah(self.coins)
                )
            else:
                pieces = self.pieces.get(int(key), 0)
                text = f"{format_rupiah(int(key))} × {pieces}\n= {format_rupiah(int(key) * pieces)}"
            tile.setText(text)
            tile.setAccessibleName(text.replace("\n", " "))
        total = format_rupiah(self.count.total)
        self.total.setText(total)
        self.total.setAccessibleName(
            translate("ShiftCloseScreen", "Jumlah dihitung {amount}").format(amount=total)
        )

    # -- page 2: the check ------------------------------------------------------------------
    def _check_page(self) -> QWidget:
        page = QWidget()
        layout = QHBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(px(24))
        left = QVBoxLayout()
        left.setSpacing(10)
        self.check_title = label("", "title", wrap=True)
        left.addWidget(self.check_title)
        self.view = ShiftFiguresView()
        left.addWidget(self.view)
        left.addStretch(1)
        layout.addLayout(left, 3)
        right = QVBoxLayout()
        right.setSpacing(10)
        self.verdict = label("", "ok", wrap=True)  # pas, kurang or lebih, coloured
        self.verdict.setStyleSheet(scaled("font-size: 22pt;"))
        right.addWidget(self.verdict)
        self.reason_caption = label(
            translate("ShiftCloseScreen", "Pilih alasan selisihnya:"), "big", wrap=True
        )
        right.addWidget(self.reason_caption)
        self.reasons = ChoiceGroup(REASONS, columns=2, text=reason_text)
        self.reasons.chosen.connect(self._reason_chosen)
        right.addWidget(self.reasons)
        self.type_reason = button(translate("ShiftCloseScreen", "Ketik alasan lain"))
        self.type_reason.setObjectName("shift_type_reason")
        self.type_reason.clicked.connect(self._start_typing)
        right.addWidget(self.type_reason)
        self.typed_shown = label("", "hint", wrap=True)
        right.addWidget(self.typed_shown)
        self.check_message = MessageBox()
        right.addWidget(self.check_message)
        right.addStretch(1)
        self.close_button = button(translate("ShiftCloseScreen", "Tutup sesi"), "primary")
        self.close_button.setObjectName("shift_close_confirm")
        self.close_button.clicked.connect(self.close_shift)
        right.addWidget(self.close_button)
        self.recount = button(translate("ShiftCloseScreen", "Hitung ulang"))
        self.recount.setObjectName("shift_recount")
        self.recount.clicked.connect(lambda: self.pages.setCurrentIndex(COUNT))
        right.addWidget(self.recount)
        side = QWidget()
        side.setLayout(right)
        right.setContentsMargins(0, 0, 0, 0)
        # As wide as the widest reason chip (its whole words, never cut); the figures take
        # the rest.
        chips = [*self.reasons.buttons.values(), self.type_reason]
        for chip in chips:
            chip.ensurePolished()
        side.setMinimumWidth(max(chip.sizeHint().width() for chip in chips))
        layout.addWidget(side, 2)
        return page

    def check(self) -> None:
        """Lanjut: read the shift's figures as they are now, then compare."""
        shift = self.shift
        if shift is None or self._busy:
            return
        self._set_busy(True)
        till = self._ctx.back_end.till
        self._ctx.runner.run(lambda: till.figures(shift.shift_id), self._checked, self._failed)

    def _checked(self, figures: ShiftFigures) -> None:
        self._set_busy(False)
        self.count_message.clear()
        self.figures = figures
        counted = self.count.total
        self.check_title.setText(
            translate("ShiftCloseScreen", "Periksa sesi {number}").format(number=figures.shift_no)
        )
        self.view.show_figures(figures, counted)
        self._show_reason_choice()
        self.pages.setCurrentIndex(CHECK)

    @property
    def difference(self) -> int:
        return 0 if self.figures is None else self.count.total - self.figures.expected

    @property
    def reason(self) -> str | None:
        """The reason to record: the typed one if any, else the chip chosen."""
        return self.typed_reason or self.reasons.value

    def _show_reason_choice(self) -> None:
        differs = self.difference != 0
        self.verdict.setText(difference_words(self.difference))
        restyle(self.verdict, difference_style(self.difference))
        for widget in (self.reason_caption, self.reasons, self.type_reason):
            widget.setVisible(differs)
        self.typed_shown.setVisible(differs and bool(self.typed_reason))
        self.typed_shown.setText(
            translate("ShiftCloseScreen", "Alasan: {reason}").format(reason=self.typed_reason)
        )
        self._update_close()

    def _reason_chosen(self, _reason: str) -> None:
        self.typed_reason = ""
        self.check_message.clear()
        self._show_reason_choice()

    def _update_close(self) -> None:
        ready = self.figures is not None and (self.difference == 0 or bool(self.reason))
        self.close_button.setEnabled(ready and not self._busy)

    def close_shift(self) -> None:
        shift, figures = self.shift, self.figures
        if shift is None or figures is None or self._busy:
            return
        if self.difference and not self.reason:
            return  # the button is off until a reason is chosen
        self._set_busy(True)
        till, operator, count = self._ctx.back_end.till, self.operator, self.count
        reason, expected = (self.reason if self.difference else None), figures.expected
        self._ctx.runner.run(
            lambda: till.close(shift.shift_id, operator, count, reason, expected=expected),
            self._closed,
            self._failed,
        )

    def _closed(self, figures: ShiftFigures) -> None:
        self._set_busy(False)
        self.closed.emit(figures)

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        on_count = self.pages.currentIndex() == COUNT  # the figures could not be read
        (self.count_message if on_count else self.check_message).show_message(error_text(error))
        if isinstance(error, DomainError) and error.code is ShiftProblem.FIGURES_CHANGED:
            self.check()  # show what the ledger says now

    # -- page 3: a typed reason -------------------------------------------------------------
    def _typing_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(label(translate("ShiftCloseScreen", "Ketik alasan selisih"), "title"))
        self.typed = label("", "display", wrap=True)
        self.typed.setMinimumHeight(px(64))
        layout.addWidget(self.typed)
        self.letters = LetterKeys(REASON_LIMIT)
        self.letters.changed.connect(self._letters_typed)
        layout.addWidget(self.letters)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.setSpacing(24)
        back = button(translate("ShiftCloseScreen", "Kembali"))
        back.setObjectName("shift_typing_back")
        back.clicked.connect(lambda: self.pages.setCurrentIndex(CHECK))
        row.addWidget(back, 1)
        self.use_typed = button(translate("ShiftCloseScreen", "Pakai alasan ini"), "primary")
        self.use_typed.setObjectName("shift_use_reason")
        self.use_typed.clicked.connect(self._use_typed)
        row.addWidget(self.use_typed, 2)
        layout.addLayout(row)
        return page

    def _start_typing(self) -> None:
        self.letters.set_text(self.typed_reason)
        self.pages.setCurrentIndex(TYPING)

    def _letters_typed(self, text: str) -> None:
        self.typed.setText(text or " ")
        self.typed.setAccessibleName(text)
        self.use_typed.setEnabled(bool(text.strip()))

    def _use_typed(self) -> None:
        self.typed_reason = self.letters.text.strip()
        if self.typed_reason:
            self.reasons.select(None)
        self.check_message.clear()
        self.pages.setCurrentIndex(CHECK)
        self._show_reason_choice()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.next, self.back, self.keypad, self.recount, self.reasons):
            widget.setEnabled(not busy)
        self._update_close()
