"""Importing the roster, the UMKM or their products from a CSV on a USB stick.

Always a preview first (counts, and every bad row with its line and column); nothing is
written until [Impor] is pressed, and a roster that drops many people asks once more."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..context import UiContext
from ..i18n import translate
from ..theme import px, scaled
from ..widgets.buttons import button
from ..widgets.common import MessageBox, panel
from ..widgets.month_picker import MonthPicker, month_text
from .base import AdminPage, ChoiceGroup, Go, clear_layout, compact_month_picker, kinetic
from .folders import USB_PATTERNS, csv_files, places
from .words import error_text, problem_text

KINDS = {  # the chip's words (translated where shown): the kind of data
    QT_TRANSLATE_NOOP("ImportScreen", "Daftar ASN"): "roster",
    QT_TRANSLATE_NOOP("ImportScreen", "UMKM"): "vendors",
    QT_TRANSLATE_NOOP("ImportScreen", "Produk"): "products",
}
GUESS = (("roster", "Daftar ASN"), ("asn", "Daftar ASN"), ("vendor", "UMKM"),
         ("umkm", "UMKM"), ("product", "Produk"), ("produk", "Produk"))  # fmt: skip
MAX_PROBLEMS_SHOWN = 200


@dataclass(frozen=True)
class Preview:
    kind: str
    path: Path
    as_of: dt.date | None
    problems: list[str]
    summary: str
    removed: int = 0
    active_before: int = 0
    removed_share: float = 0.0


def preview(ctx: UiContext, kind: str, path: Path, as_of: dt.date) -> Preview:
    """Runs on the runner's thread; reads the file, writes nothing."""
    admin = ctx.back_end.admin
    if kind == "roster":
        roster = admin.preview_roster(path, as_of)
        return Preview(
            kind,
            path,
            as_of,
            [problem_text(p) for p in roster.problems],
            translate(
                "ImportScreen",
                "{people} orang · baru {added} · keluar {removed} · berubah {changed}",
            ).format(
                people=len(roster.people),
                added=roster.added,
                removed=roster.removed,
                changed=roster.changed,
            ),
            roster.removed,
            roster.active_before,
            roster.removed_share,
        )
    found = admin.preview_vendors(path) if kind == "vendors" else admin.preview_products(path)
    if kind == "vendors":
        summary = translate("ImportScreen", "{count} UMKM").format(count=len(found.items))
    else:
        summary = translate("ImportScreen", "{count} produk").format(count=len(found.items))
    return Preview(kind, path, None, [problem_text(p) for p in found.problems], summary)


def run_import(ctx: UiContext, shown: Preview, force: bool) -> None:
    admin = ctx.back_end.admin
    if shown.kind == "roster":
        assert shown.as_of is not None
        admin.import_roster(shown.path, shown.as_of, force=force)
    elif shown.kind == "vendors":
        admin.import_vendors(shown.path)
    else:
        admin.import_products(shown.path)


class ImportScreen(AdminPage):
    def __init__(
        self, ctx: UiContext, go: Go, *, usb_patterns: Sequence[str] = USB_PATTERNS
    ) -> None:
        super().__init__(ctx, go, translate("ImportScreen", "Impor data"))
        self._patterns = usb_patterns
        self._files: dict[str, Path] = {}
        self.shown: Preview | None = None
        self._busy = False
        columns = QHBoxLayout()
        columns.setSpacing(px(24))
        self.body.addLayout(columns, 1)

        left = QVBoxLayout()
        left.setSpacing(px(10))
        file_row = QHBoxLayout()
        file_caption = QLabel(translate("ImportScreen", "File CSV"))
        file_caption.setObjectName("big")
        self.reload = button(translate("ImportScreen", "Muat ulang"))
        self.reload.setObjectName("reload")
        self.reload.clicked.connect(self.find_files)
        file_row.addWidget(file_caption, 1)
        file_row.addWidget(self.reload)
        self.files = ChoiceGroup([], columns=1)
        self.files.setStyleSheet(  # two-line file buttons: name, then where it is
            scaled("QPushButton { border-radius: 10px; text-align: left; padding: 6px 16px; }")
        )
        self.files.chosen.connect(self._file_chosen)
        files_scroll = QScrollArea()
        files_scroll.setWidgetResizable(True)
        files_scroll.setWidget(self.files)
        files_scroll.setMinimumHeight(px(130))
        kinetic(files_scroll.viewport())
        self.no_files = QLabel(
            translate("ImportScreen", "Tidak ada file CSV. Pasang flashdisk lalu tekan Muat ulang.")
        )
        self.no_files.setObjectName("hint")
        self.no_files.setWordWrap(True)
        kind_caption = QLabel(translate("ImportScreen", "Jenis data"))
        kind_caption.setObjectName("big")
        self.kind = ChoiceGroup(
            list(KINDS), columns=3, text=lambda kind: translate("ImportScreen", kind)
        )
        self.kind.chosen.connect(lambda _: self._changed())
        self.as_of_caption = QLabel(translate("ImportScreen", "Berlaku mulai tanggal 1"))
        self.as_of_caption.setObjectName("big")
        self.as_of = compact_month_picker(MonthPicker(ctx.back_end.stall.clock.this_month()))
        self.as_of.changed.connect(lambda _: self._changed())
        self.check = button(translate("ImportScreen", "Periksa file"), "primary")
        self.check.setObjectName("check")
        self.check.clicked.connect(self.run_preview)
        left.addLayout(file_row)
        left.addWidget(files_scroll, 1)
        left.addWidget(self.no_files)
        left.addWidget(kind_caption)
        left.addWidget(self.kind)
        left.addWidget(self.as_of_caption)
        left.addWidget(self.as_of)
        left.addWidget(self.check)
        left.setContentsMargins(0, 0, 0, 0)
        holder = QWidget()
        holder.setLayout(left)
        # Half the page up to 540 px: on a 1024 px screen the problems keep half too.
        holder.setMinimumWidth(px(470))
        holder.setMaximumWidth(px(540))
        holder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        columns.addWidget(holder, 1)

        result = panel()
        right = QVBoxLayout(result)
        right.setContentsMargins(px(20), px(16), px(20), px(16))
        right.setSpacing(px(10))
        self.headline = QLabel(
            translate("ImportScreen", "Pilih file dan jenis data, lalu tekan Periksa file.")
        )
        self.headline.setObjectName("big")
        self.headline.setWordWrap(True)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.problem_box = QWidget()
        self.problem_list = QVBoxLayout(self.problem_box)
        self.problem_list.setSpacing(px(6))
        # Rows keep their wrapped height; a stretch below the box (not AlignTop, which gives
        # each row one line's height and cuts the rest) holds them at the top.
        problems_holder = QWidget()
        holder_layout = QVBoxLayout(problems_holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(self.problem_box)
        holder_layout.addStretch(1)
        problems_scroll = QScrollArea()
        problems_scroll.setWidgetResizable(True)
        problems_scroll.setWidget(problems_holder)
        kinetic(problems_scroll.viewport())
        self.message = MessageBox()
        self.done = QLabel("")
        self.done.setObjectName("ok")
        self.done.setWordWrap(True)
        self.warning = QLabel("")
        self.warning.setObjectName("short")
        self.warning.setWordWrap(True)
        self.force = button(translate("ImportScreen", "Ya, tetap impor"), "danger")
        self.force.setObjectName("force")
        self.force.clicked.connect(lambda: self.start_import(force=True))
        self.start = button(translate("ImportScreen", "Impor"), "primary")
        self.start.setObjectName("start")
        self.start.clicked.connect(lambda: self.start_import(force=False))
        for widget in (self.headline, self.summary):
            right.addWidget(widget)
        right.addWidget(problems_scroll, 1)
        for widget in (self.message, self.done, self.warning, self.force, self.start):
            right.addWidget(widget)
        columns.addWidget(result, 1)
        self.kind.select("Daftar ASN")
        self._changed()

    def refresh(self) -> None:
        if not self._busy:
            self.find_files()

    def find_files(self) -> None:
        chosen = self.files.value
        found = csv_files(places(self.ctx.back_end.admin.export_folder, self._patterns))
        self._files = {f"{path.name}\n{place.label}": path for place, path in found}
        self.files.set_options(list(self._files))
        self.no_files.setVisible(not found)
        if chosen in self._files:
            self.files.select(chosen)
        self._changed()

    def _file_chosen(self, label: str) -> None:
        name = self._files[label].name.lower()
        guess = next((kind for word, kind in GUESS if word in name), None)
        if guess:
            self.kind.select(guess)
        self._changed()

    def _changed(self) -> None:
        """Any choice changed: the preview on screen no longer describes what would happen."""
        self.shown = None
        roster = KINDS.get(self.kind.value or "") == "roster"
        self.as_of_caption.setVisible(roster)
        self.as_of.setVisible(roster)
        self.check.setEnabled(self.files.value is not None and not self._busy)
        self._show(None)

    def run_preview(self) -> None:
        path = self._files.get(self.files.value or "")
        kind = KINDS.get(self.kind.value or "")
        if path is None or kind is None or self._busy:
            return
        as_of = self.as_of.month.first_day
        self._set_busy(True)
        self.headline.setText(translate("ImportScreen", "Memeriksa…"))
        self.done.setText("")
        self.ctx.runner.run(
            lambda: preview(self.ctx, kind, path, as_of), self._previewed, self._failed
        )

    def _previewed(self, shown: Preview) -> None:
        self._set_busy(False)
        self.shown = shown
        self._show(shown)

    def _show(self, shown: Preview | None) -> None:
        clear_layout(self.problem_list)
        self.message.clear()
        self.warning.hide()
        self.force.hide()
        self.summary.setText("")
        if shown is None:
            self.headline.setText(
                translate("ImportScreen", "Pilih file dan jenis data, lalu tekan Periksa file.")
            )
            self.start.setEnabled(False)
            return
        # With problems the counts would describe a file that will never be imported.
        name, summary = shown.path.name, shown.summary
        if shown.kind != "roster":
            text = "{name}" if shown.problems else "{name}: {summary}"
        elif shown.problems:
            text = translate("ImportScreen", "{name} (berlaku 1 {month})")
        else:
            text = translate("ImportScreen", "{name} (berlaku 1 {month}): {summary}")
        month = month_text(self.as_of.month)
        self.summary.setText(text.format(name=name, month=month, summary=summary))
        if shown.problems:
            count = len(shown.problems)
            self.headline.setText(
                translate(
                    "ImportScreen",
                    "Ada {count} masalah. Perbaiki file dulu; belum ada yang diimpor.",
                ).format(count=count)
            )
            self.headline.setObjectName("flag")
            for text in shown.problems[:MAX_PROBLEMS_SHOWN]:
                row = QLabel(text)
                row.setWordWrap(True)
                row.setObjectName("problem")
                self.problem_list.addWidget(row)
                row.show()
            if count > MAX_PROBLEMS_SHOWN:
                more = translate("ImportScreen", "… dan {count} lagi")
                self.problem_list.addWidget(QLabel(more.format(count=count - MAX_PROBLEMS_SHOWN)))
        else:
            self.headline.setText(
                translate("ImportScreen", "File baik. Tekan Impor untuk menyimpan.")
            )
            self.headline.setObjectName("ok")
        self.headline.style().unpolish(self.headline)
        self.headline.style().polish(self.headline)
        self.start.setEnabled(not shown.problems and not self._busy)

    def _too_many_removed(self, shown: Preview) -> bool:
        limit = self.ctx.back_end.admin.limits.max_deactivation_share
        return shown.kind == "roster" and shown.removed_share > limit

    def start_import(self, *, force: bool) -> None:
        shown = self.shown
        if shown is None or shown.problems or self._busy:
            return
        if self._too_many_removed(shown) and not force:
            # A partial file is the usual mistake: ask once more, in place.
            self.warning.setText(
                translate(
                    "ImportScreen",
                    "Daftar ini mengeluarkan {removed} dari {before} orang ({share}). Biasanya "
                    "itu tanda file tidak lengkap. Tekan Ya, tetap impor hanya bila memang "
                    "sebanyak itu yang keluar.",
                ).format(
                    removed=shown.removed,
                    before=shown.active_before,
                    share=f"{shown.removed_share:.0%}",
                )
            )
            self.warning.show()
            self.force.show()
            return
        self._set_busy(True)
        self.ctx.runner.run(
            lambda: run_import(self.ctx, shown, force),
            lambda _: self._imported(shown),
            self._failed,
        )

    def _imported(self, shown: Preview) -> None:
        self._set_busy(False)
        self.shown = None
        self.start.setEnabled(False)
        self.warning.hide()
        self.force.hide()
        self.done.setText(
            translate("ImportScreen", "Berhasil diimpor: {name} — {summary}.").format(
                name=shown.path.name, summary=shown.summary
            )
        )

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        self.headline.setText(translate("ImportScreen", "Belum ada yang diimpor."))
        self.message.show_message(error_text(error))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.check, self.reload, self.files, self.kind, self.as_of, self.force):
            widget.setEnabled(not busy)
        self.start.setEnabled(not busy and self.shown is not None and not self.shown.problems)
        self.back_button.setEnabled(not busy)
