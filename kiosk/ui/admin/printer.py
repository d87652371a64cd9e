"""Printer status and a test page. Asking a printer can block for its timeout, so every
question goes through the runner; the screen says "Memeriksa…" meanwhile."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel

from ...services.printer_desk import PrinterCheck
from ..context import UiContext
from ..i18n import translate
from ..theme import px, scaled
from ..widgets.buttons import button
from ..widgets.common import MessageBox, panel
from .base import AdminPage, Go

CONNECTIONS = {
    "file": QT_TRANSLATE_NOOP("PrinterScreen", "Simpan ke folder (tanpa printer)"),
    "network": QT_TRANSLATE_NOOP("PrinterScreen", "Jaringan (LAN)"),
    "usb": "USB",
    "serial": "Serial",
    "cups": "CUPS",
    "none": QT_TRANSLATE_NOOP("PrinterScreen", "Tidak ada printer"),
}
PAPER = {
    "ok": QT_TRANSLATE_NOOP("PrinterScreen", "Ada"),
    "low": QT_TRANSLATE_NOOP("PrinterScreen", "Hampir habis"),
    "out": QT_TRANSLATE_NOOP("PrinterScreen", "Habis"),
    None: QT_TRANSLATE_NOOP("PrinterScreen", "Tidak dapat diketahui"),
}


def queue_text(unprinted: int) -> str:
    if not unprinted:
        return translate("PrinterScreen", "Tidak ada, semua tercetak")
    return translate("PrinterScreen", "{count} struk").format(count=unprinted)


class PrinterScreen(AdminPage):
    def __init__(self, ctx: UiContext, go: Go) -> None:
        super().__init__(ctx, go, translate("PrinterScreen", "Printer"))
        setup = ctx.back_end.printer.setup
        box = panel()
        grid = QGridLayout(box)
        grid.setContentsMargins(px(24), px(16), px(24), px(16))
        grid.setHorizontalSpacing(px(32))
        grid.setVerticalSpacing(px(14))
        self.values: dict[str, QLabel] = {}
        rows = (
            ("connection", translate("PrinterScreen", "Sambungan")),
            ("where", translate("PrinterScreen", "Alamat")),
            ("profile", translate("PrinterScreen", "Model")),
            ("online", translate("PrinterScreen", "Menyala")),
            ("paper", translate("PrinterScreen", "Kertas")),
            ("queue", translate("PrinterScreen", "Belum tercetak")),
        )
        for row, (key, caption) in enumerate(rows):
            name = QLabel(caption)
            name.setObjectName("hint")
            value = QLabel("")
            value.setObjectName("big")
            value.setWordWrap(True)
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
            self.values[key] = value
        grid.setColumnStretch(1, 1)
        connection = CONNECTIONS.get(setup.connection, setup.connection)
        self.values["connection"].setText(translate("PrinterScreen", connection))
        self.values["where"].setText(setup.where)
        self.values["profile"].setText(
            translate("PrinterScreen", "{profile} · {chars} huruf/baris").format(
                profile=setup.profile, chars=setup.chars_per_line
            )
        )
        self.body.addWidget(box)
        self.message = MessageBox()
        self.done = QLabel("")
        self.done.setObjectName("ok")
        self.body.addWidget(self.message)
        self.body.addWidget(self.done)
        self.body.addStretch(1)
        actions = QHBoxLayout()
        actions.setSpacing(px(16))
        self.recheck = button(translate("PrinterScreen", "Periksa lagi"))
        self.recheck.setObjectName("recheck")
        self.recheck.setStyleSheet(scaled("min-height: 72px;"))
        self.recheck.clicked.connect(self.refresh)
        self.test = button(translate("PrinterScreen", "Cetak halaman tes"), "primary")
        self.test.setObjectName("test")
        self.test.clicked.connect(self.print_test)
        actions.addWidget(self.recheck, 1)
        actions.addWidget(self.test, 2)
        self.body.addLayout(actions)
        self.test.setEnabled(setup.connection != "none")

    def refresh(self) -> None:
        self.message.clear()
        self.done.setText("")
        for key in ("online", "paper", "queue"):
            self.values[key].setText(translate("PrinterScreen", "Memeriksa…"))
        self.recheck.setEnabled(False)
        self.ctx.runner.run(self.ctx.back_end.printer.check, self._checked, self._failed)

    def _checked(self, result: PrinterCheck) -> None:
        self.recheck.setEnabled(True)
        status = result.status
        if status is None:
            none = self.ctx.back_end.printer.setup.connection == "none"
            self.values["online"].setText(
                translate("PrinterScreen", "Tidak ada printer")
                if none
                else translate("PrinterScreen", "Tidak terhubung")
            )
            self.values["paper"].setText("-")
        else:
            online = {
                True: translate("PrinterScreen", "Ya"),
                False: translate("PrinterScreen", "Tidak (tutup terbuka atau error)"),
                None: translate("PrinterScreen", "Tidak dapat diketahui"),
            }
            self.values["online"].setText(online[status.online])
            paper = PAPER.get(status.paper)
            self.values["paper"].setText(
                translate("PrinterScreen", paper) if paper else str(status.paper)
            )
        if result.problem:
            self.message.show_message(
                translate(
                    "PrinterScreen",
                    "Printer tidak terhubung — transaksi tetap tersimpan. Periksa kabel dan daya.",
                )
            )
        self.values["queue"].setText(queue_text(result.unprinted))

    def _failed(self, _error: Exception) -> None:
        self.recheck.setEnabled(True)
        for key in ("online", "paper", "queue"):
            self.values[key].setText("-")
        self.message.show_message(
            translate("PrinterScreen", "Status printer tidak dapat diperiksa. Coba lagi.")
        )

    def print_test(self) -> None:
        self.test.setEnabled(False)
        self.done.setText("")
        self.ctx.runner.run(
            self.ctx.back_end.printer.print_test_page, self._printed, self._test_failed
        )

    def _printed(self, _job: int) -> None:
        self.test.setEnabled(True)
        self.done.setText(translate("PrinterScreen", "Halaman tes dikirim ke printer."))
        self.refresh_queue()

    def _test_failed(self, _error: Exception) -> None:
        self.test.setEnabled(True)
        self.message.show_message(
            translate("PrinterScreen", "Halaman tes tidak dapat dikirim. Coba lagi.")
        )

    def refresh_queue(self) -> None:
        self.ctx.runner.run(
            self.ctx.back_end.printer.unprinted,
            lambda n: self.values["queue"].setText(queue_text(n)),
        )
