"""Sinkronisasi pusat: the sync with central as the kiosk last saw it (the last successful
sync, the entries waiting, the last error, the alarm), read from the kiosk's own ledger
through the back end; nothing here touches the network. Only on a kiosk with a central."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel

from ...services.central_status import CentralStatus
from ..context import UiContext
from ..i18n import translate
from ..theme import px, scaled
from ..widgets.buttons import button
from ..widgets.common import MessageBox, panel
from .base import AdminPage, Go


def alarm_text(alarm: str) -> str:
    """The alarm as the admin menu and this page show it (the reason stays as the sync
    recorded it: one sentence)."""
    return translate(
        "CentralScreen", "Pengiriman ke pusat dihentikan, hubungi petugas TI: {alarm}"
    ).format(alarm=alarm)


def summary_text(status: CentralStatus) -> str:
    """The whole state in one or two sentences."""
    if status.last_ok_at is None:
        text = translate(
            "CentralScreen",
            "Belum pernah berhasil sinkron dengan pusat; {waiting} catatan menunggu dikirim.",
        )
    else:
        text = translate(
            "CentralScreen",
            "Terakhir berhasil sinkron {when}; {waiting} catatan menunggu dikirim.",
        )
    return text.format(when=when_text(status), waiting=status.waiting)


def when_text(status: CentralStatus) -> str:
    if status.last_ok_at is None:
        return translate("CentralScreen", "Belum pernah")
    return status.last_ok_at.strftime("%d-%m-%Y %H:%M")


class CentralScreen(AdminPage):
    def __init__(self, ctx: UiContext, go: Go) -> None:
        super().__init__(ctx, go, translate("CentralScreen", "Sinkronisasi pusat"))
        self.alarm = MessageBox()  # red, named "message" by the style sheet
        self.body.addWidget(self.alarm)
        self.summary = QLabel("")
        self.summary.setObjectName("big")
        self.summary.setWordWrap(True)
        self.body.addWidget(self.summary)
        box = panel()
        grid = QGridLayout(box)
        grid.setContentsMargins(px(24), px(16), px(24), px(16))
        grid.setHorizontalSpacing(px(32))
        grid.setVerticalSpacing(px(14))
        self.values: dict[str, QLabel] = {}
        rows = (
            ("last_ok", translate("CentralScreen", "Terakhir berhasil")),
            ("waiting", translate("CentralScreen", "Menunggu dikirim")),
            ("error", translate("CentralScreen", "Gagal terakhir")),
        )
        for row, (key, caption) in enumerate(rows):
            name = QLabel(caption)
            name.setObjectName("hint")
            value = QLabel("")
            value.setWordWrap(True)
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
            self.values[key] = value
        grid.setColumnStretch(1, 1)
        self.body.addWidget(box)
        self.failed = MessageBox()
        self.body.addWidget(self.failed)
        self.body.addStretch(1)
        actions = QHBoxLayout()
        self.recheck = button(translate("CentralScreen", "Periksa lagi"))
        self.recheck.setObjectName("recheck")
        self.recheck.setStyleSheet(scaled("min-height: 72px;"))
        self.recheck.clicked.connect(self.refresh)
        actions.addStretch(1)
        actions.addWidget(self.recheck)
        self.body.addLayout(actions)

    def refresh(self) -> None:
        self.failed.clear()
        self.recheck.setEnabled(False)
        self.ctx.runner.run(self.ctx.back_end.admin.central_status, self._show, self._failed)

    def _show(self, status: CentralStatus | None) -> None:
        self.recheck.setEnabled(True)
        if status is None:  # not reached from the menu: the tile is only there with a central
            return
        self.summary.setText(summary_text(status))
        self.values["last_ok"].setText(when_text(status))
        self.values["waiting"].setText(
            translate("CentralScreen", "{waiting} catatan").format(waiting=status.waiting)
        )
        self.values["error"].setText(status.last_error or translate("CentralScreen", "Tidak ada"))
        if status.alarm:
            self.alarm.show_message(alarm_text(status.alarm))
        else:
            self.alarm.clear()

    def _failed(self, _error: Exception) -> None:
        self.recheck.setEnabled(True)
        self.failed.show_message(
            translate("CentralScreen", "Status sinkronisasi tidak dapat dibaca. Coba lagi.")
        )
