"""Monthly exports: choose month, separator and destination, then write every CSV of the
registry (off the GUI thread, one after another, with progress)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout

from ...services.export_kinds import EXPORT_KINDS, ExportKind
from ...services.private_files import private_folder
from ..context import UiContext
from ..i18n import translate
from ..theme import px
from ..widgets.buttons import button
from ..widgets.common import MessageBox
from ..widgets.month_picker import MonthPicker
from .base import AdminPage, ChoiceGroup, Go
from .folders import USB_PATTERNS, Place, places
from .words import error_text

# The registry's labels, marked here so lupdate finds them (it reads kiosk/ui only);
# tests/unit checks every registered kind's label is in the translation file.
_LABELS = (
    QT_TRANSLATE_NOOP("ExportsScreen", "Kepatuhan ASN"),
    QT_TRANSLATE_NOOP("ExportsScreen", "Ringkasan OPD"),
    QT_TRANSLATE_NOOP("ExportsScreen", "Pendapatan UMKM"),
    QT_TRANSLATE_NOOP("ExportsScreen", "Semua penjualan"),
    QT_TRANSLATE_NOOP("ExportsScreen", "Penjualan UMKM per hari"),
    QT_TRANSLATE_NOOP("ExportsScreen", "Saldo UMKM"),
    QT_TRANSLATE_NOOP("ExportsScreen", "Sesi kasir"),
)
DELIMITERS = {  # the chip's words (translated where shown): the separator
    QT_TRANSLATE_NOOP("ExportsScreen", ", (koma)"): ",",
    QT_TRANSLATE_NOOP("ExportsScreen", "; (titik koma, Excel Indonesia)"): ";",
}


class ExportsScreen(AdminPage):
    def __init__(
        self, ctx: UiContext, go: Go, *, usb_patterns: Sequence[str] = USB_PATTERNS
    ) -> None:
        super().__init__(ctx, go, translate("ExportsScreen", "Ekspor laporan bulanan"))
        self._patterns = usb_patterns
        self._places: dict[str, Place] = {}
        self._queue: list[tuple[ExportKind, Path]] = []
        self.written: list[Path] = []
        self.month = MonthPicker(ctx.back_end.stall.clock.this_month())
        form = QGridLayout()
        form.setHorizontalSpacing(px(24))
        form.setVerticalSpacing(px(16))
        form.addWidget(self._caption(translate("ExportsScreen", "Bulan")), 0, 0)
        month_row = QHBoxLayout()
        month_row.addWidget(self.month)
        month_row.addStretch(1)
        form.addLayout(month_row, 0, 1)
        form.addWidget(self._caption(translate("ExportsScreen", "Pemisah")), 1, 0)
        self.delimiter = ChoiceGroup(
            list(DELIMITERS), columns=2, text=lambda words: translate("ExportsScreen", words)
        )
        form.addWidget(self.delimiter, 1, 1)
        form.addWidget(self._caption(translate("ExportsScreen", "Simpan ke")), 2, 0)
        place_row = QHBoxLayout()
        self.destination = ChoiceGroup([], columns=2)
        self.reload = button(translate("ExportsScreen", "Muat ulang"))
        self.reload.setObjectName("reload")
        self.reload.clicked.connect(self.find_places)
        place_row.addWidget(self.destination, 1)
        place_row.addWidget(self.reload)
        form.addLayout(place_row, 2, 1)
        self.where = QLabel("")
        self.where.setObjectName("hint")
        self.where.setWordWrap(True)
        form.addWidget(self.where, 3, 1)
        form.setColumnStretch(1, 1)
        self.body.addLayout(form)
        self.destination.chosen.connect(self._show_where)

        self.start = button(
            translate("ExportsScreen", "Ekspor {count} file").format(count=len(EXPORT_KINDS)),
            "primary",
        )
        self.start.setObjectName("start")
        self.start.clicked.connect(self.export)
        self.progress = QLabel("")
        self.progress.setObjectName("big")
        self.progress.setWordWrap(True)
        self.files = QLabel("")
        self.files.setWordWrap(True)
        self.message = MessageBox()
        results = QVBoxLayout()
        results.addWidget(self.progress)
        results.addWidget(self.files)
        results.addWidget(self.message)
        self.body.addLayout(results)
        self.body.addStretch(1)
        self.body.addWidget(self.start)

    @staticmethod
    def _caption(text: str) -> QLabel:
        caption = QLabel(text)
        caption.setObjectName("big")
        return caption

    def refresh(self) -> None:
        if self._queue:
            return  # an export is running: leave its progress on screen
        self.month.set_month(self.ctx.back_end.stall.clock.this_month())
        default = self.ctx.back_end.admin.default_delimiter
        self.delimiter.select(next(k for k, v in DELIMITERS.items() if v == default))
        self.progress.setText("")
        self.files.setText("")
        self.message.clear()
        self.find_places()

    def find_places(self) -> None:
        chosen = self.destination.value
        found = places(self.ctx.back_end.admin.export_folder, self._patterns)
        self._places = {place.label: place for place in found}
        self.destination.set_options(list(self._places))
        self.destination.select(chosen if chosen in self._places else found[0].label)
        self._show_where(self.destination.value or "")

    def _show_where(self, label: str) -> None:
        place = self._places.get(label)
        self.where.setText(str(place.path) if place else "")

    def export(self) -> None:
        place = self._places.get(self.destination.value or "")
        if self._queue or place is None:
            return
        month = self.month.month
        self._queue = [(kind, place.path / kind.file_name(month)) for kind in EXPORT_KINDS]
        self.written = []
        self.message.clear()
        self.files.setText("")
        self._set_busy(True)
        self._next()

    def _next(self) -> None:
        if not self._queue:
            self._finished()
            return
        kind, path = self._queue[0]
        step = len(EXPORT_KINDS) - len(self._queue) + 1
        self.progress.setText(
            translate("ExportsScreen", "Mengekspor {step} dari {total}… ({name})").format(
                step=step, total=len(EXPORT_KINDS), name=translate("ExportsScreen", kind.label)
            )
        )
        admin = self.ctx.back_end.admin
        month = self.month.month
        delimiter = DELIMITERS[self.delimiter.value or ", (koma)"]

        def work() -> Path:
            private_folder(path.parent)
            admin.export(kind, month, path, delimiter)
            return path

        self.ctx.runner.run(work, self._wrote, self._failed)

    def _wrote(self, path: Path) -> None:
        self._queue.pop(0)
        self.written.append(path)
        folder = self.written[0].parent
        # One wrapping line, not a line each: the list grows with the registry, the page not.
        names = " · ".join(p.name for p in self.written)
        self.files.setText(
            translate("ExportsScreen", "Di {folder}:\n{names}").format(folder=folder, names=names)
        )
        self._next()

    def _finished(self) -> None:
        self._set_busy(False)
        self.progress.setText(
            translate("ExportsScreen", "Selesai: {count} file tersimpan").format(
                count=len(self.written)
            )
        )

    def _failed(self, error: Exception) -> None:
        self._queue = []
        self._set_busy(False)
        done = len(self.written)
        self.progress.setText(
            translate("ExportsScreen", "Berhenti setelah {done} dari {total} file").format(
                done=done, total=len(EXPORT_KINDS)
            )
        )
        self.message.show_message(error_text(error))

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.start, self.reload, self.month, self.delimiter, self.destination):
            widget.setEnabled(not busy)
        self.back_button.setEnabled(not busy)
