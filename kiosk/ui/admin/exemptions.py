"""Excusing an ASN for a month (leave, sickness, duty travel): NIP by keypad or card scan,
the person's name shown from the roster before anything is written."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout

from ...domain.months import Month
from ...domain.nip import nip_problem
from ...domain.records import RosterPerson
from ..context import UiContext
from ..i18n import translate
from ..theme import px, scaled
from ..widgets.buttons import button
from ..widgets.common import MessageBox, panel
from ..widgets.keypad import Keypad
from ..widgets.month_picker import MonthPicker, month_text
from ..widgets.texts import grouped_nip
from .base import AdminPage, ChoiceGroup, Go, compact_month_picker, keypad_column
from .words import error_text

# Recorded in Indonesian (the ledger and the exports stay Indonesian); shown translated.
EXEMPTION_REASONS = (
    QT_TRANSLATE_NOOP("ExemptionsScreen", "Cuti"),
    QT_TRANSLATE_NOOP("ExemptionsScreen", "Sakit"),
    QT_TRANSLATE_NOOP("ExemptionsScreen", "Dinas luar"),
    QT_TRANSLATE_NOOP("ExemptionsScreen", "Tugas belajar"),
    QT_TRANSLATE_NOOP("ExemptionsScreen", "Lainnya"),
)
ACTOR = "admin"


@dataclass(frozen=True)
class Found:
    nip: str
    month: Month
    person: RosterPerson | None
    already: bool


class ExemptionsScreen(AdminPage):
    def __init__(self, ctx: UiContext, go: Go) -> None:
        super().__init__(ctx, go, translate("ExemptionsScreen", "Pengecualian"))
        self.found: Found | None = None
        self._busy = False
        self._listening = False
        columns = QHBoxLayout()
        columns.setSpacing(px(24))
        self.body.addLayout(columns, 1)

        caption = QLabel(translate("ExemptionsScreen", "NIP — ketik atau pindai kartu"))
        caption.setObjectName("big")
        caption.setWordWrap(True)
        self.display = QLabel("")
        self.display.setObjectName("display")
        self.display.setMinimumHeight(px(72))
        self.display.setStyleSheet(scaled("font-size: 20pt;"))  # all 18 digits fit 1024 px
        self.keypad = Keypad(max_length=18, extra="")
        self.keypad.changed.connect(self._typed)
        columns.addWidget(keypad_column((caption, self.display, self.keypad), 440, 416), 1)

        right = QVBoxLayout()
        right.setSpacing(px(12))
        self.person = panel()
        person_layout = QVBoxLayout(self.person)
        person_layout.setContentsMargins(px(20), px(12), px(20), px(12))
        self.name = QLabel("")
        self.name.setObjectName("big")
        self.name.setWordWrap(True)
        self.detail = QLabel("")
        self.detail.setWordWrap(True)
        person_layout.addWidget(self.name)
        person_layout.addWidget(self.detail)
        month_row = QHBoxLayout()
        month_caption = QLabel(translate("ExemptionsScreen", "Bulan"))
        month_caption.setObjectName("big")
        self.month = MonthPicker(ctx.back_end.stall.clock.this_month())
        compact_month_picker(self.month)
        self.month.changed.connect(lambda _: self.look_up())
        month_row.addWidget(self.month)
        month_row.addStretch(1)
        reason_caption = QLabel(translate("ExemptionsScreen", "Alasan"))
        reason_caption.setObjectName("big")
        self.reasons = ChoiceGroup(
            EXEMPTION_REASONS,
            columns=3,
            text=lambda reason: translate("ExemptionsScreen", reason),
        )
        self.reasons.chosen.connect(lambda _: self._update_action())
        self.message = MessageBox()
        self.done = QLabel("")
        self.done.setObjectName("ok")
        self.done.setWordWrap(True)
        self.done.setStyleSheet(scaled("font-size: 22pt;"))
        self.action = button(translate("ExemptionsScreen", "Kecualikan"), "primary")
        self.action.setObjectName("action")
        self.action.clicked.connect(self.confirm)
        right.addWidget(self.person)
        # A caption above, as for the reasons: beside the picker it is too wide for 1024 px.
        right.addWidget(month_caption)
        right.addLayout(month_row)
        right.addWidget(reason_caption)
        right.addWidget(self.reasons)
        right.addStretch(1)
        right.addWidget(self.message)
        right.addWidget(self.done)
        right.addWidget(self.action)
        columns.addLayout(right, 2)

    # The scanner is shared by every screen: listen only while this one is shown.
    def showEvent(self, event: QShowEvent) -> None:
        if not self._listening:
            self.ctx.scanner.scanned.connect(self.scanned)
            self._listening = True
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        if self._listening:
            self.ctx.scanner.scanned.disconnect(self.scanned)
            self._listening = False
        super().hideEvent(event)

    def refresh(self) -> None:
        if self._busy:
            return
        self.month.set_month(self.ctx.back_end.stall.clock.this_month())
        self.keypad.set_text("")
        self.done.setText("")

    def scanned(self, payload: str) -> None:
        try:
            nip = self.ctx.back_end.admin.nip_from_scan(payload)
        except Exception:  # refused, or the card list unreadable: typing still works
            self.message.show_message(
                translate(
                    "ExemptionsScreen", "Kartu tidak dapat dibaca. Ketik NIP pada tombol angka."
                )
            )
            return
        self.keypad.set_text(nip)

    def _typed(self, digits: str) -> None:
        self.display.setText(grouped_nip(digits))
        self.found = None
        self.message.clear()
        self._show_person()
        if len(digits) == 18:
            self.look_up()

    def look_up(self) -> None:
        nip, month = self.keypad.text, self.month.month
        self.found = None
        self._show_person()
        if len(nip) != 18:
            return
        if nip_problem(nip):
            self.message.show_message(
                translate("ExemptionsScreen", "NIP tidak valid. Periksa kembali (18 angka).")
            )
            return
        self.message.clear()
        admin = self.ctx.back_end.admin

        def work() -> Found:
            # The roster that judges the month is the one in force on its last day.
            check = admin.check_exemption(nip, month)
            return Found(nip, month, check.person, check.already_exempt)

        self.ctx.runner.run(work, self._found, lambda e: self.message.show_message(error_text(e)))

    def _found(self, found: Found) -> None:
        if (found.nip, found.month) != (self.keypad.text, self.month.month):
            return  # stale: the NIP or month changed while looking
        self.found = found
        self._show_person()

    def _show_person(self) -> None:
        found = self.found
        if found is None:
            self.name.setText(
                translate("ExemptionsScreen", "Belum ada NIP")
                if len(self.keypad.text) < 18
                else translate("ExemptionsScreen", "Mencari…")
            )
            self.detail.setText("")
        elif found.person is None:
            self.name.setText(translate("ExemptionsScreen", "Tidak ada di daftar ASN"))
            self.detail.setText(
                translate("ExemptionsScreen", "NIP ini tidak terdaftar untuk {month}.").format(
                    month=month_text(found.month)
                )
            )
        else:
            self.name.setText(found.person.nama)
            person = f"{found.person.jabatan} · {found.person.opd}"  # data only
            if found.already:
                text = translate("ExemptionsScreen", "{person}\nSudah dikecualikan untuk {month}.")
                person = text.format(person=person, month=month_text(found.month))
            self.detail.setText(person)
        self._update_action()

    def _update_action(self) -> None:
        found = self.found
        ready = (
            found is not None
            and found.person is not None
            and not found.already
            and self.reasons.value is not None
            and not self._busy
        )
        self.action.setEnabled(ready)

    def confirm(self) -> None:
        found, reason = self.found, self.reasons.value
        if found is None or found.person is None or reason is None or self._busy:
            return
        self._busy = True
        self._update_action()
        self.ctx.runner.run(
            lambda: self.ctx.back_end.admin.exempt(found.nip, found.month, reason, actor=ACTOR),
            lambda _: self._exempted(found),
            self._failed,
        )

    def _exempted(self, found: Found) -> None:
        self._busy = False
        self.found = Found(found.nip, found.month, found.person, True)
        self._show_person()
        name = found.person.nama if found.person else found.nip
        self.done.setText(
            translate("ExemptionsScreen", "{name} dikecualikan untuk {month}.").format(
                name=name, month=month_text(found.month)
            )
        )
        self.reasons.select(None)

    def _failed(self, error: Exception) -> None:
        self._busy = False
        self._update_action()
        self.message.show_message(error_text(error))
